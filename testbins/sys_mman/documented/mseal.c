// mseal (GLIBC_2.43): seals mappings against change. No glibc here has it
// (the oracles are 2.36 and 2.41), so this checks glibc's documented
// behaviour (glibc 2.43 NEWS; mseal(2): glibc's wrapper is the system
// call): 0 for a sealed range, after which munmap, mprotect and a
// MAP_FIXED mapping over it fail with EPERM while reads and writes go on;
// sealing again is 0; EINVAL for flags other than 0 and an unaligned
// address; ENOMEM for a range with an unmapped hole; 0 for length 0.
// Needs Linux 6.10 on a 64-bit architecture (ENOSYS before).
// cases: seal errors
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int mseal(void *, size_t, unsigned long);

static void result(const char *what, int r)
{
    printf("%s = %d %s\n", what, r, r < 0 ? strerror(errno) : "");
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    long ps = sysconf(_SC_PAGESIZE);
    char *p = mmap(NULL, 3 * ps, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return 1;
    if (!strcmp(c, "seal")) {
        result("mseal(2 pages)", mseal(p, 2 * ps, 0));
        p[0] = 'x';
        printf("write and read the sealed page: %c\n", p[0]);
        result("again", mseal(p, 2 * ps, 0));
        result("munmap(sealed)", munmap(p, ps));
        result("mprotect(sealed)", mprotect(p, ps, PROT_READ));
        void *m = mmap(p, ps, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        printf("mmap(MAP_FIXED over sealed) = %s %s\n", m == MAP_FAILED ? "MAP_FAILED" : "mapped",
               m == MAP_FAILED ? strerror(errno) : "");
        result("munmap(the unsealed third page)", munmap(p + 2 * ps, ps));
    } else if (!strcmp(c, "errors")) {
        result("mseal(flags 1)", mseal(p, ps, 1));
        result("mseal(unaligned)", mseal(p + 1, ps, 0));
        result("mseal(length 0)", mseal(p, 0, 0));
        munmap(p + ps, ps);
        result("mseal(over a hole)", mseal(p, 3 * ps, 0));
        result("munmap(first page, unsealed after the failure)", munmap(p, ps));
    }
    return 0;
}
