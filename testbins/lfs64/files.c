// cases: open fcntl io sizes stat limits
// cflags: -D_GNU_SOURCE
/* The large-file names of <fcntl.h>, <unistd.h>, <sys/uio.h>,
 * <sys/mman.h>, <sys/sendfile.h>, <sys/stat.h>, <sys/statfs.h>,
 * <sys/statvfs.h> and <sys/resource.h>, called through glibc's headers
 * with _FILE_OFFSET_BITS=64 (the harness's flags), which turns open into
 * open64, stat into stat64, ...; fcntl64 with each kind of argument. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

static char path[64], path2[64];

static const char *en(int e) {
    switch (e) {
    case 0: return "0";
    case ENOENT: return "ENOENT";
    case EEXIST: return "EEXIST";
    case EBADF: return "EBADF";
    case EINVAL: return "EINVAL";
    case EAGAIN: return "EAGAIN";
    case EACCES: return "EACCES";
    case ESPIPE: return "ESPIPE";
    case EOPNOTSUPP: return "EOPNOTSUPP";
    case ENOTDIR: return "ENOTDIR";
    case EISDIR: return "EISDIR";
    default: return "other";
    }
}

#define SHOW(expr) do { errno = 0; long long r_ = (long long)(expr); printf("%s = %lld (%s)\n", #expr, r_, en(r_ < 0 ? errno : 0)); } while (0)

int main(int argc, char **argv) {
    const char *c = argc > 1 ? argv[1] : "";
    snprintf(path, sizeof path, "/tmp/gcompat-lfs64-%d", (int)getpid());
    snprintf(path2, sizeof path2, "/tmp/gcompat-lfs64-%d.b", (int)getpid());
    unlink(path);
    unlink(path2);
    if (!strcmp(c, "open")) {
        int fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0640);
        printf("open: %s\n", fd >= 0 ? "ok" : en(errno));
        SHOW(open(path, O_RDWR | O_CREAT | O_EXCL, 0600));
        SHOW(open("/nonexistent/x", O_RDONLY));
        SHOW(write(fd, "hello", 5));
        close(fd);
        struct stat st;
        stat(path, &st);
        printf("mode %o size %lld\n", (unsigned)(st.st_mode & 0777) | 0, (long long)st.st_size);
        fd = creat(path2, 0600);
        printf("creat: %s\n", fd >= 0 ? "ok" : en(errno));
        SHOW(write(fd, "abc", 3));
        close(fd);
        int dfd = open("/tmp", O_RDONLY | O_DIRECTORY);
        fd = openat(dfd, path + 5, O_RDONLY);
        char buf[8] = {0};
        printf("openat: %s read %zd %s\n", fd >= 0 ? "ok" : en(errno), read(fd, buf, 7), buf);
        close(fd);
        SHOW(openat(dfd, "gcompat-no-such-file", O_RDONLY));
        close(dfd);
        fd = open("/tmp", O_TMPFILE | O_RDWR, 0600);
        printf("O_TMPFILE: %s\n", fd >= 0 ? "ok" : en(errno));
        if (fd >= 0)
            close(fd);
    } else if (!strcmp(c, "fcntl")) {
        int fd = open(path, O_RDWR | O_CREAT, 0600);
        write(fd, "0123456789", 10);
        int fl = fcntl(fd, F_GETFL);
        printf("F_GETFL accmode %d append %d nonblock %d\n", fl & O_ACCMODE, !!(fl & O_APPEND), !!(fl & O_NONBLOCK));
        SHOW(fcntl(fd, F_SETFL, fl | O_APPEND | O_NONBLOCK));
        fl = fcntl(fd, F_GETFL);
        printf("F_GETFL after: append %d nonblock %d raw %#x\n", !!(fl & O_APPEND), !!(fl & O_NONBLOCK), fl);
        printf("F_GETFD %d\n", fcntl(fd, F_GETFD));
        SHOW(fcntl(fd, F_SETFD, FD_CLOEXEC));
        printf("F_GETFD %d\n", fcntl(fd, F_GETFD));
        int d = fcntl(fd, F_DUPFD_CLOEXEC, 100);
        printf("F_DUPFD_CLOEXEC >= 100: %d cloexec %d\n", d >= 100, fcntl(d, F_GETFD));
        int d2 = fcntl(fd, F_DUPFD, d + 1);
        printf("F_DUPFD > d: %d cloexec %d\n", d2 > d, fcntl(d2, F_GETFD));
        close(d);
        close(d2);
        struct flock lk = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 2, .l_len = 3};
        SHOW(fcntl(fd, F_SETLK, &lk));
        struct flock q = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0};
        SHOW(fcntl(fd, F_GETLK, &q));
        printf("F_GETLK (own lock): type unlocked %d\n", q.l_type == F_UNLCK);
        fflush(stdout);
        pid_t child = fork();
        if (child == 0) {
            int cfd = open(path, O_RDWR);
            struct flock cq = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0};
            fcntl(cfd, F_GETLK, &cq);
            printf("child F_GETLK: type wr %d start %lld len %lld pid ok %d\n", cq.l_type == F_WRLCK,
                   (long long)cq.l_start, (long long)cq.l_len, cq.l_pid == getppid());
            struct flock cl = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 3, .l_len = 1};
            errno = 0;
            int r = fcntl(cfd, F_SETLK, &cl);
            printf("child F_SETLK conflicting: %d %s\n", r, r < 0 ? (errno == EAGAIN || errno == EACCES ? "EAGAIN/EACCES" : en(errno)) : "0");
            struct flock ok = {.l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = 6, .l_len = 2};
            printf("child F_SETLK elsewhere: %d\n", fcntl(cfd, F_SETLK, &ok));
            fflush(stdout);
            _exit(0);
        }
        int st;
        waitpid(child, &st, 0);
        lk.l_type = F_UNLCK;
        SHOW(fcntl(fd, F_SETLKW, &lk));
        SHOW(fcntl(-1, F_GETFL));
        SHOW(fcntl(fd, F_GETOWN));
        close(fd);
    } else if (!strcmp(c, "io")) {
        int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
        SHOW(pwrite(fd, "abcdefghij", 10, 0));
        SHOW(lseek(fd, 0, SEEK_CUR));
        char b[16] = {0};
        SHOW(pread(fd, b, 4, 3));
        printf("pread: %s\n", b);
        SHOW(lseek(fd, 5000000000LL, SEEK_SET));
        SHOW(lseek(fd, -1, SEEK_SET));
        SHOW(lseek(fd, 2, SEEK_SET));
        char x[4] = {0}, y[4] = {0};
        struct iovec iov[2] = {{x, 3}, {y, 3}};
        SHOW(preadv(fd, iov, 2, 1));
        printf("preadv: %s %s\n", x, y);
        struct iovec w[2] = {{"XY", 2}, {"Z", 1}};
        SHOW(pwritev(fd, w, 2, 7));
        memset(x, 0, 4);
        memset(y, 0, 4);
        SHOW(preadv2(fd, iov, 2, 6, 0));
        printf("preadv2: %s %s\n", x, y);
        SHOW(pwritev2(fd, w, 2, 0, 0));
        SHOW(lseek(fd, 0, SEEK_SET));
        SHOW(preadv2(fd, iov, 2, -1, 0));
        SHOW(lseek(fd, 0, SEEK_CUR));
        SHOW(preadv2(fd, iov, 1, 0, RWF_NOWAIT));
        SHOW(preadv2(fd, iov, 1, 0, 0x40000000));
        SHOW(pwritev2(-1, w, 1, 0, 0));
        memset(b, 0, sizeof b);
        pread(fd, b, 10, 0);
        printf("content: %s\n", b);
        SHOW(pread(-1, b, 1, 0));
        int p[2];
        pipe(p);
        SHOW(pread(p[0], b, 1, 0));
        close(p[0]);
        close(p[1]);
        void *m = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);
        printf("mmap: %s first %.4s\n", m == MAP_FAILED ? "failed" : "ok", m == MAP_FAILED ? "" : (char *)m);
        munmap(m, 4096);
        m = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 1);
        printf("mmap unaligned: %s %s\n", m == MAP_FAILED ? "failed" : "ok", en(errno));
        int out = open(path2, O_RDWR | O_CREAT | O_TRUNC, 0600);
        off_t off = 2;
        SHOW(sendfile(out, fd, &off, 5));
        printf("sendfile offset now %lld\n", (long long)off);
        memset(b, 0, sizeof b);
        pread(out, b, 10, 0);
        printf("sent: %s\n", b);
        close(out);
        close(fd);
    } else if (!strcmp(c, "sizes")) {
        int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
        struct stat st;
        SHOW(ftruncate(fd, 6000000000LL));
        fstat(fd, &st);
        printf("size after ftruncate %lld\n", (long long)st.st_size);
        SHOW(truncate(path, 12345));
        stat(path, &st);
        printf("size after truncate %lld\n", (long long)st.st_size);
        SHOW(truncate("/nonexistent/x", 1));
        SHOW(ftruncate(fd, -1));
        SHOW(posix_fallocate(fd, 0, 70000));
        fstat(fd, &st);
        printf("size after posix_fallocate %lld\n", (long long)st.st_size);
        SHOW(posix_fallocate(fd, -1, 10));
        SHOW(posix_fallocate(-1, 0, 10));
        SHOW(posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL));
        SHOW(posix_fadvise(fd, 0, 0, 12345));
        SHOW(posix_fadvise(-1, 0, 0, POSIX_FADV_NORMAL));
        int r = fallocate(fd, 0, 0, 80000);
        printf("fallocate: %d %s\n", r, r ? (errno == EOPNOTSUPP ? "EOPNOTSUPP" : en(errno)) : "0");
        fstat(fd, &st);
        printf("size after fallocate %lld\n", (long long)st.st_size);
        SHOW(fallocate(fd, 0, -1, 10));
        SHOW(lockf(fd, F_LOCK, 10));
        SHOW(lockf(fd, F_TEST, 10));
        SHOW(lockf(fd, F_ULOCK, 10));
        SHOW(lockf(fd, 99, 10));
        close(fd);
    } else if (!strcmp(c, "stat")) {
        int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0604);
        fchmod(fd, 0604);
        write(fd, "12345", 5);
        symlink(path, path2);
        struct stat a, b, l, t;
        SHOW(stat(path, &a));
        SHOW(fstat(fd, &b));
        SHOW(lstat(path2, &l));
        SHOW(fstatat(AT_FDCWD, path2, &t, 0));
        printf("stat size %lld mode %o nlink %ld same ino %d\n", (long long)a.st_size, a.st_mode, (long)a.st_nlink,
               a.st_ino == b.st_ino && a.st_ino == t.st_ino);
        printf("lstat link %d size %lld\n", S_ISLNK(l.st_mode), (long long)l.st_size);
        SHOW(fstatat(AT_FDCWD, path2, &t, AT_SYMLINK_NOFOLLOW));
        printf("fstatat nofollow link %d\n", S_ISLNK(t.st_mode));
        SHOW(stat("/nonexistent/x", &a));
        SHOW(fstat(-1, &a));
        SHOW(fstatat(AT_FDCWD, path, &a, 0x7777));
        struct statfs sf, sf2;
        SHOW(statfs("/tmp", &sf));
        SHOW(fstatfs(fd, &sf2));
        printf("statfs type same %d bsize %ld namelen %ld\n", sf.f_type == sf2.f_type, (long)sf.f_bsize, (long)sf.f_namelen);
        SHOW(statfs("/nonexistent/x", &sf));
        struct statvfs sv, sv2;
        SHOW(statvfs("/tmp", &sv));
        SHOW(fstatvfs(fd, &sv2));
        printf("statvfs bsize %lu frsize %lu namemax %lu flag %#lx same %d\n", sv.f_bsize, sv.f_frsize, sv.f_namemax,
               sv.f_flag, sv.f_flag == sv2.f_flag);
        SHOW(statvfs("/proc", &sv));
        printf("statvfs /proc flag %#lx\n", sv.f_flag);
        SHOW(fstatvfs(-1, &sv));
        close(fd);
    } else if (!strcmp(c, "limits")) {
        struct rlimit r, o;
        SHOW(getrlimit(RLIMIT_STACK, &r));
        printf("stack cur %llu\n", (unsigned long long)r.rlim_cur);
        SHOW(getrlimit(RLIMIT_NOFILE, &r));
        r.rlim_cur = 64;
        SHOW(setrlimit(RLIMIT_NOFILE, &r));
        SHOW(getrlimit(RLIMIT_NOFILE, &o));
        printf("nofile cur %llu\n", (unsigned long long)o.rlim_cur);
        SHOW(prlimit(0, RLIMIT_NOFILE, NULL, &o));
        printf("prlimit cur %llu\n", (unsigned long long)o.rlim_cur);
        struct rlimit n = {32, o.rlim_max};
        SHOW(prlimit(0, RLIMIT_NOFILE, &n, &o));
        printf("prlimit old %llu\n", (unsigned long long)o.rlim_cur);
        getrlimit(RLIMIT_NOFILE, &o);
        printf("now %llu\n", (unsigned long long)o.rlim_cur);
        SHOW(getrlimit(9999, &o));
        SHOW(setrlimit(RLIMIT_CORE, &(struct rlimit){10, 5}));
        r.rlim_cur = RLIM_INFINITY;
        getrlimit(RLIMIT_CPU, &r);
        printf("cpu infinity %d\n", r.rlim_cur == RLIM_INFINITY);
    }
    unlink(path);
    unlink(path2);
    return 0;
}
