/* glibc's classification functions (libc, not libm): musl provides only the
 * <math.h> macros, and finite/finitef. glibc's isinf returns the sign of an
 * infinity (-1 or 1) and 0 otherwise; isnan and finite return 1 or 0. The
 * plain names are aliases of the __ ones, as in glibc. */
#include "../abi/export.h"

int __isinf(double x) { return __builtin_isinf_sign(x); }
GCOMPAT_EXPORT(__isinf);
GCOMPAT_ALIAS(__isinf, isinf);
int __isinff(float x) { return __builtin_isinf_sign(x); }
GCOMPAT_EXPORT(__isinff);
GCOMPAT_ALIAS(__isinff, isinff);
int __isinfl(long double x) { return __builtin_isinf_sign(x); }
GCOMPAT_EXPORT(__isinfl);
GCOMPAT_ALIAS(__isinfl, isinfl);

int __isnan(double x) { return __builtin_isnan(x) != 0; }
GCOMPAT_EXPORT(__isnan);
GCOMPAT_ALIAS(__isnan, isnan);
int __isnanf(float x) { return __builtin_isnan(x) != 0; }
GCOMPAT_EXPORT(__isnanf);
GCOMPAT_ALIAS(__isnanf, isnanf);
/* glibc's x87 isnanl answers 0xffff, not 1, for a NaN (its result is the
 * high half of a subtraction that borrows); its binary128 one (aarch64)
 * answers 1. */
#if defined(__x86_64__)
#define ISNANL_TRUE 0xffff
#else
#define ISNANL_TRUE 1
#endif
int __isnanl(long double x) { return __builtin_isnan(x) ? ISNANL_TRUE : 0; }
GCOMPAT_EXPORT(__isnanl);
GCOMPAT_ALIAS(__isnanl, isnanl);

int __finite(double x) { return __builtin_isfinite(x) != 0; }
GCOMPAT_EXPORT(__finite);
int __finitef(float x) { return __builtin_isfinite(x) != 0; }
GCOMPAT_EXPORT(__finitef);
int __finitel(long double x) { return __builtin_isfinite(x) != 0; }
GCOMPAT_EXPORT(__finitel);
GCOMPAT_ALIAS(__finitel, finitel);
