// __dcgettext, glibc's internal name of dcgettext: with no catalog the
// message id itself comes back (the same pointer).
// cflags: -D_GNU_SOURCE
#include <libintl.h>
#include <locale.h>
#include <stdio.h>

char *__dcgettext(const char *, const char *, int);

int main(void)
{
    static const char id[] = "Hello, world";
    char *s = __dcgettext(NULL, id, LC_MESSAGES);
    printf("%s same %d\n", s, s == id);
    s = __dcgettext("no-such-domain", id, LC_MESSAGES);
    printf("%s same %d\n", s, s == id);
    return 0;
}
