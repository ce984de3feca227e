// cflags: -D_GNU_SOURCE -fno-builtin
/* The classification functions glibc's libc exports as functions (musl has
 * only the macros): the parenthesised names call the functions, not the
 * macros. glibc's isinf returns the sign of an infinity. */
#include <float.h>
#include <math.h>
#include <stdio.h>

int __isinf(double);
int __isinff(float);
int __isinfl(long double);
int __isnan(double);
int __isnanf(float);
int __isnanl(long double);
int __finite(double);
int __finitef(float);
int __finitel(long double);

int main(void)
{
    const double d[] = { 0.0, -0.0, 1.5, -DBL_MAX, DBL_MIN / 4, INFINITY, -INFINITY, NAN, -NAN };
    for (unsigned i = 0; i < sizeof d / sizeof d[0]; i++) {
        double x = d[i];
        float f = (float)x;
        long double l = x;
        printf("%-12g isinf %2d %2d %2d  isnan %d %d %d  finitel %d  __ %2d %2d %2d %d %d %d %d %d %d\n", x,
               (isinf)(x), (isinff)(f), (isinfl)(l), (isnan)(x), (isnanf)(f), (isnanl)(l), (finitel)(l),
               __isinf(x), __isinff(f), __isinfl(l), __isnan(x), __isnanf(f), __isnanl(l),
               __finite(x), __finitef(f), __finitel(l));
    }
    return 0;
}
