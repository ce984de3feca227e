/* The one body of the shim's C floating-point parsers (src/stdlib/floating.c,
 * src/wchar/floating.c): glibc's errno around musl's parser. Nothing
 * converted leaves errno alone (musl sets EINVAL); a subnormal result that
 * is inexact sets ERANGE (musl leaves errno alone), which FE_INEXACT tells.
 * CHAR is the string's unit type; `unused` silences an ignored argument. */
#include <errno.h>
#include <fenv.h>
#include <float.h>

#define GCOMPAT_TINY(v) _Generic((v), float: FLT_MIN, double: DBL_MIN, default: LDBL_MIN)
#define GCOMPAT_PARSE_FLOAT(CHAR, call, unused) \
    { \
        unused; \
        int saved = errno; \
        fexcept_t flags; \
        fegetexceptflag(&flags, FE_INEXACT); \
        feclearexcept(FE_INEXACT); \
        CHAR *end; \
        __typeof__(call) value = call; \
        int inexact = fetestexcept(FE_INEXACT); \
        if (!inexact) \
            fesetexceptflag(&flags, FE_INEXACT); \
        if (end == nptr) \
            errno = saved; \
        else if (inexact && value != 0 && value > -GCOMPAT_TINY(value) && value < GCOMPAT_TINY(value)) \
            errno = ERANGE; \
        if (endptr) \
            *endptr = end; \
        return value; \
    }
