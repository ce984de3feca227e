/* <math.h> _Float128 classification glibc's libc exports (2.26; again at
 * 2.34) and musl lacks: __isnanf128, which glibc's isnan() calls for a
 * _Float128 argument when the compiler has no builtin for it. On the
 * value's bits: no _Float128 arithmetic (libgcc's soft-float helpers). */
#include "../abi/float128.h"
#include "../abi/export.h"

#if defined(__x86_64__) /* glibc defines it on x86_64 only (aarch64's long double is _Float128) */
int __isnanf128(_Float128 x)
{
    unsigned long bits[2];
    gcompat_f128_to_bits(x, bits);
    unsigned long high = bits[1] & 0x7fffffffffffffffUL;
    return high > 0x7fff000000000000UL || (high == 0x7fff000000000000UL && bits[0] != 0);
}
GCOMPAT_EXPORT(__isnanf128);
#endif
