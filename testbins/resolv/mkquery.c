// res_mkquery/res_nmkquery message bytes (the random id masked), and
// res_ninit's state from /etc/resolv.conf.
// cflags: -Wl,--no-as-needed -lresolv
#include <arpa/nameser.h>
#include <netinet/in.h>
#include <resolv.h>
#include <stdio.h>
#include <string.h>

int old_res_mkquery(int, const char *, int, int, const unsigned char *, int, const unsigned char *, unsigned char *, int);
__asm__(".symver old_res_mkquery, __res_mkquery@GLIBC_2.2.5");

static void hex(const char *what, const unsigned char *p, int n)
{
    printf("%s: %d", what, n);
    for (int i = 2; i < n; i++) /* octets 0-1: the random id */
        printf(" %02x", p[i]);
    printf("\n");
}

int main(void)
{
    unsigned char buf[512];
    struct __res_state st;
    memset(&st, 0xa5, sizeof st);
    int r = res_ninit(&st);
    printf("res_ninit: %d retrans %d retry %d ndots %d init %d recurse %d nscount>0 %d\n", r, st.retrans, st.retry,
           st.ndots, !!(st.options & RES_INIT), !!(st.options & RES_RECURSE), st.nscount > 0);

    int n = res_nmkquery(&st, ns_o_query, "www.example.org", ns_c_in, ns_t_a, NULL, 0, NULL, buf, sizeof buf);
    hex("res_nmkquery A", buf, n);
    n = res_nmkquery(&st, ns_o_query, "Example.ORG.", ns_c_in, ns_t_aaaa, NULL, 0, NULL, buf, sizeof buf);
    hex("res_nmkquery AAAA", buf, n);
    n = res_nmkquery(&st, ns_o_query, "example.org", ns_c_in, 257, NULL, 0, NULL, buf, sizeof buf);
    hex("res_nmkquery CAA (type 257)", buf, n);
    n = res_nmkquery(&st, ns_o_query, ".", ns_c_chaos, ns_t_txt, NULL, 0, NULL, buf, sizeof buf);
    hex("res_nmkquery root", buf, n);
    st.options &= ~RES_RECURSE;
    n = res_nmkquery(&st, ns_o_query, "example.org", ns_c_in, ns_t_mx, NULL, 0, NULL, buf, sizeof buf);
    hex("res_nmkquery no recursion", buf, n);
    n = res_nmkquery(&st, ns_o_notify, "example.org", ns_c_in, ns_t_soa, NULL, 0, NULL, buf, sizeof buf);
    hex("res_nmkquery notify", buf, n);
    n = res_nmkquery(&st, ns_o_iquery, "example.org", ns_c_in, ns_t_a, NULL, 0, NULL, buf, sizeof buf);
    printf("res_nmkquery iquery: %d\n", n);
    n = res_nmkquery(&st, ns_o_query, "example.org", ns_c_in, 70000, NULL, 0, NULL, buf, sizeof buf);
    printf("res_nmkquery type 70000: %d\n", n);
    n = res_nmkquery(&st, ns_o_query, "example.org", ns_c_in, ns_t_a, NULL, 0, NULL, buf, 28);
    printf("res_nmkquery small: %d\n", n);
    n = res_nmkquery(&st, ns_o_query, "example.org", ns_c_in, ns_t_a, NULL, 0, NULL, buf, 29);
    printf("res_nmkquery exact: %d\n", n);
    n = res_nmkquery(&st, ns_o_query, "a..b", ns_c_in, ns_t_a, NULL, 0, NULL, buf, sizeof buf);
    printf("res_nmkquery bad name: %d\n", n);
    res_nclose(&st);

    /* The pre-2.34 res_mkquery, over _res. */
    n = old_res_mkquery(ns_o_query, "host.example.org", ns_c_in, ns_t_ptr, NULL, 0, NULL, buf, sizeof buf);
    hex("__res_mkquery", buf, n);
    /* The id is random, not a constant. */
    int same = 1;
    unsigned id0 = 0;
    for (int i = 0; i < 8; i++) {
        res_nmkquery(&st, ns_o_query, "example.org", ns_c_in, ns_t_a, NULL, 0, NULL, buf, sizeof buf);
        unsigned id = buf[0] << 8 | buf[1];
        if (i == 0)
            id0 = id;
        else if (id != id0)
            same = 0;
    }
    printf("ids vary: %d\n", !same);
    return 0;
}
