// cases: ok percent_n vprintf vpercent_n
// cflags: -D_GNU_SOURCE
/* __obstack_printf_chk and __obstack_vprintf_chk (what obstack_printf and
 * obstack_vprintf become under _FORTIFY_SOURCE): output as obstack_printf,
 * and glibc's fortify rule for %n in a writable format: fatal. */
#include <obstack.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define obstack_chunk_alloc malloc
#define obstack_chunk_free free

/* The program's own wrapper: obstack_vprintf, fortified. */
static int grow(struct obstack *ob, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = obstack_vprintf(ob, fmt, ap);
    va_end(ap);
    return n;
}

int main(int argc, char **argv)
{
    struct obstack ob;
    obstack_init(&ob);
    if (argc > 1 && !strcmp(argv[1], "vprintf")) {
        int n = grow(&ob, "[%s|%d|%5.1f]", "vchk", 7, 2.25);
        n += grow(&ob, "%c", '!');
        obstack_1grow(&ob, 0);
        printf("%d %s\n", n, (char *)obstack_finish(&ob));
        obstack_free(&ob, NULL);
        return 0;
    }
    if (argc > 1 && !strcmp(argv[1], "vpercent_n")) {
        char fmt[] = "xyz%n";
        int n = 0;
        fflush(stdout);
        grow(&ob, fmt, &n);
        printf("not reached: %d\n", n);
        return 0;
    }
    if (argc > 1 && !strcmp(argv[1], "percent_n")) {
        char fmt[] = "abc%n";
        int n = 0;
        fflush(stdout);
        obstack_printf(&ob, fmt, &n);
        printf("not reached: %d\n", n);
        return 0;
    }
    int n = obstack_printf(&ob, "[%s|%d|%x]", "chk", -5, 255);
    obstack_1grow(&ob, 0);
    printf("%d %s\n", n, (char *)obstack_finish(&ob));
    obstack_free(&ob, NULL);
    return 0;
}
