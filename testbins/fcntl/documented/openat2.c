// openat2 (GLIBC_2.43): openat with a struct open_how. No glibc here has
// it (the oracles are 2.36 and 2.41), so this checks glibc's documented
// behaviour (glibc 2.43 NEWS; openat2(2): glibc's wrapper is the system
// call): opening and creating relative to a directory descriptor; the
// resolve flags (RESOLVE_BENEATH refuses ".." with EXDEV,
// RESOLVE_NO_SYMLINKS a symlink with ELOOP, RESOLVE_IN_ROOT treats the
// descriptor as "/"); EINVAL for unknown flags, a mode without O_CREAT
// and a size below the first version of the structure; E2BIG for a larger
// structure with non-zero bytes past the known fields.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int openat2(int, const char *, struct open_how *, size_t);

static void result(const char *what, int r)
{
    printf("%s = %s %s\n", what, r >= 0 ? "fd" : "-1", r < 0 ? strerror(errno) : "");
    if (r >= 0) close(r);
}

int main(void)
{
    char dir[] = "/tmp/openat2-XXXXXX";
    if (!mkdtemp(dir)) return 1;
    int d = open(dir, O_DIRECTORY | O_RDONLY);
    struct open_how how = {.flags = O_WRONLY | O_CREAT | O_EXCL, .mode = 0640};
    int fd = openat2(d, "file", &how, sizeof how);
    result("create", fd);
    struct stat st;
    fstatat(d, "file", &st, 0);
    printf("mode %o\n", st.st_mode & 0777 & ~022);
    result("create again (O_EXCL)", openat2(d, "file", &how, sizeof how));
    if (symlinkat("file", d, "link")) return 1;
    struct open_how rd = {.flags = O_RDONLY};
    result("open link", openat2(d, "link", &rd, sizeof rd));
    rd.resolve = RESOLVE_NO_SYMLINKS;
    result("open link, RESOLVE_NO_SYMLINKS", openat2(d, "link", &rd, sizeof rd));
    rd.resolve = RESOLVE_BENEATH;
    result("open ../ RESOLVE_BENEATH", openat2(d, "../", &rd, sizeof rd));
    result("open file RESOLVE_BENEATH", openat2(d, "file", &rd, sizeof rd));
    rd.resolve = RESOLVE_IN_ROOT;
    result("open /file RESOLVE_IN_ROOT", openat2(d, "/file", &rd, sizeof rd));
    rd.resolve = 0x8000;
    result("unknown resolve flag", openat2(d, "file", &rd, sizeof rd));
    rd.resolve = 0;
    rd.mode = 0644;
    result("mode without O_CREAT", openat2(d, "file", &rd, sizeof rd));
    rd.mode = 0;
    result("size 8", openat2(d, "file", &rd, 8));
    struct {
        struct open_how how;
        unsigned long long extra;
    } big = {{.flags = O_RDONLY}, 0};
    result("larger structure, zero tail", openat2(d, "file", &big.how, sizeof big));
    big.extra = 1;
    result("larger structure, non-zero tail", openat2(d, "file", &big.how, sizeof big));
    result("missing", openat2(d, "missing", &rd, sizeof rd));
    unlinkat(d, "link", 0);
    unlinkat(d, "file", 0);
    rmdir(dir);
    return 0;
}
