// cflags: -D_GNU_SOURCE
/* tgkill (glibc 2.30): a signal to the calling thread and to another thread
 * of the process runs its handler on that thread; signal 0 probes; errno
 * for a thread ID that is not in the group, a bad signal, bad IDs. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile pid_t handled_on;
static pid_t worker_tid;
static pthread_barrier_t ready;

static void handler(int sig)
{
    (void)sig;
    handled_on = gettid();
}

static void *worker(void *arg)
{
    (void)arg;
    worker_tid = gettid();
    pthread_barrier_wait(&ready);
    while (!handled_on) usleep(1000);
    return NULL;
}

static void result(const char *what, int r)
{
    printf("%s = %d %s\n", what, r, r < 0 ? strerror(errno) : "");
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    signal(SIGUSR1, handler);
    result("tgkill(self, self, 0)", tgkill(getpid(), gettid(), 0));
    result("tgkill(self, self, SIGUSR1)", tgkill(getpid(), gettid(), SIGUSR1));
    printf("handled on the caller %d\n", handled_on == gettid());
    handled_on = 0;
    pthread_t t;
    pthread_barrier_init(&ready, NULL, 2);
    pthread_create(&t, NULL, worker, NULL);
    pthread_barrier_wait(&ready);
    result("tgkill(self, worker, SIGUSR1)", tgkill(getpid(), worker_tid, SIGUSR1));
    pthread_join(t, NULL);
    printf("handled on the worker %d\n", handled_on == worker_tid);
    /* Not the joined worker's TID: the kernel may still list the thread
     * for a moment after the join returns, whatever the libc. */
    pid_t gone = fork();
    if (gone == 0) _exit(0);
    waitpid(gone, NULL, 0);
    result("tgkill(self, reaped child's ID, 0)", tgkill(getpid(), gone, 0));
    result("tgkill(1, self, 0)", tgkill(1, gettid(), 0));
    result("tgkill(self, self, 12345)", tgkill(getpid(), gettid(), 12345));
    result("tgkill(0, self, 0)", tgkill(0, gettid(), 0));
    result("tgkill(self, -1, 0)", tgkill(getpid(), -1, 0));
    return 0;
}
