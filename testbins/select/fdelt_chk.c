// glibc's FD_SET, FD_CLR and FD_ISSET call __fdelt_chk under
// _FORTIFY_SOURCE when the descriptor is not a constant: it returns the
// descriptor's word index, and a descriptor below 0 or at least FD_SETSIZE
// (1024) prints "*** bit out of range 0 - FD_SETSIZE on fd_set ***:
// terminated" and aborts (SIGABRT). A constant descriptor out of range
// calls __fdelt_warn, glibc's alias of __fdelt_chk, which fails alike.
// cases: ok ok_last negative too_big constant_too_big
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>

__attribute__((noinline)) static void set_constant(fd_set *set)
{
    FD_SET(1024, set);
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    volatile long fd = !strcmp(c, "ok")         ? 70
                       : !strcmp(c, "ok_last")  ? 1023
                       : !strcmp(c, "negative") ? -1
                                                : 1024;
    fd_set set;
    FD_ZERO(&set);
    printf("case %s\n", c);
    fflush(stdout);
    if (!strcmp(c, "constant_too_big"))
        set_constant(&set);
    FD_SET(fd, &set);
    printf("isset=%d\n", FD_ISSET(fd, &set) ? 1 : 0);
    FD_CLR(fd, &set);
    printf("isset=%d\n", FD_ISSET(fd, &set) ? 1 : 0);
    for (size_t i = 0; i < sizeof set / sizeof (long); i++)
        if (((long *)&set)[i])
            printf("word %zu set\n", i);
    return 0;
}
