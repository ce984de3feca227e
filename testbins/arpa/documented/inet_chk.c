// __inet_ntop_chk and __inet_pton_chk (GLIBC_2.42): what _FORTIFY_SOURCE
// makes of inet_ntop and inet_pton since glibc 2.42. No glibc here has them
// (the oracles are 2.36 and 2.41), so this checks glibc's documented
// behaviour (glibc 2.42 debug/inet_ntop_chk.c, debug/inet_pton_chk.c;
// arpa/inet.h's bits/inet-fortified-decl.h), run under musl + the shim and
// compared with inet_chk.expected:
// - __inet_ntop_chk(af, src, dst, size, dst_size) fails (__chk_fail:
//   "*** buffer overflow detected ***: terminated", SIGABRT) when the size
//   the caller claims is larger than the buffer (size > dst_size); else it
//   is inet_ntop (NULL with ENOSPC when the text does not fit `size`,
//   EAFNOSUPPORT for an unknown family);
// - __inet_pton_chk(af, src, dst, dst_size) fails when the destination
//   cannot hold the family's address (AF_INET: 4 bytes, AF_INET6: 16);
//   other families are not checked; else it is glibc's inet_pton, which
//   writes the destination only when the text is a valid address.
// cases: ntop pton ntop_overflow pton_overflow4 pton_overflow6
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

const char *__inet_ntop_chk(int, const void *, char *, socklen_t, size_t);
int __inet_pton_chk(int, const char *, void *, size_t);

static const char *err(int e)
{
    return e == 0 ? "0" : e == ENOSPC ? "ENOSPC" : e == EAFNOSUPPORT ? "EAFNOSUPPORT" : "other";
}

static void ntop(int af, const void *src, socklen_t size, size_t dst_size)
{
    char buf[64];
    memset(buf, '#', sizeof buf);
    errno = 0;
    const char *r = __inet_ntop_chk(af, src, buf, size, dst_size);
    printf("__inet_ntop_chk(%d, size %u, dst_size %zu) = %s%s%s errno %s\n", af, size, dst_size,
           r == buf ? "dst [" : r ? "?" : "NULL", r == buf ? buf : "", r == buf ? "]" : "", err(errno));
}

static void pton(int af, const char *text, size_t dst_size)
{
    unsigned char dst[20];
    memset(dst, 0xee, sizeof dst);
    errno = 0;
    int r = __inet_pton_chk(af, text, dst, dst_size);
    printf("__inet_pton_chk(%d, \"%s\", dst_size %zu) = %d errno %s:", af, text, dst_size, r, err(errno));
    for (int i = 0; i < 17; i++)
        printf(" %02x", dst[i]);
    printf("\n");
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    unsigned char v4[4] = {10, 1, 2, 3};
    unsigned char v6[16] = {0x20, 0x01, 0x0d, 0xb8, [15] = 1};
    setvbuf(stdout, NULL, _IONBF, 0);
    if (!strcmp(c, "ntop")) {
        ntop(AF_INET, v4, 16, 16);
        ntop(AF_INET, v4, 16, 64);
        ntop(AF_INET, v4, 9, 9);
        ntop(AF_INET, v4, 8, 9);
        ntop(AF_INET6, v6, 46, 46);
        ntop(AF_INET6, v6, 12, 12);
        ntop(AF_INET6, v6, 11, 12);
        ntop(12345, v4, 16, 16);
        ntop(AF_INET, v4, 0, 0);
    } else if (!strcmp(c, "pton")) {
        pton(AF_INET, "10.1.2.3", 4);
        pton(AF_INET, "10.1.2.3", 16);
        pton(AF_INET, "10.1.2", 4);
        pton(AF_INET, "10.1.2.300", 4);
        pton(AF_INET, "::1", 4);
        pton(AF_INET6, "2001:db8::1", 16);
        pton(AF_INET6, "::ffff:10.1.2.3", 17);
        pton(AF_INET6, "2001:db8::g", 16);
        pton(12345, "10.1.2.3", 0);
    } else if (!strcmp(c, "ntop_overflow")) {
        printf("claiming 17 bytes of a 16-byte buffer\n");
        ntop(AF_INET, v4, 17, 16);
    } else if (!strcmp(c, "pton_overflow4")) {
        printf("AF_INET into 3 bytes\n");
        pton(AF_INET, "10.1.2.3", 3);
    } else if (!strcmp(c, "pton_overflow6")) {
        printf("AF_INET6 into 15 bytes\n");
        pton(AF_INET6, "::1", 15);
    }
    return 0;
}
