// Hostile /etc/netgroup files (issue 16, item 5): a continued line of more
// than 8 KiB, a group that names itself again and again, long chains and
// cycles of nested groups, and groups reached along several paths: glibc
// visits each group once (no duplicate triples, no blow-up), reads lines
// of any length, and answers innetgr at once.
// Each case runs in a private /etc (../fixture.h).
// Exit status 77: the fixture could not be set up (not a comparison).
// cases: long_line self chain diamond
// cflags: -D_GNU_SOURCE
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../fixture.h"

static void enumerate(const char *group)
{
    int r = setnetgrent(group);
    char *h, *u, *d;
    int n = 0;
    char first[128] = "-", last[128] = "-";
    while (getnetgrent(&h, &u, &d) == 1) {
        snprintf(n ? last : first, sizeof first, "(%s,%s,%s)", h ? h : "-", u ? u : "-", d ? d : "-");
        n++;
    }
    endnetgrent();
    printf("%s: setnetgrent %d, %d triples, first %s last %s\n", group, r, n, first, n > 1 ? last : "-");
}

static void ask(const char *group, const char *host, const char *user)
{
    printf("innetgr(%s, %s, %s) = %d\n", group, host ? host : "NULL", user ? user : "NULL",
           innetgr(group, host, user, NULL));
}

static char *text;
static size_t len;

static void add(const char *s)
{
    size_t n = strlen(s);
    text = realloc(text, len + n + 1);
    memcpy(text + len, s, n + 1);
    len += n;
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    private_etc();
    fixture_nsswitch();
    char piece[256];
    if (!strcmp(c, "long_line")) {
        /* One group on a continued line of ~20 KiB (lines of 100 bytes each
         * ending in a backslash), its last triple past the 8 KiB mark. */
        add("big");
        for (int i = 0; i < 200; i++) {
            snprintf(piece, sizeof piece, " (host%03d,user%03d,dom) (h%03d,-,-)  \\\n", i, i, i);
            add(piece);
        }
        add(" (lasthost,lastuser,dom)\nafter (a,b,c)\n");
        fixture_file("/etc/netgroup", text);
        enumerate("big");
        enumerate("after");
        ask("big", "lasthost", "lastuser");
        ask("big", "host150", NULL);
        ask("after", "a", "b");
    } else if (!strcmp(c, "self")) {
        add("loop loop loop loop (h,u,d) loop\nother (x,y,z) loop other\n");
        fixture_file("/etc/netgroup", text);
        enumerate("loop");
        enumerate("other");
        ask("loop", "h", "u");
        ask("loop", "nohost", NULL);
        ask("other", "h", NULL);
    } else if (!strcmp(c, "chain")) {
        /* g0 -> g1 -> ... -> g1999 -> g0, each with one triple. */
        for (int i = 0; i < 2000; i++) {
            snprintf(piece, sizeof piece, "g%d (host%d,-,-) g%d\n", i, i, (i + 1) % 2000);
            add(piece);
        }
        fixture_file("/etc/netgroup", text);
        enumerate("g0");
        enumerate("g1500");
        ask("g0", "host1999", NULL);
        ask("g0", "nosuch", NULL);
    } else if (!strcmp(c, "diamond")) {
        /* Every level names both groups of the next: 2^20 paths to the
         * bottom, 41 groups. */
        for (int i = 0; i < 20; i++) {
            snprintf(piece, sizeof piece, "a%d (ha%d,-,-) a%d b%d\nb%d (hb%d,-,-) a%d b%d\n", i, i, i + 1, i + 1, i,
                     i, i + 1, i + 1);
            add(piece);
        }
        add("a20 (bottom,-,-)\nb20 (bottom,-,-)\n");
        fixture_file("/etc/netgroup", text);
        enumerate("a0");
        ask("a0", "bottom", NULL);
        ask("a0", "nosuch", NULL);
    }
    return 0;
}
