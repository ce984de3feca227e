// Under _FORTIFY_SOURCE >= 2 glibc's fortified printf functions accept %n
// only in a format that lives in read-only memory: %n in a string literal
// stores the count so far, while %n in a format held in writable memory (a
// stack array or a writable global) prints "*** %n in writable segment
// detected ***" and aborts (SIGABRT). A writable format without %n is fine.
// Checked for each fortified entry point (vprintf: see vprintf_chk.c).
// cases: literal_printf literal_fprintf literal_sprintf literal_snprintf literal_vfprintf literal_vsprintf literal_vsnprintf literal_asprintf literal_vasprintf literal_dprintf literal_vdprintf writable_no_n stack_printf stack_fprintf stack_sprintf stack_snprintf stack_vfprintf stack_vsprintf stack_vsnprintf stack_asprintf stack_vasprintf stack_dprintf stack_vdprintf global_printf global_sprintf
// cflags: -D_GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* Calls entry point `fn` with `fmt`, which has one %n and one %d. */
static void run(const char *fn, const char *fmt)
{
    int n = -1, r = -1;
    char *p = NULL;

    fflush(stdout);
    if (!strcmp(fn, "printf"))
        r = printf(fmt, &n, 5);
    else if (!strcmp(fn, "fprintf"))
        r = fprintf(stdout, fmt, &n, 5);
    else if (!strcmp(fn, "sprintf"))
        r = sprintf(gbuf, fmt, &n, 5);
    else if (!strcmp(fn, "snprintf"))
        r = snprintf(gbuf, sizeof gbuf, fmt, &n, 5);
    else if (!strcmp(fn, "vfprintf"))
        r = my_vfprintf(fmt, &n, 5);
    else if (!strcmp(fn, "vsprintf"))
        r = my_vsprintf(fmt, &n, 5);
    else if (!strcmp(fn, "vsnprintf"))
        r = my_vsnprintf(fmt, &n, 5);
    else if (!strcmp(fn, "asprintf"))
        r = asprintf(&p, fmt, &n, 5);
    else if (!strcmp(fn, "vasprintf"))
        r = my_vasprintf(&p, fmt, &n, 5);
    else if (!strcmp(fn, "dprintf"))
        r = dprintf(1, fmt, &n, 5);
    else if (!strcmp(fn, "vdprintf"))
        r = my_vdprintf(fmt, &n, 5);
    if (p) {
        printf("<%s>", p);
        free(p);
    }
    if (!strcmp(fn, "sprintf") || !strcmp(fn, "snprintf") ||
        !strcmp(fn, "vsprintf") || !strcmp(fn, "vsnprintf"))
        printf("<%s>", gbuf);
    printf("\n%s returned %d, n=%d\n", fn, r, n);
}

static char gfmt[] = "abc%n|%d|";

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    char sfmt[] = "abc%n|%d|";

    if (!strncmp(c, "literal_", 8)) {
        run(c + 8, "abc%n|%d|");
    } else if (!strcmp(c, "writable_no_n")) {
        char f[] = "[%d|%s]\n";
        int r = printf(f, 1, "two");
        printf("returned %d\n", r);
        r = sprintf(gbuf, f, 3, "four");
        printf("returned %d <%s>\n", r, gbuf);
    } else if (!strncmp(c, "stack_", 6)) {
        printf("before\n");
        run(c + 6, sfmt);
    } else if (!strncmp(c, "global_", 7)) {
        printf("before\n");
        run(c + 7, gfmt);
    } else {
        printf("unknown case\n");
        return 2;
    }
    return 0;
}
