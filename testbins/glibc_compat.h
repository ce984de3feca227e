/* glibc_compat.h: the version a testbin binds an old glibc symbol at with
 * .symver. GLIBC_COMPAT(2.2.5) is "GLIBC_2.2.5" on x86_64; on aarch64,
 * where glibc's first release was 2.17, every name glibc had before then is
 * at GLIBC_2.17, so it is "GLIBC_2.17" for any older version. */
#ifndef GLIBC_COMPAT_H
#define GLIBC_COMPAT_H
#if defined(__aarch64__)
#define GLIBC_COMPAT(v) "GLIBC_2.17"
#else
#define GLIBC_COMPAT(v) "GLIBC_" #v
#endif
#endif
