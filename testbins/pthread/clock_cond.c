// cases: default monotonic
// cflags: -D_GNU_SOURCE -pthread
/* pthread_cond_clockwait (glibc 2.30) on a condition variable of each clock
 * (the default CLOCK_REALTIME, or CLOCK_MONOTONIC from its attribute),
 * waiting on each clock: deadlines in the past and before the epoch
 * (ETIMEDOUT at once, the mutex held again), a short future deadline
 * (ETIMEDOUT, only after that time on the waited clock), being woken by
 * another thread, and the clocks and timespecs glibc refuses (EINVAL, the
 * mutex still held). */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static const char *ename(int e)
{
    switch (e) {
    case 0: return "0";
    case EINVAL: return "EINVAL";
    case ETIMEDOUT: return "ETIMEDOUT";
    case EPERM: return "EPERM";
    case EBUSY: return "EBUSY";
    case EDEADLK: return "EDEADLK";
    }
    static char buf[32];
    snprintf(buf, sizeof buf, "errno %d", e);
    return buf;
}

static pthread_mutex_t mutex;
static pthread_cond_t cond;
static int flag;

static struct timespec at(clockid_t clock, long ms)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    ts.tv_sec += ms / 1000;
    ts.tv_nsec += (ms % 1000) * 1000000;
    if (ts.tv_nsec >= 1000000000) { ts.tv_sec++; ts.tv_nsec -= 1000000000; }
    if (ts.tv_nsec < 0) { ts.tv_sec--; ts.tv_nsec += 1000000000; }
    return ts;
}

static int reached(clockid_t clock, const struct timespec *ts)
{
    struct timespec now;
    clock_gettime(clock, &now);
    return now.tv_sec > ts->tv_sec || (now.tv_sec == ts->tv_sec && now.tv_nsec >= ts->tv_nsec);
}

/* The mutex is an error-checking one: unlocking tells whether the wait
 * handed it back locked by this thread. */
static void wait_once(const char *what, clockid_t clock, struct timespec ts)
{
    pthread_mutex_lock(&mutex);
    int rc = pthread_cond_clockwait(&cond, &mutex, clock, &ts);
    int unlock = pthread_mutex_unlock(&mutex);
    printf("  %s: %s, mutex held after: %s\n", what, ename(rc), unlock == 0 ? "yes" : "no");
}

static void *signaller(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mutex);
    flag = 1;
    pthread_cond_signal(&cond);
    pthread_mutex_unlock(&mutex);
    return NULL;
}

static void woken(clockid_t clock)
{
    pthread_t t;
    pthread_mutex_lock(&mutex);
    flag = 0;
    pthread_create(&t, NULL, signaller, NULL);
    struct timespec ts = at(clock, 10000);
    int rc = 0;
    while (!flag && rc == 0)
        rc = pthread_cond_clockwait(&cond, &mutex, clock, &ts);
    printf("  woken: %s, flag %d\n", ename(rc), flag);
    pthread_mutex_unlock(&mutex);
    pthread_join(t, NULL);
}

static void on_clock(const char *name, clockid_t clock)
{
    printf("wait on %s:\n", name);
    wait_once("past", clock, at(clock, -1000));
    wait_once("now", clock, at(clock, 0));
    wait_once("before epoch", clock, (struct timespec){ -1, 0 });
    wait_once("zero", clock, (struct timespec){ 0, 0 });

    struct timespec ts = at(clock, 20);
    pthread_mutex_lock(&mutex);
    int rc = pthread_cond_clockwait(&cond, &mutex, clock, &ts);
    printf("  20ms: %s, deadline reached: %s\n", ename(rc), reached(clock, &ts) ? "yes" : "no");
    pthread_mutex_unlock(&mutex);

    woken(clock);

    struct timespec base = at(clock, 1000);
    struct timespec bad = base;
    bad.tv_nsec = 1000000000;
    wait_once("tv_nsec 1e9", clock, bad);
    bad.tv_nsec = -1;
    wait_once("tv_nsec -1", clock, bad);
    bad.tv_sec = -1;
    wait_once("tv_sec -1 tv_nsec -1", clock, bad);
}

int main(int argc, char **argv)
{
    pthread_mutexattr_t ma;
    pthread_mutexattr_init(&ma);
    pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_init(&mutex, &ma);

    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    if (argc > 1 && strcmp(argv[1], "monotonic") == 0)
        printf("setclock: %s\n", ename(pthread_condattr_setclock(&ca, CLOCK_MONOTONIC)));
    clockid_t own;
    pthread_condattr_getclock(&ca, &own);
    printf("condition variable clock: %s\n", own == CLOCK_MONOTONIC ? "CLOCK_MONOTONIC" : "CLOCK_REALTIME");
    pthread_cond_init(&cond, &ca);

    on_clock("CLOCK_REALTIME", CLOCK_REALTIME);
    on_clock("CLOCK_MONOTONIC", CLOCK_MONOTONIC);

    static const struct { const char *name; clockid_t id; } refused[] = {
        { "CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID },
        { "CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID },
        { "CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW },
        { "CLOCK_REALTIME_COARSE", CLOCK_REALTIME_COARSE },
        { "CLOCK_BOOTTIME", CLOCK_BOOTTIME },
        { "CLOCK_TAI", CLOCK_TAI },
        { "clock 99", 99 },
        { "clock -1", -1 },
    };
    printf("other clocks:\n");
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
        char what[80];
        snprintf(what, sizeof what, "%s, past", refused[i].name);
        wait_once(what, refused[i].id, (struct timespec){ 0, 0 });
        snprintf(what, sizeof what, "%s, tv_nsec 1e9", refused[i].name);
        wait_once(what, refused[i].id, (struct timespec){ 0, 1000000000 });
    }

    /* A plain pthread_cond_timedwait still uses the variable's own clock. */
    struct timespec ts = at(own, 20);
    pthread_mutex_lock(&mutex);
    int rc = pthread_cond_timedwait(&cond, &mutex, &ts);
    printf("timedwait 20ms on own clock: %s, deadline reached: %s\n", ename(rc), reached(own, &ts) ? "yes" : "no");
    pthread_mutex_unlock(&mutex);
    return 0;
}
