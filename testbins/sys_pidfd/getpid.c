// builds: glibc-2.41
// cases: self child ended badfd namespace
// cflags: -D_GNU_SOURCE
/* pidfd_getpid (glibc 2.39): the process ID behind a process descriptor,
 * read from /proc/self/fdinfo; EBADF for descriptors that are not open or
 * not process descriptors, ESRCH once the process has been reaped; from a
 * child PID namespace whose /proc is still the parent namespace's procfs,
 * the parent's ID as that procfs shows it (EREMOTE would need a procfs of
 * the child namespace; the case prints the unshare failure instead where
 * CLONE_NEWPID is refused). */
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/pidfd.h>
#include <sys/wait.h>
#include <unistd.h>

static void result(const char *what, pid_t r, pid_t want)
{
    printf("%s: %s %s\n", what, r == want ? "expected pid" : r == -1 ? "-1" : "other pid",
           r == -1 ? strerror(errno) : "");
}

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    setvbuf(stdout, NULL, _IONBF, 0);
    if (!strcmp(argv[1], "self")) {
        int fd = pidfd_open(getpid(), 0);
        result("pidfd_getpid(self)", pidfd_getpid(fd), getpid());
    } else if (!strcmp(argv[1], "child")) {
        pid_t child = fork();
        if (child == 0) {
            pause();
            _exit(0);
        }
        int fd = pidfd_open(child, 0);
        result("pidfd_getpid(child)", pidfd_getpid(fd), child);
        kill(child, SIGKILL);
        usleep(100000);
        result("pidfd_getpid(zombie)", pidfd_getpid(fd), child);
        waitpid(child, NULL, 0);
        result("pidfd_getpid(reaped)", pidfd_getpid(fd), child);
    } else if (!strcmp(argv[1], "ended")) {
        pid_t child = fork();
        if (child == 0) _exit(0);
        int fd = pidfd_open(child, 0);
        waitpid(child, NULL, 0);
        result("pidfd_getpid(ended)", pidfd_getpid(fd), child);
    } else if (!strcmp(argv[1], "badfd")) {
        errno = 0;
        result("pidfd_getpid(-1)", pidfd_getpid(-1), 0);
        result("pidfd_getpid(closed)", pidfd_getpid(900), 0);
        result("pidfd_getpid(stdout)", pidfd_getpid(1), 0);
        int p[2];
        if (pipe(p)) return 1;
        result("pidfd_getpid(pipe)", pidfd_getpid(p[0]), 0);
    } else if (!strcmp(argv[1], "namespace")) {
        pid_t parent = getpid();
        int fd = pidfd_open(parent, 0);
        if (unshare(CLONE_NEWPID)) {
            printf("unshare: %s\n", strerror(errno));
            return 0;
        }
        pid_t child = fork();
        if (child == 0) {
            result("pidfd_getpid(parent, from a child PID namespace)", pidfd_getpid(fd), parent);
            _exit(0);
        }
        waitpid(child, NULL, 0);
    } else
        return 2;
    return 0;
}
