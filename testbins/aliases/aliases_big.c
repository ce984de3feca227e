// A mail alias of 600 members (issue 16, item 7): glibc returns every
// member whole once the caller's buffer fits (ERANGE before that); the
// shim once cut the line at 8 KiB, members and all.
// Exit status 77: the fixture could not be set up (not a comparison).
// cflags: -D_GNU_SOURCE
#include <aliases.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../fixture.h"

static void show(const char *what, int rc, const struct aliasent *a)
{
    printf("%s: %d", what, rc);
    if (rc == 0 && a)
        printf(" %s members %zu first %s last %s", a->alias_name, a->alias_members_len, a->alias_members[0],
               a->alias_members[a->alias_members_len - 1]);
    printf("\n");
}

int main(void)
{
    private_etc();
    fixture_nsswitch();
    size_t cap = 600 * 40 + 64;
    char *text = malloc(cap);
    int len = sprintf(text, "small: a, b\nbig: ");
    for (int i = 0; i < 600; i++)
        len += sprintf(text + len, "%sperson%d@mail.example.org", i ? ", " : "", i);
    strcpy(text + len, "\nafter: c\n");
    fixture_file("/etc/aliases", text);

    struct aliasent e, *r;
    size_t sizes[] = {1024, 16384, 65536};
    for (int i = 0; i < 3; i++) {
        char *buf = malloc(sizes[i]);
        r = NULL;
        int rc = getaliasbyname_r("big", &e, buf, sizes[i], &r);
        char what[64];
        snprintf(what, sizeof what, "getaliasbyname_r(%zu)", sizes[i]);
        show(what, rc, r);
        free(buf);
    }
    struct aliasent *a = getaliasbyname("big");
    show("getaliasbyname", a ? 0 : errno, a);
    setaliasent();
    while ((a = getaliasent()))
        show("getaliasent", 0, a);
    endaliasent();
    free(text);
    return 0;
}
