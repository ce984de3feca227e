// Netgroups (<netdb.h>: innetgr, setnetgrent, getnetgrent, getnetgrent_r,
// endnetgrent) over /etc/netgroup, glibc's files backend.
//
// Each case runs in a private /etc (../fixture.h: its own mount and network
// namespaces, a tmpfs over /etc) with an nsswitch.conf that says
// "netgroup: files", so glibc really reads the fixture (Debian's own
// nsswitch.conf says "nis", which would answer nothing on both sides).
//   absent: no /etc/netgroup: nothing is in any group.
//   file: the fixture below: members, nested groups (cycles, repeats,
//     groups that do not exist), wildcards, blanks around fields, comments
//     (which glibc does not know), a group name not at the line's start,
//     continued lines, malformed and missing fields, a line longer than
//     8 KiB, a triple longer than innetgr's 1 KiB buffer, the same group
//     twice, a last line without a newline; enumerations, innetgr queries,
//     getnetgrent_r with buffers too small (ERANGE).
// Exit status 77: the fixture could not be set up (not a comparison).
// cases: absent file
// cflags: -D_GNU_SOURCE
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../fixture.h"

static void show(const char *label, const char *s)
{
    printf(" %s=", label);
    if (!s) {
        printf("(null)");
        return;
    }
    if (strlen(s) > 40) {
        printf("[%zu bytes: %.12s...%s]", strlen(s), s, s + strlen(s) - 8);
        return;
    }
    printf("[%s]", s);
}

static void triple(const char *h, const char *u, const char *d)
{
    printf(" (");
    show("h", h);
    show("u", u);
    show("d", d);
    printf(" )");
}

/* Every triple of `group`: the first eight, then how many and the last. */
static void enumerate(const char *group)
{
    int r = setnetgrent(group);
    printf("setnetgrent(\"%s\") = %d:", group, r);
    char *h, *u, *d;
    char last[3][64] = {"", "", ""};
    int n = 0;
    errno = 0;
    while (getnetgrent(&h, &u, &d) == 1) {
        if (++n <= 8)
            triple(h, u, d);
        snprintf(last[0], sizeof last[0], "%s", h ? h : "(null)");
        snprintf(last[1], sizeof last[1], "%s", u ? u : "(null)");
        snprintf(last[2], sizeof last[2], "%s", d ? d : "(null)");
    }
    if (n > 8)
        printf(" ... %d in all, the last (%s,%s,%s)", n, last[0], last[1], last[2]);
    printf(" end%s\n", errno == ERANGE ? " ERANGE" : "");
    endnetgrent();
}

/* getnetgrent_r with a buffer of `len` bytes, twice: an ERANGE triple is
 * given again on the next call. */
static void small_buffer(const char *group, size_t len)
{
    char *buf = malloc(len + 1);
    char *h = (char *)1, *u = (char *)1, *d = (char *)1;
    printf("setnetgrent(\"%s\") = %d, buffer %zu:", group, setnetgrent(group), len);
    for (int i = 0; i < 3; i++) {
        errno = 0;
        int r = getnetgrent_r(&h, &u, &d, buf, len);
        printf(" %d", r);
        if (r == 1)
            triple(h, u, d);
        else
            printf(" errno %s;", errno == ERANGE ? "ERANGE" : errno == 0 ? "0" : "other");
    }
    printf("\n");
    endnetgrent();
    free(buf);
}

static void in(const char *group, const char *host, const char *user, const char *domain)
{
    printf("innetgr(%s, %s, %s, %s) = %d\n", group, host ? host : "NULL", user ? user : "NULL",
           domain ? domain : "NULL", innetgr(group, host, user, domain));
}

static char *fixture(void)
{
    static const char head[] =
        "# /etc/netgroup for the test\n"
        "\n"
        "admins (alpha,alice,example.org) (beta,bob,) (,carol,example.org)\n"
        "users (gamma,-,) admins (delta,dave,example.com)\n"
        "staff users admins (epsilon,eve,)\n"
        "loop1 loop2 (l1,u1,d1)\n"
        "loop2 loop1 (l2,u2,d2) loop3\n"
        "loop3 (l3,u3,d3) loop1 loop2\n"
        "self self (s,s,s)\n"
        "repeats admins admins users admins\n"
        "ghosts nosuchgroup (g,g,g) othermissing\n"
        "wild (,,)\n"
        "spaced (  sp1 ,\tsp2\t, sp3 )   \n"
        "blanks ( , , )\n"
        "empty\n"
        "emptyspace   \n"
        "  indented (i,i,i)\n"
        "tabbed\t(t,t,t)\t(t2,t2,t2)\n"
        "cont (c1,u,d) \\\n"
        "  (c2,u,d)\\\n"
        "(c3,u,d)\\\n"
        "\n"
        "(c4,u,d)\n"
        "backslashspace (b1,,) \\ \n"
        "(b2,,)\n"
        "comment (h,u,d) # (hc,uc,dc) old\n"
        "#hashed (x,x,x)\n"
        "malformed1 (a,b) (c,d,e)\n"
        "malformed2 (m,n,o) (a,b,c\n"
        "malformed3 (a b c) (ok,ok,ok)\n"
        "malformed4 (p,q,r)x(s,t,u) ((v,w,y)\n"
        "malformed5 (,,,) (1,2,3)\n"
        "onlygroup\n"
        "upper (HostA,UserA,DomA)\n"
        "dash (-,-,-)\n"
        "first (f1,,)\n"
        "first (f2,,)\n"
        "pre (pre,,)\n"
        "prefix (prefix,,)\n"
        "stars (*,*,*)\n";
    size_t cap = sizeof head + 20000;
    char *text = malloc(cap);
    strcpy(text, head);
    /* A line of 9000 bytes and more: the last triple lies past 8 KiB. */
    strcat(text, "long (l0,,)");
    for (int i = 0; i < 900; i++)
        strcat(text, " (x,y,z)  ");
    strcat(text, " (lend,luser,)\n");
    /* A triple of 1100 bytes: more than innetgr's and getnetgrent's 1 KiB. */
    strcat(text, "bigtriple (small,,) (");
    for (int i = 0; i < 1100; i++)
        strcat(text, "h");
    strcat(text, ",bu,bd) (after,,)\n");
    strcat(text, "last (z1,,) (z2,,) \\");
    return text;
}

int main(int argc, char **argv)
{
    const char *which = argc > 1 ? argv[1] : "absent";
    private_etc();
    fixture_nsswitch();
    if (strcmp(which, "absent") == 0) {
        in("admins", "host", "user", "domain");
        in("admins", NULL, NULL, NULL);
        printf("setnetgrent: %d\n", setnetgrent("admins"));
        char *h = (char *)1, *u = (char *)1, *d = (char *)1;
        printf("getnetgrent: %d\n", getnetgrent(&h, &u, &d));
        char buf[256];
        printf("getnetgrent_r: %d\n", getnetgrent_r(&h, &u, &d, buf, sizeof buf));
        endnetgrent();
        return 0;
    }
    char *text = fixture();
    fixture_file("/etc/netgroup", text);
    free(text);

    const char *groups[] = {
        "admins", "users", "staff", "loop1", "loop2", "loop3", "self", "repeats", "ghosts",
        "wild", "spaced", "blanks", "empty", "emptyspace", "indented", "tabbed", "cont",
        "backslashspace", "comment", "#hashed", "#", "malformed1", "malformed2", "malformed3",
        "malformed4", "malformed5", "onlygroup", "upper", "dash", "first", "pre", "prefix",
        "stars", "long", "bigtriple", "last", "nosuchgroup", "", "adm", "admins ",
    };
    for (size_t i = 0; i < sizeof groups / sizeof *groups; i++)
        enumerate(groups[i]);

    /* A second setnetgrent without endnetgrent starts over. */
    char *h, *u, *d;
    setnetgrent("admins");
    getnetgrent(&h, &u, &d);
    enumerate("admins");
    /* getnetgrent with no setnetgrent. */
    printf("getnetgrent after end: %d\n", getnetgrent(&h, &u, &d));

    small_buffer("admins", 4);
    small_buffer("users", 8);
    small_buffer("users", 9);
    small_buffer("admins", 16);
    small_buffer("spaced", 12);
    small_buffer("bigtriple", 1024);

    in("admins", "alpha", "alice", "example.org");
    in("admins", "ALPHA", "alice", "EXAMPLE.ORG");
    in("admins", "alpha", "ALICE", "example.org");
    in("admins", "alpha", "bob", "example.org");
    in("admins", "beta", "bob", "anything");
    in("admins", "anyhost", "carol", "example.org");
    in("admins", NULL, "carol", NULL);
    in("admins", "zeta", NULL, NULL);
    in("admins", NULL, NULL, NULL);
    in("users", "alpha", "alice", "example.org");
    in("users", "gamma", "-", "x");
    in("users", "gamma", "anyone", "x");
    in("staff", "beta", "bob", "");
    in("staff", "delta", "dave", "example.com");
    in("loop1", "l3", "u3", "d3");
    in("loop3", "l2", NULL, NULL);
    in("loop1", "nope", NULL, NULL);
    in("self", "s", "s", "s");
    in("self", "t", NULL, NULL);
    in("ghosts", "g", "g", "g");
    in("wild", "anything", "at", "all");
    in("spaced", "sp1", "sp2", "sp3");
    in("blanks", "x", "y", "z");
    in("empty", NULL, NULL, NULL);
    in("indented", "i", "i", "i");
    in("tabbed", "t2", NULL, NULL);
    in("cont", "c3", NULL, NULL);
    in("cont", "c4", NULL, NULL);
    in("backslashspace", "b2", NULL, NULL);
    in("comment", "hc", "uc", "dc");
    in("#hashed", "x", "x", "x");
    in("malformed1", "c", NULL, NULL);
    in("malformed1", "a", "b) (c", "d,e");
    in("malformed3", "ok", "ok", "ok");
    in("malformed4", "s", NULL, NULL);
    in("malformed5", NULL, NULL, ",");
    in("dash", "host", NULL, NULL);
    in("dash", "-", "-", "-");
    in("first", "f2", NULL, NULL);
    in("first", "f1", NULL, NULL);
    in("pre", "prefix", NULL, NULL);
    in("stars", "host", NULL, NULL);
    in("long", "lend", "luser", NULL);
    in("long", "x", "y", "z");
    in("bigtriple", "after", NULL, NULL);
    in("bigtriple", "small", NULL, NULL);
    in("last", "z2", NULL, NULL);
    in("nosuchgroup", NULL, NULL, NULL);
    in("", NULL, NULL, NULL);
    return 0;
}
