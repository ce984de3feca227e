// cases: syntaxes search match two registers fields recomp
// cflags: -D_GNU_SOURCE
/* glibc's GNU regex interface: re_set_syntax + re_compile_pattern under
 * each RE_SYNTAX_*, re_search (forward and backward ranges), re_match,
 * re_search_2/re_match_2, struct re_registers management (REGS_UNALLOCATED,
 * REGS_REALLOCATE via re_set_registers, REGS_FIXED), the pattern buffer's
 * fastmap, not_bol/not_eol/newline_anchor/no_sub/translate, re_comp/re_exec
 * and re_syntax_options as the program's own variable. */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* BSD names glibc declares only under _REGEX_RE_COMP. */
char *re_comp(const char *);
int re_exec(const char *);

static void show_regs(struct re_registers *r)
{
    printf(" num_regs=%u", r->num_regs);
    for (unsigned i = 0; i < r->num_regs; i++) printf(" (%d,%d)", r->start[i], r->end[i]);
}

static const char *pats[] = {
    "a+b", "a\\+b", "(a)|b", "\\(a\\)\\|b", "a|b", "a\\|b", "a{2}", "a\\{2\\}", "\\w+", "\\bb",
    "\\<x\\>", "[[:digit:]]+", "[\\]]", "x\\`", "^a", "a^", "$b", "(a)\\1", "\\(a\\)\\1", "*a",
    "+a", "a**", "a{1", "a{1,x}", "()", ")", "a\nb", "\\`a\\'", ".", "[^a]", "a?", "\\(^a\\)",
    "(^a)", "a$|b", "x{,2}y",
};
static const char *subjects[] = { "aab", "a+b", "b", "aa", "x ab 12", "\\]", "a\nb", "(a)", "{1}", "*a", "", 0 };

static void syntax_table(unsigned long syntax, const char *name)
{
    printf("== %s\n", name);
    re_set_syntax(syntax);
    for (unsigned i = 0; i < sizeof pats / sizeof pats[0]; i++) {
        struct re_pattern_buffer b;
        memset(&b, 0, sizeof b);
        const char *err = re_compile_pattern(pats[i], strlen(pats[i]), &b);
        printf("/%s/: %s nsub=%zu", pats[i], err ? err : "ok", b.re_nsub);
        if (err) { printf("\n"); continue; }
        for (unsigned j = 0; subjects[j]; j++) {
            struct re_registers regs = { 0 };
            int n = strlen(subjects[j]);
            int r = re_search(&b, subjects[j], n, 0, n, &regs);
            printf(" [%d", r);
            if (r >= 0) printf(" %d-%d", regs.start[0], regs.end[0]);
            if (r >= 0 && b.re_nsub) printf(" %d-%d", regs.start[1], regs.end[1]);
            printf("]");
            if (r >= 0) { free(regs.start); free(regs.end); }
        }
        printf("\n");
        regfree(&b);
    }
}

static void compile(struct re_pattern_buffer *b, const char *p)
{
    memset(b, 0, sizeof *b);
    const char *err = re_compile_pattern(p, strlen(p), b);
    if (err) { printf("compile %s: %s\n", p, err); exit(1); }
}

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    printf("initial re_syntax_options=%#lx\n", re_syntax_options);
    if (!strcmp(argv[1], "syntaxes")) {
        syntax_table(RE_SYNTAX_EMACS, "EMACS");
        syntax_table(RE_SYNTAX_POSIX_BASIC, "POSIX_BASIC");
        syntax_table(RE_SYNTAX_POSIX_EXTENDED, "POSIX_EXTENDED");
        syntax_table(RE_SYNTAX_GREP, "GREP");
        syntax_table(RE_SYNTAX_EGREP, "EGREP");
        syntax_table(RE_SYNTAX_AWK, "AWK");
        syntax_table(RE_SYNTAX_GNU_AWK, "GNU_AWK");
        syntax_table(RE_SYNTAX_POSIX_AWK, "POSIX_AWK");
        syntax_table(RE_SYNTAX_POSIX_MINIMAL_EXTENDED, "POSIX_MINIMAL_EXTENDED");
        syntax_table(RE_SYNTAX_POSIX_MINIMAL_BASIC, "POSIX_MINIMAL_BASIC");
        syntax_table(RE_SYNTAX_ED, "ED");
        syntax_table(RE_SYNTAX_SED, "SED");
        syntax_table(RE_SYNTAX_POSIX_EXTENDED | RE_ICASE, "POSIX_EXTENDED|ICASE");
        syntax_table(RE_SYNTAX_POSIX_EXTENDED | RE_NO_GNU_OPS | RE_NO_EMPTY_RANGES, "EXT|NO_GNU_OPS");
        syntax_table(RE_SYNTAX_POSIX_BASIC | RE_DOT_NOT_NULL | RE_HAT_LISTS_NOT_NEWLINE, "BASIC|DOT_NOT_NULL");
        syntax_table(RE_SYNTAX_POSIX_EXTENDED & ~RE_DOT_NEWLINE, "EXT&~DOT_NEWLINE");
        syntax_table(RE_SYNTAX_POSIX_EXTENDED | RE_CONTEXT_INVALID_DUP, "EXT|CONTEXT_INVALID_DUP");
        syntax_table(RE_SYNTAX_POSIX_BASIC | RE_LIMITED_OPS, "BASIC|LIMITED_OPS");
        syntax_table(RE_SYNTAX_POSIX_EXTENDED | RE_INVALID_INTERVAL_ORD, "EXT|INVALID_INTERVAL_ORD");
        printf("re_syntax_options=%#lx\n", re_syntax_options);
    }
    if (!strcmp(argv[1], "search")) {
        struct re_pattern_buffer b;
        re_syntax_options = RE_SYNTAX_POSIX_EXTENDED;
        const char *p[] = { "ab", "b+", "^x", "x$", "", "\\<w", "(a|b)c", "\\`a" };
        const char *s = "abxbbab\nxaw wabc";
        int n = strlen(s);
        int tries[][2] = { { 0, n }, { 3, n }, { n, -n }, { 9, -9 }, { 5, -2 }, { 0, 0 }, { n, 0 },
                           { n + 1, 0 }, { -1, 3 }, { 4, 100 }, { 4, -100 }, { 8, 0 } };
        for (unsigned i = 0; i < 8; i++) {
            compile(&b, p[i]);
            b.fastmap = malloc(256);
            for (unsigned k = 0; k < sizeof tries / sizeof tries[0]; k++)
                printf("%s start=%d range=%d -> %d\n", p[i], tries[k][0], tries[k][1],
                       re_search(&b, s, n, tries[k][0], tries[k][1], NULL));
            regfree(&b);
        }
        /* fastmap contents for simple patterns, and can_be_null */
        const char *fp[] = { "abc", "a|b", "a*b", "[x-z]q", "\\(a\\|\\)x", "a?" };
        for (unsigned i = 0; i < 6; i++) {
            re_syntax_options = i < 4 || i == 5 ? RE_SYNTAX_POSIX_EXTENDED : RE_SYNTAX_POSIX_BASIC;
            compile(&b, fp[i]);
            char fm[256];
            b.fastmap = fm;
            printf("fastmap %s: %d ", fp[i], re_compile_fastmap(&b));
            if (fp[i][0] != 'a' || fp[i][1] != '?')
                for (int c = 0; c < 256; c++) if (fm[c]) putchar(c);
            printf(" can_be_null=%d accurate=%d\n", b.can_be_null, b.fastmap_accurate);
            printf("  search: %d\n", re_search(&b, "zzyqab", 6, 0, 6, NULL));
            b.fastmap = NULL;
            regfree(&b);
        }
    }
    if (!strcmp(argv[1], "match")) {
        struct re_pattern_buffer b;
        re_syntax_options = RE_SYNTAX_POSIX_EXTENDED;
        const char *p[] = { "a+", "(a|ab)(c|bcd)(d*)", "b", "x*", "(a*)(b|abc)" };
        for (unsigned i = 0; i < 5; i++) {
            compile(&b, p[i]);
            const char *s = "aabcd";
            for (int st = 0; st <= 6; st++) {
                struct re_registers r = { 0 };
                int m = re_match(&b, s, 5, st, &r);
                printf("%s @%d -> %d", p[i], st, m);
                if (m >= 0) { show_regs(&r); free(r.start); free(r.end); }
                printf("\n");
            }
            regfree(&b);
        }
    }
    if (!strcmp(argv[1], "two")) {
        struct re_pattern_buffer b;
        re_syntax_options = RE_SYNTAX_POSIX_EXTENDED;
        const char *p[] = { "cd", "b(c)d", "d$", "^c", "a.*f", "c\\>" };
        for (unsigned i = 0; i < 6; i++) {
            compile(&b, p[i]);
            for (int stop = 3; stop <= 6; stop++) {
                struct re_registers r = { 0 };
                int s = re_search_2(&b, "abc", 3, "def", 3, 0, 6, &r, stop);
                printf("%s stop=%d search_2 -> %d", p[i], stop, s);
                if (s >= 0) { show_regs(&r); free(r.start); free(r.end); r.start = r.end = NULL; r.num_regs = 0; }
                int m = re_match_2(&b, "abc", 3, "def", 3, 2, NULL, stop);
                printf(" match_2@2 -> %d", m);
                printf(" back -> %d\n", re_search_2(&b, "abc", 3, "def", 3, 5, -5, NULL, stop));
            }
            printf("%s bad stop -> %d\n", p[i], re_match_2(&b, "a", 1, "b", 1, 0, NULL, -1));
            regfree(&b);
        }
    }
    if (!strcmp(argv[1], "registers")) {
        struct re_pattern_buffer b;
        struct re_registers r = { 0 };
        re_syntax_options = RE_SYNTAX_POSIX_EXTENDED;
        compile(&b, "(a)(b)?(c)");
        printf("allocated state %d\n", b.regs_allocated);
        printf("search %d", re_search(&b, "xac", 3, 0, 3, &r)); show_regs(&r);
        printf(" state %d\n", b.regs_allocated);
        printf("search %d", re_search(&b, "abc", 3, 0, 3, &r)); show_regs(&r); printf("\n");
        printf("nomatch %d", re_search(&b, "zzz", 3, 0, 3, &r)); show_regs(&r); printf("\n");
        free(r.start); free(r.end);
        /* re_set_registers hands over caller arrays (REGS_REALLOCATE) */
        regoff_t *st = malloc(2 * sizeof *st), *en = malloc(2 * sizeof *en);
        re_set_registers(&b, &r, 2, st, en);
        printf("set state %d num=%u\n", b.regs_allocated, r.num_regs);
        printf("search %d", re_search(&b, "abc", 3, 0, 3, &r)); show_regs(&r); printf("\n");
        free(r.start); free(r.end);
        re_set_registers(&b, &r, 0, NULL, NULL);
        printf("unset state %d num=%u %d\n", b.regs_allocated, r.num_regs, r.start == NULL);
        /* REGS_FIXED: caller's fixed arrays, fewer than the groups */
        regoff_t fs[2], fe[2];
        r.num_regs = 2; r.start = fs; r.end = fe;
        b.regs_allocated = REGS_FIXED;
        printf("fixed %d", re_search(&b, "abc", 3, 0, 3, &r)); show_regs(&r); printf(" state %d\n", b.regs_allocated);
        regoff_t gs[6], ge[6];
        r.num_regs = 6; r.start = gs; r.end = ge;
        printf("fixed6 %d", re_search(&b, "xac", 3, 0, 3, &r)); show_regs(&r); printf("\n");
        /* no_sub: registers untouched */
        b.no_sub = 1;
        gs[0] = 77;
        printf("no_sub %d %d\n", re_search(&b, "abc", 3, 0, 3, &r), gs[0]);
        regfree(&b);
        re_syntax_options = RE_SYNTAX_POSIX_EXTENDED | RE_NO_SUB;
        compile(&b, "(a)");
        printf("RE_NO_SUB no_sub=%d nsub=%zu\n", b.no_sub, b.re_nsub);
        regfree(&b);
    }
    if (!strcmp(argv[1], "fields")) {
        struct re_pattern_buffer b;
        re_syntax_options = RE_SYNTAX_POSIX_EXTENDED;
        compile(&b, "^b|c$");
        printf("syntax=%#lx newline_anchor=%d not_bol=%d not_eol=%d can_be_null=%d used>0=%d\n", b.syntax,
               b.newline_anchor, b.not_bol, b.not_eol, b.can_be_null, b.used > 0);
        const char *s = "ab\nbc\nc";
        int n = strlen(s);
        for (int na = 0; na < 2; na++)
            for (int nb = 0; nb < 2; nb++)
                for (int ne = 0; ne < 2; ne++) {
                    b.newline_anchor = na; b.not_bol = nb; b.not_eol = ne;
                    printf("nl=%d nb=%d ne=%d:", na, nb, ne);
                    for (int st = 0; st <= n; st++) printf(" %d", re_search(&b, s, n, st, n - st, NULL));
                    printf(" back %d\n", re_search(&b, s, n, n, -n, NULL));
                }
        regfree(&b);
        /* translate table: fold to lower case */
        unsigned char *tr = malloc(256);
        for (int c = 0; c < 256; c++) tr[c] = (c >= 'A' && c <= 'Z') ? c + 32 : c;
        memset(&b, 0, sizeof b);
        b.translate = tr;
        re_syntax_options = RE_SYNTAX_POSIX_EXTENDED;
        if (re_compile_pattern("hello+ [w]orld", 14, &b)) return 1;
        printf("translate: %d %d\n", re_search(&b, "say HELLOO World", 16, 0, 16, NULL),
               re_search(&b, "say HELL World", 14, 0, 14, NULL));
        regfree(&b);
        printf("translate freed: %d\n", b.translate == NULL);
        /* anchored pattern from a later start */
        compile(&b, "\\`a");
        printf("anchored: %d %d %d\n", re_search(&b, "aaa", 3, 1, 2, NULL), re_search(&b, "aaa", 3, 2, -2, NULL),
               re_search(&b, "aaa", 3, 0, 3, NULL));
        regfree(&b);
    }
    if (!strcmp(argv[1], "recomp")) {
        printf("re_comp(NULL) first: %s\n", re_comp(NULL) ? re_comp(NULL) : "(null)");
        re_syntax_options = RE_SYNTAX_POSIX_EXTENDED;
        const char *e = re_comp("ab+c");
        printf("re_comp: %s\n", e ? e : "(null)");
        printf("re_exec: %d %d\n", re_exec("xabbbc"), re_exec("ac"));
        e = re_comp("a(");
        printf("re_comp bad: %s\n", e ? e : "(null)");
        e = re_comp(NULL);
        printf("re_comp(NULL) after error: %s\n", e ? e : "(null)");
        e = re_comp("x|y");
        printf("re_comp: %s %d %d\n", e ? e : "(null)", re_exec("y"), re_exec("z"));
        printf("re_set_syntax old=%#lx\n", re_set_syntax(RE_SYNTAX_GREP));
        printf("now %#lx\n", re_syntax_options);
    }
    return 0;
}
