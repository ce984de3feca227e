// glibc's __gets_chk (what gets becomes under _FORTIFY_SOURCE when the
// buffer's size is known) reads a line from stdin without its newline; a
// line of size bytes or more (no room for the NUL) prints "*** buffer
// overflow detected ***: terminated" and aborts (SIGABRT), after reading at
// most size bytes. End of file before any byte returns NULL; an empty line
// gives "". gets is declared only for pre-C11 builds, hence -std=gnu99.
// cases: ok empty_line eof overflow exact_overflow no_newline
// cflags: -std=gnu99
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void result(const char *r, const char *buf)
{
    if (!r) {
        printf("NULL\n");
        return;
    }
    printf("r==buf:%d <%s>\n", r == buf, buf);
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    const char *text = !strcmp(c, "ok")            ? "abcdefg\nnext\n"
                       : !strcmp(c, "empty_line")  ? "\nnext\n"
                       : !strcmp(c, "eof")         ? ""
                       : !strcmp(c, "overflow")    ? "abcdefghijk\n"
                       : !strcmp(c, "no_newline")  ? "abc"
                                                   : "abcdefgh\n";
    char buf[8];
    int p[2];
    if (pipe(p) != 0)
        return 1;
    write(p[1], text, strlen(text));
    close(p[1]);
    dup2(p[0], 0);
    printf("case %s\n", c);
    fflush(stdout);
    char *r = gets(buf);
    result(r, buf);
    if (r) {
        r = gets(buf);
        result(r, buf);
    }
    return 0;
}
