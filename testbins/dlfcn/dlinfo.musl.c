// musl-built callers keep musl's dlinfo: RTLD_DI_LINKMAP answered, glibc's
// other requests refused with musl's message, with or without the shim.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <link.h>
#include <stdio.h>

int main(void)
{
    void *self = dlopen(NULL, RTLD_LAZY);
    struct link_map *map = NULL;
    printf("RTLD_DI_LINKMAP: %d, is the handle: %d\n", dlinfo(self, RTLD_DI_LINKMAP, &map), (void *)map == self);
    long arg[64];
    int requests[] = { 1, 5, 6, 9, 11 };
    for (int i = 0; i < 5; i++) {
        int r = dlinfo(self, requests[i], arg);
        const char *e = dlerror();
        printf("request %d: %d %s\n", requests[i], r, e ? e : "(no error)");
    }
    return 0;
}
