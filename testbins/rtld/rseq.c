// cflags: -D_GNU_SOURCE -pthread
// emulated-skip: * -- qemu-user does not emulate rseq (glibc registers none: __rseq_size reads 0)
/* Restartable sequences as glibc registers them (2.35): every thread's area
 * at __rseq_offset from the thread pointer, registered, so the kernel keeps
 * its cpu_id current; a second registration of the same thread is refused
 * (EBUSY). The offset and size themselves differ between glibc versions
 * and are not printed. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <sys/rseq.h>
#include <sys/syscall.h>
#include <unistd.h>

static struct rseq *area(void)
{
    return (struct rseq *)((char *)__builtin_thread_pointer() + __rseq_offset);
}

static void report(const char *who)
{
    struct rseq *r = area();
    int cpu = sched_getcpu();
    printf("%s: registered %d, cpu_id matches %d, cpu_id_start matches %d\n", who, __rseq_size > 0,
           (int)r->cpu_id == cpu, (int)r->cpu_id_start == cpu);
    long rc = syscall(SYS_rseq, r, 32, 0, RSEQ_SIG);
    printf("%s: registering again: %ld (%s)\n", who, rc, rc == -1 && errno == EBUSY ? "EBUSY" : "other");
}

static void *thread(void *arg)
{
    report(arg);
    return NULL;
}

int main(void)
{
    printf("flags %u, size at least 20: %d\n", __rseq_flags, __rseq_size >= 20);
    report("main");
    for (int i = 0; i < 2; i++) {
        pthread_t t;
        pthread_create(&t, NULL, thread, i ? "thread 2" : "thread 1");
        pthread_join(t, NULL);
    }
    return 0;
}
