/* What a shimmed call costs beside musl's plain function: each pair is
 * called through a volatile function pointer (so neither is inlined or
 * folded), N times per run, and the median of RUNS runs is printed in
 * nanoseconds per call. Built against glibc, run under musl + shim.
 * This prints figures; it asserts nothing. */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void *__memcpy_chk(void *, const void *, size_t, size_t);
int __sprintf_chk(char *, int, size_t, const char *, ...);
long __isoc23_strtol(const char *, char **, int);

#define RUNS 15
#define N 2000000

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static char dst[256], src[256] = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
static volatile long sink;

static void *(*volatile p_memcpy)(void *, const void *, size_t) = memcpy;
static void *(*volatile p_memcpy_chk)(void *, const void *, size_t, size_t) = __memcpy_chk;
static int (*volatile p_sprintf)(char *, const char *, ...) = sprintf;
static int (*volatile p_sprintf_chk)(char *, int, size_t, const char *, ...) = __sprintf_chk;
/* The program's sprintf (under musl, the shim's glibc-caller path) beside
 * libc's own, found in libc itself (main()). */
static int (*volatile p_libc_sprintf)(char *, const char *, ...);
static long (*volatile p_strtol)(const char *, char **, int) = strtol;
static long (*volatile p_isoc23_strtol)(const char *, char **, int) = __isoc23_strtol;

static double loop_memcpy(void) { double t = now(); for (int i = 0; i < N; i++) p_memcpy(dst, src, 64); return (now() - t) / N; }
static double loop_memcpy_chk(void) { double t = now(); for (int i = 0; i < N; i++) p_memcpy_chk(dst, src, 64, sizeof dst); return (now() - t) / N; }
static double loop_sprintf_chk(void) { double t = now(); for (int i = 0; i < N / 10; i++) p_sprintf_chk(dst, 1, sizeof dst, "%d %s", i, "abc"); return (now() - t) / (N / 10); }
static double loop_plain_fast(void) { double t = now(); for (int i = 0; i < N / 10; i++) p_sprintf(dst, "%d %x %5.2f", i, i, 0.5); return (now() - t) / (N / 10); }
static double loop_libc_fast(void) { double t = now(); for (int i = 0; i < N / 10; i++) p_libc_sprintf(dst, "%d %x %5.2f", i, i, 0.5); return (now() - t) / (N / 10); }
static double loop_plain_s(void) { double t = now(); for (int i = 0; i < N / 10; i++) p_sprintf(dst, "%d %s", i, "abc"); return (now() - t) / (N / 10); }
static double loop_libc_s(void) { double t = now(); for (int i = 0; i < N / 10; i++) p_libc_sprintf(dst, "%d %s", i, "abc"); return (now() - t) / (N / 10); }
static double loop_strtol(void) { double t = now(); for (int i = 0; i < N; i++) sink += p_strtol("-123456", 0, 0); return (now() - t) / N; }
static double loop_isoc23_strtol(void) { double t = now(); for (int i = 0; i < N; i++) sink += p_isoc23_strtol("-123456", 0, 0); return (now() - t) / N; }

/* pthread_mutex_lock/unlock as the program binds them (under musl, the
 * shim's: it adopts glibc's static mutex kinds first) beside libc's own. */
#include <pthread.h>
static pthread_mutex_t mtx = PTHREAD_MUTEX_INITIALIZER;
static int (*volatile p_lock)(pthread_mutex_t *) = pthread_mutex_lock;
static int (*volatile p_unlock)(pthread_mutex_t *) = pthread_mutex_unlock;
static int (*volatile p_libc_lock)(pthread_mutex_t *);
static int (*volatile p_libc_unlock)(pthread_mutex_t *);
static double loop_lock(void) { double t = now(); for (int i = 0; i < N; i++) { p_lock(&mtx); p_unlock(&mtx); } return (now() - t) / N; }
static double loop_libc_lock(void) { double t = now(); for (int i = 0; i < N; i++) { p_libc_lock(&mtx); p_libc_unlock(&mtx); } return (now() - t) / N; }

static double median(double (*f)(void))
{
    double r[RUNS];
    for (int i = 0; i < RUNS; i++) r[i] = f();
    qsort(r, RUNS, sizeof r[0], cmp);
    return r[RUNS / 2];
}

static void pair(const char *shim, double (*fs)(void), const char *plain, double (*fp)(void))
{
    /* Interleave to share any frequency drift. */
    double s = median(fs), p = median(fp);
    printf("%-18s %7.2f ns/call   %-8s %7.2f ns/call   ratio %.3f\n", shim, s, plain, p, s / p);
}

int main(void)
{
    pair("__memcpy_chk", loop_memcpy_chk, "memcpy", loop_memcpy);
    pair("__isoc23_strtol", loop_isoc23_strtol, "strtol", loop_strtol);
    void *libc = dlopen("libc.so.6", RTLD_LAZY | RTLD_NOLOAD);
    p_libc_sprintf = libc ? (int (*)(char *, const char *, ...))dlsym(libc, "sprintf") : 0;
    if (p_libc_sprintf) {
        pair("__sprintf_chk", loop_sprintf_chk, "libc's", loop_libc_s);
        pair("sprintf %d %x %f", loop_plain_fast, "libc's", loop_libc_fast);
        pair("sprintf %d %s", loop_plain_s, "libc's", loop_libc_s);
    } else {
        printf("libc's own sprintf not found: %s\n", dlerror());
    }
    p_libc_lock = libc ? (int (*)(pthread_mutex_t *))dlsym(libc, "pthread_mutex_lock") : 0;
    p_libc_unlock = libc ? (int (*)(pthread_mutex_t *))dlsym(libc, "pthread_mutex_unlock") : 0;
    if (p_libc_lock && p_libc_unlock)
        pair("mutex lock+unlock", loop_lock, "libc's", loop_libc_lock);
    return 0;
}
