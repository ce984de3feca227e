/* <wchar.h> floating-point parsers musl lacks, as fronts over musl's own
 * wcstod family (here in C: `long double` has no Rust type):
 * - wcstod_l/wcstof_l/wcstold_l (glibc manual "Parsing of Floats"; these
 *   grammars are the C locale's in every locale the shim serves) and
 *   glibc's internal __wcstod_l names;
 * - __wcstod_internal and friends (LSB 5.0 core; `group` asks for digit
 *   grouping, which those locales do not have);
 * - the TS 18661-3 _FloatN names (glibc 2.27): on x86_64 _Float32 is float,
 *   _Float64 and _Float32x double, _Float64x long double. _Float128
 *   (binary128) is float128.c's. */
#include <errno.h>
#include <fenv.h>
#include <float.h>
#include <locale.h>
#include <wchar.h>

#include "../abi/parse_float.h"
#include "../abi/export.h"
#define PARSE(call, unused) GCOMPAT_PARSE_FLOAT(wchar_t, call, unused)

float wcstof_l(const wchar_t *nptr, wchar_t **endptr, locale_t loc)
PARSE(wcstof(nptr, &end), (void)loc)
GCOMPAT_EXPORT(wcstof_l);

float __wcstof_l(const wchar_t *nptr, wchar_t **endptr, locale_t loc)
PARSE(wcstof(nptr, &end), (void)loc)
GCOMPAT_EXPORT(__wcstof_l);

float wcstof32_l(const wchar_t *nptr, wchar_t **endptr, locale_t loc)
PARSE(wcstof(nptr, &end), (void)loc)
GCOMPAT_EXPORT(wcstof32_l);

double wcstod_l(const wchar_t *nptr, wchar_t **endptr, locale_t loc)
PARSE(wcstod(nptr, &end), (void)loc)
GCOMPAT_EXPORT(wcstod_l);

double __wcstod_l(const wchar_t *nptr, wchar_t **endptr, locale_t loc)
PARSE(wcstod(nptr, &end), (void)loc)
GCOMPAT_EXPORT(__wcstod_l);

double wcstof64_l(const wchar_t *nptr, wchar_t **endptr, locale_t loc)
PARSE(wcstod(nptr, &end), (void)loc)
GCOMPAT_EXPORT(wcstof64_l);

double wcstof32x_l(const wchar_t *nptr, wchar_t **endptr, locale_t loc)
PARSE(wcstod(nptr, &end), (void)loc)
GCOMPAT_EXPORT(wcstof32x_l);

long double wcstold_l(const wchar_t *nptr, wchar_t **endptr, locale_t loc)
PARSE(wcstold(nptr, &end), (void)loc)
GCOMPAT_EXPORT(wcstold_l);

long double __wcstold_l(const wchar_t *nptr, wchar_t **endptr, locale_t loc)
PARSE(wcstold(nptr, &end), (void)loc)
GCOMPAT_EXPORT(__wcstold_l);

long double wcstof64x_l(const wchar_t *nptr, wchar_t **endptr, locale_t loc)
PARSE(wcstold(nptr, &end), (void)loc)
GCOMPAT_EXPORT(wcstof64x_l);

float __wcstof_internal(const wchar_t *nptr, wchar_t **endptr, int group)
PARSE(wcstof(nptr, &end), (void)group)
GCOMPAT_EXPORT(__wcstof_internal);

double __wcstod_internal(const wchar_t *nptr, wchar_t **endptr, int group)
PARSE(wcstod(nptr, &end), (void)group)
GCOMPAT_EXPORT(__wcstod_internal);

long double __wcstold_internal(const wchar_t *nptr, wchar_t **endptr, int group)
PARSE(wcstold(nptr, &end), (void)group)
GCOMPAT_EXPORT(__wcstold_internal);

float wcstof32(const wchar_t *nptr, wchar_t **endptr)
PARSE(wcstof(nptr, &end), (void)0)
GCOMPAT_EXPORT(wcstof32);

double wcstof64(const wchar_t *nptr, wchar_t **endptr)
PARSE(wcstod(nptr, &end), (void)0)
GCOMPAT_EXPORT(wcstof64);

double wcstof32x(const wchar_t *nptr, wchar_t **endptr)
PARSE(wcstod(nptr, &end), (void)0)
GCOMPAT_EXPORT(wcstof32x);

long double wcstof64x(const wchar_t *nptr, wchar_t **endptr)
PARSE(wcstold(nptr, &end), (void)0)
GCOMPAT_EXPORT(wcstof64x);
