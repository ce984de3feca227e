#include "../abi/export.h"

/* dlinfo is musl's name too, and dlvsym's RTLD_NEXT is relative to its
 * caller: each front passes its caller's address (src/abi/caller.rs). */
int __gcompat_dlinfo(void *handle, int request, void *arg, const void *caller);
void *__gcompat_dlvsym(void *handle, const char *name, const char *version, const void *caller);

int dlinfo(void *handle, int request, void *arg)
{
    return __gcompat_dlinfo(handle, request, arg, __builtin_return_address(0));
}
GCOMPAT_EXPORT(dlinfo);

void *dlvsym(void *handle, const char *name, const char *version)
{
    return __gcompat_dlvsym(handle, name, version, __builtin_return_address(0));
}
GCOMPAT_EXPORT(dlvsym);
