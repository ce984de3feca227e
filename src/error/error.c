/* error.h: the variadic entry points and the variables glibc programs
 * copy-relocate. The work is in mod.rs (__gcompat_verror). */
#include <stdarg.h>

#include "../abi/export.h"

/* Defined here, in C compiled -fPIC, so that every use from the shim goes
 * through the GOT: a glibc program that names these gets a copy relocation,
 * and the loader points the GOT at the program's copy, the live one. */
unsigned int error_message_count;
GCOMPAT_EXPORT(error_message_count);
int error_one_per_line;
GCOMPAT_EXPORT(error_one_per_line);
void (*error_print_progname)(void);
GCOMPAT_EXPORT(error_print_progname);

void __gcompat_verror(int status, int errnum, const char *file,
                      unsigned int line, int at_line, const char *fmt, va_list ap);

void error(int status, int errnum, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    __gcompat_verror(status, errnum, 0, 0, 0, fmt, ap);
    va_end(ap);
}
GCOMPAT_EXPORT(error);

void error_at_line(int status, int errnum, const char *file, unsigned int line,
                   const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    __gcompat_verror(status, errnum, file, line, 1, fmt, ap);
    va_end(ap);
}
GCOMPAT_EXPORT(error_at_line);
