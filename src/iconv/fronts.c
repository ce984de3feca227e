/* iconv_open: the front passes its caller's address (abi::caller), so that
 * glibc-built callers get glibc's charset names and "//" suffixes
 * (src/iconv/mod.rs) and musl-built callers musl's iconv_open unchanged. */
#include <limits.h> /* __GLIBC__ when built for the host's unit tests */

#ifndef __GLIBC__
#include <iconv.h>

#include "../abi/export.h"

iconv_t __gcompat_iconv_open(const char *to, const char *from, const void *caller);

iconv_t iconv_open(const char *to, const char *from)
{
    return __gcompat_iconv_open(to, from, __builtin_return_address(0));
}
GCOMPAT_EXPORT(iconv_open);
#endif
