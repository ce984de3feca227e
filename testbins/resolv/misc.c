// libresolv's smaller helpers: dn_count_labels, putlong/putshort,
// _getlong/_getshort, res_randomid, res_init and _res, res_nameinquery,
// res_queriesmatch.
// cflags: -Wl,--no-as-needed -lresolv
#include <arpa/nameser.h>
#include <netinet/in.h>
#include <resolv.h>
#include <stdio.h>
#include <string.h>

unsigned long _getlong(const unsigned char *);
unsigned short _getshort(const unsigned char *);

static int query(unsigned char *buf, const char *name, int type)
{
    struct __res_state st;
    res_ninit(&st);
    int n = res_nmkquery(&st, ns_o_query, name, ns_c_in, type, NULL, 0, NULL, buf, 512);
    res_nclose(&st);
    return n;
}

int main(void)
{
    const char *names[] = { "www.example.org", "www.example.org.", "*.example.org", "org", "", ".", "a.b.c.d.e" };
    for (int i = 0; i < 7; i++)
        printf("dn_count_labels \"%s\": %d\n", names[i], dn_count_labels(names[i]));

    unsigned char b[8] = { 0 };
    putlong(0x01020304, b);
    putshort(0xa0b0, b + 4);
    printf("putlong/putshort: %02x %02x %02x %02x %02x %02x\n", b[0], b[1], b[2], b[3], b[4], b[5]);
    printf("_getlong %lx _getshort %x\n", _getlong(b), _getshort(b + 4));
    unsigned char hi[4] = { 0xff, 0xfe, 0xfd, 0xfc };
    printf("_getlong high bit: %lx\n", _getlong(hi));

    unsigned id = res_randomid();
    int varies = 0;
    for (int i = 0; i < 16; i++)
        varies |= res_randomid() != id;
    printf("res_randomid fits 16 bits: %d, varies: %d\n", id <= 0xffff, varies);

    printf("res_init: %d\n", res_init());
    printf("_res: init %d recurse %d retrans %d retry %d ndots %d nscount>0 %d\n", !!(_res.options & RES_INIT),
           !!(_res.options & RES_RECURSE), _res.retrans, _res.retry, _res.ndots, _res.nscount > 0);

    unsigned char q1[512], q2[512], q3[512], q4[512];
    int n1 = query(q1, "www.example.org", ns_t_a);
    int n2 = query(q2, "WWW.Example.ORG.", ns_t_a);
    int n3 = query(q3, "www.example.org", ns_t_aaaa);
    int n4 = query(q4, "mail.example.org", ns_t_a);
    printf("res_nameinquery: %d %d %d %d\n", res_nameinquery("www.example.org", ns_t_a, ns_c_in, q1, q1 + n1),
           res_nameinquery("WWW.EXAMPLE.ORG.", ns_t_a, ns_c_in, q1, q1 + n1),
           res_nameinquery("www.example.org", ns_t_aaaa, ns_c_in, q1, q1 + n1),
           res_nameinquery("www.example.org", ns_t_a, ns_c_in, q1, q1 + n1 - 3));
    printf("res_queriesmatch: %d %d %d %d\n", res_queriesmatch(q1, q1 + n1, q2, q2 + n2),
           res_queriesmatch(q1, q1 + n1, q3, q3 + n3), res_queriesmatch(q1, q1 + n1, q4, q4 + n4),
           res_queriesmatch(q1, q1 + 5, q2, q2 + n2));
    return 0;
}
