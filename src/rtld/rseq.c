/* Restartable sequences as glibc (2.35+) registers them: one `struct rseq`
 * per thread at a fixed offset from the thread pointer (`__rseq_offset`),
 * registered with the kernel when the thread starts, `cpu_id` -1 until then
 * (RSEQ_CPU_ID_UNINITIALIZED) so that a thread that is not registered is
 * never read as "on CPU 0".
 *
 * The area is an initial-exec TLS variable of the shim: the shim is loaded
 * at start-up, so musl places it in static TLS at the same offset from the
 * thread pointer in every thread. C, because that needs `__thread`. */
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>

#define RSEQ_SIG 0x53053053
#define ORIG_RSEQ_SIZE 32

struct gcompat_rseq {
    uint32_t cpu_id_start;
    uint32_t cpu_id;
    uint64_t rseq_cs;
    uint32_t flags;
    uint32_t node_id;
    uint32_t mm_cid;
    uint32_t pad;
} __attribute__((aligned(32)));

_Static_assert(sizeof(struct gcompat_rseq) == ORIG_RSEQ_SIZE, "rseq area size");

static __thread struct gcompat_rseq area __attribute__((tls_model("initial-exec"))) = {
    .cpu_id = (uint32_t)-1,
};

/* The area's offset from the thread pointer (the same in every thread). */
long __gcompat_rseq_offset(void)
{
    return (char *)&area - (char *)__builtin_thread_pointer();
}

static __thread int registered __attribute__((tls_model("initial-exec")));

/* Registers the calling thread's area; 0, or -1 if the kernel refuses. */
int __gcompat_rseq_register(void)
{
    if (syscall(SYS_rseq, &area, ORIG_RSEQ_SIZE, 0, RSEQ_SIG) != 0)
        return -1;
    registered = 1;
    return 0;
}

/* Unregisters the calling thread's area before the thread ends: a detached
 * musl thread unmaps its own stack, where the area lies, before its last
 * system call, and the kernel kills the process (SIGSEGV) when it cannot
 * update a registered area, as on a preemption in that window. */
void __gcompat_rseq_unregister(void)
{
    if (!registered)
        return;
    syscall(SYS_rseq, &area, ORIG_RSEQ_SIZE, 1 /* RSEQ_FLAG_UNREGISTER */, RSEQ_SIG);
    registered = 0;
    area.cpu_id = (uint32_t)-1;
}
