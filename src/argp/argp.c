/* argp.h: the variables glibc programs define or copy-relocate, and the
 * variadic error helpers. The work is in mod.rs (__gcompat_argp_verror,
 * __gcompat_argp_vfailure). */
#include <stdarg.h>
#include <stdio.h>

#include "../abi/export.h"

struct argp_state;

/* Defined here, in C compiled -fPIC, so that every use from the shim goes
 * through the GOT: a glibc program that defines or names these has the live
 * copy, and the loader points the GOT at it. */
const char *argp_program_version;
GCOMPAT_EXPORT(argp_program_version);
void (*argp_program_version_hook)(FILE *, struct argp_state *);
GCOMPAT_EXPORT(argp_program_version_hook);
const char *argp_program_bug_address;
GCOMPAT_EXPORT(argp_program_bug_address);
int argp_err_exit_status = 64; /* EX_USAGE */

void __gcompat_argp_verror(const struct argp_state *state, const char *fmt, va_list ap);
GCOMPAT_EXPORT(argp_err_exit_status);
void __gcompat_argp_vfailure(const struct argp_state *state, int status, int errnum,
                             const char *fmt, va_list ap);

void argp_error(const struct argp_state *state, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    __gcompat_argp_verror(state, fmt, ap);
    va_end(ap);
}
GCOMPAT_EXPORT(argp_error);

void argp_failure(const struct argp_state *state, int status, int errnum,
                  const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    __gcompat_argp_vfailure(state, status, errnum, fmt, ap);
    va_end(ap);
}
GCOMPAT_EXPORT(argp_failure);
