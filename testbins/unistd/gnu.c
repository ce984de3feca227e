// glibc's internal aliases __sysconf and __getpagesize (what sysconf and
// getpagesize answer), and group_member: 1 for the effective group and
// each supplementary group, 0 for a group the process is not in.
// cflags: -D_GNU_SOURCE
#include <stdio.h>
#include <unistd.h>

long __sysconf(int);
int __getpagesize(void);

int main(void)
{
    printf("__sysconf(_SC_PAGESIZE) == sysconf: %d\n", __sysconf(_SC_PAGESIZE) == sysconf(_SC_PAGESIZE));
    printf("__sysconf(_SC_OPEN_MAX) == sysconf: %d\n", __sysconf(_SC_OPEN_MAX) == sysconf(_SC_OPEN_MAX));
    printf("__sysconf(_SC_CLK_TCK) %ld\n", __sysconf(_SC_CLK_TCK));
    printf("__getpagesize %d\n", __getpagesize());
    printf("group_member(egid) %d\n", group_member(getegid()));
    gid_t groups[256];
    int n = getgroups(256, groups);
    int all = 1;
    for (int i = 0; i < n; i++)
        all &= group_member(groups[i]) == 1;
    printf("group_member(each supplementary) %d\n", all);
    gid_t other = 54321;
    int in = other == getegid();
    for (int i = 0; i < n; i++)
        in |= groups[i] == other;
    printf("group_member(54321) %d expected %d\n", group_member(other), in);
    return 0;
}
