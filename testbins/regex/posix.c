// cases: bre ere icase newline eflags errors
// cflags: -D_GNU_SOURCE
/* glibc's regcomp/regexec/regerror/regfree through glibc's own regex_t and
 * 8-byte regmatch_t: for each pattern, regcomp's code, re_nsub and regerror
 * text; for each subject regexec's code and every regmatch_t (POSIX
 * leftmost-longest, glibc's subexpression rules). */
#include <regex.h>
#include <stdio.h>
#include <string.h>

struct t { const char *pat; const char *subj[6]; };

static void run(const struct t *tab, unsigned n, int cflags, int eflags)
{
    for (unsigned i = 0; i < n; i++) {
        regex_t re;
        memset(&re, 0x5a, sizeof re);
        int rc = regcomp(&re, tab[i].pat, cflags);
        char msg[128];
        size_t len = regerror(rc, &re, msg, sizeof msg);
        printf("/%s/ %d: comp=%d (%s, %zu) nsub=%zu\n", tab[i].pat, cflags, rc, msg, len, re.re_nsub);
        if (rc) continue;
        for (unsigned j = 0; j < 6 && tab[i].subj[j]; j++) {
            regmatch_t m[12];
            memset(m, 0x7b, sizeof m);
            int r = regexec(&re, tab[i].subj[j], 12, m, eflags);
            printf("  \"%s\" -> %d", tab[i].subj[j], r);
            if (r == 0)
                for (unsigned k = 0; k < 12; k++) printf(" (%d,%d)", m[k].rm_so, m[k].rm_eo);
            printf("\n");
        }
        regfree(&re);
    }
}

static const struct t bre[] = {
    { "abc", { "abc", "xabcy", "ab", "aabcabc", 0 } },
    { "a*", { "", "aaa", "baaa", 0 } },
    { "a\\{2,3\\}", { "a", "aa", "aaaa", "baaab", 0 } },
    { "a\\{2\\}", { "aaa", 0 } },
    { "a\\{2,\\}", { "aaaaa", "a", 0 } },
    { "a\\{,2\\}b", { "aaab", "b", 0 } },
    { "\\(a\\)\\(b\\)", { "ab", "xaby", 0 } },
    { "\\(a*\\)*", { "b", "aab", 0 } },
    { "\\(a*\\)\\+", { "b", "aa", 0 } },
    { "\\(a\\|b\\)*c", { "abac", "c", 0 } },
    { "\\(ab\\|a\\)\\(bc\\|c\\)", { "abc", 0 } },
    { "\\(a\\)\\1", { "aa", "ab", "xaay", 0 } },
    { "\\(a*\\)b\\1", { "aabaa", "aaba", "b", 0 } },
    { "\\([ab]*\\)\\1$", { "abab", "ababa", "aaaa", 0 } },
    { "^abc$", { "abc", "abcd", "xabc", 0 } },
    { "a^b", { "a^b", "ab", 0 } },
    { "a$b", { "a$b", 0 } },
    { "\\(^a\\)", { "a", "ba", 0 } },
    { "x\\(a$\\)", { "xa", "xab", 0 } },
    { "*a", { "*a", "a", 0 } },
    { "\\(*a\\)", { "*a", 0 } },
    { "^*", { "*x", "x", 0 } },
    { "a\\?b\\+", { "abbb", "bb", "a", 0 } },
    { "a|b", { "a|b", "a", 0 } },
    { "a\\|b", { "b", "xa", 0 } },
    { "[abc]", { "xxb", "d", 0 } },
    { "[^abc]", { "abcd", "abc", 0 } },
    { "[]a]", { "]", "a", "b", 0 } },
    { "[^]a]", { "]ab", 0 } },
    { "[a-]", { "-", "b", 0 } },
    { "[-a]", { "-", 0 } },
    { "[a-c-e]", { "d", 0 } },
    { "[[:alpha:]]*", { "abC1", "1", 0 } },
    { "[[:digit:][:space:]]\\+", { "a1 2b", 0 } },
    { "[[:upper:]]", { "aB", 0 } },
    { "[[:lower:]]", { "AbC", 0 } },
    { "[[:alnum:]_]*", { "a_1-", 0 } },
    { "[[:punct:]]", { "ab.c", 0 } },
    { "[[:xdigit:]]*", { "0fAg", 0 } },
    { "[[:blank:]]", { "a\tb", 0 } },
    { "[[:cntrl:]]", { "a\001", 0 } },
    { "[[:graph:]]", { " x", 0 } },
    { "[[:print:]]", { "\001 ", 0 } },
    { "[[.a.]]", { "ba", 0 } },
    { "[[=a=]]", { "ba", 0 } },
    { "[[.-.]a]", { "-", 0 } },
    { "[a\\]", { "\\", 0 } },
    { "a.c", { "abc", "a\nc", "ac", 0 } },
    { "\\w\\+", { "  foo_1 ", 0 } },
    { "\\W", { "ab c", 0 } },
    { "\\s\\S", { "a b", 0 } },
    { "\\bfoo\\b", { "a foo b", "afoo", 0 } },
    { "\\Boo", { "foo", "oo", 0 } },
    { "\\<b", { "ab b", 0 } },
    { "b\\>", { "ba b", 0 } },
    { "\\`a", { "a", "ba", 0 } },
    { "a\\'", { "aa", "ab", 0 } },
    { "\\(\\)", { "x", 0 } },
    { "\\(\\(a\\)\\|b\\)*", { "ab", "ba", 0 } },
    { "\\(a\\|ab\\)\\(c\\|bcd\\)\\(d*\\)", { "abcd", 0 } },
    { "\\(a*\\)\\(a*\\)", { "aaa", 0 } },
    { "\\(a*\\)*b", { "aab", 0 } },
    { "\\(a\\?\\)*", { "aa", 0 } },
    { "\\(a*\\)\\{1,2\\}", { "a", "b", 0 } },
    { "\\(a*\\)\\{0,2\\}", { "a", "b", 0 } },
    { "\\(a*\\)\\{1,3\\}", { "a", "aa", "b", 0 } },
    { "\\(a*\\)\\{2,3\\}", { "a", "aa", 0 } },
    { "\\(a\\|\\)\\{0,3\\}", { "a", "aa", 0 } },
    { "\\(a\\|b\\)\\{2,3\\}", { "ababa", 0 } },
    { "\\(.*\\)\\(.*\\)", { "xyz", 0 } },
    { "\\(.*\\)x\\(.*\\)", { "axbxc", 0 } },
    { "a\\{0\\}b", { "ab", 0 } },
    { "\\(a\\)\\{0\\}b\\1", { "b", 0 } },
    { "a**", { "aa", 0 } },
    { "\\{1\\}", { "{1}", 0 } },
    { "a\\{1", { "a", 0 } },
    { "\\n", { "n", 0 } },
    { "\\.", { "a.", 0 } },
    { "[.]", { "a.", 0 } },
    { "x*y*z*", { "abc", 0 } },
};

static const struct t ere[] = {
    { "a|b|c", { "c", "xb", "d", 0 } },
    { "(a|b)+", { "abba", "c", 0 } },
    { "(a)|b", { "b", "a", 0 } },
    { "(a|)+", { "aa", "b", 0 } },
    { "(|a)+", { "aa", 0 } },
    { "()", { "a", 0 } },
    { "a{2,3}", { "aaaa", 0 } },
    { "a{,3}", { "aaaa", 0 } },
    { "a{1}{2}", { "aaa", 0 } },
    { "a+?", { "aaa", 0 } },
    { "(a+)(b+)?", { "aab", "aa", 0 } },
    { "(a*)+", { "b", 0 } },
    { "(a*|b)*", { "ab", 0 } },
    { "(a|ab)(bc|c)", { "abc", 0 } },
    { "(wee|week)(knights|night)", { "weeknights", 0 } },
    { "(.*)(\\d+)", { "ab12", 0 } },
    { "([a-c]*)\\1", { "abcabc", "abab", 0 } },
    { "(a)\\2", { "aa", 0 } },
    { "^(ab|a)(bc|c)?$", { "abc", 0 } },
    { "x^", { "x^", "x", 0 } },
    { "a$|b", { "a", "ab", 0 } },
    { "(^a|b)", { "ba", 0 } },
    { "a)", { "a)", 0 } },
    { "(a", { "a", 0 } },
    { "a(b", { 0 } },
    { "*a", { 0 } },
    { "a|*b", { 0 } },
    { "a{1,2", { 0 } },
    { "a{x}", { 0 } },
    { "a{3,1}", { 0 } },
    { "a{99999}", { 0 } },
    { "{1}", { 0 } },
    { "a++", { "aa", 0 } },
    { "(a{2})*", { "aaaaa", 0 } },
    { "((a)|(b))*", { "ab", "ba", 0 } },
    { "(a|b)*(b|c)", { "abbc", 0 } },
    { "[[:alpha:]]+[0-9]*", { "--abc123--", 0 } },
    { "\\(", { "(", 0 } },
    { "a\\|b", { "a|b", 0 } },
    { "[a-z]+@[a-z]+\\.com", { "mail me@host.com now", 0 } },
    { "(foo|foobar)(bar)?", { "foobar", 0 } },
    { "(a?)((ab)?)(b?)", { "ab", 0 } },
    { "((a)b)|c", { "c", "ab", 0 } },
    { "(.)(.)(.)(.)(.)(.)(.)(.)(.)(.)", { "abcdefghijk", 0 } },
};

static const struct t icase[] = {
    { "abc", { "ABC", "aBc", 0 } },
    { "[a-z]+", { "HeLLo_", 0 } },
    { "[[:lower:]]+", { "ABcd", 0 } },
    { "[[:upper:]]+", { "abCD", 0 } },
    { "(a)\\1", { "aA", 0 } },
    { "[^a]", { "AaB", 0 } },
    { "\\w+", { "Ab_", 0 } },
};

static const struct t newline[] = {
    { "^b", { "a\nb", "b", 0 } },
    { "a$", { "a\nb", 0 } },
    { "a.b", { "a\nb", "axb", 0 } },
    { "a[^x]b", { "a\nb", 0 } },
    { "^$", { "a\n\nb", 0 } },
    { "b$", { "ab\n", 0 } },
};

static const struct t errors[] = {
    { "a\\", { 0 } },
    { "\\(a", { 0 } },
    { "a\\)", { 0 } },
    { "[a", { 0 } },
    { "[", { 0 } },
    { "[^", { 0 } },
    { "[[:foo:]]", { 0 } },
    { "[[:alpha:", { 0 } },
    { "[[.ab.]]", { 0 } },
    { "[[=ab=]]", { 0 } },
    { "[z-a]", { 0 } },
    { "[a-[:alpha:]]", { 0 } },
    { "[--]", { "-", 0 } },
    { "a\\{1", { 0 } },
    { "a\\{1,2", { 0 } },
    { "a\\{x\\}", { 0 } },
    { "a\\{2,1\\}", { 0 } },
    { "a\\{32768\\}", { 0 } },
    { "a\\{32767\\}", { "a", 0 } },
    { "\\1", { 0 } },
    { "\\(a\\)\\2", { 0 } },
    { "\\(a\\1\\)", { 0 } },
    { "\\{1\\}", { 0 } },
    { "a*\\{2\\}", { 0 } },
    { "a\\{2\\}*", { 0 } },
    { "[\xe0-\xe9]", { "a\xe5", "\xea", 0 } },
    { "[\xe9-\xe0]", { 0 } },
    { "", { "", "abc", 0 } },
};

static const struct t eflag_tab[] = {
    { "^a", { "a", "ba", 0 } },
    { "a$", { "a", "ab", 0 } },
    { "^$", { "", 0 } },
    { "\\`a", { "a", 0 } },
    { "\\<a", { "a", 0 } },
};

#define N(x) (sizeof x / sizeof x[0])

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    if (!strcmp(argv[1], "bre")) run(bre, N(bre), 0, 0);
    if (!strcmp(argv[1], "ere")) run(ere, N(ere), REG_EXTENDED, 0);
    if (!strcmp(argv[1], "icase")) {
        run(icase, N(icase), REG_EXTENDED | REG_ICASE, 0);
        run(bre, 12, REG_ICASE, 0);
    }
    if (!strcmp(argv[1], "newline")) {
        run(newline, N(newline), REG_NEWLINE, 0);
        run(newline, N(newline), REG_NEWLINE, REG_NOTBOL);
        run(newline, N(newline), 0, 0);
    }
    if (!strcmp(argv[1], "errors")) {
        run(errors, N(errors), 0, 0);
        run(errors, N(errors), REG_EXTENDED, 0);
        for (int e = 0; e <= 16; e++) {
            char small[8];
            size_t n = regerror(e, NULL, small, sizeof small);
            printf("%d: %zu \"%s\" %zu\n", e, n, small, regerror(e, NULL, NULL, 0));
        }
    }
    if (!strcmp(argv[1], "eflags")) {
        run(eflag_tab, N(eflag_tab), 0, REG_NOTBOL);
        run(eflag_tab, N(eflag_tab), 0, REG_NOTEOL);
        run(eflag_tab, N(eflag_tab), REG_NEWLINE, REG_NOTBOL | REG_NOTEOL);
        run(eflag_tab, N(eflag_tab), REG_NOSUB, 0);
        run(bre, 10, REG_NOSUB, 0);
        /* REG_STARTEND: offsets are the string's; ^ at rm_so > 0. */
        const char *pats[] = { "b+", "^b", "b$", "\\<b", "(b)(c)?" };
        for (unsigned i = 0; i < 5; i++) {
            regex_t re;
            if (regcomp(&re, pats[i], REG_EXTENDED)) return 1;
            int ranges[][2] = { { 0, 5 }, { 1, 3 }, { 2, 3 }, { 3, 3 }, { 1, 6 } };
            for (unsigned j = 0; j < 5; j++) {
                regmatch_t m[3] = { { ranges[j][0], ranges[j][1] } };
                int r = regexec(&re, "abbc\0bz", 3, m, REG_STARTEND);
                printf("%s [%d,%d) -> %d (%d,%d) (%d,%d) (%d,%d)\n", pats[i], ranges[j][0], ranges[j][1], r,
                       m[0].rm_so, m[0].rm_eo, m[1].rm_so, m[1].rm_eo, m[2].rm_so, m[2].rm_eo);
            }
            regfree(&re);
        }
        regex_t re;
        regcomp(&re, "a", 0);
        printf("bad eflags: %d\n", regexec(&re, "a", 0, NULL, 8));
        printf("nmatch 0: %d\n", regexec(&re, "a", 0, NULL, 0));
        regfree(&re);
    }
    return 0;
}
