// glibc's fortified wide printf family: __swprintf_chk and __vswprintf_chk
// fail when the bound n exceeds the destination's size in wchar_t units
// ("*** buffer overflow detected ***: terminated", SIGABRT), even when the
// output is short; with _FORTIFY_SOURCE >= 2 (flag > 0) __swprintf_chk,
// __fwprintf_chk, __wprintf_chk and their v* forms refuse %n in a writable
// format ("*** %n in writable segment detected ***", SIGABRT) and gaps in
// positional arguments ("*** invalid %N$ use detected ***", SIGABRT).
// swprintf returns -1 when the output does not fit n.
// cases: swprintf_ok swprintf_truncated swprintf_overflow vswprintf_ok vswprintf_overflow fwprintf_ok vfwprintf_ok wprintf_ok vwprintf_ok fwprintf_percent_n_writable fwprintf_percent_n_readonly fwprintf_positional_gap swprintf_positional_ok
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

static volatile size_t n8 = 8, n9 = 9, n4 = 4;
static wchar_t writable_fmt[] = L"[%d%n]\n";

static int my_vswprintf(wchar_t *s, size_t n, const wchar_t *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vswprintf(s, n, fmt, ap);
    va_end(ap);
    return r;
}

static int my_vfwprintf(FILE *f, const wchar_t *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vfwprintf(f, fmt, ap);
    va_end(ap);
    return r;
}

static int my_vwprintf(const wchar_t *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vwprintf(fmt, ap);
    va_end(ap);
    return r;
}

static void wshow(int r, const wchar_t *buf)
{
    printf("r=%d <", r);
    for (const wchar_t *p = buf; *p; p++)
        printf("%c", (char)*p);
    printf(">\n");
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    wchar_t buf[8];
    int r, count = -1;
    buf[0] = 0;
    /* A stream keeps the orientation of its first use: the wide output
       goes to stderr (or, for wprintf, stdout), the narrow report to the
       other one. */
    int wide_stdout = !strncmp(c, "wprintf_", 8) || !strncmp(c, "vwprintf_", 9);
    FILE *out = wide_stdout ? stderr : stdout;
    fprintf(out, "case %s\n", c);
    fflush(out);

    if (!strcmp(c, "swprintf_ok")) {
        r = swprintf(buf, n8, L"%d-%ls", 42, L"abcd");
        wshow(r, buf);
    } else if (!strcmp(c, "swprintf_truncated")) {
        r = swprintf(buf, n4, L"%d-%ls", 42, L"abcd");
        fprintf(out, "r=%d\n", r);
    } else if (!strcmp(c, "swprintf_overflow")) {
        r = swprintf(buf, n9, L"%d", 1);
        wshow(r, buf);
    } else if (!strcmp(c, "vswprintf_ok")) {
        r = my_vswprintf(buf, n8, L"%s:%d", "ab", 7);
        wshow(r, buf);
    } else if (!strcmp(c, "vswprintf_overflow")) {
        r = my_vswprintf(buf, n9, L"%d", 1);
        wshow(r, buf);
    } else if (!strcmp(c, "fwprintf_ok")) {
        r = fwprintf(stderr, L"%d %ls %s\n", 5, L"wide", "narrow");
        fprintf(out, "r=%d\n", r);
    } else if (!strcmp(c, "vfwprintf_ok")) {
        r = my_vfwprintf(stderr, L"%5.2f|%-3d|\n", 3.14159, 7);
        fprintf(out, "r=%d\n", r);
    } else if (!strcmp(c, "wprintf_ok")) {
        r = wprintf(L"%ls=%d\n", L"x", 9);
        fprintf(out, "r=%d\n", r);
    } else if (!strcmp(c, "vwprintf_ok")) {
        r = my_vwprintf(L"%c%c\n", 'o', 'k');
        fprintf(out, "r=%d\n", r);
    } else if (!strcmp(c, "fwprintf_percent_n_writable")) {
        r = fwprintf(stderr, writable_fmt, 12, &count);
        fprintf(out, "r=%d count=%d\n", r, count);
    } else if (!strcmp(c, "fwprintf_percent_n_readonly")) {
        r = fwprintf(stderr, L"[%d%n]\n", 12, &count);
        fprintf(out, "r=%d count=%d\n", r, count);
    } else if (!strcmp(c, "fwprintf_positional_gap")) {
        r = fwprintf(stderr, L"%1$d %3$d\n", 1, 2, 3);
        fprintf(out, "r=%d\n", r);
    } else if (!strcmp(c, "swprintf_positional_ok")) {
        r = swprintf(buf, n8, L"%2$d%1$d", 1, 2);
        wshow(r, buf);
    }
    return 0;
}
