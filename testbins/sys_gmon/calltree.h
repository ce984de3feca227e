// A -pg program's call graph, as gmon.out records it. The program forks;
// the child runs a known call tree and exits, which writes its profile
// (`_mcleanup`, registered at start-up) to $GMON_OUT_PREFIX.<pid> in a
// temporary folder; the parent reads that file and prints its arcs by
// function name. Cases:
//   tree       main -> f -> g -> h (two call sites), g -> k through a
//              pointer, rec -> rec, one call site with three callees (a
//              chain of arcs), and calls whose arguments (six ints, eight
//              doubles, variadic) must survive the profiling hook;
//   moncontrol calls made while moncontrol(0) has stopped profiling are
//              not counted, those after moncontrol(1) are;
//   restart    _mcleanup by hand writes the profile so far; monstartup by
//              hand starts afresh, and exit writes the second profile;
//   overflow   monstartup by hand over 4096 bytes of text allows 122 arcs;
//              a function with more call sites than that overflows the
//              table: mcount says so once, and no profile is written.
// The parent leaves with _exit, so that it writes no profile of its own.
#include "gmon_file.h"
#include <stdarg.h>
#include <sys/gmon.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define NOINLINE __attribute__((noinline, noclone))

int main(int argc, char **argv);

volatile int sink;

NOINLINE int h(int x)
{
    sink += x;
    return x + 1;
}

NOINLINE int k(int x)
{
    sink -= x;
    return x * 2;
}

NOINLINE int g(int x)
{
    int r = h(x);
    sink = r;
    r += h(x + 1);
    int (*volatile fp)(int) = k;
    r += fp(r);
    sink = r;
    return r + 1;
}

NOINLINE int f(int x)
{
    int r = 0;
    for (int i = 0; i < 3; i++) r += g(x + i);
    r += h(r);
    sink = r;
    return r;
}

NOINLINE int m(int x)
{
    sink ^= x;
    return x - 1;
}

// One call site, three callees: one froms chain, whose order shows
// mcount's move-to-front.
NOINLINE int dispatch(int n)
{
    int (*const targets[])(int) = {h, k, m};
    int r = 0;
    for (int i = 0; i < n; i++) {
        int (*volatile fp)(int) = targets[(i * 5 + i / 2) % 3];
        r += fp(i);
        sink = r;
    }
    return r;
}

NOINLINE int rec(int n)
{
    if (n <= 0) return 0;
    int r = rec(n - 1);
    sink = r;
    return r + n;
}

NOINLINE long six(long a, long b, long c, long d, long e, long f)
{
    sink = (int)a;
    return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f;
}

NOINLINE double eight(double a, double b, double c, double d, double e, double f, double g, double h)
{
    sink = (int)a;
    return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h;
}

NOINLINE double vsum(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    double s = 0;
    for (int i = 0; i < n; i++) s += va_arg(ap, double);
    va_end(ap);
    sink = n;
    return s;
}

#define CALL2 sink += h(1); sink += k(2);
#define CALL10 CALL2 CALL2 CALL2 CALL2 CALL2
#define CALL100 CALL10 CALL10 CALL10 CALL10 CALL10 CALL10 CALL10 CALL10 CALL10 CALL10

// Hundreds of call sites, each in its own froms slot.
NOINLINE void many(void)
{
    CALL100 CALL100 CALL100 CALL100 CALL100
}

static const struct gmon_fn functions[] = {
    {"main", (const void *)main}, {"f", (const void *)f},         {"g", (const void *)g},
    {"h", (const void *)h},       {"k", (const void *)k},         {"rec", (const void *)rec},
    {"m", (const void *)m},       {"dispatch", (const void *)dispatch},
    {"six", (const void *)six},   {"eight", (const void *)eight}, {"vsum", (const void *)vsum},
    {"many", (const void *)many},
};
#define NFUNCTIONS (int)(sizeof functions / sizeof functions[0])

static char dir[] = "/tmp/gmon-test-XXXXXX";

static void profile_name(char *out, size_t size, pid_t pid)
{
    snprintf(out, size, "%s/prof.%d", dir, (int)pid);
}

static void child(const char *what)
{
    if (!strcmp(what, "tree")) {
        printf("f(1) = %d\n", f(1));
        printf("rec(3) = %d\n", rec(3));
        printf("dispatch(7) = %d\n", dispatch(7));
        printf("six = %ld\n", six(1, 2, 3, 4, 5, 6));
        printf("eight = %g\n", eight(1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5));
        printf("vsum = %g\n", vsum(3, 0.25, 0.5, 1.0));
    } else if (!strcmp(what, "moncontrol")) {
        moncontrol(0);
        printf("f(1) = %d while off\n", f(1));
        moncontrol(1);
        printf("rec(2) = %d while on\n", rec(2));
    } else if (!strcmp(what, "restart")) {
        printf("f(2) = %d\n", f(2));
        _mcleanup();
        char from[64], to[64];
        profile_name(from, sizeof from, getpid());
        snprintf(to, sizeof to, "%s/first", dir);
        printf("first profile written %d\n", rename(from, to) == 0);
        monstartup((unsigned long)__executable_start, (unsigned long)etext);
        printf("rec(2) = %d\n", rec(2));
    } else if (!strcmp(what, "overflow")) {
        _mcleanup();
        char name[64];
        profile_name(name, sizeof name, getpid());
        unlink(name);
        monstartup((unsigned long)many, (unsigned long)many + 4096);
        fflush(stdout);
        many();
        moncontrol(1);
        printf("f(1) = %d after the overflow\n", f(1));
    }
    fflush(stdout);
    exit(0);
}

static int run(int argc, char **argv)
{
    if (argc < 2 || !mkdtemp(dir)) return 2;
    char prefix[64];
    snprintf(prefix, sizeof prefix, "%s/prof", dir);
    setenv("GMON_OUT_PREFIX", prefix, 1);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) child(argv[1]);
    int status;
    waitpid(pid, &status, 0);
    printf("child exit %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    char name[64];
    if (!strcmp(argv[1], "restart")) {
        snprintf(name, sizeof name, "%s/first", dir);
        printf("first profile:\n");
        gmon_print(name, functions, NFUNCTIONS);
        unlink(name);
        printf("second profile:\n");
    }
    profile_name(name, sizeof name, pid);
    gmon_print(name, functions, NFUNCTIONS);
    unlink(name);
    printf("folder left empty %d\n", rmdir(dir) == 0);
    fflush(stdout);
    _exit(0);
}
