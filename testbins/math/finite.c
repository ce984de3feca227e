// glibc's __*_finite names (GLIBC_2.15): what <bits/math-finite.h> made
// programs built with -ffinite-math-only call before glibc 2.31, which kept
// them as compatibility symbols; bound here to that version as such a
// program is. They are the ordinary functions, except __gamma_r_finite:
// |tgamma(x)| and the sign apart. Exact results print with %a; exceptions
// by name. errno is not printed: glibc's exp, log and pow set it (and so
// their _finite names), musl's libm never does.
// cflags: -fno-builtin -Wl,--no-as-needed -lm
#include "../glibc_compat.h"
#include <fenv.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define FINITE(name) __asm__(".symver " #name ", " #name "@" GLIBC_COMPAT(2.15))
double __exp_finite(double);
float __expf_finite(float);
long double __expl_finite(long double);
double __log_finite(double);
float __logf_finite(float);
long double __logl_finite(long double);
double __log2_finite(double);
double __log10_finite(double);
double __exp2_finite(double);
float __exp10f_finite(float);
double __pow_finite(double, double);
float __powf_finite(float, float);
long double __powl_finite(long double, long double);
double __atan2_finite(double, double);
float __atan2f_finite(float, float);
long double __atan2l_finite(long double, long double);
double __acos_finite(double);
float __asinf_finite(float);
double __acosh_finite(double);
double __atanh_finite(double);
double __cosh_finite(double);
long double __sinhl_finite(long double);
double __fmod_finite(double, double);
float __fmodf_finite(float, float);
long double __fmodl_finite(long double, long double);
double __remainder_finite(double, double);
double __hypot_finite(double, double);
long double __hypotl_finite(long double, long double);
double __sqrt_finite(double);
float __sqrtf_finite(float);
long double __sqrtl_finite(long double);
double __lgamma_r_finite(double, int *);
float __lgammaf_r_finite(float, int *);
long double __lgammal_r_finite(long double, int *);
double __gamma_r_finite(double, int *);
float __gammaf_r_finite(float, int *);
long double __gammal_r_finite(long double, int *);
double __j0_finite(double);
double __jn_finite(int, double);
float __y0f_finite(float);
double __scalb_finite(double, double);
float __scalbf_finite(float, float);
FINITE(__exp_finite); FINITE(__expf_finite); FINITE(__expl_finite);
FINITE(__log_finite); FINITE(__logf_finite); FINITE(__logl_finite);
FINITE(__log2_finite); FINITE(__log10_finite); FINITE(__exp2_finite); FINITE(__exp10f_finite);
FINITE(__pow_finite); FINITE(__powf_finite); FINITE(__powl_finite);
FINITE(__atan2_finite); FINITE(__atan2f_finite); FINITE(__atan2l_finite);
FINITE(__acos_finite); FINITE(__asinf_finite); FINITE(__acosh_finite); FINITE(__atanh_finite);
FINITE(__cosh_finite); FINITE(__sinhl_finite);
FINITE(__fmod_finite); FINITE(__fmodf_finite); FINITE(__fmodl_finite); FINITE(__remainder_finite);
FINITE(__hypot_finite); FINITE(__hypotl_finite);
FINITE(__sqrt_finite); FINITE(__sqrtf_finite); FINITE(__sqrtl_finite);
FINITE(__lgamma_r_finite); FINITE(__lgammaf_r_finite); FINITE(__lgammal_r_finite); FINITE(__gamma_r_finite); FINITE(__gammaf_r_finite); FINITE(__gammal_r_finite);
FINITE(__j0_finite); FINITE(__jn_finite); FINITE(__y0f_finite);
FINITE(__scalb_finite); FINITE(__scalbf_finite);

double __asin_finite(double);
long double __asinl_finite(long double);
float __acosf_finite(float);
long double __acosl_finite(long double);
float __acoshf_finite(float);
long double __acoshl_finite(long double);
float __atanhf_finite(float);
long double __atanhl_finite(long double);
float __coshf_finite(float);
long double __coshl_finite(long double);
double __sinh_finite(double);
float __sinhf_finite(float);
double __exp10_finite(double);
long double __exp10l_finite(long double);
float __exp2f_finite(float);
long double __exp2l_finite(long double);
float __log2f_finite(float);
long double __log2l_finite(long double);
float __log10f_finite(float);
long double __log10l_finite(long double);
float __hypotf_finite(float, float);
float __remainderf_finite(float, float);
long double __remainderl_finite(long double, long double);
float __j0f_finite(float);
double __j1_finite(double);
float __j1f_finite(float);
float __jnf_finite(int, float);
double __y0_finite(double);
double __y1_finite(double);
float __y1f_finite(float);
double __yn_finite(int, double);
float __ynf_finite(int, float);
FINITE(__asin_finite); FINITE(__asinl_finite); FINITE(__acosf_finite); FINITE(__acosl_finite);
FINITE(__acoshf_finite); FINITE(__acoshl_finite); FINITE(__atanhf_finite); FINITE(__atanhl_finite);
FINITE(__coshf_finite); FINITE(__coshl_finite); FINITE(__sinh_finite); FINITE(__sinhf_finite);
FINITE(__exp10_finite); FINITE(__exp10l_finite); FINITE(__exp2f_finite); FINITE(__exp2l_finite);
FINITE(__log2f_finite); FINITE(__log2l_finite); FINITE(__log10f_finite); FINITE(__log10l_finite);
FINITE(__hypotf_finite); FINITE(__remainderf_finite); FINITE(__remainderl_finite);
FINITE(__j0f_finite); FINITE(__j1_finite); FINITE(__j1f_finite); FINITE(__jnf_finite);
FINITE(__y0_finite); FINITE(__y1_finite); FINITE(__y1f_finite); FINITE(__yn_finite); FINITE(__ynf_finite);

/* The result (%a; a long double's sign/exponent and significand bits;
 * NaNs without their sign) and the exceptions raised. */
static void show(const char *what, long double v, int is_long)
{
    printf("%-32s ", what);
    if (isnan(v)) {
        printf("nan");
    } else if (is_long) {
        unsigned char b[10];
        unsigned long long m;
        unsigned short se;
        memcpy(b, &v, 10);
        memcpy(&m, b, 8);
        memcpy(&se, b + 8, 2);
        printf("%04x:%016llx", se, m);
    } else {
        printf("%a", (double)v);
    }
    int e = fetestexcept(FE_ALL_EXCEPT);
    if (e & FE_INVALID) printf(" INVALID");
    if (e & FE_DIVBYZERO) printf(" DIVBYZERO");
    if (e & FE_OVERFLOW) printf(" OVERFLOW");
    printf("\n");
    feclearexcept(FE_ALL_EXCEPT);
}
#define D(call) show(#call, call, 0)
#define L(call) show(#call, call, 1)

int main(void)
{
    feclearexcept(FE_ALL_EXCEPT);
    D(__exp_finite(0));
    D(__expf_finite(0));
    L(__expl_finite(0));
    D(__exp_finite(1000));
    D(__log_finite(1));
    D(__logf_finite(0));
    L(__logl_finite(-1));
    D(__log2_finite(1024));
    D(__log10_finite(100));
    D(__exp2_finite(-3));
    D(__pow_finite(2, 10));
    D(__powf_finite(0, -1));
    L(__powl_finite(2, 10));
    D(__pow_finite(-8, 1.0 / 3));
    D(__atan2_finite(0, 1));
    D(__atan2f_finite(-0.0f, 1));
    L(__atan2l_finite(0, 1));
    D(__acos_finite(1));
    D(__acos_finite(2));
    D(__asinf_finite(0));
    D(__acosh_finite(1));
    D(__atanh_finite(1));
    D(__cosh_finite(0));
    L(__sinhl_finite(0));
    D(__fmod_finite(7.5, 2));
    D(__fmodf_finite(-7.5f, 2));
    L(__fmodl_finite(7.5L, 2));
    D(__fmod_finite(1, 0));
    D(__remainder_finite(7.5, 2));
    D(__hypot_finite(3, 4));
    L(__hypotl_finite(5, 12));
    D(__sqrt_finite(2));
    D(__sqrtf_finite(-1));
    L(__sqrtl_finite(16));
    int s1, s2, s3, s4;
    D(__lgamma_r_finite(1, &s1));
    D(__lgammaf_r_finite(2, &s2));
    L(__lgammal_r_finite(1, &s3));
    D(__gamma_r_finite(2, &s4));
    printf("signs %d %d %d %d\n", s1, s2, s3, s4);
    D(__lgamma_r_finite(0, &s1));
    printf("lgamma(0) sign %d\n", s1);
    printf("lgamma(-0.5) %.6g", __lgamma_r_finite(-0.5, &s1));
    printf(" sign %d\n", s1);
    feclearexcept(FE_ALL_EXCEPT);
    /* __gamma_r_finite: |Γ(x)|, and Γ's sign for negative non-integers;
     * glibc 2.40's new float form returns Γ(x) and sign 1, so for it only
     * what <bits/math-finite.h>'s tgamma made of the pair prints. */
    const double gx[] = { 2, 5, 0.5, -0.5, -1.5, -2.5, -2, 0, -0.0, -1e-300, 200, -200.5, INFINITY, -INFINITY };
    for (unsigned i = 0; i < sizeof gx / sizeof gx[0]; i++) {
        double y = __gamma_r_finite(gx[i], &s1);
        float yf = __gammaf_r_finite((float)gx[i], &s2);
        long double yl = __gammal_r_finite(gx[i], &s3);
        printf("gamma_r(%g) %.6g %d, l %.6Lg %d, tgammaf %.6g\n", gx[i], y, s1, yl, s3,
               s2 < 0 ? -(double)yf : (double)yf);
    }
    feclearexcept(FE_ALL_EXCEPT);
    D(__j0_finite(0));
    D(__jn_finite(3, 0));
    D(__y0f_finite(0));
    D(__scalb_finite(3, 4));
    D(__scalbf_finite(3, -2));
    D(__scalb_finite(3, 0.5));
    printf("exp(1) %.10g log(10) %.10g pow(1.5, 2.5) %.10g\n", __exp_finite(1), __log_finite(10),
           __pow_finite(1.5, 2.5));
    /* The other names, at arguments with exact results. */
    D(__asin_finite(0));
    L(__asinl_finite(-0.0L));
    D(__acosf_finite(1));
    L(__acosl_finite(1));
    D(__acosf_finite(2));
    D(__acoshf_finite(1));
    L(__acoshl_finite(1));
    L(__acoshl_finite(0.5L));
    D(__atanhf_finite(0));
    L(__atanhl_finite(-1));
    D(__coshf_finite(0));
    L(__coshl_finite(0));
    D(__sinh_finite(-0.0));
    D(__sinhf_finite(0));
    D(__exp10_finite(2));
    L(__exp10l_finite(3));
    D(__exp10_finite(-1000));
    D(__exp2f_finite(10));
    L(__exp2l_finite(-2));
    D(__log2f_finite(8));
    L(__log2l_finite(0.25L));
    D(__log2f_finite(-1));
    D(__log10f_finite(1000));
    L(__log10l_finite(0));
    D(__hypotf_finite(5, 12));
    D(__remainderf_finite(7.5f, 2));
    L(__remainderl_finite(-7.5L, 2));
    D(__remainderf_finite(1, 0));
    D(__j0f_finite(0));
    D(__j1_finite(0));
    D(__j1f_finite(-0.0f));
    D(__jnf_finite(2, 0));
    D(__y0_finite(0));
    D(__y1_finite(0));
    D(__y1f_finite(-1));
    D(__yn_finite(2, 0));
    D(__ynf_finite(3, 0));
    printf("j1(2) %.6g y0(1) %.6g yn(2, 3) %.6g jnf(3, 2) %.5g y1f(5) %.5g\n", __j1_finite(2), __y0_finite(1),
           __yn_finite(2, 3), __jnf_finite(3, 2), __y1f_finite(5));
    feclearexcept(FE_ALL_EXCEPT);
    return 0;
}
