// __mbrlen, glibc's internal name of mbrlen, in a UTF-8 locale: whole,
// incomplete (-2, then completed through the state) and invalid (-1,
// EILSEQ) sequences.
// cflags: -D_GNU_SOURCE
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

size_t __mbrlen(const char *, size_t, mbstate_t *);

int main(void)
{
    if (!setlocale(LC_CTYPE, "C.UTF-8"))
        return 1;
    mbstate_t st;
    memset(&st, 0, sizeof st);
    printf("a: %zd\n", (ssize_t)__mbrlen("a", 1, &st));
    printf("e-acute: %zd\n", (ssize_t)__mbrlen("\xc3\xa9", 2, &st));
    printf("euro: %zd\n", (ssize_t)__mbrlen("\xe2\x82\xac", 3, &st));
    printf("half euro: %zd\n", (ssize_t)__mbrlen("\xe2\x82", 2, &st));
    printf("rest: %zd\n", (ssize_t)__mbrlen("\xac", 1, &st));
    printf("nul: %zd\n", (ssize_t)__mbrlen("", 1, &st));
    errno = 0;
    printf("invalid: %zd errno %d\n", (ssize_t)__mbrlen("\xff", 1, &st), errno);
    memset(&st, 0, sizeof st);
    printf("null state: %zd\n", (ssize_t)__mbrlen("\xc3\xa9", 2, NULL));
    return 0;
}
