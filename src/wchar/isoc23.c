/* The variadic C23 wide scanf entry points: each a front over its v* twin
 * in isoc23.rs. */
#include <stdarg.h>
#include <stdio.h>
#include <wchar.h>

#include "../abi/export.h"

int __isoc23_vswscanf(const wchar_t *s, const wchar_t *fmt, va_list ap);
int __isoc23_vfwscanf(FILE *f, const wchar_t *fmt, va_list ap);
int __isoc23_vwscanf(const wchar_t *fmt, va_list ap);
int __isoc23_swscanf(const wchar_t *s, const wchar_t *fmt, ...);
int __isoc23_fwscanf(FILE *f, const wchar_t *fmt, ...);
int __isoc23_wscanf(const wchar_t *fmt, ...);

#define FRONT(call) { va_list ap; va_start(ap, fmt); int r = call; va_end(ap); return r; }

int __isoc23_swscanf(const wchar_t *s, const wchar_t *fmt, ...)
FRONT(__isoc23_vswscanf(s, fmt, ap))
GCOMPAT_EXPORT(__isoc23_swscanf);

int __isoc23_fwscanf(FILE *f, const wchar_t *fmt, ...)
FRONT(__isoc23_vfwscanf(f, fmt, ap))
GCOMPAT_EXPORT(__isoc23_fwscanf);

int __isoc23_wscanf(const wchar_t *fmt, ...)
FRONT(__isoc23_vwscanf(fmt, ap))
GCOMPAT_EXPORT(__isoc23_wscanf);
