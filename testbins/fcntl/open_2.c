// With _FILE_OFFSET_BITS=64 (the usual build) glibc's headers turn open()
// without a mode, when the flags are not a compile-time constant, into
// __open64_2 (see open_chk.c for __open_2, __openat_2 and the 32-bit build).
// It opens as open() does (the descriptor reads the file, errno is ENOENT
// for a missing file, EISDIR for writing a directory, ENOTDIR for
// O_DIRECTORY on a file); flags that need a mode (O_CREAT, O_TMPFILE) print
// "*** invalid open64 call: O_CREAT or O_TMPFILE without mode ***:
// terminated" and abort (SIGABRT) without creating anything.
// cases: read_file dev_null enoent eisdir directory enotdir creat creat_excl tmpfile
// cflags: -D_GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile int rd = O_RDONLY, wr = O_WRONLY, rdwr = O_RDWR | O_CLOEXEC,
    dir = O_RDONLY | O_DIRECTORY, creat_only = O_WRONLY | O_CREAT,
    creat_excl = O_RDWR | O_CREAT | O_EXCL, tmpf = O_RDWR | O_TMPFILE;

static const char *errname(int e)
{
    switch (e) {
    case 0: return "0";
    case ENOENT: return "ENOENT";
    case EISDIR: return "EISDIR";
    case ENOTDIR: return "ENOTDIR";
    case EACCES: return "EACCES";
    case EINVAL: return "EINVAL";
    case EEXIST: return "EEXIST";
    default: return "other";
    }
}

static void report(const char *what, int fd)
{
    if (fd >= 0) {
        printf("%s: fd >= 0\n", what);
        close(fd);
    } else {
        printf("%s: -1, errno %s\n", what, errname(errno));
    }
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    char path[64];
    int fd;

    /* The pid keeps concurrent runs apart; it is not printed. */
    snprintf(path, sizeof path, "/tmp/gcompat-open2-%d", (int)getpid());

    if (!strcmp(c, "read_file")) {
        char buf[32];
        ssize_t n;
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd < 0 || write(fd, "file contents\n", 14) != 14) {
            printf("setup failed\n");
            return 1;
        }
        close(fd);
        fd = open(path, rd);
        n = fd >= 0 ? read(fd, buf, sizeof buf) : -1;
        printf("read %d bytes: %.*s", (int)n, n > 0 ? (int)n : 0, buf);
        report("O_RDONLY", fd);
        fd = open(path, rdwr);
        printf("O_CLOEXEC set: %s\n", fd >= 0 && (fcntl(fd, F_GETFD) & FD_CLOEXEC) ? "yes" : "no");
        report("O_RDWR|O_CLOEXEC", fd);
        unlink(path);
    } else if (!strcmp(c, "dev_null")) {
        fd = open("/dev/null", wr);
        printf("write to /dev/null: %d\n", fd >= 0 ? (int)write(fd, "x", 1) : -1);
        report("/dev/null O_WRONLY", fd);
    } else if (!strcmp(c, "enoent")) {
        errno = 0;
        fd = open("/nonexistent-gcompat-dir/file", rd);
        report("missing file", fd);
    } else if (!strcmp(c, "eisdir")) {
        errno = 0;
        fd = open("/tmp", wr);
        report("/tmp O_WRONLY", fd);
    } else if (!strcmp(c, "directory")) {
        fd = open("/tmp", dir);
        report("/tmp O_DIRECTORY", fd);
    } else if (!strcmp(c, "enotdir")) {
        errno = 0;
        fd = open("/dev/null", dir);
        report("/dev/null O_DIRECTORY", fd);
    } else if (!strcmp(c, "creat") || !strcmp(c, "creat_excl") || !strcmp(c, "tmpfile")) {
        int flags = !strcmp(c, "creat") ? creat_only : !strcmp(c, "creat_excl") ? creat_excl : tmpf;
        const char *p = !strcmp(c, "tmpfile") ? "/tmp" : path;
        printf("before\n");
        fflush(stdout);
        fd = open(p, flags);
        report(c, fd);
        unlink(path);
    } else {
        printf("unknown case\n");
        return 2;
    }
    return 0;
}
