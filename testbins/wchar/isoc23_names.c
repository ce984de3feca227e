// The wide __isoc23_ names glibc 2.38+ headers redirect wcstol, wcstoll,
// wcstoul, wcstoull, wcstoimax, wcstoumax, their _l forms, and the wscanf
// family to (C23: "0b"/"0B" binary prefixes with base 0 or 2, %i reads
// them, %b converts binary), called here by those names, as a program built
// against glibc 2.38 or later calls them.
// builds: glibc-2.41
// cflags: -D_GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

long __isoc23_wcstol(const wchar_t *, wchar_t **, int);
long long __isoc23_wcstoll(const wchar_t *, wchar_t **, int);
unsigned long __isoc23_wcstoul(const wchar_t *, wchar_t **, int);
unsigned long long __isoc23_wcstoull(const wchar_t *, wchar_t **, int);
intmax_t __isoc23_wcstoimax(const wchar_t *, wchar_t **, int);
uintmax_t __isoc23_wcstoumax(const wchar_t *, wchar_t **, int);
long __isoc23_wcstol_l(const wchar_t *, wchar_t **, int, locale_t);
long long __isoc23_wcstoll_l(const wchar_t *, wchar_t **, int, locale_t);
unsigned long __isoc23_wcstoul_l(const wchar_t *, wchar_t **, int, locale_t);
unsigned long long __isoc23_wcstoull_l(const wchar_t *, wchar_t **, int, locale_t);
int __isoc23_fwscanf(FILE *, const wchar_t *, ...);
int __isoc23_wscanf(const wchar_t *, ...);
int __isoc23_vfwscanf(FILE *, const wchar_t *, va_list);
int __isoc23_vwscanf(const wchar_t *, va_list);
int __isoc23_vswscanf(const wchar_t *, const wchar_t *, va_list);

static wchar_t untouched[1];

#define CONVERT(fn, fmt, text, base, ...)                                                   \
    do {                                                                                     \
        wchar_t *end = untouched;                                                            \
        errno = 0;                                                                           \
        __typeof__(fn(text, &end, base, ##__VA_ARGS__)) v = fn(text, &end, base, ##__VA_ARGS__); \
        printf("%-22s(\"%ls\", %d) = " fmt " errno %s end ", #fn, text, base, v,               \
               errno == 0 ? "0" : errno == ERANGE ? "ERANGE" : errno == EINVAL ? "EINVAL" : "other"); \
        if (end == untouched)                                                                \
            printf("untouched\n");                                                           \
        else                                                                                 \
            printf("+%td\n", end - (wchar_t *)text);                                         \
    } while (0)

static int vfws(FILE *f, const wchar_t *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = __isoc23_vfwscanf(f, fmt, ap);
    va_end(ap);
    return n;
}

static int vws(const wchar_t *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = __isoc23_vwscanf(fmt, ap);
    va_end(ap);
    return n;
}

static int vsws(const wchar_t *text, const wchar_t *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = __isoc23_vswscanf(text, fmt, ap);
    va_end(ap);
    return n;
}

int main(void)
{
    locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    const wchar_t *texts[] = {L"0b101", L"0B11x", L"-0b1", L"0b", L"  0x1F", L"-17", L"99999999999999999999999", L"z"};
    for (unsigned i = 0; i < sizeof texts / sizeof *texts; i++) {
        const wchar_t *t = texts[i];
        CONVERT(__isoc23_wcstol, "%ld", t, 0);
        CONVERT(__isoc23_wcstoll, "%lld", t, 2);
        CONVERT(__isoc23_wcstoul, "%lu", t, 0);
        CONVERT(__isoc23_wcstoull, "%llu", t, 0);
        CONVERT(__isoc23_wcstoimax, "%jd", t, 0);
        CONVERT(__isoc23_wcstoumax, "%ju", t, 2);
        CONVERT(__isoc23_wcstol_l, "%ld", t, 2, c);
        CONVERT(__isoc23_wcstoll_l, "%lld", t, 0, c);
        CONVERT(__isoc23_wcstoul_l, "%lu", t, 16, c);
        CONVERT(__isoc23_wcstoull_l, "%llu", t, 0, c);
    }
    CONVERT(__isoc23_wcstol, "%ld", L"10", 1);

    FILE *f = tmpfile();
    fputws(L"0b110 0x10 7 0b11 ab 12\n", f);
    rewind(f);
    int a = -1, b = -1, d = -1;
    unsigned u = 0;
    wchar_t word[8] = L"";
    int n = __isoc23_fwscanf(f, L"%i %i %i %b", &a, &b, &d, &u);
    printf("__isoc23_fwscanf: %d: %d %d %d %u\n", n, a, b, d, u);
    n = vfws(f, L"%2ls %d", word, &a);
    printf("__isoc23_vfwscanf: %d: %ls %d\n", n, word, a);
    n = vfws(f, L"%d", &a);
    printf("__isoc23_vfwscanf at the end: %d\n", n);
    fclose(f);
    n = vsws(L"0b1010 -0B1 101", L"%i %i %b", &a, &b, &u);
    printf("__isoc23_vswscanf: %d: %d %d %u\n", n, a, b, u);
    /* stdin is empty (the harness gives /dev/null): EOF. */
    printf("__isoc23_wscanf: %d\n", __isoc23_wscanf(L"%d", &a));
    printf("__isoc23_vwscanf: %d\n", vws(L"%d", &a));
    freelocale(c);
    return 0;
}
