#!/bin/sh
# gen-link.sh SYMBOLS_DIR OUT_DIR ARCH: what libgcompat.so.0 exports on ARCH,
# at which version, from symbols/ (see symbols/README.md). Writes
#   OUT_DIR/versions.txt  "name version", one a line, sorted by name: each
#                         glibc.txt name glibc defines on ARCH, at the newest
#                         version it defines it at (glibc-abi/ARCH/*.abilist);
#                         then runtime.txt's names for ARCH at their version;
#   OUT_DIR/gcompat.map   the linker version script: one node per glibc
#                         version, oldest first, each inheriting the one before
#                         as glibc's own script does, then one per GCC_* or
#                         CXXABI_* version;
#   OUT_DIR/exports.ld    a linker script that makes the final link pull in
#                         every exported name.
# The one place that turns symbols/ into versions: the Makefile runs it for
# the link, build.rs for the compile-time check of each declaration.
set -eu
dir=$1 out=$2 arch=$3
abi=$dir/glibc-abi/$arch
if [ ! -f "$abi/libc.abilist" ]; then
    echo "gen-link.sh: no glibc abilists for $arch in $abi" >&2
    exit 1
fi
mkdir -p "$out"
# "GLIBC_2.2.5" as sortable fields: the numbers after the prefix.
vsort() { sort -t. -k1,1 -k2,2n -k3,3n; }
awk -v arch="$arch" '
    # Whether version a ("GLIBC_2.17") is newer than b ("GLIBC_2.2.5").
    function newer(a, b,    x, y, n, i) {
        sub(/^[A-Z]+_/, "", a); sub(/^[A-Z]+_/, "", b)
        n = split(a, x, "."); split(b, y, ".")
        for (i = 1; i <= n || i in y; i++)
            if (x[i] + 0 != y[i] + 0) return x[i] + 0 > y[i] + 0
        return 0
    }
    /^#/ || NF == 0 { next }
    FILENAME ~ /glibc\.txt$/ { wanted[$1] = 1; next }
    FILENAME ~ /runtime\.txt$/ {
        for (i = 3; i <= NF; i++) if ($i == arch) runtime[$1] = $2
        next
    }
    # An abilist line: VERSION NAME TYPE [SIZE].
    $2 in wanted && !($2 in version && !newer($1, version[$2])) { version[$2] = $1 }
    END {
        for (n in version) print n, version[n]
        for (n in runtime) print n, runtime[n]
    }
' "$dir/glibc.txt" "$dir/runtime.txt" "$abi"/*.abilist | LC_ALL=C sort > "$out/versions.txt.tmp"
versions=$(cut -d' ' -f2 "$out/versions.txt.tmp" | grep '^GLIBC_' | sort -u | vsort)
others=$(cut -d' ' -f2 "$out/versions.txt.tmp" | grep -v '^GLIBC_' | sort -u | vsort)
names() { awk -v v="$1" '$2 == v { print $1 }' "$out/versions.txt.tmp"; }
{
    prev=
    for v in $versions; do
        printf '%s {\n  global:\n' "$v"
        names "$v" | sed 's/.*/    &;/'
        if [ -n "$prev" ]; then printf '} %s;\n' "$prev"; else printf '  local:\n    *;\n};\n'; fi
        prev=$v
    done
    for v in $others; do
        printf '%s {\n  global:\n' "$v"
        names "$v" | sed 's/.*/    &;/'
        printf '};\n'
    done
} > "$out/gcompat.map.tmp"
{
    printf 'EXTERN(\n'
    # Quoted: ld reads a bare name made of hex digits (fadd) as a number.
    for v in $versions $others; do names "$v" | sed 's/.*/  "&"/'; done
    printf ')\n'
} > "$out/exports.ld.tmp"
mv "$out/versions.txt.tmp" "$out/versions.txt"
mv "$out/gcompat.map.tmp" "$out/gcompat.map"
mv "$out/exports.ld.tmp" "$out/exports.ld"
