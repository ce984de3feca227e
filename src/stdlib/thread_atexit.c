/* __cxa_thread_atexit: libstdc++'s name, which g++ calls for each
 * thread_local object with a destructor. The front passes its caller's
 * address so that glibc-built callers get glibc's destructor order and
 * musl-built callers libstdc++'s own (src/stdlib/thread_atexit.rs). */
#include <limits.h> /* __GLIBC__ when built for the host's unit tests */

#include "../abi/export.h"

typedef void (*dtor_fn)(void *);

#ifndef __GLIBC__
int __gcompat_cxa_thread_atexit(dtor_fn dtor, void *obj, void *dso_symbol, const void *caller);

int __cxa_thread_atexit(dtor_fn dtor, void *obj, void *dso_symbol)
{
    return __gcompat_cxa_thread_atexit(dtor, obj, dso_symbol, __builtin_return_address(0));
}
GCOMPAT_EXPORT(__cxa_thread_atexit);
#endif
