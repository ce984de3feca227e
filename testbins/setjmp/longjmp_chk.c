// glibc's fortified headers turn longjmp, _longjmp and siglongjmp into
// __longjmp_chk. It refuses a jump to a stack frame below the current stack
// pointer (the frame that called setjmp has returned), printing "***
// longjmp causes uninitialized stack frame ***: terminated" and aborting
// (SIGABRT), unless the jump leaves an alternate signal stack. Valid jumps
// return to setjmp with the value (0 becomes 1); sigsetjmp(env, 1) restores
// the signal mask.
// cases: ok ok_zero ok_nested siglongjmp_mask altstack dead_frame
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static jmp_buf env;
static sigjmp_buf senv;
static volatile int val;

__attribute__((noinline)) static void jump(int v)
{
    longjmp(env, v);
}

__attribute__((noinline)) static void deeper(int depth, int v)
{
    volatile char pad[256];
    pad[0] = (char)depth;
    if (depth > 0)
        deeper(depth - 1, v + pad[0] * 0);
    else
        jump(v);
}

/* setjmp in a frame well below main's, which then returns. */
__attribute__((noinline)) static int set_deep(int depth)
{
    volatile char pad[4096];
    pad[0] = (char)depth;
    if (depth > 0)
        return set_deep(depth - 1) + pad[0] * 0;
    return setjmp(env);
}

static void on_signal(int sig)
{
    (void)sig;
    siglongjmp(senv, 7);
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    printf("case %s\n", c);
    fflush(stdout);

    if (!strcmp(c, "ok") || !strcmp(c, "ok_zero")) {
        int r = setjmp(env);
        if (r == 0)
            jump(!strcmp(c, "ok") ? 42 : 0);
        printf("returned %d\n", r);
    } else if (!strcmp(c, "ok_nested")) {
        int r = setjmp(env);
        if (r == 0)
            deeper(5, 3);
        printf("returned %d\n", r);
    } else if (!strcmp(c, "siglongjmp_mask")) {
        sigset_t block, now;
        int r = sigsetjmp(senv, 1);
        if (r == 0) {
            sigemptyset(&block);
            sigaddset(&block, SIGUSR1);
            sigprocmask(SIG_BLOCK, &block, NULL);
            siglongjmp(senv, 5);
        }
        sigprocmask(SIG_BLOCK, NULL, &now);
        printf("returned %d usr1_blocked=%d\n", r, sigismember(&now, SIGUSR1));
    } else if (!strcmp(c, "altstack")) {
        static char stack[65536];
        stack_t ss = {.ss_sp = stack, .ss_size = sizeof stack, .ss_flags = 0};
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sa.sa_flags = SA_ONSTACK;
        sigaltstack(&ss, NULL);
        sigaction(SIGUSR1, &sa, NULL);
        int r = sigsetjmp(senv, 1);
        if (r == 0)
            raise(SIGUSR1);
        printf("returned %d\n", r);
    } else if (!strcmp(c, "dead_frame")) {
        if (set_deep(4) == 0) {
            printf("set\n");
            fflush(stdout);
            jump(9);
        }
        printf("came back\n");
    }
    return 0;
}
