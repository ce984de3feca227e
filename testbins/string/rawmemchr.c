// glibc's rawmemchr (a GNU extension) returns a pointer to the first byte
// equal to c (converted to unsigned char), searching without a length
// limit; searching for 0 finds the terminating NUL, like strchr(s, 0).
// cases: find_byte find_first find_nul find_high_byte find_int_conversion
// cflags: -D_GNU_SOURCE
#include <stdio.h>
#include <string.h>

static const char *volatile text = "hello, world";
static const char bytes[] = { 'a', 'b', (char)0xe9, 'c', (char)0xe9, 0 };

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    const char *s = text;
    const char *p;

    if (!strcmp(c, "find_byte")) {
        p = rawmemchr(s, 'w');
        printf("offset %d, rest \"%s\"\n", (int)(p - s), p);
        p = rawmemchr(s, 'o');
        printf("offset %d, rest \"%s\"\n", (int)(p - s), p);
    } else if (!strcmp(c, "find_first")) {
        p = rawmemchr(s, 'h');
        printf("offset %d\n", (int)(p - s));
    } else if (!strcmp(c, "find_nul")) {
        p = rawmemchr(s, 0);
        printf("offset %d, strlen %d, is NUL: %s\n", (int)(p - s), (int)strlen(s), *p == 0 ? "yes" : "no");
        p = rawmemchr(argv[1], '\0');
        printf("argv offset %d\n", (int)(p - argv[1]));
    } else if (!strcmp(c, "find_high_byte")) {
        p = rawmemchr(bytes, 0xe9);
        printf("offset %d\n", (int)(p - bytes));
        p = rawmemchr(bytes, (char)0xe9);
        printf("offset %d\n", (int)(p - bytes));
    } else if (!strcmp(c, "find_int_conversion")) {
        /* 0x163 converts to 0x63, 'c'. */
        volatile int ch = 0x163;
        p = rawmemchr(bytes, ch);
        printf("offset %d\n", (int)(p - bytes));
    } else {
        printf("unknown case\n");
        return 2;
    }
    return 0;
}
