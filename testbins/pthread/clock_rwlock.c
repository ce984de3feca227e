// cases: rdlock wrlock
// cflags: -D_GNU_SOURCE -pthread
/* pthread_rwlock_clockrdlock and pthread_rwlock_clockwrlock (glibc 2.30),
 * on each clock: a free lock (glibc checks the clock and the timespec even
 * when it need not wait), a lock another thread holds for writing (deadlines
 * in the past and before the epoch: ETIMEDOUT at once; a short future
 * deadline: ETIMEDOUT after that time on the waited clock; bad timespecs:
 * EINVAL), the lock handed over when the writer unlocks, and readers
 * sharing the lock. */
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
    case EPERM: return "EPERM";
    case EBUSY: return "EBUSY";
    case EDEADLK: return "EDEADLK";
    case EAGAIN: return "EAGAIN";
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

static pthread_rwlock_t lock;
static int writer;
static sem_t held, release;

static int take(clockid_t clock, const struct timespec *ts)
{
    return writer ? pthread_rwlock_clockwrlock(&lock, clock, ts) : pthread_rwlock_clockrdlock(&lock, clock, ts);
}

static void *holder(void *arg)
{
    int for_writing = arg != NULL;
    if (for_writing)
        pthread_rwlock_wrlock(&lock);
    else
        pthread_rwlock_rdlock(&lock);
    sem_post(&held);
    sem_wait(&release);
    pthread_rwlock_unlock(&lock);
    return NULL;
}

static void free_lock(const char *what, clockid_t clock, struct timespec ts)
{
    int rc = take(clock, &ts);
    printf("  free, %s: %s", what, ename(rc));
    if (rc == 0)
        printf(", unlock %s", ename(pthread_rwlock_unlock(&lock)));
    printf("\n");
}

static void busy_lock(const char *what, clockid_t clock, struct timespec ts)
{
    int rc = take(clock, &ts);
    printf("  written elsewhere, %s: %s\n", what, ename(rc));
}

static void on_clock(const char *name, clockid_t clock)
{
    printf("%s:\n", name);
    free_lock("future", clock, at(clock, 1000));
    free_lock("past", clock, at(clock, -1000));
    free_lock("before epoch", clock, (struct timespec){ -1, 0 });
    free_lock("tv_nsec 1e9", clock, (struct timespec){ 0, 1000000000 });
    free_lock("tv_nsec -1", clock, (struct timespec){ 0, -1 });

    pthread_t t;
    pthread_create(&t, NULL, holder, &lock);
    sem_wait(&held);
    busy_lock("past", clock, at(clock, -1000));
    busy_lock("now", clock, at(clock, 0));
    busy_lock("before epoch", clock, (struct timespec){ -1, 0 });
    busy_lock("zero", clock, (struct timespec){ 0, 0 });
    busy_lock("tv_nsec 1e9", clock, (struct timespec){ 0, 1000000000 });
    busy_lock("tv_nsec -1", clock, (struct timespec){ 5, -1 });
    struct timespec ts = at(clock, 20);
    int rc = take(clock, &ts);
    printf("  written elsewhere, 20ms: %s, deadline reached: %s\n", ename(rc), reached(clock, &ts) ? "yes" : "no");
    ts = at(clock, 10000);
    sem_post(&release);
    rc = take(clock, &ts);
    printf("  released elsewhere: %s, unlock %s\n", ename(rc), ename(pthread_rwlock_unlock(&lock)));
    pthread_join(t, NULL);

    /* Another reader: readers share, a writer waits. */
    pthread_create(&t, NULL, holder, NULL);
    sem_wait(&held);
    ts = at(clock, writer ? 20 : 1000);
    rc = take(clock, &ts);
    printf("  read elsewhere: %s", ename(rc));
    if (rc == 0)
        printf(", unlock %s", ename(pthread_rwlock_unlock(&lock)));
    printf("\n");
    sem_post(&release);
    pthread_join(t, NULL);
}

int main(int argc, char **argv)
{
    writer = argc > 1 && strcmp(argv[1], "wrlock") == 0;
    pthread_rwlock_init(&lock, NULL);
    sem_init(&held, 0, 0);
    sem_init(&release, 0, 0);

    on_clock("CLOCK_REALTIME", CLOCK_REALTIME);
    on_clock("CLOCK_MONOTONIC", CLOCK_MONOTONIC);

    static const struct { const char *name; clockid_t id; } refused[] = {
        { "CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID },
        { "CLOCK_BOOTTIME", CLOCK_BOOTTIME },
        { "CLOCK_MONOTONIC_COARSE", CLOCK_MONOTONIC_COARSE },
        { "clock 99", 99 },
        { "clock -1", -1 },
    };
    printf("other clocks:\n");
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
        char what[80];
        snprintf(what, sizeof what, "%s, future", refused[i].name);
        free_lock(what, refused[i].id, at(CLOCK_REALTIME, 1000));
        snprintf(what, sizeof what, "%s, tv_nsec 1e9", refused[i].name);
        free_lock(what, refused[i].id, (struct timespec){ 0, 1000000000 });
    }
    return 0;
}
