// cases: return exit threads nested pthread_exit
/* thread_local destructors (__cxa_thread_atexit_impl) in glibc's order:
 * newest first; at thread exit before pthread_key destructors; for the
 * thread that returns from main or calls exit, before atexit handlers and
 * static destructors; one registered while destructors run runs too. */
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <pthread.h>

struct Noisy {
    const char *name;
    explicit Noisy(const char *n) : name(n) { std::printf("ctor %s\n", name); }
    ~Noisy() { std::printf("dtor %s\n", name); }
};

static Noisy global("static");
thread_local Noisy first("tls-first");
thread_local Noisy second("tls-second");

struct Later {
    ~Later() { std::printf("dtor tls-late (registered during destruction)\n"); }
};
thread_local Later late;

struct Chain {
    ~Chain()
    {
        std::printf("dtor tls-chain, touching tls-late\n");
        (void)&late; // odr-use: first use registers its destructor now
    }
};
thread_local Chain chain;

static pthread_key_t key;

static void key_dtor(void *v) { std::printf("key destructor %s\n", (const char *)v); }
static void at_exit_early() { std::printf("atexit registered before the thread_locals\n"); }
static void at_exit_late() { std::printf("atexit registered after the thread_locals\n"); }

static void use_both(const char *who)
{
    std::printf("%s uses %s and %s\n", who, second.name, first.name);
}

static void *worker(void *arg)
{
    pthread_setspecific(key, arg);
    use_both((const char *)arg);
    return nullptr;
}

static void *exiting_worker(void *arg)
{
    pthread_setspecific(key, arg);
    use_both((const char *)arg);
    pthread_exit(nullptr);
}

static void *chaining_worker(void *)
{
    (void)&chain;
    std::printf("worker used tls-chain\n");
    return nullptr;
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "return";
    pthread_key_create(&key, key_dtor);
    std::atexit(at_exit_early);
    if (!std::strcmp(c, "threads")) {
        const char *names[] = { "thread-1", "thread-2", "thread-3" };
        for (const char *n : names) {
            pthread_t t;
            pthread_create(&t, nullptr, worker, (void *)n);
            pthread_join(t, nullptr);
            std::printf("joined %s\n", n);
        }
    } else if (!std::strcmp(c, "pthread_exit")) {
        pthread_t t;
        pthread_create(&t, nullptr, exiting_worker, (void *)"exiting-thread");
        pthread_join(t, nullptr);
        std::printf("joined\n");
    } else if (!std::strcmp(c, "nested")) {
        pthread_t t;
        pthread_create(&t, nullptr, chaining_worker, nullptr);
        pthread_join(t, nullptr);
        std::printf("joined\n");
        (void)&chain;
    }
    use_both("main");
    std::atexit(at_exit_late);
    std::fflush(stdout);
    if (!std::strcmp(c, "exit"))
        std::exit(3);
    return 0;
}
