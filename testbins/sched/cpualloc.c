// cases: cpualloc
// cflags: -D_GNU_SOURCE
/* CPU_ALLOC/CPU_FREE call __sched_cpualloc/__sched_cpufree in glibc's
 * <sched.h>: a set of CPU_ALLOC_SIZE bytes that the CPU_*_S macros and
 * sched_getaffinity use; CPU_COUNT_S calls __sched_cpucount (musl's). */
#include <sched.h>
#include <stdio.h>

int main(void)
{
    int counts[] = { 1, 64, 65, 1024 };
    for (unsigned i = 0; i < sizeof counts / sizeof counts[0]; i++) {
        cpu_set_t *set = CPU_ALLOC(counts[i]);
        size_t size = CPU_ALLOC_SIZE(counts[i]);
        CPU_ZERO_S(size, set);
        for (int c = 0; c < counts[i]; c += 3) CPU_SET_S(c, size, set);
        printf("CPU_ALLOC(%d): size %zu, set every third: count %d, isset(%d) %d\n", counts[i], size,
               CPU_COUNT_S(size, set), counts[i] - 1, CPU_ISSET_S(counts[i] - 1, size, set) != 0);
        CPU_FREE(set);
    }
    cpu_set_t *set = CPU_ALLOC(1024);
    size_t size = CPU_ALLOC_SIZE(1024);
    int r = sched_getaffinity(0, size, set);
    printf("sched_getaffinity: %d, count >= 1: %s\n", r, CPU_COUNT_S(size, set) >= 1 ? "yes" : "no");
    CPU_FREE(set);
    return 0;
}
