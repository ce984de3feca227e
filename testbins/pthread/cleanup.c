// cases: exit cancel pop nested defer old_defer routine main_exit c11_exit
// cflags: -pthread
/* glibc's C cancellation cleanup (pthread_cleanup_push without
 * -fexceptions expands to __pthread_register_cancel, __sigsetjmp and
 * __pthread_unwind_next): handlers run last-in first-out on pthread_exit
 * and on cancellation, pop(1) runs one and pop(0) does not, the _defer_np
 * forms switch to deferred cancellation and back, and the thread's exit
 * value reaches pthread_join. */
#define _GNU_SOURCE
#include "../glibc_compat.h"
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <threads.h>
#include <unistd.h>

static char trail[64];
static pthread_mutex_t trail_lock = PTHREAD_MUTEX_INITIALIZER;

static void note(void *tag)
{
    pthread_mutex_lock(&trail_lock);
    strcat(trail, tag);
    pthread_mutex_unlock(&trail_lock);
}

static void show_type(const char *when)
{
    int type;
    pthread_setcanceltype(PTHREAD_CANCEL_DEFERRED, &type);
    pthread_setcanceltype(type, NULL);
    printf("%s: %s\n", when, type == PTHREAD_CANCEL_ASYNCHRONOUS ? "async" : "deferred");
}

static void *exits(void *arg)
{
    (void)arg;
    pthread_cleanup_push(note, "A");
    pthread_cleanup_push(note, "B");
    note("1");
    pthread_exit((void *)42);
    pthread_cleanup_pop(0);
    pthread_cleanup_pop(0);
    return NULL;
}

static int pipefd[2];

static void *blocks(void *arg)
{
    (void)arg;
    char c;
    pthread_cleanup_push(note, "X");
    pthread_cleanup_push(note, "Y");
    note("r");
    if (read(pipefd[0], &c, 1) < 0) /* a cancellation point */
        note("!");
    pthread_cleanup_pop(0);
    pthread_cleanup_pop(0);
    return NULL;
}

static void *pops(void *arg)
{
    (void)arg;
    pthread_cleanup_push(note, "p");
    pthread_cleanup_push(note, "q");
    pthread_cleanup_pop(1);
    pthread_cleanup_pop(0);
    return (void *)7;
}

static void inner(void)
{
    pthread_cleanup_push(note, "i");
    pthread_exit((void *)9);
    pthread_cleanup_pop(0);
}

static void *nested(void *arg)
{
    (void)arg;
    pthread_cleanup_push(note, "o");
    pthread_cleanup_push(note, "m");
    inner();
    pthread_cleanup_pop(0);
    pthread_cleanup_pop(0);
    return NULL;
}

static void *defers(void *arg)
{
    (void)arg;
    pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, NULL);
    show_type("before");
    pthread_cleanup_push_defer_np(note, "d");
    show_type("inside");
    pthread_cleanup_pop_restore_np(1);
    show_type("after");
    pthread_setcanceltype(PTHREAD_CANCEL_DEFERRED, NULL);
    return NULL;
}

/* glibc's older interface: compatibility symbols, bound at GLIBC_2.2.5 as
 * binaries built before glibc 2.34 bound them; the header keeps only the
 * structure. */
void _pthread_cleanup_push_defer(struct _pthread_cleanup_buffer *, void (*)(void *), void *);
void _pthread_cleanup_pop_restore(struct _pthread_cleanup_buffer *, int);
__asm__(".symver _pthread_cleanup_push_defer, _pthread_cleanup_push_defer@" GLIBC_COMPAT(2.2.5));
__asm__(".symver _pthread_cleanup_pop_restore, _pthread_cleanup_pop_restore@" GLIBC_COMPAT(2.2.5));

static void *old_defers(void *arg)
{
    (void)arg;
    struct _pthread_cleanup_buffer outer, innerb;
    pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, NULL);
    _pthread_cleanup_push_defer(&outer, note, "u");
    show_type("old inside");
    _pthread_cleanup_push_defer(&innerb, note, "v");
    _pthread_cleanup_pop_restore(&innerb, 1);
    show_type("old after inner");
    pthread_setcanceltype(PTHREAD_CANCEL_DEFERRED, NULL);
    pthread_exit((void *)5); /* runs u */
    _pthread_cleanup_pop_restore(&outer, 0);
    return NULL;
}

struct glibc_frame {
    void (*routine)(void *);
    void *arg;
    int do_it;
    int cancel_type;
};
void __pthread_cleanup_routine(struct glibc_frame *);

/* thrd_exit runs the handlers too, and its result reaches thrd_join. */
static int c11_exits(void *arg)
{
    (void)arg;
    pthread_cleanup_push(note, "c");
    thrd_exit(7);
    pthread_cleanup_pop(0);
    return 0;
}

static void run(void *(*fn)(void *), const char *name)
{
    pthread_t t;
    void *ret;
    trail[0] = 0;
    int rc = pthread_create(&t, NULL, fn, NULL);
    int jr = pthread_join(t, &ret);
    printf("%s: create %d join %d value %s%ld trail %s\n", name, rc, jr,
           ret == PTHREAD_CANCELED ? "CANCELED " : "", ret == PTHREAD_CANCELED ? 0L : (long)(intptr_t)ret, trail);
}

static void *waits_then_reports(void *arg)
{
    pthread_t main_thread = *(pthread_t *)arg;
    void *ret;
    int jr = pthread_join(main_thread, &ret);
    printf("main joined %d value %ld trail %s\n", jr, (long)(intptr_t)ret, trail);
    fflush(stdout);
    return NULL;
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "exit";
    if (!strcmp(c, "exit"))
        run(exits, "exit");
    else if (!strcmp(c, "cancel")) {
        pthread_t t;
        void *ret;
        trail[0] = 0;
        if (pipe(pipefd))
            return 1;
        pthread_create(&t, NULL, blocks, NULL);
        for (;;) { /* until the thread is in read() */
            pthread_mutex_lock(&trail_lock);
            int ready = trail[0] != 0;
            pthread_mutex_unlock(&trail_lock);
            if (ready)
                break;
            usleep(1000);
        }
        usleep(20000);
        int cr = pthread_cancel(t);
        int jr = pthread_join(t, &ret);
        printf("cancel: cancel %d join %d canceled %d trail %s\n", cr, jr, ret == PTHREAD_CANCELED, trail);
    } else if (!strcmp(c, "pop"))
        run(pops, "pop");
    else if (!strcmp(c, "nested"))
        run(nested, "nested");
    else if (!strcmp(c, "defer"))
        run(defers, "defer");
    else if (!strcmp(c, "old_defer"))
        run(old_defers, "old_defer");
    else if (!strcmp(c, "routine")) {
        trail[0] = 0;
        struct glibc_frame yes = {note, "y", 1, 0}, no = {note, "n", 0, 0};
        __pthread_cleanup_routine(&yes);
        __pthread_cleanup_routine(&no);
        printf("routine: trail %s\n", trail);
    } else if (!strcmp(c, "c11_exit")) {
        thrd_t t;
        int res = -1;
        trail[0] = 0;
        int cr = thrd_create(&t, c11_exits, NULL);
        int jr = thrd_join(t, &res);
        printf("c11_exit: create %d join %d result %d trail %s\n", cr == thrd_success, jr == thrd_success, res, trail);
    } else if (!strcmp(c, "main_exit")) {
        /* The main thread exits through its handlers; another thread
         * joins it and the process ends when that thread does. */
        static pthread_t self;
        pthread_t t;
        self = pthread_self();
        trail[0] = 0;
        pthread_create(&t, NULL, waits_then_reports, &self);
        pthread_cleanup_push(note, "M");
        pthread_exit((void *)3);
        pthread_cleanup_pop(0);
    }
    return 0;
}
