// cases: count scale0 outside restore sprofil sprofil-uint sprofil-none
// profil(3) and sprofil: SIGPROF samples of the PC counted into a program's
// buffers while it spins. Sample counts depend on timing, so each case
// spins until the counters it expects to grow do (or a CPU-time limit
// passes), and prints only whether they did. Cases:
//   count        one 16-bit counter per 2 bytes (scale 0x10000) over the
//                spinning function: some counters grow;
//   scale0       scale 0 sends every sample to counter 0;
//   outside      an offset above the text: no sample lands in the buffer;
//   restore      the handler and timer profil installs, a second profil
//                call replacing the first, profil(NULL) putting back the
//                program's own handler, and profil(NULL) when off;
//   sprofil      a region over the spinning function and an overflow bin:
//                the region's counters grow; the period it reports;
//                sprofil again stops and puts back the handler;
//   sprofil-uint the same with 32-bit counters (PROF_UINT);
//   sprofil-none no region with a usable scale: nothing is installed.
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/profil.h>
#include <sys/time.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

int profil(unsigned short *buf, size_t bufsiz, size_t offset, unsigned int scale);
int __profile_frequency(void);

volatile unsigned long sink;

__attribute__((noinline)) void spin(void)
{
    for (int i = 0; i < 100000; i++) sink = sink * 31 + i;
}

static double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static unsigned long total16(const unsigned short *buf, size_t n)
{
    unsigned long t = 0;
    for (size_t i = 0; i < n; i++) t += buf[i];
    return t;
}

static unsigned long total32(const unsigned int *buf, size_t n)
{
    unsigned long t = 0;
    for (size_t i = 0; i < n; i++) t += buf[i];
    return t;
}

// Spins until `grew()` or for `limit` seconds of CPU time.
static int spin_until(int (*grew)(void), double limit)
{
    double end = cpu_seconds() + limit;
    while (cpu_seconds() < end) {
        spin();
        if (grew && grew()) return 1;
    }
    return grew ? grew() : 0;
}

#define N 2048
static unsigned short counters[N];
static unsigned int counters32[N];
static unsigned short overflow_bin[2];

static int counters_grew(void)
{
    return total16(counters, N) > 0;
}

static int counter0_grew(void)
{
    return counters[0] > 0;
}

static int counters32_grew(void)
{
    return total32(counters32, N) > 0;
}

static void own_handler(int sig)
{
    (void)sig;
}

static void show_sigprof(const char *when)
{
    struct sigaction sa;
    sigaction(SIGPROF, NULL, &sa);
    struct itimerval it;
    getitimer(ITIMER_PROF, &it);
    const char *handler = sa.sa_handler == SIG_DFL       ? "default"
                          : sa.sa_handler == own_handler ? "the program's"
                                                         : "another";
    printf("%s: handler %s, siginfo %d, restart %d, timer armed %d\n", when, handler, !!(sa.sa_flags & SA_SIGINFO),
           !!(sa.sa_flags & SA_RESTART), it.it_interval.tv_sec != 0 || it.it_interval.tv_usec != 0);
}

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    const char *what = argv[1];
    size_t text = (size_t)spin;
    if (!strcmp(what, "count")) {
        printf("profil %d\n", profil(counters, sizeof counters, text, 0x10000));
        printf("some samples: %d\n", spin_until(counters_grew, 10));
        printf("profil(NULL) %d\n", profil(NULL, 0, 0, 0));
    } else if (!strcmp(what, "scale0")) {
        printf("profil %d\n", profil(counters, sizeof counters, text, 0));
        int grew = spin_until(counter0_grew, 10);
        profil(NULL, 0, 0, 0);
        printf("counter 0 grew %d, the others stayed 0: %d\n", grew, total16(counters + 1, N - 1) == 0);
    } else if (!strcmp(what, "outside")) {
        printf("profil %d\n", profil(counters, sizeof counters, (size_t)-1 / 2, 0x10000));
        spin_until(NULL, 0.2);
        profil(NULL, 0, 0, 0);
        printf("samples in the buffer: %lu\n", total16(counters, N));
    } else if (!strcmp(what, "restore")) {
        printf("profil(NULL) while off %d\n", profil(NULL, 0, 0, 0));
        struct sigaction sa = {.sa_handler = own_handler};
        sigaction(SIGPROF, &sa, NULL);
        show_sigprof("own handler");
        printf("profil %d\n", profil(counters, sizeof counters, text, 0x10000));
        struct itimerval it;
        getitimer(ITIMER_PROF, &it);
        printf("timer every 1/__profile_frequency s: %d\n", it.it_interval.tv_usec == 1000000 / __profile_frequency());
        show_sigprof("profiling");
        printf("profil again %d\n", profil(counters, sizeof counters / 2, text, 0x8000));
        show_sigprof("profiling again");
        printf("some samples: %d\n", spin_until(counters_grew, 10));
        printf("profil(NULL) %d\n", profil(NULL, 0, 0, 0));
        show_sigprof("stopped");
        printf("profil(NULL) again %d\n", profil(NULL, 0, 0, 0));
        show_sigprof("stopped again");
    } else if (!strcmp(what, "sprofil") || !strcmp(what, "sprofil-uint")) {
        int uint = !strcmp(what, "sprofil-uint");
        struct prof regions[2] = {
            {overflow_bin, sizeof overflow_bin, 0, 2},
            {uint ? (void *)counters32 : (void *)counters, uint ? sizeof counters32 : sizeof counters, text,
             0x10000},
        };
        struct sigaction sa = {.sa_handler = own_handler};
        sigaction(SIGPROF, &sa, NULL);
        struct timeval tv = {-1, -1};
        printf("sprofil %d\n", sprofil(regions, 2, &tv, uint ? PROF_UINT : PROF_USHORT));
        printf("period %ld s %ld us (1/__profile_frequency %d)\n", (long)tv.tv_sec, (long)tv.tv_usec,
               tv.tv_usec == 1000000 / __profile_frequency());
        show_sigprof("profiling");
        printf("some samples: %d\n", spin_until(uint ? counters32_grew : counters_grew, 10));
        printf("sprofil to stop %d\n", sprofil(NULL, 0, NULL, 0));
        show_sigprof("stopped");
    } else if (!strcmp(what, "sprofil-none")) {
        struct prof regions[2] = {
            {counters, sizeof counters, text, 1},
            {counters, sizeof counters, text, 0},
        };
        struct timeval tv = {-1, -1};
        printf("sprofil %d\n", sprofil(regions, 2, &tv, 0));
        printf("period %ld s %ld us\n", (long)tv.tv_sec, (long)tv.tv_usec);
        show_sigprof("after");
        printf("sprofil with no entries %d\n", sprofil(regions, 0, NULL, 0));
        show_sigprof("after");
    }
    return 0;
}
