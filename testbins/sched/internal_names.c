// cflags: -D_GNU_SOURCE
/* glibc's __sched_* names of the POSIX scheduling calls, which programs
 * built against old glibc headers or assembling their own declarations
 * call: the policy and parameters read back after setting SCHED_BATCH
 * (SCHED_RESET_ON_FORK included, which the kernel reports back), priority
 * ranges, yield, and errno for bad policies and processes. glibc does not
 * declare them; the prototypes are those of the public names. */
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int __sched_getscheduler(pid_t);
int __sched_setscheduler(pid_t, int, const struct sched_param *);
int __sched_getparam(pid_t, struct sched_param *);
int __sched_get_priority_max(int);
int __sched_get_priority_min(int);
int __sched_yield(void);

static void result(const char *what, int r)
{
    printf("%s = %#x %s\n", what, r, r < 0 ? strerror(errno) : "");
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    struct sched_param p = {.sched_priority = 77};
    result("__sched_getscheduler(0)", __sched_getscheduler(0));
    result("__sched_getparam(0)", __sched_getparam(0, &p));
    printf("priority %d\n", p.sched_priority);
    result("__sched_setscheduler(0, SCHED_BATCH)", __sched_setscheduler(0, SCHED_BATCH, &p));
    result("__sched_getscheduler(0)", __sched_getscheduler(0));
    result("__sched_setscheduler(0, SCHED_IDLE | SCHED_RESET_ON_FORK)",
           __sched_setscheduler(0, SCHED_IDLE | SCHED_RESET_ON_FORK, &p));
    result("__sched_getscheduler(0)", __sched_getscheduler(0));
    result("__sched_setscheduler(0, 77)", __sched_setscheduler(0, 77, &p));
    p.sched_priority = 5;
    result("__sched_setscheduler(0, SCHED_BATCH, priority 5)", __sched_setscheduler(0, SCHED_BATCH, &p));
    result("__sched_getscheduler(-1)", __sched_getscheduler(-1));
    pid_t gone = fork();
    if (gone == 0) _exit(0);
    waitpid(gone, NULL, 0);
    result("__sched_getscheduler(reaped)", __sched_getscheduler(gone));
    result("__sched_getparam(reaped)", __sched_getparam(gone, &p));
    result("__sched_get_priority_max(SCHED_FIFO)", __sched_get_priority_max(SCHED_FIFO));
    result("__sched_get_priority_min(SCHED_RR)", __sched_get_priority_min(SCHED_RR));
    result("__sched_get_priority_max(SCHED_OTHER)", __sched_get_priority_max(SCHED_OTHER));
    result("__sched_get_priority_min(77)", __sched_get_priority_min(77));
    result("__sched_yield()", __sched_yield());
    return 0;
}
