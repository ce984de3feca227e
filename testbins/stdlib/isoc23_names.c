// The __isoc23_ names glibc 2.38+ headers redirect strtol, strtoll,
// strtoul, strtoull, strtoimax, strtoumax, their _l forms, and the scanf
// family to (C23: "0b"/"0B" binary prefixes with base 0 or 2, %i reads
// them, %b converts binary), called here by those names, as a program built
// against glibc 2.38 or later calls them: values, end offsets, errno, and
// the scanf counts, with their C23 differences from the old names.
// builds: glibc-2.41
// cflags: -D_GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

long long __isoc23_strtoll(const char *, char **, int);
unsigned long __isoc23_strtoul(const char *, char **, int);
unsigned long long __isoc23_strtoull(const char *, char **, int);
intmax_t __isoc23_strtoimax(const char *, char **, int);
uintmax_t __isoc23_strtoumax(const char *, char **, int);
long __isoc23_strtol_l(const char *, char **, int, locale_t);
long long __isoc23_strtoll_l(const char *, char **, int, locale_t);
unsigned long __isoc23_strtoul_l(const char *, char **, int, locale_t);
unsigned long long __isoc23_strtoull_l(const char *, char **, int, locale_t);
int __isoc23_fscanf(FILE *, const char *, ...);
int __isoc23_scanf(const char *, ...);
int __isoc23_vfscanf(FILE *, const char *, va_list);
int __isoc23_vscanf(const char *, va_list);
int __isoc23_vsscanf(const char *, const char *, va_list);

static const char *en(int e)
{
    return e == 0 ? "0" : e == ERANGE ? "ERANGE" : e == EINVAL ? "EINVAL" : "other";
}

static char untouched[1];

#define CONVERT(fn, fmt, text, base, ...)                                                   \
    do {                                                                                     \
        char *end = untouched;                                                               \
        errno = 0;                                                                           \
        __typeof__(fn(text, &end, base, ##__VA_ARGS__)) v = fn(text, &end, base, ##__VA_ARGS__); \
        printf("%-20s(\"%s\", %d) = " fmt " errno %s end ", #fn, text, base, v, en(errno));   \
        if (end == untouched)                                                                \
            printf("untouched\n");                                                          \
        else                                                                                 \
            printf("+%td\n", end - (char *)text);                                           \
    } while (0)

static int vfs(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = __isoc23_vfscanf(f, fmt, ap);
    va_end(ap);
    return n;
}

static int vs(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = __isoc23_vscanf(fmt, ap);
    va_end(ap);
    return n;
}

static int vss(const char *text, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = __isoc23_vsscanf(text, fmt, ap);
    va_end(ap);
    return n;
}

int main(void)
{
    locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    const char *texts[] = {"0b101", "0B11x", "-0b1", "0b", "0b2", "  0x1F", "-17", "99999999999999999999999", "z"};
    for (unsigned i = 0; i < sizeof texts / sizeof *texts; i++) {
        const char *t = texts[i];
        CONVERT(__isoc23_strtoll, "%lld", t, 0);
        CONVERT(__isoc23_strtoul, "%lu", t, 2);
        CONVERT(__isoc23_strtoull, "%llu", t, 0);
        CONVERT(__isoc23_strtoimax, "%jd", t, 0);
        CONVERT(__isoc23_strtoumax, "%ju", t, 16);
        CONVERT(__isoc23_strtol_l, "%ld", t, 0, c);
        CONVERT(__isoc23_strtoll_l, "%lld", t, 2, c);
        CONVERT(__isoc23_strtoul_l, "%lu", t, 0, c);
        CONVERT(__isoc23_strtoull_l, "%llu", t, 36, c);
    }
    CONVERT(__isoc23_strtoll, "%lld", "10", 1);
    CONVERT(__isoc23_strtoull, "%llu", "10", 37);

    FILE *f = tmpfile();
    fputs("0b110 0x10 7 0b11 ab 12\n", f);
    rewind(f);
    int a = -1, b = -1, d = -1;
    unsigned u = 0;
    char word[8] = "";
    int n = __isoc23_fscanf(f, "%i %i %i %b", &a, &b, &d, &u);
    printf("__isoc23_fscanf: %d: %d %d %d %u\n", n, a, b, d, u);
    n = vfs(f, "%2s %d", word, &a);
    printf("__isoc23_vfscanf: %d: %s %d\n", n, word, a);
    n = vfs(f, "%d", &a);
    printf("__isoc23_vfscanf at the end: %d\n", n);
    fclose(f);
    n = vss("0b1010 -0B1 101", "%i %i %b", &a, &b, &u);
    printf("__isoc23_vsscanf: %d: %d %d %u\n", n, a, b, u);
    n = vss("0b", "%i%n", &a, &d);
    printf("__isoc23_vsscanf(\"0b\", %%i): %d: %d\n", n, a);
    /* stdin is empty (the harness gives /dev/null): EOF. */
    printf("__isoc23_scanf: %d\n", __isoc23_scanf("%d", &a));
    printf("__isoc23_vscanf: %d\n", vs("%d", &a));
    freelocale(c);
    return 0;
}
