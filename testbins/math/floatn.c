// The _FloatN/_FloatNx names of <math.h> and <complex.h> (TS 18661-3, glibc
// 2.27): on x86_64 fnf32 is the float function, fnf64 and fnf32x the double
// one and fnf64x the long double one. Exact results print exactly (%a, and
// a long double's bits); transcendental results only at arguments where they
// are exact, or with few digits. Exceptions raised print by name.
// cflags: -D_GNU_SOURCE -fno-builtin -Wl,--no-as-needed -lm
#include <complex.h>
#include <fenv.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static void flags(void)
{
    int e = fetestexcept(FE_ALL_EXCEPT);
    if (e & FE_INVALID) printf(" INVALID");
    if (e & FE_DIVBYZERO) printf(" DIVBYZERO");
    if (e & FE_OVERFLOW) printf(" OVERFLOW");
    if (e & FE_UNDERFLOW) printf(" UNDERFLOW");
    feclearexcept(FE_ALL_EXCEPT);
}

/* A double (float widens exactly): %a, NaNs without their sign. */
static void d(const char *what, double v)
{
    if (isnan(v))
        printf("%-34s nan", what);
    else
        printf("%-34s %a", what, v);
    flags();
    printf("\n");
}

/* A long double: its sign/exponent and significand bits. */
static void l(const char *what, long double v)
{
    unsigned char b[10];
    unsigned long long m;
    unsigned short se;
    memcpy(b, &v, 10);
    memcpy(&m, b, 8);
    memcpy(&se, b + 8, 2);
    if (isnan(v))
        printf("%-34s nan", what);
    else
        printf("%-34s %04x:%016llx", what, se, m);
    flags();
    printf("\n");
}

/* Few digits, for results the two libms may round differently. */
static void g(const char *what, long double v)
{
    printf("%-34s %.6Lg\n", what, v);
    feclearexcept(FE_ALL_EXCEPT);
}

/* fn at each type, one argument list. */
#define ALL(fn, args) do { \
    d(#fn "f32" #args, fn##f32 args); \
    d(#fn "f64" #args, fn##f64 args); \
    d(#fn "f32x" #args, fn##f32x args); \
    l(#fn "f64x" #args, fn##f64x args); \
} while (0)
#define APPROX(fn, args) do { \
    g(#fn "f32" #args, fn##f32 args); \
    g(#fn "f64" #args, fn##f64 args); \
    g(#fn "f32x" #args, fn##f32x args); \
    g(#fn "f64x" #args, fn##f64x args); \
} while (0)

int main(void)
{
    feclearexcept(FE_ALL_EXCEPT);
    /* Exact functions. */
    ALL(fabs, (-2.5));
    ALL(floor, (-2.5));
    ALL(ceil, (-2.5));
    ALL(trunc, (-2.5));
    ALL(round, (2.5));
    ALL(rint, (2.5));
    ALL(nearbyint, (3.5));
    ALL(fmod, (7.5, 2));
    ALL(fmod, (1, 0));
    ALL(remainder, (7.5, 2));
    ALL(sqrt, (2));
    ALL(sqrt, (-1));
    APPROX(cbrt, (-27)); /* glibc 2.36: an ulp off the exact -3 */
    ALL(fma, (3, 0.5, 0.25));
    ALL(fmin, (1, -0.0));
    ALL(fmax, (NAN, 2));
    ALL(fdim, (5, 7));
    ALL(copysign, (3, -0.0));
    ALL(nextafter, (1, 2));
    ALL(ldexp, (0.75, 10));
    ALL(scalbn, (0.75, -3));
    ALL(scalbln, (0.75, 40L));
    ALL(logb, (1000));
    ALL(logb, (0));
    ALL(hypot, (3, 4));
    ALL(nan, (""));
    printf("ilogb %d %d %d %d\n", ilogbf32(1000), ilogbf64(1000), ilogbf32x(1000), ilogbf64x(1000));
    printf("lrint %ld %ld %ld %ld\n", lrintf32(2.5f), lrintf64(3.5), lrintf32x(-2.5), lrintf64x(-3.5L));
    printf("llround %lld %lld %lld %lld\n", llroundf32(2.5f), llroundf64(3.5), llroundf32x(-2.5), llroundf64x(-0.5L));
    printf("lround %ld llrint %lld\n", lroundf64x(1e10L), llrintf32x(1e15));

    int e32, e64, e32x, e64x;
    d("frexpf32(48)", frexpf32(48, &e32));
    d("frexpf64(48)", frexpf64(48, &e64));
    d("frexpf32x(48)", frexpf32x(48, &e32x));
    l("frexpf64x(48)", frexpf64x(48, &e64x));
    printf("frexp exponents %d %d %d %d\n", e32, e64, e32x, e64x);
    _Float32 i32;
    _Float64 i64;
    _Float32x i32x;
    _Float64x i64x;
    d("modff32(-3.25)", modff32(-3.25f, &i32));
    d("modff64(-3.25)", modff64(-3.25, &i64));
    d("modff32x(-3.25)", modff32x(-3.25, &i32x));
    l("modff64x(-3.25)", modff64x(-3.25L, &i64x));
    printf("modf integral parts %a %a %a %s\n", (double)i32, i64, i32x, i64x == -3 ? "-3" : "?");
    int q32, q64, q32x, q64x;
    d("remquof32(29, 3)", remquof32(29, 3, &q32));
    d("remquof64(29, 3)", remquof64(29, 3, &q64));
    d("remquof32x(29, 3)", remquof32x(29, 3, &q32x));
    l("remquof64x(29, 3)", remquof64x(29, 3, &q64x));
    printf("remquo quotients %d %d %d %d\n", q32 & 7, q64 & 7, q32x & 7, q64x & 7);

    /* Transcendental functions at exact points, and their error cases. */
    ALL(exp, (0));
    ALL(exp, (1e6));
    ALL(exp2, (10));
    APPROX(exp10, (3)); /* glibc 2.36: an ulp off the exact 1000 */
    ALL(expm1, (0));
    ALL(log, (1));
    ALL(log, (0));
    ALL(log, (-1));
    ALL(log2, (8));
    ALL(log10, (1000));
    ALL(log1p, (-1));
    ALL(pow, (2, 10));
    ALL(pow, (0, -1));
    ALL(sin, (0));
    ALL(cos, (0));
    ALL(tan, (-0.0));
    ALL(asin, (0));
    ALL(acos, (1));
    ALL(acos, (2));
    ALL(atan, (0));
    ALL(atan2, (0, 1));
    ALL(atan2, (-0.0, -1));
    ALL(sinh, (0));
    ALL(cosh, (0));
    ALL(tanh, (0));
    ALL(asinh, (0));
    ALL(acosh, (1));
    ALL(atanh, (0));
    ALL(atanh, (1));
    ALL(erf, (0));
    ALL(erfc, (0));
    ALL(tgamma, (5));
    ALL(lgamma, (1));
    d("j0f32(0)", j0f32(0));
    d("j0f64(0)", j0f64(0));
    d("j1f32x(0)", j1f32x(0));
    d("jnf64(2, 0)", jnf64(2, 0));
    d("y0f32(0)", y0f32(0));
    d("ynf32x(1, 0)", ynf32x(1, 0));
    int s32, s64, s32x, s64x;
    g("lgammaf32_r(-0.5)", lgammaf32_r(-0.5f, &s32));
    g("lgammaf64_r(-0.5)", lgammaf64_r(-0.5, &s64));
    g("lgammaf32x_r(-2.5)", lgammaf32x_r(-2.5, &s32x));
    g("lgammaf64x_r(-2.5)", lgammaf64x_r(-2.5L, &s64x));
    printf("lgamma signs %d %d %d %d\n", s32, s64, s32x, s64x);
    _Float32 sn32, cs32;
    _Float64 sn64, cs64;
    _Float32x sn32x, cs32x;
    _Float64x sn64x, cs64x;
    sincosf32(0, &sn32, &cs32);
    sincosf64(0, &sn64, &cs64);
    sincosf32x(-0.0, &sn32x, &cs32x);
    sincosf64x(0, &sn64x, &cs64x);
    printf("sincos %a %a %a %a %a %a %s %s\n", (double)sn32, (double)cs32, sn64, cs64, sn32x, cs32x,
           sn64x == 0 ? "0" : "?", cs64x == 1 ? "1" : "?");

    /* Few digits where the libms may differ in the last bit. */
    APPROX(sin, (1));
    APPROX(exp, (1));
    APPROX(log, (10));
    APPROX(pow, (1.5, 2.5));
    APPROX(atan2, (1, 2));
    APPROX(lgamma, (3.5));
    APPROX(erf, (0.5));
    APPROX(cbrt, (10));

    /* <complex.h>. */
    d("cabsf32(3+4i)", cabsf32(CMPLXF(3, 4)));
    d("cabsf64(3+4i)", cabsf64(CMPLX(3, 4)));
    d("cabsf32x(-3-4i)", cabsf32x(CMPLX(-3, -4)));
    l("cabsf64x(3+4i)", cabsf64x(CMPLXL(3, 4)));
    d("cargf32(1+0i)", cargf32(CMPLXF(1, 0)));
    d("cargf64(-1+0i) ~pi", cargf64(CMPLX(-1, 0)) - 3.141592653589793);
    l("cargf64x(0+0i)", cargf64x(CMPLXL(0, 0)));
    d("crealf32(2+3i)", crealf32(CMPLXF(2, 3)));
    d("cimagf64(2+3i)", cimagf64(CMPLX(2, 3)));
    l("cimagf64x(2-3i)", cimagf64x(CMPLXL(2, -3)));
    _Complex _Float32 c32 = conjf32(CMPLXF(2, 3));
    _Complex _Float64 c64 = csqrtf64(CMPLX(-4, 0));
    _Complex _Float32x c32x = cprojf32x(CMPLX(INFINITY, -1));
    _Complex _Float64x c64x = cexpf64x(CMPLXL(0, 0));
    _Complex _Float64x p64x = cpowf64x(CMPLXL(2, 0), CMPLXL(1, 0));
    printf("conjf32 %a %a\n", (double)crealf(c32), (double)cimagf(c32));
    printf("csqrtf64(-4) %a %a\n", creal(c64), cimag(c64));
    printf("cprojf32x(inf-1i) %a %a\n", creal(c32x), cimag(c32x));
    printf("cexpf64x(0) %s %s\n", creall(c64x) == 1 ? "1" : "?", cimagl(c64x) == 0 ? "0" : "?");
    printf("cpowf64x(2, 1) %.6Lg %.6Lg\n", creall(p64x), cimagl(p64x) + 0);
    _Complex _Float64 l64 = clogf64(CMPLX(1, 0));
    printf("clogf64(1) %a %a\n", creal(l64), cimag(l64));
    _Complex _Float32x s32xc = csinf32x(CMPLX(0, 0));
    printf("csinf32x(0) %a %a\n", creal(s32xc), cimag(s32xc));
    feclearexcept(FE_ALL_EXCEPT);
    return 0;
}
