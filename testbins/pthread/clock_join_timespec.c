// cflags: -D_GNU_SOURCE -pthread
// builds: glibc-2.41
/* pthread_clockjoin_np with a bad timespec: EINVAL before anything, for a
 * running thread and a finished one alike, and the thread still joinable
 * (glibc 2.41; glibc 2.36 spins while the thread runs and joins a finished
 * one, so this is built against 2.41 only). */
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
    }
    static char buf[32];
    snprintf(buf, sizeof buf, "errno %d", e);
    return buf;
}

static sem_t go;

static void *worker(void *arg)
{
    sem_wait(&go);
    return arg;
}

static void try_join(const char *what, pthread_t t, clockid_t clock, struct timespec ts)
{
    void *res = (void *)1;
    int rc = pthread_clockjoin_np(t, &res, clock, &ts);
    printf("  %s: %s, result %s\n", what, ename(rc), res == (void *)1 ? "untouched" : "written");
}

static void on_clock(const char *name, clockid_t clock)
{
    printf("%s:\n", name);
    pthread_t t;
    pthread_create(&t, NULL, worker, (void *)(intptr_t)42);
    try_join("running, tv_nsec 1e9", t, clock, (struct timespec){ 0, 1000000000 });
    try_join("running, tv_nsec -1", t, clock, (struct timespec){ 0x7fffffff, -1 });
    try_join("running, tv_sec -1 tv_nsec 1e9", t, clock, (struct timespec){ -1, 1000000000 });
    sem_post(&go);
    /* Let it finish (whether it has does not change the answer). */
    struct timespec nap = { 0, 20000000 };
    nanosleep(&nap, NULL);
    try_join("finished, tv_nsec 1e9", t, clock, (struct timespec){ 0, 1000000000 });
    void *res = NULL;
    int rc = pthread_join(t, &res);
    printf("  then pthread_join: %s, result %ld\n", ename(rc), (long)(intptr_t)res);
}

int main(void)
{
    sem_init(&go, 0, 0);
    on_clock("CLOCK_REALTIME", CLOCK_REALTIME);
    on_clock("CLOCK_MONOTONIC", CLOCK_MONOTONIC);
    return 0;
}
