// cflags: -D_GNU_SOURCE
/* Memory protection keys (glibc 2.27): pkey_alloc, pkey_free,
 * pkey_mprotect, pkey_get, pkey_set. Where the processor or kernel has no
 * keys, pkey_alloc fails and pkey_get/pkey_set fault (glibc reads PKRU
 * without asking); argument errors come first and never fault. Key -1 is
 * plain mprotect. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static void result(const char *what, int r)
{
    printf("%s = %d %s\n", what, r, r < 0 ? strerror(errno) : "");
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    long ps = sysconf(_SC_PAGESIZE);
    char *page = mmap(NULL, ps, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    result("pkey_get(-1)", pkey_get(-1));
    result("pkey_get(16)", pkey_get(16));
    result("pkey_set(16, 0)", pkey_set(16, 0));
    result("pkey_set(-1, 0)", pkey_set(-1, 0));
    result("pkey_set(1, 4)", pkey_set(1, 4));
    result("pkey_alloc(1, 0)", pkey_alloc(1, 0));
    result("pkey_alloc(0, 8)", pkey_alloc(0, 8));
    result("pkey_free(-1)", pkey_free(-1));
    result("pkey_free(9)", pkey_free(9));
    result("pkey_mprotect(page, PROT_READ, -1)", pkey_mprotect(page, ps, PROT_READ, -1));
    result("pkey_mprotect(page, PROT_READ, 9)", pkey_mprotect(page, ps, PROT_READ, 9));
    result("pkey_mprotect(page + 1, PROT_READ, -1)", pkey_mprotect(page + 1, ps, PROT_READ, -1));
    int key = pkey_alloc(0, PKEY_DISABLE_WRITE);
    result("pkey_alloc(0, PKEY_DISABLE_WRITE)", key);
    if (key >= 0) {
        result("pkey_get(key)", pkey_get(key));
        result("pkey_set(key, 0)", pkey_set(key, 0));
        result("pkey_get(key)", pkey_get(key));
        result("pkey_mprotect(page, key)", pkey_mprotect(page, ps, PROT_READ | PROT_WRITE, key));
        result("pkey_free(key)", pkey_free(key));
    }
    pid_t child = fork();
    if (child == 0) {
        int r = pkey_get(0);
        printf("child: pkey_get(0) = %d\n", r);
        _exit(0);
    }
    int st;
    waitpid(child, &st, 0);
    printf("child: exited %d signal %s\n", WIFEXITED(st), WIFSIGNALED(st) ? strsignal(WTERMSIG(st)) : "none");
    return 0;
}
