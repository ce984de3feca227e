// glibc's __vprintf_chk: gcc calls it for vprintf only when glibc's headers
// do not inline vprintf as __vfprintf_chk(stdout, ...), as under -Os (a
// common release setting). It formats as vprintf does and returns the byte
// count; %n is accepted in a read-only format and stores the count, but in a
// writable format prints "*** %n in writable segment detected ***" and
// aborts; a positional format that skips an argument prints "*** invalid
// %N$ use detected ***" and aborts (SIGABRT).
// cases: ok n_literal n_writable positional_ok positional_gap
// cflags: -Os
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int my_vprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vprintf(fmt, ap);
    va_end(ap);
    return r;
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    int r, n = -1;

    if (!strcmp(c, "ok")) {
        r = my_vprintf("[%d|%s|%x|%5.2f|%c|%%|%-4d|%05u]\n", -3, "str", 0xabc, 2.718, 'k', 12, 34u);
        printf("returned %d\n", r);
    } else if (!strcmp(c, "n_literal")) {
        r = my_vprintf("abc%n|%d|\n", &n, 5);
        printf("returned %d, n=%d\n", r, n);
    } else if (!strcmp(c, "n_writable")) {
        char fmt[] = "abc%n|%d|\n";
        printf("before\n");
        fflush(stdout);
        r = my_vprintf(fmt, &n, 5);
        printf("not reached %d %d\n", r, n);
    } else if (!strcmp(c, "positional_ok")) {
        r = my_vprintf("[%2$s %1$d]\n", 4, "four");
        printf("returned %d\n", r);
    } else if (!strcmp(c, "positional_gap")) {
        printf("before\n");
        fflush(stdout);
        r = my_vprintf("[%1$d %3$d]\n", 1, 2, 3);
        printf("not reached %d\n", r);
    } else {
        printf("unknown case\n");
        return 2;
    }
    return 0;
}
