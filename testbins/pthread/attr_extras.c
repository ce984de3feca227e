// cases: rwlockattr mutexattr ceiling robust stackaddr
// cflags: -D_GNU_SOURCE -pthread -Wno-deprecated-declarations
// emulated-skip: mutexattr ceiling robust -- qemu-user has no robust futex list (set_robust_list is ENOSYS, so musl refuses robust mutexes and a dead owner is never reported)
/* glibc's attribute extras: the read-write lock kind (set, read back,
 * refused kinds, beside the process-shared flag, locks made from it), the
 * mutex kind and robustness under their _np names, the priority ceiling of
 * a mutex attribute (default, range, beside the type, mutexes made from
 * it), pthread_mutex_consistent_np after an owner died, and the deprecated
 * stack address (the stack's end on x86_64) a thread then runs on. */
#include "../glibc_compat.h"
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Names glibc 2.34 and later keep for old binaries only (no default
 * version to link to): referenced at their version, as old binaries do. */
#define OLD(ret, name, ver, params) \
    ret old_##name params; \
    __asm__(".symver old_" #name "," #name "@" ver)
OLD(int, pthread_mutexattr_setkind_np, GLIBC_COMPAT(2.2.5), (pthread_mutexattr_t *, int));
OLD(int, pthread_mutexattr_getkind_np, GLIBC_COMPAT(2.2.5), (const pthread_mutexattr_t *, int *));
OLD(int, pthread_mutexattr_setrobust_np, GLIBC_COMPAT(2.4), (pthread_mutexattr_t *, int));
OLD(int, pthread_mutexattr_getrobust_np, GLIBC_COMPAT(2.4), (const pthread_mutexattr_t *, int *));
OLD(int, pthread_mutex_consistent_np, GLIBC_COMPAT(2.4), (pthread_mutex_t *));

static const char *ename(int e)
{
    switch (e) {
    case 0: return "0";
    case EINVAL: return "EINVAL";
    case EBUSY: return "EBUSY";
    case EDEADLK: return "EDEADLK";
    case EPERM: return "EPERM";
    case ENOTSUP: return "ENOTSUP";
    case EOWNERDEAD: return "EOWNERDEAD";
    case ENOTRECOVERABLE: return "ENOTRECOVERABLE";
    }
    static char buf[32];
    snprintf(buf, sizeof buf, "errno %d", e);
    return buf;
}

static void rwlockattr(void)
{
    pthread_rwlockattr_t a;
    pthread_rwlockattr_init(&a);
    int kind = -5, shared = -5;
    int rc = pthread_rwlockattr_getkind_np(&a, &kind);
    printf("default: %s, kind %d\n", ename(rc), kind);
    static const int kinds[] = { PTHREAD_RWLOCK_PREFER_WRITER_NP, PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP,
                                 PTHREAD_RWLOCK_PREFER_READER_NP, 3, -1, 100, INT32_MIN };
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
        rc = pthread_rwlockattr_setkind_np(&a, kinds[i]);
        pthread_rwlockattr_getkind_np(&a, &kind);
        printf("setkind %d: %s, kind now %d\n", kinds[i], ename(rc), kind);
    }
    /* The kind and the process-shared flag live side by side. */
    pthread_rwlockattr_setkind_np(&a, PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP);
    printf("setpshared shared: %s\n", ename(pthread_rwlockattr_setpshared(&a, PTHREAD_PROCESS_SHARED)));
    pthread_rwlockattr_getkind_np(&a, &kind);
    pthread_rwlockattr_getpshared(&a, &shared);
    printf("kind %d, shared %d\n", kind, shared == PTHREAD_PROCESS_SHARED);
    pthread_rwlockattr_setkind_np(&a, PTHREAD_RWLOCK_PREFER_READER_NP);
    pthread_rwlockattr_getpshared(&a, &shared);
    printf("after setkind 0: shared %d\n", shared == PTHREAD_PROCESS_SHARED);
    pthread_rwlockattr_setpshared(&a, PTHREAD_PROCESS_PRIVATE);
    pthread_rwlockattr_setkind_np(&a, PTHREAD_RWLOCK_PREFER_WRITER_NP);
    pthread_rwlockattr_getkind_np(&a, &kind);
    printf("after setpshared private: kind %d\n", kind);

    /* Locks made from each kind work as locks. */
    for (int k = 0; k <= 2; k++) {
        pthread_rwlock_t rw;
        pthread_rwlockattr_setkind_np(&a, k);
        int init = pthread_rwlock_init(&rw, &a);
        int r1 = pthread_rwlock_rdlock(&rw);
        int r2 = pthread_rwlock_tryrdlock(&rw);
        int w = pthread_rwlock_trywrlock(&rw);
        pthread_rwlock_unlock(&rw);
        pthread_rwlock_unlock(&rw);
        int w2 = pthread_rwlock_trywrlock(&rw);
        int r3 = pthread_rwlock_tryrdlock(&rw);
        pthread_rwlock_unlock(&rw);
        printf("kind %d lock: init %s, rdlock %s, tryrdlock %s, trywrlock %s; alone trywrlock %s, tryrdlock %s, destroy %s\n",
               k, ename(init), ename(r1), ename(r2), ename(w), ename(w2), ename(r3), ename(pthread_rwlock_destroy(&rw)));
    }
    pthread_rwlockattr_destroy(&a);
}

static void mutexattr(void)
{
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    int kind = -5, robust = -5;
    int rc = old_pthread_mutexattr_getkind_np(&a, &kind);
    printf("default: getkind_np %s, kind %d\n", ename(rc), kind);
    static const int kinds[] = { PTHREAD_MUTEX_RECURSIVE_NP, PTHREAD_MUTEX_ERRORCHECK_NP, PTHREAD_MUTEX_FAST_NP,
                                 PTHREAD_MUTEX_RECURSIVE, 4, -1 };
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
        rc = old_pthread_mutexattr_setkind_np(&a, kinds[i]);
        old_pthread_mutexattr_getkind_np(&a, &kind);
        int type = -5;
        pthread_mutexattr_gettype(&a, &type);
        printf("setkind_np %d: %s, getkind_np %d, gettype %d\n", kinds[i], ename(rc), kind, type);
    }
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK);
    old_pthread_mutexattr_getkind_np(&a, &kind);
    printf("after settype errorcheck: getkind_np %d\n", kind);

    rc = old_pthread_mutexattr_getrobust_np(&a, &robust);
    printf("default: getrobust_np %s, robust %d\n", ename(rc), robust);
    static const int robusts[] = { PTHREAD_MUTEX_ROBUST_NP, PTHREAD_MUTEX_STALLED_NP, 2, -1 };
    for (size_t i = 0; i < sizeof robusts / sizeof *robusts; i++) {
        rc = old_pthread_mutexattr_setrobust_np(&a, robusts[i]);
        old_pthread_mutexattr_getrobust_np(&a, &robust);
        int posix = -5;
        pthread_mutexattr_getrobust(&a, &posix);
        printf("setrobust_np %d: %s, getrobust_np %d, getrobust %d\n", robusts[i], ename(rc), robust, posix);
    }
    pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
    old_pthread_mutexattr_getrobust_np(&a, &robust);
    printf("after setrobust: getrobust_np %d\n", robust);

    pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
    pthread_mutex_lock(&m);
    printf("consistent_np on a plain locked mutex: %s\n", ename(old_pthread_mutex_consistent_np(&m)));
    pthread_mutex_unlock(&m);
    pthread_mutexattr_destroy(&a);
}

static void ceiling(void)
{
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    int c = -5;
    int rc = pthread_mutexattr_getprioceiling(&a, &c);
    printf("default: %s, ceiling %d\n", ename(rc), c);
    static const int ceilings[] = { 1, 50, 99, 0, 100, -1, 4096, 4097 + 1 };
    for (size_t i = 0; i < sizeof ceilings / sizeof *ceilings; i++) {
        rc = pthread_mutexattr_setprioceiling(&a, ceilings[i]);
        pthread_mutexattr_getprioceiling(&a, &c);
        printf("setprioceiling %d: %s, ceiling now %d\n", ceilings[i], ename(rc), c);
    }
    /* The ceiling and the other attributes live side by side. */
    pthread_mutexattr_setprioceiling(&a, 42);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
    pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED);
    int type = -5, robust = -5, shared = -5, proto = -5;
    pthread_mutexattr_gettype(&a, &type);
    pthread_mutexattr_getrobust(&a, &robust);
    pthread_mutexattr_getpshared(&a, &shared);
    pthread_mutexattr_getprotocol(&a, &proto);
    pthread_mutexattr_getprioceiling(&a, &c);
    printf("ceiling %d, type %d, robust %d, shared %d, protocol %d\n", c, type, robust,
           shared == PTHREAD_PROCESS_SHARED, proto);
    pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_PRIVATE);
    pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_STALLED);

    /* Mutexes made from an attribute with a ceiling are ordinary ones. */
    static const int types[] = { PTHREAD_MUTEX_NORMAL, PTHREAD_MUTEX_RECURSIVE, PTHREAD_MUTEX_ERRORCHECK };
    for (size_t i = 0; i < 3; i++) {
        pthread_mutex_t m;
        pthread_mutexattr_settype(&a, types[i]);
        pthread_mutexattr_setprioceiling(&a, 7 + (int)i);
        int init = pthread_mutex_init(&m, &a);
        int l = pthread_mutex_lock(&m);
        int t = pthread_mutex_trylock(&m);
        if (t == 0)
            pthread_mutex_unlock(&m);
        int u = pthread_mutex_unlock(&m);
        /* Unlocking again: an error for the types that check owners. */
        int u2 = i ? pthread_mutex_unlock(&m) : 0;
        int mc = -5;
        int g = pthread_mutex_getprioceiling(&m, &mc);
        printf("type %d mutex: init %s, lock %s, trylock %s, unlock %s, unlock again %s, getprioceiling %s, destroy %s\n",
               types[i], ename(init), ename(l), ename(t), ename(u), i ? ename(u2) : "-", ename(g),
               ename(pthread_mutex_destroy(&m)));
    }
    pthread_mutexattr_destroy(&a);
}

static pthread_mutex_t shared_mutex;

static void *die_holding(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&shared_mutex);
    return NULL;
}

static void robust(void)
{
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    old_pthread_mutexattr_setrobust_np(&a, PTHREAD_MUTEX_ROBUST_NP);
    pthread_mutex_init(&shared_mutex, &a);
    pthread_t t;
    pthread_create(&t, NULL, die_holding, NULL);
    pthread_join(t, NULL);
    int rc = pthread_mutex_lock(&shared_mutex);
    printf("lock after the owner died: %s\n", ename(rc));
    printf("consistent_np: %s\n", ename(old_pthread_mutex_consistent_np(&shared_mutex)));
    printf("consistent_np again: %s\n", ename(old_pthread_mutex_consistent_np(&shared_mutex)));
    printf("unlock: %s\n", ename(pthread_mutex_unlock(&shared_mutex)));
    printf("lock: %s\n", ename(pthread_mutex_lock(&shared_mutex)));
    printf("unlock: %s\n", ename(pthread_mutex_unlock(&shared_mutex)));

    /* Not made consistent: unusable after the unlock. */
    pthread_create(&t, NULL, die_holding, NULL);
    pthread_join(t, NULL);
    printf("lock after the next owner died: %s\n", ename(pthread_mutex_lock(&shared_mutex)));
    printf("unlock without consistent_np: %s\n", ename(pthread_mutex_unlock(&shared_mutex)));
    printf("lock: %s\n", ename(pthread_mutex_lock(&shared_mutex)));
    pthread_mutexattr_destroy(&a);
}

static char *stack_base;
#define STACK_SIZE (1 << 20)

static void *where(void *arg)
{
    (void)arg;
    char local;
    uintptr_t p = (uintptr_t)&local;
    return (void *)(uintptr_t)(p > (uintptr_t)stack_base && p < (uintptr_t)stack_base + STACK_SIZE);
}

static void stackaddr(void)
{
    pthread_attr_t a;
    pthread_attr_init(&a);
    void *addr = (void *)1;
    int rc = pthread_attr_getstackaddr(&a, &addr);
    printf("default: %s, addr %s\n", ename(rc), addr ? "set" : "null");

    stack_base = aligned_alloc(4096, STACK_SIZE);
    char *top = stack_base + STACK_SIZE;
    printf("setstacksize: %s\n", ename(pthread_attr_setstacksize(&a, STACK_SIZE)));
    printf("setstackaddr top: %s\n", ename(pthread_attr_setstackaddr(&a, top)));
    pthread_attr_getstackaddr(&a, &addr);
    printf("getstackaddr: %s\n", addr == top ? "top" : addr == stack_base ? "base" : "other");
    void *low = NULL;
    size_t size = 0;
    printf("getstack: %s", ename(pthread_attr_getstack(&a, &low, &size)));
    printf(", addr %s, size %s\n", low == stack_base ? "base" : low == top ? "top" : "other",
           size == STACK_SIZE ? "1 MiB" : "other");

    pthread_t t;
    void *inside = NULL;
    rc = pthread_create(&t, &a, where, NULL);
    if (rc == 0)
        pthread_join(t, &inside);
    printf("thread on it: create %s, its locals inside: %s\n", ename(rc), inside ? "yes" : "no");

    /* pthread_attr_setstack takes the base; getstackaddr gives the end. */
    pthread_attr_t b;
    pthread_attr_init(&b);
    printf("setstack base: %s\n", ename(pthread_attr_setstack(&b, stack_base, STACK_SIZE)));
    pthread_attr_getstackaddr(&b, &addr);
    printf("getstackaddr: %s\n", addr == top ? "top" : addr == stack_base ? "base" : "other");
    pthread_attr_destroy(&b);
    pthread_attr_destroy(&a);
    free(stack_base);
}

int main(int argc, char **argv)
{
    const char *what = argc > 1 ? argv[1] : "";
    if (strcmp(what, "rwlockattr") == 0)
        rwlockattr();
    else if (strcmp(what, "mutexattr") == 0)
        mutexattr();
    else if (strcmp(what, "ceiling") == 0)
        ceiling();
    else if (strcmp(what, "robust") == 0)
        robust();
    else if (strcmp(what, "stackaddr") == 0)
        stackaddr();
    return 0;
}
