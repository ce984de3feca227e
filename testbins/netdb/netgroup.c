// Netgroups with no /etc/netgroup (as on a stock Debian system, and no
// NIS): nothing is in any group, setnetgrent finds no group, getnetgrent
// gives nothing.
// cflags: -D_GNU_SOURCE
#include <netdb.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    if (access("/etc/netgroup", F_OK) == 0) {
        printf("skipped: /etc/netgroup exists\n");
        return 0;
    }
    printf("innetgr: %d\n", innetgr("admins", "host", "user", "domain"));
    printf("innetgr nulls: %d\n", innetgr("admins", NULL, NULL, NULL));
    printf("setnetgrent: %d\n", setnetgrent("admins"));
    char *h = (char *)1, *u = (char *)1, *d = (char *)1;
    printf("getnetgrent: %d\n", getnetgrent(&h, &u, &d));
    char buf[256];
    printf("getnetgrent_r: %d\n", getnetgrent_r(&h, &u, &d, buf, sizeof buf));
    endnetgrent();
    return 0;
}
