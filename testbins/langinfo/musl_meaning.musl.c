/* Built with musl: a musl-built caller keeps musl's answers (CODESET
 * "ASCII" in the C locale) and musl's locale objects (newlocale of "C"
 * returns musl's one built-in C locale every time). */
#define _GNU_SOURCE
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>

int main(void)
{
    printf("CODESET [%s], ALT_DIGITS [%s]\n", nl_langinfo(CODESET), nl_langinfo(ALT_DIGITS));
    locale_t a = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    locale_t b = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    printf("the same built-in object: %d\n", a == b);
    locale_t d = duplocale(a);
    printf("duplicate is the built-in too: %d\n", d == a);
    freelocale(d);
    return 0;
}
