// More _FloatN/_FloatNx names (TS 18661-3, glibc 2.27; see floatn.c): the
// complex functions at each type, the narrowing arithmetic (fMaddfN, ...:
// one rounding to the narrower type, with its exceptions), the Bessel
// functions and the rounding conversions, each called by its own name.
// Results that are exact print with %a and the exceptions raised;
// transcendental ones with 5 significant digits (glibc 2.36 and 2.41 differ
// at 6 for catanf).
// cflags: -D_GNU_SOURCE -fno-builtin -Wl,--no-as-needed -lm
#include <complex.h>
#include <fenv.h>
#include <math.h>
#include <stdio.h>

/* The exceptions in `e` (read right after the call: printing can raise
 * INEXACT), INEXACT only when `with_inexact` (C leaves it unspecified for
 * the complex functions; the narrowing ones round once and say so). */
static void flags(int e, int with_inexact)
{
    if (e & FE_INVALID) printf(" INVALID");
    if (e & FE_DIVBYZERO) printf(" DIVBYZERO");
    if (e & FE_OVERFLOW) printf(" OVERFLOW");
    if (e & FE_UNDERFLOW) printf(" UNDERFLOW");
    if ((e & FE_INEXACT) && with_inexact) printf(" INEXACT");
    feclearexcept(FE_ALL_EXCEPT);
}

/* Exact: %a of the value (float and double widen exactly; the long double
 * results here fit a double), NaNs without their sign. */
static void exact(long double v)
{
    if (isnan(v))
        printf(" nan");
    else
        printf(" %a", (double)v);
}

#define CX(fn, ...) do { \
    long double _Complex z_ = fn(__VA_ARGS__); \
    printf("%-12s %.5Lg %+.5Lgi\n", #fn, __real__ z_, __imag__ z_); \
    feclearexcept(FE_ALL_EXCEPT); \
} while (0)
#define CE(fn, ...) do { \
    feclearexcept(FE_ALL_EXCEPT); \
    long double _Complex z_ = fn(__VA_ARGS__); \
    int e_ = fetestexcept(FE_ALL_EXCEPT); \
    printf("%-12s", #fn); \
    exact(__real__ z_); \
    exact(__imag__ z_); \
    flags(e_, 0); \
    printf("\n"); \
} while (0)
#define RE(fn, ...) do { \
    feclearexcept(FE_ALL_EXCEPT); \
    long double v_ = fn(__VA_ARGS__); \
    int e_ = fetestexcept(FE_ALL_EXCEPT); \
    printf("%-12s", #fn); \
    exact(v_); \
    flags(e_, 1); \
    printf("\n"); \
} while (0)
#define RA(fn, ...) do { \
    printf("%-12s %.5Lg\n", #fn, (long double)fn(__VA_ARGS__)); \
    feclearexcept(FE_ALL_EXCEPT); \
} while (0)
#define IE(fn, ...) do { \
    printf("%-12s %lld\n", #fn, (long long)fn(__VA_ARGS__)); \
    feclearexcept(FE_ALL_EXCEPT); \
} while (0)

int main(void)
{
    feclearexcept(FE_ALL_EXCEPT);
    CX(cacosf32, (float _Complex)(0.5 + 0.25 * I));
    CX(cacosf32x, (double _Complex)(0.5 + 0.25 * I));
    CX(cacosf64, (double _Complex)(0.5 + 0.25 * I));
    CX(cacosf64x, (long double _Complex)(0.5 + 0.25 * I));
    CX(cacoshf32, (float _Complex)(0.5 + 0.25 * I));
    CX(cacoshf32x, (double _Complex)(0.5 + 0.25 * I));
    CX(cacoshf64, (double _Complex)(0.5 + 0.25 * I));
    CX(cacoshf64x, (long double _Complex)(0.5 + 0.25 * I));
    CX(casinf32, (float _Complex)(0.5 + 0.25 * I));
    CX(casinf32x, (double _Complex)(0.5 + 0.25 * I));
    CX(casinf64, (double _Complex)(0.5 + 0.25 * I));
    CX(casinf64x, (long double _Complex)(0.5 + 0.25 * I));
    CX(casinhf32, (float _Complex)(0.5 + 0.25 * I));
    CX(casinhf32x, (double _Complex)(0.5 + 0.25 * I));
    CX(casinhf64, (double _Complex)(0.5 + 0.25 * I));
    CX(casinhf64x, (long double _Complex)(0.5 + 0.25 * I));
    CX(catanf32, (float _Complex)(0.5 + 0.25 * I));
    CX(catanf32x, (double _Complex)(0.5 + 0.25 * I));
    CX(catanf64, (double _Complex)(0.5 + 0.25 * I));
    CX(catanf64x, (long double _Complex)(0.5 + 0.25 * I));
    CX(catanhf32, (float _Complex)(0.5 + 0.25 * I));
    CX(catanhf32x, (double _Complex)(0.5 + 0.25 * I));
    CX(catanhf64, (double _Complex)(0.5 + 0.25 * I));
    CX(catanhf64x, (long double _Complex)(0.5 + 0.25 * I));
    CX(ccosf32, (float _Complex)(0.5 + 0.25 * I));
    CX(ccosf32x, (double _Complex)(0.5 + 0.25 * I));
    CX(ccosf64, (double _Complex)(0.5 + 0.25 * I));
    CX(ccosf64x, (long double _Complex)(0.5 + 0.25 * I));
    CX(ccoshf32, (float _Complex)(0.5 + 0.25 * I));
    CX(ccoshf32x, (double _Complex)(0.5 + 0.25 * I));
    CX(ccoshf64, (double _Complex)(0.5 + 0.25 * I));
    CX(ccoshf64x, (long double _Complex)(0.5 + 0.25 * I));
    CX(cexpf32, (float _Complex)(0.5 + 0.25 * I));
    CX(cexpf32x, (double _Complex)(0.5 + 0.25 * I));
    CX(cexpf64, (double _Complex)(0.5 + 0.25 * I));
    CX(cexpf64x, (long double _Complex)(0.5 + 0.25 * I));
    CX(clogf32, (float _Complex)(0.5 + 0.25 * I));
    CX(clogf32x, (double _Complex)(0.5 + 0.25 * I));
    CX(clogf64, (double _Complex)(0.5 + 0.25 * I));
    CX(clogf64x, (long double _Complex)(0.5 + 0.25 * I));
    CX(csinf32, (float _Complex)(0.5 + 0.25 * I));
    CX(csinf32x, (double _Complex)(0.5 + 0.25 * I));
    CX(csinf64, (double _Complex)(0.5 + 0.25 * I));
    CX(csinf64x, (long double _Complex)(0.5 + 0.25 * I));
    CX(csinhf32, (float _Complex)(0.5 + 0.25 * I));
    CX(csinhf32x, (double _Complex)(0.5 + 0.25 * I));
    CX(csinhf64, (double _Complex)(0.5 + 0.25 * I));
    CX(csinhf64x, (long double _Complex)(0.5 + 0.25 * I));
    CX(csqrtf32, (float _Complex)(0.5 + 0.25 * I));
    CX(csqrtf32x, (double _Complex)(0.5 + 0.25 * I));
    CX(csqrtf64, (double _Complex)(0.5 + 0.25 * I));
    CX(csqrtf64x, (long double _Complex)(0.5 + 0.25 * I));
    CX(ctanf32, (float _Complex)(0.5 + 0.25 * I));
    CX(ctanf32x, (double _Complex)(0.5 + 0.25 * I));
    CX(ctanf64, (double _Complex)(0.5 + 0.25 * I));
    CX(ctanf64x, (long double _Complex)(0.5 + 0.25 * I));
    CX(ctanhf32, (float _Complex)(0.5 + 0.25 * I));
    CX(ctanhf32x, (double _Complex)(0.5 + 0.25 * I));
    CX(ctanhf64, (double _Complex)(0.5 + 0.25 * I));
    CX(ctanhf64x, (long double _Complex)(0.5 + 0.25 * I));
    CX(cpowf32, (float _Complex)(1.5 + 0.5 * I), (float _Complex)(2 + 0 * I));
    CX(cpowf32x, (double _Complex)(1.5 + 0.5 * I), (double _Complex)(2 + 0 * I));
    CX(cpowf64, (double _Complex)(1.5 + 0.5 * I), (double _Complex)(2 + 0 * I));
    CX(cpowf64x, (long double _Complex)(1.5 + 0.5 * I), (long double _Complex)(2 + 0 * I));
    CE(csqrtf32, (float _Complex)(-4 + 0 * I));
    CE(cexpf32, (float _Complex)0);
    CE(clogf32, (float _Complex)1);
    CE(cprojf32, (float _Complex)(INFINITY + 2 * I));
    CE(cprojf32, (float _Complex)(3 - 2 * I));
    CE(conjf32, (float _Complex)(1.5 + 2 * I));
    RE(crealf32, (float _Complex)(1.5 - 2 * I));
    RE(cimagf32, (float _Complex)(1.5 - 2 * I));
    RA(cargf32, (float _Complex)(-1 + 0 * I));
    CE(csqrtf32x, (double _Complex)(-4 + 0 * I));
    CE(cexpf32x, (double _Complex)0);
    CE(clogf32x, (double _Complex)1);
    CE(cprojf32x, (double _Complex)(INFINITY + 2 * I));
    CE(cprojf32x, (double _Complex)(3 - 2 * I));
    CE(conjf32x, (double _Complex)(1.5 + 2 * I));
    RE(crealf32x, (double _Complex)(1.5 - 2 * I));
    RE(cimagf32x, (double _Complex)(1.5 - 2 * I));
    RA(cargf32x, (double _Complex)(-1 + 0 * I));
    CE(csqrtf64, (double _Complex)(-4 + 0 * I));
    CE(cexpf64, (double _Complex)0);
    CE(clogf64, (double _Complex)1);
    CE(cprojf64, (double _Complex)(INFINITY + 2 * I));
    CE(cprojf64, (double _Complex)(3 - 2 * I));
    CE(conjf64, (double _Complex)(1.5 + 2 * I));
    RE(crealf64, (double _Complex)(1.5 - 2 * I));
    RE(cimagf64, (double _Complex)(1.5 - 2 * I));
    RA(cargf64, (double _Complex)(-1 + 0 * I));
    CE(csqrtf64x, (long double _Complex)(-4 + 0 * I));
    CE(cexpf64x, (long double _Complex)0);
    CE(clogf64x, (long double _Complex)1);
    CE(cprojf64x, (long double _Complex)(INFINITY + 2 * I));
    CE(cprojf64x, (long double _Complex)(3 - 2 * I));
    CE(conjf64x, (long double _Complex)(1.5 + 2 * I));
    RE(crealf64x, (long double _Complex)(1.5 - 2 * I));
    RE(cimagf64x, (long double _Complex)(1.5 - 2 * I));
    RA(cargf64x, (long double _Complex)(-1 + 0 * I));
    RE(f32addf32x, (double)1, (double)0x1p-30);
    RE(f32subf32x, (double)1, (double)0x1p-60);
    RE(f32mulf32x, (double)3, (double)0x1.5555555555555p-2);
    RE(f32divf32x, (double)1, (double)3);
    RE(f32fmaf32x, (double)0x1.000001p0, (double)0x1.000001p0, (double)-1);
    RE(f32sqrtf32x, (double)2);
    RE(f32divf32x, (double)1, (double)0);
    RE(f32addf32x, (double)0x1p+127 * 1.5, (double)0x1p+127 * 1.5);
    RE(f32addf64, (double)1, (double)0x1p-30);
    RE(f32subf64, (double)1, (double)0x1p-60);
    RE(f32mulf64, (double)3, (double)0x1.5555555555555p-2);
    RE(f32divf64, (double)1, (double)3);
    RE(f32fmaf64, (double)0x1.000001p0, (double)0x1.000001p0, (double)-1);
    RE(f32sqrtf64, (double)2);
    RE(f32divf64, (double)1, (double)0);
    RE(f32addf64, (double)0x1p+127 * 1.5, (double)0x1p+127 * 1.5);
    RE(f32addf64x, (long double)1, (long double)0x1p-30);
    RE(f32subf64x, (long double)1, (long double)0x1p-60);
    RE(f32mulf64x, (long double)3, (long double)0x1.5555555555555p-2);
    RE(f32divf64x, (long double)1, (long double)3);
    RE(f32fmaf64x, (long double)0x1.000001p0, (long double)0x1.000001p0, (long double)-1);
    RE(f32sqrtf64x, (long double)2);
    RE(f32divf64x, (long double)1, (long double)0);
    RE(f32addf64x, (long double)0x1p+127 * 1.5, (long double)0x1p+127 * 1.5);
    RE(f32xaddf64x, (long double)1, (long double)0x1p-30);
    RE(f32xsubf64x, (long double)1, (long double)0x1p-60);
    RE(f32xmulf64x, (long double)3, (long double)0x1.5555555555555p-2);
    RE(f32xdivf64x, (long double)1, (long double)3);
    RE(f32xfmaf64x, (long double)0x1.000001p0, (long double)0x1.000001p0, (long double)-1);
    RE(f32xsqrtf64x, (long double)2);
    RE(f32xdivf64x, (long double)1, (long double)0);
    RE(f32xaddf64x, (long double)0x1p+127 * 1.5, (long double)0x1p+127 * 1.5);
    RE(f64addf64x, (long double)1, (long double)0x1p-30);
    RE(f64subf64x, (long double)1, (long double)0x1p-60);
    RE(f64mulf64x, (long double)3, (long double)0x1.5555555555555p-2);
    RE(f64divf64x, (long double)1, (long double)3);
    RE(f64fmaf64x, (long double)0x1.000001p0, (long double)0x1.000001p0, (long double)-1);
    RE(f64sqrtf64x, (long double)2);
    RE(f64divf64x, (long double)1, (long double)0);
    RE(f64addf64x, (long double)0x1p+127 * 1.5, (long double)0x1p+127 * 1.5);
    RA(j0f32, (float)2.5);
    RA(j1f32, (float)2.5);
    RA(jnf32, 3, (float)2.5);
    RA(y0f32, (float)2.5);
    RA(y1f32, (float)2.5);
    RA(ynf32, 3, (float)2.5);
    RE(j0f32, (float)0);
    RE(y0f32, (float)0);
    RE(y1f32, (float)0);
    RE(ynf32, 2, (float)0);
    IE(llrintf32, (float)-2.5);
    IE(llrintf32, (float)3.5);
    IE(lroundf32, (float)-2.5);
    IE(lroundf32, (float)3.5);
    IE(lrintf32, (float)-2.5);
    IE(lrintf32, (float)3.5);
    IE(llroundf32, (float)-2.5);
    IE(llroundf32, (float)3.5);
    RA(j0f32x, (double)2.5);
    RA(j1f32x, (double)2.5);
    RA(jnf32x, 3, (double)2.5);
    RA(y0f32x, (double)2.5);
    RA(y1f32x, (double)2.5);
    RA(ynf32x, 3, (double)2.5);
    RE(j0f32x, (double)0);
    RE(y0f32x, (double)0);
    RE(y1f32x, (double)0);
    RE(ynf32x, 2, (double)0);
    IE(llrintf32x, (double)-2.5);
    IE(llrintf32x, (double)3.5);
    IE(lroundf32x, (double)-2.5);
    IE(lroundf32x, (double)3.5);
    IE(lrintf32x, (double)-2.5);
    IE(lrintf32x, (double)3.5);
    IE(llroundf32x, (double)-2.5);
    IE(llroundf32x, (double)3.5);
    RA(j0f64, (double)2.5);
    RA(j1f64, (double)2.5);
    RA(jnf64, 3, (double)2.5);
    RA(y0f64, (double)2.5);
    RA(y1f64, (double)2.5);
    RA(ynf64, 3, (double)2.5);
    RE(j0f64, (double)0);
    RE(y0f64, (double)0);
    RE(y1f64, (double)0);
    RE(ynf64, 2, (double)0);
    IE(llrintf64, (double)-2.5);
    IE(llrintf64, (double)3.5);
    IE(lroundf64, (double)-2.5);
    IE(lroundf64, (double)3.5);
    IE(lrintf64, (double)-2.5);
    IE(lrintf64, (double)3.5);
    IE(llroundf64, (double)-2.5);
    IE(llroundf64, (double)3.5);
    RA(j0f64x, (long double)2.5);
    RA(j1f64x, (long double)2.5);
    RA(jnf64x, 3, (long double)2.5);
    RA(y0f64x, (long double)2.5);
    RA(y1f64x, (long double)2.5);
    RA(ynf64x, 3, (long double)2.5);
    RE(j0f64x, (long double)0);
    RE(y0f64x, (long double)0);
    RE(y1f64x, (long double)0);
    RE(ynf64x, 2, (long double)0);
    IE(llrintf64x, (long double)-2.5);
    IE(llrintf64x, (long double)3.5);
    IE(lroundf64x, (long double)-2.5);
    IE(lroundf64x, (long double)3.5);
    IE(lrintf64x, (long double)-2.5);
    IE(lrintf64x, (long double)3.5);
    IE(llroundf64x, (long double)-2.5);
    IE(llroundf64x, (long double)3.5);
    return 0;
}
