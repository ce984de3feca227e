// cflags: -pthread
/* What libstdc++ does differently while __libc_single_threaded is 1:
 * std::shared_ptr reference counts shared by 4 threads (non-atomic counts
 * would lose updates), std::call_once, std::mutex. */
#include <atomic>
#include <cstdio>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

int main()
{
    auto shared = std::make_shared<int>(42);
    std::once_flag once;
    std::mutex m;
    long total = 0;
    std::atomic<int> ran_once{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; i++)
        threads.emplace_back([shared, &once, &ran_once, &m, &total] {
            std::call_once(once, [&ran_once] { ran_once++; });
            long local = 0;
            for (int k = 0; k < 200000; k++) {
                std::shared_ptr<int> copy = shared;
                local += *copy == 42;
            }
            std::lock_guard<std::mutex> lock(m);
            total += local;
        });
    for (auto &t : threads)
        t.join();
    std::printf("total %ld, call_once ran %d time(s), use_count %ld\n", total, ran_once.load(), shared.use_count());
    std::weak_ptr<int> weak = shared;
    shared.reset();
    std::printf("expired %d\n", weak.expired());
    return 0;
}
