/* The wide printf family: glibc-built callers get glibc's conversions (%m
 * in glibc's words, "(nil)" for a null %p, "(null)" for a null %s/%ls),
 * musl-built ones musl's own function (wchar/printf.rs). Each front passes
 * its caller's address.
 *
 * Only in the shim (musl's headers): a host build of the crate's unit
 * tests must not take glibc's own wprintf over. */
#include <stdarg.h>
#include <stdio.h>
#include <wchar.h>

#include "../abi/export.h"

#ifndef __GLIBC__

int __gcompat_vwprintf(const wchar_t *fmt, va_list ap, const void *caller);
int __gcompat_vfwprintf(FILE *fp, const wchar_t *fmt, va_list ap, const void *caller);
int __gcompat_vswprintf(wchar_t *s, size_t n, const wchar_t *fmt, va_list ap, const void *caller);

#define FRONT(call) { va_list ap; va_start(ap, fmt); int r = call; va_end(ap); return r; }
#define CALLER __builtin_return_address(0)

int wprintf(const wchar_t *fmt, ...)
FRONT(__gcompat_vwprintf(fmt, ap, CALLER))
GCOMPAT_EXPORT(wprintf);

int fwprintf(FILE *fp, const wchar_t *fmt, ...)
FRONT(__gcompat_vfwprintf(fp, fmt, ap, CALLER))
GCOMPAT_EXPORT(fwprintf);

int swprintf(wchar_t *s, size_t n, const wchar_t *fmt, ...)
FRONT(__gcompat_vswprintf(s, n, fmt, ap, CALLER))
GCOMPAT_EXPORT(swprintf);

int vwprintf(const wchar_t *fmt, va_list ap)
{
    return __gcompat_vwprintf(fmt, ap, CALLER);
}
GCOMPAT_EXPORT(vwprintf);

int vfwprintf(FILE *fp, const wchar_t *fmt, va_list ap)
{
    return __gcompat_vfwprintf(fp, fmt, ap, CALLER);
}
GCOMPAT_EXPORT(vfwprintf);

int vswprintf(wchar_t *s, size_t n, const wchar_t *fmt, va_list ap)
{
    return __gcompat_vswprintf(s, n, fmt, ap, CALLER);
}
GCOMPAT_EXPORT(vswprintf);

#endif
