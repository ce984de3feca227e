// glibc's __recv_chk and __recvfrom_chk fail when the length argument
// exceeds the buffer's object size, printing "*** buffer overflow detected
// ***: terminated" and aborting (SIGABRT) before receiving; otherwise they
// receive. The length comes through a volatile object, so gcc calls the
// __*_chk entry points at run time.
// cases: recv_ok recv_overflow recvfrom_ok recvfrom_overflow
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static volatile size_t n8 = 8, n9 = 9;

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    char buf[8];
    int sv[2];
    socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
    send(sv[1], "0123456789", 10, 0);
    printf("case %s\n", c);
    fflush(stdout);
    if (!strcmp(c, "recv_ok")) {
        ssize_t r = recv(sv[0], buf, n8, 0);
        printf("r=%zd <%.8s>\n", r, buf);
    } else if (!strcmp(c, "recv_overflow")) {
        recv(sv[0], buf, n9, 0);
    } else if (!strcmp(c, "recvfrom_ok")) {
        struct sockaddr_un from;
        socklen_t len = sizeof from;
        ssize_t r = recvfrom(sv[0], buf, n8, 0, (struct sockaddr *)&from, &len);
        printf("r=%zd <%.8s> family=%d\n", r, buf, len > 0 ? from.sun_family : -1);
    } else if (!strcmp(c, "recvfrom_overflow")) {
        recvfrom(sv[0], buf, n9, 0, NULL, NULL);
    }
    printf("done\n");
    return 0;
}
