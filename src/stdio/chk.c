/* The variadic fortified printf entry points: each a front over its v*_chk
 * twin in chk.rs, which does the checks. */
#include <stdarg.h>
#include <stdio.h>

#include "../abi/export.h"

int __vprintf_chk(int flag, const char *fmt, va_list ap);
int __vfprintf_chk(FILE *fp, int flag, const char *fmt, va_list ap);
int __vsprintf_chk(char *s, int flag, size_t slen, const char *fmt, va_list ap);
int __vsnprintf_chk(char *s, size_t maxlen, int flag, size_t slen, const char *fmt, va_list ap);
int __vasprintf_chk(char **sp, int flag, const char *fmt, va_list ap);
int __vdprintf_chk(int fd, int flag, const char *fmt, va_list ap);

#define FRONT(call) { va_list ap; va_start(ap, fmt); int r = call; va_end(ap); return r; }

int __printf_chk(int flag, const char *fmt, ...)
FRONT(__vprintf_chk(flag, fmt, ap))
GCOMPAT_EXPORT(__printf_chk);

int __fprintf_chk(FILE *fp, int flag, const char *fmt, ...)
FRONT(__vfprintf_chk(fp, flag, fmt, ap))
GCOMPAT_EXPORT(__fprintf_chk);

int __sprintf_chk(char *s, int flag, size_t slen, const char *fmt, ...)
FRONT(__vsprintf_chk(s, flag, slen, fmt, ap))
GCOMPAT_EXPORT(__sprintf_chk);

int __snprintf_chk(char *s, size_t maxlen, int flag, size_t slen, const char *fmt, ...)
FRONT(__vsnprintf_chk(s, maxlen, flag, slen, fmt, ap))
GCOMPAT_EXPORT(__snprintf_chk);

int __asprintf_chk(char **sp, int flag, const char *fmt, ...)
FRONT(__vasprintf_chk(sp, flag, fmt, ap))
GCOMPAT_EXPORT(__asprintf_chk);

int __dprintf_chk(int fd, int flag, const char *fmt, ...)
FRONT(__vdprintf_chk(fd, flag, fmt, ap))
GCOMPAT_EXPORT(__dprintf_chk);
