#include "../abi/export.h"

/* perror, whose text glibc callers expect in glibc's words: the front passes
 * its caller's address (src/abi/caller.rs). */
void __gcompat_perror(const char *s, const void *caller);

void perror(const char *s)
{
    __gcompat_perror(s, __builtin_return_address(0));
}
GCOMPAT_EXPORT(perror);
