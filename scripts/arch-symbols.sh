#!/bin/sh
# TEMPORARY STAND-IN, to be replaced by the per-architecture version mechanism
# of scripts/gen-link.sh / build.rs (versions computed from
# symbols/glibc-abi/<arch>/*.abilist) when that lands. It is the only place
# that maps symbols/ (written for x86_64) to another architecture; the
# Makefile calls it for ARCH != x86_64 and hands its output folder to
# gen-link.sh in place of symbols/.
#
# arch-symbols.sh ARCH SYMBOLS_DIR OUT_DIR: write OUT_DIR/GLIBC_<v>.txt (and
# the GCC_/CXXABI_ files) for ARCH:
#   - a GLIBC_* name glibc does not define on ARCH (no line in
#     SYMBOLS_DIR/glibc-abi/ARCH/*.abilist) is dropped;
#   - a kept name goes to the newest version ARCH's abilists give it (most
#     are GLIBC_2.17 on aarch64, glibc's first version there);
#   - names only ARCH needs are added (EXTRA below, as NAME VERSION);
#   - GCC_4.8.0 (x86's __cpu_model, __cpu_indicator_init) is x86_64-only.
set -eu
arch=$1 dir=$2 out=$3
abi=$dir/glibc-abi/$arch
[ -d "$abi" ] || { echo "arch-symbols: no $abi" >&2; exit 1; }
case $arch in
    # __getauxval: libgcc's outline-atomics start-up (lse-init.o) calls it.
    aarch64) EXTRA='__getauxval GLIBC_2.17' ;;
    *) EXTRA= ;;
esac
rm -rf "$out"
mkdir -p "$out"
names() { grep -hv -e '^#' -e '^[[:space:]]*$' "$@"; }
# name -> newest version on ARCH, from the abilists (GLIBC_* only).
newest=$(mktemp)
trap 'rm -f "$newest"' EXIT
cat "$abi"/*.abilist | awk '$1 ~ /^GLIBC_[0-9]/ { print $2, $1 }' |
    sort -k1,1 -k2,2V | awk '{ v[$1] = $2 } END { for (n in v) print n, v[n] }' > "$newest"
{
    for f in "$dir"/GLIBC_*.txt; do names "$f"; done
} | awk -v extra="$EXTRA" 'NR == FNR { v[$1] = $2; next }
    ($1 in v) { print v[$1], $1 }
    END { n = split(extra, e, " "); for (i = 1; i < n; i += 2) print e[i + 1], e[i] }' "$newest" - |
    sort -u | awk -v out="$out" '{ print $2 > (out "/" $1 ".txt") }'
for f in "$out"/GLIBC_*.txt; do LC_ALL=C sort -o "$f" "$f"; done
for f in "$dir"/GCC_*.txt "$dir"/CXXABI_*.txt; do
    [ -e "$f" ] || continue
    case $arch/$(basename "$f") in
        x86_64/*|*/CXXABI_*) cp "$f" "$out/" ;;
    esac
done
