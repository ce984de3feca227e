// cflags: -D_GNU_SOURCE
/* process_madvise and process_mrelease (glibc 2.36): advice for the
 * caller's own pages through its process descriptor, errno for advice the
 * call refuses, bad flags, bad descriptors; process_mrelease of a process
 * that is not dying (EINVAL) and of a reaped one. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/pidfd.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

static void result(const char *what, long r)
{
    printf("%s = %ld %s\n", what, r, r < 0 ? strerror(errno) : "");
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    long ps = sysconf(_SC_PAGESIZE);
    char *pages = mmap(NULL, 4 * ps, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    memset(pages, 1, 4 * ps);
    int self = pidfd_open(getpid(), 0);
    struct iovec iov[2] = {{pages, 2 * ps}, {pages + 3 * ps, ps}};
    printf("3 pages: ");
    result("process_madvise(self, MADV_COLD)", process_madvise(self, iov, 2, MADV_COLD, 0) / ps);
    result("process_madvise(self, MADV_WILLNEED)", process_madvise(self, iov, 1, MADV_WILLNEED, 0) / ps);
    result("process_madvise(self, MADV_DONTNEED)", process_madvise(self, iov, 1, MADV_DONTNEED, 0));
    result("process_madvise(self, flags 1)", process_madvise(self, iov, 1, MADV_COLD, 1));
    result("process_madvise(-1)", process_madvise(-1, iov, 1, MADV_COLD, 0));
    result("process_madvise(stdout)", process_madvise(1, iov, 1, MADV_COLD, 0));
    result("process_madvise(self, 0 vectors)", process_madvise(self, iov, 0, MADV_COLD, 0));
    result("process_mrelease(self)", process_mrelease(self, 0));
    result("process_mrelease(self, flags 1)", process_mrelease(self, 1));
    result("process_mrelease(-1)", process_mrelease(-1, 0));
    pid_t child = fork();
    if (child == 0) _exit(0);
    int cfd = pidfd_open(child, 0);
    waitpid(child, NULL, 0);
    result("process_mrelease(reaped child)", process_mrelease(cfd, 0));
    return 0;
}
