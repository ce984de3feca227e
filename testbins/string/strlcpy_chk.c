// glibc 2.38's strlcpy and strlcat are fortified: __strlcpy_chk and
// __strlcat_chk fail when the size argument exceeds the destination's object
// size (even if the string would fit), printing "*** buffer overflow
// detected ***: terminated" and aborting (SIGABRT); otherwise they return
// the length they tried to create, truncating with a NUL.
// cases: strlcpy_ok strlcpy_truncate strlcpy_overflow strlcat_ok strlcat_truncate strlcat_overflow
// builds: glibc-2.41
#include <stdio.h>
#include <string.h>

static const char *volatile src = "abcdefghij";
static volatile size_t n8 = 8, n9 = 9, n3 = 3;

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    char buf[8];
    size_t r = 0;
    printf("case %s\n", c);
    fflush(stdout);

    if (!strcmp(c, "strlcpy_ok")) {
        r = strlcpy(buf, src + 6, n8);
    } else if (!strcmp(c, "strlcpy_truncate")) {
        r = strlcpy(buf, src, n8);
    } else if (!strcmp(c, "strlcpy_overflow")) {
        r = strlcpy(buf, src + 6, n9);
    } else if (!strcmp(c, "strlcat_ok")) {
        strcpy(buf, "ab");
        r = strlcat(buf, src + 6, n8);
    } else if (!strcmp(c, "strlcat_truncate")) {
        strcpy(buf, "ab");
        r = strlcat(buf, src, n3);
    } else if (!strcmp(c, "strlcat_overflow")) {
        strcpy(buf, "ab");
        r = strlcat(buf, src + 6, n9);
    }
    printf("r=%zu buf=%s\n", r, buf);
    return 0;
}
