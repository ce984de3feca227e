// cases: binary prefix widths suppress mixed counts stream vscanf positional sizes plain
// cflags: -D_GNU_SOURCE
// builds: glibc-2.41
/* The C23 scanf family (__isoc23_sscanf and friends, which glibc 2.38+
 * headers call for sscanf under _GNU_SOURCE): %b, 0b in %i, widths,
 * assignment suppression, %n, return counts and EOF, on strings and
 * streams, and formats without %b/%i (musl's own path). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static void one(const char *in, const char *fmt) {
    int a = -7, b = -7, n1 = -7, n2 = -7;
    int r = sscanf(in, fmt, &a, &n1, &b, &n2);
    printf("sscanf(\"%s\", \"%s\") = %d a=%d n1=%d b=%d n2=%d\n", in, fmt, r, a, n1, b, n2);
}

static int my_vsscanf(const char *in, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int r = vsscanf(in, fmt, ap);
    va_end(ap);
    return r;
}

static int my_vfscanf(FILE *f, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int r = vfscanf(f, fmt, ap);
    va_end(ap);
    return r;
}

static int my_vscanf(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int r = vscanf(fmt, ap);
    va_end(ap);
    return r;
}

int main(int argc, char **argv) {
    const char *c = argc > 1 ? argv[1] : "";
    if (!strcmp(c, "binary")) {
        const char *in[] = {"101", "0b101", "0B11", "-101", "+0b1", "  \t1101x", "2", "0b2", "0b", "0x", "b1",
                            "-", "", "   ", "11111111111111111111111111111111", "111111111111111111111111111111111",
                            "-0b11", "0b102", "012", NULL};
        for (int i = 0; in[i]; i++)
            one(in[i], "%b%n %b%n");
    } else if (!strcmp(c, "prefix")) {
        const char *in[] = {"0b101 7", "0b2", "0b", "0x", "0xz", "12 0b11", "0B1111x", "-0b11", "017 8",
                            "0x1F", "-0x10", "+0", "0b11111111111111111111111111111111111",
                            "99999999999999999999 1", "-99999999999999999999", "08", NULL};
        for (int i = 0; in[i]; i++) {
            one(in[i], "%i%n %i%n");
            one(in[i], "%i%n %b%n");
        }
    } else if (!strcmp(c, "widths")) {
        const char *in[] = {"0b101", "-0b11", "0x1f", "1011", "-1", "0b1", "017", NULL};
        const char *fmt[] = {"%1b%n%b%n", "%2b%n%b%n", "%3b%n%b%n", "%1i%n%i%n", "%2i%n%i%n", "%3i%n%i%n",
                             "%4i%n%d%n", "%0b%n%n", NULL};
        for (int i = 0; in[i]; i++)
            for (int j = 0; fmt[j]; j++)
                one(in[i], fmt[j]);
    } else if (!strcmp(c, "suppress")) {
        const char *in[] = {"101 11 7", "0b1 0b11 5", "x", "1", NULL};
        const char *fmt[] = {"%*b%n %b%n", "%*i %i%n%n", "%*b %*b%n%n", "%*d%n%b%n", NULL};
        for (int i = 0; in[i]; i++)
            for (int j = 0; fmt[j]; j++)
                one(in[i], fmt[j]);
    } else if (!strcmp(c, "mixed")) {
        int a = -1, d = -1, n = -1;
        unsigned u = 0;
        char s[16] = "", s2[16] = "";
        double f = 0;
        char ch = 0;
        int r = sscanf("name=abc val=0b1011 f=2.5 x=ff,Q 42", "name=%15s val=%i f=%lf x=%x,%c %d%n", s, &a, &f,
                       &u, &ch, &d, &n);
        printf("r=%d s=%s a=%d f=%g u=%u ch=%c d=%d n=%d\n", r, s, a, f, u, ch, d, n);
        r = sscanf("[0b11|abc] 5% 0b1", "[%i|%[a-z]] %d%% %i%n", &a, s2, &d, &u, &n);
        printf("r=%d a=%d s2=%s d=%d u=%u n=%d\n", r, a, s2, d, u, n);
        r = sscanf("abc 101", "abd %b", &a);
        printf("literal mismatch r=%d\n", r);
        r = sscanf("abc", "abc %b", &a);
        printf("literal then eof r=%d\n", r);
        r = sscanf("  101", " %b", &a);
        printf("space r=%d a=%d\n", r, a);
        r = sscanf("1,0b1;", "%b,%i;%n", &a, &d, &n);
        printf("r=%d a=%d d=%d n=%d\n", r, a, d, n);
        r = sscanf("0b1 xyz", "%i %3c%n", &a, s2, &n);
        printf("r=%d a=%d c=%.3s n=%d\n", r, a, s2, n);
    } else if (!strcmp(c, "counts")) {
        int a = 0, b = 0;
        printf("empty %%b: %d\n", sscanf("", "%b", &a));
        printf("spaces %%i: %d\n", sscanf("   ", "%i", &a));
        printf("one then eof: %d\n", sscanf("1", "%b %b", &a, &b));
        printf("suppressed then eof: %d\n", sscanf("1", "%*b %b", &a));
        printf("mismatch first: %d\n", sscanf("z1", "%b %b", &a, &b));
        printf("mismatch second: %d\n", sscanf("1 z", "%b %b", &a, &b));
        printf("sign only: %d\n", sscanf("-", "%i", &a));
        printf("sign then eof: %d\n", sscanf("+ ", "%b", &a));
        printf("%%n only: %d\n", sscanf("", "%b%n", &a, &b));
        errno = 0;
        long l = 0;
        printf("range: %d %ld %s\n", sscanf("0b11111111111111111111111111111111111111111111111111111111111111111", "%li", &l), l,
               errno == ERANGE ? "ERANGE" : "no");
    } else if (!strcmp(c, "stream")) {
        FILE *f = tmpfile();
        fputs("0b101 11 0x 0b2 -0b11 abc 7\n1010xyz", f);
        rewind(f);
        int a = -1, b = -1, d = -1, e = -1, g = -1, n = -1;
        char s[8] = "";
        int r = fscanf(f, "%i %b %i %i%n", &a, &b, &d, &e, &n);
        printf("r=%d a=%d b=%d d=%d e=%d n=%d next=%c\n", r, a, b, d, e, n, fgetc(f));
        r = fscanf(f, "%i %3s %d%n", &g, s, &a, &n);
        printf("r=%d g=%d s=%s a=%d n=%d\n", r, g, s, a, n);
        r = my_vfscanf(f, " %b%n", &b, &n);
        printf("r=%d b=%d n=%d rest=", r, b, n);
        int ch;
        while ((ch = fgetc(f)) != EOF)
            putchar(ch);
        putchar('\n');
        r = fscanf(f, "%b", &b);
        printf("at eof: %d\n", r);
        fclose(f);
    } else if (!strcmp(c, "vscanf")) {
        int a = -1, b = -1, n = -1;
        int r = my_vsscanf("0b11 0B101 z", "%i %b%n", &a, &b, &n);
        printf("r=%d a=%d b=%d n=%d\n", r, a, b, n);
        r = my_vsscanf("5 6", "%d %d%n", &a, &b, &n);
        printf("r=%d a=%d b=%d n=%d\n", r, a, b, n);
        /* scanf reads stdin, which the harness gives as /dev/null. */
        printf("scanf at eof: %d\n", scanf("%b", &a));
        printf("scanf at eof, plain: %d\n", scanf("%d", &a));
        printf("vscanf at eof: %d\n", my_vscanf("%i", &a));
    } else if (!strcmp(c, "positional")) {
        int a = -1, b = -1, d = -1;
        int r = sscanf("0b1 0b10 11", "%2$i %3$i %1$b", &a, &b, &d);
        printf("r=%d a=%d b=%d d=%d\n", r, a, b, d);
        r = sscanf("7 8", "%2$d %1$d", &a, &b);
        printf("r=%d a=%d b=%d\n", r, a, b);
    } else if (!strcmp(c, "sizes")) {
        signed char hh = 0;
        short h = 0;
        long l = 0;
        long long ll = 0;
        unsigned char uhh = 0;
        unsigned long ul = 0;
        int r = sscanf("0b111111111 -0b1000000000000001 0b1111111111111111111111111111111111111111 -1 111111111 -1",
                       "%hhi %hi %li %lli %hhb %lb", &hh, &h, &l, &ll, &uhh, &ul);
        printf("r=%d hh=%d h=%d l=%ld ll=%lld uhh=%u ul=%lu\n", r, hh, h, l, ll, uhh, ul);
        size_t z = 0;
        long long j = 0;
        r = sscanf("0b1111 -0b1", "%zb %jb", &z, &j);
        printf("r=%d z=%zu j=%lld\n", r, z, j);
        signed char n8 = 0;
        short n16 = 0;
        r = sscanf("0b1010 x", "%i%hhn %hn", &r, &n8, &n16);
        printf("n8=%d n16=%d\n", n8, n16);
    } else if (!strcmp(c, "plain")) {
        /* No %b or %i: musl's scanf as is. */
        int a = -1, b = -1, n = -1;
        char s[8];
        int r = sscanf("12 abc 0x1f", "%d %7s %x%n", &a, s, &b, &n);
        printf("r=%d a=%d s=%s b=%d n=%d\n", r, a, s, b, n);
        r = sscanf("", "%d", &a);
        printf("eof r=%d\n", r);
        r = sscanf("0b101", "%d%n", &a, &n);
        printf("0b with %%d r=%d a=%d n=%d\n", r, a, n);
    }
    return 0;
}
