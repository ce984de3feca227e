// cases: lookup call
// cflags: -D_GNU_SOURCE -ldl
/* Every large-file name glibc has, looked up with dlsym(RTLD_DEFAULT):
 * musl >= 1.2.4 binds these only during relocation, so without real
 * exports dlsym finds none of them. Then calls through the pointers. */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *names[] = {
    "_IO_fgetpos64", "_IO_fsetpos64", "__fxstat64", "__fxstatat64", "__lxstat64", "__open64", "__pread64",
    "__pwrite64", "__xstat64", "aio_cancel64", "aio_error64", "aio_fsync64", "aio_read64", "aio_return64",
    "aio_suspend64", "aio_write64", "alphasort64", "creat64", "fallocate64", "fcntl64", "fgetpos64", "fopen64",
    "freopen64", "fseeko64", "fsetpos64", "fstat64", "fstatat64", "fstatfs64", "fstatvfs64", "ftello64",
    "ftruncate64", "ftw64", "getdents64", "getdirentries64", "getrlimit64", "glob64", "globfree64", "lio_listio64",
    "lockf64", "lseek64", "lstat64", "mkostemp64", "mkostemps64", "mkstemp64", "mkstemps64", "mmap64", "nftw64",
    "open64", "openat64", "posix_fadvise64", "posix_fallocate64", "pread64", "preadv64", "preadv64v2", "prlimit64",
    "pwrite64", "pwritev64", "pwritev64v2", "readdir64", "readdir64_r", "scandir64", "scandirat64", "sendfile64",
    "setrlimit64", "stat64", "statfs64", "statvfs64", "tmpfile64", "truncate64", "versionsort64",
    NULL};

int main(int argc, char **argv) {
    const char *c = argc > 1 ? argv[1] : "";
    if (!strcmp(c, "lookup")) {
        for (int i = 0; names[i]; i++)
            printf("%s: %s\n", names[i], dlsym(RTLD_DEFAULT, names[i]) ? "found" : "missing");
    } else if (!strcmp(c, "call")) {
        char path[64];
        snprintf(path, sizeof path, "/tmp/gcompat-dlsym-%d", (int)getpid());
        int (*o)(const char *, int, ...) = (int (*)(const char *, int, ...))dlsym(RTLD_DEFAULT, "open64");
        int (*f)(int, int, ...) = (int (*)(int, int, ...))dlsym(RTLD_DEFAULT, "fcntl64");
        int (*s)(const char *, struct stat *) = (int (*)(const char *, struct stat *))dlsym(RTLD_DEFAULT, "stat64");
        long long (*l)(int, long long, int) = (long long (*)(int, long long, int))dlsym(RTLD_DEFAULT, "lseek64");
        if (!o || !f || !s || !l) {
            printf("missing\n");
            return 1;
        }
        int fd = o(path, O_RDWR | O_CREAT | O_EXCL, 0600);
        printf("open64: %s\n", fd >= 0 ? "ok" : "failed");
        write(fd, "abcdef", 6);
        printf("lseek64: %lld\n", l(fd, 0, SEEK_CUR));
        printf("fcntl64 F_GETFL accmode: %d\n", f(fd, F_GETFL) & O_ACCMODE);
        int r = f(fd, F_SETFD, FD_CLOEXEC);
        printf("fcntl64 F_SETFD: %d, F_GETFD: %d\n", r, f(fd, F_GETFD));
        struct flock lk = {.l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 1};
        printf("fcntl64 F_SETLK: %d\n", f(fd, F_SETLK, &lk));
        struct flock q = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
        r = f(fd, F_GETLK, &q);
        printf("fcntl64 F_GETLK: %d unlocked %d\n", r, q.l_type == F_UNLCK);
        int d = f(fd, F_DUPFD_CLOEXEC, 50);
        printf("fcntl64 F_DUPFD_CLOEXEC: >=50 %d cloexec %d\n", d >= 50, f(d, F_GETFD));
        struct stat st;
        r = s(path, &st);
        printf("stat64: %d size %lld\n", r, (long long)st.st_size);
        errno = 0;
        r = o("/nonexistent/x", O_RDONLY);
        printf("open64 missing: %d %s\n", r, errno == ENOENT ? "ENOENT" : "other");
        close(d);
        close(fd);
        unlink(path);
    }
    return 0;
}
