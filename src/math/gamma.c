/* glibc's gamma, gammaf and gammal (libm, GLIBC_2.2.5): the old name of
 * lgamma, lgammaf and lgammal. glibc's are aliases of those and set signgam
 * as they do; musl has only the lgamma names. C for gammal's x87 long
 * double argument, as classify.c. */
#include <math.h>

#include "../abi/export.h"

double gamma(double x);
float gammaf(float x);
long double gammal(long double x);

double gamma(double x) { return lgamma(x); }
GCOMPAT_EXPORT(gamma);
float gammaf(float x) { return lgammaf(x); }
GCOMPAT_EXPORT(gammaf);
long double gammal(long double x) { return lgammal(x); }
GCOMPAT_EXPORT(gammal);

/* __gamma_r_finite, __gammaf_r_finite, __gammal_r_finite (GLIBC_2.15,
 * compatibility symbols since 2.31): despite the name, glibc's are its
 * internal __ieee754_gamma_r, the core of tgamma, not lgamma_r: they return
 * |Γ(x)| and store the sign of Γ(x) (-1 or 1) for a negative non-integer x
 * below -EPSILON/4, and 0 otherwise, where the result carries its own sign
 * (Γ(x) itself). Built on musl's tgamma; the sign is glibc's rule, from the
 * parity of trunc(x), so it holds where Γ(x) underflows to 0 too.
 * glibc 2.40's new float form returns Γ(x) with sign 1 instead; callers
 * (<bits/math-finite.h>'s tgamma: sign < 0 ? -result : result) get Γ(x)
 * from either. */
double __gamma_r_finite(double x, int *signgamp);
float __gammaf_r_finite(float x, int *signgamp);
long double __gammal_r_finite(long double x, int *signgamp);

/* glibc's sign: Γ's for a negative non-integer below -eps/4 (where the
 * result is |Γ(x)|), 0 elsewhere. Exact in long double for every type. */
static int gamma_sign(long double x, long double eps)
{
    if (!(x < -eps / 4) || x == -INFINITY || truncl(x) == x)
        return 0;
    long double t = truncl(x);
    return t == 2 * truncl(t / 2) ? -1 : 1;
}

double __gamma_r_finite(double x, int *signgamp)
{
    *signgamp = gamma_sign(x, __DBL_EPSILON__);
    return *signgamp ? fabs(tgamma(x)) : tgamma(x);
}
GCOMPAT_EXPORT(__gamma_r_finite);

float __gammaf_r_finite(float x, int *signgamp)
{
    *signgamp = gamma_sign(x, __FLT_EPSILON__);
    return *signgamp ? fabsf(tgammaf(x)) : tgammaf(x);
}
GCOMPAT_EXPORT(__gammaf_r_finite);

long double __gammal_r_finite(long double x, int *signgamp)
{
    *signgamp = gamma_sign(x, __LDBL_EPSILON__);
    return *signgamp ? fabsl(tgammal(x)) : tgammal(x);
}
GCOMPAT_EXPORT(__gammal_r_finite);
