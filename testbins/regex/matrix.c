// cases: ere bre ere-icase ere-newline
// cflags: -D_GNU_SOURCE
/* Every pattern against every subject through regcomp/regexec, printing
 * all registers: a cross product that exercises leftmost-longest choice,
 * glibc's subexpression rules in repetitions and alternations, anchors and
 * back-references against subjects with newlines and repeats. */
#include <regex.h>
#include <stdio.h>
#include <string.h>

static const char *ere[] = {
    "(a|ab)(c|bcd)", "(a*)(ab)*b", "(a*)*", "(a*)+", "(a+|b)*", "(a+|b){0,3}", "(ab|a)(bc|c)?",
    "((a)|b)+", "(a|b)?c", "(.*)c(.*)", "([ab]*)(b)", "x*(a|ab)*", "(a|aa)*", "(aa|a)*", "(a.|.a)*",
    "^(a|b)*$", "(^|x)a", "a($|x)", "(a$)|b", "\\ba\\w*", "\\w+\\b", "(\\<.)(.*)(.\\>)", "[^a-c]+",
    "([a-c])\\1+", "(a)(b)?\\2", "(.)(.)\\2\\1", "(a|b)*\\1", "()+", "(|a)*b", "(a|)+b", "((a*)b)*",
    "(a?)+", "(a?){2}", "(a{1,2}){2}", "(a|b){1,2}?c", "a{0}b", "(ab)*(abc)?", "(.)\\1*", "[[:alpha:]]+([0-9]+)?",
    "(x|xy)(z|yz)", "(c|bc)(d|cd)*", "((x)|(y))+z", "(\\.|[^.])*", "(a+)(a+)", "(a*)(a+)", "(a+)(a*)",
};
static const char *bre[] = {
    "\\(a*\\)*b", "\\(a\\)*\\1", "\\(a*\\)\\1", "\\([ab]\\)\\1*", "^*a", "a\\{1,2\\}\\{2\\}", "\\(\\(a\\)b\\)*\\2",
    "\\(.*\\)\\1", "\\(a\\|b\\)\\+", "x\\?y", "[*]\\**", "\\(^a\\|b\\)", "a\\|^b", "\\(a\\)\\|\\(b\\)", "a.\\{2\\}",
};
static const char *subjects[] = {
    "", "a", "ab", "abc", "abcd", "aab", "aaa", "abab", "bab", "xyz", "xyyz", "abbc", "a.b.", "cbcdd", "a\nb", "ba\nab",
    "aaab", "xaax", "abba", "b",
};

static void run(const char **pats, unsigned n, int cflags)
{
    for (unsigned i = 0; i < n; i++) {
        regex_t re;
        int rc = regcomp(&re, pats[i], cflags);
        printf("/%s/ %d nsub=%zu\n", pats[i], rc, re.re_nsub);
        if (rc) continue;
        for (unsigned j = 0; j < sizeof subjects / sizeof subjects[0]; j++) {
            regmatch_t m[6];
            int r = regexec(&re, subjects[j], 6, m, 0);
            if (r) { printf("  \"%s\" nomatch\n", subjects[j]); continue; }
            printf("  \"%s\"", subjects[j]);
            for (unsigned k = 0; k <= re.re_nsub && k < 6; k++) printf(" (%d,%d)", m[k].rm_so, m[k].rm_eo);
            printf("\n");
        }
        regfree(&re);
    }
}

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    unsigned ne = sizeof ere / sizeof ere[0], nb = sizeof bre / sizeof bre[0];
    if (!strcmp(argv[1], "ere")) run(ere, ne, REG_EXTENDED);
    if (!strcmp(argv[1], "bre")) run(bre, nb, 0);
    if (!strcmp(argv[1], "ere-icase")) run(ere, ne, REG_EXTENDED | REG_ICASE);
    if (!strcmp(argv[1], "ere-newline")) run(ere, ne, REG_EXTENDED | REG_NEWLINE);
    return 0;
}
