// libresolv's b64_ntop/b64_pton (__b64_*), inet_net_pton, inet_net_ntop,
// inet_neta, and the res_hnok family.
// cflags: -Wl,--no-as-needed -lresolv
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <resolv.h>
#include <stdio.h>
#include <string.h>

static const char *err(void)
{
    return errno == ENOENT ? "ENOENT" : errno == EMSGSIZE ? "EMSGSIZE" : errno == EINVAL ? "EINVAL"
         : errno == EAFNOSUPPORT ? "EAFNOSUPPORT" : "other";
}

int main(void)
{
    const char *plain[] = { "", "f", "fo", "foo", "foob", "fooba", "foobar", "\xff\xfe\x00\x01" };
    for (int i = 0; i < 8; i++) {
        char text[64];
        size_t len = i == 7 ? 4 : strlen(plain[i]);
        int n = b64_ntop((const unsigned char *)plain[i], len, text, sizeof text);
        printf("b64_ntop %zu octets: %d \"%s\"", len, n, n < 0 ? "" : text);
        unsigned char back[64];
        memset(back, 0, sizeof back);
        int m = b64_pton(text, back, sizeof back);
        printf(" -> b64_pton %d %s\n", m, m == (int)len && memcmp(back, plain[i], len) == 0 ? "same" : "differs");
    }
    char small[8];
    printf("b64_ntop exact room: %d\n", b64_ntop((const unsigned char *)"foobar", 6, small, 8));
    printf("b64_ntop no room for NUL: %d\n", b64_ntop((const unsigned char *)"fooba", 5, small, 8));
    const char *texts[] = { "Zm9v YmFy\n", "Zm9vYg==", "Zm9vYg=", "Zm9vYmE=", "Zm9vYmE", "Zm9v!", "Zm9vYh==",
                            "Zg==  ", "Zg== x", "=", "Zm9vYmE=Zg" };
    for (int i = 0; i < 11; i++) {
        unsigned char out[64];
        memset(out, 0, sizeof out);
        int n = b64_pton(texts[i], out, sizeof out);
        int c = b64_pton(texts[i], NULL, 0);
        printf("b64_pton \"%s\": %d (count %d)", texts[i], n, c);
        for (int k = 0; k < n; k++)
            printf(" %02x", out[k]);
        printf("\n");
    }
    unsigned char tiny[3];
    printf("b64_pton \"Zm9v\" into 3: %d\n", b64_pton("Zm9v", tiny, 3));
    printf("b64_pton \"Zm8=\" into 2: %d\n", b64_pton("Zm8=", tiny, 2));

    const char *nets[] = { "10", "10.1", "192.168.1", "192.168.1.0/24", "10.1.2.0/23", "172.16/12", "224.1",
                           "240.0.0.1", "0x0a01", "0xC0A8", "0x1", "1.2.3.4/33", "1.2.3.4.5", "256.1", "1..2",
                           "1.2/", "/8", "abc", "1.2.3.4/8", "128/9" };
    for (int i = 0; i < 20; i++) {
        unsigned char net[16];
        memset(net, 0xee, sizeof net);
        errno = 0;
        int bits = inet_net_pton(AF_INET, nets[i], net, 4);
        printf("inet_net_pton \"%s\": %d", nets[i], bits);
        if (bits < 0) {
            printf(" %s\n", err());
            continue;
        }
        printf(" %u.%u.%u.%u", net[0], net[1], net[2], net[3]);
        char text[64];
        char *r = inet_net_ntop(AF_INET, net, bits, text, sizeof text);
        printf(" -> \"%s\"\n", r ? r : "(null)");
    }
    unsigned char net[4];
    errno = 0;
    printf("inet_net_pton into 1: %d %s\n", inet_net_pton(AF_INET, "10.1.2", net, 1), err());
    errno = 0;
    printf("inet_net_pton AF_INET6: %d %s\n", inet_net_pton(AF_INET6, "::1", net, 4), err());
    unsigned char addr[4] = { 192, 168, 37, 200 };
    int widths[] = { 0, 1, 7, 8, 13, 24, 31, 32, 33, -1 };
    for (int i = 0; i < 10; i++) {
        char text[32];
        errno = 0;
        char *r = inet_net_ntop(AF_INET, addr, widths[i], text, sizeof text);
        printf("inet_net_ntop /%d: %s%s\n", widths[i], r ? r : "NULL ", r ? "" : err());
    }
    char text[32];
    errno = 0;
    char *r = inet_net_ntop(AF_INET, addr, 24, text, 8);
    printf("inet_net_ntop small: %s %s\n", r ? r : "NULL", r ? "" : err());
    unsigned int netas[] = { 0, 0x0a000000, 0x0a000001, 0xc0a80100, 0x7f000001, 0xffffffff, 0x00000001 };
    for (int i = 0; i < 7; i++) {
        char buf[32];
        r = inet_neta(netas[i], buf, sizeof buf);
        printf("inet_neta %08x: %s\n", netas[i], r ? r : "NULL");
    }
    errno = 0;
    r = inet_neta(0xc0a80101, text, 6);
    printf("inet_neta small: %s %s\n", r ? r : "NULL", r ? "" : err());

    const char *hosts[] = { "www.example.org", "-bad.example", "ok-.example", "a_b.c", "sp ace", "*.example.org",
                            "user.name.example.org", "x\\.y.org", "a..b", "", ".", "a.-b.org" };
    for (int i = 0; i < 12; i++)
        printf("\"%s\": hnok %d ownok %d mailok %d dnok %d\n", hosts[i], res_hnok(hosts[i]), res_ownok(hosts[i]),
               res_mailok(hosts[i]), res_dnok(hosts[i]));
    return 0;
}
