// cflags: -pthread
// std::recursive_mutex and std::recursive_timed_mutex: libstdc++ initializes
// them inline in the program with glibc's PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP,
// so a glibc-built program's recursive locking depends on that kind.
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>

static std::recursive_mutex rm;
static std::recursive_timed_mutex rtm;

static int depth(int n)
{
    std::lock_guard<std::recursive_mutex> g(rm);
    return n == 0 ? 0 : 1 + depth(n - 1);
}

int main()
{
    std::printf("depth %d\n", depth(5));
    rm.lock();
    std::printf("try_lock held by me %d\n", rm.try_lock());
    bool other = true;
    std::thread t([&] { other = rm.try_lock(); });
    t.join();
    std::printf("try_lock from other thread %d\n", other);
    rm.unlock();
    rm.unlock();
    std::thread t2([&] { other = rm.try_lock(); if (other) rm.unlock(); });
    t2.join();
    std::printf("try_lock from other thread after unlock %d\n", other);

    rtm.lock();
    std::printf("timed try_lock_for held by me %d\n", rtm.try_lock_for(std::chrono::milliseconds(10)));
    std::thread t3([&] { other = rtm.try_lock_for(std::chrono::milliseconds(10)); });
    t3.join();
    std::printf("timed try_lock_for other %d\n", other);
    rtm.unlock();
    rtm.unlock();
    return 0;
}
