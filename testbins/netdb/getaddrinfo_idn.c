// getaddrinfo with glibc's IDN flags: accepted, and an ASCII name resolves
// as without them. No network: numeric hosts and /etc/hosts' localhost.
// cflags: -D_GNU_SOURCE
#include <arpa/inet.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>

static void try(const char *node, const char *service, int flags)
{
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = flags;
    int r = getaddrinfo(node, service, &hints, &res);
    printf("%s flags %#x: %d", node ? node : "(null)", flags, r);
    for (struct addrinfo *ai = res; r == 0 && ai; ai = ai->ai_next) {
        char text[64];
        struct sockaddr_in *sin = (struct sockaddr_in *)ai->ai_addr;
        inet_ntop(AF_INET, &sin->sin_addr, text, sizeof text);
        /* ai_canonname only where asked for: musl fills it in always. */
        int canon = (flags & AI_CANONNAME) && ai->ai_canonname;
        printf(" [%s port %d proto %d%s%s]", text, ntohs(sin->sin_port), ai->ai_protocol,
               canon ? " canon " : "", canon ? ai->ai_canonname : "");
    }
    printf("\n");
    if (r == 0)
        freeaddrinfo(res);
}

int main(void)
{
    int idn[] = { 0, AI_IDN, AI_CANONIDN, AI_IDN | AI_CANONIDN, 0x0100, 0x0200, 0x0300 | AI_IDN };
    for (int i = 0; i < 7; i++) {
        try("127.0.0.1", "80", AI_NUMERICHOST | AI_NUMERICSERV | idn[i]);
        try("localhost", "22", AI_NUMERICSERV | idn[i]);
        try("localhost", NULL, AI_CANONNAME | idn[i]);
        try("10.1.2.3", "443", AI_NUMERICHOST | AI_PASSIVE | idn[i]);
    }
    /* A flag neither libc knows stays refused. */
    try("127.0.0.1", "80", AI_NUMERICHOST | 0x8000);
    try("127.0.0.1", "80", AI_IDN | 0x8000);
    return 0;
}
