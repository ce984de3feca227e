// cases: strerror strerror_r basename perror
/* A musl-built caller keeps musl's meaning of the names the shim overrides
 * for glibc callers: musl's texts ("Not a tty"), POSIX strerror_r returning
 * int, POSIX basename (which may write to its argument: "/usr/" -> "usr").
 * The oracle is this program under musl 1.2.5 without the shim. */
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    if (!strcmp(argv[1], "strerror")) {
        int errs[] = { 0, ENOENT, ENOTTY, 41, 1234, -1 };
        for (unsigned i = 0; i < sizeof errs / sizeof errs[0]; i++)
            printf("%d: %s\n", errs[i], strerror(errs[i]));
    } else if (!strcmp(argv[1], "strerror_r")) {
        char buf[64] = "", small[4] = "";
        int r = strerror_r(ENOTTY, buf, sizeof buf);
        printf("%d \"%s\"\n", r, buf);
        r = strerror_r(ENOTTY, small, sizeof small);
        printf("%d (ERANGE is %d) \"%s\"\n", r, ERANGE, small);
    } else if (!strcmp(argv[1], "basename")) {
        const char *paths[] = { "/usr/lib", "/usr/", "usr", "/", "", "//x//" };
        for (unsigned i = 0; i < sizeof paths / sizeof paths[0]; i++) {
            char copy[32];
            strcpy(copy, paths[i]);
            printf("\"%s\" -> \"%s\"\n", paths[i], basename(copy));
        }
    } else if (!strcmp(argv[1], "perror")) {
        errno = ENOTTY;
        perror("tty");
    } else return 2;
    return 0;
}
