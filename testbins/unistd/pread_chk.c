// glibc's __pread_chk (pread with a 32-bit off_t build) and __pread64_chk
// (pread64, or pread under _FILE_OFFSET_BITS=64) fail when nbytes exceeds
// the buffer's object size: "*** buffer overflow detected ***: terminated",
// SIGABRT. This program is built without _FILE_OFFSET_BITS=64 so that both
// entry points are called; nbytes comes through a volatile object.
// cases: pread_ok pread_overflow pread64_ok pread64_overflow
// cflags: -U_FILE_OFFSET_BITS -D_GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile size_t n4 = 4, n5 = 5;

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    char buf[4];
    char path[] = "pread_chk.XXXXXX";
    int fd = mkstemp(path);
    unlink(path);
    write(fd, "0123456789", 10);
    printf("case %s\n", c);
    fflush(stdout);
    if (!strcmp(c, "pread_ok")) {
        ssize_t r = pread(fd, buf, n4, 3);
        printf("r=%zd <%.4s>\n", r, buf);
    } else if (!strcmp(c, "pread_overflow")) {
        pread(fd, buf, n5, 3);
    } else if (!strcmp(c, "pread64_ok")) {
        ssize_t r = pread64(fd, buf, n4, 5);
        printf("r=%zd <%.4s>\n", r, buf);
    } else if (!strcmp(c, "pread64_overflow")) {
        pread64(fd, buf, n5, 5);
    }
    printf("done\n");
    return 0;
}
