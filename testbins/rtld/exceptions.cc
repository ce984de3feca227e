// cases: library vector nested thread rethrow terminate
// cflags: -pthread
/* C++ exceptions unwound by libgcc_s, which asks _dl_find_object (glibc
 * 2.35) for every frame: thrown inside libstdc++.so and caught in the
 * program, nested and rethrown, carried between threads, and an uncaught
 * one ending in std::terminate (SIGABRT with libstdc++'s message). */
#include <cstdio>
#include <cstring>
#include <exception>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

struct Guard {
    const char *name;
    ~Guard() { std::printf("unwound %s\n", name); }
};

[[gnu::noinline]] static int parse(const char *s)
{
    Guard g{"parse"};
    return std::stoi(s); // throws from inside libstdc++.so
}

[[gnu::noinline]] static void deep(int n)
{
    Guard g{"deep"};
    if (n == 0)
        throw std::runtime_error("bottom");
    deep(n - 1);
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "library";
    if (!std::strcmp(c, "library")) {
        try {
            parse("not a number");
        } catch (const std::invalid_argument &e) {
            std::printf("caught invalid_argument: %s\n", e.what());
        }
        try {
            parse("99999999999999999999");
        } catch (const std::out_of_range &e) {
            std::printf("caught out_of_range: %s\n", e.what());
        }
    } else if (!std::strcmp(c, "vector")) {
        std::vector<int> v(3);
        try {
            (void)v.at(7);
        } catch (const std::out_of_range &e) {
            std::printf("caught: %s\n", e.what());
        }
        try {
            std::string s("abc");
            s.substr(10);
        } catch (const std::exception &e) {
            std::printf("caught: %s\n", e.what());
        }
    } else if (!std::strcmp(c, "nested")) {
        try {
            try {
                deep(5);
            } catch (const std::exception &e) {
                std::printf("inner caught %s\n", e.what());
                std::throw_with_nested(std::logic_error("outer"));
            }
        } catch (const std::exception &e) {
            std::printf("outer caught %s\n", e.what());
            try {
                std::rethrow_if_nested(e);
            } catch (const std::exception &n) {
                std::printf("nested was %s\n", n.what());
            }
        }
    } else if (!std::strcmp(c, "thread")) {
        std::exception_ptr error;
        std::thread t([&error] {
            try {
                deep(3);
            } catch (...) {
                error = std::current_exception();
            }
        });
        t.join();
        try {
            std::rethrow_exception(error);
        } catch (const std::runtime_error &e) {
            std::printf("main caught the thread's %s\n", e.what());
        }
    } else if (!std::strcmp(c, "rethrow")) {
        for (int i = 0; i < 1000; i++) {
            try {
                try {
                    deep(2);
                } catch (...) {
                    throw;
                }
            } catch (const std::runtime_error &) {
                if (i == 999)
                    std::printf("1000 rethrows caught\n");
            }
        }
    } else if (!std::strcmp(c, "terminate")) {
        std::fflush(stdout);
        deep(1);
    }
    return 0;
}
