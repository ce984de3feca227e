#!/bin/sh
# bench-calls.sh: the cost of shimmed entry points beside musl's plain
# functions (bench/calls.c), under musl 1.2.5 + shim, with glibc 2.41's own
# figures for reference. Prints figures; asserts nothing.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/scripts/cache-dir.sh"
S=$CACHE/glibc-2.41
L=$S/usr/lib/x86_64-linux-gnu
out=$here/target/bench; mkdir -p "$out"
gcc --sysroot="$S" -B"$L/" -L"$L" -O2 -o "$out/calls" "$here/bench/calls.c"
echo "== musl 1.2.5 + libgcompat (goal: ratio <= 1.10)"
"$CACHE/musl-1.2.5/usr/lib/x86_64-linux-musl/libc.so" --preload "$here/target/gcompat/libgcompat.so.0" "$out/calls"
echo "== glibc 2.41 (reference)"
"$L/ld-linux-x86-64.so.2" --library-path "$L" "$out/calls"
