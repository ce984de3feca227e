// glibc's __poll_chk and __ppoll_chk fail when nfds entries do not fit the
// array's object size (fdslen / sizeof (struct pollfd) < nfds), printing
// "*** buffer overflow detected ***: terminated" and aborting (SIGABRT);
// otherwise they poll. nfds comes through a volatile object, so gcc calls
// the __*_chk entry points at run time.
// cases: poll_ok poll_overflow ppoll_ok ppoll_overflow
// cflags: -D_GNU_SOURCE
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile nfds_t n2 = 2, n3 = 3;

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    struct pollfd fds[2];
    int p[2];
    pipe(p);
    write(p[1], "x", 1);
    fds[0].fd = p[0];
    fds[0].events = POLLIN;
    fds[1].fd = p[1];
    fds[1].events = POLLOUT;
    printf("case %s\n", c);
    fflush(stdout);
    if (!strcmp(c, "poll_ok")) {
        int r = poll(fds, n2, 1000);
        printf("r=%d in=%d out=%d\n", r, !!(fds[0].revents & POLLIN), !!(fds[1].revents & POLLOUT));
    } else if (!strcmp(c, "poll_overflow")) {
        poll(fds, n3, 0);
    } else if (!strcmp(c, "ppoll_ok")) {
        struct timespec ts = {1, 0};
        sigset_t ss;
        sigemptyset(&ss);
        int r = ppoll(fds, n2, &ts, &ss);
        printf("r=%d in=%d out=%d\n", r, !!(fds[0].revents & POLLIN), !!(fds[1].revents & POLLOUT));
    } else if (!strcmp(c, "ppoll_overflow")) {
        struct timespec ts = {0, 0};
        ppoll(fds, n3, &ts, NULL);
    }
    printf("done\n");
    return 0;
}
