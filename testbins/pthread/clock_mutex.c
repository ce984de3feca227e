// cases: normal errorcheck recursive robust
// cflags: -D_GNU_SOURCE -pthread
/* pthread_mutex_clocklock (glibc 2.30) on each mutex type, on each clock:
 * a free mutex is taken whatever the deadline (glibc checks the timespec
 * only when it has to wait, the clock always); a mutex held by this thread
 * (EDEADLK for error-checking ones, a deeper lock for recursive ones, a
 * timeout for the others); a mutex held by another thread: deadlines in the
 * past and before the epoch (ETIMEDOUT at once), a short future deadline
 * (ETIMEDOUT after that time on the waited clock), bad timespecs (EINVAL),
 * and the lock handed over when the holder unlocks. */
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

static pthread_mutex_t mutex;
static int type;
static sem_t held, release, released;

/* The other thread: takes the mutex, says so, and unlocks it when told. */
static void *holder(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mutex);
    sem_post(&held);
    sem_wait(&release);
    pthread_mutex_unlock(&mutex);
    sem_post(&released);
    return NULL;
}

/* Takes the free mutex with clocklock, prints, and unlocks it again. */
static void free_lock(const char *what, clockid_t clock, struct timespec ts)
{
    int rc = pthread_mutex_clocklock(&mutex, clock, &ts);
    printf("  free, %s: %s", what, ename(rc));
    if (rc == 0)
        printf(", unlock %s", ename(pthread_mutex_unlock(&mutex)));
    printf("\n");
}

static void own_lock(const char *what, clockid_t clock, struct timespec ts)
{
    pthread_mutex_lock(&mutex);
    int rc = pthread_mutex_clocklock(&mutex, clock, &ts);
    printf("  held here, %s: %s", what, ename(rc));
    if (rc == 0)
        printf(", unlock %s", ename(pthread_mutex_unlock(&mutex)));
    printf(", unlock %s\n", ename(pthread_mutex_unlock(&mutex)));
}

static void other_lock(const char *what, clockid_t clock, struct timespec ts)
{
    int rc = pthread_mutex_clocklock(&mutex, clock, &ts);
    printf("  held elsewhere, %s: %s\n", what, ename(rc));
}

static void on_clock(const char *name, clockid_t clock)
{
    printf("%s:\n", name);
    free_lock("future", clock, at(clock, 1000));
    free_lock("past", clock, at(clock, -1000));
    free_lock("before epoch", clock, (struct timespec){ -1, 0 });
    free_lock("tv_nsec 1e9", clock, (struct timespec){ 0, 1000000000 });
    free_lock("tv_nsec -1", clock, (struct timespec){ 0, -1 });

    own_lock("past", clock, at(clock, -1000));
    if (type == PTHREAD_MUTEX_ERRORCHECK || type == PTHREAD_MUTEX_RECURSIVE)
        own_lock("tv_nsec 1e9", clock, (struct timespec){ 0, 1000000000 });

    pthread_t t;
    pthread_create(&t, NULL, holder, NULL);
    sem_wait(&held);
    other_lock("past", clock, at(clock, -1000));
    other_lock("now", clock, at(clock, 0));
    other_lock("before epoch", clock, (struct timespec){ -1, 0 });
    other_lock("zero", clock, (struct timespec){ 0, 0 });
    other_lock("tv_nsec 1e9", clock, (struct timespec){ 0, 1000000000 });
    other_lock("tv_nsec -1", clock, (struct timespec){ 5, -1 });
    struct timespec ts = at(clock, 20);
    int rc = pthread_mutex_clocklock(&mutex, clock, &ts);
    printf("  held elsewhere, 20ms: %s, deadline reached: %s\n", ename(rc), reached(clock, &ts) ? "yes" : "no");

    /* Handed over when the holder unlocks. */
    ts = at(clock, 10000);
    sem_post(&release);
    rc = pthread_mutex_clocklock(&mutex, clock, &ts);
    printf("  released elsewhere: %s, unlock %s\n", ename(rc), ename(pthread_mutex_unlock(&mutex)));
    pthread_join(t, NULL);
    sem_wait(&released);
}

int main(int argc, char **argv)
{
    const char *kind = argc > 1 ? argv[1] : "normal";
    pthread_mutexattr_t ma;
    pthread_mutexattr_init(&ma);
    type = strcmp(kind, "errorcheck") == 0 ? PTHREAD_MUTEX_ERRORCHECK
         : strcmp(kind, "recursive") == 0 ? PTHREAD_MUTEX_RECURSIVE
         : PTHREAD_MUTEX_NORMAL;
    pthread_mutexattr_settype(&ma, type);
    if (strcmp(kind, "robust") == 0)
        pthread_mutexattr_setrobust(&ma, PTHREAD_MUTEX_ROBUST);
    pthread_mutex_init(&mutex, &ma);
    sem_init(&held, 0, 0);
    sem_init(&release, 0, 0);
    sem_init(&released, 0, 0);

    on_clock("CLOCK_REALTIME", CLOCK_REALTIME);
    on_clock("CLOCK_MONOTONIC", CLOCK_MONOTONIC);

    static const struct { const char *name; clockid_t id; } refused[] = {
        { "CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID },
        { "CLOCK_BOOTTIME", CLOCK_BOOTTIME },
        { "CLOCK_REALTIME_COARSE", CLOCK_REALTIME_COARSE },
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
        snprintf(what, sizeof what, "%s, past", refused[i].name);
        own_lock(what, refused[i].id, (struct timespec){ 0, 0 });
    }
    return 0;
}
