/* glibc-built libstdc++'s "gnu" locale model takes ctype<char>'s tables
 * from the locale object __newlocale returns: classification, case
 * mapping, number parsing and regular expressions through std::locale. */
#include <cctype>
#include <iostream>
#include <locale>
#include <regex>
#include <sstream>
#include <string>

int main()
{
    std::locale loc("C");
    const std::ctype<char> &ct = std::use_facet<std::ctype<char>>(loc);
    std::string s = "Hello, World 42!\t";
    std::string upper = s, lower = s;
    ct.toupper(&upper[0], &upper[0] + upper.size());
    ct.tolower(&lower[0], &lower[0] + lower.size());
    std::cout << upper << '|' << lower << '\n';
    int spaces = 0, alphas = 0, digits = 0, puncts = 0;
    for (char c : s) {
        spaces += std::isspace(c, loc);
        alphas += std::isalpha(c, loc);
        digits += ct.is(std::ctype_base::digit, c);
        puncts += ct.is(std::ctype_base::punct, c);
    }
    std::cout << spaces << ' ' << alphas << ' ' << digits << ' ' << puncts << '\n';
    std::istringstream in("  12 3.75 word");
    in.imbue(loc);
    int i;
    double d;
    std::string w;
    in >> i >> d >> w;
    std::cout << i << ' ' << d << ' ' << w << '\n';
    std::regex re("([a-z]+)@([a-z]+)\\.(com|org)", std::regex::icase);
    std::smatch m;
    std::string mail = "write to Someone@Example.ORG today";
    if (std::regex_search(mail, m, re))
        std::cout << m[1] << ' ' << m[2] << ' ' << m[3] << '\n';
    std::cout << std::regex_replace(std::string("a1b22c333"), std::regex("[0-9]+"), "#") << '\n';
    std::locale copy(loc, new std::numpunct<char>());
    std::ostringstream out;
    out.imbue(copy);
    out << 1234567 << ' ' << 2.5;
    std::cout << out.str() << '\n';
    return 0;
}
