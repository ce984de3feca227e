// glibc's fortified printf functions accept positional arguments (%N$) that
// use every argument from 1 to the highest N, in any order and repeated,
// including positional widths and precisions (%1$*2$d, %1$.*3$s); a format
// that skips an argument ("%1$d %3$d") prints "*** invalid %N$ use detected
// ***" and aborts (SIGABRT) under _FORTIFY_SOURCE >= 2.
// cases: ok_printf ok_sprintf ok_snprintf ok_width ok_repeat gap_printf gap_fprintf gap_sprintf gap_snprintf gap_vfprintf gap_vsprintf gap_vsnprintf gap_asprintf gap_vasprintf gap_dprintf gap_vdprintf gap_first
// cflags: -D_GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char gbuf[64];

static int my_vfprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vfprintf(stdout, fmt, ap);
    va_end(ap);
    return r;
}

static int my_vsprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vsprintf(gbuf, fmt, ap);
    va_end(ap);
    return r;
}

static int my_vsnprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vsnprintf(gbuf, sizeof gbuf, fmt, ap);
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

static int my_vdprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vdprintf(1, fmt, ap);
    va_end(ap);
    return r;
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    char *p = NULL;
    int r = -1;

    if (!strcmp(c, "ok_printf")) {
        r = printf("[%3$s %1$d %2$c]\n", 7, 'x', "three");
        printf("returned %d\n", r);
    } else if (!strcmp(c, "ok_sprintf")) {
        r = sprintf(gbuf, "[%2$s %1$d]", 11, "eleven");
        printf("%d <%s>\n", r, gbuf);
    } else if (!strcmp(c, "ok_snprintf")) {
        r = snprintf(gbuf, 8, "[%2$s %1$d]", 11, "eleven");
        printf("%d <%s>\n", r, gbuf);
    } else if (!strcmp(c, "ok_width")) {
        r = printf("[%1$*2$d|%3$.*4$s|%1$-*2$d]\n", 42, 6, "precision", 4);
        printf("returned %d\n", r);
    } else if (!strcmp(c, "ok_repeat")) {
        r = printf("[%1$d %2$s %1$d %2$s]\n", 1, "a");
        printf("returned %d\n", r);
    } else if (!strncmp(c, "gap_", 4)) {
        const char *fn = c + 4;
        const char *fmt = "[%1$d %3$d]\n";
        printf("before\n");
        fflush(stdout);
        if (!strcmp(fn, "printf"))
            r = printf("[%1$d %3$d]\n", 1, 2, 3);
        else if (!strcmp(fn, "fprintf"))
            r = fprintf(stdout, fmt, 1, 2, 3);
        else if (!strcmp(fn, "sprintf"))
            r = sprintf(gbuf, fmt, 1, 2, 3);
        else if (!strcmp(fn, "snprintf"))
            r = snprintf(gbuf, sizeof gbuf, fmt, 1, 2, 3);
        else if (!strcmp(fn, "vfprintf"))
            r = my_vfprintf(fmt, 1, 2, 3);
        else if (!strcmp(fn, "vsprintf"))
            r = my_vsprintf(fmt, 1, 2, 3);
        else if (!strcmp(fn, "vsnprintf"))
            r = my_vsnprintf(fmt, 1, 2, 3);
        else if (!strcmp(fn, "asprintf"))
            r = asprintf(&p, fmt, 1, 2, 3);
        else if (!strcmp(fn, "vasprintf"))
            r = my_vasprintf(&p, fmt, 1, 2, 3);
        else if (!strcmp(fn, "dprintf"))
            r = dprintf(1, fmt, 1, 2, 3);
        else if (!strcmp(fn, "vdprintf"))
            r = my_vdprintf(fmt, 1, 2, 3);
        else if (!strcmp(fn, "first"))
            r = printf("[%2$d]\n", 1, 2);
        printf("not reached %d\n", r);
        free(p);
    } else {
        printf("unknown case\n");
        return 2;
    }
    return 0;
}
