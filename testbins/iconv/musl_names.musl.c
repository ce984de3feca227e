/* musl-built callers keep musl's iconv_open: glibc's names and suffixes
 * are not musl's, and musl refuses them. */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    const char *names[][2] = {{"UTF-8", "ANSI_X3.4-1968"}, {"ASCII//TRANSLIT", "UTF-8"}, {"ASCII", "UTF-8"}};
    for (int i = 0; i < 3; i++) {
        errno = 0;
        iconv_t c = iconv_open(names[i][0], names[i][1]);
        printf("%s <- %s: %s\n", names[i][0], names[i][1], c == (iconv_t)-1 ? strerror(errno) : "ok");
        if (c != (iconv_t)-1)
            iconv_close(c);
    }
    return 0;
}
