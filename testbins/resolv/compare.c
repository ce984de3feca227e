// libresolv's name comparisons and TTL text: ns_makecanon, ns_samename,
// ns_samedomain, ns_subdomain, ns_name_ntol, ns_name_rollback,
// ns_parse_ttl, ns_format_ttl.
// cflags: -Wl,--no-as-needed -lresolv
#include <arpa/nameser.h>
#include <errno.h>
#include <resolv.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    const char *canon[] = { "example.org", "example.org.", "example.org...", "a\\.", "a\\\\.", "", "." };
    for (int i = 0; i < 7; i++) {
        char out[64];
        int r = ns_makecanon(canon[i], out, sizeof out);
        printf("ns_makecanon \"%s\": %d \"%s\"\n", canon[i], r, r == 0 ? out : "");
    }
    char tiny[12];
    errno = 0;
    printf("ns_makecanon small: %d %d\n", ns_makecanon("example.org", tiny, sizeof tiny), errno == EMSGSIZE);
    printf("ns_makecanon exact: %d\n", ns_makecanon("example.or", tiny, sizeof tiny));

    const char *pairs[][2] = { { "www.Example.ORG", "example.org" }, { "example.org.", "EXAMPLE.org" },
                               { "example.org", "www.example.org" }, { "xexample.org", "example.org" },
                               { "a.b", "" }, { "a.b", "." }, { "a\\.example.org", "example.org" },
                               { "a\\\\.example.org", "example.org" }, { "org", "org." }, { "x.org", "rg" } };
    for (int i = 0; i < 10; i++)
        printf("\"%s\" vs \"%s\": samename %d samedomain %d subdomain %d\n", pairs[i][0], pairs[i][1],
               ns_samename(pairs[i][0], pairs[i][1]), ns_samedomain(pairs[i][0], pairs[i][1]),
               ns_subdomain(pairs[i][0], pairs[i][1]));

    unsigned char wire[] = { 3, 'W', 'w', 'W', 7, 'E', 'x', 'A', 'm', 'p', 'l', 'E', 3, 'O', 'r', 'G', 0 };
    unsigned char low[64];
    int n = ns_name_ntol(wire, low, sizeof low);
    printf("ns_name_ntol: %d", n);
    for (int i = 0; i < n; i++)
        printf(" %02x", low[i]);
    printf("\nns_name_ntol small: %d\n", ns_name_ntol(wire, low, 10));

    unsigned char msg[256];
    const unsigned char *dnptrs[6] = { msg, msg + 12, msg + 30, msg + 50, NULL };
    ns_name_rollback(msg + 30, dnptrs, dnptrs + 6);
    printf("ns_name_rollback: %d %d %d %d\n", dnptrs[0] != NULL, dnptrs[1] != NULL, dnptrs[2] != NULL, dnptrs[3] != NULL);

    const char *ttls[] = { "3600", "1W", "1w2d3h4m5s", "90M", "2h30", "h", "", "1X", "10S5", "0", "1d 1h" };
    for (int i = 0; i < 11; i++) {
        unsigned long ttl = 12345;
        int r = ns_parse_ttl(ttls[i], &ttl);
        printf("ns_parse_ttl \"%s\": %d %lu\n", ttls[i], r, r == 0 ? ttl : 0);
    }
    unsigned long secs[] = { 0, 59, 60, 3600, 86400, 604800, 694861, 90061, 1209600, 4294967295UL };
    for (int i = 0; i < 10; i++) {
        char out[64];
        int r = ns_format_ttl(secs[i], out, sizeof out);
        printf("ns_format_ttl %lu: %d \"%s\"\n", secs[i], r, r >= 0 ? out : "");
    }
    char small[4];
    printf("ns_format_ttl small: %d\n", ns_format_ttl(694861, small, sizeof small));
    return 0;
}
