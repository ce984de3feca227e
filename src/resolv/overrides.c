/* Names musl also defines whose glibc meaning differs: glibc's dn_comp
 * matches earlier names ignoring case, and glibc's dn_expand and
 * ns_name_uncompress escape special characters ("a\.b"); musl's do
 * neither. Each front passes its caller's address so that only glibc-built
 * callers get glibc's meaning (src/abi/caller.rs). */
#include "../abi/export.h"
int __gcompat_dn_comp(const char *src, unsigned char *dst, int len, unsigned char **dnptrs,
                      unsigned char **last, const void *caller);
int __gcompat_dn_expand(const unsigned char *msg, const unsigned char *eom, const unsigned char *src,
                        char *dst, int len, const void *caller);
int __gcompat_ns_name_uncompress(const unsigned char *msg, const unsigned char *eom,
                                 const unsigned char *src, char *dst, unsigned long len, const void *caller);

int dn_comp(const char *src, unsigned char *dst, int len, unsigned char **dnptrs, unsigned char **last)
{
    return __gcompat_dn_comp(src, dst, len, dnptrs, last, __builtin_return_address(0));
}
GCOMPAT_EXPORT(dn_comp);

int dn_expand(const unsigned char *msg, const unsigned char *eom, const unsigned char *src, char *dst, int len)
{
    return __gcompat_dn_expand(msg, eom, src, dst, len, __builtin_return_address(0));
}
GCOMPAT_EXPORT(dn_expand);

int ns_name_uncompress(const unsigned char *msg, const unsigned char *eom, const unsigned char *src, char *dst,
                       unsigned long len)
{
    return __gcompat_ns_name_uncompress(msg, eom, src, dst, len, __builtin_return_address(0));
}
GCOMPAT_EXPORT(ns_name_uncompress);
