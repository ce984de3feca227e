// __profile_frequency: the profiling clock's rate, which glibc on Linux
// takes from the kernel's clock tick (AT_CLKTCK).
#include <stdio.h>
#include <sys/auxv.h>

int __profile_frequency(void);

int main(void)
{
    printf("%d equals AT_CLKTCK %d\n", __profile_frequency(), __profile_frequency() == (int)getauxval(AT_CLKTCK));
    return 0;
}
