// cflags: -D_GNU_SOURCE
/* epoll_pwait2 (glibc 2.35): a zero and a short timespec timeout with
 * nothing ready, a ready pipe with and without a timeout, the signal mask
 * applied for the wait only (a pending blocked signal interrupts it), and
 * errno for a bad timespec, bad maxevents, a bad descriptor. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <time.h>
#include <unistd.h>

static volatile int got;
static void handler(int sig) { got = sig; }

static void result(const char *what, int r)
{
    printf("%s = %d %s\n", what, r, r < 0 ? strerror(errno) : "");
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    int ep = epoll_create1(EPOLL_CLOEXEC);
    int p[2];
    if (ep < 0 || pipe(p)) return 1;
    struct epoll_event ev = {.events = EPOLLIN, .data.u64 = 42}, out[4];
    epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev);
    struct timespec zero = {0, 0}, short_wait = {0, 20000000}, bad = {0, 2000000000};
    result("nothing ready, zero timeout", epoll_pwait2(ep, out, 4, &zero, NULL));
    double t0 = now();
    result("nothing ready, 20 ms", epoll_pwait2(ep, out, 4, &short_wait, NULL));
    printf("waited at least 15 ms %d\n", now() - t0 >= 0.015);
    if (write(p[1], "x", 1) != 1) return 1;
    memset(out, 0, sizeof out);
    result("ready, zero timeout", epoll_pwait2(ep, out, 4, &zero, NULL));
    printf("events %#x data %llu\n", out[0].events, (unsigned long long)out[0].data.u64);
    result("ready, no timeout", epoll_pwait2(ep, out, 4, NULL, NULL));
    result("bad timespec", epoll_pwait2(ep, out, 4, &bad, NULL));
    result("maxevents 0", epoll_pwait2(ep, out, 0, &zero, NULL));
    result("bad epfd", epoll_pwait2(-1, out, 4, &zero, NULL));
    result("not an epoll fd", epoll_pwait2(p[0], out, 4, &zero, NULL));
    char c;
    if (read(p[0], &c, 1) != 1) return 1;

    signal(SIGUSR1, handler);
    sigset_t block, empty;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigemptyset(&empty);
    sigprocmask(SIG_BLOCK, &block, NULL);
    raise(SIGUSR1);
    struct timespec second = {1, 0};
    result("blocked pending signal, mask keeps it blocked", epoll_pwait2(ep, out, 4, &zero, &block));
    printf("handler ran %d\n", got);
    result("blocked pending signal, empty mask", epoll_pwait2(ep, out, 4, &second, &empty));
    printf("handler ran %d\n", got == SIGUSR1);
    sigset_t now_mask;
    sigprocmask(SIG_BLOCK, NULL, &now_mask);
    printf("mask restored %d\n", sigismember(&now_mask, SIGUSR1));
    return 0;
}
