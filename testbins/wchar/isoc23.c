// cases: wcstol swscanf stream locale
// cflags: -D_GNU_SOURCE
// builds: glibc-2.41
/* The C23 wide parsers and wide scanf family (__isoc23_wcstol,
 * __isoc23_swscanf and friends, which glibc 2.38+ headers call under
 * _GNU_SOURCE): 0b prefixes, %b, %i, end positions, errno. */
#include <errno.h>
#include <inttypes.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

static const char *err(int e) {
    return e == 0 ? "0" : e == ERANGE ? "ERANGE" : e == EINVAL ? "EINVAL" : "other";
}

static int my_vswscanf(const wchar_t *in, const wchar_t *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int r = vswscanf(in, fmt, ap);
    va_end(ap);
    return r;
}

static int my_vfwscanf(FILE *f, const wchar_t *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int r = vfwscanf(f, fmt, ap);
    va_end(ap);
    return r;
}

static int my_vwscanf(const wchar_t *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int r = vwscanf(fmt, ap);
    va_end(ap);
    return r;
}

int main(int argc, char **argv) {
    const char *c = argc > 1 ? argv[1] : "";
    if (!strcmp(c, "wcstol")) {
        const wchar_t *t[] = {L"0b101", L"0B11", L"0b", L"0b2", L" -0b11", L"+0b1", L"0x1f", L"0b102", L"\t\n0b1z",
                              L"017", L"-", L"", L"0b1111111111111111111111111111111111111111111111111111111111111111",
                              L"0b11111111111111111111111111111111111111111111111111111111111111111",
                              L"-0b1000000000000000000000000000000000000000000000000000000000000001", NULL};
        int bases[] = {0, 2, 10, 16};
        for (int i = 0; t[i]; i++)
            for (int b = 0; b < 4; b++) {
                wchar_t *end;
                errno = 0;
                long l = wcstol(t[i], &end, bases[b]);
                printf("wcstol #%d base %d = %ld end+%td %s\n", i, bases[b], l, end - t[i], err(errno));
                errno = 0;
                unsigned long u = wcstoul(t[i], &end, bases[b]);
                printf("wcstoul #%d base %d = %lu end+%td %s\n", i, bases[b], u, end - t[i], err(errno));
                errno = 0;
                long long ll = wcstoll(t[i], &end, bases[b]);
                printf("wcstoll #%d base %d = %lld end+%td %s\n", i, bases[b], ll, end - t[i], err(errno));
                errno = 0;
                unsigned long long ull = wcstoull(t[i], &end, bases[b]);
                printf("wcstoull #%d base %d = %llu end+%td %s\n", i, bases[b], ull, end - t[i], err(errno));
                errno = 0;
                intmax_t im = wcstoimax(t[i], &end, bases[b]);
                printf("wcstoimax #%d base %d = %jd end+%td %s\n", i, bases[b], im, end - t[i], err(errno));
                errno = 0;
                uintmax_t um = wcstoumax(t[i], &end, bases[b]);
                printf("wcstoumax #%d base %d = %ju end+%td %s\n", i, bases[b], um, end - t[i], err(errno));
            }
        wchar_t *end = (wchar_t *)L"x";
        errno = 0;
        long v = wcstol(L"5", &end, 1);
        printf("bad base: %ld %s end %s\n", v, err(errno), *end == L'x' ? "untouched" : "moved");
    } else if (!strcmp(c, "swscanf")) {
        const wchar_t *in[] = {L"0b101 7", L"0b2", L"0b", L"0x", L"12 0b11", L"-0b11", L"101 11", L"z", L"", L"  ", NULL};
        for (int i = 0; in[i]; i++) {
            int a = -7, b = -7, n1 = -7, n2 = -7;
            int r = swscanf(in[i], L"%i%n %b%n", &a, &n1, &b, &n2);
            printf("#%d %%i %%b: r=%d a=%d n1=%d b=%d n2=%d\n", i, r, a, n1, b, n2);
            a = b = n1 = n2 = -7;
            r = swscanf(in[i], L"%2b%n%i%n", &a, &n1, &b, &n2);
            printf("#%d %%2b %%i: r=%d a=%d n1=%d b=%d n2=%d\n", i, r, a, n1, b, n2);
        }
        int a = -1, b = -1, n = -1;
        wchar_t s[8];
        int r = my_vswscanf(L"0b11 abc 0B101", L"%i %7ls %b%n", &a, s, &b, &n);
        printf("v: r=%d a=%d s=%ls b=%d n=%d\n", r, a, s, b, n);
        r = my_vswscanf(L"4 5", L"%d %d%n", &a, &b, &n);
        printf("plain: r=%d a=%d b=%d n=%d\n", r, a, b, n);
        r = swscanf(L"x 0b1", L"x %*i%n", &n);
        printf("suppressed: r=%d n=%d\n", r, n);
    } else if (!strcmp(c, "stream")) {
        FILE *f = tmpfile();
        fputws(L"0b101 11 0b2 -0b11 tail", f);
        rewind(f);
        int a = -1, b = -1, d = -1, e = -1, n = -1;
        int r = fwscanf(f, L"%i %b %i%n", &a, &b, &d, &n);
        printf("r=%d a=%d b=%d d=%d n=%d\n", r, a, b, d, n);
        r = my_vfwscanf(f, L"%i %i", &e, &a);
        printf("r=%d e=%d a=%d\n", r, e, a);
        wchar_t s[8];
        r = fwscanf(f, L"%7ls", s);
        printf("r=%d s=%ls\n", r, s);
        printf("at eof: %d\n", fwscanf(f, L"%b", &a));
        fclose(f);
        printf("wscanf at eof: %d\n", wscanf(L"%b", &a));
        printf("vwscanf at eof: %d\n", my_vwscanf(L"%i", &a));
    } else if (!strcmp(c, "locale")) {
        locale_t loc = newlocale(LC_ALL_MASK, "C", (locale_t)0);
        const wchar_t *t[] = {L"0b101", L" -0B11x", L"0b2", L"18446744073709551616", NULL};
        for (int i = 0; t[i]; i++) {
            wchar_t *end;
            errno = 0;
            long a = wcstol_l(t[i], &end, 0, loc);
            printf("wcstol_l %ld end+%td %s\n", a, end - t[i], err(errno));
            errno = 0;
            unsigned long b = wcstoul_l(t[i], &end, 2, loc);
            printf("wcstoul_l %lu end+%td %s\n", b, end - t[i], err(errno));
            errno = 0;
            long long d = wcstoll_l(t[i], &end, 0, loc);
            printf("wcstoll_l %lld end+%td %s\n", d, end - t[i], err(errno));
            errno = 0;
            unsigned long long e = wcstoull_l(t[i], &end, 0, loc);
            printf("wcstoull_l %llu end+%td %s\n", e, end - t[i], err(errno));
        }
        freelocale(loc);
    }
    return 0;
}
