// cflags: -fno-builtin -Wl,--no-as-needed -lm
/* The long double Bessel functions (j0l, j1l, jnl, y0l, y1l, ynl), which
 * libgfortran imports (numpy's manylinux wheels bundle it): values to 10
 * significant digits (the shim computes them in double precision, see
 * src/math/bessel_l.c), and glibc's special values and errno: y*(0) is
 * -inf with ERANGE, y*(x < 0) NaN with EDOM, NaN in gives NaN out. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *en(int e)
{
    return e == 0 ? "0" : e == EDOM ? "EDOM" : e == ERANGE ? "ERANGE" : strerror(e);
}

#define SHOW(expr)                                                                 \
    do {                                                                            \
        errno = 0;                                                                  \
        long double r = (expr);                                                     \
        int e = errno;                                                              \
        printf("%-22s %.10Lg errno %s\n", #expr, r, en(e));                        \
    } while (0)

int main(void)
{
    long double xs[] = {0.0L, 0.5L, 1.0L, 2.5L, 10.0L, 33.25L, 100.0L, 1e6L};
    for (unsigned i = 0; i < sizeof xs / sizeof xs[0]; i++) {
        long double x = xs[i];
        printf("x = %Lg\n", x);
        SHOW(j0l(x));
        SHOW(j1l(x));
        SHOW(jnl(2, x));
        SHOW(jnl(5, x));
        SHOW(jnl(-3, x));
        SHOW(j0l(-x));
        SHOW(jnl(3, -x));
        if (x > 0) {
            SHOW(y0l(x));
            SHOW(y1l(x));
            SHOW(ynl(2, x));
            SHOW(ynl(5, x));
            SHOW(ynl(-3, x));
        }
    }
    SHOW(y0l(0.0L));
    SHOW(y1l(0.0L));
    SHOW(ynl(3, 0.0L));
    SHOW(y0l(-1.0L));
    SHOW(y1l(-2.0L));
    SHOW(ynl(2, -0.5L));
    SHOW(j0l(NAN));
    SHOW(ynl(1, NAN));
    SHOW(jnl(1, INFINITY));
    SHOW(y0l(INFINITY));
    SHOW(jnl(0, 0.0L));
    SHOW(jnl(4, 0.0L));
    return 0;
}
