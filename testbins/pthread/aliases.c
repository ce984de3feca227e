// cflags: -D_GNU_SOURCE -pthread
/* glibc's __pthread_* names: __pthread_key_create (found through a weak
 * reference, as libstdc++'s gthr checks for threads), and the ones glibc
 * keeps for old binaries only, referenced at their version as those
 * binaries do: thread-specific data, once, mutexes (a recursive one from an
 * attribute, trylock from another thread), read-write locks. */
#include "../glibc_compat.h"
#include <errno.h>
#include <pthread.h>
#include <stdio.h>

#define OLD(ret, name, params) \
    ret old_##name params; \
    __asm__(".symver old_" #name "," #name "@" GLIBC_COMPAT(2.2.5))
OLD(void *, __pthread_getspecific, (pthread_key_t));
OLD(int, __pthread_setspecific, (pthread_key_t, const void *));
OLD(int, __pthread_once, (pthread_once_t *, void (*)(void)));
OLD(int, __pthread_mutex_init, (pthread_mutex_t *, const pthread_mutexattr_t *));
OLD(int, __pthread_mutex_destroy, (pthread_mutex_t *));
OLD(int, __pthread_mutex_lock, (pthread_mutex_t *));
OLD(int, __pthread_mutex_trylock, (pthread_mutex_t *));
OLD(int, __pthread_mutex_unlock, (pthread_mutex_t *));
OLD(int, __pthread_mutexattr_init, (pthread_mutexattr_t *));
OLD(int, __pthread_mutexattr_destroy, (pthread_mutexattr_t *));
OLD(int, __pthread_mutexattr_settype, (pthread_mutexattr_t *, int));
OLD(int, __pthread_rwlock_init, (pthread_rwlock_t *, const pthread_rwlockattr_t *));
OLD(int, __pthread_rwlock_destroy, (pthread_rwlock_t *));
OLD(int, __pthread_rwlock_rdlock, (pthread_rwlock_t *));
OLD(int, __pthread_rwlock_tryrdlock, (pthread_rwlock_t *));
OLD(int, __pthread_rwlock_wrlock, (pthread_rwlock_t *));
OLD(int, __pthread_rwlock_trywrlock, (pthread_rwlock_t *));
OLD(int, __pthread_rwlock_unlock, (pthread_rwlock_t *));

extern int __pthread_key_create(pthread_key_t *, void (*)(void *)) __attribute__((weak));

static const char *ename(int e)
{
    switch (e) {
    case 0: return "0";
    case EINVAL: return "EINVAL";
    case EBUSY: return "EBUSY";
    case EDEADLK: return "EDEADLK";
    case EPERM: return "EPERM";
    }
    static char buf[32];
    snprintf(buf, sizeof buf, "errno %d", e);
    return buf;
}

static int destroyed, once_runs;
static void destructor(void *p) { destroyed += p != NULL; }
static void once_routine(void) { once_runs++; }

static pthread_key_t key;
static pthread_mutex_t mutex;
static pthread_rwlock_t rwlock;

static void *other(void *arg)
{
    (void)arg;
    static char value;
    old___pthread_setspecific(key, &value);
    printf("other thread: own value %s\n", old___pthread_getspecific(key) == &value ? "yes" : "no");
    printf("other thread: mutex trylock %s\n", ename(old___pthread_mutex_trylock(&mutex)));
    printf("other thread: rwlock tryrdlock %s\n", ename(old___pthread_rwlock_tryrdlock(&rwlock)));
    return NULL;
}

int main(void)
{
    printf("__pthread_key_create present: %s\n", __pthread_key_create ? "yes" : "no");
    int rc = __pthread_key_create(&key, destructor);
    printf("key_create: %s\n", ename(rc));
    printf("getspecific unset: %s\n", old___pthread_getspecific(key) ? "set" : "null");
    static char mine;
    printf("setspecific: %s\n", ename(old___pthread_setspecific(key, &mine)));
    printf("getspecific: %s\n", old___pthread_getspecific(key) == &mine ? "ours" : "other");

    pthread_once_t once = PTHREAD_ONCE_INIT;
    rc = old___pthread_once(&once, once_routine);
    printf("once: %s, ", ename(rc));
    rc = old___pthread_once(&once, once_routine);
    printf("again: %s, runs %d\n", ename(rc), once_runs);

    pthread_mutexattr_t ma;
    printf("mutexattr_init: %s\n", ename(old___pthread_mutexattr_init(&ma)));
    printf("mutexattr_settype recursive: %s\n", ename(old___pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_RECURSIVE)));
    printf("mutexattr_settype 7: %s\n", ename(old___pthread_mutexattr_settype(&ma, 7)));
    printf("mutex_init: %s\n", ename(old___pthread_mutex_init(&mutex, &ma)));
    printf("mutexattr_destroy: %s\n", ename(old___pthread_mutexattr_destroy(&ma)));
    printf("mutex_lock: %s\n", ename(old___pthread_mutex_lock(&mutex)));
    printf("mutex_trylock (recursive): %s\n", ename(old___pthread_mutex_trylock(&mutex)));
    printf("rwlock_init: %s\n", ename(old___pthread_rwlock_init(&rwlock, NULL)));
    printf("rwlock_wrlock: %s\n", ename(old___pthread_rwlock_wrlock(&rwlock)));

    pthread_t t;
    pthread_create(&t, NULL, other, NULL);
    pthread_join(t, NULL);
    printf("destructor ran for the other thread: %d\n", destroyed);

    printf("mutex_unlock: %s\n", ename(old___pthread_mutex_unlock(&mutex)));
    printf("mutex_unlock: %s\n", ename(old___pthread_mutex_unlock(&mutex)));
    printf("mutex_unlock unowned: %s\n", ename(old___pthread_mutex_unlock(&mutex)));
    printf("mutex_destroy: %s\n", ename(old___pthread_mutex_destroy(&mutex)));
    printf("rwlock_trywrlock (held): %s\n", ename(old___pthread_rwlock_trywrlock(&rwlock)));
    printf("rwlock_unlock: %s\n", ename(old___pthread_rwlock_unlock(&rwlock)));
    printf("rwlock_rdlock: %s\n", ename(old___pthread_rwlock_rdlock(&rwlock)));
    printf("rwlock_tryrdlock: %s\n", ename(old___pthread_rwlock_tryrdlock(&rwlock)));
    printf("rwlock_trywrlock (read): %s\n", ename(old___pthread_rwlock_trywrlock(&rwlock)));
    printf("rwlock_unlock: %s\n", ename(old___pthread_rwlock_unlock(&rwlock)));
    printf("rwlock_unlock: %s\n", ename(old___pthread_rwlock_unlock(&rwlock)));
    printf("rwlock_trywrlock (free): %s\n", ename(old___pthread_rwlock_trywrlock(&rwlock)));
    printf("rwlock_unlock: %s\n", ename(old___pthread_rwlock_unlock(&rwlock)));
    printf("rwlock_destroy: %s\n", ename(old___pthread_rwlock_destroy(&rwlock)));
    return 0;
}
