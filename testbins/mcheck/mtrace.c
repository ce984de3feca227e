// libc's mtrace/muntrace since glibc 2.34 do nothing (the tracer is in
// libc_malloc_debug.so): with MALLOC_TRACE set, no trace file appears.
// cflags: -D_GNU_SOURCE
#include <mcheck.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(void)
{
    char path[] = "/tmp/gcompat-mtrace-XXXXXX";
    int fd = mkstemp(path);
    close(fd);
    unlink(path);
    setenv("MALLOC_TRACE", path, 1);
    mtrace();
    void *p = malloc(100);
    free(p);
    muntrace();
    printf("trace file exists: %d\n", access(path, F_OK) == 0);
    unlink(path);
    return 0;
}
