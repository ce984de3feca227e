/* A musl program (built with musl-gcc) that a glibc program starts: is the
 * shim mapped, is LD_PRELOAD set. Neither may be. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv) {
    char line[4096];
    int shim = 0;
    FILE *f = fopen("/proc/self/maps", "r");
    while (f && fgets(line, sizeof line, f)) if (strstr(line, "libgcompat")) shim = 1;
    const char *p = getenv("LD_PRELOAD");
    printf("musl child %s: shim mapped=%d LD_PRELOAD=%s\n", argc ? argv[0] : "", shim, p ? p : "(unset)");
    return 0;
}
