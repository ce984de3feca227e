// glibc's __memcpy_chk, __memmove_chk, __memset_chk and __strcpy_chk copy
// (or fill) exactly as memcpy, memmove, memset and strcpy do when the length
// fits the destination's object size, a length equal to the size included,
// and return the destination; a length one byte over (strcpy: a string whose
// NUL does not fit) prints "*** buffer overflow detected ***: terminated"
// and aborts (SIGABRT) before writing. Lengths come through volatile
// objects and strings from argv, so gcc calls the __*_chk entry points.
// cases: memcpy_ok memcpy_exact memcpy_zero memcpy_overflow memmove_ok memmove_overlap memmove_overflow memset_ok memset_exact memset_overflow strcpy_ok strcpy_exact strcpy_overflow
#include <stdio.h>
#include <string.h>

static volatile size_t n5 = 5, n0 = 0, n16 = 16, n17 = 17, n12 = 12;
static const char src[64] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

static void show(const char *what, const char *buf, size_t n, int same)
{
    size_t i;
    printf("%s: returned dst: %s, bytes: ", what, same ? "yes" : "no");
    for (i = 0; i < n; i++)
        putchar(buf[i] >= 32 && buf[i] < 127 ? buf[i] : '.');
    putchar('\n');
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    char dst[16];
    char big[32];
    void *r;

    memset(dst, '-', sizeof dst);
    if (!strcmp(c, "memcpy_ok")) {
        r = memcpy(dst, src, n5);
        show(c, dst, sizeof dst, r == dst);
    } else if (!strcmp(c, "memcpy_exact")) {
        r = memcpy(dst, src + 10, n16);
        show(c, dst, sizeof dst, r == dst);
    } else if (!strcmp(c, "memcpy_zero")) {
        r = memcpy(dst, src, n0);
        show(c, dst, sizeof dst, r == dst);
    } else if (!strcmp(c, "memcpy_overflow")) {
        printf("before\n");
        fflush(stdout);
        r = memcpy(dst, src, n17);
        show(c, dst, sizeof dst, r == dst);
    } else if (!strcmp(c, "memmove_ok")) {
        r = memmove(dst, src, n16);
        show(c, dst, sizeof dst, r == dst);
    } else if (!strcmp(c, "memmove_overlap")) {
        memcpy(big, src, sizeof big);
        r = memmove(big + 4, big, n12);
        show("forward", big, sizeof big, r == big + 4);
        memcpy(big, src, sizeof big);
        r = memmove(big, big + 4, n12);
        show("backward", big, sizeof big, r == big);
    } else if (!strcmp(c, "memmove_overflow")) {
        memcpy(big, src, sizeof big);
        printf("before\n");
        fflush(stdout);
        r = memmove(dst, big, n17);
        show(c, dst, sizeof dst, r == dst);
    } else if (!strcmp(c, "memset_ok")) {
        r = memset(dst, 'x', n5);
        show(c, dst, sizeof dst, r == dst);
    } else if (!strcmp(c, "memset_exact")) {
        r = memset(dst, 'y', n16);
        show(c, dst, sizeof dst, r == dst);
    } else if (!strcmp(c, "memset_overflow")) {
        printf("before\n");
        fflush(stdout);
        r = memset(dst, 'z', n17);
        show(c, dst, sizeof dst, r == dst);
    } else if (!strcmp(c, "strcpy_ok")) {
        /* "strcpy_ok" is 9 bytes with its NUL. */
        r = strcpy(dst, argv[1]);
        show(c, dst, sizeof dst, r == dst);
    } else if (!strcmp(c, "strcpy_exact")) {
        /* "strcpy_exact" + "abc" is 15 characters plus the NUL: 16. */
        char s[32];
        strcpy(s, argv[1]);
        strcat(s, "abc");
        r = strcpy(dst, s);
        show(c, dst, sizeof dst, r == dst);
    } else if (!strcmp(c, "strcpy_overflow")) {
        /* "strcpy_overflow" + "x" is 16 characters: the NUL overflows. */
        char s[32];
        strcpy(s, argv[1]);
        strcat(s, "x");
        printf("before\n");
        fflush(stdout);
        r = strcpy(dst, s);
        show(c, dst, sizeof dst, r == dst);
    } else {
        printf("unknown case\n");
        return 2;
    }
    return 0;
}
