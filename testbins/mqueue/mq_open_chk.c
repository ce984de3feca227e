// glibc's headers call __mq_open_2 when mq_open gets neither mode nor
// attributes and the flags are not a compile-time constant. O_CREAT then
// prints "*** invalid mq_open call: O_CREAT without mode and attr ***:
// terminated" and aborts (SIGABRT); other flags open normally (here a
// queue that does not exist: ENOENT).
// cases: ok creat
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <stdio.h>
#include <string.h>

static volatile int rd = O_RDONLY, with_creat = O_RDWR | O_CREAT;

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    mqd_t q = (mqd_t)-2;
    printf("case %s\n", c);
    fflush(stdout);
    errno = 0;
    if (!strcmp(c, "ok"))
        q = mq_open("/gcompat-mq-open-chk-none", rd);
    else if (!strcmp(c, "creat"))
        q = mq_open("/gcompat-mq-open-chk-none", with_creat);
    printf("q=%d errno=%s\n", (int)q, errno == ENOENT ? "ENOENT" : errno ? "other" : "0");
    return 0;
}
