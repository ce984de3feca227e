// cflags: -pthread -std=c++20
// The clock waits as libstdc++ uses them, inline in a glibc-built program:
// std::condition_variable's waits on steady_clock (pthread_cond_clockwait),
// std::timed_mutex and std::shared_timed_mutex on steady_clock
// (pthread_mutex_clocklock, pthread_rwlock_clock{rd,wr}lock), a
// std::counting_semaphore's timed acquire (sem_clockwait or a futex) and
// std::call_once beside them. Timeouts and wake-ups are printed as
// outcomes, never as durations.
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <semaphore>
#include <shared_mutex>
#include <thread>

using namespace std::chrono_literals;

int main()
{
    std::mutex m;
    std::condition_variable cv;
    bool ready = false;
    {
        std::unique_lock<std::mutex> lk(m);
        auto r = cv.wait_for(lk, 5ms);
        std::printf("cv wait_for alone: %s\n", r == std::cv_status::timeout ? "timeout" : "woken");
        std::thread t([&] {
            std::lock_guard<std::mutex> g(m);
            ready = true;
            cv.notify_one();
        });
        bool ok = cv.wait_until(lk, std::chrono::steady_clock::now() + 10s, [&] { return ready; });
        std::printf("cv wait_until notified: %d\n", ok);
        lk.unlock();
        t.join();
    }

    std::timed_mutex tm;
    tm.lock();
    bool got = true;
    std::thread t1([&] { got = tm.try_lock_for(5ms); });
    t1.join();
    std::printf("timed_mutex try_lock_for held: %d\n", got);
    tm.unlock();
    std::thread t2([&] { got = tm.try_lock_until(std::chrono::steady_clock::now() + 1s); if (got) tm.unlock(); });
    t2.join();
    std::printf("timed_mutex try_lock_until free: %d\n", got);

    std::shared_timed_mutex sm;
    sm.lock();
    bool shared = true, exclusive = true;
    std::thread t3([&] {
        shared = sm.try_lock_shared_for(5ms);
        exclusive = sm.try_lock_for(5ms);
    });
    t3.join();
    std::printf("shared_timed_mutex held: shared %d exclusive %d\n", shared, exclusive);
    sm.unlock();
    sm.lock_shared();
    std::thread t4([&] {
        shared = sm.try_lock_shared_for(1s);
        if (shared) sm.unlock_shared();
        exclusive = sm.try_lock_for(5ms);
    });
    t4.join();
    std::printf("shared_timed_mutex shared: shared %d exclusive %d\n", shared, exclusive);
    sm.unlock_shared();

    std::counting_semaphore<4> sem(0);
    std::printf("semaphore try_acquire_for empty: %d\n", sem.try_acquire_for(5ms));
    std::thread t5([&] { sem.release(2); });
    bool a = sem.try_acquire_for(10s);
    t5.join();
    bool b = sem.try_acquire();
    bool c = sem.try_acquire();
    std::printf("semaphore after release(2): %d %d %d\n", a, b, c);

    std::once_flag once;
    int calls = 0;
    std::thread o1([&] { std::call_once(once, [&] { ++calls; }); });
    std::thread o2([&] { std::call_once(once, [&] { ++calls; }); });
    o1.join();
    o2.join();
    std::printf("call_once calls: %d\n", calls);
    return 0;
}
