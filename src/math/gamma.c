/* glibc's gamma, gammaf and gammal (libm, GLIBC_2.2.5): the old name of
 * lgamma, lgammaf and lgammal. glibc's are aliases of those and set signgam
 * as they do; musl has only the lgamma names. C for gammal's x87 long
 * double argument, as classify.c. */
#include <math.h>

double gamma(double x);
float gammaf(float x);
long double gammal(long double x);

double gamma(double x) { return lgamma(x); }
float gammaf(float x) { return lgammaf(x); }
long double gammal(long double x) { return lgammal(x); }
