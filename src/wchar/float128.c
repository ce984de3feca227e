/* <wchar.h> _Float128 parsers glibc 2.26 added and musl lacks: wcstof128,
 * wcstof128_l (the C locale's grammar) and __wcstof128_internal (no digit
 * grouping in the locales the shim serves). The same exact parser as
 * strtof128 (stdlib/float128/) over wchar_t (float128.rs here). */
#include <locale.h>
#include <wchar.h>

#include "../abi/float128.h"
#include "../abi/export.h"

int __gcompat_wcstof128(const wchar_t *nptr, wchar_t **endptr, int mode, unsigned long bits[2]);

#define PARSE(unused) GCOMPAT_PARSE_F128(wchar_t, __gcompat_wcstof128, unused)

_Float128 wcstof128(const wchar_t *nptr, wchar_t **endptr)
PARSE((void)0)
GCOMPAT_EXPORT(wcstof128);

_Float128 wcstof128_l(const wchar_t *nptr, wchar_t **endptr, locale_t loc)
PARSE((void)loc)
GCOMPAT_EXPORT(wcstof128_l);

#if defined(__x86_64__) /* glibc defines it on x86_64 only */
_Float128 __wcstof128_internal(const wchar_t *nptr, wchar_t **endptr, int group)
PARSE((void)group)
GCOMPAT_EXPORT(__wcstof128_internal);
#endif
