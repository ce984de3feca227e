// The reentrant utmp readers over an empty utmp file: getutent_r -1 with
// errno untouched, getutid_r EINVAL for a type it cannot search by and
// ESRCH otherwise, getutline_r ESRCH; *result null each time.
// cflags: -D_GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utmp.h>

int main(void)
{
    char path[] = "/tmp/gcompat-utmp-XXXXXX";
    int fd = mkstemp(path);
    close(fd);
    utmpname(path);
    setutent();
    struct utmp u, *r = &u;
    errno = 1234;
    int e = getutent_r(&u, &r);
    printf("getutent_r %d %s errno %d\n", e, r ? "found" : "null", errno);
    struct utmp id;
    const short types[] = { EMPTY, RUN_LVL, BOOT_TIME, INIT_PROCESS, LOGIN_PROCESS, USER_PROCESS, DEAD_PROCESS, ACCOUNTING };
    for (unsigned i = 0; i < sizeof types / sizeof types[0]; i++) {
        memset(&id, 0, sizeof id);
        id.ut_type = types[i];
        memcpy(id.ut_id, "ts/1", 4);
        r = &u;
        errno = 0;
        e = getutid_r(&id, &u, &r);
        printf("getutid_r type %d: %d %s errno %d\n", types[i], e, r ? "found" : "null", errno);
    }
    strcpy(id.ut_line, "pts/1");
    r = &u;
    errno = 0;
    e = getutline_r(&id, &u, &r);
    printf("getutline_r %d %s errno %d\n", e, r ? "found" : "null", errno);
    endutent();
    unlink(path);
    return 0;
}
