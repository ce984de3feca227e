// cflags: -D_GNU_SOURCE
/* __arch_prctl and modify_ldt, which glibc exports on x86_64 only (elsewhere
 * this program checks nothing): the FS base is the thread pointer both
 * libcs keep there (pthread_self), GS is unused, CPUID faulting is off; an
 * empty LDT reads as 0 bytes; EINVAL for an unknown arch_prctl code. For
 * an unknown modify_ldt function or a short descriptor the kernel's 32-bit
 * result comes back unchecked (a negative error number, errno untouched:
 * modify_ldt(2), "BUGS"). glibc declares neither; the prototypes are its
 * definitions. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#ifdef __x86_64__
#include <asm/prctl.h>

int __arch_prctl(int, unsigned long);
int modify_ldt(int, void *, unsigned long);

static void result(const char *what, int r)
{
    printf("%s = %d %s\n", what, r, r < 0 ? strerror(errno) : "");
}

int main(void)
{
    unsigned long fs = 0, gs = 1;
    result("ARCH_GET_FS", __arch_prctl(ARCH_GET_FS, (unsigned long)&fs));
    printf("FS base is pthread_self: %d\n", fs == (unsigned long)pthread_self());
    result("ARCH_GET_GS", __arch_prctl(ARCH_GET_GS, (unsigned long)&gs));
    printf("GS base: %lu\n", gs);
    result("ARCH_GET_CPUID", __arch_prctl(ARCH_GET_CPUID, 0));
    result("code 0x1234", __arch_prctl(0x1234, (unsigned long)&fs));
    char ldt[64];
    errno = 0;
    result("modify_ldt(0: read)", modify_ldt(0, ldt, sizeof ldt));
    errno = 0;
    result("modify_ldt(7)", modify_ldt(7, ldt, sizeof ldt));
    errno = 0;
    result("modify_ldt(1: write, short)", modify_ldt(1, ldt, 3));
    return 0;
}
#else
int main(void)
{
    return 0;
}
#endif
