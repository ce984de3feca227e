// cases: close_range cloexec errors closefrom
// cflags: -D_GNU_SOURCE
/* close_range (glibc 2.34; flags CLOSE_RANGE_CLOEXEC, CLOSE_RANGE_UNSHARE)
 * and closefrom: which descriptors are open or close-on-exec afterwards,
 * return values and errno for bad arguments. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <linux/close_range.h>

static void open_some(void)
{
    for (int fd = 10; fd < 20; fd++) dup2(1, fd);
}

static void show(const char *what)
{
    printf("%s:", what);
    for (int fd = 0; fd < 22; fd++) {
        int fl = fcntl(fd, F_GETFD);
        if (fl >= 0) printf(" %d%s", fd, fl & FD_CLOEXEC ? "c" : "");
    }
    printf("\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    setvbuf(stdout, NULL, _IONBF, 0);
    open_some();
    if (!strcmp(argv[1], "close_range")) {
        show("before");
        printf("close_range(12, 14, 0) = %d\n", close_range(12, 14, 0));
        show("after");
        printf("close_range(17, ~0U, 0) = %d\n", close_range(17, ~0U, 0));
        show("after");
        printf("again = %d\n", close_range(17, ~0U, 0));
        printf("unshare = %d\n", close_range(10, 10, CLOSE_RANGE_UNSHARE));
        show("after");
    } else if (!strcmp(argv[1], "cloexec")) {
        printf("cloexec = %d\n", close_range(11, 15, CLOSE_RANGE_CLOEXEC));
        show("after");
        printf("cloexec|unshare = %d\n", close_range(16, 16, CLOSE_RANGE_CLOEXEC | CLOSE_RANGE_UNSHARE));
        show("after");
    } else if (!strcmp(argv[1], "errors")) {
        errno = 0;
        int r = close_range(15, 12, 0);
        printf("first > last: %d errno %s\n", r, strerror(errno));
        errno = 0;
        r = close_range(10, 12, 0x40);
        printf("bad flag: %d errno %s\n", r, strerror(errno));
        show("unchanged");
    } else if (!strcmp(argv[1], "closefrom")) {
        closefrom(15);
        show("closefrom(15)");
        closefrom(19);
        show("closefrom(19) again");
        errno = 77;
        closefrom(13);
        show("closefrom(13)");
        printf("errno %d\n", errno);
    } else
        return 2;
    return 0;
}
