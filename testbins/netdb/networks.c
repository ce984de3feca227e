// /etc/networks short forms and odd numbers (issue 16, item 9): glibc's
// files backend appends ".0" up to four parts before inet_network, so
// "127" is 0x7f000000 and "192.168" 0xc0a80000 (inet_network alone gives
// 0x7f and 0xc00000a8); a number that does not parse is INADDR_NONE, an
// entry all the same; a line with more aliases than a small table holds.
// Each case runs in a private /etc (../fixture.h).
// Exit status 77: the fixture could not be set up (not a comparison).
// cases: short_forms
// cflags: -D_GNU_SOURCE
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../fixture.h"

static void show(const struct netent *n)
{
    int aliases = 0;
    while (n->n_aliases[aliases])
        aliases++;
    printf("%s %#lx type %d aliases %d", n->n_name, (unsigned long)n->n_net, n->n_addrtype, aliases);
    if (aliases)
        printf(" last %s", n->n_aliases[aliases - 1]);
    printf("\n");
}

int main(void)
{
    private_etc();
    fixture_nsswitch();
    /* glibc would ask DNS first for a database nsswitch.conf does not name. */
    fixture_file("/etc/nsswitch.conf", "networks: files\n");
    char line[4096] = "many 10.1";
    for (int i = 0; i < 100; i++)
        sprintf(line + strlen(line), " alias%d", i);
    strcat(line, "\n");
    char text[8192];
    snprintf(text, sizeof text,
             "loopback 127\n"
             "private 192.168 home\n"
             "three 10.20.30\n"
             "full 1.2.3.4\n"
             "hex 0x7f.1\n"
             "octal 010.0.1\n"
             "dotted 127.\n"
             "five 1.2.3.4.5\n"
             "junk abc\n"
             "big 256\n"
             "%s"
             "last 172.16 # comment\n",
             line);
    fixture_file("/etc/networks", text);

    struct netent e, *r;
    char buf[8192];
    int h, n = 0;
    setnetent(0);
    while (getnetent_r(&e, buf, sizeof buf, &r, &h) == 0 && r) {
        show(r);
        if (++n > 20)
            break;
    }
    endnetent();
    const char *names[] = {"loopback", "private", "home", "three", "junk", "many", "alias99", "nosuch"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        h = -1;
        errno = 0;
        int rc = getnetbyname_r(names[i], &e, buf, sizeof buf, &r, &h);
        printf("byname %s: %d h %d errno %d ", names[i], rc, h, errno);
        if (r)
            show(r);
        else
            printf("none\n");
    }
    unsigned long nets[] = {0x7f000000, 0x7f, 0xc0a80000, 0xc00000a8, 0x0a141e00};
    for (size_t i = 0; i < sizeof nets / sizeof *nets; i++) {
        h = -1;
        errno = 0;
        int rc = getnetbyaddr_r(nets[i], AF_INET, &e, buf, sizeof buf, &r, &h);
        printf("byaddr %#lx: %d h %d errno %d ", nets[i], rc, h, errno);
        if (r)
            show(r);
        else
            printf("none\n");
    }
    return 0;
}
