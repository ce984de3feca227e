// cflags: -pthread
/* musl-built callers keep musl's meaning of the pthread names the shim
 * overrides: musl's default guard (two pages) from pthread_attr_init and
 * pthread_getattr_default_np, musl's cleanup handlers and exit value through
 * pthread_exit, and musl's mutex types. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

static char trail[8];
static int n;
static void note(void *c) { trail[n++] = *(char *)c; }

static void *exits(void *arg)
{
    (void)arg;
    pthread_cleanup_push(note, "a");
    pthread_cleanup_push(note, "b");
    pthread_exit((void *)11);
    pthread_cleanup_pop(0);
    pthread_cleanup_pop(0);
    return NULL;
}

static void *report_guard(void *arg)
{
    (void)arg;
    pthread_attr_t a;
    size_t guard = 0;
    pthread_getattr_np(pthread_self(), &a);
    pthread_attr_getguardsize(&a, &guard);
    printf("thread guard %zu\n", guard);
    pthread_attr_destroy(&a);
    return NULL;
}

int main(void)
{
    pthread_attr_t a, d;
    size_t guard = 0;
    pthread_attr_init(&a);
    pthread_attr_getguardsize(&a, &guard);
    printf("init guard %zu\n", guard);
    pthread_getattr_default_np(&d);
    pthread_attr_getguardsize(&d, &guard);
    printf("default guard %zu\n", guard);
    pthread_attr_destroy(&a);
    pthread_t t;
    void *ret;
    pthread_create(&t, NULL, report_guard, NULL);
    pthread_join(t, NULL);
    pthread_create(&t, NULL, exits, NULL);
    pthread_join(t, &ret);
    printf("exit value %ld trail %s\n", (long)(intptr_t)ret, trail);

    pthread_mutex_t m;
    pthread_mutexattr_t ma;
    pthread_mutexattr_init(&ma);
    pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_init(&m, &ma);
    int r1 = pthread_mutex_lock(&m);
    int r2 = pthread_mutex_lock(&m);
    int r3 = pthread_mutex_unlock(&m);
    int r4 = pthread_mutex_unlock(&m);
    printf("errorcheck lock %d relock EDEADLK %d unlock %d unlock EPERM %d\n", r1, r2 == EDEADLK, r3, r4 == EPERM);
    return 0;
}
