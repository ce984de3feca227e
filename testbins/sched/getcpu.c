// cflags: -D_GNU_SOURCE
/* getcpu (glibc 2.29): the CPU is one this process may run on, agrees with
 * sched_getcpu (pinned to one CPU, so it cannot move between the calls),
 * the node is a node of this machine, and either pointer may be null. */
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set)) return 1;
    int first = -1;
    for (int i = 0; i < CPU_SETSIZE && first < 0; i++)
        if (CPU_ISSET(i, &set)) first = i;
    CPU_ZERO(&set);
    CPU_SET(first, &set);
    if (sched_setaffinity(0, sizeof set, &set)) return 1;
    unsigned cpu = 9999, node = 9999;
    int r = getcpu(&cpu, &node);
    printf("getcpu = %d cpu is the pinned one %d, sched_getcpu agrees %d, node < 1024 %d\n", r, (int)cpu == first,
           sched_getcpu() == (int)cpu, node < 1024);
    cpu = 9999;
    printf("getcpu(&cpu, NULL) = %d cpu set %d\n", getcpu(&cpu, NULL), cpu != 9999);
    node = 9999;
    printf("getcpu(NULL, &node) = %d node set %d\n", getcpu(NULL, &node), node != 9999);
    printf("getcpu(NULL, NULL) = %d\n", getcpu(NULL, NULL));
    return 0;
}
