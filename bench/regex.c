/* Regex match throughput (MB/s) of the running libc: each pattern through
 * regcomp/regexec line by line (as grep -c does), with and without
 * subexpression registers, and re_search over the whole buffer. Built once
 * against glibc and run under glibc and under musl + libgcompat
 * (scripts/bench-regex.sh). Prints figures; asserts nothing. */
#define _GNU_SOURCE
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static const char *words[] = { "the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "software",
                               "license", "GNU", "General", "Public", "copy", "2024", "free", "foo_bar",
                               "hello@example", "x", "program" };

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    enum { SIZE = 1 << 20 };
    char *text = malloc(SIZE + 1);
    unsigned seed = 12345, len = 0, col = 0;
    while (len < SIZE - 20) {
        seed = seed * 1103515245 + 12345;
        const char *w = words[(seed >> 16) % 20];
        size_t n = strlen(w);
        memcpy(text + len, w, n);
        len += n;
        col += n + 1;
        text[len++] = col > 70 ? (col = 0, '\n') : ' ';
    }
    text[len] = 0;
    struct { const char *pat; int flags; } pats[] = {
        { "license", REG_EXTENDED },
        { "fox|dog|cat", REG_EXTENDED },
        { "[0-9]{4}", REG_EXTENDED },
        { "[a-z]+@[a-z]+", REG_EXTENDED },
        { "^the [a-z]+ [a-z]+", REG_EXTENDED },
        { "(quick|lazy) (brown|dog)", REG_EXTENDED },
        { "\\(fo*\\)_\\(ba*r\\)", 0 },
        { "GNU.*free$", REG_EXTENDED | REG_ICASE },
    };
    printf("%-28s %10s %10s %10s\n", "pattern", "lines", "lines+regs", "re_search");
    for (unsigned i = 0; i < sizeof pats / sizeof pats[0]; i++) {
        regex_t re;
        if (regcomp(&re, pats[i].pat, pats[i].flags)) return 1;
        double mbs[3];
        for (int mode = 0; mode < 3; mode++) {
            double t0 = now(), t;
            long bytes = 0, hits = 0;
            do {
                if (mode < 2) {
                    char *line = text;
                    while (*line) {
                        char *nl = strchr(line, '\n');
                        regmatch_t m[3] = { { 0, nl ? (int)(nl - line) : (int)strlen(line) } };
                        hits += !regexec(&re, line, mode ? 3 : 1, m, REG_STARTEND);
                        line = nl ? nl + 1 : line + strlen(line);
                    }
                } else {
                    struct re_pattern_buffer b = { 0 };
                    /* As grep does: '.' and [^...] stop at newlines. */
                    re_set_syntax(((pats[i].flags & REG_EXTENDED ? RE_SYNTAX_POSIX_EXTENDED : RE_SYNTAX_POSIX_BASIC)
                                   & ~RE_DOT_NEWLINE) | RE_HAT_LISTS_NOT_NEWLINE |
                                  (pats[i].flags & REG_ICASE ? RE_ICASE : 0));
                    if (re_compile_pattern(pats[i].pat, strlen(pats[i].pat), &b)) return 1;
                    char fm[256];
                    b.fastmap = fm;
                    int pos = 0;
                    while (pos < (int)len) {
                        int r = re_search(&b, text, len, pos, len - pos, NULL);
                        if (r < 0) break;
                        hits++;
                        pos = r + 1;
                    }
                    b.fastmap = NULL;
                    regfree(&b);
                }
                bytes += len;
                t = now() - t0;
            } while (t < 0.3);
            mbs[mode] = bytes / t / 1e6;
            (void)hits;
        }
        printf("%-28s %10.1f %10.1f %10.1f\n", pats[i].pat, mbs[0], mbs[1], mbs[2]);
        regfree(&re);
    }
    return 0;
}
