// glibc's __realpath_chk (what realpath becomes when the resolved buffer's
// size is known) resolves like realpath when the buffer holds at least
// PATH_MAX bytes: "/" and "//" give "/"; "//tmp", "/tmp/../tmp" and
// "/tmp//./" give "/tmp"; symlinks are followed; a missing component fails
// with ENOENT and a non-directory component with ENOTDIR. A buffer smaller
// than PATH_MAX prints "*** buffer overflow detected ***: terminated" and
// aborts (SIGABRT), even when the result would fit. With a NULL buffer
// realpath (not fortified) allocates the result.
// cases: root dotdot symlink enoent enotdir null_buffer small_buffer
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *errname(int e)
{
    switch (e) {
    case 0: return "0";
    case ENOENT: return "ENOENT";
    case ENOTDIR: return "ENOTDIR";
    case EACCES: return "EACCES";
    case ELOOP: return "ELOOP";
    case ENAMETOOLONG: return "ENAMETOOLONG";
    case EINVAL: return "EINVAL";
    default: return "other";
    }
}

static void show(const char *in, const char *r, const char *buf)
{
    if (r)
        printf("realpath(\"%s\") = \"%s\" (returned the buffer: %s)\n", in, r, r == buf ? "yes" : "no");
    else
        printf("realpath(\"%s\") = NULL, errno %s\n", in, errname(errno));
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    char buf[PATH_MAX];
    char *r;

    if (!strcmp(c, "root")) {
        r = realpath("/", buf);
        show("/", r, buf);
        r = realpath("//", buf);
        show("//", r, buf);
        r = realpath("//tmp", buf);
        show("//tmp", r, buf);
    } else if (!strcmp(c, "dotdot")) {
        r = realpath("/tmp/../tmp", buf);
        show("/tmp/../tmp", r, buf);
        r = realpath("/tmp//./", buf);
        show("/tmp//./", r, buf);
        r = realpath("/../../", buf);
        show("/../../", r, buf);
    } else if (!strcmp(c, "symlink")) {
        char link[64], dir[64];
        /* The pid keeps concurrent runs apart; it is not printed. */
        snprintf(dir, sizeof dir, "/tmp/gcompat-rp-%d-dir", (int)getpid());
        snprintf(link, sizeof link, "/tmp/gcompat-rp-%d-link", (int)getpid());
        rmdir(dir);
        unlink(link);
        if (mkdir(dir, 0700) != 0 || symlink(dir, link) != 0) {
            printf("setup failed\n");
            return 1;
        }
        errno = 0;
        r = realpath(link, buf);
        printf("resolved to the directory: %s\n", r && !strcmp(r, dir) ? "yes" : "no");
        unlink(link);
        rmdir(dir);
    } else if (!strcmp(c, "enoent")) {
        errno = 0;
        r = realpath("/nonexistent-gcompat-dir/file", buf);
        show("/nonexistent-gcompat-dir/file", r, buf);
    } else if (!strcmp(c, "enotdir")) {
        errno = 0;
        r = realpath("/dev/null/x", buf);
        show("/dev/null/x", r, buf);
    } else if (!strcmp(c, "null_buffer")) {
        r = realpath("/tmp/../tmp", NULL);
        show("/tmp/../tmp", r, NULL);
        free(r);
        r = realpath("/", NULL);
        show("/", r, NULL);
        free(r);
        errno = 0;
        r = realpath("/nonexistent-gcompat-dir", NULL);
        show("/nonexistent-gcompat-dir", r, NULL);
    } else if (!strcmp(c, "small_buffer")) {
        char small[64];
        printf("before\n");
        fflush(stdout);
        r = realpath("/", small);
        show("/", r, small);
    } else {
        printf("unknown case\n");
        return 2;
    }
    return 0;
}
