#!/bin/sh
# bench-regex.sh: regex match throughput (bench/regex.c, MB/s) of one
# glibc-built program under glibc 2.41 and under musl 1.2.5 + libgcompat,
# side by side. Goal: the shim no worse than half glibc's speed. Prints
# figures; asserts nothing.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/scripts/cache-dir.sh"
S=$CACHE/glibc-2.41
L=$S/usr/lib/x86_64-linux-gnu
out=$here/target/bench; mkdir -p "$out"
gcc --sysroot="$S" -B"$L/" -L"$L" -O2 -o "$out/regex" "$here/bench/regex.c"
"$L/ld-linux-x86-64.so.2" --library-path "$L" "$out/regex" > "$out/regex.glibc"
"$CACHE/musl-1.2.5/usr/lib/x86_64-linux-musl/libc.so" --preload "$here/target/gcompat/libgcompat.so.0" \
	"$out/regex" > "$out/regex.musl"
echo "MB/s: glibc 2.41 | musl 1.2.5 + libgcompat (ratio glibc/shim)"
awk 'NR == FNR { g[FNR] = $0; next }
     FNR == 1 { printf "%-28s %27s | %27s\n", "pattern", "lines  lines+regs  re_search", "lines  lines+regs  re_search"; next }
     { n = split(g[FNR], a, " "); m = split($0, b, " "); name = a[1]; for (i = 2; i <= n - 3; i++) name = name " " a[i]
       printf "%-28s %8.1f %10.1f %8.1f | %8.1f %10.1f %8.1f  (%.1fx %.1fx %.1fx)\n", name,
         a[n-2], a[n-1], a[n], b[m-2], b[m-1], b[m], a[n-2] / b[m-2], a[n-1] / b[m-1], a[n] / b[m] }' \
	"$out/regex.glibc" "$out/regex.musl"
