// gamma, gammaf, gammal: glibc's old names of lgamma (the log of |Γ(x)|).
// cflags: -D_GNU_SOURCE -fno-builtin -Wl,--no-as-needed -lm
#include <math.h>
#include <stdio.h>

double gamma(double);
float gammaf(float);
long double gammal(long double);

int main(void)
{
    const double xs[] = { 0.5, 1.0, 2.0, 3.5, 10.0, -0.5, -2.5, 100.0, 0.0, INFINITY };
    for (unsigned i = 0; i < sizeof xs / sizeof xs[0]; i++)
        printf("%g: %.15g %.6g %.15Lg\n", xs[i], gamma(xs[i]), (double)gammaf((float)xs[i]), gammal(xs[i]));
    return 0;
}
