// glibc's fortified <wchar.h> functions count in wchar_t units: the headers
// pass the destination's object size divided by sizeof (wchar_t).
// __wmemcpy_chk, __wmemmove_chk, __wmempcpy_chk, __wmemset_chk,
// __wcsncpy_chk and __wcpncpy_chk fail when the count exceeds that size;
// __wcscpy_chk and __wcpcpy_chk when the string and its NUL do not fit;
// __wcscat_chk and __wcsncat_chk when the result does not fit;
// __mbsrtowcs_chk, __mbsnrtowcs_chk (wide units), __wcsrtombs_chk and
// __wcsnrtombs_chk (bytes) when the length argument exceeds the
// destination; __wcrtomb_chk (since glibc 2.34) only when the character's
// encoding is longer than the buffer, whatever MB_CUR_MAX is. A failure prints "*** buffer
// overflow detected ***: terminated" and aborts (SIGABRT). Counts and
// sources come through volatile objects, so gcc calls the __*_chk entry
// points at run time.
// cases: wmemcpy_ok wmemcpy_overflow wmemmove_ok wmemmove_overflow wmempcpy_ok wmempcpy_overflow wmemset_ok wmemset_overflow wcscpy_ok wcscpy_overflow wcpcpy_ok wcpcpy_overflow wcsncpy_ok wcsncpy_overflow wcpncpy_ok wcpncpy_overflow wcscat_ok wcscat_overflow wcsncat_ok wcsncat_overflow wcrtomb_ok wcrtomb_overflow wcrtomb_utf8_ok wcrtomb_utf8_fits4 mbsrtowcs_ok mbsrtowcs_overflow mbsnrtowcs_ok mbsnrtowcs_overflow wcsrtombs_ok wcsrtombs_overflow wcsnrtombs_ok wcsnrtombs_overflow
// cflags: -D_GNU_SOURCE
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

static const wchar_t *volatile w7 = L"abcdefg";   /* 7 + NUL: fits 8 */
static const wchar_t *volatile w8 = L"abcdefgh";  /* 8 + NUL: 9 */
static const wchar_t *volatile wabc = L"abc";
static const wchar_t *volatile w4 = L"defg";
static const wchar_t *volatile w5 = L"defgh";
static const char *volatile mb8 = "abcdefgh";
static volatile size_t n4 = 4, n5 = 5, n8 = 8, n9 = 9;
static volatile wchar_t euro = 0x20ac;

#define BARRIER() __asm__ volatile("" ::: "memory")

static void wshow(const wchar_t *buf, size_t len)
{
    printf("buf:");
    for (size_t i = 0; i < len; i++)
        printf(" %lx", (unsigned long)buf[i]);
    printf("\n");
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    wchar_t buf[8];
    char bytes[8];
    for (int i = 0; i < 8; i++)
        buf[i] = L'x';
    memset(bytes, 'x', sizeof bytes);
    printf("case %s\n", c);
    fflush(stdout);

    if (!strcmp(c, "wmemcpy_ok")) {
        wmemcpy(buf, w8, n8);
        wshow(buf, 8);
    } else if (!strcmp(c, "wmemcpy_overflow")) {
        wmemcpy(buf, w8, n9);
        wshow(buf, 8);
    } else if (!strcmp(c, "wmemmove_ok")) {
        wmemmove(buf, w8, n8);
        wshow(buf, 8);
    } else if (!strcmp(c, "wmemmove_overflow")) {
        wmemmove(buf, w8, n9);
        wshow(buf, 8);
    } else if (!strcmp(c, "wmempcpy_ok")) {
        wchar_t *end = wmempcpy(buf, w8, n4);
        printf("end-buf=%d\n", (int)(end - buf));
        wshow(buf, 8);
    } else if (!strcmp(c, "wmempcpy_overflow")) {
        wmempcpy(buf, w8, n9);
        wshow(buf, 8);
    } else if (!strcmp(c, "wmemset_ok")) {
        wmemset(buf, L'z', n8);
        wshow(buf, 8);
    } else if (!strcmp(c, "wmemset_overflow")) {
        wmemset(buf, L'z', n9);
        wshow(buf, 8);
    } else if (!strcmp(c, "wcscpy_ok")) {
        wcscpy(buf, w7);
        wshow(buf, 8);
    } else if (!strcmp(c, "wcscpy_overflow")) {
        wcscpy(buf, w8);
        wshow(buf, 8);
    } else if (!strcmp(c, "wcpcpy_ok")) {
        wchar_t *end = wcpcpy(buf, w7);
        printf("end-buf=%d\n", (int)(end - buf));
        wshow(buf, 8);
    } else if (!strcmp(c, "wcpcpy_overflow")) {
        wcpcpy(buf, w8);
        wshow(buf, 8);
    } else if (!strcmp(c, "wcsncpy_ok")) {
        wcsncpy(buf, w4, n8);
        wshow(buf, 8);
    } else if (!strcmp(c, "wcsncpy_overflow")) {
        wcsncpy(buf, w4, n9);
        wshow(buf, 8);
    } else if (!strcmp(c, "wcpncpy_ok")) {
        wchar_t *end = wcpncpy(buf, w4, n8);
        printf("end-buf=%d\n", (int)(end - buf));
        wshow(buf, 8);
    } else if (!strcmp(c, "wcpncpy_overflow")) {
        wcpncpy(buf, w4, n9);
        wshow(buf, 8);
    } else if (!strcmp(c, "wcscat_ok")) {
        wcscpy(buf, wabc);
        BARRIER();
        wcscat(buf, w4);
        wshow(buf, 8);
    } else if (!strcmp(c, "wcscat_overflow")) {
        wcscpy(buf, wabc);
        BARRIER();
        wcscat(buf, w5);
        wshow(buf, 8);
    } else if (!strcmp(c, "wcsncat_ok")) {
        wcscpy(buf, wabc);
        BARRIER();
        wcsncat(buf, w8, n4);
        wshow(buf, 8);
    } else if (!strcmp(c, "wcsncat_overflow")) {
        wcscpy(buf, wabc);
        BARRIER();
        wcsncat(buf, w8, n5);
        wshow(buf, 8);
    } else if (!strcmp(c, "wcrtomb_ok")) {
        char one[1];
        mbstate_t st;
        memset(&st, 0, sizeof st);
        size_t r = wcrtomb(one, L'A', &st);
        printf("r=%zu %02x\n", r, (unsigned char)one[0]);
    } else if (!strcmp(c, "wcrtomb_overflow")) {
        char none[1];
        mbstate_t st;
        memset(&st, 0, sizeof st);
        /* The euro sign takes 3 bytes in UTF-8. */
        setlocale(LC_ALL, "C.UTF-8");
        size_t r = wcrtomb(none, euro, &st);
        printf("r=%zu\n", r);
    } else if (!strcmp(c, "wcrtomb_utf8_ok")) {
        char six[6];
        mbstate_t st;
        memset(&st, 0, sizeof st);
        setlocale(LC_ALL, "C.UTF-8");
        size_t r = wcrtomb(six, euro, &st);
        printf("r=%zu %02x %02x %02x\n", r, (unsigned char)six[0], (unsigned char)six[1],
               (unsigned char)six[2]);
    } else if (!strcmp(c, "wcrtomb_utf8_fits4")) {
        /* Smaller than glibc's MB_CUR_MAX (6), but the 3 bytes fit. */
        char four[4];
        mbstate_t st;
        memset(&st, 0, sizeof st);
        setlocale(LC_ALL, "C.UTF-8");
        size_t r = wcrtomb(four, euro, &st);
        printf("r=%zu\n", r);
    } else if (!strcmp(c, "mbsrtowcs_ok")) {
        const char *s = mb8;
        mbstate_t st;
        memset(&st, 0, sizeof st);
        size_t r = mbsrtowcs(buf, &s, n8, &st);
        printf("r=%zu rest=%s\n", r, s ? s : "(null)");
        wshow(buf, 8);
    } else if (!strcmp(c, "mbsrtowcs_overflow")) {
        const char *s = mb8;
        mbstate_t st;
        memset(&st, 0, sizeof st);
        mbsrtowcs(buf, &s, n9, &st);
        wshow(buf, 8);
    } else if (!strcmp(c, "mbsnrtowcs_ok")) {
        const char *s = mb8;
        mbstate_t st;
        memset(&st, 0, sizeof st);
        size_t r = mbsnrtowcs(buf, &s, n4, n8, &st);
        printf("r=%zu rest=%s\n", r, s ? s : "(null)");
        wshow(buf, 4);
    } else if (!strcmp(c, "mbsnrtowcs_overflow")) {
        const char *s = mb8;
        mbstate_t st;
        memset(&st, 0, sizeof st);
        mbsnrtowcs(buf, &s, n4, n9, &st);
        wshow(buf, 8);
    } else if (!strcmp(c, "wcsrtombs_ok")) {
        const wchar_t *s = w8;
        mbstate_t st;
        memset(&st, 0, sizeof st);
        size_t r = wcsrtombs(bytes, &s, n8, &st);
        printf("r=%zu %.8s\n", r, bytes);
    } else if (!strcmp(c, "wcsrtombs_overflow")) {
        const wchar_t *s = w8;
        mbstate_t st;
        memset(&st, 0, sizeof st);
        wcsrtombs(bytes, &s, n9, &st);
        printf("%.8s\n", bytes);
    } else if (!strcmp(c, "wcsnrtombs_ok")) {
        const wchar_t *s = w8;
        mbstate_t st;
        memset(&st, 0, sizeof st);
        size_t r = wcsnrtombs(bytes, &s, n4, n8, &st);
        printf("r=%zu %.4s\n", r, bytes);
    } else if (!strcmp(c, "wcsnrtombs_overflow")) {
        const wchar_t *s = w8;
        mbstate_t st;
        memset(&st, 0, sizeof st);
        wcsnrtombs(bytes, &s, n4, n9, &st);
        printf("%.8s\n", bytes);
    }
    printf("done\n");
    return 0;
}
