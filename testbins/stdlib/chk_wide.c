// glibc's fortified <stdlib.h> conversions: __mbstowcs_chk fails when len
// exceeds the destination's size in wchar_t units, __wcstombs_chk when len
// exceeds it in bytes, __wctomb_chk when the buffer is smaller than
// MB_CUR_MAX (1 in the C locale, 6 in glibc's C.UTF-8), and __ptsname_r_chk
// when the claimed buffer length exceeds the real one. A failure prints
// "*** buffer overflow detected ***: terminated" and aborts (SIGABRT).
// Lengths come through volatile objects, so gcc calls the __*_chk entry
// points at run time.
// cases: mbstowcs_ok mbstowcs_overflow wcstombs_ok wcstombs_overflow wctomb_ok wctomb_utf8_ok wctomb_utf8_overflow ptsname_r_ok ptsname_r_overflow
// cflags: -D_GNU_SOURCE
#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

static const char *volatile mb8 = "abcdefgh";
static const wchar_t *volatile w8 = L"abcdefgh";
static volatile size_t n8 = 8, n9 = 9, n64 = 64, n65 = 65;
static volatile wchar_t euro = 0x20ac;

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    wchar_t wbuf[8];
    char bytes[8];
    printf("case %s\n", c);
    fflush(stdout);
    if (!strcmp(c, "mbstowcs_ok")) {
        size_t r = mbstowcs(wbuf, mb8, n8);
        printf("r=%zu last=%c\n", r, (char)wbuf[7]);
    } else if (!strcmp(c, "mbstowcs_overflow")) {
        mbstowcs(wbuf, mb8, n9);
    } else if (!strcmp(c, "wcstombs_ok")) {
        size_t r = wcstombs(bytes, w8, n8);
        printf("r=%zu <%.8s>\n", r, bytes);
    } else if (!strcmp(c, "wcstombs_overflow")) {
        wcstombs(bytes, w8, n9);
    } else if (!strcmp(c, "wctomb_ok")) {
        char one[1];
        int r = wctomb(one, L'A');
        printf("r=%d %c\n", r, one[0]);
    } else if (!strcmp(c, "wctomb_utf8_ok")) {
        char six[6];
        setlocale(LC_ALL, "C.UTF-8");
        int r = wctomb(six, euro);
        printf("r=%d %02x\n", r, (unsigned char)six[0]);
    } else if (!strcmp(c, "wctomb_utf8_overflow")) {
        /* Room for any UTF-8 character, but less than glibc's MB_CUR_MAX. */
        char four[4];
        setlocale(LC_ALL, "C.UTF-8");
        int r = wctomb(four, euro);
        printf("r=%d\n", r);
    } else if (!strcmp(c, "ptsname_r_ok")) {
        char name[64];
        int fd = posix_openpt(O_RDWR | O_NOCTTY);
        int r = fd < 0 ? -1 : ptsname_r(fd, name, n64);
        printf("r=%d prefix=%d\n", r, r == 0 && !strncmp(name, "/dev/pts/", 9));
    } else if (!strcmp(c, "ptsname_r_overflow")) {
        char name[64];
        int fd = posix_openpt(O_RDWR | O_NOCTTY);
        ptsname_r(fd, name, n65);
    }
    printf("done\n");
    return 0;
}
