/* The printf family: glibc-built callers get glibc's conversions (%m in
 * glibc's words, "(nil)" for a null %p, ...), musl-built ones musl's own
 * function (stdio/printf.rs). Each front passes its caller's address.
 *
 * Only in the shim (musl's headers): a host build of the crate's unit
 * tests must not take glibc's own printf over. */
#include <stdarg.h>
#include <stdio.h>

#include "../abi/export.h"

#ifndef __GLIBC__

int __gcompat_vprintf(const char *fmt, va_list ap, const void *caller);
int __gcompat_vfprintf(FILE *fp, const char *fmt, va_list ap, const void *caller);
int __gcompat_vsprintf(char *s, const char *fmt, va_list ap, const void *caller);
int __gcompat_vsnprintf(char *s, size_t n, const char *fmt, va_list ap, const void *caller);
int __gcompat_vdprintf(int fd, const char *fmt, va_list ap, const void *caller);
int __gcompat_vasprintf(char **sp, const char *fmt, va_list ap, const void *caller);

#define FRONT(call) { va_list ap; va_start(ap, fmt); int r = call; va_end(ap); return r; }
#define CALLER __builtin_return_address(0)

int printf(const char *fmt, ...)
FRONT(__gcompat_vprintf(fmt, ap, CALLER))
GCOMPAT_EXPORT(printf);

int fprintf(FILE *fp, const char *fmt, ...)
FRONT(__gcompat_vfprintf(fp, fmt, ap, CALLER))
GCOMPAT_EXPORT(fprintf);

int sprintf(char *s, const char *fmt, ...)
FRONT(__gcompat_vsprintf(s, fmt, ap, CALLER))
GCOMPAT_EXPORT(sprintf);

int snprintf(char *s, size_t n, const char *fmt, ...)
FRONT(__gcompat_vsnprintf(s, n, fmt, ap, CALLER))
GCOMPAT_EXPORT(snprintf);

int dprintf(int fd, const char *fmt, ...)
FRONT(__gcompat_vdprintf(fd, fmt, ap, CALLER))
GCOMPAT_EXPORT(dprintf);

int asprintf(char **sp, const char *fmt, ...)
FRONT(__gcompat_vasprintf(sp, fmt, ap, CALLER))
GCOMPAT_EXPORT(asprintf);

int vprintf(const char *fmt, va_list ap)
{
    return __gcompat_vprintf(fmt, ap, CALLER);
}
GCOMPAT_EXPORT(vprintf);

int vfprintf(FILE *fp, const char *fmt, va_list ap)
{
    return __gcompat_vfprintf(fp, fmt, ap, CALLER);
}
GCOMPAT_EXPORT(vfprintf);

int vsprintf(char *s, const char *fmt, va_list ap)
{
    return __gcompat_vsprintf(s, fmt, ap, CALLER);
}
GCOMPAT_EXPORT(vsprintf);

int vsnprintf(char *s, size_t n, const char *fmt, va_list ap)
{
    return __gcompat_vsnprintf(s, n, fmt, ap, CALLER);
}
GCOMPAT_EXPORT(vsnprintf);

int vdprintf(int fd, const char *fmt, va_list ap)
{
    return __gcompat_vdprintf(fd, fmt, ap, CALLER);
}
GCOMPAT_EXPORT(vdprintf);

int vasprintf(char **sp, const char *fmt, va_list ap)
{
    return __gcompat_vasprintf(sp, fmt, ap, CALLER);
}
GCOMPAT_EXPORT(vasprintf);

#endif
