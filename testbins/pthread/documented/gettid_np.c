// pthread_gettid_np (GLIBC_2.42): the kernel thread id (TID) of a thread.
// No glibc here has it (the oracles are 2.36 and 2.41), so this checks
// glibc's documented behaviour (glibc 2.42 NEWS, nptl/pthread_gettid_np.c:
// the thread's TID, or -1 once the thread has exited, when the kernel has
// cleared it), run under musl + the shim and compared with
// gettid_np.expected. TIDs differ from run to run: only their relations
// are printed.
// cases: self thread exited
// cflags: -pthread
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

pid_t pthread_gettid_np(pthread_t);

static pid_t seen;
static pthread_barrier_t barrier;

static void *report(void *arg)
{
    seen = gettid();
    pthread_barrier_wait(&barrier);
    /* Alive until main has asked. */
    pthread_barrier_wait(&barrier);
    return arg;
}

static void *quick(void *arg)
{
    return arg;
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    if (!strcmp(c, "self")) {
        pid_t t = pthread_gettid_np(pthread_self());
        printf("main thread: positive %s, gettid() %s, getpid() %s\n", t > 0 ? "yes" : "no",
               t == gettid() ? "yes" : "no", t == getpid() ? "yes" : "no");
        printf("same answer twice: %s\n", pthread_gettid_np(pthread_self()) == t ? "yes" : "no");
    } else if (!strcmp(c, "thread")) {
        pthread_t th;
        pthread_barrier_init(&barrier, NULL, 2);
        pthread_create(&th, NULL, report, NULL);
        pthread_barrier_wait(&barrier);
        pid_t t = pthread_gettid_np(th);
        printf("other thread: positive %s, its gettid() %s, not main's %s\n", t > 0 ? "yes" : "no",
               t == seen ? "yes" : "no", t != gettid() ? "yes" : "no");
        pthread_barrier_wait(&barrier);
        pthread_join(th, NULL);
    } else if (!strcmp(c, "exited")) {
        pthread_t th;
        pthread_create(&th, NULL, quick, NULL);
        /* Not joined: its handle stays valid; the kernel clears its TID
         * when it has exited. Wait for that (at most 10 s). */
        pid_t t = 0;
        for (int i = 0; i < 10000; i++) {
            t = pthread_gettid_np(th);
            if (t == -1)
                break;
            struct timespec ms = {0, 1000000};
            nanosleep(&ms, NULL);
        }
        printf("after the thread ended, before the join: %d\n", (int)t);
        pthread_join(th, NULL);
    }
    return 0;
}
