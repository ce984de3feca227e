// cflags: -D_GNU_SOURCE
/* Locale objects as glibc-built code uses them: <ctype.h>'s *_l macros read
 * the object's __ctype_b / __ctype_toupper tables directly; the *_l
 * functions, uselocale and duplocale take the same object; glibc's mask
 * rules (1 << LC_ALL means all; a stray bit is EINVAL) and errors. */
#include <ctype.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

/* The double-underscore names libstdc++'s generic locale model calls. */
locale_t __newlocale(int, const char *, locale_t);
locale_t __duplocale(locale_t);
void __freelocale(locale_t);
char *__nl_langinfo_l(nl_item, locale_t);

static void classify(const char *what, locale_t loc)
{
    printf("%s:", what);
    const char sample[] = "aZ9 _\t\n!\x80\xff";
    for (const char *p = sample; *p; p++) {
        unsigned char c = (unsigned char)*p;
        printf(" %02x:%d%d%d%d%d%c%c", c, !!isalpha_l(c, loc), !!isdigit_l(c, loc), !!isspace_l(c, loc),
               !!ispunct_l(c, loc), !!isupper_l(c, loc), toupper_l(c, loc) >= 32 && toupper_l(c, loc) < 127 ? toupper_l(c, loc) : '.',
               tolower_l(c, loc) >= 32 && tolower_l(c, loc) < 127 ? tolower_l(c, loc) : '.');
    }
    printf("\n");
}

int main(void)
{
    locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    classify("C", c);
    printf("strtod_l: %g, strcoll_l: %d, nl_langinfo_l(CODESET): %s\n", strtod_l("2.5e3x", NULL, c),
           strcoll_l("a", "b", c) < 0, nl_langinfo_l(CODESET, c));
    printf("iswalpha_l(L'x'): %d, towupper_l(L'q'): %lc\n", !!iswalpha_l(L'x', c), (wint_t)towupper_l(L'q', c));

    locale_t all = newlocale(1 << LC_ALL, "POSIX", (locale_t)0);
    printf("1 << LC_ALL: %s\n", all ? "ok" : strerror(errno));
    classify("POSIX", all);

    errno = 0;
    locale_t bad = newlocale(1 << 30, "C", (locale_t)0);
    printf("stray mask bit: %s, errno %s\n", bad ? "object" : "null", errno == EINVAL ? "EINVAL" : "other");
    errno = 0;
    bad = newlocale(LC_ALL_MASK, NULL, (locale_t)0);
    printf("null name: %s, errno %s\n", bad ? "object" : "null", errno == EINVAL ? "EINVAL" : "other");

    /* A base is consumed and modified in place. */
    locale_t mixed = newlocale(LC_NUMERIC_MASK, "C", c);
    printf("base reused: %d\n", mixed == c);
    classify("C (numeric replaced)", mixed);

    locale_t dup = duplocale(mixed);
    classify("duplicate", dup);
    locale_t global = duplocale(LC_GLOBAL_LOCALE);
    classify("duplicate of the global locale", global);

    locale_t old = uselocale(dup);
    printf("uselocale: previous is global %d, current is dup %d\n", old == LC_GLOBAL_LOCALE, uselocale((locale_t)0) == dup);
    printf("isalpha in the thread's locale: %d\n", !!isalpha('q'));
    uselocale(LC_GLOBAL_LOCALE);

    freelocale(global);
    freelocale(dup);
    freelocale(mixed);
    freelocale(all);
    /* As libstdc++ does for std::locale::classic() and its facets. */
    locale_t cxx = __newlocale(LC_ALL_MASK, "C", (locale_t)0);
    locale_t cxx_dup = __duplocale(cxx);
    /* (glibc's duplicate of its C locale object is that object; musl's is
     * a new one: the pointers are not compared.) */
    printf("__newlocale/__duplocale: %s %s\n", cxx ? "object" : "null", cxx_dup ? "object" : "null");
    printf("__nl_langinfo_l: CODESET %s, RADIXCHAR [%s], THOUSEP [%s], D_T_FMT [%s], YESEXPR [%s]\n",
           __nl_langinfo_l(CODESET, cxx_dup), __nl_langinfo_l(RADIXCHAR, cxx_dup), __nl_langinfo_l(THOUSEP, cxx_dup),
           __nl_langinfo_l(D_T_FMT, cxx), __nl_langinfo_l(YESEXPR, cxx));
    classify("__duplocale", cxx_dup);
    __freelocale(cxx_dup);
    __freelocale(cxx);
    printf("freed\n");
    return 0;
}
