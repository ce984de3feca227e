/* getopt and friends: musl has them too, with POSIX's meaning (no argv
 * permutation, other messages). Each front passes its caller's address so
 * that only glibc-built callers get glibc's meaning (src/abi/caller.rs).
 * No <getopt.h> here: __posix_getopt is glibc's name, declared by neither. */
#include "../abi/export.h"
struct option;

int __gcompat_getopt(int argc, char *const *argv, const char *optstring, const void *caller);
int __gcompat_posix_getopt(int argc, char *const *argv, const char *optstring, const void *caller);
int __gcompat_getopt_long(int argc, char *const *argv, const char *optstring,
                          const struct option *longopts, int *longind, const void *caller);
int __gcompat_getopt_long_only(int argc, char *const *argv, const char *optstring,
                               const struct option *longopts, int *longind, const void *caller);

int getopt(int argc, char *const argv[], const char *optstring)
{
    return __gcompat_getopt(argc, argv, optstring, __builtin_return_address(0));
}
GCOMPAT_EXPORT(getopt);

int __posix_getopt(int argc, char *const argv[], const char *optstring)
{
    return __gcompat_posix_getopt(argc, argv, optstring, __builtin_return_address(0));
}
GCOMPAT_EXPORT(__posix_getopt);

int getopt_long(int argc, char *const argv[], const char *optstring,
                const struct option *longopts, int *longind)
{
    return __gcompat_getopt_long(argc, argv, optstring, longopts, longind,
                                 __builtin_return_address(0));
}
GCOMPAT_EXPORT(getopt_long);

int getopt_long_only(int argc, char *const argv[], const char *optstring,
                     const struct option *longopts, int *longind)
{
    return __gcompat_getopt_long_only(argc, argv, optstring, longopts, longind,
                                      __builtin_return_address(0));
}
GCOMPAT_EXPORT(getopt_long_only);
