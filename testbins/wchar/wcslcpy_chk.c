// glibc 2.38's wcslcpy and wcslcat are fortified: __wcslcpy_chk and
// __wcslcat_chk fail when the size argument exceeds the destination's size
// in wchar_t units (even if the string would fit), printing "*** buffer
// overflow detected ***: terminated" and aborting (SIGABRT); otherwise they
// return the length they tried to create, truncating with a NUL.
// cases: wcslcpy_ok wcslcpy_truncate wcslcpy_overflow wcslcat_ok wcslcat_truncate wcslcat_full wcslcat_overflow
// builds: glibc-2.41
#include <stdio.h>
#include <string.h>
#include <wchar.h>

static const wchar_t *volatile src = L"abcdefghij";
static volatile size_t n8 = 8, n9 = 9, n3 = 3, n2 = 2;

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    wchar_t buf[8];
    size_t r = 0;
    printf("case %s\n", c);
    fflush(stdout);

    if (!strcmp(c, "wcslcpy_ok")) {
        r = wcslcpy(buf, src + 6, n8);
    } else if (!strcmp(c, "wcslcpy_truncate")) {
        r = wcslcpy(buf, src, n8);
    } else if (!strcmp(c, "wcslcpy_overflow")) {
        r = wcslcpy(buf, src + 6, n9);
    } else if (!strcmp(c, "wcslcat_ok")) {
        wcscpy(buf, L"ab");
        r = wcslcat(buf, src + 6, n8);
    } else if (!strcmp(c, "wcslcat_truncate")) {
        wcscpy(buf, L"ab");
        r = wcslcat(buf, src, n3);
    } else if (!strcmp(c, "wcslcat_full")) {
        /* No NUL within the bound: the result is n + wcslen (src). */
        wcscpy(buf, L"abc");
        r = wcslcat(buf, src, n2);
    } else if (!strcmp(c, "wcslcat_overflow")) {
        wcscpy(buf, L"ab");
        r = wcslcat(buf, src + 6, n9);
    }
    printf("r=%zu buf=", r);
    for (const wchar_t *p = buf; *p; p++)
        printf("%c", (char)*p);
    printf("\n");
    return 0;
}
