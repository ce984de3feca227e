// GCOMPAT_GLIBC_VERSION (README, "Decisions"; src/gnu/libc_version.rs):
// gnu_get_libc_version() and confstr(_CS_GNU_LIBC_VERSION) report 2.41,
// the newest glibc the shim is tested against, unless the environment
// variable names another version of the form 2.N or 2.N.M (digits and
// dots, at most 16 bytes); anything else is ignored. A shim-only setting:
// glibc has no such variable, so there is no oracle; run under musl + the
// shim and compared with glibc_version.expected.
// cases: default chosen three bad_letter bad_major empty long
// env chosen: GCOMPAT_GLIBC_VERSION=2.38
// env three: GCOMPAT_GLIBC_VERSION=2.35.1
// env bad_letter: GCOMPAT_GLIBC_VERSION=2.x
// env bad_major: GCOMPAT_GLIBC_VERSION=3
// env empty: GCOMPAT_GLIBC_VERSION=
// env long: GCOMPAT_GLIBC_VERSION=2.40.1.1.1.1.1.1.1
#include <gnu/libc-version.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    char buf[64] = "";
    size_t n = confstr(_CS_GNU_LIBC_VERSION, buf, sizeof buf);
    printf("gnu_get_libc_version: %s\n", gnu_get_libc_version());
    printf("confstr(_CS_GNU_LIBC_VERSION): %zu \"%s\"\n", n, buf);
    printf("gnu_get_libc_release: %s\n", gnu_get_libc_release());
    return 0;
}
