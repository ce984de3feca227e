/* getaddrinfo: glibc accepts the IDN flags (AI_IDN, AI_CANONIDN and the
 * deprecated AI_IDN_ALLOW_UNASSIGNED, AI_IDN_USE_STD3_ASCII_RULES), musl
 * refuses them with EAI_BADFLAGS. The front passes its caller's address so
 * that only glibc-built callers get glibc's meaning (src/abi/caller.rs). */
#include "../abi/export.h"
struct addrinfo;

int __gcompat_getaddrinfo(const char *node, const char *service, const struct addrinfo *hints,
                          struct addrinfo **res, const void *caller);

int getaddrinfo(const char *node, const char *service, const struct addrinfo *hints, struct addrinfo **res)
{
    return __gcompat_getaddrinfo(node, service, hints, res, __builtin_return_address(0));
}
GCOMPAT_EXPORT(getaddrinfo);
