// glibc's headers call __open_2, __open64_2, __openat_2 and __openat64_2
// when open or openat get no mode argument and the flags are not a
// compile-time constant. Flags that need a mode (O_CREAT, O_TMPFILE) print
// "*** invalid open call: O_CREAT or O_TMPFILE without mode ***: terminated"
// (the message names the function: open, open64, openat, openat64) and
// abort (SIGABRT); other flags open normally. Built without
// _FILE_OFFSET_BITS=64 so that open/openat reach the 32-bit-offset entry
// points and open64/openat64 the 64-bit ones.
// cases: open_ok open_creat open64_ok open64_creat openat_ok openat_creat openat_tmpfile openat64_ok openat64_creat
// cflags: -U_FILE_OFFSET_BITS -D_GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile int rd = O_RDONLY, with_creat = O_WRONLY | O_CREAT, tmpfile_flags = O_RDWR | O_TMPFILE;

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    int fd = -2;
    printf("case %s\n", c);
    fflush(stdout);
    if (!strcmp(c, "open_ok"))
        fd = open("/dev/null", rd);
    else if (!strcmp(c, "open_creat"))
        fd = open("open_chk.never", with_creat);
    else if (!strcmp(c, "open64_ok"))
        fd = open64("/dev/null", rd);
    else if (!strcmp(c, "open64_creat"))
        fd = open64("open_chk.never", with_creat);
    else if (!strcmp(c, "openat_ok"))
        fd = openat(AT_FDCWD, "/dev/null", rd);
    else if (!strcmp(c, "openat_creat"))
        fd = openat(AT_FDCWD, "open_chk.never", with_creat);
    else if (!strcmp(c, "openat_tmpfile"))
        fd = openat(AT_FDCWD, ".", tmpfile_flags);
    else if (!strcmp(c, "openat64_ok"))
        fd = openat64(AT_FDCWD, "/dev/null", rd);
    else if (!strcmp(c, "openat64_creat"))
        fd = openat64(AT_FDCWD, "open_chk.never", with_creat);
    printf("fd>=0:%d\n", fd >= 0);
    return 0;
}
