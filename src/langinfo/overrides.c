/* nl_langinfo: glibc's C/POSIX locale answers differ from musl's for a few
 * items (CODESET "ANSI_X3.4-1968", not "ASCII"). Each front passes its
 * caller's address so that only glibc-built callers get glibc's answers
 * (src/langinfo/mod.rs). */
#include "../abi/export.h"
typedef struct __locale_struct *locale_t;

char *__gcompat_nl_langinfo_l(int item, locale_t loc, int with_locale, const void *caller);

char *nl_langinfo(int item)
{
    return __gcompat_nl_langinfo_l(item, (locale_t)0, 0, __builtin_return_address(0));
}
GCOMPAT_EXPORT(nl_langinfo);

char *nl_langinfo_l(int item, locale_t loc)
{
    return __gcompat_nl_langinfo_l(item, loc, 1, __builtin_return_address(0));
}
GCOMPAT_EXPORT(nl_langinfo_l);

char *__nl_langinfo_l(int item, locale_t loc)
{
    return __gcompat_nl_langinfo_l(item, loc, 1, __builtin_return_address(0));
}
GCOMPAT_EXPORT(__nl_langinfo_l);
