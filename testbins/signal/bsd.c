// The BSD mask calls: sigblock adds, sigsetmask replaces, siggetmask
// reads; each gives the old mask as an int with bit sig-1 for signal sig.
// cflags: -D_GNU_SOURCE -Wno-deprecated-declarations
#include <signal.h>
#include <stdio.h>

int main(void)
{
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    printf("sigsetmask(USR1) old %#x\n", sigsetmask(sigmask(SIGUSR1)));
    printf("sigblock(USR2|HUP) old %#x\n", sigblock(sigmask(SIGUSR2) | sigmask(SIGHUP)));
    printf("siggetmask %#x\n", siggetmask());
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    printf("sigprocmask sees USR1 %d USR2 %d HUP %d INT %d\n", sigismember(&cur, SIGUSR1), sigismember(&cur, SIGUSR2),
           sigismember(&cur, SIGHUP), sigismember(&cur, SIGINT));
    printf("sigsetmask(KILL|STOP|TERM) old %#x\n", sigsetmask(sigmask(SIGKILL) | sigmask(SIGSTOP) | sigmask(SIGTERM)));
    printf("siggetmask %#x\n", siggetmask());
    printf("sigsetmask(0) old %#x now %#x\n", sigsetmask(0), siggetmask());
    return 0;
}
