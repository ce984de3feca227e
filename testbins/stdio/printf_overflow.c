// glibc's __sprintf_chk, __snprintf_chk, __vsprintf_chk and __vsnprintf_chk
// check the destination's object size: output that fits exactly (length
// size-1 plus the NUL) is fine; output one byte longer, or a snprintf bound
// larger than the object (even when the output is short), prints
// "*** buffer overflow detected ***: terminated" and aborts (SIGABRT).
// The lengths come from argv, so gcc cannot prove them at compile time and
// calls the __*_chk entry points.
// cases: fit_sprintf overflow_sprintf overflow_sprintf_by_one fit_snprintf overflow_snprintf fit_vsprintf overflow_vsprintf fit_vsnprintf overflow_vsnprintf
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static char vbuf[16];

static int my_vsprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vsprintf(vbuf, fmt, ap);
    va_end(ap);
    return r;
}

static int my_vsnprintf(size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vsnprintf(vbuf, n, fmt, ap);
    va_end(ap);
    return r;
}

static volatile size_t bound16 = 16;
static volatile size_t bound17 = 17;

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    /* Case names are 11..23 bytes long: the output length follows them. */
    size_t len = strlen(c);
    char buf[16];
    int r;

    if (!strcmp(c, "fit_sprintf")) {
        r = sprintf(buf, "%s:%.*s", c, (int)(15 - len - 1), "abcdefghijklmnop");
        printf("%d <%s>\n", r, buf);
    } else if (!strcmp(c, "overflow_sprintf")) {
        printf("before\n");
        fflush(stdout);
        r = sprintf(buf, "%s-%d", c, 12345);
        printf("not reached %d\n", r);
    } else if (!strcmp(c, "overflow_sprintf_by_one")) {
        printf("before\n");
        fflush(stdout);
        /* 16 characters plus the NUL into 16 bytes. */
        r = sprintf(buf, "%.*s", (int)(len - 7), c);
        printf("not reached %d\n", r);
    } else if (!strcmp(c, "fit_snprintf")) {
        r = snprintf(buf, bound16, "%s-%s", c, c);
        printf("%d <%s>\n", r, buf);
    } else if (!strcmp(c, "overflow_snprintf")) {
        printf("before\n");
        fflush(stdout);
        /* The bound exceeds the object even though "ok" fits. */
        r = snprintf(buf, bound17, "%s%d", "ok", (int)len);
        printf("not reached %d\n", r);
    } else if (!strcmp(c, "fit_vsprintf")) {
        r = my_vsprintf("%s:%.*s", c, (int)(15 - len - 1), "abcdefghijklmnop");
        printf("%d <%s>\n", r, vbuf);
    } else if (!strcmp(c, "overflow_vsprintf")) {
        printf("before\n");
        fflush(stdout);
        r = my_vsprintf("%s-%d", c, 12345);
        printf("not reached %d\n", r);
    } else if (!strcmp(c, "fit_vsnprintf")) {
        r = my_vsnprintf(bound16, "%s-%s", c, c);
        printf("%d <%s>\n", r, vbuf);
    } else if (!strcmp(c, "overflow_vsnprintf")) {
        printf("before\n");
        fflush(stdout);
        r = my_vsnprintf(bound17, "%s%d", "ok", (int)len);
        printf("not reached %d\n", r);
    } else {
        printf("unknown case\n");
        return 2;
    }
    return 0;
}
