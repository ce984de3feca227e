/* obstack's data symbols and C-variadic fronts. The variables are defined
 * in C and read through the GOT: a glibc-built program that names them has
 * copy-relocated them, and its copy is the live one (as src/error/error.c
 * does for error_print_progname). */
#include <libintl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "../abi/export.h"

struct obstack;

int obstack_exit_failure = EXIT_FAILURE;
GCOMPAT_EXPORT(obstack_exit_failure);

/* glibc's default: the message, then exit(obstack_exit_failure). */
static void print_and_abort(void)
{
    fprintf(stderr, "%s\n", dgettext("libc", "memory exhausted"));
    exit(obstack_exit_failure);
}

void (*obstack_alloc_failed_handler)(void) = print_and_abort;
GCOMPAT_EXPORT(obstack_alloc_failed_handler);

#if defined(__x86_64__) /* glibc defines it on x86_64 only */
/* glibc's old "current obstack" pointer, kept for the ABI: nothing uses it. */
struct obstack *_obstack;
GCOMPAT_EXPORT(_obstack);
#endif

/* Calls the live handler; it must not return (glibc's contract). */
void __gcompat_obstack_alloc_failed(void)
{
    (*obstack_alloc_failed_handler)();
    abort();
}

int __gcompat_obstack_vprintf(struct obstack *obstack, int flag, const char *format, va_list ap);

int obstack_printf(struct obstack *obstack, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    int n = __gcompat_obstack_vprintf(obstack, 0, format, ap);
    va_end(ap);
    return n;
}
GCOMPAT_EXPORT(obstack_printf);

int __obstack_printf_chk(struct obstack *obstack, int flag, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    int n = __gcompat_obstack_vprintf(obstack, flag, format, ap);
    va_end(ap);
    return n;
}
GCOMPAT_EXPORT(__obstack_printf_chk);
