// __nss_configure_lookup: a known database and a service line is accepted
// (lookups then work as before with "files"); an unknown database is
// EINVAL.
// cflags: -D_GNU_SOURCE
#include <errno.h>
#include <nss.h>
#include <pwd.h>
#include <stdio.h>

int main(void)
{
    printf("passwd files: %d\n", __nss_configure_lookup("passwd", "files"));
    errno = 0;
    int rc = __nss_configure_lookup("no-such-database", "files");
    printf("unknown database: %d errno %d\n", rc, errno);
    struct passwd *pw = getpwnam("root");
    printf("getpwnam root after: uid %d\n", pw ? (int)pw->pw_uid : -1);
    return 0;
}
