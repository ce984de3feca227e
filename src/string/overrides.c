/* Names musl also defines whose glibc meaning differs: each front passes its
 * caller's address so that only glibc-built callers get glibc's meaning
 * (src/abi/caller.rs). No <string.h> here: the GNU prototypes differ from
 * musl's (strerror_r returns char * in glibc, int in musl). */
#include "../abi/export.h"
typedef struct __locale_struct *locale_t;

char *__gcompat_strerror(int errnum, char *unknown, const void *caller);
void *__gcompat_strerror_r(int errnum, char *buf, unsigned long buflen, const void *caller);
char *__gcompat_strerror_l(int errnum, locale_t loc, char *unknown, const void *caller);
char *__gcompat_basename(const char *path, const void *caller);

/* glibc formats "Unknown error N" into a per-thread buffer. */
static __thread char unknown_text[40];

char *strerror(int errnum)
{
    return __gcompat_strerror(errnum, unknown_text, __builtin_return_address(0));
}
GCOMPAT_EXPORT(strerror);

/* Returns char * to glibc callers and musl's int (in the same register) to
 * musl callers. */
void *strerror_r(int errnum, char *buf, unsigned long buflen)
{
    return __gcompat_strerror_r(errnum, buf, buflen, __builtin_return_address(0));
}
GCOMPAT_EXPORT(strerror_r);

char *strerror_l(int errnum, locale_t loc)
{
    return __gcompat_strerror_l(errnum, loc, unknown_text, __builtin_return_address(0));
}
GCOMPAT_EXPORT(strerror_l);

char *basename(const char *path)
{
    return __gcompat_basename(path, __builtin_return_address(0));
}
GCOMPAT_EXPORT(basename);
