// cflags: -D_GNU_SOURCE
/* Linux calls glibc keeps only for old binaries (compat symbols, so this
 * takes them with dlvsym at the architecture's first version, as an old
 * binary binds them): ustat, uselib, sysctl and __sysctl (x86_64), the
 * 2.4 module calls, nfsservctl, bdflush, llseek. What the kernel here
 * answers (most are ENOSYS: removed), glibc's own refusals (ustat of a
 * device number wider than 32 bits: EINVAL), and llseek as lseek64. */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#ifdef __x86_64__
#define FIRST "GLIBC_2.2.5"
#else
#define FIRST "GLIBC_2.17"
#endif

static void *get(const char *name)
{
    void *f = dlvsym(RTLD_DEFAULT, name, FIRST);
    if (!f) printf("%s@%s: not found\n", name, FIRST);
    return f;
}

static void result(const char *what, long r)
{
    printf("%s = %ld %s\n", what, r, r < 0 ? strerror(errno) : "");
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    struct stat st;
    char buf[64];
    if (stat("/proc", &st)) return 1;
    int (*ustat_)(dev_t, void *) = get("ustat");
    if (ustat_) {
        errno = 0;
        result("ustat(/proc's device)", ustat_(st.st_dev, buf));
        result("ustat(1 << 40)", ustat_((dev_t)1 << 40, buf));
    }
    int (*uselib_)(const char *) = get("uselib");
    if (uselib_) result("uselib(/nonexistent)", uselib_("/nonexistent"));
    int (*sysctl_)(int *, int, void *, size_t *, void *, size_t) = get("sysctl");
    int name[2] = {1, 1}; /* CTL_KERN, KERN_OSTYPE */
    size_t len = sizeof buf;
    if (sysctl_) result("sysctl(kern.ostype)", sysctl_(name, 2, buf, &len, NULL, 0));
#ifdef __x86_64__
    int (*sysctl2)(int *, int, void *, size_t *, void *, size_t) = get("__sysctl");
    if (sysctl2) result("__sysctl(kern.ostype)", sysctl2(name, 2, buf, &len, NULL, 0));
#endif
    long (*nfsservctl_)(int, void *, void *) = get("nfsservctl");
    if (nfsservctl_) result("nfsservctl(0)", nfsservctl_(0, NULL, NULL));
    char *(*create_module_)(const char *, size_t) = get("create_module");
    if (create_module_) {
        errno = 0;
        char *r = create_module_("gcompat", 4096);
        printf("create_module = %s %s\n", r == (char *)-1 ? "(caddr_t)-1" : "other", strerror(errno));
    }
    int (*get_kernel_syms_)(void *) = get("get_kernel_syms");
    if (get_kernel_syms_) result("get_kernel_syms(NULL)", get_kernel_syms_(NULL));
    int (*query_module_)(const char *, int, void *, size_t, size_t *) = get("query_module");
    if (query_module_) result("query_module(NULL, 0)", query_module_(NULL, 0, NULL, 0, NULL));
    int (*bdflush_)(int, long) = get("bdflush");
    if (bdflush_) result("bdflush(0, 0)", bdflush_(0, 0));
    long long (*llseek_)(int, long long, int) = get("llseek");
    if (llseek_) {
        int fd = open("/proc/self/exe", O_RDONLY);
        result("llseek(fd, 5, SEEK_SET)", (long)llseek_(fd, 5, SEEK_SET));
        result("llseek(fd, 0, SEEK_CUR)", (long)llseek_(fd, 0, SEEK_CUR));
        result("llseek(fd, -1, SEEK_SET)", (long)llseek_(fd, -1, SEEK_SET));
        result("llseek(-1, 0, SEEK_SET)", (long)llseek_(-1, 0, SEEK_SET));
    }
    return 0;
}
