// The mail alias database with no /etc/aliases (a Debian system without
// a mail server): the _r forms return ENOENT with a null result, the
// plain forms null with errno kept.
// cflags: -D_GNU_SOURCE
#include <aliases.h>
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    if (access("/etc/aliases", F_OK) == 0) {
        printf("skipped: /etc/aliases exists\n");
        return 0;
    }
    struct aliasent a, *r = &a;
    char buf[256];
    errno = 0;
    int e = getaliasbyname_r("root", &a, buf, sizeof buf, &r);
    printf("getaliasbyname_r: %d %s errno %d\n", e, r ? "found" : "null", errno);
    setaliasent();
    r = &a;
    errno = 0;
    e = getaliasent_r(&a, buf, sizeof buf, &r);
    printf("getaliasent_r: %d %s errno %d\n", e, r ? "found" : "null", errno);
    errno = 0;
    struct aliasent *p = getaliasent();
    printf("getaliasent: %s errno %d\n", p ? "found" : "null", errno);
    endaliasent();
    errno = 0;
    p = getaliasbyname("postmaster");
    printf("getaliasbyname: %s errno %d\n", p ? "found" : "null", errno);
    return 0;
}
