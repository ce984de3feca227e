// musl-built callers keep musl's dn_comp (exact-case matching), dn_expand
// and ns_name_uncompress (no escapes) while the shim gives glibc's to
// glibc-built callers.
#include <arpa/nameser.h>
#include <resolv.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    unsigned char m[512] = { 0 };
    unsigned char *p[8] = { m, NULL };
    int at = 12;
    const char *names[] = { "www.example.org", "mail.Example.ORG", "a\\.b.example.org", "." };
    int offs[4];
    for (int i = 0; i < 4; i++) {
        offs[i] = at;
        int n = dn_comp(names[i], m + at, sizeof m - at, p, p + 8);
        printf("dn_comp %s: %d\n", names[i], n);
        if (n > 0)
            at += n;
    }
    for (int i = 0; i < 4; i++) {
        char out[256];
        int n = dn_expand(m, m + at, m + offs[i], out, sizeof out);
        printf("dn_expand: %d \"%s\"\n", n, out);
        n = ns_name_uncompress(m, m + at, m + offs[i], out, sizeof out);
        printf("ns_name_uncompress: %d \"%s\"\n", n, out);
    }
    return 0;
}
