// cflags: -D_GNU_SOURCE -pthread
/* pthread_clockjoin_np (glibc 2.31) on each clock: a thread still running
 * (deadlines in the past and before the epoch: ETIMEDOUT at once; a short
 * future deadline: ETIMEDOUT after that time on the waited clock; clocks
 * glibc refuses: EINVAL; the thread stays joinable after each), the
 * calling thread itself (EDEADLK), the join completing when the thread
 * returns (its result handed back), and a thread that has already
 * finished. Bad timespecs: clock_join_timespec.c (glibc 2.36 spins on them
 * while the thread runs). */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

static const char *ename(int e)
{
    switch (e) {
    case 0: return "0";
    case EINVAL: return "EINVAL";
    case ETIMEDOUT: return "ETIMEDOUT";
    case EBUSY: return "EBUSY";
    case EDEADLK: return "EDEADLK";
    case ESRCH: return "ESRCH";
    }
    static char buf[32];
    snprintf(buf, sizeof buf, "errno %d", e);
    return buf;
}

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

static sem_t go;

static void *worker(void *arg)
{
    sem_wait(&go);
    return arg;
}

static void *quick(void *arg)
{
    return arg;
}

static void join_running(const char *what, pthread_t t, clockid_t clock, struct timespec ts)
{
    void *res = (void *)1;
    int rc = pthread_clockjoin_np(t, &res, clock, &ts);
    printf("  running, %s: %s, result %s\n", what, ename(rc), res == (void *)1 ? "untouched" : "written");
}

static void on_clock(const char *name, clockid_t clock)
{
    printf("%s:\n", name);
    pthread_t t;
    pthread_create(&t, NULL, worker, (void *)(intptr_t)42);
    join_running("past", t, clock, at(clock, -1000));
    join_running("now", t, clock, at(clock, 0));
    join_running("before epoch", t, clock, (struct timespec){ -1, 0 });
    join_running("zero", t, clock, (struct timespec){ 0, 0 });
    join_running("CLOCK_PROCESS_CPUTIME_ID", t, CLOCK_PROCESS_CPUTIME_ID, at(CLOCK_REALTIME, 1000));
    join_running("CLOCK_BOOTTIME", t, CLOCK_BOOTTIME, (struct timespec){ 0, 0 });
    join_running("clock -1", t, -1, (struct timespec){ 0, 0 });
    struct timespec soon = at(clock, 1000);
    printf("  itself: %s\n", ename(pthread_clockjoin_np(pthread_self(), NULL, clock, &soon)));
    struct timespec ts = at(clock, 20);
    void *res = NULL;
    int rc = pthread_clockjoin_np(t, &res, clock, &ts);
    printf("  running, 20ms: %s, deadline reached: %s\n", ename(rc), reached(clock, &ts) ? "yes" : "no");

    ts = at(clock, 10000);
    sem_post(&go);
    rc = pthread_clockjoin_np(t, &res, clock, &ts);
    printf("  returns while joining: %s, result %ld\n", ename(rc), (long)(intptr_t)res);

    /* Already finished: nothing to wait for. The first join waits for the
     * thread to be gone; the bad clock and timespec come before it. */
    pthread_create(&t, NULL, quick, (void *)(intptr_t)7);
    rc = pthread_clockjoin_np(t, &res, 99, &ts);
    printf("  clock 99: %s\n", ename(rc));
    res = NULL;
    rc = pthread_clockjoin_np(t, &res, clock, &ts);
    printf("  finished, future: %s, result %ld\n", ename(rc), (long)(intptr_t)res);

    pthread_create(&t, NULL, quick, (void *)(intptr_t)8);
    rc = pthread_clockjoin_np(t, NULL, clock, &ts);
    printf("  no result wanted: %s\n", ename(rc));
}

int main(void)
{
    sem_init(&go, 0, 0);
    on_clock("CLOCK_REALTIME", CLOCK_REALTIME);
    on_clock("CLOCK_MONOTONIC", CLOCK_MONOTONIC);
    return 0;
}
