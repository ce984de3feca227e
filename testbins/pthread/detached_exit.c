// cflags: -pthread
/* Detached threads that end while other threads keep every CPU busy. musl
 * unmaps a detached thread's stack (where its thread-local data lies)
 * before the thread's last system call; a restartable-sequences area
 * registered there must be unregistered first, or the kernel kills the
 * process with SIGSEGV when it preempts the thread in that window. Ends
 * through return, pthread_exit and cancellation. */
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <unistd.h>

#define THREADS 1500

static atomic_int done, stop;

static void *spin(void *arg)
{
    (void)arg;
    while (!atomic_load(&stop))
        ;
    return NULL;
}

static void *quick(void *arg)
{
    long how = (long)arg;
    atomic_fetch_add(&done, 1);
    if (how == 1)
        pthread_exit(NULL);
    if (how == 2) {
        pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, NULL);
        pthread_cancel(pthread_self());
        pthread_testcancel();
    }
    return NULL;
}

int main(void)
{
    pthread_t spinners[2], t;
    pthread_attr_t a;
    for (int i = 0; i < 2; i++)
        pthread_create(&spinners[i], NULL, spin, NULL);
    pthread_attr_init(&a);
    pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
    int created = 0;
    for (long i = 0; i < THREADS; i++)
        if (pthread_create(&t, &a, quick, (void *)(i % 3)) == 0)
            created++;
    while (atomic_load(&done) < created)
        sched_yield();
    usleep(50000); /* the last ones finish exiting */
    atomic_store(&stop, 1);
    for (int i = 0; i < 2; i++)
        pthread_join(spinners[i], NULL);
    printf("created %d, all started: %d, survived\n", created, atomic_load(&done) == created);
    return 0;
}
