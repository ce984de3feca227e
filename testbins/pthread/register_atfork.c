// cases: atfork
/* __register_atfork, which glibc's pthread_atfork expands to in objects
 * built against glibc (libc_nonshared.a passes __dso_handle): handlers run
 * in glibc's order around fork (prepare in reverse registration order,
 * parent and child in registration order); null handlers are skipped. */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern void *__dso_handle;
int __register_atfork(void (*)(void), void (*)(void), void (*)(void), void *);

static char log_[64];
static void add(char c) { size_t n = strlen(log_); log_[n] = c; log_[n + 1] = 0; }
static void p1(void) { add('P'); }
static void p2(void) { add('p'); }
static void a1(void) { add('A'); }
static void a2(void) { add('a'); }
static void c1(void) { add('C'); }
static void c2(void) { add('c'); }

int main(int argc, char **argv)
{
    (void)argc; (void)argv;
    printf("first: %d\n", __register_atfork(p1, a1, c1, __dso_handle));
    printf("second: %d\n", __register_atfork(p2, a2, c2, __dso_handle));
    printf("nulls: %d\n", __register_atfork(NULL, NULL, NULL, __dso_handle));
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        printf("child saw %s\n", log_);
        fflush(stdout);
        _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("parent saw %s, child exit %d\n", log_, WEXITSTATUS(status));
    return 0;
}
