/* <stdlib.h> floating-point names musl lacks, as fronts over musl's own
 * parsers and snprintf (here in C: `long double` has no Rust type):
 * - glibc's internal __strtod_internal family (LSB 5.0 core; `group` asks
 *   for the locale's digit grouping, which no locale the shim serves has);
 * - the TS 18661-3 _FloatN names glibc 2.27 added, on x86_64: _Float32 is
 *   float, _Float64 and _Float32x double, _Float64x long double. _Float128
 *   (binary128), which musl cannot compute with, is float128.c's;
 * - strfromf/strfromd/strfroml (ISO/IEC TS 18661-1; glibc manual "Printing
 *   of Floats"), whose format is checked by __gcompat_strfrom_spec
 *   (floating.rs) exactly as glibc checks it. */
#include <errno.h>
#include <fenv.h>
#include <float.h>
#include <locale.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

float strtof_l(const char *nptr, char **endptr, locale_t loc);
double strtod_l(const char *nptr, char **endptr, locale_t loc);
long double strtold_l(const char *nptr, char **endptr, locale_t loc);

#include "../abi/parse_float.h"
#include "../abi/export.h"
#define PARSE(call, unused) GCOMPAT_PARSE_FLOAT(char, call, unused)

double __strtod_internal(const char *nptr, char **endptr, int group)
PARSE(strtod(nptr, &end), (void)group)
GCOMPAT_EXPORT(__strtod_internal);

float __strtof_internal(const char *nptr, char **endptr, int group)
PARSE(strtof(nptr, &end), (void)group)
GCOMPAT_EXPORT(__strtof_internal);

long double __strtold_internal(const char *nptr, char **endptr, int group)
PARSE(strtold(nptr, &end), (void)group)
GCOMPAT_EXPORT(__strtold_internal);

float strtof32(const char *nptr, char **endptr)
PARSE(strtof(nptr, &end), (void)0)
GCOMPAT_EXPORT(strtof32);

double strtof64(const char *nptr, char **endptr)
PARSE(strtod(nptr, &end), (void)0)
GCOMPAT_EXPORT(strtof64);

double strtof32x(const char *nptr, char **endptr)
PARSE(strtod(nptr, &end), (void)0)
GCOMPAT_EXPORT(strtof32x);

long double strtof64x(const char *nptr, char **endptr)
PARSE(strtold(nptr, &end), (void)0)
GCOMPAT_EXPORT(strtof64x);

float strtof32_l(const char *nptr, char **endptr, locale_t loc)
PARSE(strtof_l(nptr, &end, loc), (void)0)
GCOMPAT_EXPORT(strtof32_l);

double strtof64_l(const char *nptr, char **endptr, locale_t loc)
PARSE(strtod_l(nptr, &end, loc), (void)0)
GCOMPAT_EXPORT(strtof64_l);

double strtof32x_l(const char *nptr, char **endptr, locale_t loc)
PARSE(strtod_l(nptr, &end, loc), (void)0)
GCOMPAT_EXPORT(strtof32x_l);

long double strtof64x_l(const char *nptr, char **endptr, locale_t loc)
PARSE(strtold_l(nptr, &end, loc), (void)0)
GCOMPAT_EXPORT(strtof64x_l);

/* The conversion letter of a strfrom format ("%[.precision]<aAeEfFgG>"),
 * its precision in *precision (-1 when absent); aborts on any other format,
 * as glibc does. */
char __gcompat_strfrom_spec(const char *format, int *precision);

/* glibc's %a/%A layout for finite values (floating.rs): musl normalizes
 * subnormal doubles and gives long doubles a leading 1, glibc does not. */
int __gcompat_strfrom_hex_double(char *str, size_t n, unsigned long bits, int precision, char conv, int mode);
int __gcompat_strfrom_hex_x87(char *str, size_t n, unsigned long mantissa, unsigned short sign_exponent,
                              int precision, char conv, int mode);

int strfromd(char *str, size_t n, const char *format, double fp)
{
    int precision;
    char conv = __gcompat_strfrom_spec(format, &precision);
    if ((conv == 'a' || conv == 'A') && fp - fp == 0) {
        unsigned long bits;
        memcpy(&bits, &fp, sizeof bits);
        return __gcompat_strfrom_hex_double(str, n, bits, precision, conv, fegetround());
    }
    switch (conv) {
    case 'a': return snprintf(str, n, "%.*a", precision, fp);
    case 'A': return snprintf(str, n, "%.*A", precision, fp);
    case 'e': return snprintf(str, n, "%.*e", precision, fp);
    case 'E': return snprintf(str, n, "%.*E", precision, fp);
    case 'f': return snprintf(str, n, "%.*f", precision, fp);
    case 'F': return snprintf(str, n, "%.*F", precision, fp);
    case 'g': return snprintf(str, n, "%.*g", precision, fp);
    default: return snprintf(str, n, "%.*G", precision, fp);
    }
}
GCOMPAT_EXPORT(strfromd);

int strfromf64(char *str, size_t n, const char *format, double fp)
{
    return strfromd(str, n, format, fp);
}
GCOMPAT_EXPORT(strfromf64);

int strfromf32x(char *str, size_t n, const char *format, double fp)
{
    return strfromd(str, n, format, fp);
}
GCOMPAT_EXPORT(strfromf32x);

/* glibc widens a float to double before printing it. */
int strfromf(char *str, size_t n, const char *format, float fp)
{
    return strfromd(str, n, format, fp);
}
GCOMPAT_EXPORT(strfromf);

int strfromf32(char *str, size_t n, const char *format, float fp)
{
    return strfromd(str, n, format, fp);
}
GCOMPAT_EXPORT(strfromf32);

#if LDBL_MANT_DIG == 113
int __gcompat_strfromf128(char *str, size_t n, const char *format, unsigned long low, unsigned long high,
                          int mode);
#endif

int strfroml(char *str, size_t n, const char *format, long double fp)
{
#if LDBL_MANT_DIG == 113
    /* binary128 (aarch64): long double is _Float128, which float128/
     * formats exactly and in glibc's layout (musl's %La normalizes
     * subnormals). */
    unsigned long bits[2];
    memcpy(bits, &fp, sizeof bits);
    return __gcompat_strfromf128(str, n, format, bits[0], bits[1], fegetround());
#endif
    int precision;
    char conv = __gcompat_strfrom_spec(format, &precision);
#if LDBL_MANT_DIG == 64
    if ((conv == 'a' || conv == 'A') && fp - fp == 0) {
        struct { unsigned long mantissa; unsigned short sign_exponent; } x87;
        memcpy(&x87, &fp, 10);
        return __gcompat_strfrom_hex_x87(str, n, x87.mantissa, x87.sign_exponent, precision, conv, fegetround());
    }
#endif
    switch (conv) {
    case 'a': return snprintf(str, n, "%.*La", precision, fp);
    case 'A': return snprintf(str, n, "%.*LA", precision, fp);
    case 'e': return snprintf(str, n, "%.*Le", precision, fp);
    case 'E': return snprintf(str, n, "%.*LE", precision, fp);
    case 'f': return snprintf(str, n, "%.*Lf", precision, fp);
    case 'F': return snprintf(str, n, "%.*LF", precision, fp);
    case 'g': return snprintf(str, n, "%.*Lg", precision, fp);
    default: return snprintf(str, n, "%.*LG", precision, fp);
    }
}
GCOMPAT_EXPORT(strfroml);

int strfromf64x(char *str, size_t n, const char *format, long double fp)
{
    return strfroml(str, n, format, fp);
}
GCOMPAT_EXPORT(strfromf64x);
