// glibc's fortified printf family (__printf_chk, __fprintf_chk,
// __sprintf_chk, __snprintf_chk, __vprintf_chk, __vfprintf_chk,
// __vsprintf_chk, __vsnprintf_chk, __asprintf_chk, __vasprintf_chk,
// __dprintf_chk, __vdprintf_chk) formats exactly as the plain functions do
// when nothing is wrong: %d %i %u %s %x %X %o %5.2f %e %g %c %%, widths,
// precisions, flags, %ld %lld %zu, positional %2$s %1$d, and each returns
// the number of bytes written (snprintf: the untruncated length).
// cases: printf fprintf sprintf snprintf snprintf_trunc vprintf vfprintf vsprintf vsnprintf vsnprintf_trunc asprintf vasprintf dprintf vdprintf
// cflags: -D_GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FMT1 "[%d|%i|%u|%s|%x|%X|%o|%5.2f|%c|%%]"
#define ARGS1 -42, 7, 3000000000u, "str", 255, 0xbeef, 8, 3.14159, 'Q'
#define FMT2 "[%-6s|%6s|%.2s|%+d|% d|%05d|%#x|%#o|%e|%g|%ld|%lld|%zu]"
#define ARGS2 "ab", "cd", "efgh", 5, 6, -12, 255, 8, 1234.5, 0.0001, -1L, 123456789012LL, (size_t)77
#define FMT3 "[%2$s %1$d %3$c]"
#define ARGS3 9, "pos", 'z'

static int my_vprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vprintf(fmt, ap);
    va_end(ap);
    return r;
}

static int my_vfprintf(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vfprintf(f, fmt, ap);
    va_end(ap);
    return r;
}

static int my_vsprintf(char *buf, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vsprintf(buf, fmt, ap);
    va_end(ap);
    return r;
}

static char vsn_buf[200];
static char vsn_small[10];

static int my_vsnprintf(char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vsnprintf(buf, n, fmt, ap);
    va_end(ap);
    return r;
}

static int my_vasprintf(char **p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vasprintf(p, fmt, ap);
    va_end(ap);
    return r;
}

static int my_vdprintf(int fd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vdprintf(fd, fmt, ap);
    va_end(ap);
    return r;
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    char buf[200];
    int r1, r2, r3;

    if (!strcmp(c, "printf")) {
        r1 = printf(FMT1 "\n", ARGS1);
        r2 = printf(FMT2 "\n", ARGS2);
        r3 = printf(FMT3 "\n", ARGS3);
        printf("returned %d %d %d\n", r1, r2, r3);
    } else if (!strcmp(c, "fprintf")) {
        r1 = fprintf(stdout, FMT1 "\n", ARGS1);
        r2 = fprintf(stderr, FMT2 "\n", ARGS2);
        r3 = fprintf(stdout, FMT3 "\n", ARGS3);
        fprintf(stdout, "returned %d %d %d\n", r1, r2, r3);
    } else if (!strcmp(c, "sprintf")) {
        r1 = sprintf(buf, FMT1, ARGS1);
        printf("%d <%s>\n", r1, buf);
        r2 = sprintf(buf, FMT2, ARGS2);
        printf("%d <%s>\n", r2, buf);
        r3 = sprintf(buf, FMT3, ARGS3);
        printf("%d <%s>\n", r3, buf);
        r1 = sprintf(buf, "%s", "");
        printf("%d <%s>\n", r1, buf);
    } else if (!strcmp(c, "snprintf")) {
        r1 = snprintf(buf, sizeof buf, FMT1, ARGS1);
        printf("%d <%s>\n", r1, buf);
        r2 = snprintf(buf, sizeof buf, FMT2, ARGS2);
        printf("%d <%s>\n", r2, buf);
        r3 = snprintf(buf, sizeof buf, FMT3, ARGS3);
        printf("%d <%s>\n", r3, buf);
    } else if (!strcmp(c, "snprintf_trunc")) {
        char small[10];
        memset(small, 'x', sizeof small);
        r1 = snprintf(small, sizeof small, FMT1, ARGS1);
        printf("%d <%s>\n", r1, small);
        r2 = snprintf(small, 1, "%d", 12345);
        printf("%d <%s>\n", r2, small);
        r3 = snprintf(NULL, 0, "%s-%d", argv[1], 5);
        printf("%d\n", r3);
    } else if (!strcmp(c, "vprintf")) {
        r1 = my_vprintf(FMT1 "\n", ARGS1);
        r2 = my_vprintf(FMT2 "\n", ARGS2);
        r3 = my_vprintf(FMT3 "\n", ARGS3);
        printf("returned %d %d %d\n", r1, r2, r3);
    } else if (!strcmp(c, "vfprintf")) {
        r1 = my_vfprintf(stdout, FMT1 "\n", ARGS1);
        r2 = my_vfprintf(stderr, FMT2 "\n", ARGS2);
        r3 = my_vfprintf(stdout, FMT3 "\n", ARGS3);
        printf("returned %d %d %d\n", r1, r2, r3);
    } else if (!strcmp(c, "vsprintf")) {
        r1 = my_vsprintf(buf, FMT1, ARGS1);
        printf("%d <%s>\n", r1, buf);
        r2 = my_vsprintf(buf, FMT2, ARGS2);
        printf("%d <%s>\n", r2, buf);
        r3 = my_vsprintf(buf, FMT3, ARGS3);
        printf("%d <%s>\n", r3, buf);
    } else if (!strcmp(c, "vsnprintf")) {
        r1 = my_vsnprintf(vsn_buf, sizeof vsn_buf, FMT1, ARGS1);
        printf("%d <%s>\n", r1, vsn_buf);
        r2 = my_vsnprintf(vsn_buf, sizeof vsn_buf, FMT2, ARGS2);
        printf("%d <%s>\n", r2, vsn_buf);
        r3 = my_vsnprintf(vsn_buf, sizeof vsn_buf, FMT3, ARGS3);
        printf("%d <%s>\n", r3, vsn_buf);
    } else if (!strcmp(c, "vsnprintf_trunc")) {
        memset(vsn_small, 'x', sizeof vsn_small);
        r1 = my_vsnprintf(vsn_small, sizeof vsn_small, FMT1, ARGS1);
        printf("%d <%s>\n", r1, vsn_small);
        r2 = my_vsnprintf(vsn_small, 0, "%d", 12345);
        printf("%d <%s>\n", r2, vsn_small);
    } else if (!strcmp(c, "asprintf")) {
        char *p = NULL;
        r1 = asprintf(&p, FMT1, ARGS1);
        printf("%d <%s>\n", r1, p);
        free(p);
        r2 = asprintf(&p, FMT2, ARGS2);
        printf("%d <%s>\n", r2, p);
        free(p);
        r3 = asprintf(&p, FMT3, ARGS3);
        printf("%d <%s>\n", r3, p);
        free(p);
        r1 = asprintf(&p, "%s", "");
        printf("%d <%s>\n", r1, p);
        free(p);
    } else if (!strcmp(c, "vasprintf")) {
        char *p = NULL;
        r1 = my_vasprintf(&p, FMT1, ARGS1);
        printf("%d <%s>\n", r1, p);
        free(p);
        r2 = my_vasprintf(&p, FMT2, ARGS2);
        printf("%d <%s>\n", r2, p);
        free(p);
        r3 = my_vasprintf(&p, FMT3, ARGS3);
        printf("%d <%s>\n", r3, p);
        free(p);
    } else if (!strcmp(c, "dprintf")) {
        fflush(stdout);
        r1 = dprintf(1, FMT1 "\n", ARGS1);
        r2 = dprintf(2, FMT2 "\n", ARGS2);
        r3 = dprintf(1, FMT3 "\n", ARGS3);
        printf("returned %d %d %d\n", r1, r2, r3);
    } else if (!strcmp(c, "vdprintf")) {
        fflush(stdout);
        r1 = my_vdprintf(1, FMT1 "\n", ARGS1);
        r2 = my_vdprintf(2, FMT2 "\n", ARGS2);
        r3 = my_vdprintf(1, FMT3 "\n", ARGS3);
        printf("returned %d %d %d\n", r1, r2, r3);
    } else {
        printf("unknown case\n");
        return 2;
    }
    return 0;
}
