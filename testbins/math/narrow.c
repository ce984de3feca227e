// cflags: -D_GNU_SOURCE -fno-builtin -frounding-math -Wl,--no-as-needed -lm
/* The narrowing operations (fadd, fsubl, dmull, ffma, fsqrt, ... and their
 * _FloatN names): one correct rounding from the exact result (cases where
 * rounding twice would be wrong), every rounding mode, the exceptions
 * raised and glibc's errno. */
#include <errno.h>
#include <fenv.h>
#include <math.h>
#include <stdio.h>
#include <string.h>


static void show(const char *what, double v, int is_float)
{
    int ex = fetestexcept(FE_ALL_EXCEPT);
    int e = errno;
    printf("%-34s %s%a [%s%s%s%s%s] errno %s\n", what, is_float ? "f " : "d ", v,
           ex & FE_INVALID ? "I" : "", ex & FE_DIVBYZERO ? "Z" : "", ex & FE_OVERFLOW ? "O" : "",
           ex & FE_UNDERFLOW ? "U" : "", ex & FE_INEXACT ? "X" : "",
           e == 0 ? "0" : e == EDOM ? "EDOM" : e == ERANGE ? "ERANGE" : strerror(e));
}

#define F(expr)                                                                                                        \
    do {                                                                                                               \
        feclearexcept(FE_ALL_EXCEPT);                                                                                  \
        errno = 0;                                                                                                     \
        float r = (expr);                                                                                              \
        show(#expr, r, 1);                                                                                             \
    } while (0)
#define D(expr)                                                                                                        \
    do {                                                                                                               \
        feclearexcept(FE_ALL_EXCEPT);                                                                                  \
        errno = 0;                                                                                                     \
        double r = (expr);                                                                                             \
        show(#expr, r, 0);                                                                                             \
    } while (0)

static void all(void)
{
    volatile double one = 1.0, half_ulp = 0x1p-24, above = 0x1p-24 + 0x1p-60, big = 0x1.fp127, tiny = 0x1p-100;
    volatile long double lone = 1.0L, lhalf = 0x1p-53L, labove = 0x1p-53L + 0x1p-63L;
    F(fadd(one, half_ulp));
    F(fadd(one, above));
    F(fadd(one, -above));
    F(fadd(one, -one));
    F(fadd(big, big));
    F(fadd(INFINITY, -INFINITY));
    F(fadd(NAN, one));
    F(fsub(one, above));
    F(fsub(one, one));
    F(fsub(-big, big));
    F(fmul(tiny, tiny));
    F(fmul(one + 0x1p-23, one + 0x1p-24));
    F(fmul(INFINITY, 0.0));
    F(fdiv(one, 3.0));
    F(fdiv(one, 0.0));
    F(fdiv(0.0, 0.0));
    F(fdiv(tiny, 0x1p100));
    F(faddl(lone, 0x1p-24L + 0x1p-70L));
    F(fsubl(lone, 0x1p-70L));
    F(fmull(0x1p-80L, 0x1p-80L));
    F(fdivl(lone, 3.0L));
    D(daddl(lone, lhalf));
    D(daddl(lone, labove));
    D(dsubl(lone, labove));
    D(dmull(0x1p600L, 0x1p600L));
    D(ddivl(lone, 3.0L));
    F(ffma(one + 0x1p-12, one + 0x1p-12, -one));
    F(ffma(one, one, -one));
    F(ffma(big, 2.0, 0.0));
    F(ffmal(1.0L + 0x1p-30L, 1.0L + 0x1p-30L, -1.0L));
    D(dfmal(1.0L + 0x1p-40L, 1.0L + 0x1p-40L, -1.0L));
    F(fsqrt(2.0));
    F(fsqrt(-1.0));
    F(fsqrt(0x1p-300));
    F(fsqrtl(2.0L));
    D(dsqrtl(2.0L));
    D(dsqrtl(-4.0L));
    F(f32addf64(one, above));
    F(f32mulf64x(1.0L + 0x1p-30L, 3.0L));
    D(f32xdivf64(one, 0.0));
    D(f64sqrtf64x(2.0L));
    F(f32fmaf32x(2.0, 3.0, 1.0));
    D(f32xsqrtf64(-2.0));
    D(f32xaddf64(big, big));
    D(f32xaddf64(0x1p1023, 0x1p1023));
    D(f32xsubf64(one, one));
    D(f32xmulf64(0x1p600, 0x1p600));
    D(f32xfmaf64(one, 2.0, 0.5));
}

int main(void)
{
    const int modes[] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
    const char *names[] = {"nearest", "upward", "downward", "toward zero"};
    for (int m = 0; m < 4; m++) {
        printf("== %s\n", names[m]);
        fesetround(modes[m]);
        all();
    }
    return 0;
}
