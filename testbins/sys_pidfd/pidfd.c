// cases: open send getfd
// cflags: -D_GNU_SOURCE
/* pidfd_open, pidfd_send_signal, pidfd_getfd (glibc 2.36): descriptors for
 * the process itself and for children, signals through them, descriptors
 * taken from a process, and errno for bad descriptors, flags and ended
 * processes. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/pidfd.h>
#include <sys/wait.h>
#include <unistd.h>

static void result(const char *what, int r)
{
    printf("%s: %s%s\n", what, r >= 0 ? "ok" : "-1 ", r >= 0 ? "" : strerror(errno));
}

static pid_t sleeper(void)
{
    pid_t pid = fork();
    if (pid == 0) {
        for (;;) pause();
    }
    return pid;
}

static pid_t reaped_child(void)
{
    pid_t pid = fork();
    if (pid == 0) _exit(0);
    waitpid(pid, NULL, 0);
    return pid;
}

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    setvbuf(stdout, NULL, _IONBF, 0);
    if (!strcmp(argv[1], "open")) {
        int fd = pidfd_open(getpid(), 0);
        result("pidfd_open(self)", fd);
        printf("cloexec %d nonblock %d\n", !!(fcntl(fd, F_GETFD) & FD_CLOEXEC), !!(fcntl(fd, F_GETFL) & O_NONBLOCK));
        int nb = pidfd_open(getpid(), PIDFD_NONBLOCK);
        result("pidfd_open(self, PIDFD_NONBLOCK)", nb);
        printf("nonblock %d\n", !!(fcntl(nb, F_GETFL) & O_NONBLOCK));
        result("pidfd_open(-1)", pidfd_open(-1, 0));
        result("pidfd_open(0)", pidfd_open(0, 0));
        result("pidfd_open(self, 0x1234)", pidfd_open(getpid(), 0x1234));
        result("pidfd_open(reaped child)", pidfd_open(reaped_child(), 0));
        pid_t child = fork();
        if (child == 0) _exit(3);
        int cfd = pidfd_open(child, 0);
        result("pidfd_open(child)", cfd);
        struct pollfd p = {cfd, POLLIN, 0};
        int ready = poll(&p, 1, 5000);
        printf("poll = %d revents %#x\n", ready, p.revents);
        int st;
        waitpid(child, &st, 0);
        printf("child exit %d\n", WEXITSTATUS(st));
    } else if (!strcmp(argv[1], "send")) {
        pid_t child = sleeper();
        int cfd = pidfd_open(child, 0);
        result("pidfd_send_signal(child, 0)", pidfd_send_signal(cfd, 0, NULL, 0));
        result("pidfd_send_signal(child, 0, flags 0x40)", pidfd_send_signal(cfd, 0, NULL, 0x40));
        result("pidfd_send_signal(child, 12345)", pidfd_send_signal(cfd, 12345, NULL, 0));
        result("pidfd_send_signal(child, SIGTERM)", pidfd_send_signal(cfd, SIGTERM, NULL, 0));
        int st;
        waitpid(child, &st, 0);
        printf("child signalled %d sig %d\n", WIFSIGNALED(st), WTERMSIG(st));
        result("pidfd_send_signal(reaped)", pidfd_send_signal(cfd, 0, NULL, 0));
        result("pidfd_send_signal(-1)", pidfd_send_signal(-1, 0, NULL, 0));
        result("pidfd_send_signal(stdout)", pidfd_send_signal(1, 0, NULL, 0));
        result("pidfd_send_signal(closed)", pidfd_send_signal(900, 0, NULL, 0));
    } else if (!strcmp(argv[1], "getfd")) {
        int self = pidfd_open(getpid(), 0);
        int pipefd[2];
        if (pipe(pipefd)) return 1;
        int got = pidfd_getfd(self, pipefd[1], 0);
        result("pidfd_getfd(self, pipe)", got);
        printf("cloexec %d\n", !!(fcntl(got, F_GETFD) & FD_CLOEXEC));
        char c = 0;
        ssize_t w = write(got, "x", 1);
        ssize_t r = read(pipefd[0], &c, 1);
        printf("write through copy %zd, read %zd '%c'\n", w, r, c);
        result("pidfd_getfd(self, 900)", pidfd_getfd(self, 900, 0));
        result("pidfd_getfd(self, 1, 1)", pidfd_getfd(self, 1, 1));
        result("pidfd_getfd(-1, 1)", pidfd_getfd(-1, 1, 0));
        result("pidfd_getfd(stdout, 1)", pidfd_getfd(1, 1, 0));
    } else
        return 2;
    return 0;
}
