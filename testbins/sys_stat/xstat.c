// cases: versions stat mknod
/* The old stat ABI: before glibc 2.33 stat() compiled to
 * __xstat(_STAT_VER, ...), and programs built then still call it. glibc
 * keeps these as compat symbols (no default version), so this program
 * binds them with .symver, as an old binary does. */
#include "../glibc_compat.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

extern int __xstat(int, const char *, struct stat *);
extern int __xstat64(int, const char *, struct stat *);
extern int __lxstat(int, const char *, struct stat *);
extern int __lxstat64(int, const char *, struct stat *);
extern int __fxstat(int, int, struct stat *);
extern int __fxstat64(int, int, struct stat *);
extern int __fxstatat(int, int, const char *, struct stat *, int);
extern int __fxstatat64(int, int, const char *, struct stat *, int);
extern int __xmknod(int, const char *, mode_t, dev_t *);
extern int __xmknodat(int, int, const char *, mode_t, dev_t *);
__asm__(".symver __xstat,__xstat@" GLIBC_COMPAT(2.2.5));
__asm__(".symver __xstat64,__xstat64@" GLIBC_COMPAT(2.2.5));
__asm__(".symver __lxstat,__lxstat@" GLIBC_COMPAT(2.2.5));
__asm__(".symver __lxstat64,__lxstat64@" GLIBC_COMPAT(2.2.5));
__asm__(".symver __fxstat,__fxstat@" GLIBC_COMPAT(2.2.5));
__asm__(".symver __fxstat64,__fxstat64@" GLIBC_COMPAT(2.2.5));
__asm__(".symver __fxstatat,__fxstatat@" GLIBC_COMPAT(2.4));
__asm__(".symver __fxstatat64,__fxstatat64@" GLIBC_COMPAT(2.4));
__asm__(".symver __xmknod,__xmknod@" GLIBC_COMPAT(2.2.5));
__asm__(".symver __xmknodat,__xmknodat@" GLIBC_COMPAT(2.4));

/* _STAT_VER, which glibc 2.33's headers no longer define: _STAT_VER_LINUX
 * (1) on x86_64, _STAT_VER_KERNEL (0) on aarch64, its only valid one. */
#if defined(__aarch64__)
#define STAT_VER 0
#else
#define STAT_VER 1
#endif

static char path[64], link_path[64], fifo[64];

static const char *en(int e) {
    return e == 0 ? "0" : e == EINVAL ? "EINVAL" : e == ENOENT ? "ENOENT" : e == EBADF ? "EBADF" : e == EEXIST ? "EEXIST" : "other";
}

#define SHOW(expr) do { errno = 0; int r_ = (expr); printf("%-48s = %d (%s)\n", #expr, r_, en(r_ < 0 ? errno : 0)); } while (0)

int main(int argc, char **argv) {
    const char *c = argc > 1 ? argv[1] : "";
    snprintf(path, sizeof path, "/tmp/gcompat-xstat-%d", (int)getpid());
    snprintf(link_path, sizeof link_path, "%s.l", path);
    snprintf(fifo, sizeof fifo, "%s.p", path);
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    fchmod(fd, 0640);
    write(fd, "0123456", 7);
    symlink(path, link_path);
    struct stat st;
    if (!strcmp(c, "versions")) {
        int v[] = {-1, 0, 1, 2, 3, 1000};
        for (int i = 0; i < 6; i++) {
            printf("vers %d\n", v[i]);
            SHOW(__xstat(v[i], path, &st));
            SHOW(__xstat64(v[i], path, &st));
            SHOW(__lxstat(v[i], link_path, &st));
            SHOW(__lxstat64(v[i], link_path, &st));
            SHOW(__fxstat(v[i], fd, &st));
            SHOW(__fxstat64(v[i], fd, &st));
            SHOW(__fxstatat(v[i], AT_FDCWD, path, &st, 0));
            SHOW(__fxstatat64(v[i], AT_FDCWD, link_path, &st, AT_SYMLINK_NOFOLLOW));
            dev_t d = 0;
            SHOW(__xmknod(v[i], fifo, S_IFIFO | 0600, &d));
            unlink(fifo);
            SHOW(__xmknodat(v[i], AT_FDCWD, fifo, S_IFIFO | 0600, &d));
            unlink(fifo);
        }
        /* An invalid version is refused before anything is looked at. */
        SHOW(__xstat(7, "/nonexistent/x", &st));
        SHOW(__fxstat(7, -1, &st));
    } else if (!strcmp(c, "stat")) {
        memset(&st, 0, sizeof st);
        SHOW(__xstat(STAT_VER, path, &st));
        printf("size %lld mode %o nlink %ld\n", (long long)st.st_size, st.st_mode, (long)st.st_nlink);
        struct stat l;
        SHOW(__lxstat64(STAT_VER, link_path, &l));
        printf("link %d size %lld\n", S_ISLNK(l.st_mode), (long long)l.st_size);
        SHOW(__xstat64(0, link_path, &l));
        printf("followed: reg %d same ino %d\n", S_ISREG(l.st_mode), l.st_ino == st.st_ino);
        SHOW(__fxstat64(STAT_VER, fd, &l));
        printf("fstat size %lld\n", (long long)l.st_size);
        SHOW(__fxstatat(STAT_VER, AT_FDCWD, link_path, &l, AT_SYMLINK_NOFOLLOW));
        printf("fstatat nofollow link %d\n", S_ISLNK(l.st_mode));
        SHOW(__xstat(STAT_VER, "/nonexistent/x", &st));
        SHOW(__lxstat(STAT_VER, "", &st));
        SHOW(__fxstat(STAT_VER, -1, &st));
        SHOW(__fxstatat64(STAT_VER, AT_FDCWD, path, &st, 0x4321));
        SHOW(__fxstatat64(STAT_VER, -1, "relative", &st, 0));
    } else if (!strcmp(c, "mknod")) {
        dev_t d = 0;
        SHOW(__xmknod(0, fifo, S_IFIFO | 0640, &d));
        SHOW(__xstat(STAT_VER, fifo, &st));
        printf("fifo %d mode %o\n", S_ISFIFO(st.st_mode), st.st_mode & 0777);
        SHOW(__xmknod(0, fifo, S_IFIFO | 0640, &d));
        unlink(fifo);
        int dfd = open("/tmp", O_RDONLY | O_DIRECTORY);
        SHOW(__xmknodat(0, dfd, fifo + 5, S_IFIFO | 0600, &d));
        SHOW(__fxstatat(STAT_VER, dfd, fifo + 5, &st, 0));
        printf("fifo %d\n", S_ISFIFO(st.st_mode));
        unlink(fifo);
        d = makedev(1, 3);
        SHOW(__xmknod(0, "/nonexistent/x", S_IFCHR | 0600, &d));
        close(dfd);
    }
    close(fd);
    unlink(link_path);
    unlink(path);
    return 0;
}
