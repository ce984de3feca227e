// libresolv's mnemonics: p_type, p_class, p_rcode, p_option, p_time
// (__p_* in the library). Each result is printed before the next call:
// unknown numbers come back in a static buffer the next call reuses.
// cflags: -Wl,--no-as-needed -lresolv
#include <arpa/nameser.h>
#include <resolv.h>
#include <stdio.h>

int main(void)
{
    for (int i = -2; i < 300; i++) {
        printf("%d: type %s", i, p_type(i));
        printf(" class %s", p_class(i));
        printf(" rcode %s\n", p_rcode(i));
    }
    int big[] = { 32768, 65535, 65536, 2147483647, -2147483647 - 1 };
    for (int i = 0; i < 5; i++) {
        printf("%d: type %s", big[i], p_type(big[i]));
        printf(" class %s", p_class(big[i]));
        printf(" rcode %s\n", p_rcode(big[i]));
    }
    for (int i = 0; i < 28; i++)
        printf("option bit %d: %s\n", i, p_option(1UL << i));
    printf("option 0: %s\n", p_option(0));
    printf("option 3: %s\n", p_option(3));
    printf("option 1<<40: %s\n", p_option(1UL << 40));
    unsigned times[] = { 0, 1, 60, 3661, 86400, 694861, 4294967295U };
    for (int i = 0; i < 7; i++)
        printf("p_time %u: %s\n", times[i], p_time(times[i]));
    return 0;
}
