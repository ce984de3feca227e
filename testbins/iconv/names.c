/* iconv_open with the charset names glibc programs use: glibc's own name
 * of ASCII (what nl_langinfo(CODESET) says in the C locale, which GLib and
 * others hand back to iconv_open), its other aliases, and the //TRANSLIT
 * and //IGNORE suffixes; an unknown name fails with EINVAL. Conversions
 * print only ASCII-representable text (musl's and glibc's differ on
 * characters the target cannot represent). */
#include <errno.h>
#include <iconv.h>
#include <langinfo.h>
#include <stdio.h>
#include <string.h>

static void try_open(const char *to, const char *from)
{
    errno = 0;
    iconv_t c = iconv_open(to, from);
    if (c == (iconv_t)-1) {
        printf("%-28s <- %-16s %s\n", to, from, errno == EINVAL ? "EINVAL" : strerror(errno));
        return;
    }
    char in[] = "plain text 42", out[64] = {0};
    char *ip = in, *op = out;
    size_t il = strlen(in), ol = sizeof out - 1;
    size_t r = iconv(c, &ip, &il, &op, &ol);
    printf("%-28s <- %-16s ok: %zd \"%s\"\n", to, from, (ssize_t)r, out);
    iconv_close(c);
}

int main(void)
{
    const char *codeset = nl_langinfo(CODESET);
    printf("CODESET %s\n", codeset);
    try_open("UTF-8", codeset);
    try_open(codeset, "UTF-8");
    try_open("ASCII//TRANSLIT", "UTF-8");
    try_open("UTF-8//IGNORE", "ANSI_X3.4-1968");
    try_open("ISO-8859-1//TRANSLIT//IGNORE", "UTF-8");
    try_open("UTF-8//", "US-ASCII");
    try_open("ANSI_X3.4-1986", "UTF-8");
    try_open("CP367", "ISO_646.IRV:1991");
    try_open("LATIN1", "UTF-8");
    try_open("WCHAR_T", "UTF-8");
    try_open("NO-SUCH-CHARSET", "UTF-8");
    try_open("UTF-8", "NO-SUCH-CHARSET//TRANSLIT");
    return 0;
}
