// builds: glibc-2.41
// cflags: -D_GNU_SOURCE
/* sched_getattr and sched_setattr (glibc 2.41): the caller's policy and
 * nice value read back after setting them (SCHED_BATCH, nice 7; no
 * real-time policy, which would need privileges), a too small size, bad
 * flags, thread IDs that do not exist, and a null attribute. */
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static void result(const char *what, int r)
{
    printf("%s = %d %s\n", what, r, r < 0 ? strerror(errno) : "");
}

static void show(void)
{
    struct sched_attr a;
    memset(&a, 0xff, sizeof a);
    result("sched_getattr(0)", sched_getattr(0, &a, sizeof a, 0));
    printf("  size %u policy %u flags %#llx nice %d priority %u\n", a.size, a.sched_policy,
           (unsigned long long)a.sched_flags, a.sched_nice, a.sched_priority);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    show();
    struct sched_attr a;
    memset(&a, 0, sizeof a);
    a.size = sizeof a;
    a.sched_policy = SCHED_BATCH;
    a.sched_nice = 7;
    result("sched_setattr(0, SCHED_BATCH nice 7)", sched_setattr(0, &a, 0));
    show();
    /* Not sched_getscheduler: musl's answers ENOSYS (by design), glibc's the policy. */
    printf("getpriority = %d\n", getpriority(PRIO_PROCESS, 0));
    result("sched_setattr(0, flags 1)", sched_setattr(0, &a, 1));
    a.sched_policy = 77;
    result("sched_setattr(0, policy 77)", sched_setattr(0, &a, 0));
    a.sched_policy = SCHED_OTHER;
    a.size = 4;
    result("sched_setattr(0, size 4)", sched_setattr(0, &a, 0));
    result("sched_setattr(0, NULL)", sched_setattr(0, NULL, 0));
    result("sched_getattr(0, size 8)", sched_getattr(0, &a, 8, 0));
    result("sched_getattr(0, flags 1)", sched_getattr(0, &a, sizeof a, 1));
    result("sched_getattr(-1)", sched_getattr(-1, &a, sizeof a, 0));
    pid_t gone = fork();
    if (gone == 0) _exit(0);
    waitpid(gone, NULL, 0);
    result("sched_getattr(reaped child)", sched_getattr(gone, &a, sizeof a, 0));
    result("sched_getattr(0, NULL)", sched_getattr(0, NULL, sizeof a, 0));
    return 0;
}
