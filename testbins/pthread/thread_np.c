// cases: sigqueue errors exited yield
// cflags: -D_GNU_SOURCE -pthread
/* pthread_sigqueue (glibc 2.11): a signal with a value queued for one
 * thread (this one, whose handler has run by the time the call returns;
 * another, which takes it with sigtimedwait while every other thread blocks
 * it, so a signal sent to the wrong thread would not arrive), real-time
 * signals queued in order, the signals glibc refuses, bad signal numbers,
 * a thread that has exited but is not joined yet. And the names glibc keeps
 * for old binaries: pthread_yield, pthread_kill_other_threads_np (does
 * nothing). */
#include "../glibc_compat.h"
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Names glibc 2.34 and later keep for old binaries only (no default
 * version to link to): referenced at their version, as old binaries do. */
int old_pthread_yield(void);
__asm__(".symver old_pthread_yield,pthread_yield@" GLIBC_COMPAT(2.2.5));
void old_pthread_kill_other_threads_np(void);
__asm__(".symver old_pthread_kill_other_threads_np,pthread_kill_other_threads_np@" GLIBC_COMPAT(2.2.5));

static const char *ename(int e)
{
    switch (e) {
    case 0: return "0";
    case EINVAL: return "EINVAL";
    case ESRCH: return "ESRCH";
    case EAGAIN: return "EAGAIN";
    case EPERM: return "EPERM";
    }
    static char buf[32];
    snprintf(buf, sizeof buf, "errno %d", e);
    return buf;
}

static volatile sig_atomic_t got_signo, got_value, got_code_queue, got_pid, got_tid;

static void handler(int sig, siginfo_t *si, void *ctx)
{
    (void)ctx;
    got_signo = sig;
    got_value = si->si_value.sival_int;
    got_code_queue = si->si_code == SI_QUEUE;
    got_pid = si->si_pid == getpid() && si->si_uid == getuid();
    got_tid = gettid();
}

static sem_t ready;

/* Takes what is sent to it while the main thread blocks those signals;
 * the main thread prints what it took once it is done. */
static char report[512];

static void *receiver(void *arg)
{
    int n = (int)(long)arg;
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    sigaddset(&set, SIGRTMIN + 1);
    sem_post(&ready);
    size_t len = 0;
    for (int i = 0; i < n; i++) {
        siginfo_t si;
        struct timespec limit = { 2, 0 };
        int sig = sigtimedwait(&set, &si, &limit);
        if (sig < 0) {
            len += snprintf(report + len, sizeof report - len, "receiver: nothing arrived\n");
            break;
        }
        if (sig == SIGRTMIN + 1)
            len += snprintf(report + len, sizeof report - len, "receiver: SIGRTMIN+1 value %d\n", si.si_value.sival_int);
        else
            len += snprintf(report + len, sizeof report - len,
                            "receiver: signal %s, value %d, SI_QUEUE %s, our pid and uid %s\n",
                            sig == SIGUSR2 ? "SIGUSR2" : "other", si.si_value.sival_int,
                            si.si_code == SI_QUEUE ? "yes" : "no",
                            si.si_pid == getpid() && si.si_uid == getuid() ? "yes" : "no");
    }
    return NULL;
}

static void sigqueue_cases(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);

    int rc = pthread_sigqueue(pthread_self(), SIGUSR1, (union sigval){ .sival_int = 7 });
    printf("to this thread: %s; handler ran: %s, value %d, SI_QUEUE %s, our pid and uid %s, right thread %s\n",
           ename(rc), got_signo == SIGUSR1 ? "yes" : "no", (int)got_value, got_code_queue ? "yes" : "no",
           got_pid ? "yes" : "no", got_tid == gettid() ? "yes" : "no");

    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    sigaddset(&set, SIGRTMIN + 1);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    pthread_t t;
    pthread_create(&t, NULL, receiver, (void *)4L);
    sem_wait(&ready);
    printf("to another thread: %s\n", ename(pthread_sigqueue(t, SIGUSR2, (union sigval){ .sival_int = 42 })));
    for (int v = 1; v <= 3; v++)
        printf("SIGRTMIN+1 value %d: %s\n", v, ename(pthread_sigqueue(t, SIGRTMIN + 1, (union sigval){ .sival_int = v })));
    pthread_join(t, NULL);
    fputs(report, stdout);

    /* Nothing was left for this thread. */
    sigset_t pending;
    sigpending(&pending);
    printf("pending here: %s\n", sigismember(&pending, SIGUSR2) || sigismember(&pending, SIGRTMIN + 1) ? "yes" : "no");
}

static void *idle(void *arg)
{
    (void)arg;
    sem_wait(&ready);
    return (void *)7;
}

static void error_cases(void)
{
    pthread_t t;
    pthread_create(&t, NULL, idle, NULL);
    static const int sigs[] = { 0, 32, 33, 65, 1000, -1 };
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
        printf("signal %d to this thread: %s\n", sigs[i], ename(pthread_sigqueue(pthread_self(), sigs[i], (union sigval){ 0 })));
        printf("signal %d to another: %s\n", sigs[i], ename(pthread_sigqueue(t, sigs[i], (union sigval){ 0 })));
    }
    sem_post(&ready);
    pthread_join(t, NULL);
}

static void *quick(void *arg)
{
    return arg;
}

static void exited(void)
{
    pthread_t t;
    pthread_create(&t, NULL, quick, (void *)9);
    /* Wait for the thread to be gone, without joining it. */
    int rc = 0;
    for (int i = 0; i < 2000 && rc == 0; i++) {
        rc = pthread_sigqueue(t, 0, (union sigval){ 0 });
        if (rc == 0) {
            struct timespec nap = { 0, 100000 };
            nanosleep(&nap, NULL);
        }
    }
    printf("signal 0 once the thread has exited: %s\n", ename(rc));
    printf("SIGUSR1 to it: %s\n", ename(pthread_sigqueue(t, SIGUSR1, (union sigval){ 0 })));
    void *res = NULL;
    rc = pthread_join(t, &res);
    printf("join: %s, result %ld\n", ename(rc), (long)res);
}

static void yield(void)
{
    printf("pthread_yield: %d\n", old_pthread_yield());
    pthread_t t;
    pthread_create(&t, NULL, idle, NULL);
    old_pthread_kill_other_threads_np();
    printf("pthread_kill_other_threads_np returned\n");
    sem_post(&ready);
    void *res = NULL;
    int rc = pthread_join(t, &res);
    printf("the other thread still ran: join %s, result %ld\n", ename(rc), (long)res);
}

int main(int argc, char **argv)
{
    sem_init(&ready, 0, 0);
    const char *what = argc > 1 ? argv[1] : "";
    if (strcmp(what, "sigqueue") == 0)
        sigqueue_cases();
    else if (strcmp(what, "errors") == 0)
        error_cases();
    else if (strcmp(what, "exited") == 0)
        exited();
    else if (strcmp(what, "yield") == 0)
        yield();
    return 0;
}
