// musl-built callers keep musl's getaddrinfo: glibc's IDN flags are unknown
// bits there and get EAI_BADFLAGS, with or without the shim.
#include <netdb.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    int flags[] = { 0, 0x0040, 0x0080, 0x0100, 0x0200 };
    for (int i = 0; i < 5; i++) {
        struct addrinfo hints, *res = NULL;
        memset(&hints, 0, sizeof hints);
        hints.ai_family = AF_INET;
        hints.ai_flags = AI_NUMERICHOST | flags[i];
        int r = getaddrinfo("127.0.0.1", NULL, &hints, &res);
        printf("flags %#x: %d%s\n", flags[i], r, r == EAI_BADFLAGS ? " EAI_BADFLAGS" : "");
        if (r == 0)
            freeaddrinfo(res);
    }
    return 0;
}
