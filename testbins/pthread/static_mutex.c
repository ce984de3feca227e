// cases: recursive errorcheck adaptive normal other_thread cond
// cflags: -pthread
/* glibc's static PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP and
 * PTHREAD_ERRORCHECK_MUTEX_INITIALIZER_NP: the kind lives in the program's
 * own data (glibc's __data.__kind), and the mutex must behave as recursive
 * or error-checking from its first use, whatever that use is. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static pthread_mutex_t rec = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
static pthread_mutex_t chk = PTHREAD_ERRORCHECK_MUTEX_INITIALIZER_NP;
static pthread_mutex_t chk2 = PTHREAD_ERRORCHECK_MUTEX_INITIALIZER_NP;
static pthread_mutex_t ada = PTHREAD_ADAPTIVE_MUTEX_INITIALIZER_NP;
static pthread_mutex_t nor = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t rec2 = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;

static const char *name(int e)
{
    switch (e) {
    case 0: return "0";
    case EBUSY: return "EBUSY";
    case EDEADLK: return "EDEADLK";
    case EPERM: return "EPERM";
    case ETIMEDOUT: return "ETIMEDOUT";
    case EINVAL: return "EINVAL";
    default: return strerror(e);
    }
}

static struct timespec soon(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += 20 * 1000 * 1000;
    if (ts.tv_nsec >= 1000000000) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000;
    }
    return ts;
}

static void *try_from_other(void *m)
{
    struct timespec ts = soon();
    printf("other trylock %s\n", name(pthread_mutex_trylock(m)));
    printf("other timedlock %s\n", name(pthread_mutex_timedlock(m, &ts)));
    printf("other unlock %s\n", name(pthread_mutex_unlock(m)));
    return NULL;
}

static int ready;

static void *signaller(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&rec2);
    pthread_mutex_lock(&rec2);
    ready = 1;
    pthread_cond_signal(&cv);
    pthread_mutex_unlock(&rec2);
    pthread_mutex_unlock(&rec2);
    return NULL;
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "recursive";
    if (!strcmp(c, "recursive")) {
        struct timespec ts = soon();
        printf("lock %s\n", name(pthread_mutex_lock(&rec)));
        printf("lock again %s\n", name(pthread_mutex_lock(&rec)));
        printf("trylock %s\n", name(pthread_mutex_trylock(&rec)));
        printf("timedlock %s\n", name(pthread_mutex_timedlock(&rec, &ts)));
        for (int i = 0; i < 5; i++)
            printf("unlock %d %s\n", i, name(pthread_mutex_unlock(&rec)));
    } else if (!strcmp(c, "errorcheck")) {
        struct timespec ts = soon();
        /* The first use is an unlock: nobody owns it. */
        printf("unlock unowned %s\n", name(pthread_mutex_unlock(&chk2)));
        printf("lock %s\n", name(pthread_mutex_lock(&chk)));
        printf("lock again %s\n", name(pthread_mutex_lock(&chk)));
        printf("trylock %s\n", name(pthread_mutex_trylock(&chk)));
        printf("timedlock %s\n", name(pthread_mutex_timedlock(&chk, &ts)));
        printf("unlock %s\n", name(pthread_mutex_unlock(&chk)));
        printf("unlock again %s\n", name(pthread_mutex_unlock(&chk)));
    } else if (!strcmp(c, "adaptive")) {
        printf("lock %s\n", name(pthread_mutex_lock(&ada)));
        printf("trylock %s\n", name(pthread_mutex_trylock(&ada)));
        printf("unlock %s\n", name(pthread_mutex_unlock(&ada)));
        printf("trylock %s\n", name(pthread_mutex_trylock(&ada)));
        printf("unlock %s\n", name(pthread_mutex_unlock(&ada)));
    } else if (!strcmp(c, "normal")) {
        printf("lock %s\n", name(pthread_mutex_lock(&nor)));
        printf("trylock %s\n", name(pthread_mutex_trylock(&nor)));
        printf("unlock %s\n", name(pthread_mutex_unlock(&nor)));
    } else if (!strcmp(c, "other_thread")) {
        pthread_t t;
        printf("lock rec %s %s\n", name(pthread_mutex_lock(&rec)), name(pthread_mutex_lock(&rec)));
        pthread_create(&t, NULL, try_from_other, &rec);
        pthread_join(t, NULL);
        printf("unlock rec %s %s\n", name(pthread_mutex_unlock(&rec)), name(pthread_mutex_unlock(&rec)));
        printf("lock chk %s\n", name(pthread_mutex_lock(&chk)));
        pthread_create(&t, NULL, try_from_other, &chk);
        pthread_join(t, NULL);
        printf("unlock chk %s\n", name(pthread_mutex_unlock(&chk)));
    } else if (!strcmp(c, "cond")) {
        /* A condition wait on a recursive mutex locked once. */
        pthread_t t;
        pthread_mutex_lock(&rec2);
        pthread_create(&t, NULL, signaller, NULL);
        int rc = 0;
        while (!ready && rc == 0)
            rc = pthread_cond_wait(&cv, &rec2);
        printf("wait %s ready %d\n", name(rc), ready);
        printf("unlock %s\n", name(pthread_mutex_unlock(&rec2)));
        printf("unlock again %s\n", name(pthread_mutex_unlock(&rec2)));
        pthread_join(t, NULL);
    }
    return 0;
}
