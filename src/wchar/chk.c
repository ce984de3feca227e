/* The variadic fortified wide printf entry points: each a front over its
 * v*_chk twin in chk.rs, which does the checks. */
#include <stdarg.h>
#include <stdio.h>
#include <wchar.h>

#include "../abi/export.h"

int __vswprintf_chk(wchar_t *s, size_t maxlen, int flag, size_t slen, const wchar_t *fmt, va_list ap);
int __vfwprintf_chk(FILE *fp, int flag, const wchar_t *fmt, va_list ap);
int __vwprintf_chk(int flag, const wchar_t *fmt, va_list ap);

#define FRONT(call) { va_list ap; va_start(ap, fmt); int r = call; va_end(ap); return r; }

int __swprintf_chk(wchar_t *s, size_t maxlen, int flag, size_t slen, const wchar_t *fmt, ...)
FRONT(__vswprintf_chk(s, maxlen, flag, slen, fmt, ap))
GCOMPAT_EXPORT(__swprintf_chk);

int __fwprintf_chk(FILE *fp, int flag, const wchar_t *fmt, ...)
FRONT(__vfwprintf_chk(fp, flag, fmt, ap))
GCOMPAT_EXPORT(__fwprintf_chk);

int __wprintf_chk(int flag, const wchar_t *fmt, ...)
FRONT(__vwprintf_chk(flag, fmt, ap))
GCOMPAT_EXPORT(__wprintf_chk);
