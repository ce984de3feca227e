/* __libc_start_main: glibc's _start passes seven arguments, musl's crt1 six.
 * The front passes its caller's address so that glibc-built programs get the
 * shim's start-up path and musl-built ones musl's (src/csu/mod.rs). */
#include <limits.h> /* __GLIBC__ when built for the host's unit tests */

#include "../abi/export.h"

typedef int (*main_fn)(int, char **, char **);
typedef void (*hook_fn)(void);

#ifndef __GLIBC__
int __gcompat_libc_start_main(main_fn main, int argc, char **argv, hook_fn init, hook_fn fini,
                              hook_fn rtld_fini, void *stack_end, const void *caller);

int __libc_start_main(main_fn main, int argc, char **argv, hook_fn init, hook_fn fini,
                      hook_fn rtld_fini, void *stack_end)
{
    return __gcompat_libc_start_main(main, argc, argv, init, fini, rtld_fini, stack_end,
                                     __builtin_return_address(0));
}
GCOMPAT_EXPORT(__libc_start_main);
#endif
