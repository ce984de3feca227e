// Malformed domain names (issue 16, item 8), each answer printed: escapes
// cut short at the end of a name (a trailing backslash, "\1", "\12"),
// through ns_name_pton and the res_*ok checks that parse with it; wire
// names with no terminator before the end of the message, through
// ns_name_skip and dn_skipname; dn_count_labels with a wildcard label.
// cflags: -Wl,--no-as-needed -lresolv
#include <arpa/nameser.h>
#include <errno.h>
#include <netinet/in.h>
#include <resolv.h>
#include <stdio.h>
#include <string.h>

int dn_count_labels(const char *);

static void pton(const char *name)
{
    unsigned char wire[NS_MAXCDNAME + 8];
    memset(wire, 0xee, sizeof wire);
    errno = 0;
    int r = ns_name_pton(name, wire, sizeof wire);
    printf("ns_name_pton(\"%s\") = %d", name, r);
    if (r < 0)
        printf(" errno %s", errno == EMSGSIZE ? "EMSGSIZE" : strerror(errno));
    else
        for (int i = 0; i < 12 && i < NS_MAXCDNAME; i++)
            printf(" %02x", wire[i]);
    printf("\n");
}

static void checks(const char *name)
{
    printf("hnok %d dnok %d mailok %d ownok %d: \"%s\"\n", res_hnok(name), res_dnok(name), res_mailok(name),
           res_ownok(name), name);
}

static void skip(const char *what, const unsigned char *msg, size_t len)
{
    const unsigned char *p = msg;
    errno = 0;
    int r = ns_name_skip(&p, msg + len);
    printf("%s: ns_name_skip %d (moved %d)", what, r, (int)(p - msg));
    errno = 0;
    printf(" dn_skipname %d\n", dn_skipname(msg, msg + len));
}

int main(void)
{
    const char *names[] = {"ab\\", "a\\1", "a\\12", "\\", "a.b\\", "a\\.b", "a\\\\", "a\\065", "a\\256", "x", "user",
                           "user.example", "a..b", ".", "", "*", "*.a", "-a.b", "a_b.c"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        pton(names[i]);
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        checks(names[i]);

    unsigned char m[64];
    memcpy(m, "\3abc\0", 5);
    skip("terminated", m, 5);
    skip("no terminator", m, 4);
    memcpy(m, "\3abc\2de", 7);
    skip("label past the end", m, 6);
    skip("label to the end, no terminator", m, 7);
    memcpy(m, "\3abc\xc0\x00", 6);
    skip("pointer", m, 6);
    skip("pointer cut", m, 5);
    memcpy(m, "\x41", 1);
    skip("reserved label type", m, 1);
    skip("empty", m, 0);

    const char *counted[] = {"", ".", "*", "*.", "*.a", "*.a.", "a", "a.", "a.b", "a.b.", "*a.b", "..", "*.*"};
    for (size_t i = 0; i < sizeof counted / sizeof *counted; i++)
        printf("dn_count_labels(\"%s\") = %d\n", counted[i], dn_count_labels(counted[i]));
    return 0;
}
