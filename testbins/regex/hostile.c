// Patterns and subjects that broke the shim's regex (issue 16, items 3 and
// 4), each with regcomp's and regexec's answers and the registers:
//   flat_literals: 90,000 literals in one pattern (the compiler recursed
//     once per element of the left-deep tree and overflowed the stack);
//   alternatives: 2,000 alternatives; nested: groups nested 3,000 deep;
//   big_subject: (.*) over 13 MiB (the register search ran out of its step
//     budget, and regexec said REG_NOMATCH);
//   backref: \(a*\)*\1 over 30 a's and a dash (exponential backtracking:
//     the budget again, REG_NOMATCH where glibc matches);
//   five_captures: five .* groups and a back-reference over 200 bytes;
//   repeat: (a{300}){300} over 90,000 a's (1 GB and 32 s; glibc 0.2 GB,
//     3 s).
// cases: flat_literals alternatives nested big_subject backref five_captures repeat
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void run(const char *what, const char *pat, int cflags, const char *subject, int nmatch)
{
    regex_t re;
    regmatch_t m[8];
    int rc = regcomp(&re, pat, cflags);
    printf("%s: regcomp %d nsub %zu", what, rc, rc ? (size_t)0 : re.re_nsub);
    if (rc == 0) {
        rc = regexec(&re, subject, nmatch, m, 0);
        printf(" regexec %d", rc);
        for (int i = 0; rc == 0 && i < nmatch; i++)
            printf(" [%d,%d]", (int)m[i].rm_so, (int)m[i].rm_eo);
        regfree(&re);
    }
    printf("\n");
}

static char *repeat(const char *unit, size_t times, const char *tail)
{
    size_t u = strlen(unit);
    char *s = malloc(u * times + strlen(tail) + 1);
    for (size_t i = 0; i < times; i++)
        memcpy(s + i * u, unit, u);
    strcpy(s + u * times, tail);
    return s;
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    if (!strcmp(c, "flat_literals")) {
        char *p = malloc(90001);
        for (int i = 0; i < 90000; i++)
            p[i] = 'a' + i % 26;
        p[90000] = 0;
        run("ERE", p, REG_EXTENDED, "abcdefg", 1);
        run("BRE", p, 0, p, 1);
        run("ERE nosub", p, REG_EXTENDED | REG_NOSUB, p + 26, 1);
    } else if (!strcmp(c, "alternatives")) {
        char *p = malloc(4000 * 6);
        size_t n = 0;
        for (int i = 0; i < 2000; i++)
            n += sprintf(p + n, "%sw%d", i ? "|" : "", i);
        run("alternatives", p, REG_EXTENDED, "xx w1999 w7", 1);
        run("alternatives miss", p, REG_EXTENDED, "xx w", 1);
    } else if (!strcmp(c, "nested")) {
        char *open = repeat("(", 3000, "a");
        char *p = repeat(")", 3000, "");
        char *full = malloc(strlen(open) + strlen(p) + 1);
        strcpy(full, open);
        strcat(full, p);
        run("nested", full, REG_EXTENDED, "xay", 3);
    } else if (!strcmp(c, "big_subject")) {
        char *s = repeat("x", 13 << 20, "");
        run("(.*) 13 MiB", "(.*)", REG_EXTENDED, s, 2);
        run("^(x*)y 13 MiB", "^(x*)y", REG_EXTENDED, s, 2);
    } else if (!strcmp(c, "backref")) {
        char *s = repeat("a", 30, "-");
        run("\\(a*\\)*\\1", "\\(a*\\)*\\1", 0, s, 1);
        run("\\(a*\\)\\1\\1-", "\\(a*\\)\\1\\1-", 0, s, 2);
        run("\\(a\\|aa\\)*\\1-", "\\(a\\|aa\\)*\\1-", 0, s, 1);
    } else if (!strcmp(c, "five_captures")) {
        char *s = repeat("abcde", 40, "");
        run("five groups, \\1x, no x", "\\(.*\\)\\(.*\\)\\(.*\\)\\(.*\\)\\(.*\\)\\1x", 0, s, 6);
        char *t = repeat("abcde", 40, "x");
        run("five groups, \\1x", "\\(.*\\)\\(.*\\)\\(.*\\)\\(.*\\)\\(.*\\)\\1x", 0, t, 6);
    } else if (!strcmp(c, "repeat")) {
        char *s = repeat("a", 90000, "");
        run("(a{300}){300}", "(a{300}){300}", REG_EXTENDED, s, 2);
        char *t = repeat("a", 3000, "");
        t[1500] = 'b';
        run("(a{30}){30} broken", "(a{30}){30}", REG_EXTENDED, t, 2);
    }
    return 0;
}
