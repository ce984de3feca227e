// builds: glibc-2.41
// cflags: -D_GNU_SOURCE
/* pidfd_spawn and pidfd_spawnp (glibc 2.39): posix_spawn that gives a
 * process descriptor: it is close-on-exec, names the child (pidfd_getpid,
 * waitid P_PIDFD with its exit status), file actions and attributes apply
 * (output redirected, a signal mask), PATH is searched by the p form; a
 * program that does not exist is ENOENT and stores no descriptor. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/pidfd.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static void reap(const char *what, int fd)
{
    siginfo_t info;
    memset(&info, 0, sizeof info);
    int r = waitid(P_PIDFD, fd, &info, WEXITED);
    printf("%s: waitid = %d code %s status %d\n", what, r, info.si_code == CLD_EXITED ? "exited" : "other",
           info.si_status);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    char *args[] = {"sh", "-c", "echo child says hi; exit 7", NULL};
    int fd = -5;
    int r = pidfd_spawn(&fd, "/bin/sh", NULL, NULL, args, environ);
    /* Nothing printed until the child, which writes to the same stdout, has ended. */
    int cloexec = !!(fcntl(fd, F_GETFD) & FD_CLOEXEC);
    pid_t pid = pidfd_getpid(fd);
    siginfo_t info;
    memset(&info, 0, sizeof info);
    waitid(P_PID, pid, &info, WEXITED | WNOWAIT);
    printf("pidfd_spawn = %d fd set %d cloexec %d\n", r, fd >= 0, cloexec);
    printf("pidfd_getpid positive %d\n", pid > 0);
    reap("sh", fd);
    close(fd);

    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    int p[2];
    if (pipe(p)) return 1;
    posix_spawn_file_actions_adddup2(&fa, p[1], 1);
    posix_spawn_file_actions_addclose(&fa, p[0]);
    posix_spawnattr_t at;
    posix_spawnattr_init(&at);
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR2);
    posix_spawnattr_setsigmask(&at, &mask);
    posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGMASK);
    char *args2[] = {"grep", "SigBlk", "/proc/self/status", NULL};
    r = pidfd_spawnp(&fd, "grep", &fa, &at, args2, environ);
    printf("pidfd_spawnp = %d\n", r);
    close(p[1]);
    char buf[256];
    size_t len = 0;
    ssize_t n;
    while (len < sizeof buf - 1 && (n = read(p[0], buf + len, sizeof buf - 1 - len)) > 0) len += n;
    buf[len] = 0;
    printf("child wrote: %s", buf);
    reap("grep via PATH", fd);
    close(fd);

    fd = -5;
    r = pidfd_spawn(&fd, "/no/such/program", NULL, NULL, args, environ);
    printf("pidfd_spawn(missing) = %s fd %d\n", strerror(r), fd);
    fd = -5;
    r = pidfd_spawnp(&fd, "no-such-program-anywhere", NULL, NULL, args, environ);
    printf("pidfd_spawnp(missing) = %s fd %d\n", strerror(r), fd);
    return 0;
}
