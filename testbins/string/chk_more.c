// glibc's fortified <string.h> copies beyond memcpy/strcpy: __mempcpy_chk,
// __stpcpy_chk, __stpncpy_chk, __strncpy_chk and __explicit_bzero_chk fail
// when the length (stpcpy: the string and its NUL) exceeds the
// destination's object size; __strcat_chk and __strncat_chk when the result
// (old string + appended part + NUL) does not fit. A copy that fits exactly
// is fine. A failure prints "*** buffer overflow detected ***: terminated"
// and aborts (SIGABRT). Lengths and sources come through volatile objects,
// so gcc calls the __*_chk entry points at run time.
// cases: mempcpy_ok mempcpy_overflow stpcpy_ok stpcpy_overflow stpncpy_ok stpncpy_overflow strncpy_ok strncpy_overflow strcat_ok strcat_overflow strncat_ok strncat_overflow strncat_short_src strncat_zero explicit_bzero_ok explicit_bzero_overflow
// cflags: -D_GNU_SOURCE
#include <stdio.h>
#include <string.h>

static const char *volatile src7 = "abcdefg";   /* 7 + NUL: fits 8 */
static const char *volatile src8 = "abcdefgh";  /* 8 + NUL: 9 */
static const char *volatile abc = "abc";
static const char *volatile tail4 = "defg";
static const char *volatile tail5 = "defgh";
static volatile size_t n4 = 4, n5 = 5, n8 = 8, n9 = 9, n0 = 0;

/* Keeps gcc from folding strcpy + strcat into one copy. */
#define BARRIER() __asm__ volatile("" ::: "memory")

static void show(const char *what, const char *buf, size_t len)
{
    printf("%s:", what);
    for (size_t i = 0; i < len; i++)
        printf(" %02x", (unsigned char)buf[i]);
    printf("\n");
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    char buf[8];
    memset(buf, 'x', sizeof buf);
    printf("case %s\n", c);
    fflush(stdout);

    if (!strcmp(c, "mempcpy_ok")) {
        char *end = mempcpy(buf, src8, n8);
        printf("end-buf=%d\n", (int)(end - buf));
        show("buf", buf, 8);
    } else if (!strcmp(c, "mempcpy_overflow")) {
        mempcpy(buf, src8, n9);
        show("buf", buf, 8);
    } else if (!strcmp(c, "stpcpy_ok")) {
        char *end = stpcpy(buf, src7);
        printf("end-buf=%d %s\n", (int)(end - buf), buf);
    } else if (!strcmp(c, "stpcpy_overflow")) {
        stpcpy(buf, src8);
        show("buf", buf, 8);
    } else if (!strcmp(c, "stpncpy_ok")) {
        char *end = stpncpy(buf, tail4, n8);
        printf("end-buf=%d\n", (int)(end - buf));
        show("buf", buf, 8);
    } else if (!strcmp(c, "stpncpy_overflow")) {
        stpncpy(buf, tail4, n9);
        show("buf", buf, 8);
    } else if (!strcmp(c, "strncpy_ok")) {
        strncpy(buf, src8, n8);
        show("buf", buf, 8);
    } else if (!strcmp(c, "strncpy_overflow")) {
        strncpy(buf, tail4, n9);
        show("buf", buf, 8);
    } else if (!strcmp(c, "strcat_ok")) {
        strcpy(buf, abc);
        BARRIER();
        strcat(buf, tail4);
        printf("%s\n", buf);
    } else if (!strcmp(c, "strcat_overflow")) {
        strcpy(buf, abc);
        BARRIER();
        strcat(buf, tail5);
        printf("%s\n", buf);
    } else if (!strcmp(c, "strncat_ok")) {
        strcpy(buf, abc);
        BARRIER();
        strncat(buf, src8, n4);
        printf("%s\n", buf);
    } else if (!strcmp(c, "strncat_overflow")) {
        strcpy(buf, abc);
        BARRIER();
        strncat(buf, src8, n5);
        printf("%s\n", buf);
    } else if (!strcmp(c, "strncat_short_src")) {
        /* n is larger than the room, but the source ends first: fits. */
        strcpy(buf, abc);
        BARRIER();
        strncat(buf, tail4, n9);
        printf("%s\n", buf);
    } else if (!strcmp(c, "strncat_zero")) {
        strcpy(buf, src7);
        BARRIER();
        strncat(buf, src8, n0);
        printf("%s\n", buf);
    } else if (!strcmp(c, "explicit_bzero_ok")) {
        explicit_bzero(buf, n8);
        show("buf", buf, 8);
    } else if (!strcmp(c, "explicit_bzero_overflow")) {
        explicit_bzero(buf, n9);
        show("buf", buf, 8);
    }
    printf("done\n");
    return 0;
}
