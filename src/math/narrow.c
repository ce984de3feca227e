/* glibc's narrowing operations (ISO/IEC TS 18661-1, C23 7.12.14: libm,
 * GLIBC_2.28; fma and sqrt GLIBC_2.35): x+y, x-y, x*y, x/y, fma(x, y, z)
 * and sqrt(x) in a wider type, correctly rounded once to the narrower one
 * (fadd: double to float, faddl: long double to float, daddl: long double
 * to double, ...), with the exceptions that single rounding raises and
 * glibc's errno (EDOM for a NaN from non-NaN operands, ERANGE for an
 * overflow to infinity or an underflow to zero; none for fma, as glibc),
 * and their _FloatN names. musl has none of them.
 *
 * Round-to-odd: the operation runs in the wider type rounding toward zero;
 * if it was inexact, the last significand bit is set. The wider type has
 * at least two more bits than the narrower one, so the conversion that
 * follows, in the caller's rounding mode, rounds as the exact result would
 * (Boldo and Melquiond). Exceptions raised by the wider operation are kept
 * (feupdateenv). An exact zero sum or difference is computed in the
 * caller's mode, where its sign depends on it. C, for x87 long double. */
#include <errno.h>
#include <fenv.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "../abi/export.h"

/* musl's, bound at run time. Weak references, so that the link does not
 * take the archive's own copies (Rust's compiler_builtins has fma and
 * sqrt) to satisfy them: src/math/aliases.rs does the same. */
#pragma weak fma
#pragma weak fmal
#pragma weak sqrt
#pragma weak sqrtl

/* Sets the last significand bit of a double / an x87 long double. */
static double odd_d(double d)
{
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    u |= 1;
    memcpy(&d, &u, sizeof u);
    return d;
}

static long double odd_ld(long double d)
{
    uint64_t m;
    memcpy(&m, &d, sizeof m); /* the x87 format's 64-bit significand comes first */
    m |= 1;
    memcpy(&d, &m, sizeof m);
    return d;
}

/* WIDE r = EXPR rounded toward zero, then made odd when inexact. */
#define ROUND_TO_ODD(WIDE, ODD, EXPR)                                                                                  \
    ({                                                                                                                 \
        fenv_t env_;                                                                                                   \
        feholdexcept(&env_);                                                                                           \
        fesetround(FE_TOWARDZERO);                                                                                     \
        volatile WIDE r_ = (EXPR);                                                                                     \
        WIDE v_ = r_;                                                                                                  \
        int inexact_ = fetestexcept(FE_INEXACT);                                                                       \
        feupdateenv(&env_);                                                                                            \
        inexact_ ? ODD(v_) : v_;                                                                                       \
    })

/* ROUND_TO_ODD for musl's fma and fmal, which may raise inexact for an
 * exact result: exact when rounding toward zero and upward agree. Only
 * their other exceptions are kept; the conversion raises inexact itself
 * when the result is not exact. */
#define FMA_TO_ODD(WIDE, ODD, FMA, X, Y, Z)                                                                            \
    ({                                                                                                                 \
        fenv_t env_;                                                                                                   \
        feholdexcept(&env_);                                                                                           \
        fesetround(FE_TOWARDZERO);                                                                                     \
        volatile WIDE lo_ = FMA(X, Y, Z);                                                                              \
        fesetround(FE_UPWARD);                                                                                         \
        volatile WIDE hi_ = FMA(X, Y, Z);                                                                              \
        WIDE v_ = lo_;                                                                                                 \
        int ex_ = fetestexcept(FE_ALL_EXCEPT & ~FE_INEXACT);                                                           \
        fesetenv(&env_);                                                                                               \
        feraiseexcept(ex_);                                                                                            \
        v_ != hi_ ? ODD(v_) : v_;                                                                                      \
    })

/* glibc's errno rules for each operation (math-narrow.h's checks). */
#define CHECK_ADDSUB(R, X, Y, EXACT_ZERO)                                                                              \
    do {                                                                                                               \
        if (!isfinite(R)) {                                                                                            \
            if (isnan(R)) {                                                                                            \
                if (!isnan(X) && !isnan(Y))                                                                            \
                    errno = EDOM;                                                                                      \
            } else if (isfinite(X) && isfinite(Y))                                                                     \
                errno = ERANGE;                                                                                        \
        } else if ((R) == 0 && !(EXACT_ZERO))                                                                          \
            errno = ERANGE;                                                                                            \
    } while (0)

#define CHECK_MUL(R, X, Y) CHECK_ADDSUB(R, X, Y, (X) == 0 || (Y) == 0)

#define CHECK_DIV(R, X, Y)                                                                                             \
    do {                                                                                                               \
        if (!isfinite(R)) {                                                                                            \
            if (isnan(R)) {                                                                                            \
                if (!isnan(X) && !isnan(Y))                                                                            \
                    errno = EDOM;                                                                                      \
            } else if (isfinite(X))                                                                                    \
                errno = ERANGE;                                                                                        \
        } else if ((R) == 0 && (X) != 0 && !isinf(Y))                                                                  \
            errno = ERANGE;                                                                                            \
    } while (0)

#define CHECK_SQRT(R, X)                                                                                               \
    do {                                                                                                               \
        if (!isfinite(R)) {                                                                                            \
            if (isnan(R)) {                                                                                            \
                if (!isnan(X))                                                                                         \
                    errno = EDOM;                                                                                      \
            } else if (isfinite(X))                                                                                    \
                errno = ERANGE;                                                                                        \
        } else if ((R) == 0 && (X) != 0)                                                                               \
            errno = ERANGE;                                                                                            \
    } while (0)

/* The four arithmetic operations: NARROW name(WIDE x, WIDE y), rounded to
 * odd in WIDE. */
#define ARITHMETIC(NARROW, WIDE, ODD, ADD, SUB, MUL, DIV)                                                              \
    NARROW ADD(WIDE x, WIDE y);                                                                                        \
    NARROW SUB(WIDE x, WIDE y);                                                                                        \
    NARROW MUL(WIDE x, WIDE y);                                                                                        \
    NARROW DIV(WIDE x, WIDE y);                                                                                        \
    NARROW ADD(WIDE x, WIDE y)                                                                                         \
    {                                                                                                                  \
        NARROW r = x == -y ? (NARROW)(x + y) : (NARROW)ROUND_TO_ODD(WIDE, ODD, x + y);                                 \
        CHECK_ADDSUB(r, x, y, x == -y);                                                                                \
        return r;                                                                                                      \
    }                                                                                                                  \
    GCOMPAT_EXPORT(ADD);                                                                                               \
    NARROW SUB(WIDE x, WIDE y)                                                                                         \
    {                                                                                                                  \
        NARROW r = x == y ? (NARROW)(x - y) : (NARROW)ROUND_TO_ODD(WIDE, ODD, x - y);                                  \
        CHECK_ADDSUB(r, x, y, x == y);                                                                                 \
        return r;                                                                                                      \
    }                                                                                                                  \
    GCOMPAT_EXPORT(SUB);                                                                                               \
    NARROW MUL(WIDE x, WIDE y)                                                                                         \
    {                                                                                                                  \
        NARROW r = (NARROW)ROUND_TO_ODD(WIDE, ODD, x * y);                                                             \
        CHECK_MUL(r, x, y);                                                                                            \
        return r;                                                                                                      \
    }                                                                                                                  \
    GCOMPAT_EXPORT(MUL);                                                                                               \
    NARROW DIV(WIDE x, WIDE y)                                                                                         \
    {                                                                                                                  \
        NARROW r = (NARROW)ROUND_TO_ODD(WIDE, ODD, x / y);                                                             \
        CHECK_DIV(r, x, y);                                                                                            \
        return r;                                                                                                      \
    }                                                                                                                  \
    GCOMPAT_EXPORT(DIV);

ARITHMETIC(float, double, odd_d, fadd, fsub, fmul, fdiv)
ARITHMETIC(float, long double, odd_ld, faddl, fsubl, fmull, fdivl)
ARITHMETIC(double, long double, odd_ld, daddl, dsubl, dmull, ddivl)

/* fma and sqrt, through the wider type's own (musl's, correctly rounded
 * in every rounding mode); an exact zero from fma is recomputed in the
 * caller's mode. glibc sets no errno for fma. */
#define FMA_SQRT(NARROW, WIDE, ODD, WFMA, WSQRT, FMA, SQRT)                                                            \
    NARROW FMA(WIDE x, WIDE y, WIDE z);                                                                                \
    NARROW SQRT(WIDE x);                                                                                               \
    NARROW FMA(WIDE x, WIDE y, WIDE z)                                                                                 \
    {                                                                                                                  \
        WIDE t = FMA_TO_ODD(WIDE, ODD, WFMA, x, y, z);                                                                 \
        return t == 0 ? (NARROW)(x * y + z) : (NARROW)t;                                                               \
    }                                                                                                                  \
    GCOMPAT_EXPORT(FMA);                                                                                               \
    NARROW SQRT(WIDE x)                                                                                                \
    {                                                                                                                  \
        NARROW r = (NARROW)ROUND_TO_ODD(WIDE, ODD, WSQRT(x));                                                          \
        CHECK_SQRT(r, x);                                                                                              \
        return r;                                                                                                      \
    }                                                                                                                  \
    GCOMPAT_EXPORT(SQRT);

FMA_SQRT(float, double, odd_d, fma, sqrt, ffma, fsqrt)
FMA_SQRT(float, long double, odd_ld, fmal, sqrtl, ffmal, fsqrtl)
FMA_SQRT(double, long double, odd_ld, fmal, sqrtl, dfmal, dsqrtl)
/* The _FloatN names (TS 18661-3): f32 is float, f32x and f64 double, f64x
 * long double. A double result from double operands narrows nothing: the
 * operation itself, with the same errno rules. */
double f32xaddf64(double x, double y);
double f32xsubf64(double x, double y);
double f32xmulf64(double x, double y);
double f32xdivf64(double x, double y);
double f32xfmaf64(double x, double y, double z);
double f32xsqrtf64(double x);

double f32xaddf64(double x, double y)
{
    double r = x + y;
    CHECK_ADDSUB(r, x, y, x == -y);
    return r;
}
GCOMPAT_EXPORT(f32xaddf64);

double f32xsubf64(double x, double y)
{
    double r = x - y;
    CHECK_ADDSUB(r, x, y, x == y);
    return r;
}
GCOMPAT_EXPORT(f32xsubf64);

double f32xmulf64(double x, double y)
{
    double r = x * y;
    CHECK_MUL(r, x, y);
    return r;
}
GCOMPAT_EXPORT(f32xmulf64);

double f32xdivf64(double x, double y)
{
    double r = x / y;
    CHECK_DIV(r, x, y);
    return r;
}
GCOMPAT_EXPORT(f32xdivf64);

double f32xfmaf64(double x, double y, double z) { return fma(x, y, z); }
GCOMPAT_EXPORT(f32xfmaf64);

double f32xsqrtf64(double x)
{
    double r = sqrt(x);
    CHECK_SQRT(r, x);
    return r;
}
GCOMPAT_EXPORT(f32xsqrtf64);

GCOMPAT_ALIAS(fadd, f32addf32x);
GCOMPAT_ALIAS(fadd, f32addf64);
GCOMPAT_ALIAS(faddl, f32addf64x);
GCOMPAT_ALIAS(daddl, f32xaddf64x);
GCOMPAT_ALIAS(daddl, f64addf64x);
GCOMPAT_ALIAS(fsub, f32subf32x);
GCOMPAT_ALIAS(fsub, f32subf64);
GCOMPAT_ALIAS(fsubl, f32subf64x);
GCOMPAT_ALIAS(dsubl, f32xsubf64x);
GCOMPAT_ALIAS(dsubl, f64subf64x);
GCOMPAT_ALIAS(fmul, f32mulf32x);
GCOMPAT_ALIAS(fmul, f32mulf64);
GCOMPAT_ALIAS(fmull, f32mulf64x);
GCOMPAT_ALIAS(dmull, f32xmulf64x);
GCOMPAT_ALIAS(dmull, f64mulf64x);
GCOMPAT_ALIAS(fdiv, f32divf32x);
GCOMPAT_ALIAS(fdiv, f32divf64);
GCOMPAT_ALIAS(fdivl, f32divf64x);
GCOMPAT_ALIAS(ddivl, f32xdivf64x);
GCOMPAT_ALIAS(ddivl, f64divf64x);
GCOMPAT_ALIAS(ffma, f32fmaf32x);
GCOMPAT_ALIAS(ffma, f32fmaf64);
GCOMPAT_ALIAS(ffmal, f32fmaf64x);
GCOMPAT_ALIAS(dfmal, f32xfmaf64x);
GCOMPAT_ALIAS(dfmal, f64fmaf64x);
GCOMPAT_ALIAS(fsqrt, f32sqrtf32x);
GCOMPAT_ALIAS(fsqrt, f32sqrtf64);
GCOMPAT_ALIAS(fsqrtl, f32sqrtf64x);
GCOMPAT_ALIAS(dsqrtl, f32xsqrtf64x);
GCOMPAT_ALIAS(dsqrtl, f64sqrtf64x);
