// glibc's reentrant netdb functions over this machine's /etc files, with
// properties that hold on any Debian system: tcp is protocol 6 (alias
// TCP), the enumerations' counts equal the parseable lines (counted here
// by the test itself), ERANGE with a tiny buffer and the same entry again
// after it, ENOENT at the end, 0 and a null result for unknown names, the
// h_errno values, and /etc/rpc's portmapper (100000).
// cflags: -D_GNU_SOURCE
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <netdb.h>
#include <rpc/netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Lines with at least two fields before any '#', the second one
 * accepted by `ok`. */
static int count_lines(const char *path, int (*ok)(const char *))
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char line[4096];
    int n = 0;
    while (fgets(line, sizeof line, f)) {
        char *hash = strchr(line, '#');
        if (hash)
            *hash = 0;
        char a[1024], b[1024];
        if (sscanf(line, "%1023s %1023s", a, b) == 2 && ok(b))
            n++;
    }
    fclose(f);
    return n;
}

static int decimal(const char *s)
{
    for (; *s; s++)
        if (!isdigit((unsigned char)*s))
            return 0;
    return 1;
}

static int port_proto(const char *s)
{
    const char *slash = strchr(s, '/');
    if (!slash || slash == s || !slash[1])
        return 0;
    for (const char *p = s; p < slash; p++)
        if (!isdigit((unsigned char)*p))
            return 0;
    return atoi(s) <= 65535;
}

static int network(const char *s)
{
    return inet_network(s) != (in_addr_t)-1;
}

int main(void)
{
    char buf[4096], tiny[4];
    int e, h;

    struct protoent pe, *pr;
    e = getprotobyname_r("tcp", &pe, buf, sizeof buf, &pr);
    printf("getprotobyname_r tcp: %d %s %d alias %s\n", e, pr ? pr->p_name : "-", pe.p_proto, pe.p_aliases[0]);
    e = getprotobyname_r("TCP", &pe, buf, sizeof buf, &pr);
    printf("getprotobyname_r TCP (alias): %d %s\n", e, pr ? pr->p_name : "-");
    e = getprotobyname_r("Tcp", &pe, buf, sizeof buf, &pr);
    printf("getprotobyname_r Tcp: %d %s\n", e, pr ? pr->p_name : "null");
    e = getprotobynumber_r(17, &pe, buf, sizeof buf, &pr);
    printf("getprotobynumber_r 17: %d %s\n", e, pr ? pr->p_name : "-");
    e = getprotobynumber_r(9999, &pe, buf, sizeof buf, &pr);
    printf("getprotobynumber_r 9999: %d %s\n", e, pr ? "found" : "null");
    pr = &pe;
    e = getprotobyname_r("tcp", &pe, tiny, sizeof tiny, &pr);
    printf("getprotobyname_r tiny: %d %s\n", e, pr ? "found" : "null");
    int n = 0;
    setprotoent(0);
    while ((e = getprotoent_r(&pe, buf, sizeof buf, &pr)) == 0)
        n++;
    endprotoent();
    printf("getprotoent_r: %d entries, %d lines, end %d %s\n", n, count_lines("/etc/protocols", decimal), e,
           pr ? "found" : "null");
    setprotoent(0);
    e = getprotoent_r(&pe, tiny, sizeof tiny, &pr);
    printf("getprotoent_r tiny: %d\n", e);
    e = getprotoent_r(&pe, buf, sizeof buf, &pr);
    char first[256];
    snprintf(first, sizeof first, "%s", pe.p_name);
    endprotoent();
    setprotoent(0);
    getprotoent_r(&pe, buf, sizeof buf, &pr);
    printf("after ERANGE the same first entry: %d %d\n", e, strcmp(first, pe.p_name) == 0);
    endprotoent();

    struct servent se, *sr;
    n = 0;
    setservent(0);
    while ((e = getservent_r(&se, buf, sizeof buf, &sr)) == 0) {
        if (n == 0)
            printf("first service port byte order ok: %d\n", ntohs(se.s_port) > 0);
        n++;
    }
    endservent();
    printf("getservent_r: %d entries, %d lines, end %d\n", n, count_lines("/etc/services", port_proto), e);
    int ssh = 0;
    setservent(0);
    while (getservent_r(&se, buf, sizeof buf, &sr) == 0)
        if (!strcmp(se.s_name, "ssh") && !strcmp(se.s_proto, "tcp"))
            ssh = ntohs(se.s_port);
    endservent();
    printf("ssh/tcp port %d\n", ssh);

    struct netent ne, *nr;
    h = 12345;
    e = getnetbyname_r("loopback", &ne, buf, sizeof buf, &nr, &h);
    printf("getnetbyname_r loopback: %d %s %#x type %d h %d\n", e, nr ? nr->n_name : "-", ne.n_net, ne.n_addrtype, h);
    e = getnetbyname_r("LOOPBACK", &ne, buf, sizeof buf, &nr, &h);
    printf("getnetbyname_r LOOPBACK: %d %s\n", e, nr ? nr->n_name : "null");
    e = getnetbyname_r("no-such-net", &ne, buf, sizeof buf, &nr, &h);
    printf("getnetbyname_r unknown: %d %s h %d\n", e, nr ? "found" : "null", h);
    e = getnetbyname_r("loopback", &ne, tiny, sizeof tiny, &nr, &h);
    printf("getnetbyname_r tiny: %d %s h %d\n", e, nr ? "found" : "null", h);
    e = getnetbyaddr_r(0x7f000000, AF_INET, &ne, buf, sizeof buf, &nr, &h);
    printf("getnetbyaddr_r 127.0.0.0: %d %s h %d\n", e, nr ? nr->n_name : "null", h);
    e = getnetbyaddr_r(0x7f000000, AF_INET6, &ne, buf, sizeof buf, &nr, &h);
    printf("getnetbyaddr_r AF_INET6: %d %s h %d\n", e, nr ? nr->n_name : "null", h);
    n = 0;
    setnetent(0);
    while ((e = getnetent_r(&ne, buf, sizeof buf, &nr, &h)) == 0)
        n++;
    endnetent();
    printf("getnetent_r: %d entries, %d lines, end %d h %d\n", n, count_lines("/etc/networks", network), e, h);

    struct hostent he, *hr;
    n = 0;
    int v4 = 1;
    sethostent(0);
    h = 12345;
    while ((e = gethostent_r(&he, buf, sizeof buf, &hr, &h)) == 0) {
        v4 &= he.h_addrtype == AF_INET && he.h_length == 4 && he.h_addr_list[0] && !he.h_addr_list[1];
        n++;
    }
    endhostent();
    printf("gethostent_r: %d entries (some %d), all IPv4 %d, end %d h %d\n", n, n > 0, v4, e, h);
    sethostent(0);
    e = gethostent_r(&he, tiny, sizeof tiny, &hr, &h);
    printf("gethostent_r tiny: %d h %d\n", e, h);
    endhostent();

    struct rpcent re, *rr;
    e = getrpcbyname_r("portmapper", &re, buf, sizeof buf, &rr);
    printf("getrpcbyname_r portmapper: %d %d\n", e, rr ? rr->r_number : -1);
    e = getrpcbynumber_r(100000, &re, buf, sizeof buf, &rr);
    printf("getrpcbynumber_r 100000: %d %s\n", e, rr ? rr->r_name : "-");
    e = getrpcbynumber_r(42, &re, buf, sizeof buf, &rr);
    printf("getrpcbynumber_r 42: %d %s\n", e, rr ? "found" : "null");
    e = getrpcbyname_r("portmapper", &re, tiny, sizeof tiny, &rr);
    printf("getrpcbyname_r tiny: %d %s\n", e, rr ? "found" : "null");
    struct rpcent *rp = getrpcbyname("portmapper");
    printf("getrpcbyname: %d\n", rp ? rp->r_number : -1);
    rp = getrpcbynumber(100003);
    printf("getrpcbynumber 100003: %s\n", rp ? rp->r_name : "null");
    printf("getrpcbyname unknown: %s\n", getrpcbyname("no-such-program") ? "found" : "null");
    n = 0;
    setrpcent(0);
    while (getrpcent())
        n++;
    int again = getrpcent() != NULL;
    setrpcent(0);
    int restarted = getrpcent() != NULL;
    endrpcent();
    printf("getrpcent: %d entries, %d lines, after the end %d, after setrpcent %d\n", n,
           count_lines("/etc/rpc", decimal), again, restarted);
    n = 0;
    setrpcent(1);
    while ((e = getrpcent_r(&re, buf, sizeof buf, &rr)) == 0)
        n++;
    printf("getrpcent_r: %d entries, end %d %s\n", n, e, rr ? "found" : "null");
    endrpcent();
    return 0;
}
