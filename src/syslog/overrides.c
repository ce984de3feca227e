/* openlog, whose NULL ident means the program's short name in glibc and ""
 * in musl: the front passes its caller's address (src/abi/caller.rs). */
#include "../abi/export.h"
void __gcompat_openlog(const char *ident, int option, int facility, const void *caller);

void openlog(const char *ident, int option, int facility)
{
    __gcompat_openlog(ident, option, facility, __builtin_return_address(0));
}
GCOMPAT_EXPORT(openlog);
