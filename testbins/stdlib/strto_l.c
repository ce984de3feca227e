// cases: int_l wide_int internal floats floatn strfrom strfrom_hex strfrom_abort
// cflags: -D_GNU_SOURCE
/* The *_l number parsers musl lacks (strtol_l, wcstoull_l, wcstod_l, ...),
 * glibc's internal names (__strtol_l, __wcstol_internal, __strtod_internal,
 * ...), the _FloatN parsers (strtof32..strtof64x, wcstof32.., their _l
 * forms) and strfromf/strfromd/strfroml (+ _FloatN): values, end positions,
 * errno, and glibc's abort on a format strfrom does not accept. With glibc
 * 2.41 headers strtol_l and wcstol_l become __isoc23_*; the internal names
 * are bound as old binaries bound them, by declaration. glibc sets ERANGE
 * for an inexact subnormal result, not for an exact one. */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

long __strtol_l(const char *, char **, int, locale_t);
unsigned long __strtoul_l(const char *, char **, int, locale_t);
long long __strtoll_l(const char *, char **, int, locale_t);
unsigned long long __strtoull_l(const char *, char **, int, locale_t);
long __wcstol_l(const wchar_t *, wchar_t **, int, locale_t);
unsigned long __wcstoul_l(const wchar_t *, wchar_t **, int, locale_t);
long long __wcstoll_l(const wchar_t *, wchar_t **, int, locale_t);
unsigned long long __wcstoull_l(const wchar_t *, wchar_t **, int, locale_t);
double __wcstod_l(const wchar_t *, wchar_t **, locale_t);
float __wcstof_l(const wchar_t *, wchar_t **, locale_t);
long double __wcstold_l(const wchar_t *, wchar_t **, locale_t);
long __wcstol_internal(const wchar_t *, wchar_t **, int, int);
unsigned long __wcstoul_internal(const wchar_t *, wchar_t **, int, int);
long long __wcstoll_internal(const wchar_t *, wchar_t **, int, int);
unsigned long long __wcstoull_internal(const wchar_t *, wchar_t **, int, int);
double __wcstod_internal(const wchar_t *, wchar_t **, int);
float __wcstof_internal(const wchar_t *, wchar_t **, int);
long double __wcstold_internal(const wchar_t *, wchar_t **, int);
double __strtod_internal(const char *, char **, int);
float __strtof_internal(const char *, char **, int);
long double __strtold_internal(const char *, char **, int);

static const char *inputs[] = { "42", "  -17xyz", "0x1fG", "0777", "z", "", "+", "9223372036854775807",
                                "9223372036854775808", "-9223372036854775809", "18446744073709551615",
                                "18446744073709551616", "-1", "1010" };
static const int bases[] = { 0, 10, 16, 8, 36, 2, 1, 37, -1 };
#define N(a) (sizeof a / sizeof a[0])

static void int_l(void)
{
    locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    for (unsigned i = 0; i < N(inputs); i++)
        for (unsigned b = 0; b < N(bases); b++) {
            const char *s = inputs[i];
            char *e1 = (char *)"untouched", *e2 = e1, *e3 = e1, *e4 = e1;
            errno = 0; long a = strtol_l(s, &e1, bases[b], c); int x1 = errno;
            errno = 0; unsigned long u = strtoul_l(s, &e2, bases[b], c); int x2 = errno;
            errno = 0; long long ll = __strtoll_l(s, &e3, bases[b], c); int x3 = errno;
            errno = 0; unsigned long long ull = __strtoull_l(s, &e4, bases[b], c); int x4 = errno;
            printf("\"%s\" base %d: %ld/%s/%d %lu/%s/%d %lld/%s/%d %llu/%s/%d\n", s, bases[b],
                   a, e1, x1, u, e2, x2, ll, e3, x3, ull, e4, x4);
        }
    char *e;
    printf("long_l: %lld %llu %ld %lu\n", strtoll_l("-5", &e, 10, c), strtoull_l("5", &e, 10, c),
           __strtol_l("77", &e, 8, c), __strtoul_l("ff", &e, 16, c));
    freelocale(c);
}

static void wide_int(void)
{
    static const wchar_t *w[] = { L"42", L"  -17xyz", L"0x1fG", L"z", L"", L"18446744073709551616", L"-1" };
    locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    for (unsigned i = 0; i < N(w); i++)
        for (unsigned b = 0; b < N(bases); b++) {
            static wchar_t untouched[1];
            wchar_t *e1 = untouched, *e2 = e1, *e3 = e1, *e4 = e1, *e5 = e1, *e6 = e1;
            errno = 0; long a = wcstol_l(w[i], &e1, bases[b], c); int x1 = errno;
            errno = 0; unsigned long long u = wcstoull_l(w[i], &e2, bases[b], c); int x2 = errno;
            errno = 0; long long ll = __wcstoll_internal(w[i], &e3, bases[b], 0); int x3 = errno;
            errno = 0; unsigned long ul = __wcstoul_l(w[i], &e4, bases[b], c); int x4 = errno;
            errno = 0; long l2 = __wcstol_internal(w[i], &e5, bases[b], 1); int x5 = errno;
            errno = 0; unsigned long long u2 = __wcstoull_internal(w[i], &e6, bases[b], 0); int x6 = errno;
            printf("%u base %d: %ld/%td/%d %llu/%td/%d %lld/%td/%d %lu/%td/%d %ld/%td/%d %llu/%td/%d\n", i, bases[b],
                   a, e1 == untouched ? -1 : e1 - w[i], x1, u, e2 == untouched ? -1 : e2 - w[i], x2,
                   ll, e3 == untouched ? -1 : e3 - w[i], x3, ul, e4 == untouched ? -1 : e4 - w[i], x4,
                   l2, e5 == untouched ? -1 : e5 - w[i], x5, u2, e6 == untouched ? -1 : e6 - w[i], x6);
        }
    wchar_t *e;
    printf("others: %lu %lld %ld %lld %llu\n", wcstoul_l(L"12", &e, 10, c), wcstoll_l(L"-12", &e, 10, c),
           __wcstol_l(L"-7", &e, 10, c), __wcstoll_l(L"-8", &e, 10, c), __wcstoull_l(L"9", &e, 10, c));
    freelocale(c);
}

static const char *floats[] = { "3.25", " -0.1e-3rest", "0x1.8p3", "inf", "-INFINITY", "nan", "nan(123)",
                                "1e400", "-1e-400", "4.9e-324", "1e-50", "0x1p-1074", "0x1.8p-1070", "2.2250738585072011e-308", "junk", "", ".5", "1e", "0x" };

static void internal(void)
{
    for (unsigned i = 0; i < N(floats); i++) {
        char *e1, *e2, *e3;
        errno = 0; double d = __strtod_internal(floats[i], &e1, 0); int x1 = errno;
        errno = 0; float f = __strtof_internal(floats[i], &e2, 1); int x2 = errno;
        errno = 0; long double ld = __strtold_internal(floats[i], &e3, 0); int x3 = errno;
        printf("\"%s\": %.17g/%td/%d %.17g/%td/%d %.21Lg/%td/%d\n", floats[i], d, e1 - floats[i], x1,
               (double)f, e2 - floats[i], x2, ld, e3 - floats[i], x3);
    }
}

static void floats_case(void)
{
    locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    for (unsigned i = 0; i < N(floats); i++) {
        wchar_t w[32];
        mbstowcs(w, floats[i], 32);
        wchar_t *e[9];
        errno = 0; double d = wcstod_l(w, &e[0], c); int x0 = errno;
        errno = 0; float f = wcstof_l(w, &e[1], c); int x1 = errno;
        errno = 0; long double ld = wcstold_l(w, &e[2], c); int x2 = errno;
        errno = 0; double d2 = __wcstod_l(w, &e[3], c); int x3 = errno;
        errno = 0; float f2 = __wcstof_l(w, &e[4], c); int x4 = errno;
        errno = 0; long double ld2 = __wcstold_l(w, &e[5], c); int x5 = errno;
        errno = 0; double d3 = __wcstod_internal(w, &e[6], 0); int x6 = errno;
        errno = 0; float f3 = __wcstof_internal(w, &e[7], 0); int x7 = errno;
        errno = 0; long double ld3 = __wcstold_internal(w, &e[8], 0); int x8 = errno;
        printf("\"%s\": %.17g/%td/%d %.17g/%td/%d %.21Lg/%td/%d | %.17g/%td/%d %.17g/%td/%d %.21Lg/%td/%d | %.17g/%td/%d %.17g/%td/%d %.21Lg/%td/%d\n",
               floats[i], d, e[0] - w, x0, (double)f, e[1] - w, x1, ld, e[2] - w, x2,
               d2, e[3] - w, x3, (double)f2, e[4] - w, x4, ld2, e[5] - w, x5,
               d3, e[6] - w, x6, (double)f3, e[7] - w, x7, ld3, e[8] - w, x8);
    }
    freelocale(c);
}

static void floatn(void)
{
    locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    for (unsigned i = 0; i < N(floats); i++) {
        const char *s = floats[i];
        char *e[8];
        wchar_t w[32], *we[8];
        mbstowcs(w, s, 32);
        errno = 0;
        _Float32 a = strtof32(s, &e[0]);
        _Float64 b = strtof64(s, &e[1]);
        _Float32x cc = strtof32x(s, &e[2]);
        _Float64x d = strtof64x(s, &e[3]);
        _Float32 a2 = strtof32_l(s, &e[4], c);
        _Float64 b2 = strtof64_l(s, &e[5], c);
        _Float32x c2 = strtof32x_l(s, &e[6], c);
        _Float64x d2 = strtof64x_l(s, &e[7], c);
        int x = errno;
        printf("\"%s\": %.9g %.17g %.17g %.21Lg %.9g %.17g %.17g %.21Lg errno %d ends", s, (double)a, (double)b, (double)cc,
               (long double)d, (double)a2, (double)b2, (double)c2, (long double)d2, x);
        for (int k = 0; k < 8; k++) printf(" %td", e[k] - s);
        errno = 0;
        a = wcstof32(w, &we[0]);
        b = wcstof64(w, &we[1]);
        cc = wcstof32x(w, &we[2]);
        d = wcstof64x(w, &we[3]);
        a2 = wcstof32_l(w, &we[4], c);
        b2 = wcstof64_l(w, &we[5], c);
        c2 = wcstof32x_l(w, &we[6], c);
        d2 = wcstof64x_l(w, &we[7], c);
        x = errno;
        printf(" | %.9g %.17g %.17g %.21Lg %.9g %.17g %.17g %.21Lg errno %d ends", (double)a, (double)b, (double)cc,
               (long double)d, (double)a2, (double)b2, (double)c2, (long double)d2, x);
        for (int k = 0; k < 8; k++) printf(" %td", we[k] - w);
        printf("\n");
    }
    freelocale(c);
}

static void strfrom(int hex)
{
    static const char *fmts[] = { "%g", "%.3f", "%.e", "%.0E", "%F", "%.10G", "%gtrailing", "%.99999999999g",
                                  "%.40f", "%a", "%.2A" };
    /* glibc's %a differs from musl's printf for subnormal doubles and every
     * long double, so the shim formats it itself: strfrom_hex has those. */
    unsigned nfmts = hex ? N(fmts) : N(fmts) - 2;
    double ds[] = { 0.0, -0.0, 1.0 / 3, 1e300, -2.5e-310, 123456789.0, __builtin_inf(), -__builtin_nan("") };
    for (unsigned f = hex ? nfmts - 2 : 0; f < nfmts; f++)
        for (unsigned i = 0; i < N(ds); i++) {
            char buf[64], small[6], l[80], fl[64];
            int n = strfromd(buf, sizeof buf, fmts[f], ds[i]);
            int m = strfromd(small, sizeof small, fmts[f], ds[i]);
            int k = strfroml(l, sizeof l, fmts[f], (long double)ds[i] / 7);
            int j = strfromf(fl, sizeof fl, fmts[f], (float)ds[i]);
            printf("%s %u: %d [%s] %d [%s] %d [%s] %d [%s]\n", fmts[f], i, n, buf, m, small, k, l, j, fl);
        }
    if (hex) {
        double ties[] = { 1.5, 0x1.08p0, 0x1.18p0, 0x1.fffp0, 0x1.0000000000001p0, 0x1p-1074, 0x1.8p-1073, -0x1.fp-1030 };
        const char *tf[] = { "%.0a", "%.1a", "%.1A", "%.2a", "%.12a", "%.20a", "%.a" };
        for (unsigned i = 0; i < N(ties); i++)
            for (unsigned f = 0; f < N(tf); f++) {
                char d[64], l[64];
                int n = strfromd(d, sizeof d, tf[f], ties[i]);
                int m = strfroml(l, sizeof l, tf[f], (long double)ties[i] * 15);
                printf("%s %u: %d [%s] %d [%s]\n", tf[f], i, n, d, m, l);
            }
        long double big[] = { 0xf.8p0L, 0xf.fffffffffffffffp0L, 0x8p-16385L, 0x1p-16445L, 0xc.8p16380L };
        for (unsigned i = 0; i < N(big); i++) {
            char a[64], b[64], c[64];
            strfroml(a, sizeof a, "%a", big[i]);
            strfroml(b, sizeof b, "%.0a", big[i]);
            strfroml(c, sizeof c, "%.3A", big[i]);
            printf("ld %u: %s %s %s\n", i, a, b, c);
        }
        return;
    }
    char buf[64];
    printf("null buffer: %d\n", strfromd(NULL, 0, "%.5f", 3.14159));
    strfromf32(buf, sizeof buf, "%g", 1.5f32); printf("f32 %s\n", buf);
    strfromf64(buf, sizeof buf, "%g", 2.5f64); printf("f64 %s\n", buf);
    strfromf32x(buf, sizeof buf, "%g", 3.5f32x); printf("f32x %s\n", buf);
    strfromf64x(buf, sizeof buf, "%.3g", 4.5f64x); printf("f64x %s\n", buf);
}

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (!strcmp(argv[1], "int_l")) int_l();
    else if (!strcmp(argv[1], "wide_int")) wide_int();
    else if (!strcmp(argv[1], "internal")) internal();
    else if (!strcmp(argv[1], "floats")) floats_case();
    else if (!strcmp(argv[1], "floatn")) floatn();
    else if (!strcmp(argv[1], "strfrom")) strfrom(0);
    else if (!strcmp(argv[1], "strfrom_hex")) strfrom(1);
    else if (!strcmp(argv[1], "strfrom_abort")) {
        char buf[16];
        printf("before\n");
        strfromd(buf, sizeof buf, "%5.2f", 1.0);
        printf("not reached\n");
    } else
        return 2;
    return 0;
}
