/* The <pthread.h> names whose glibc meaning differs from musl's for
 * glibc-built callers: each front passes its caller's address (abi::caller),
 * and src/pthread/ gives glibc callers glibc's defaults (a one-page guard,
 * the thread's affinity in pthread_getattr_np's answer) and musl callers
 * musl's. */
#include <limits.h> /* __GLIBC__ when built for the host's unit tests */

#ifndef __GLIBC__
#include <pthread.h>

#include "../abi/export.h"

int __gcompat_pthread_create(pthread_t *, const pthread_attr_t *, void *(*)(void *), void *, const void *);
int __gcompat_pthread_attr_init(pthread_attr_t *, const void *);
int __gcompat_pthread_getattr_np(pthread_t, pthread_attr_t *, const void *);
int __gcompat_pthread_getattr_default_np(pthread_attr_t *, const void *);

int pthread_create(pthread_t *restrict thread, const pthread_attr_t *restrict attr,
                   void *(*start)(void *), void *restrict arg)
{
    return __gcompat_pthread_create(thread, attr, start, arg, __builtin_return_address(0));
}
GCOMPAT_EXPORT(pthread_create);

int pthread_attr_init(pthread_attr_t *attr)
{
    return __gcompat_pthread_attr_init(attr, __builtin_return_address(0));
}
GCOMPAT_EXPORT(pthread_attr_init);

int pthread_getattr_np(pthread_t thread, pthread_attr_t *attr)
{
    return __gcompat_pthread_getattr_np(thread, attr, __builtin_return_address(0));
}
GCOMPAT_EXPORT(pthread_getattr_np);

int pthread_getattr_default_np(pthread_attr_t *attr)
{
    return __gcompat_pthread_getattr_default_np(attr, __builtin_return_address(0));
}
GCOMPAT_EXPORT(pthread_getattr_default_np);
#endif
