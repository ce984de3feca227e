/* glibc's long double Bessel functions, which musl lacks: j0l, j1l, jnl,
 * y0l, y1l, ynl (libm, GLIBC_2.2.5), and their _Float64x names j0f64x,
 * j1f64x, jnf64x, y0f64x, y1f64x, ynf64x (GLIBC_2.27; _Float64x is long
 * double on x86_64). libgfortran imports them (numpy's
 * manylinux wheels bundle it), so a program that loads it fails to start
 * on musl without them.
 *
 * They are computed by musl's double functions on the argument rounded to
 * double, with glibc's domain rules and errno (its wrappers: y*(0) is -inf
 * with ERANGE and divide-by-zero, y*(x < 0) is NaN with EDOM and invalid,
 * a NaN is returned as is). C for the x87 long double argument, as
 * classify.c.
 *
 * glibc differences: the result has double precision (about 16 significant
 * digits where glibc's has 19), and an argument beyond double's range
 * reads as 0 or infinity (j*(1e-4000L) = j*(0), y*(1e-4000L) = -inf with
 * ERANGE, where glibc's are finite). */
#include <errno.h>
#include <math.h>

#include "../abi/export.h"

long double j0l(long double x);
long double j1l(long double x);
long double jnl(int n, long double x);
long double y0l(long double x);
long double y1l(long double x);
long double ynl(int n, long double x);

long double j0l(long double x) { return j0((double)x); }
GCOMPAT_EXPORT(j0l);
long double j1l(long double x) { return j1((double)x); }
GCOMPAT_EXPORT(j1l);
long double jnl(int n, long double x) { return jn(n, (double)x); }
GCOMPAT_EXPORT(jnl);

/* glibc's domain checks for the second kind, then musl's value (which
 * raises the exception glibc's does). */
static int y_domain(long double x, long double *result)
{
    if (isnan(x)) {
        *result = x;
        return 1;
    }
    if (x < 0) {
        errno = EDOM;
        *result = (x - x) / (x - x); /* invalid; the NaN glibc gives */
        *result = __builtin_copysignl(*result, 1.0L);
        return 1;
    }
    if (x == 0)
        errno = ERANGE; /* and musl's -inf, with divide-by-zero */
    return 0;
}

long double y0l(long double x)
{
    long double r;
    return y_domain(x, &r) ? r : y0((double)x);
}
GCOMPAT_EXPORT(y0l);

long double y1l(long double x)
{
    long double r;
    return y_domain(x, &r) ? r : y1((double)x);
}
GCOMPAT_EXPORT(y1l);

long double ynl(int n, long double x)
{
    long double r;
    return y_domain(x, &r) ? r : yn(n, (double)x);
}
GCOMPAT_EXPORT(ynl);

/* The _Float64x names: the same functions. */
GCOMPAT_ALIAS(j0l, j0f64x);
GCOMPAT_ALIAS(j1l, j1f64x);
GCOMPAT_ALIAS(jnl, jnf64x);
GCOMPAT_ALIAS(y0l, y0f64x);
GCOMPAT_ALIAS(y1l, y1f64x);
GCOMPAT_ALIAS(ynl, ynf64x);
