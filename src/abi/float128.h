/* _Float128 at the ABI edge (src/stdlib/float128.c, src/wchar/float128.c,
 * src/math/float128.c): the value travels in %xmm0, and the Rust side
 * (src/stdlib/float128/) works on its 128 bits, low 64-bit word first.
 * Only copies happen here: any _Float128 arithmetic in C would call
 * libgcc's soft-float helpers (__addtf3, ...). */
#include <fenv.h>
#include <string.h>

static inline _Float128 gcompat_f128_from_bits(const unsigned long bits[2])
{
    _Float128 value;
    memcpy(&value, bits, sizeof value);
    return value;
}

static inline void gcompat_f128_to_bits(_Float128 value, unsigned long bits[2])
{
    memcpy(bits, &value, sizeof value);
}

/* A parser front: `core` stores the bits and returns the exceptions
 * glibc's parser raises (inexact, underflow, overflow), raised here so that
 * fetestexcept sees them as it would under glibc. CHAR is the unit type;
 * `unused` silences an ignored argument. */
#define GCOMPAT_PARSE_F128(CHAR, core, unused) \
    { \
        unused; \
        unsigned long bits[2]; \
        int raised = core((const CHAR *)nptr, (CHAR **)endptr, fegetround(), bits); \
        if (raised) \
            feraiseexcept(raised); \
        return gcompat_f128_from_bits(bits); \
    }
