// cases: handlers nested blocked from_thread concurrent quick_during_exit fork_during_exit quick_exit on_exit
/* exit and quick_exit while other threads live, in glibc's rules: exit
 * runs the atexit/on_exit handlers newest first (one registered by a
 * handler runs too) in the calling thread, flushes stdio and ends every
 * thread with the caller's status, waiting for none of them. A handler
 * that calls exit goes on with the handlers left; another thread that
 * calls exit or quick_exit meanwhile blocks (glibc 2.41; 2.36 let it end
 * the process: listed differences), but the exit of a child forked
 * meanwhile does not (glibc 2.36; 2.41's blocks forever: listed). quick_exit runs only the at_quick_exit handlers and
 * flushes nothing. (A thread that holds a stream's lock when exit flushes:
 * glibc 2.36 flushes without the lock, glibc 2.41 waits for it as musl
 * does, forever if it is never released; no oracle to compare with.) Each
 * case makes the other threads reach their blocking point before exiting,
 * so the outcome is not a race. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int ready;

/* Tells main that this thread reached its blocking point. */
static void signal_ready(void)
{
    pthread_mutex_lock(&m);
    ready = 1;
    pthread_cond_signal(&c);
    pthread_mutex_unlock(&m);
}

static void wait_ready(void)
{
    pthread_mutex_lock(&m);
    while (!ready)
        pthread_cond_wait(&c, &m);
    pthread_mutex_unlock(&m);
}

static void start(void *(*fn)(void *))
{
    pthread_t t;
    if (pthread_create(&t, NULL, fn, NULL) != 0) {
        perror("pthread_create");
        exit(99);
    }
    wait_ready();
}

static void first(void) { printf("atexit handler registered first\n"); }
static void added_late(void) { printf("atexit handler registered while exiting\n"); }
static void registers(void)
{
    printf("atexit handler that registers another\n");
    atexit(added_late);
}
static void last(void) { printf("atexit handler registered last\n"); }

static void *waits_forever(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&m);
    ready = 1;
    pthread_cond_signal(&c);
    for (;;)
        pthread_cond_wait(&c, &m); /* releases m: main can go on */
}

static void *exits(void *arg)
{
    (void)arg;
    printf("thread calls exit(5)\n");
    exit(5);
}

/* concurrent: main's exit runs a handler that lets another thread call
 * exit too, and then takes a second before it ends. */
static int go;
static void wait_go(void)
{
    pthread_mutex_lock(&m);
    while (!go)
        pthread_cond_wait(&c, &m);
    pthread_mutex_unlock(&m);
}

static void *second_exit(void *arg)
{
    (void)arg;
    wait_go();
    fprintf(stderr, "second thread calls exit(10)\n");
    exit(10);
}
static void *second_quick_exit(void *arg)
{
    (void)arg;
    wait_go();
    fprintf(stderr, "second thread calls quick_exit(14)\n");
    quick_exit(14);
}
/* fork_during_exit: the child of a fork made while main runs exit calls
 * exit; its parent's thread waits two seconds for it, then kills it. */
static void *forks(void *arg)
{
    (void)arg;
    wait_go();
    pid_t pid = fork();
    if (pid == 0)
        exit(16); /* the child's own exit: its parent's is running */
    int st = 0;
    for (int i = 0; i < 200 && waitpid(pid, &st, WNOHANG) == 0; i++)
        usleep(10000);
    if (waitpid(pid, &st, WNOHANG) == 0) {
        kill(pid, SIGKILL);
        waitpid(pid, &st, 0);
        fprintf(stderr, "the child's exit blocked: killed\n");
    } else {
        fprintf(stderr, "the child exited with %d\n", WEXITSTATUS(st));
    }
    return NULL;
}
static unsigned handler_seconds = 1;
static void slow_handler(void)
{
    fprintf(stderr, "handler of main's exit lets the second thread exit\n");
    pthread_mutex_lock(&m);
    go = 1;
    pthread_cond_signal(&c);
    pthread_mutex_unlock(&m);
    sleep(handler_seconds);
    fprintf(stderr, "handler of main's exit ends\n");
}

/* Starts `second`, which waits until main's exit runs slow_handler, and
 * exits with `status`. */
static void exit_beside(void *(*second)(void *), int status)
{
    pthread_t t;
    pthread_create(&t, NULL, second, NULL);
    atexit(slow_handler);
    fflush(stdout);
    exit(status);
}

static void exits_again(void)
{
    printf("atexit handler calls exit(12)\n");
    exit(12);
}

static void quick_first(void) { printf("at_quick_exit handler registered first\n"); fflush(stdout); }
static void quick_last(void) { printf("at_quick_exit handler registered last\n"); fflush(stdout); }

static void on_exit_handler(int status, void *arg)
{
    printf("on_exit handler: status %d, arg %s\n", status, (const char *)arg);
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "handlers";
    atexit(first);
    atexit(registers);
    if (!strcmp(c, "handlers")) {
        atexit(last);
        printf("exit(3) from main\n");
        exit(3);
    } else if (!strcmp(c, "nested")) {
        atexit(exits_again);
        atexit(last);
        printf("exit(13) from main\n");
        exit(13);
    } else if (!strcmp(c, "blocked")) {
        start(waits_forever);
        printf("another thread waits forever; exit(7)\n");
        exit(7);
    } else if (!strcmp(c, "from_thread")) {
        pthread_t t;
        pthread_create(&t, NULL, exits, NULL);
        pthread_join(t, NULL);
        printf("never: exit ended the process\n");
        return 0;
    } else if (!strcmp(c, "concurrent")) {
        exit_beside(second_exit, 11);
    } else if (!strcmp(c, "quick_during_exit")) {
        at_quick_exit(quick_first);
        exit_beside(second_quick_exit, 15);
    } else if (!strcmp(c, "fork_during_exit")) {
        handler_seconds = 3; /* outlasts the thread's wait for its child */
        exit_beside(forks, 17);
    } else if (!strcmp(c, "quick_exit")) {
        at_quick_exit(quick_first);
        at_quick_exit(quick_last);
        start(waits_forever);
        printf("flushed before quick_exit\n");
        fflush(stdout);
        printf("buffered at quick_exit: lost\n");
        quick_exit(8);
    } else if (!strcmp(c, "on_exit")) {
        on_exit(on_exit_handler, "first");
        atexit(last);
        on_exit(on_exit_handler, "last");
        printf("exit(9) from main\n");
        exit(9);
    }
    return 1;
}
