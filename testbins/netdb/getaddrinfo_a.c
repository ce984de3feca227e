// getaddrinfo_a (libanl before glibc 2.34): GAI_WAIT, GAI_NOWAIT with
// gai_suspend and gai_error, signal and thread notification, gai_cancel on
// ended requests. No network: numeric hosts and /etc/hosts' localhost.
// cflags: -D_GNU_SOURCE -Wl,--no-as-needed -lanl -lpthread
#include <arpa/inet.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static struct addrinfo hints;

static void setup(struct gaicb *cb, const char *name, const char *service)
{
    memset(cb, 0, sizeof *cb);
    cb->ar_name = name;
    cb->ar_service = service;
    cb->ar_request = &hints;
}

static void show(const char *what, struct gaicb *cb)
{
    int e = gai_error(cb);
    printf("%s %s: gai_error %d", what, cb->ar_name, e);
    if (e == 0) {
        char text[64];
        struct sockaddr_in *sin = (struct sockaddr_in *)cb->ar_result->ai_addr;
        inet_ntop(AF_INET, &sin->sin_addr, text, sizeof text);
        printf(" %s:%d", text, ntohs(sin->sin_port));
        freeaddrinfo(cb->ar_result);
    }
    printf("\n");
}

static volatile sig_atomic_t got_signal;
static volatile int got_value;
static void on_signal(int sig, siginfo_t *info, void *ctx)
{
    (void)sig;
    (void)ctx;
    got_value = info->si_value.sival_int;
    got_signal = 1;
}

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int thread_value;
static void on_thread(union sigval v)
{
    pthread_mutex_lock(&lock);
    thread_value = v.sival_int;
    pthread_cond_signal(&cond);
    pthread_mutex_unlock(&lock);
}

int main(void)
{
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;

    struct gaicb a, b, c, *list[4] = { &a, NULL, &b, &c };
    setup(&a, "127.0.0.1", "80");
    setup(&b, "localhost", "8080");
    setup(&c, "256.1.1.1.1", "x");
    printf("GAI_WAIT: %d\n", getaddrinfo_a(GAI_WAIT, list, 4, NULL));
    show("wait", &a);
    show("wait", &b);
    printf("wait %s: bad service, error is an EAI code: %d\n", c.ar_name, gai_error(&c) < 0);
    printf("gai_cancel ended: %d\n", gai_cancel(&a));

    /* GAI_NOWAIT, then wait for each with gai_suspend. */
    setup(&a, "10.0.0.1", "1");
    setup(&b, "localhost", "2");
    struct gaicb *two[2] = { &a, &b };
    printf("GAI_NOWAIT: %d\n", getaddrinfo_a(GAI_NOWAIT, two, 2, NULL));
    for (int k = 0; k < 2; k++) {
        while (gai_error(two[k]) == EAI_INPROGRESS) {
            const struct gaicb *one[1] = { two[k] };
            int r = gai_suspend(one, 1, NULL);
            if (r != 0)
                printf("gai_suspend: %d\n", r);
        }
        show("nowait", two[k]);
    }
    const struct gaicb *none[2] = { NULL, NULL };
    printf("gai_suspend on nothing: %d\n", gai_suspend(none, 2, NULL));
    const struct gaicb *ended[1] = { &a };
    struct timespec zero = { 0, 0 };
    printf("gai_suspend on an ended request: %d\n", gai_suspend(ended, 1, &zero));

    /* Notification by signal. */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_signal;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigprocmask(SIG_BLOCK, &block, &old);
    struct sigevent ev;
    memset(&ev, 0, sizeof ev);
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = SIGUSR1;
    ev.sigev_value.sival_int = 42;
    setup(&a, "127.0.0.2", "3");
    struct gaicb *sig1[1] = { &a };
    printf("GAI_NOWAIT signal: %d\n", getaddrinfo_a(GAI_NOWAIT, sig1, 1, &ev));
    while (!got_signal)
        sigsuspend(&old);
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("signal value %d\n", got_value);
    show("signal", &a);

    /* Notification by thread. */
    memset(&ev, 0, sizeof ev);
    ev.sigev_notify = SIGEV_THREAD;
    ev.sigev_notify_function = on_thread;
    ev.sigev_value.sival_int = 7;
    setup(&a, "127.0.0.3", "4");
    setup(&b, "127.0.0.4", "5");
    printf("GAI_NOWAIT thread: %d\n", getaddrinfo_a(GAI_NOWAIT, two, 2, &ev));
    pthread_mutex_lock(&lock);
    while (thread_value == 0)
        pthread_cond_wait(&cond, &lock);
    pthread_mutex_unlock(&lock);
    printf("thread value %d\n", thread_value);
    show("thread", &a);
    show("thread", &b);
    return 0;
}
