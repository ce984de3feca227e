// cases: aliases strsep spans errnames sys_errlist
// cflags: -D_GNU_SOURCE
/* GNU <string.h> extensions musl lacks:
 * - glibc's internal aliases old binaries call (__stpcpy, __strdup, ...);
 * - the helpers glibc's pre-2.24 <bits/string2.h> inlined calls to
 *   (__strsep_1c, __strcspn_c2, __strpbrk_c3, ...): compat symbols now,
 *   bound by .symver at GLIBC_2.2.5 as binaries built before 2.24 bound them;
 * - strerrorname_np/strerrordesc_np: glibc's names and texts, null when none;
 * - sys_errlist/sys_nerr (and _sys_*) at GLIBC_2.12 (compat-only since glibc 2.32), bound
 *   by .symver as binaries linked before 2.32 bound them: the program
 *   copy-relocates glibc's 0x438 bytes. */
#include "../glibc_compat.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *__rawmemchr(const void *, int);
char *__stpcpy(char *, const char *);
char *__strdup(const char *);
char *__strndup(const char *, size_t);
void *__mempcpy(void *, const void *, size_t);
char *__strtok_r(char *, const char *, char **);
char *__strsep_1c(char **, char);
char *__strsep_2c(char **, char, char);
char *__strsep_3c(char **, char, char, char);
char *__strsep_g(char **, const char *);
size_t __strcspn_c1(const char *, int);
size_t __strcspn_c2(const char *, int, int);
size_t __strcspn_c3(const char *, int, int, int);
size_t __strspn_c1(const char *, int);
size_t __strspn_c2(const char *, int, int);
size_t __strspn_c3(const char *, int, int, int);
char *__strpbrk_c2(const char *, int, int);
char *__strpbrk_c3(const char *, int, int, int);

/* glibc >= 2.24 keeps the string2.h helpers as compat symbols only. */
#define OLD(name) __asm__(".symver " #name ", " #name "@" GLIBC_COMPAT(2.2.5))
OLD(__strsep_1c); OLD(__strsep_2c); OLD(__strsep_3c); OLD(__strsep_g);
OLD(__strcspn_c1); OLD(__strcspn_c2); OLD(__strcspn_c3);
OLD(__strspn_c1); OLD(__strspn_c2); OLD(__strspn_c3);
OLD(__strpbrk_c2); OLD(__strpbrk_c3);

extern const char *const old_sys_errlist[];
extern const int old_sys_nerr;
__asm__(".symver old_sys_errlist, sys_errlist@" GLIBC_COMPAT(2.12));
__asm__(".symver old_sys_nerr, sys_nerr@" GLIBC_COMPAT(2.12));
extern const char *const old__sys_errlist[];
extern const int old__sys_nerr;
__asm__(".symver old__sys_errlist, _sys_errlist@" GLIBC_COMPAT(2.12));
__asm__(".symver old__sys_nerr, _sys_nerr@" GLIBC_COMPAT(2.12));

static const char *show(const char *s) { return s ? s : "(null)"; }

static void aliases(void)
{
    char buf[32], *end;
    const char *text = "hello, world";
    printf("rawmemchr: %td\n", (char *)__rawmemchr(text, ',') - text);
    end = __stpcpy(buf, "abc");
    end = __stpcpy(end, "def");
    printf("stpcpy: %s len %td\n", buf, end - buf);
    char *d = __strdup("dup me"), *nd = __strndup("truncate", 5), *nd2 = __strndup("ab", 10);
    printf("strdup: %s strndup: %s %s\n", d, nd, nd2);
    free(d); free(nd); free(nd2);
    char *p = __mempcpy(buf, "xyz", 3);
    *p = 0;
    printf("mempcpy: %s %td\n", buf, p - buf);
    char line[] = "  a,b;;c  ", *save, *tok;
    for (tok = __strtok_r(line, " ,;", &save); tok; tok = __strtok_r(NULL, " ,;", &save))
        printf("tok [%s]\n", tok);
}

static void strsep_cases(void)
{
    char a[] = "one:two::three", *s = a, *t;
    while ((t = __strsep_1c(&s, ':')))
        printf("1c [%s] rest %s\n", t, show(s));
    char b[] = "a,b;c,,d", *s2 = b;
    while ((t = __strsep_2c(&s2, ',', ';')))
        printf("2c [%s] rest %s\n", t, show(s2));
    char c[] = "x y\tz-w", *s3 = c;
    while ((t = __strsep_3c(&s3, ' ', '\t', '-')))
        printf("3c [%s] rest %s\n", t, show(s3));
    char e[] = "k=v&x=y", *s4 = e;
    while ((t = __strsep_g(&s4, "=&")))
        printf("g [%s] rest %s\n", t, show(s4));
    char *none = NULL;
    printf("null: %s %s %s\n", show(__strsep_1c(&none, ',')), show(__strsep_2c(&none, ',', ';')),
           show(__strsep_g(&none, ",")));
    char f[] = "end", *s5 = f;
    t = __strsep_1c(&s5, '\0');
    printf("nul reject: [%s] rest-offset %td\n", t, s5 - f);
    char g[] = "caf\xe9:x", *s6 = g;
    t = __strsep_2c(&s6, '\xe9', ':');
    printf("high byte: [%s] rest %s\n", t, show(s6));
}

static void spans(void)
{
    const char *s = "aaabbbcccxyz";
    printf("cspn: %zu %zu %zu %zu\n", __strcspn_c1(s, 'b'), __strcspn_c2(s, 'z', 'c'),
           __strcspn_c3(s, 'q', 'y', 'x'), __strcspn_c1(s, 'Q'));
    printf("spn: %zu %zu %zu %zu\n", __strspn_c1(s, 'a'), __strspn_c2(s, 'b', 'a'),
           __strspn_c3(s, 'a', 'b', 'c'), __strspn_c1(s, 'z'));
    printf("pbrk: %s %s %s\n", show(__strpbrk_c2(s, 'x', 'c')), show(__strpbrk_c3(s, 'y', 'z', 'q')),
           show(__strpbrk_c2(s, 'Q', 'R')));
    printf("empty: %zu %zu %s\n", __strcspn_c1("", 'a'), __strspn_c1("", 'a'), show(__strpbrk_c2("", 'a', 'b')));
    /* A (signed) char compares with the int argument: 0xe9 as int never matches. */
    printf("high: %zu %zu\n", __strcspn_c1("ab\xe9", 0xe9), __strcspn_c1("ab\xe9", (char)0xe9));
}

static void errnames(void)
{
    int errs[] = { 0, EPERM, ENOENT, ENOTTY, EAGAIN, EDEADLK, ENOTSUP, 41, 58, EHWPOISON, 134, 1000, -1 };
    for (unsigned i = 0; i < sizeof errs / sizeof errs[0]; i++)
        printf("%d: %s / %s\n", errs[i], show(strerrorname_np(errs[i])), show(strerrordesc_np(errs[i])));
    int named = 0;
    for (int e = 0; e < 200; e++)
        named += strerrorname_np(e) != NULL;
    printf("named below 200: %d\n", named);
}

static void sys_errlist_case(void)
{
    printf("sys_nerr: %d\n", old_sys_nerr);
    for (int e = 0; e < old_sys_nerr; e++)
        printf("%d: %s\n", e, show(old_sys_errlist[e]));
    int same = old__sys_nerr == old_sys_nerr;
    for (int e = 0; e < old__sys_nerr; e++)
        same &= old__sys_errlist[e] ? old_sys_errlist[e] && !strcmp(old__sys_errlist[e], old_sys_errlist[e])
                                    : !old_sys_errlist[e];
    printf("_sys_errlist/_sys_nerr (%d) match: %s\n", old__sys_nerr, same ? "yes" : "no");
}

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    if (!strcmp(argv[1], "aliases")) aliases();
    else if (!strcmp(argv[1], "strsep")) strsep_cases();
    else if (!strcmp(argv[1], "spans")) spans();
    else if (!strcmp(argv[1], "errnames")) errnames();
    else if (!strcmp(argv[1], "sys_errlist")) sys_errlist_case();
    else return 2;
    return 0;
}
