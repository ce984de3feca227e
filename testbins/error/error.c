// error(3) and error_at_line(3) as glibc does them: stdout is flushed first,
// then "PROG: [FILE:LINE: ]MESSAGE[: STRERROR]\n" goes to stderr, with
// glibc's strerror texts ("Unknown error N" for unknown numbers), the
// error_print_progname hook replacing "PROG:", error_message_count counting
// every message, error_one_per_line suppressing a repeat of the previous
// FILE:LINE (a plain error() in between does not reset it), error_at_line
// with a NULL file name printing "PROG: MESSAGE" as error() does, and a
// status != 0 exiting with that status after the message. The flush cases
// point stderr at stdout so the order of the two streams is visible.
// The message is formatted as glibc's printf does it: %m in glibc's words,
// "(nil)" for a null %p, "(null)" or nothing for a null %s.
// cases: errnum0 enoent enotty eacces einval eagain unknown at_line at_line_null one_per_line count progname flush exit3 at_line_exit7 glibc_conversions
#include <errno.h>
#include <error.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void progname_hook(void)
{
    fflush(stdout);
    fprintf(stderr, "[hook] ");
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";

    if (!strcmp(c, "errnum0")) {
        error(0, 0, "plain message %d %s", 42, "text");
    } else if (!strcmp(c, "enoent")) {
        error(0, ENOENT, "opening %s", "missing.txt");
    } else if (!strcmp(c, "enotty")) {
        error(0, ENOTTY, "ioctl");
    } else if (!strcmp(c, "eacces")) {
        error(0, EACCES, "access");
    } else if (!strcmp(c, "einval")) {
        error(0, EINVAL, "argument");
    } else if (!strcmp(c, "eagain")) {
        error(0, EAGAIN, "again");
    } else if (!strcmp(c, "unknown")) {
        error(0, 1234, "strange");
    } else if (!strcmp(c, "at_line")) {
        error_at_line(0, 0, "input.c", 17, "bad token '%c'", 'x');
        error_at_line(0, ENOENT, "input.c", 18, "include %s", "foo.h");
    } else if (!strcmp(c, "at_line_null")) {
        /* glibc prints " " instead of "FILE:LINE: " for a NULL file. */
        error_at_line(0, 0, NULL, 5, "no file");
    } else if (!strcmp(c, "one_per_line")) {
        error_one_per_line = 1;
        error_at_line(0, 0, "a.c", 1, "first");
        error_at_line(0, 0, "a.c", 1, "repeat, suppressed");
        error_at_line(0, 0, "a.c", 2, "other line");
        error_at_line(0, 0, "b.c", 2, "other file");
        error_at_line(0, 0, "b.c", 2, "repeat, suppressed");
        error_at_line(0, 0, "a.c", 1, "back to the first");
        error(0, 0, "plain error is never suppressed");
        error_at_line(0, 0, "a.c", 1, "after plain error");
        printf("count=%u\n", error_message_count);
    } else if (!strcmp(c, "glibc_conversions")) {
        void *volatile np = NULL;
        char *volatile ns = NULL;
        errno = ENOTTY;
        error(0, 0, "[%m|%p|%8p|%s|%.3s]", np, np, ns, ns);
        errno = EAGAIN;
        error_at_line(0, EPERM, "x.c", 3, "[%-12m|%p]", np);
    } else if (!strcmp(c, "count")) {
        printf("count=%u\n", error_message_count);
        error(0, 0, "one");
        error(0, EINVAL, "two");
        error_at_line(0, 0, "f.c", 3, "three");
        printf("count=%u\n", error_message_count);
    } else if (!strcmp(c, "progname")) {
        error_print_progname = progname_hook;
        error(0, 0, "with hook");
        error_at_line(0, ENOENT, "h.c", 9, "with hook at line");
        error_print_progname = NULL;
        error(0, 0, "hook removed");
        printf("count=%u\n", error_message_count);
    } else if (!strcmp(c, "flush")) {
        dup2(1, 2);
        printf("pending stdout text without newline");
        error(0, 0, "after pending stdout");
        printf("more stdout\n");
    } else if (!strcmp(c, "exit3")) {
        dup2(1, 2);
        printf("before exit");
        error(3, EACCES, "fatal %s", "problem");
        printf("not reached\n");
    } else if (!strcmp(c, "at_line_exit7")) {
        printf("before exit\n");
        error_at_line(7, 0, "z.c", 99, "fatal at line");
        printf("not reached\n");
    } else {
        printf("unknown case\n");
        return 2;
    }
    return 0;
}
