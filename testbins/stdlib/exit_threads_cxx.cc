// cases: pool joinable detached thread_exit quick_exit
/* C++ at exit with threads alive, in glibc's order: the exiting thread's
 * thread_local destructors, then static destructors and atexit handlers
 * newest first. A static thread pool whose destructor stops and joins its
 * workers (each worker's thread_local destructors run as it ends, during
 * the main thread's exit); a static std::thread still joinable at exit
 * (std::terminate: libstdc++'s message and SIGABRT); a detached worker
 * blocked forever (its thread_locals are never destroyed); exit called on
 * a worker (its thread_locals, not main's); quick_exit (only the
 * at_quick_exit handlers). (glibc's exit hangs when a static destructor
 * destroys a condition variable a thread still waits on, as
 * pthread_cond_destroy waits for its waiters; musl's does not wait: no
 * oracle ends, so the detached worker waits on one never destroyed.) Every thread reaches its blocking point before
 * the exit, so the order is not a race. */
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <thread>
#include <vector>

struct Noisy {
    const char *name;
    explicit Noisy(const char *n) : name(n) {}
    ~Noisy() { std::printf("dtor %s\n", name); std::fflush(stdout); }
};

/* One thread_local; each thread names its copy (g++ constructs all of a
 * file's thread_locals at a thread's first use of any). */
thread_local Noisy tls("a thread's thread_local");

static std::mutex m;
static std::condition_variable cv;
static int ready;
static bool stop;

static void arrive()
{
    std::lock_guard<std::mutex> g(m);
    ready++;
    cv.notify_all();
}

static void wait_for(int n)
{
    std::unique_lock<std::mutex> g(m);
    cv.wait(g, [n] { return ready >= n; });
}

struct Pool {
    std::vector<std::thread> workers;
    void start(int n)
    {
        for (int i = 0; i < n; i++)
            workers.emplace_back([] {
                tls.name = "a worker's thread_local";
                arrive();
                std::unique_lock<std::mutex> g(m);
                cv.wait(g, [] { return stop; });
            });
        wait_for(n);
    }
    ~Pool()
    {
        std::printf("pool destructor stops its workers\n");
        std::fflush(stdout);
        {
            std::lock_guard<std::mutex> g(m);
            stop = true;
        }
        cv.notify_all();
        for (auto &t : workers)
            t.join();
        std::printf("pool destructor joined %zu workers\n", workers.size());
    }
};

static void at_exit_handler() { std::printf("atexit handler\n"); }
static void at_quick_exit_handler() { std::printf("at_quick_exit handler\n"); std::fflush(stdout); }

static Noisy static_object("static object");

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "pool";
    std::atexit(at_exit_handler);
    tls.name = "main's thread_local";
    if (!std::strcmp(c, "pool")) {
        static Pool pool;
        pool.start(1); /* one worker: its destructor's line is printed once */
        std::printf("exit(3) with the pool's worker waiting\n");
        std::exit(3);
    } else if (!std::strcmp(c, "joinable")) {
        static std::thread t([] {
            arrive();
            std::unique_lock<std::mutex> g(m);
            cv.wait(g, [] { return stop; });
        });
        wait_for(1);
        std::printf("exit(4) with a joinable static std::thread\n");
        std::fflush(stdout);
        std::exit(4);
    } else if (!std::strcmp(c, "detached")) {
        std::thread([] {
            tls.name = "a worker's thread_local";
            arrive();
            /* Blocked on a condition variable that is never destroyed:
             * glibc's pthread_cond_destroy (the static cv's destructor)
             * would wait for this waiter forever. */
            static std::mutex *never_m = new std::mutex;
            static std::condition_variable *never = new std::condition_variable;
            std::unique_lock<std::mutex> g(*never_m);
            never->wait(g, [] { return false; });
        }).detach();
        wait_for(1);
        std::printf("return 5 from main with a detached worker blocked\n");
        return 5;
    } else if (!std::strcmp(c, "thread_exit")) {
        std::thread t([] {
            tls.name = "a worker's thread_local";
            std::printf("worker calls exit(6)\n");
            std::exit(6);
        });
        t.join();
        return 1;
    } else if (!std::strcmp(c, "quick_exit")) {
        std::at_quick_exit(at_quick_exit_handler);
        std::printf("quick_exit(7)\n");
        std::fflush(stdout);
        std::quick_exit(7);
    }
    return 1;
}
