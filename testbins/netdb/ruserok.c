// ruserok and ruserok_af with no /etc/hosts.equiv and no ~root/.rhosts
// (a stock Debian system): nobody is let in (-1), whether the host
// resolves or not, superuser or not.
// cflags: -D_GNU_SOURCE
#include <netdb.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
    if (access("/etc/hosts.equiv", F_OK) == 0 || access("/root/.rhosts", F_OK) == 0) {
        printf("skipped: an rhosts file exists\n");
        return 0;
    }
    printf("ruserok_af localhost root root AF_INET: %d\n", ruserok_af("localhost", 1, "root", "root", AF_INET));
    printf("ruserok_af localhost not superuser: %d\n", ruserok_af("localhost", 0, "root", "root", AF_INET));
    printf("ruserok_af 127.0.0.1 AF_UNSPEC: %d\n", ruserok_af("127.0.0.1", 0, "root", "root", AF_UNSPEC));
    printf("ruserok_af numeric IPv6 as AF_INET: %d\n", ruserok_af("::1", 0, "root", "root", AF_INET));
    printf("ruserok localhost: %d\n", ruserok("localhost", 0, "root", "root"));
    printf("ruserok unknown local user: %d\n", ruserok("127.0.0.1", 1, "root", "no-such-user-here"));
    return 0;
}
