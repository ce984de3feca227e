// cases: affinity affinity_sizes affinity_bad getattr sigmask sigmask_get guard deep
// cflags: -pthread
/* glibc's thread attribute extensions: a CPU affinity and a signal mask the
 * new thread starts with, their getters' answers (all CPUs, or
 * PTHREAD_ATTR_NO_SIGMASK_NP, when none was set; EINVAL for a set that does
 * not fit), pthread_create's failure for an affinity the kernel refuses,
 * glibc's default guard of one page, and a default stack that survives a
 * deep recursion. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char *name(int e)
{
    switch (e) {
    case 0: return "0";
    case -1: return "NO_SIGMASK";
    case EINVAL: return "EINVAL";
    case ENOMEM: return "ENOMEM";
    default: return strerror(e);
    }
}

static void *report_cpus(void *arg)
{
    (void)arg;
    cpu_set_t set;
    CPU_ZERO(&set);
    sched_getaffinity(0, sizeof set, &set);
    printf("thread: %d cpu(s), cpu0 %d\n", CPU_COUNT(&set), CPU_ISSET(0, &set));
    return NULL;
}

static void *report_mask(void *arg)
{
    (void)arg;
    sigset_t m;
    pthread_sigmask(SIG_SETMASK, NULL, &m);
    printf("thread: USR1 %d USR2 %d TERM %d\n", sigismember(&m, SIGUSR1), sigismember(&m, SIGUSR2),
           sigismember(&m, SIGTERM));
    return NULL;
}

static void *report_self(void *arg)
{
    (void)arg;
    pthread_attr_t a;
    size_t guard = 0, stack = 0;
    cpu_set_t set, real;
    pthread_getattr_np(pthread_self(), &a);
    pthread_attr_getguardsize(&a, &guard);
    pthread_attr_getstacksize(&a, &stack);
    int rc = pthread_attr_getaffinity_np(&a, sizeof set, &set);
    sched_getaffinity(0, sizeof real, &real);
    printf("self: guard %zu stack >= 7 MiB %d affinity %s matches %d\n", guard, stack >= (7u << 20), name(rc),
           CPU_EQUAL(&set, &real));
    pthread_attr_destroy(&a);
    return NULL;
}

static int recurse(int n)
{
    volatile char frame[4096];
    frame[0] = (char)n;
    if (n == 0)
        return frame[0];
    return recurse(n - 1) + frame[0] - (char)n;
}

static void *deep(void *arg)
{
    (void)arg;
    /* About 6 MiB of stack: glibc's default thread stack (the stack
     * rlimit, 8 MiB) holds it. */
    printf("deep: %d\n", recurse(1500));
    return NULL;
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "affinity";
    pthread_attr_t a;
    pthread_t t;
    cpu_set_t set;
    pthread_attr_init(&a);
    if (!strcmp(c, "affinity")) {
        int rc = pthread_attr_getaffinity_np(&a, sizeof set, &set);
        printf("unset: %s count %d\n", name(rc), CPU_COUNT(&set));
        CPU_ZERO(&set);
        CPU_SET(0, &set);
        printf("set: %s\n", name(pthread_attr_setaffinity_np(&a, sizeof set, &set)));
        CPU_ZERO(&set);
        rc = pthread_attr_getaffinity_np(&a, sizeof set, &set);
        printf("get: %s count %d cpu0 %d\n", name(rc), CPU_COUNT(&set), CPU_ISSET(0, &set));
        int cr = pthread_create(&t, &a, report_cpus, NULL);
        pthread_join(t, NULL);
        printf("create: %s\n", name(cr));
        printf("clear: %s\n", name(pthread_attr_setaffinity_np(&a, 0, NULL)));
        rc = pthread_attr_getaffinity_np(&a, sizeof set, &set);
        printf("after clear: %s count %d\n", name(rc), CPU_COUNT(&set));
    } else if (!strcmp(c, "affinity_sizes")) {
        /* A set with a CPU past the getter's size, and a small set read
         * into a larger buffer (zero-filled). */
        size_t big = CPU_ALLOC_SIZE(2048);
        cpu_set_t *s = CPU_ALLOC(2048);
        CPU_ZERO_S(big, s);
        CPU_SET_S(1500, big, s);
        printf("set big: %s\n", name(pthread_attr_setaffinity_np(&a, big, s)));
        printf("get small: %s\n", name(pthread_attr_getaffinity_np(&a, sizeof set, &set)));
        CPU_ZERO_S(big, s);
        CPU_SET_S(1, big, s);
        pthread_attr_setaffinity_np(&a, big, s);
        memset(&set, 0x55, sizeof set);
        int rc = pthread_attr_getaffinity_np(&a, sizeof set, &set);
        printf("get small now: %s count %d cpu1 %d\n", name(rc), CPU_COUNT(&set), CPU_ISSET(1, &set));
        unsigned char one = 4; /* CPU 2 */
        printf("set 1 byte: %s\n", name(pthread_attr_setaffinity_np(&a, 1, (cpu_set_t *)&one)));
        memset(s, 0x55, big);
        rc = pthread_attr_getaffinity_np(&a, big, s);
        printf("get big: %s count %d cpu2 %d\n", name(rc), CPU_COUNT_S(big, s), CPU_ISSET_S(2, big, s));
        CPU_FREE(s);
    } else if (!strcmp(c, "affinity_bad")) {
        /* Only a CPU that does not exist: the kernel refuses it, and so
         * does pthread_create; the start routine never runs. */
        size_t big = CPU_ALLOC_SIZE(4096);
        cpu_set_t *s = CPU_ALLOC(4096);
        CPU_ZERO_S(big, s);
        CPU_SET_S(4000, big, s);
        pthread_attr_setaffinity_np(&a, big, s);
        printf("create joinable: %s\n", name(pthread_create(&t, &a, report_cpus, NULL)));
        pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
        printf("create detached: %s\n", name(pthread_create(&t, &a, report_cpus, NULL)));
        CPU_FREE(s);
    } else if (!strcmp(c, "getattr")) {
        pthread_create(&t, NULL, report_self, NULL);
        pthread_join(t, NULL);
    } else if (!strcmp(c, "sigmask")) {
        sigset_t m, parent;
        /* The creator blocks USR2; the attribute mask blocks USR1 only. */
        sigemptyset(&parent);
        sigaddset(&parent, SIGUSR2);
        pthread_sigmask(SIG_BLOCK, &parent, NULL);
        sigemptyset(&m);
        sigaddset(&m, SIGUSR1);
        printf("set: %s\n", name(pthread_attr_setsigmask_np(&a, &m)));
        int cr = pthread_create(&t, &a, report_mask, NULL);
        pthread_join(t, NULL);
        printf("create: %s\n", name(cr));
        cr = pthread_create(&t, NULL, report_mask, NULL);
        pthread_join(t, NULL);
        printf("without: %s\n", name(cr));
        pthread_sigmask(SIG_SETMASK, NULL, &m);
        printf("creator: USR1 %d USR2 %d\n", sigismember(&m, SIGUSR1), sigismember(&m, SIGUSR2));
    } else if (!strcmp(c, "sigmask_get")) {
        sigset_t m;
        memset(&m, 0xff, sizeof m);
        int rc = pthread_attr_getsigmask_np(&a, &m);
        printf("unset: %s USR1 %d\n", name(rc), sigismember(&m, SIGUSR1));
        sigfillset(&m);
        pthread_attr_setsigmask_np(&a, &m);
        sigemptyset(&m);
        rc = pthread_attr_getsigmask_np(&a, &m);
        printf("full: %s USR1 %d TERM %d RTMAX %d\n", name(rc), sigismember(&m, SIGUSR1), sigismember(&m, SIGTERM),
               sigismember(&m, SIGRTMAX));
        printf("clear: %s\n", name(pthread_attr_setsigmask_np(&a, NULL)));
        rc = pthread_attr_getsigmask_np(&a, &m);
        printf("after clear: %s USR1 %d\n", name(rc), sigismember(&m, SIGUSR1));
    } else if (!strcmp(c, "guard")) {
        size_t guard = 0, stack = 0;
        pthread_attr_getguardsize(&a, &guard);
        pthread_attr_getstacksize(&a, &stack);
        printf("init: guard %zu stack %zu\n", guard, stack);
        pthread_attr_t d;
        printf("default: %s\n", name(pthread_getattr_default_np(&d)));
        pthread_attr_getguardsize(&d, &guard);
        pthread_attr_getstacksize(&d, &stack);
        printf("default: guard %zu stack %zu\n", guard, stack);
        pthread_attr_destroy(&d);
    } else if (!strcmp(c, "deep")) {
        pthread_create(&t, NULL, deep, NULL);
        pthread_join(t, NULL);
    }
    printf("destroy: %s\n", name(pthread_attr_destroy(&a)));
    return 0;
}
