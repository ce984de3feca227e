#!/usr/bin/env bash
# Start-up time of a trivial glibc program (int main(void) { return 0; })
# three ways, as medians over many fork+exec+wait spawns:
#   glibc            the program under this machine's glibc
#   stub             the program in a musl system (chroot) started through its
#                    PT_INTERP, the loader stub (musl 1.2.5 + libgcompat)
#   direct           ld-musl-x86_64.so.1 --preload libgcompat.so.0 program,
#                    in the same chroot
# A benchmark, not a test: it prints figures and fails only if it cannot run.
# Needs root (chroot, mount). SPAWNS (default 2000) per round, ROUNDS (3).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
SPAWNS=${SPAWNS:-2000}
ROUNDS=${ROUNDS:-3}
work=$here/target/bench-loader
root=$work/root
. "$here/scripts/cache-dir.sh"
musl=$CACHE/musl-1.2.5/usr/lib/x86_64-linux-musl/libc.so

[ "$(id -u)" = 0 ] || { echo "bench-loader: needs root (chroot, mount)" >&2; exit 1; }
[ -e "$musl" ] || { echo "bench-loader: no musl 1.2.5 at $musl (run scripts/setup.sh)" >&2; exit 1; }

umount -l "$root/proc" 2>/dev/null || true
if mountpoint -q "$root/proc" 2>/dev/null; then echo "bench-loader: $root/proc still mounted" >&2; exit 1; fi
rm -rf "$work"
mkdir -p "$work/src" "$root/lib" "$root/bench" "$root/proc"
cp "$musl" "$root/lib/ld-musl-x86_64.so.1"
make -C "$here" -s -o all install DESTDIR="$root" >/dev/null

cat > "$work/src/trivial.c" <<'C'
int main(void) { return 0; }
C
# fork + execve + waitpid, N times after a warm-up; prints the median, the
# 10th and 90th percentiles in microseconds.
cat > "$work/src/spawn.c" <<'C'
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
extern char **environ;
static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}
static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}
int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: spawn N PROGRAM [ARGS]\n"); return 2; }
    int n = atoi(argv[1]);
    double *t = malloc(sizeof *t * n);
    for (int i = -n / 10 - 1; i < n; i++) {
        double t0 = now();
        pid_t pid = fork();
        if (pid == 0) { execve(argv[2], argv + 2, environ); _exit(127); }
        int st;
        waitpid(pid, &st, 0);
        if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) { fprintf(stderr, "spawn: %s failed (%#x)\n", argv[2], st); return 1; }
        if (i >= 0) t[i] = now() - t0;
    }
    qsort(t, n, sizeof *t, cmp);
    printf("%.1f %.1f %.1f\n", t[n / 2], t[n / 10], t[n * 9 / 10]);
    return 0;
}
C
gcc -O2 -o "$root/bench/trivial" "$work/src/trivial.c"
gcc -O2 -static -o "$root/bench/spawn" "$work/src/spawn.c"
mount -t proc proc "$root/proc"
trap 'umount -l "$root/proc"' EXIT

glibc=() stub=() direct=()
for ((r = 1; r <= ROUNDS; r++)); do
    glibc+=("$("$root/bench/spawn" "$SPAWNS" "$root/bench/trivial")")
    stub+=("$(chroot "$root" /bench/spawn "$SPAWNS" /bench/trivial)")
    direct+=("$(chroot "$root" /bench/spawn "$SPAWNS" /lib/ld-musl-x86_64.so.1 --preload /lib/libgcompat.so.0 /bench/trivial)")
done
# The median of the rounds' medians, with that round's p10/p90.
pick() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
g=$(pick "${glibc[@]}") s=$(pick "${stub[@]}") d=$(pick "${direct[@]}")
echo "start-up of a trivial glibc program, median (p10, p90) over $SPAWNS spawns, median of $ROUNDS rounds, in µs:"
printf '  %-40s %s\n' "glibc 2.36 (host)" "$(awk '{printf "%7.1f (%.1f, %.1f)", $1, $2, $3}' <<<"$g")"
printf '  %-40s %s\n' "stub: PT_INTERP -> musl 1.2.5 + shim" "$(awk '{printf "%7.1f (%.1f, %.1f)", $1, $2, $3}' <<<"$s")"
printf '  %-40s %s\n' "direct: ld-musl --preload shim" "$(awk '{printf "%7.1f (%.1f, %.1f)", $1, $2, $3}' <<<"$d")"
awk -v s="${s%% *}" -v d="${d%% *}" -v g="${g%% *}" 'BEGIN {
    printf "  stub vs direct: %+.1f%% (goal: within 15%%); stub vs glibc: %+.1f%%\n", (s / d - 1) * 100, (s / g - 1) * 100 }'
