// glibc's __fgets_chk and __fgets_unlocked_chk read a line of at most
// min(n - 1, size) bytes, size being the buffer's object size: with
// n <= size they are plain fgets; with n > size a line shorter than size is
// read normally, but reading size bytes (no room for the NUL) prints
// "*** buffer overflow detected ***: terminated" and aborts (SIGABRT);
// n == 1 reads nothing and returns NULL, as does end of file at once.
// __fread_chk and __fread_unlocked_chk fail when size * n (or its overflow)
// exceeds the buffer, before reading. Input comes from a pipe; n through
// volatile objects, so gcc calls the __*_chk entry points at run time.
// cases: fgets_fits fgets_n_large fgets_exact_overflow fgets_long_overflow fgets_n1 fgets_eof fgets_unlocked_fits fgets_unlocked_overflow fread_ok fread_short fread_overflow fread_mul_overflow fread_unlocked_ok fread_unlocked_overflow
// cflags: -D_GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile int n4 = 4, n8 = 8, n9 = 9, n64 = 64, n1 = 1;
static volatile size_t one = 1, s8 = 8, s9 = 9, huge = (size_t)1 << 62;

static int input_fd(const char *text)
{
    int p[2];
    if (pipe(p) != 0)
        return -1;
    write(p[1], text, strlen(text));
    close(p[1]);
    return p[0];
}

static FILE *input(const char *text)
{
    return fdopen(input_fd(text), "r");
}

static void result(const char *r, const char *buf)
{
    if (!r) {
        printf("NULL\n");
        return;
    }
    printf("r==buf:%d <", r == buf);
    for (const char *p = buf; *p; p++)
        printf(*p == '\n' ? "\\n" : "%c", *p);
    printf(">\n");
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    char buf[8];
    char *r = NULL;
    size_t got;
    printf("case %s\n", c);
    fflush(stdout);

    if (!strcmp(c, "fgets_fits")) {
        FILE *f = input("abc\ndef\n");
        r = fgets(buf, n4, f);
        result(r, buf);
        r = fgets(buf, n8, f);
    } else if (!strcmp(c, "fgets_n_large")) {
        FILE *f = input("abcdef\nxyz");
        r = fgets(buf, n64, f);
        result(r, buf);
        r = fgets(buf, n64, f);
    } else if (!strcmp(c, "fgets_exact_overflow")) {
        /* 7 bytes and a newline: 8 bytes, no room for the NUL. */
        FILE *f = input("abcdefg\n");
        r = fgets(buf, n9, f);
    } else if (!strcmp(c, "fgets_long_overflow")) {
        FILE *f = input("abcdefghijklmnop\n");
        r = fgets(buf, n64, f);
    } else if (!strcmp(c, "fgets_n1")) {
        FILE *f = input("abc\n");
        r = fgets(buf, n1, f);
    } else if (!strcmp(c, "fgets_eof")) {
        FILE *f = input("");
        r = fgets(buf, n64, f);
    } else if (!strcmp(c, "fgets_unlocked_fits")) {
        FILE *f = input("abcdefg");
        r = fgets_unlocked(buf, n64, f);
    } else if (!strcmp(c, "fgets_unlocked_overflow")) {
        FILE *f = input("abcdefgh");
        r = fgets_unlocked(buf, n64, f);
    } else if (!strcmp(c, "fread_ok")) {
        FILE *f = input("0123456789");
        got = fread(buf, one, s8, f);
        printf("got=%zu <%.8s>\n", got, buf);
        return 0;
    } else if (!strcmp(c, "fread_short")) {
        FILE *f = input("0123");
        memset(buf, 0, sizeof buf);
        got = fread(buf, one, s8, f);
        printf("got=%zu <%s>\n", got, buf);
        return 0;
    } else if (!strcmp(c, "fread_overflow")) {
        FILE *f = input("0123456789");
        got = fread(buf, one, s9, f);
        printf("got=%zu\n", got);
        return 0;
    } else if (!strcmp(c, "fread_mul_overflow")) {
        FILE *f = input("0123456789");
        got = fread(buf, huge, huge, f);
        printf("got=%zu\n", got);
        return 0;
    } else if (!strcmp(c, "fread_unlocked_ok")) {
        FILE *f = input("0123456789");
        got = fread_unlocked(buf, s8, one, f);
        printf("got=%zu <%.8s>\n", got, buf);
        return 0;
    } else if (!strcmp(c, "fread_unlocked_overflow")) {
        FILE *f = input("0123456789");
        got = fread_unlocked(buf, s9, one, f);
        printf("got=%zu\n", got);
        return 0;
    }
    result(r, buf);
    return 0;
}
