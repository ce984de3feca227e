/* glibc-built libstdc++ formats times with __strftime_l (std::put_time,
 * std::time_put). */
#include <ctime>
#include <iomanip>
#include <iostream>
#include <locale>
#include <sstream>

int main()
{
    std::tm tm{};
    tm.tm_year = 126;
    tm.tm_mon = 10;
    tm.tm_mday = 28;
    tm.tm_hour = 15;
    tm.tm_min = 4;
    tm.tm_sec = 9;
    tm.tm_wday = 6;
    tm.tm_yday = 331;
    const char *formats[] = { "%Y-%m-%d %H:%M:%S", "%a %b %e %j", "%c", "%x %X", "%I:%M %p", "%G-W%V-%u", "%%" };
    for (const char *f : formats) {
        std::ostringstream out;
        out.imbue(std::locale::classic());
        out << std::put_time(&tm, f);
        std::cout << f << " -> " << out.str() << '\n';
    }
    return 0;
}
