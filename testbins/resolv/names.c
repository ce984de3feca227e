// Domain names in DNS messages: dn_comp/dn_expand round trips with
// compression pointers, ns_name_* forms, malformed names, ns_initparse and
// ns_parserr over a hand-built response; res_hnok, res_dnok, res_mailok
// and res_ownok, and their pre-2.34 names __res_hnok, ... (bound to
// GLIBC_2.2.5 as an older program is), over names with and without the
// characters each allows. Linked with libresolv, as programs
// using these names are (libresolv.so.2 is a link to the shim on musl).
// cflags: -Wl,--no-as-needed -lresolv
#include <arpa/nameser.h>
#include <errno.h>
#include <netinet/in.h>
#include <resolv.h>
#include <stdio.h>
#include <string.h>

int __res_hnok(const char *);
int __res_dnok(const char *);
int __res_mailok(const char *);
int __res_ownok(const char *);
__asm__(".symver __res_hnok, __res_hnok@GLIBC_2.2.5");
__asm__(".symver __res_dnok, __res_dnok@GLIBC_2.2.5");
__asm__(".symver __res_mailok, __res_mailok@GLIBC_2.2.5");
__asm__(".symver __res_ownok, __res_ownok@GLIBC_2.2.5");

/* The pre-2.34 names, which older programs call: compatibility symbols in
 * glibc 2.34+, reached by their version. */
int old_dn_expand(const unsigned char *, const unsigned char *, const unsigned char *, char *, int);
int old_dn_comp(const char *, unsigned char *, int, unsigned char **, unsigned char **);
int old_dn_skipname(const unsigned char *, const unsigned char *);
__asm__(".symver old_dn_expand, __dn_expand@GLIBC_2.2.5");
__asm__(".symver old_dn_comp, __dn_comp@GLIBC_2.2.5");
__asm__(".symver old_dn_skipname, __dn_skipname@GLIBC_2.2.5");
#define __dn_expand old_dn_expand
#define __dn_comp old_dn_comp
#define __dn_skipname old_dn_skipname

static void hex(const char *what, const unsigned char *p, int n)
{
    printf("%s (%d):", what, n);
    for (int i = 0; i < n; i++)
        printf(" %02x", p[i]);
    printf("\n");
}

static void expand_all(const char *what, int (*expand)(const unsigned char *, const unsigned char *, const unsigned char *, char *, int),
                       const unsigned char *msg, int len, int at)
{
    char out[NS_MAXDNAME];
    memset(out, 'x', sizeof out);
    errno = 0;
    int n = expand(msg, msg + len, msg + at, out, sizeof out);
    printf("%s at %d: %d \"%s\"\n", what, at, n, n < 0 ? "" : out);
}

int main(void)
{
    unsigned char msg[512];
    unsigned char *dnptrs[8] = { msg, NULL };
    unsigned char **last = dnptrs + 8;
    int at = 12, n;
    memset(msg, 0, sizeof msg);

    /* Compression: the second and third names share suffixes with the first. */
    const char *names[] = { "www.example.org", "mail.Example.ORG.", "example.org", "org", ".", "a\\.b.example.org" };
    int offs[6];
    for (int i = 0; i < 6; i++) {
        offs[i] = at;
        n = __dn_comp(names[i], msg + at, sizeof msg - at, dnptrs, last);
        printf("__dn_comp %s: %d\n", names[i], n);
        if (n > 0)
            at += n;
    }
    hex("message", msg + 12, at - 12);
    for (int i = 0; i < 6; i++) {
        expand_all("__dn_expand", __dn_expand, msg, at, offs[i]);
        expand_all("dn_expand", dn_expand, msg, at, offs[i]);
        printf("__dn_skipname: %d dn_skipname: %d\n", __dn_skipname(msg + offs[i], msg + at),
               dn_skipname(msg + offs[i], msg + at));
    }

    /* dn_comp (musl's in 2.34+ programs) agrees with __dn_comp. */
    unsigned char msg2[512];
    unsigned char *ptrs2[8] = { msg2, NULL };
    int at2 = 12;
    for (int i = 0; i < 4; i++) {
        n = dn_comp(names[i], msg2 + at2, sizeof msg2 - at2, ptrs2, ptrs2 + 8);
        if (n > 0)
            at2 += n;
    }
    printf("dn_comp same bytes: %d\n", at2 == offs[4] && memcmp(msg + 12, msg2 + 12, at2 - 12) == 0);

    /* Without dnptrs: no compression. No room: -1. */
    n = __dn_comp("www.example.org", msg2, sizeof msg2, NULL, NULL);
    hex("uncompressed", msg2, n);
    errno = 0;
    n = __dn_comp("www.example.org", msg2, 10, NULL, NULL);
    printf("no room: %d %s\n", n, strerror(errno));
    printf("exact room: %d, one short: %d\n", __dn_comp("www.example.org", msg2, 17, NULL, NULL),
           __dn_comp("www.example.org", msg2, 16, NULL, NULL));
    unsigned char *ptrs3[8] = { msg, NULL };
    printf("pointer in exact room: %d\n", __dn_comp("www.example.org", msg + at, 2, ptrs3, ptrs3 + 8));
    n = __dn_comp("a..b", msg2, sizeof msg2, NULL, NULL);
    printf("empty label: %d\n", n);
    char big[80];
    memset(big, 'a', 64);
    strcpy(big + 64, ".org");
    printf("64-octet label: %d\n", __dn_comp(big, msg2, sizeof msg2, NULL, NULL));

    /* Malformed messages. */
    unsigned char loop[] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xc0, 12 };
    expand_all("pointer loop", __dn_expand, loop, sizeof loop, 12);
    unsigned char outside[] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 'a', 0xc0, 200 };
    expand_all("pointer outside", __dn_expand, outside, sizeof outside, 12);
    unsigned char reserved[] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x41, 'a', 0 };
    expand_all("reserved label type", __dn_expand, reserved, sizeof reserved, 12);
    unsigned char truncated[] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 'a', 'b' };
    expand_all("truncated label", __dn_expand, truncated, sizeof truncated, 12);
    printf("skip reserved: %d\n", __dn_skipname(reserved + 12, reserved + sizeof reserved));

    /* ns_name_* forms: escapes both ways. */
    unsigned char wire[NS_MAXCDNAME];
    char text[NS_MAXDNAME];
    const char *texts[] = { "a\\.b.c", "x\\065y.", "sp\\032ace", "@$;.org", ".", "", "a..", "\\256.x", "\\12" };
    for (int i = 0; i < 9; i++) {
        errno = 0;
        n = ns_name_pton(texts[i], wire, sizeof wire);
        printf("ns_name_pton \"%s\": %d", texts[i], n);
        if (n >= 0) {
            int m = ns_name_ntop(wire, text, sizeof text);
            printf(" -> ntop %d \"%s\"", m, m < 0 ? "" : text);
        } else {
            printf(" errno %s", errno == EMSGSIZE ? "EMSGSIZE" : "other");
        }
        printf("\n");
    }
    unsigned char odd[] = { 3, 'a', 1, 0x7f, 0 };
    n = ns_name_ntop(odd, text, sizeof text);
    printf("ns_name_ntop non-printable: %d \"%s\"\n", n, text);
    printf("ns_name_ntop small: %d\n", ns_name_ntop(odd, text, 4));

    n = ns_name_unpack(msg, msg + at, msg + offs[1], wire, sizeof wire);
    printf("ns_name_unpack: %d\n", n);
    const unsigned char *dnp[4] = { msg, NULL };
    unsigned char packed[64];
    n = ns_name_pack(wire, packed, sizeof packed, NULL, NULL);
    hex("ns_name_pack", packed, n);
    n = ns_name_compress("b.example.org", packed, sizeof packed, dnp, dnp + 4);
    printf("ns_name_compress against an empty list: %d\n", n);
    const unsigned char *p = msg + offs[1];
    n = ns_name_skip(&p, msg + at);
    printf("ns_name_skip: %d advanced %d\n", n, (int)(p - (msg + offs[1])));
    n = ns_name_uncompress(msg, msg + at, msg + offs[1], text, sizeof text);
    printf("ns_name_uncompress: %d \"%s\"\n", n, text);

    /* A response: header, one question, two answers (A, CNAME). */
    unsigned char r[512];
    memset(r, 0, sizeof r);
    r[0] = 0x12; r[1] = 0x34; r[2] = 0x81; r[3] = 0x80;
    r[5] = 1; r[7] = 2;
    unsigned char *rp[8] = { r, NULL };
    int len = 12;
    len += dn_comp("host.example.org", r + len, sizeof r - len, rp, rp + 8);
    unsigned char *cp = r + len;
    NS_PUT16(ns_t_a, cp); NS_PUT16(ns_c_in, cp);
    cp += dn_comp("host.example.org", cp, r + sizeof r - cp, rp, rp + 8);
    NS_PUT16(ns_t_a, cp); NS_PUT16(ns_c_in, cp); NS_PUT32(3600, cp); NS_PUT16(4, cp);
    *cp++ = 192; *cp++ = 0; *cp++ = 2; *cp++ = 7;
    cp += dn_comp("alias.example.org", cp, r + sizeof r - cp, rp, rp + 8);
    NS_PUT16(ns_t_cname, cp); NS_PUT16(ns_c_in, cp); NS_PUT32(60, cp);
    unsigned char *rdlen = cp; cp += 2;
    int rd = dn_comp("host.example.org", cp, r + sizeof r - cp, rp, rp + 8);
    NS_PUT16(rd, rdlen); cp += rd;
    len = cp - r;

    ns_msg h;
    printf("ns_initparse: %d\n", ns_initparse(r, len, &h));
    printf("id %u qd %d an %d rcode %d rd %d qr %d\n", ns_msg_id(h), ns_msg_count(h, ns_s_qd),
           ns_msg_count(h, ns_s_an), ns_msg_getflag(h, ns_f_rcode), ns_msg_getflag(h, ns_f_rd), ns_msg_getflag(h, ns_f_qr));
    for (int i = 0; i < 2; i++) {
        ns_rr rr;
        if (ns_parserr(&h, ns_s_an, i, &rr) < 0) {
            printf("ns_parserr %d failed\n", i);
            continue;
        }
        printf("rr %d: %s type %d class %d ttl %u rdlen %d", i, ns_rr_name(rr), ns_rr_type(rr), ns_rr_class(rr),
               ns_rr_ttl(rr), ns_rr_rdlen(rr));
        if (ns_rr_type(rr) == ns_t_cname) {
            char target[NS_MAXDNAME];
            dn_expand(ns_msg_base(h), ns_msg_end(h), ns_rr_rdata(rr), target, sizeof target);
            printf(" -> %s", target);
        }
        printf("\n");
    }
    ns_rr rr;
    errno = 0;
    printf("ns_parserr past the end: %d %s\n", ns_parserr(&h, ns_s_an, 2, &rr), strerror(errno));
    printf("ns_initparse truncated: %d\n", ns_initparse(r, len - 3, &h));
    printf("ns_get16 %u ns_get32 %lu\n", ns_get16(r), (unsigned long)ns_get32(r));
    const char *checked[] = {"example.org", "a-b.example", "-lead.example", "trail-.example", "under_score.org",
                             "*.wild.example", "*x.example", "john.smith.mail", "we ird", "caf\xc3\xa9.example",
                             "dot..twice", ".", "", "x"};
    for (unsigned i = 0; i < sizeof checked / sizeof *checked; i++)
        printf("[%s] hnok %d%d dnok %d%d mailok %d%d ownok %d%d\n", checked[i], res_hnok(checked[i]),
               __res_hnok(checked[i]), res_dnok(checked[i]), __res_dnok(checked[i]), res_mailok(checked[i]),
               __res_mailok(checked[i]), res_ownok(checked[i]), __res_ownok(checked[i]));
    return 0;
}
