// cflags: -D_GNU_SOURCE -pthread
/* sem_clockwait (glibc 2.30) on each clock: a semaphore with a count is
 * taken at once; one at zero times out (deadlines in the past and before the
 * epoch: ETIMEDOUT at once; a short future deadline: ETIMEDOUT after that
 * time on the waited clock) or is posted by another thread while waiting.
 * glibc refuses other clocks and bad timespecs with EINVAL before looking
 * at the count, so a semaphore that could be taken is left as it was. */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static const char *ename(int e)
{
    switch (e) {
    case 0: return "0";
    case EINVAL: return "EINVAL";
    case ETIMEDOUT: return "ETIMEDOUT";
    case EAGAIN: return "EAGAIN";
    case EINTR: return "EINTR";
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

static sem_t sem;

/* Prints what sem_clockwait returned (errno by name on -1) and the count. */
static void wait_once(const char *what, clockid_t clock, struct timespec ts)
{
    errno = 0;
    int rc = sem_clockwait(&sem, clock, &ts);
    int err = errno;
    int value = -1;
    sem_getvalue(&sem, &value);
    printf("  %s: %d", what, rc);
    if (rc)
        printf(" %s", ename(err));
    printf(", count %d\n", value);
}

static void *poster(void *arg)
{
    (void)arg;
    struct timespec nap = { 0, 5000000 };
    nanosleep(&nap, NULL);
    sem_post(&sem);
    return NULL;
}

static void on_clock(const char *name, clockid_t clock)
{
    printf("%s:\n", name);
    sem_post(&sem);
    wait_once("count 1, future", clock, at(clock, 1000));
    sem_post(&sem);
    wait_once("count 1, past", clock, at(clock, -1000));
    sem_post(&sem);
    wait_once("count 1, before epoch", clock, (struct timespec){ -1, 0 });
    sem_post(&sem);
    wait_once("count 1, tv_nsec 1e9", clock, (struct timespec){ 0, 1000000000 });
    wait_once("count 1, tv_nsec -1", clock, (struct timespec){ 0, -1 });
    wait_once("count 1, again", clock, at(clock, 0));

    wait_once("count 0, past", clock, at(clock, -1000));
    wait_once("count 0, now", clock, at(clock, 0));
    wait_once("count 0, before epoch", clock, (struct timespec){ -1, 0 });
    wait_once("count 0, zero", clock, (struct timespec){ 0, 0 });
    wait_once("count 0, tv_nsec 1e9", clock, (struct timespec){ 0, 1000000000 });
    wait_once("count 0, tv_nsec -1", clock, (struct timespec){ 5, -1 });
    struct timespec ts = at(clock, 20);
    errno = 0;
    int rc = sem_clockwait(&sem, clock, &ts);
    printf("  count 0, 20ms: %d %s, deadline reached: %s\n", rc, ename(rc ? errno : 0), reached(clock, &ts) ? "yes" : "no");

    pthread_t t;
    pthread_create(&t, NULL, poster, NULL);
    wait_once("posted while waiting", clock, at(clock, 10000));
    pthread_join(t, NULL);
}

int main(void)
{
    sem_init(&sem, 0, 0);
    on_clock("CLOCK_REALTIME", CLOCK_REALTIME);
    on_clock("CLOCK_MONOTONIC", CLOCK_MONOTONIC);

    static const struct { const char *name; clockid_t id; } refused[] = {
        { "CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID },
        { "CLOCK_BOOTTIME", CLOCK_BOOTTIME },
        { "CLOCK_TAI", CLOCK_TAI },
        { "clock 99", 99 },
        { "clock -1", -1 },
    };
    printf("other clocks:\n");
    sem_post(&sem);
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
        char what[80];
        snprintf(what, sizeof what, "%s, count 1, future", refused[i].name);
        wait_once(what, refused[i].id, at(CLOCK_REALTIME, 1000));
        snprintf(what, sizeof what, "%s, count 1, tv_nsec 1e9", refused[i].name);
        wait_once(what, refused[i].id, (struct timespec){ 0, 1000000000 });
    }
    sem_wait(&sem);
    wait_once("CLOCK_BOOTTIME, count 0, past", CLOCK_BOOTTIME, (struct timespec){ 0, 0 });
    return 0;
}
