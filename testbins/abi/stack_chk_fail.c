// glibc's __stack_chk_fail, which code built with -fstack-protector calls
// when a function's stack canary was overwritten, prints "*** stack
// smashing detected ***: terminated" and aborts (SIGABRT). musl's own
// crashes without a word. Cases: a real smash of a local array (written
// through a volatile index the compiler cannot check), a direct call, and a
// function that does not smash.
// cases: ok smash direct
// cflags: -fstack-protector-all
#include <stdio.h>
#include <string.h>

void __stack_chk_fail(void);

static volatile int limit;

__attribute__((noinline)) static int fill(int n)
{
    char local[16];
    for (int i = 0; i < n; i++)
        ((volatile char *)local)[i] = 'A';
    return local[0];
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    printf("case %s\n", c);
    fflush(stdout);
    if (!strcmp(c, "ok")) {
        limit = 16;
        printf("fill=%d\n", fill(limit));
    } else if (!strcmp(c, "smash")) {
        limit = 25;
        printf("fill=%d\n", fill(limit));
    } else if (!strcmp(c, "direct")) {
        __stack_chk_fail();
    }
    return 0;
}
