// cflags: -D_GNU_SOURCE
/* nl_langinfo and nl_langinfo_l in the C locale answer as glibc's do
 * (CODESET is "ANSI_X3.4-1968"), and in C.UTF-8 with "UTF-8". */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>

static const struct { int item; const char *name; } items[] = {
    { CODESET, "CODESET" }, { D_T_FMT, "D_T_FMT" }, { D_FMT, "D_FMT" }, { T_FMT, "T_FMT" },
    { T_FMT_AMPM, "T_FMT_AMPM" }, { AM_STR, "AM_STR" }, { PM_STR, "PM_STR" }, { DAY_1, "DAY_1" },
    { ABDAY_7, "ABDAY_7" }, { MON_12, "MON_12" }, { ABMON_1, "ABMON_1" }, { ERA, "ERA" },
    { ERA_D_FMT, "ERA_D_FMT" }, { ALT_DIGITS, "ALT_DIGITS" }, { ERA_D_T_FMT, "ERA_D_T_FMT" },
    { ERA_T_FMT, "ERA_T_FMT" }, { RADIXCHAR, "RADIXCHAR" }, { THOUSEP, "THOUSEP" },
    { YESEXPR, "YESEXPR" }, { NOEXPR, "NOEXPR" }, { CRNCYSTR, "CRNCYSTR" },
};

int main(void)
{
    locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    for (unsigned i = 0; i < sizeof items / sizeof items[0]; i++)
        printf("%-12s [%s] [%s]\n", items[i].name, nl_langinfo(items[i].item), nl_langinfo_l(items[i].item, c));
    locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    printf("C.UTF-8 CODESET [%s]\n", utf8 ? nl_langinfo_l(CODESET, utf8) : "(no such locale)");
    if (setlocale(LC_CTYPE, "C.UTF-8"))
        printf("after setlocale: CODESET [%s]\n", nl_langinfo(CODESET));
    return 0;
}
