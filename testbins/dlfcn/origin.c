// dlinfo RTLD_DI_ORIGIN of the main program: the folder it was started
// from (its last part: the full path differs between the runs).
// glibc 2.36 crashes on this request for the main program (l_origin unset).
// cflags: -D_GNU_SOURCE
// builds: glibc-2.41
#include <dlfcn.h>
#include <link.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    char origin[4096];
    void *self = dlopen(NULL, RTLD_LAZY);
    int r = dlinfo(self, RTLD_DI_ORIGIN, origin);
    const char *base = strrchr(origin, '/');
    printf("dlinfo ORIGIN main: %d, last part \"%s\", absolute %d\n", r, r == 0 && base ? base + 1 : "", origin[0] == '/');
    return 0;
}
