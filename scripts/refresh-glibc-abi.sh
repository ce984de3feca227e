#!/bin/sh
# refresh-glibc-abi.sh GLIBC_SOURCE_TREE: copy glibc's abilists for the
# architectures the shim supports into symbols/glibc-abi/. Record the commit
# taken in symbols/glibc-abi/README.md.
set -eu
src=${1:?usage: refresh-glibc-abi.sh GLIBC_SOURCE_TREE}
here=$(cd "$(dirname "$0")/.." && pwd)
dest=$here/symbols/glibc-abi
linux=$src/sysdeps/unix/sysv/linux
[ -d "$linux/x86_64/64" ] && [ -d "$linux/aarch64" ] || { echo "refresh-glibc-abi: $src is not a glibc source tree" >&2; exit 1; }
rm -f "$dest"/x86_64/*.abilist "$dest"/aarch64/*.abilist
mkdir -p "$dest/x86_64" "$dest/aarch64"
cp "$linux"/x86_64/64/*.abilist "$linux"/x86_64/libmvec.abilist "$dest/x86_64/"
cp "$linux"/aarch64/*.abilist "$dest/aarch64/"
echo "refresh-glibc-abi: $(ls "$dest"/x86_64 | wc -l) x86_64 and $(ls "$dest"/aarch64 | wc -l) aarch64 lists in $dest"
