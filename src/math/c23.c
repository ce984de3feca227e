/* C23 / TS 18661-1 <math.h> functions glibc's libm has and musl 1.2.5 lacks,
 * for float, double and x87 long double. Semantics are C23's (Annex F) and
 * glibc's where C leaves room: a signaling NaN argument raises FE_INVALID and
 * gives a quiet NaN (x + y quiets and raises), no other exception is raised
 * by the exact operations, and the functions glibc gives errno set it too. */
#include <errno.h>
#include <fenv.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>

#include "../abi/export.h"

/* Prototypes (musl's <math.h> declares none of these), one per name so each
 * exported name can be found by grep. */
float roundevenf(float);
float fmaximumf(float, float);
float fminimumf(float, float);
float fmaximum_numf(float, float);
float fminimum_numf(float, float);
float fmaximum_magf(float, float);
float fminimum_magf(float, float);
float fmaximum_mag_numf(float, float);
float fminimum_mag_numf(float, float);
float fmaxmagf(float, float);
float fminmagf(float, float);
float nextupf(float);
float nextdownf(float);
int canonicalizef(float *, const float *);
int totalorderf(const float *, const float *);
int totalordermagf(const float *, const float *);
float getpayloadf(const float *);
int setpayloadf(float *, float);
int setpayloadsigf(float *, float);
long llogbf(float);
int __iseqsigf(float, float);
int __issignalingf(float);
double roundeven(double);
double fmaximum(double, double);
double fminimum(double, double);
double fmaximum_num(double, double);
double fminimum_num(double, double);
double fmaximum_mag(double, double);
double fminimum_mag(double, double);
double fmaximum_mag_num(double, double);
double fminimum_mag_num(double, double);
double fmaxmag(double, double);
double fminmag(double, double);
double nextup(double);
double nextdown(double);
int canonicalize(double *, const double *);
int totalorder(const double *, const double *);
int totalordermag(const double *, const double *);
double getpayload(const double *);
int setpayload(double *, double);
int setpayloadsig(double *, double);
long llogb(double);
int __iseqsig(double, double);
int __issignaling(double);
long double roundevenl(long double);
long double fmaximuml(long double, long double);
long double fminimuml(long double, long double);
long double fmaximum_numl(long double, long double);
long double fminimum_numl(long double, long double);
long double fmaximum_magl(long double, long double);
long double fminimum_magl(long double, long double);
long double fmaximum_mag_numl(long double, long double);
long double fminimum_mag_numl(long double, long double);
long double fmaxmagl(long double, long double);
long double fminmagl(long double, long double);
long double nextupl(long double);
long double nextdownl(long double);
int canonicalizel(long double *, const long double *);
int totalorderl(const long double *, const long double *);
int totalordermagl(const long double *, const long double *);
long double getpayloadl(const long double *);
int setpayloadl(long double *, long double);
int setpayloadsigl(long double *, long double);
long llogbl(long double);
int __iseqsigl(long double, long double);
int __issignalingl(long double);
int __iscanonicall(long double);
long double significandl(long double);
long double scalbl(long double, long double);

/* ---- bit access ---- */

static uint32_t fbits(float x)
{
    union { float f; uint32_t u; } v = { x };
    return v.u;
}
static float ffrom(uint32_t u)
{
    union { uint32_t u; float f; } v = { u };
    return v.f;
}
static uint64_t dbits(double x)
{
    union { double f; uint64_t u; } v = { x };
    return v.u;
}
static double dfrom(uint64_t u)
{
    union { uint64_t u; double f; } v = { u };
    return v.f;
}

/* x87 80-bit: 64-bit significand with an explicit integer bit, then sign
 * and 15-bit exponent. */
struct ld80 {
    uint64_t m;
    uint16_t se;
};
static struct ld80 lbits(long double x)
{
    union { long double f; struct ld80 b; } v = { x };
    return v.b;
}
static long double lfrom(uint64_t m, unsigned se)
{
    union { struct ld80 b; long double f; } v = { { m, (uint16_t)se } };
    return v.f;
}
#define LD_INT_BIT (1ULL << 63)
#define LD_QUIET_BIT (1ULL << 62)

/* ---- classification ---- */

int __issignalingf(float x) { return (fbits(x) & 0x7fffffff) > 0x7f800000 && !(fbits(x) & 0x00400000); }
GCOMPAT_EXPORT(__issignalingf);
int __issignaling(double x)
{
    uint64_t u = dbits(x) & 0x7fffffffffffffffULL;
    return u > 0x7ff0000000000000ULL && !(u & 0x0008000000000000ULL);
}
GCOMPAT_EXPORT(__issignaling);
/* A NaN with its quiet bit clear; glibc (2.36 and later) also counts the
 * invalid encodings with a nonzero exponent and a clear integer bit
 * (unnormals, pseudo-NaNs, pseudo-infinities), which the x87 refuses with
 * FE_INVALID as it does signaling NaNs, but not pseudo-denormals. */
int __issignalingl(long double x)
{
    struct ld80 b = lbits(x);
    int e = b.se & 0x7fff;
    if (e != 0 && !(b.m & LD_INT_BIT))
        return 1;
    return e == 0x7fff && !(b.m & LD_QUIET_BIT) && (b.m & (LD_QUIET_BIT - 1));
}
GCOMPAT_EXPORT(__issignalingl);

/* Intel's encoding: the integer bit must be set exactly when the exponent is
 * nonzero (pseudo-denormals, unnormals, pseudo-NaNs and pseudo-infinities are
 * not canonical). */
int __iscanonicall(long double x)
{
    struct ld80 b = lbits(x);
    return (b.se & 0x7fff) ? (b.m & LD_INT_BIT) != 0 : (b.m & LD_INT_BIT) == 0;
}
#if defined(__x86_64__) /* glibc has no __iscanonicall where long double is binary128 */
GCOMPAT_EXPORT(__iscanonicall);
#endif

/* A signaling comparison: <= and >= raise FE_INVALID for any NaN; an
 * unordered pair also sets errno to EDOM, as glibc does. */
#define ISEQSIG(T, S)                                                                                                  \
    int __iseqsig##S(T x, T y)                                                                                         \
    {                                                                                                                  \
        int le = x <= y, ge = x >= y;                                                                                  \
        if (!le && !ge)                                                                                                \
            errno = EDOM;                                                                                              \
        return le && ge;                                                                                               \
    }                                                                                                                  \
    GCOMPAT_EXPORT(__iseqsig##S);
ISEQSIG(float, f)
ISEQSIG(double, )
ISEQSIG(long double, l)

/* ---- roundeven: to nearest, ties to even, never inexact ---- */

#define ROUNDEVEN_IEEE(T, S, U, BITS, FROM, MANT, BIAS, EMAX)                                                          \
    T roundeven##S(T x)                                                                                                \
    {                                                                                                                  \
        U u = BITS(x);                                                                                                 \
        int e = (int)(u >> MANT) & EMAX;                                                                               \
        U sign = u & ((U)1 << (sizeof(U) * 8 - 1));                                                                    \
        if (e >= BIAS + MANT)                                                                                          \
            return e == EMAX ? x + x : x;                                                                              \
        if (e < BIAS - 1)                                                                                              \
            return FROM(sign);                                                                                         \
        if (e == BIAS - 1) /* 0.5 <= |x| < 1 */                                                                        \
            return FROM(sign | ((u & (((U)1 << MANT) - 1)) ? (U)BIAS << MANT : 0));                                   \
        int fb = BIAS + MANT - e; /* fraction bits, 1..MANT */                                                         \
        U frac = u & (((U)1 << fb) - 1), half = (U)1 << (fb - 1);                                                      \
        u -= frac;                                                                                                     \
        if (frac > half || (frac == half && (u & ((U)1 << fb))))                                                       \
            u += (U)1 << fb;                                                                                           \
        return FROM(u);                                                                                                \
    }                                                                                                                  \
    GCOMPAT_EXPORT(roundeven##S);
ROUNDEVEN_IEEE(float, f, uint32_t, fbits, ffrom, 23, 127, 0xff)
ROUNDEVEN_IEEE(double, , uint64_t, dbits, dfrom, 52, 1023, 0x7ff)

long double roundevenl(long double x)
{
    struct ld80 b = lbits(x);
    int e = b.se & 0x7fff;
    unsigned sign = b.se & 0x8000;
    if (e >= 16383 + 63)
        return e == 0x7fff ? x + x : x;
    if (e < 16383 - 1)
        return lfrom(0, sign);
    if (e == 16383 - 1)
        return b.m == LD_INT_BIT ? lfrom(0, sign) : lfrom(LD_INT_BIT, sign | 16383);
    int fb = 16383 + 63 - e;
    uint64_t frac = b.m & ((1ULL << fb) - 1), half = 1ULL << (fb - 1);
    uint64_t m = b.m - frac;
    if (frac > half || (frac == half && (m & (1ULL << fb)))) {
        m += 1ULL << fb;
        if (m == 0) { /* carried out of the significand: next binade */
            m = LD_INT_BIT;
            e++;
        }
    }
    return lfrom(m, sign | e);
}
GCOMPAT_EXPORT(roundevenl);

/* ---- maximum and minimum ---- */

/* The NaN result for a pair with a NaN: FE_INVALID if either is signaling,
 * and `first` quieted if it is a NaN, else `second` quieted. glibc's
 * 2.41 picks x first (2.36 picks y first for the _num ones);
 * a plain x + y would leave the choice to the compiler's operand order.
 * The x87 (long double) chooses by itself, independent of operand order: a
 * quiet NaN over a signaling one, else the larger significand. */
#define NAN_PAIR(T, first, second)                                                                                     \
    do {                                                                                                               \
        volatile T raise_ = (first) + (second);                                                                        \
        if (sizeof(T) > sizeof(double))                                                                                \
            return raise_;                                                                                             \
        volatile T pick_ = isnan(first) ? (first) : (second);                                                          \
        return pick_ + pick_;                                                                                          \
    } while (0)

#define MINMAX(T, S)                                                                                                   \
    /* IEEE 754-2019 maximum: NaN if either is, -0 < +0. */                                                           \
    T fmaximum##S(T x, T y)                                                                                            \
    {                                                                                                                  \
        if (isnan(x) || isnan(y))                                                                                      \
            NAN_PAIR(T, x, y);                                                                                         \
        if (x != y)                                                                                                    \
            return x > y ? x : y;                                                                                      \
        return signbit(x) ? y : x;                                                                                     \
    }                                                                                                                  \
    GCOMPAT_EXPORT(fmaximum##S);                                                                                       \
    T fminimum##S(T x, T y)                                                                                            \
    {                                                                                                                  \
        if (isnan(x) || isnan(y))                                                                                      \
            NAN_PAIR(T, x, y);                                                                                         \
        if (x != y)                                                                                                    \
            return x < y ? x : y;                                                                                      \
        return signbit(x) ? x : y;                                                                                     \
    }                                                                                                                  \
    GCOMPAT_EXPORT(fminimum##S);                                                                                       \
    /* maximumNumber: a NaN (quiet or signaling, the latter raising                                                  \
     * FE_INVALID) loses to a number. */                                                                               \
    T fmaximum_num##S(T x, T y)                                                                                        \
    {                                                                                                                  \
        if (isnan(x) || isnan(y)) {                                                                                    \
            if (isnan(x) && isnan(y))                                                                                  \
                NAN_PAIR(T, x, y);                                                                                     \
            volatile T raise_ = x + y;                                                                                 \
            (void)raise_;                                                                                              \
            return isnan(x) ? y : x;                                                                                   \
        }                                                                                                              \
        return fmaximum##S(x, y);                                                                                      \
    }                                                                                                                  \
    GCOMPAT_EXPORT(fmaximum_num##S);                                                                                   \
    T fminimum_num##S(T x, T y)                                                                                        \
    {                                                                                                                  \
        if (isnan(x) || isnan(y)) {                                                                                    \
            if (isnan(x) && isnan(y))                                                                                  \
                NAN_PAIR(T, x, y);                                                                                     \
            volatile T raise_ = x + y;                                                                                 \
            (void)raise_;                                                                                              \
            return isnan(x) ? y : x;                                                                                   \
        }                                                                                                              \
        return fminimum##S(x, y);                                                                                      \
    }                                                                                                                  \
    GCOMPAT_EXPORT(fminimum_num##S);                                                                                   \
    T fmaximum_mag##S(T x, T y)                                                                                        \
    {                                                                                                                  \
        if (isnan(x) || isnan(y))                                                                                      \
            NAN_PAIR(T, x, y);                                                                                         \
        T ax = fabs##S(x), ay = fabs##S(y);                                                                            \
        if (ax != ay)                                                                                                  \
            return ax > ay ? x : y;                                                                                    \
        return fmaximum##S(x, y);                                                                                      \
    }                                                                                                                  \
    GCOMPAT_EXPORT(fmaximum_mag##S);                                                                                   \
    T fminimum_mag##S(T x, T y)                                                                                        \
    {                                                                                                                  \
        if (isnan(x) || isnan(y))                                                                                      \
            NAN_PAIR(T, x, y);                                                                                         \
        T ax = fabs##S(x), ay = fabs##S(y);                                                                            \
        if (ax != ay)                                                                                                  \
            return ax < ay ? x : y;                                                                                    \
        return fminimum##S(x, y);                                                                                      \
    }                                                                                                                  \
    GCOMPAT_EXPORT(fminimum_mag##S);                                                                                   \
    T fmaximum_mag_num##S(T x, T y)                                                                                    \
    {                                                                                                                  \
        if (isnan(x) || isnan(y))                                                                                      \
            return fmaximum_num##S(x, y);                                                                              \
        return fmaximum_mag##S(x, y);                                                                                  \
    }                                                                                                                  \
    GCOMPAT_EXPORT(fmaximum_mag_num##S);                                                                               \
    T fminimum_mag_num##S(T x, T y)                                                                                    \
    {                                                                                                                  \
        if (isnan(x) || isnan(y))                                                                                      \
            return fminimum_num##S(x, y);                                                                              \
        return fminimum_mag##S(x, y);                                                                                  \
    }                                                                                                                  \
    GCOMPAT_EXPORT(fminimum_mag_num##S);                                                                               \
    /* TS 18661-1 maxNumMag (IEEE 754-2008): a quiet NaN loses to a number,                                           \
     * a signaling NaN gives a quiet NaN; equal magnitudes give fmax/fmin. */                                          \
    T fmaxmag##S(T x, T y)                                                                                             \
    {                                                                                                                  \
        if (isnan(x) || isnan(y)) {                                                                                    \
            if (__issignaling##S(x) || __issignaling##S(y))                                                            \
                NAN_PAIR(T, x, y);                                                                                     \
            return isnan(y) ? x : y;                                                                                   \
        }                                                                                                              \
        T ax = fabs##S(x), ay = fabs##S(y);                                                                            \
        if (ax != ay)                                                                                                  \
            return ax > ay ? x : y;                                                                                    \
        return x > y ? x : y; /* glibc's fmax: y for +0, -0 */                                                         \
    }                                                                                                                  \
    GCOMPAT_EXPORT(fmaxmag##S);                                                                                        \
    T fminmag##S(T x, T y)                                                                                             \
    {                                                                                                                  \
        if (isnan(x) || isnan(y)) {                                                                                    \
            if (__issignaling##S(x) || __issignaling##S(y))                                                            \
                NAN_PAIR(T, x, y);                                                                                     \
            return isnan(y) ? x : y;                                                                                   \
        }                                                                                                              \
        T ax = fabs##S(x), ay = fabs##S(y);                                                                            \
        if (ax != ay)                                                                                                  \
            return ax < ay ? x : y;                                                                                    \
        return x < y ? x : y;                                                                                          \
    }                                                                                                                  \
    GCOMPAT_EXPORT(fminmag##S);
MINMAX(float, f)
MINMAX(double, )
MINMAX(long double, l)

/* ---- nextup, nextdown: no exceptions except for a signaling NaN ---- */

#define NEXTUP_IEEE(T, S, U, BITS, FROM)                                                                               \
    T nextup##S(T x)                                                                                                   \
    {                                                                                                                  \
        if (isnan(x))                                                                                                  \
            return x + x;                                                                                              \
        if (isinf(x) && x > 0)                                                                                         \
            return x;                                                                                                  \
        U u = BITS(x);                                                                                                 \
        if (x == 0)                                                                                                    \
            return FROM(1);                                                                                            \
        return FROM(x > 0 ? u + 1 : u - 1);                                                                            \
    }                                                                                                                  \
    GCOMPAT_EXPORT(nextup##S);                                                                                         \
    T nextdown##S(T x) { return -nextup##S(-x); }                                                                      \
    GCOMPAT_EXPORT(nextdown##S);
NEXTUP_IEEE(float, f, uint32_t, fbits, ffrom)
NEXTUP_IEEE(double, , uint64_t, dbits, dfrom)

long double nextupl(long double x)
{
    if (isnan(x))
        return x + x;
    if (isinf(x) && x > 0)
        return x;
    if (x == 0)
        return lfrom(1, 0);
    struct ld80 b = lbits(x);
    unsigned e = b.se & 0x7fff, sign = b.se & 0x8000;
    uint64_t m = b.m;
    if (!sign) {
        m++;
        if (m == 0) { /* past the binade's largest: next exponent */
            m = LD_INT_BIT;
            e++;
        } else if (e == 0 && m == LD_INT_BIT) { /* largest subnormal to smallest normal */
            e = 1;
        }
    } else if (m == LD_INT_BIT && e > 0) { /* smallest of its binade */
        if (e == 1) {
            m = LD_INT_BIT - 1;
            e = 0;
        } else {
            m = ~0ULL;
            e--;
        }
    } else {
        m--;
    }
    return lfrom(m, sign | e);
}
GCOMPAT_EXPORT(nextupl);
long double nextdownl(long double x) { return -nextupl(-x); }
GCOMPAT_EXPORT(nextdownl);

/* ---- canonicalize ---- */

int canonicalizef(float *cx, const float *x)
{
    float v = *x;
    *cx = __issignalingf(v) ? v + v : v;
    return 0;
}
GCOMPAT_EXPORT(canonicalizef);
int canonicalize(double *cx, const double *x)
{
    double v = *x;
    *cx = __issignaling(v) ? v + v : v;
    return 0;
}
GCOMPAT_EXPORT(canonicalize);
int canonicalizel(long double *cx, const long double *x)
{
    long double v = *x;
    if (!__iscanonicall(v))
        return 1;
    *cx = __issignalingl(v) ? v + v : v;
    return 0;
}
GCOMPAT_EXPORT(canonicalizel);

/* ---- totalorder (glibc 2.31+: pointer arguments) ---- */

int totalorderf(const float *x, const float *y)
{
    int32_t a = (int32_t)fbits(*x), b = (int32_t)fbits(*y);
    a ^= (int32_t)((uint32_t)(a >> 31) >> 1);
    b ^= (int32_t)((uint32_t)(b >> 31) >> 1);
    return a <= b;
}
GCOMPAT_EXPORT(totalorderf);
int totalorder(const double *x, const double *y)
{
    int64_t a = (int64_t)dbits(*x), b = (int64_t)dbits(*y);
    a ^= (int64_t)((uint64_t)(a >> 63) >> 1);
    b ^= (int64_t)((uint64_t)(b >> 63) >> 1);
    return a <= b;
}
GCOMPAT_EXPORT(totalorder);
int totalordermagf(const float *x, const float *y) { return (fbits(*x) & 0x7fffffff) <= (fbits(*y) & 0x7fffffff); }
GCOMPAT_EXPORT(totalordermagf);
int totalordermag(const double *x, const double *y)
{
    return (dbits(*x) & 0x7fffffffffffffffULL) <= (dbits(*y) & 0x7fffffffffffffffULL);
}
GCOMPAT_EXPORT(totalordermag);
static int ld_mag_le(struct ld80 a, struct ld80 b)
{
    unsigned ea = a.se & 0x7fff, eb = b.se & 0x7fff;
    return ea != eb ? ea < eb : a.m <= b.m;
}
int totalordermagl(const long double *x, const long double *y) { return ld_mag_le(lbits(*x), lbits(*y)); }
GCOMPAT_EXPORT(totalordermagl);
int totalorderl(const long double *x, const long double *y)
{
    struct ld80 a = lbits(*x), b = lbits(*y);
    int sa = a.se >> 15, sb = b.se >> 15;
    if (sa != sb)
        return sa;
    return sa ? ld_mag_le(b, a) : ld_mag_le(a, b);
}
GCOMPAT_EXPORT(totalorderl);

/* ---- NaN payloads ---- */

/* glibc returns -1 for a non-NaN argument. */
float getpayloadf(const float *x)
{
    if (!isnan(*x))
        return -1;
    return (float)(fbits(*x) & 0x3fffff);
}
GCOMPAT_EXPORT(getpayloadf);
double getpayload(const double *x)
{
    if (!isnan(*x))
        return -1;
    return (double)(dbits(*x) & 0x7ffffffffffffULL);
}
GCOMPAT_EXPORT(getpayload);
long double getpayloadl(const long double *x)
{
    if (!isnan(*x))
        return -1;
    return (long double)(lbits(*x).m & (LD_QUIET_BIT - 1));
}
GCOMPAT_EXPORT(getpayloadl);

/* Whether pl (given as its bits) is an integer in [lowest, 2^payload_bits):
 * tested on the bits so that no exception is raised. */
static int payload_ok(int neg, int e, uint64_t mant_with_int_bit, int mant_bits, int bias, int payload_bits, int lowest)
{
    if (neg)
        return 0;
    if (mant_with_int_bit == 0)
        return lowest == 0;
    int unbiased = e - bias;
    if (unbiased < 0 || unbiased >= payload_bits)
        return 0;
    int frac_bits = mant_bits - unbiased;
    return frac_bits <= 0 || (mant_with_int_bit & ((1ULL << frac_bits) - 1)) == 0;
}

static uint64_t payload_value(uint64_t mant_with_int_bit, int e, int mant_bits, int bias)
{
    if (mant_with_int_bit == 0)
        return 0;
    int shift = mant_bits - (e - bias);
    return shift >= 0 ? mant_with_int_bit >> shift : mant_with_int_bit << -shift;
}

#define SETPAYLOAD_IEEE(T, S, U, BITS, FROM, MANT, BIAS, EMAX)                                                         \
    static int setpayload_##T(T *res, T pl, int quiet)                                                                 \
    {                                                                                                                  \
        U u = BITS(pl);                                                                                                \
        int e = (int)(u >> MANT) & EMAX;                                                                               \
        U m = u & (((U)1 << MANT) - 1);                                                                                \
        if (e)                                                                                                         \
            m |= (U)1 << MANT;                                                                                         \
        if (e == EMAX || !payload_ok((int)(u >> (sizeof(U) * 8 - 1)), e, m, MANT, BIAS, MANT - 1, !quiet)) {          \
            *res = 0;                                                                                                  \
            return 1;                                                                                                  \
        }                                                                                                              \
        U p = (U)payload_value(m, e, MANT, BIAS);                                                                      \
        *res = FROM(((U)EMAX << MANT) | (quiet ? (U)1 << (MANT - 1) : 0) | p);                                         \
        return 0;                                                                                                      \
    }                                                                                                                  \
    int setpayload##S(T *res, T pl) { return setpayload_##T(res, pl, 1); }                                             \
    GCOMPAT_EXPORT(setpayload##S);                                                                                     \
    int setpayloadsig##S(T *res, T pl) { return setpayload_##T(res, pl, 0); }                                          \
    GCOMPAT_EXPORT(setpayloadsig##S);
SETPAYLOAD_IEEE(float, f, uint32_t, fbits, ffrom, 23, 127, 0xff)
SETPAYLOAD_IEEE(double, , uint64_t, dbits, dfrom, 52, 1023, 0x7ff)

static int setpayload_ld(long double *res, long double pl, int quiet)
{
    struct ld80 b = lbits(pl);
    int e = b.se & 0x7fff;
    if (e == 0x7fff || !__iscanonicall(pl) || !payload_ok(b.se >> 15, e, b.m, 63, 16383, 62, !quiet)) {
        *res = 0;
        return 1;
    }
    uint64_t p = payload_value(b.m, e, 63, 16383);
    *res = lfrom(LD_INT_BIT | (quiet ? LD_QUIET_BIT : 0) | p, 0x7fff);
    return 0;
}
int setpayloadl(long double *res, long double pl) { return setpayload_ld(res, pl, 1); }
GCOMPAT_EXPORT(setpayloadl);
int setpayloadsigl(long double *res, long double pl) { return setpayload_ld(res, pl, 0); }
GCOMPAT_EXPORT(setpayloadsigl);

/* ---- llogb: ilogb widened, with glibc's errno and FE_INVALID ---- */

/* glibc's FP_LLOGB0 and FP_LLOGBNAN: LONG_MIN both on x86 (its
 * __FP_LOGB0_IS_MIN, __FP_LOGBNAN_IS_MIN), -LONG_MAX and LONG_MAX elsewhere
 * (aarch64). musl's ilogb gives INT_MIN for both. */
#if defined(__x86_64__)
#define GLIBC_LLOGB0 LONG_MIN
#define GLIBC_LLOGBNAN LONG_MIN
#else
#define GLIBC_LLOGB0 (-LONG_MAX)
#define GLIBC_LLOGBNAN LONG_MAX
#endif

#define LLOGB(T, S)                                                                                                    \
    long llogb##S(T x)                                                                                                 \
    {                                                                                                                  \
        int r = ilogb##S(x);                                                                                           \
        if (r == FP_ILOGB0 || r == FP_ILOGBNAN || r == INT_MAX) {                                                      \
            errno = EDOM;                                                                                              \
            feraiseexcept(FE_INVALID);                                                                                 \
            return r == INT_MAX ? LONG_MAX : x != x ? GLIBC_LLOGBNAN : GLIBC_LLOGB0;                                  \
        }                                                                                                              \
        return r;                                                                                                      \
    }                                                                                                                  \
    GCOMPAT_EXPORT(llogb##S);
LLOGB(float, f)
LLOGB(double, )
LLOGB(long double, l)

/* ---- legacy long double functions ---- */

/* x scaled into [1, 2): glibc's scalb(x, -ilogb(x)), inf and NaN as is;
 * glibc's x87 ilogbl (fxtract) raises FE_DIVBYZERO for a zero. */
long double significandl(long double x)
{
    if (x == 0) {
        feraiseexcept(FE_DIVBYZERO);
        return x;
    }
    if (!isfinite(x))
        return x + x;
    return scalbnl(x, -ilogbl(x));
}
GCOMPAT_EXPORT(significandl);

/* The obsolete scalb with a floating exponent, with glibc's errno. */
static long double scalbl_ieee(long double x, long double fn)
{
    if (isnan(x))
        return x * fn;
    if (!isfinite(fn)) {
        if (isnan(fn) || fn > 0)
            return x * fn;
        if (x == 0)
            return x;
        return x / -fn;
    }
    if (fabsl(fn) >= 0x1p31L || rintl(fn) != fn) {
        if (rintl(fn) != fn)
            return (fn - fn) / (fn - fn);
        return scalbnl(x, fn > 0 ? 65000 : -65000);
    }
    return scalbnl(x, (int)fn);
}
long double scalbl(long double x, long double fn)
{
    long double z = scalbl_ieee(x, fn);
    if (isnan(z)) {
        if (!isnan(x) && !isnan(fn))
            errno = EDOM;
    } else if (isinf(z)) {
        if (!isinf(x) && !isinf(fn))
            errno = ERANGE;
    } else if (z == 0 && x != 0 && !isinf(fn)) {
        errno = ERANGE;
    }
    return z;
}
GCOMPAT_EXPORT(scalbl);
