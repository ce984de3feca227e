/* confstr: musl has it, but answers neither _CS_GNU_LIBC_VERSION nor
 * _CS_GNU_LIBPTHREAD_VERSION; glibc-built callers get glibc's answers
 * (src/unistd/confstr.rs, src/abi/caller.rs). */
#include <stddef.h>

#include "../abi/export.h"

size_t __gcompat_confstr(int name, char *buf, size_t len, const void *caller);

size_t confstr(int name, char *buf, size_t len)
{
    return __gcompat_confstr(name, buf, len, __builtin_return_address(0));
}
GCOMPAT_EXPORT(confstr);
