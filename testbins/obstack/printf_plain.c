// cases: ok
// cflags: -D_GNU_SOURCE -U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=0
/* printf_chk.c without _FORTIFY_SOURCE: the plain obstack_printf, and
 * obstack_vprintf through a wrapper of the program's own. */
#include <stdarg.h>
#include <obstack.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define obstack_chunk_alloc malloc
#define obstack_chunk_free free

static int wrapped(struct obstack *ob, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = obstack_vprintf(ob, fmt, ap);
    va_end(ap);
    return n;
}

int main(void)
{
    struct obstack ob;
    obstack_init(&ob);
    int n = obstack_printf(&ob, "[%s|%d|%x|%p]", "plain", -5, 255, (void *)0);
    n += wrapped(&ob, "<%05.1f %c>", 3.25, 'z');
    obstack_1grow(&ob, 0);
    printf("%d %s\n", n, (char *)obstack_finish(&ob));
    obstack_free(&ob, NULL);
    return 0;
}
