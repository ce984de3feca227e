#!/bin/sh
# gen-link.sh SYMBOLS_DIR OUT_DIR: write OUT_DIR/gcompat.map, the linker version
# script (one node per glibc version, oldest first, each inheriting the one
# before as glibc's own script does; then one node per GCC_* version, the
# names glibc-built libgcc_s defines at hidden versions), and OUT_DIR/exports.ld,
# a linker script that makes the final link pull in every exported name.
set -eu
dir=$1 out=$2
mkdir -p "$out"
versions=$(ls "$dir" | sed -n 's/^\(GLIBC_[0-9.]*\)\.txt$/\1/p' | sort -t. -k1,1 -k2,2n -k3,3n)
gcc_versions=$(ls "$dir" | sed -n 's/^\(\(GCC\|CXXABI\)_[0-9.]*\)\.txt$/\1/p' | sort -t. -k1,1 -k2,2n -k3,3n)
names() { grep -v -e '^#' -e '^[[:space:]]*$' "$dir/$1.txt"; }
{
    prev=
    for v in $versions; do
        printf '%s {\n  global:\n' "$v"
        names "$v" | sed 's/.*/    &;/'
        [ -n "$prev" ] || printf '  local:\n    *;\n'
        if [ -n "$prev" ]; then printf '} %s;\n' "$prev"; else printf '};\n'; fi
        prev=$v
    done
    for v in $gcc_versions; do
        printf '%s {\n  global:\n' "$v"
        names "$v" | sed 's/.*/    &;/'
        printf '};\n'
    done
} > "$out/gcompat.map.tmp"
{
    printf 'EXTERN(\n'
    # Quoted: ld reads a bare name made of hex digits (fadd) as a number.
    for v in $versions $gcc_versions; do names "$v" | sed 's/.*/  "&"/'; done
    printf ')\n'
} > "$out/exports.ld.tmp"
mv "$out/gcompat.map.tmp" "$out/gcompat.map"
mv "$out/exports.ld.tmp" "$out/exports.ld"
