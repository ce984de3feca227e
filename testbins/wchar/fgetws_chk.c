// glibc's __fgetws_chk and __fgetws_unlocked_chk read a line of at most
// min(n - 1, size) wide characters, size being the buffer's object size in
// wchar_t units: with n <= size they are plain fgetws; with n > size a line
// that fits (shorter than size) is read normally, but reading size
// characters (no room for the NUL) prints "*** buffer overflow detected
// ***: terminated" and aborts (SIGABRT). n == 1 reads nothing and returns
// NULL; so does end of file before any character. The input comes through
// a pipe; n through a volatile object, so gcc calls the __*_chk functions.
// cases: fits fits_n_large exact_overflow long_overflow n1 eof unlocked_fits unlocked_overflow
// cflags: -D_GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

static volatile int n4 = 4, n8 = 8, n9 = 9, n64 = 64, n1 = 1;

static FILE *input(const char *text)
{
    int p[2];
    if (pipe(p) != 0)
        return NULL;
    write(p[1], text, strlen(text));
    close(p[1]);
    return fdopen(p[0], "r");
}

static void result(const wchar_t *r, const wchar_t *buf)
{
    if (!r) {
        printf("NULL\n");
        return;
    }
    printf("r==buf:%d <", r == buf);
    for (const wchar_t *p = buf; *p; p++)
        printf(*p == L'\n' ? "\\n" : "%lc", (wint_t)*p);
    printf(">\n");
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    wchar_t buf[8];
    wchar_t *r = NULL;
    printf("case %s\n", c);
    fflush(stdout);

    if (!strcmp(c, "fits")) {
        FILE *f = input("abc\ndef\n");
        r = fgetws(buf, n4, f);
        result(r, buf);
        r = fgetws(buf, n8, f);
    } else if (!strcmp(c, "fits_n_large")) {
        FILE *f = input("abcdef\nxyz");
        r = fgetws(buf, n64, f);
        result(r, buf);
        r = fgetws(buf, n64, f);
    } else if (!strcmp(c, "exact_overflow")) {
        /* 7 characters and a newline: 8 units, no room for the NUL. */
        FILE *f = input("abcdefg\n");
        r = fgetws(buf, n9, f);
    } else if (!strcmp(c, "long_overflow")) {
        FILE *f = input("abcdefghijklmnop\n");
        r = fgetws(buf, n64, f);
    } else if (!strcmp(c, "n1")) {
        FILE *f = input("abc\n");
        r = fgetws(buf, n1, f);
    } else if (!strcmp(c, "eof")) {
        FILE *f = input("");
        r = fgetws(buf, n64, f);
    } else if (!strcmp(c, "unlocked_fits")) {
        FILE *f = input("abcdefg");
        r = fgetws_unlocked(buf, n64, f);
    } else if (!strcmp(c, "unlocked_overflow")) {
        FILE *f = input("abcdefgh");
        r = fgetws_unlocked(buf, n64, f);
    }
    result(r, buf);
    return 0;
}
