// __memset_explicit_chk (GLIBC_2.43): what _FORTIFY_SOURCE makes of C23's
// memset_explicit since glibc 2.43. No glibc here has it (the oracles are
// 2.36 and 2.41), so this checks glibc's documented behaviour (glibc 2.43
// debug/memset_explicit_chk.c, string/bits/string_fortified.h), run under
// musl + the shim and compared with memset_explicit_chk.expected:
// __memset_explicit_chk(dst, c, len, dstlen) fails (__chk_fail: "***
// buffer overflow detected ***: terminated", SIGABRT) when dstlen < len;
// else it sets len bytes of dst to (unsigned char)c and returns dst.
// cases: fits overflow
#include <stdio.h>
#include <string.h>

void *__memset_explicit_chk(void *, int, size_t, size_t);

static void show(const unsigned char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        printf("%02x", b[i]);
    printf("\n");
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    unsigned char buf[8];
    setvbuf(stdout, NULL, _IONBF, 0);
    if (!strcmp(c, "fits")) {
        memset(buf, 0x11, sizeof buf);
        printf("len 8, dstlen 8, returns dst: %s: ", __memset_explicit_chk(buf, 0xab, 8, 8) == buf ? "yes" : "no");
        show(buf, 8);
        memset(buf, 0x11, sizeof buf);
        printf("len 3, dstlen 8, returns dst: %s: ", __memset_explicit_chk(buf, 0x1ff, 3, 8) == buf ? "yes" : "no");
        show(buf, 8);
        memset(buf, 0x11, sizeof buf);
        printf("len 0, dstlen 0, returns dst: %s: ", __memset_explicit_chk(buf, 0, 0, 0) == buf ? "yes" : "no");
        show(buf, 8);
        printf("len 2, dstlen (size_t)-1, returns dst: %s: ",
               __memset_explicit_chk(buf + 6, 0, 2, (size_t)-1) == buf + 6 ? "yes" : "no");
        show(buf, 8);
    } else if (!strcmp(c, "overflow")) {
        printf("len 9, dstlen 8\n");
        __memset_explicit_chk(buf, 0, 9, 8);
        printf("returned\n");
    }
    return 0;
}
