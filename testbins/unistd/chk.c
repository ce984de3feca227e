// glibc's fortified <unistd.h> functions compare a length argument with
// the buffer's object size and print "*** buffer overflow detected ***:
// terminated" and abort (SIGABRT) when it is larger: __read_chk,
// __pread_chk/__pread64_chk (nbytes > buflen), __readlink_chk and
// __readlinkat_chk (len > buflen), __getcwd_chk (size > buflen),
// __confstr_chk (len > buflen), __getgroups_chk (size * sizeof (gid_t) >
// buflen; a negative size is EINVAL, not a failure), __ttyname_r_chk,
// __getlogin_r_chk, __gethostname_chk and __getdomainname_chk (buflen >
// the real size). __getwd_chk fails when the directory name does not fit
// the buffer (ERANGE from getcwd). Lengths come through volatile objects, so
// gcc calls the __*_chk entry points at run time. Results that depend on the
// machine are reduced to what both libcs must agree on.
// cases: read_ok read_overflow pread_ok pread_overflow readlink_ok readlink_overflow readlinkat_ok readlinkat_overflow getcwd_ok getcwd_overflow getwd_ok getwd_overflow confstr_ok confstr_overflow getgroups_ok getgroups_negative getgroups_overflow ttyname_r_ok ttyname_r_overflow getlogin_r_ok getlogin_r_overflow gethostname_ok gethostname_overflow getdomainname_ok getdomainname_overflow
// cflags: -D_GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile size_t n8 = 8, n9 = 9, n64 = 64, n65 = 65, n4096 = 4096;
static volatile int g1 = 1, g17 = 17, gneg = -1;

static int input_fd(const char *text)
{
    int p[2];
    if (pipe(p) != 0)
        return -1;
    write(p[1], text, strlen(text));
    close(p[1]);
    return p[0];
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    char buf[8];
    char big[64];
    gid_t groups[16];
    memset(buf, 0, sizeof buf);
    printf("case %s\n", c);
    fflush(stdout);

    if (!strcmp(c, "read_ok")) {
        ssize_t r = read(input_fd("0123456789"), buf, n8);
        printf("r=%zd <%.8s>\n", r, buf);
    } else if (!strcmp(c, "read_overflow")) {
        read(input_fd("0123456789"), buf, n9);
    } else if (!strcmp(c, "pread_ok")) {
        int fd = open("/proc/self/cmdline", O_RDONLY);
        ssize_t r = pread(fd, buf, n8, 0);
        printf("r>0:%d\n", r > 0);
    } else if (!strcmp(c, "pread_overflow")) {
        int fd = open("/proc/self/cmdline", O_RDONLY);
        pread(fd, buf, n9, 0);
    } else if (!strcmp(c, "readlink_ok")) {
        ssize_t r = readlink("/proc/self/fd/0", big, n64);
        printf("r=%zd <%.*s>\n", r, (int)(r > 0 ? r : 0), big);
    } else if (!strcmp(c, "readlink_overflow")) {
        readlink("/proc/self/fd/0", big, n65);
    } else if (!strcmp(c, "readlinkat_ok")) {
        ssize_t r = readlinkat(AT_FDCWD, "/proc/self/fd/0", big, n64);
        printf("r=%zd <%.*s>\n", r, (int)(r > 0 ? r : 0), big);
    } else if (!strcmp(c, "readlinkat_overflow")) {
        readlinkat(AT_FDCWD, "/proc/self/fd/0", big, n65);
    } else if (!strcmp(c, "getcwd_ok")) {
        chdir("/");
        char *r = getcwd(buf, n8);
        printf("r==buf:%d <%s>\n", r == buf, buf);
    } else if (!strcmp(c, "getcwd_overflow")) {
        chdir("/");
        getcwd(buf, n9);
    } else if (!strcmp(c, "getwd_ok")) {
        char path[PATH_MAX];
        chdir("/tmp");
        char *r = getwd(path);
        printf("r==path:%d <%s>\n", r == path, path);
    } else if (!strcmp(c, "getwd_overflow")) {
        chdir("/proc/self/fdinfo");
        char *r = getwd(buf);
        printf("r=%p\n", (void *)r);
    } else if (!strcmp(c, "confstr_ok")) {
        size_t r = confstr(_CS_PATH, big, n64);
        printf("r=%zu <%s>\n", r, big);
    } else if (!strcmp(c, "confstr_overflow")) {
        confstr(_CS_PATH, big, n65);
    } else if (!strcmp(c, "getgroups_ok")) {
        int r = getgroups(g1 * 16, groups);
        printf("r>=0:%d\n", r >= 0);
    } else if (!strcmp(c, "getgroups_negative")) {
        errno = 0;
        int r = getgroups(gneg, groups);
        printf("r=%d errno=%s\n", r, errno == EINVAL ? "EINVAL" : "other");
    } else if (!strcmp(c, "getgroups_overflow")) {
        getgroups(g17, groups);
    } else if (!strcmp(c, "ttyname_r_ok")) {
        int r = ttyname_r(0, big, n64);
        printf("r=%s\n", r == ENOTTY ? "ENOTTY" : r == 0 ? "0" : "other");
    } else if (!strcmp(c, "ttyname_r_overflow")) {
        ttyname_r(0, big, n65);
    } else if (!strcmp(c, "getlogin_r_ok")) {
        /* Who is logged in differs between the libcs' sources (utmp,
           LOGNAME): only that the call returns. */
        getlogin_r(big, n64);
        printf("returned\n");
    } else if (!strcmp(c, "getlogin_r_overflow")) {
        getlogin_r(big, n65);
    } else if (!strcmp(c, "gethostname_ok")) {
        int r = gethostname(big, n64);
        printf("r=%d len>0:%d\n", r, (int)strlen(big) > 0);
    } else if (!strcmp(c, "gethostname_overflow")) {
        gethostname(big, n65);
    } else if (!strcmp(c, "getdomainname_ok")) {
        int r = getdomainname(big, n64);
        printf("r=%d\n", r);
    } else if (!strcmp(c, "getdomainname_overflow")) {
        getdomainname(big, n65);
    }
    printf("done\n");
    return 0;
}
