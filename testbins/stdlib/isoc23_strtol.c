// cases: prefixes signs bases overflow errno locale intmax
// cflags: -D_GNU_SOURCE
// builds: glibc-2.41
/* The C23 integer parsers (__isoc23_strtol and friends, which glibc 2.38+
 * headers call for strtol under _GNU_SOURCE): 0b/0B prefixes in base 0
 * and 2, end positions, signs, overflow clamping and errno. */
#include <errno.h>
#include <inttypes.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *err(int e) {
    return e == 0 ? "0" : e == ERANGE ? "ERANGE" : e == EINVAL ? "EINVAL" : "other";
}

static void all(const char *s, int base) {
    char *end;
    errno = 0;
    long l = strtol(s, &end, base);
    printf("strtol(\"%s\", %d) = %ld end+%td errno %s\n", s, base, l, end - s, err(errno));
    errno = 0;
    unsigned long ul = strtoul(s, &end, base);
    printf("strtoul(\"%s\", %d) = %lu end+%td errno %s\n", s, base, ul, end - s, err(errno));
    errno = 0;
    long long ll = strtoll(s, &end, base);
    printf("strtoll(\"%s\", %d) = %lld end+%td errno %s\n", s, base, ll, end - s, err(errno));
    errno = 0;
    unsigned long long ull = strtoull(s, &end, base);
    printf("strtoull(\"%s\", %d) = %llu end+%td errno %s\n", s, base, ull, end - s, err(errno));
}

int main(int argc, char **argv) {
    const char *c = argc > 1 ? argv[1] : "";
    if (!strcmp(c, "prefixes")) {
        const char *t[] = {"0b101", "0B11", "0b", "0b2", "0B", "0b102", "0b1z", "0x1f", "0X", "0xg",
                           "0", "00", "017", "019", "0b0b1", "b101", "0b 1", NULL};
        for (int i = 0; t[i]; i++) {
            all(t[i], 0);
            all(t[i], 2);
            all(t[i], 16);
        }
    } else if (!strcmp(c, "signs")) {
        const char *t[] = {" -0b11", "+0b1", "-0b", "+", "-", " \t\n+0B1", "- 0b1", "--1", "+-1",
                           "   ", "", "-0x10", " -017", NULL};
        for (int i = 0; t[i]; i++) {
            all(t[i], 0);
            all(t[i], 2);
        }
    } else if (!strcmp(c, "bases")) {
        const char *t[] = {"0b101", "z", "Zz", "777", "123abc", "0b11", NULL};
        int b[] = {2, 8, 10, 16, 36, 3, 11, 35};
        for (int i = 0; t[i]; i++)
            for (int j = 0; j < 8; j++)
                all(t[i], b[j]);
    } else if (!strcmp(c, "overflow")) {
        const char *t[] = {"0b1111111111111111111111111111111111111111111111111111111111111111",
                           "0b10000000000000000000000000000000000000000000000000000000000000000",
                           "0b111111111111111111111111111111111111111111111111111111111111111",
                           "-0b1000000000000000000000000000000000000000000000000000000000000000",
                           "-0b1000000000000000000000000000000000000000000000000000000000000001",
                           "9223372036854775807", "9223372036854775808", "-9223372036854775808",
                           "-9223372036854775809", "18446744073709551615", "18446744073709551616",
                           "-18446744073709551615", "-18446744073709551616", "99999999999999999999999x",
                           NULL};
        for (int i = 0; t[i]; i++)
            all(t[i], 0);
    } else if (!strcmp(c, "errno")) {
        /* Success leaves errno alone; a bad base is EINVAL and leaves *end. */
        char *end = (char *)"untouched";
        errno = EDOM;
        long v = strtol("0b1", &end, 0);
        printf("errno kept: %ld %s\n", v, errno == EDOM ? "EDOM" : err(errno));
        int bad[] = {1, -1, 37, 100};
        for (int i = 0; i < 4; i++) {
            const char *s = "0b1";
            end = (char *)"untouched";
            errno = 0;
            v = strtol(s, &end, bad[i]);
            printf("base %d: %ld errno %s end %s\n", bad[i], v, err(errno),
                   end == s ? "=nptr" : !strcmp(end, "untouched") ? "untouched" : "moved");
            errno = 0;
            unsigned long long u = strtoull(s, &end, bad[i]);
            printf("base %d: %llu errno %s\n", bad[i], u, err(errno));
        }
        printf("null end: %ld %lu\n", strtol("0b11", NULL, 0), strtoul("-0b11", NULL, 2));
    } else if (!strcmp(c, "locale")) {
        locale_t loc = newlocale(LC_ALL_MASK, "C", (locale_t)0);
        const char *t[] = {"0b101", " -0B11x", "0b2", "0x1g", "18446744073709551616", NULL};
        for (int i = 0; t[i]; i++) {
            char *end;
            errno = 0;
            long a = strtol_l(t[i], &end, 0, loc);
            printf("strtol_l %ld end+%td %s\n", a, end - t[i], err(errno));
            errno = 0;
            unsigned long b = strtoul_l(t[i], &end, 0, loc);
            printf("strtoul_l %lu end+%td %s\n", b, end - t[i], err(errno));
            errno = 0;
            long long d = strtoll_l(t[i], &end, 2, loc);
            printf("strtoll_l %lld end+%td %s\n", d, end - t[i], err(errno));
            errno = 0;
            unsigned long long e = strtoull_l(t[i], &end, 0, loc);
            printf("strtoull_l %llu end+%td %s\n", e, end - t[i], err(errno));
        }
        freelocale(loc);
    } else if (!strcmp(c, "intmax")) {
        const char *t[] = {"0b101", "-0b11", "0b2", "0b11111111111111111111111111111111111111111111111111111111111111111", NULL};
        for (int i = 0; t[i]; i++) {
            char *end;
            errno = 0;
            intmax_t a = strtoimax(t[i], &end, 0);
            printf("strtoimax %jd end+%td %s\n", a, end - t[i], err(errno));
            errno = 0;
            uintmax_t b = strtoumax(t[i], &end, 2);
            printf("strtoumax %ju end+%td %s\n", b, end - t[i], err(errno));
        }
    }
    return 0;
}
