/* The variadic large-file entry points of <fcntl.h>: fronts over musl's
 * plain functions. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdarg.h>

#include "../abi/export.h"

/* musl's headers may map these names to the plain ones (its own LFS64
 * macros under _GNU_SOURCE); here they must stay themselves. */
#undef open64
#undef openat64
#undef fcntl64

int open64(const char *path, int flags, ...);
int __open64(const char *path, int flags, ...);
int openat64(int dirfd, const char *path, int flags, ...);
int fcntl64(int fd, int cmd, ...);

/* The mode is read only when the flags say one was passed, as open(2) does. */
#define MODE(flags) \
    mode_t mode = 0; \
    if ((flags) & O_CREAT || ((flags) & O_TMPFILE) == O_TMPFILE) { \
        va_list ap; va_start(ap, flags); mode = va_arg(ap, mode_t); va_end(ap); \
    }

int open64(const char *path, int flags, ...) { MODE(flags) return open(path, flags, mode); }
GCOMPAT_EXPORT(open64);

int __open64(const char *path, int flags, ...) { MODE(flags) return open(path, flags, mode); }
GCOMPAT_EXPORT(__open64);

int openat64(int dirfd, const char *path, int flags, ...) { MODE(flags) return openat(dirfd, path, flags, mode); }
GCOMPAT_EXPORT(openat64);

/* Every fcntl command takes an int, a pointer or nothing: read a full
 * unsigned long (glibc reads a void *) and pass it on, as musl's fcntl
 * itself reads it; the kernel takes the low 32 bits of int arguments. */
int fcntl64(int fd, int cmd, ...)
{
    va_list ap;
    va_start(ap, cmd);
    unsigned long arg = va_arg(ap, unsigned long);
    va_end(ap);
    return fcntl(fd, cmd, arg);
}
GCOMPAT_EXPORT(fcntl64);
