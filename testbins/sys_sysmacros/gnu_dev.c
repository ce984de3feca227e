// glibc's gnu_dev_major/minor/makedev: Linux's 64-bit dev_t encoding,
// round trips, and /dev/null's numbers (1, 3).
// cflags: -D_GNU_SOURCE
#include <stdio.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

int main(void)
{
    const unsigned nums[][2] = { { 0, 0 }, { 1, 3 }, { 8, 17 }, { 259, 65536 }, { 4095, 255 }, { 4096, 256 },
                                 { 0xfffff, 0xfffff }, { 0xffffffff, 0xffffffff }, { 0x12345678, 0x9abcdef0 } };
    for (unsigned i = 0; i < sizeof nums / sizeof nums[0]; i++) {
        unsigned long long d = gnu_dev_makedev(nums[i][0], nums[i][1]);
        printf("makedev(%#x, %#x) = %#llx major %#x minor %#x\n", nums[i][0], nums[i][1], d, gnu_dev_major(d),
               gnu_dev_minor(d));
    }
    const unsigned long long devs[] = { 0x103, 0xfedcba9876543210ULL, ~0ULL, 0x800011 };
    for (unsigned i = 0; i < sizeof devs / sizeof devs[0]; i++)
        printf("%#llx: major %#x minor %#x\n", devs[i], gnu_dev_major(devs[i]), gnu_dev_minor(devs[i]));
    struct stat st;
    if (stat("/dev/null", &st) == 0)
        printf("/dev/null %u %u\n", gnu_dev_major(st.st_rdev), gnu_dev_minor(st.st_rdev));
    return 0;
}
