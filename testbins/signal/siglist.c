// cases: names sys_siglist
// cflags: -D_GNU_SOURCE
/* glibc's signal names and texts: sigabbrev_np ("HUP") and sigdescr_np
 * ("Hangup") for every signal, null for 0, real-time and out-of-range
 * numbers; sys_siglist and _sys_siglist at GLIBC_2.3.3 (compat-only since glibc 2.32), bound
 * by .symver as binaries linked before 2.32 bound it: the program
 * copy-relocates glibc's 65 pointers (0x208 bytes). */
#include "../glibc_compat.h"
#include <signal.h>
#include <stdio.h>
#include <string.h>

extern const char *const old_sys_siglist[];
__asm__(".symver old_sys_siglist, sys_siglist@" GLIBC_COMPAT(2.3.3));
extern const char *const old__sys_siglist[];
__asm__(".symver old__sys_siglist, _sys_siglist@" GLIBC_COMPAT(2.3.3));

static const char *show(const char *s) { return s ? s : "(null)"; }

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    if (!strcmp(argv[1], "names")) {
        for (int s = -2; s <= NSIG + 2; s++)
            printf("%d: %s / %s\n", s, show(sigabbrev_np(s)), show(sigdescr_np(s)));
        printf("SIGRTMIN: %s\n", show(sigabbrev_np(SIGRTMIN)));
    } else if (!strcmp(argv[1], "sys_siglist")) {
        for (int s = 0; s < NSIG; s++)
            printf("%d: %s / %s\n", s, show(old_sys_siglist[s]), show(old__sys_siglist[s]));
    } else
        return 2;
    return 0;
}
