// The mail alias database (<aliases.h>: setaliasent, getaliasent(_r),
// endaliasent, getaliasbyname(_r)) over /etc/aliases, glibc's files
// backend.
//
// Each case runs in a private /etc (../fixture.h: its own mount and network
// namespaces, a tmpfs over /etc) with an nsswitch.conf that says
// "aliases: files", so glibc really reads the fixture.
//   absent: no /etc/aliases (a Debian system without a mail server): the
//     _r forms say ENOENT with a null result, the plain forms null.
//   file: the fixture below: members split at commas with their blanks,
//     continuation lines (a line that starts with a blank), comments,
//     blank lines, lines without a colon or a name, an alias without
//     members, names that differ in case (an empty member between two
//     commas is left out: glibc loops forever on it), the same name twice, :include:
//     files (present, missing, with comments and blank lines), a line
//     longer than 8 KiB and one longer than the callers' buffers (ERANGE,
//     then the enumeration goes on), a last line without a newline;
//     the enumeration, rewinding, lookups, and buffers too small.
//   directory: /etc/aliases is a directory.
// Exit status 77: the fixture could not be set up (not a comparison).
// cases: absent file directory
// cflags: -D_GNU_SOURCE
#include <aliases.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../fixture.h"

static const char *errname(int e)
{
    switch (e) {
    case 0: return "0";
    case ENOENT: return "ENOENT";
    case ERANGE: return "ERANGE";
    case EISDIR: return "EISDIR";
    case EAGAIN: return "EAGAIN";
    default: return "other";
    }
}

static void show_string(const char *s)
{
    size_t n = strlen(s);
    if (n > 40)
        printf("[%zu bytes: %.10s...%s]", n, s, s + n - 10);
    else
        printf("[%s]", s);
}

static void show(const struct aliasent *a)
{
    if (!a) {
        printf(" null");
        return;
    }
    printf(" ");
    show_string(a->alias_name);
    printf(" local=%d %zu:", a->alias_local, a->alias_members_len);
    for (size_t i = 0; i < a->alias_members_len && i < 12; i++) {
        printf(" ");
        show_string(a->alias_members[i]);
    }
    if (a->alias_members_len > 12)
        printf(" ... ");
    if (a->alias_members_len > 12)
        show_string(a->alias_members[a->alias_members_len - 1]);
}

/* getaliasent_r with a buffer of `len` bytes, `n` times. */
static void enumerate_r(size_t len, int n)
{
    char *buf = malloc(len);
    printf("getaliasent_r, %zu-byte buffer:\n", len);
    for (int i = 0; i < n; i++) {
        struct aliasent a, *r = (struct aliasent *)1;
        errno = 0;
        int e = getaliasent_r(&a, buf, len, &r);
        int saved = errno;
        printf("  %s", errname(e));
        show(r);
        printf(" errno %s\n", errname(saved));
        if (e == ENOENT)
            break;
    }
    free(buf);
}

static void byname_r(const char *name, size_t len)
{
    char *buf = malloc(len);
    struct aliasent a, *r = (struct aliasent *)1;
    errno = 0;
    int e = getaliasbyname_r(name, &a, buf, len, &r);
    int saved = errno;
    printf("getaliasbyname_r(\"%s\", %zu) = %s", name, len, errname(e));
    show(r);
    printf(" errno %s\n", errname(saved));
    free(buf);
}

static void byname(const char *name)
{
    errno = 0;
    struct aliasent *a = getaliasbyname(name);
    int saved = errno;
    printf("getaliasbyname(\"%s\"):", name);
    show(a);
    printf(" errno %s\n", errname(saved));
}

static char *fixture(void)
{
    static const char head[] =
        "# /etc/aliases for the test\n"
        "\n"
        "   \n"
        "  indented-first: i\n"
        "postmaster: root\n"
        "root: alice, bob,carol ,  dave\n"
        "list: one,\n"
        "  two, three\n"
        "\tfour # a comment on a continuation\n"
        "# a comment between continuations ends the entry\n"
        " five\n"
        "six: 6\n"
        "\n"
        " after-blank\n"
        "nocolon line\n"
        ": nameless\n"
        "empty:\n"
        "trailing :  t1 , t2   \n"
        "  spaced:s\n"
        "UPPER: up\n"
        "dup: first\n"
        "dup: second\n"
        "inc: :include:/etc/aliases.inc, after\n"
        "incspace: : include:/etc/aliases.inc\n"
        "incmissing: :include:/etc/nonexistent, x\n"
        "incdir: :include:/etc\n"
        "inconly: :include:/etc/aliases.inc\n"
        "quoted: \"|/usr/bin/prog arg\", /var/mail/file\n"
        "hash: a#b, c\n"
        "comma,name: z\n"
        "colons: a:b, c:d\n"
        "cr: x\r\n"
        "vt:\vv\n";
    char *text = malloc(sizeof head + 40000);
    strcpy(text, head);
    /* A line of 12000 bytes: more than 8 KiB and the 1 KiB buffers. */
    strcat(text, "long: m0");
    for (int i = 1; i < 1000; i++)
        sprintf(text + strlen(text), ", m%03d", i);
    strcat(text, ", mend\n");
    /* An entry longer than 1 KiB only through its continuation lines. */
    strcat(text, "longcont: c0,\n");
    for (int i = 0; i < 30; i++)
        strcat(text, "  cccccccccccccccccccccccccccccccccccccccccccccccccccc,\n");
    strcat(text, "  cend\n");
    strcat(text, "afterlong: ok\n");
    strcat(text, "lastline: no, newline");
    return text;
}

int main(int argc, char **argv)
{
    const char *which = argc > 1 ? argv[1] : "absent";
    private_etc();
    fixture_nsswitch();
    if (strcmp(which, "absent") == 0) {
        byname_r("root", 256);
        setaliasent();
        enumerate_r(256, 1);
        errno = 0;
        struct aliasent *p = getaliasent();
        printf("getaliasent:");
        show(p);
        printf(" errno %s\n", errname(errno));
        endaliasent();
        byname("postmaster");
        return 0;
    }
    if (strcmp(which, "directory") == 0) {
        fixture_dir("/etc/aliases", 0755);
        byname_r("root", 256);
        enumerate_r(256, 2);
        endaliasent();
        byname("root");
        return 0;
    }
    char *text = fixture();
    fixture_file("/etc/aliases", text);
    free(text);
    fixture_file("/etc/aliases.inc",
                 "# included\n"
                 "inc1, inc2 ,inc3\n"
                 "\n"
                 "   inc4 # four\n"
                 ":include:/etc/aliases.inc2\n"
                 "inc5,,inc6");
    fixture_file("/etc/aliases.inc2", "nested\n");

    /* Without setaliasent: the first call opens the file. */
    enumerate_r(4096, 60);
    enumerate_r(4096, 1);
    setaliasent();
    enumerate_r(4096, 3);
    setaliasent();
    enumerate_r(4096, 1);
    endaliasent();

    /* The plain enumeration's own buffer grows for the long entries. */
    printf("getaliasent:\n");
    for (int i = 0; i < 60; i++) {
        errno = 0;
        struct aliasent *p = getaliasent();
        int saved = errno;
        printf(" ");
        show(p);
        printf(" errno %s\n", errname(saved));
        if (!p)
            break;
    }
    endaliasent();

    /* Buffers too small: the entry that does not fit, and what follows. */
    setaliasent();
    enumerate_r(40, 6);
    endaliasent();
    setaliasent();
    enumerate_r(1024, 60);
    endaliasent();

    const char *names[] = {
        "root", "ROOT", "Root", "postmaster", "list", "six", "five", "after-blank", "nocolon line",
        "nocolon", "", "empty", "trailing", "trailing ", "spaced", "  spaced",
        "indented-first", "upper", "dup", "inc", "incspace", "incmissing", "incdir", "inconly",
        "quoted", "hash", "comma,name", "comma", "colons", "cr", "vt", "long", "longcont",
        "afterlong", "lastline", "nosuch",
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        byname_r(names[i], 4096);
    byname_r("root", 16);
    byname_r("root", 48);
    byname_r("root", 80);
    byname_r("long", 1024);
    byname("long");
    byname("longcont");
    byname("nosuch");
    return 0;
}
