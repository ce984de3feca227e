/* A musl-built caller keeps musl's confstr: musl answers neither
 * _CS_GNU_LIBC_VERSION nor _CS_GNU_LIBPTHREAD_VERSION (0, EINVAL), and
 * _CS_PATH as musl does. The oracle is this program under musl 1.2.5
 * without the shim. */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    int names[] = { _CS_GNU_LIBC_VERSION, _CS_GNU_LIBPTHREAD_VERSION, _CS_PATH, -1 };
    for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++) {
        char buf[64] = "untouched";
        errno = 0;
        size_t r = confstr(names[i], buf, sizeof buf);
        printf("%d: %zu errno %d \"%s\"\n", names[i], r, errno, buf);
    }
    return 0;
}
