/* Locale objects: glibc-built code (libstdc++'s "gnu" locale model, glibc's
 * <ctype.h> isalpha_l & co.) reads glibc's `struct __locale_struct` fields
 * from a locale_t; musl's is a different, smaller struct. Each front passes
 * its caller's address so that glibc-built callers get objects with both
 * layouts and musl-built callers musl's own (src/locale/mod.rs). */
#include "../abi/export.h"
typedef struct __locale_struct *locale_t;

locale_t __gcompat_newlocale(int mask, const char *name, locale_t base, const void *caller);
locale_t __gcompat_duplocale(locale_t loc, const void *caller);
void __gcompat_freelocale(locale_t loc, const void *caller);

locale_t newlocale(int mask, const char *name, locale_t base)
{
    return __gcompat_newlocale(mask, name, base, __builtin_return_address(0));
}
GCOMPAT_EXPORT(newlocale);

locale_t __newlocale(int mask, const char *name, locale_t base)
{
    return __gcompat_newlocale(mask, name, base, __builtin_return_address(0));
}
GCOMPAT_EXPORT(__newlocale);

locale_t duplocale(locale_t loc)
{
    return __gcompat_duplocale(loc, __builtin_return_address(0));
}
GCOMPAT_EXPORT(duplocale);

locale_t __duplocale(locale_t loc)
{
    return __gcompat_duplocale(loc, __builtin_return_address(0));
}
GCOMPAT_EXPORT(__duplocale);

void freelocale(locale_t loc)
{
    __gcompat_freelocale(loc, __builtin_return_address(0));
}
GCOMPAT_EXPORT(freelocale);

void __freelocale(locale_t loc)
{
    __gcompat_freelocale(loc, __builtin_return_address(0));
}
GCOMPAT_EXPORT(__freelocale);
