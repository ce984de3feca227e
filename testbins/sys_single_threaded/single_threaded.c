// cases: pthread timer aio none
// cflags: -D_GNU_SOURCE -pthread -lrt
/* __libc_single_threaded (glibc 2.32): 1 until the process starts a second
 * thread, 0 from then on, whether the thread comes from pthread_create or
 * from a SIGEV_THREAD timer or an aio request. The program's copy (a copy
 * relocation) is the one that must change. */
#include <aio.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/single_threaded.h>
#include <time.h>
#include <unistd.h>

static void *run(void *arg) { return arg; }
static void tick(union sigval v) { (void)v; }

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "none";
    printf("at start: %d\n", __libc_single_threaded);
    if (!strcmp(c, "pthread")) {
        pthread_t t;
        printf("create: %d\n", pthread_create(&t, NULL, run, NULL));
        printf("after create: %d\n", __libc_single_threaded);
        pthread_join(t, NULL);
    } else if (!strcmp(c, "timer")) {
        struct sigevent sev;
        memset(&sev, 0, sizeof sev);
        sev.sigev_notify = SIGEV_THREAD;
        sev.sigev_notify_function = tick;
        timer_t timer;
        printf("timer_create: %d\n", timer_create(CLOCK_MONOTONIC, &sev, &timer));
        struct itimerspec its = { .it_value = { 0, 1000000 } };
        timer_settime(timer, 0, &its, NULL);
        usleep(20000);
        printf("after timer: %d\n", __libc_single_threaded);
    } else if (!strcmp(c, "aio")) {
        int fd = open("/proc/self/exe", O_RDONLY);
        char buf[16];
        struct aiocb cb;
        memset(&cb, 0, sizeof cb);
        cb.aio_fildes = fd;
        cb.aio_buf = buf;
        cb.aio_nbytes = 4;
        printf("aio_read: %d\n", aio_read(&cb));
        const struct aiocb *list[] = { &cb };
        while (aio_error(&cb) == EINPROGRESS)
            aio_suspend(list, 1, NULL);
        printf("aio_return: %zd %.3s\n", aio_return(&cb), buf + 1);
        printf("after aio: %d\n", __libc_single_threaded);
    }
    printf("at end: %d\n", __libc_single_threaded);
    return 0;
}
