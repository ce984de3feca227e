// gnu_get_libc_version() returns glibc's version as "2.N" (2.36, 2.41 for the
// two oracles) and gnu_get_libc_release() returns "stable". Only properties
// are printed, since the version differs between the oracles: the version has
// the form "2.N" with N >= 17, and the release is "stable". Both calls return
// the same pointer each time.
#include <gnu/libc-version.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    const char *v = gnu_get_libc_version();
    const char *r = gnu_get_libc_release();
    int ok = 0;

    printf("version non-null: %s\n", v ? "yes" : "no");
    if (v && v[0] == '2' && v[1] == '.' && v[2] >= '0' && v[2] <= '9') {
        char *end;
        long minor = strtol(v + 2, &end, 10);
        ok = *end == '\0' && minor >= 17;
    }
    printf("version matches 2.N, N >= 17: %s\n", ok ? "yes" : "no");
    printf("release non-null: %s\n", r ? "yes" : "no");
    printf("release is \"stable\": %s\n", r && !strcmp(r, "stable") ? "yes" : "no");
    printf("same pointer on repeat: %s\n",
           gnu_get_libc_version() == v && gnu_get_libc_release() == r ? "yes" : "no");
    return 0;
}
