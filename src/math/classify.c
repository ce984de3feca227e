/* glibc's classification functions (libc, not libm): musl provides only the
 * <math.h> macros, and finite/finitef. glibc's isinf returns the sign of an
 * infinity (-1 or 1) and 0 otherwise; isnan and finite return 1 or 0. */
int __isinf(double x) { return __builtin_isinf_sign(x); }
int __isinff(float x) { return __builtin_isinf_sign(x); }
int __isinfl(long double x) { return __builtin_isinf_sign(x); }
int isinf(double x) { return __builtin_isinf_sign(x); }
int isinff(float x) { return __builtin_isinf_sign(x); }
int isinfl(long double x) { return __builtin_isinf_sign(x); }

int __isnan(double x) { return __builtin_isnan(x) != 0; }
int __isnanf(float x) { return __builtin_isnan(x) != 0; }
/* glibc's x87 isnanl answers 0xffff, not 1, for a NaN (its result is the
 * high half of a subtraction that borrows); its binary128 one (aarch64)
 * answers 1. */
#if defined(__x86_64__)
#define ISNANL_TRUE 0xffff
#else
#define ISNANL_TRUE 1
#endif
int __isnanl(long double x) { return __builtin_isnan(x) ? ISNANL_TRUE : 0; }
int isnan(double x) { return __builtin_isnan(x) != 0; }
int isnanf(float x) { return __builtin_isnan(x) != 0; }
int isnanl(long double x) { return __isnanl(x); }

int __finite(double x) { return __builtin_isfinite(x) != 0; }
int __finitef(float x) { return __builtin_isfinite(x) != 0; }
int __finitel(long double x) { return __builtin_isfinite(x) != 0; }
int finitel(long double x) { return __builtin_isfinite(x) != 0; }
