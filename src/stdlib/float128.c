/* <stdlib.h> _Float128 (IEEE binary128) names glibc 2.26 added and musl
 * lacks (ISO/IEC TS 18661-3): strtof128, strtof128_l (the C locale's
 * grammar, as the other _l parsers here), __strtof128_internal (`group`
 * asks for digit grouping, which no locale the shim serves has) and
 * strfromf128. The conversions are exact, in Rust (float128/); these
 * fronts only move the value's bits and the rounding direction. */
#include <locale.h>
#include <stddef.h>

#include "../abi/float128.h"
#include "../abi/export.h"

int __gcompat_strtof128(const char *nptr, char **endptr, int mode, unsigned long bits[2]);
int __gcompat_strfromf128(char *str, size_t n, const char *format, unsigned long low, unsigned long high,
                          int mode);

#define PARSE(unused) GCOMPAT_PARSE_F128(char, __gcompat_strtof128, unused)

_Float128 strtof128(const char *nptr, char **endptr)
PARSE((void)0)
GCOMPAT_EXPORT(strtof128);

_Float128 strtof128_l(const char *nptr, char **endptr, locale_t loc)
PARSE((void)loc)
GCOMPAT_EXPORT(strtof128_l);

#if defined(__x86_64__) /* glibc defines it on x86_64 only */
_Float128 __strtof128_internal(const char *nptr, char **endptr, int group)
PARSE((void)group)
GCOMPAT_EXPORT(__strtof128_internal);
#endif

int strfromf128(char *str, size_t n, const char *format, _Float128 fp)
{
    unsigned long bits[2];
    gcompat_f128_to_bits(fp, bits);
    return __gcompat_strfromf128(str, n, format, bits[0], bits[1], fegetround());
}
GCOMPAT_EXPORT(strfromf128);
