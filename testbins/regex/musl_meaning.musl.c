// cases: posix
/* A musl-built caller keeps musl's regcomp/regexec/regerror/regfree, which
 * the shim overrides for glibc callers only: musl's regex_t (re_nsub first),
 * musl's 16-byte regmatch_t filled at 16-byte strides, musl's regerror
 * texts. The oracle is this program under musl 1.2.5 without the shim. */
#include <regex.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    regex_t re;
    int rc = regcomp(&re, "(a+)(b)?(c)", REG_EXTENDED);
    printf("regcomp=%d re_nsub=%zu sizeof(regmatch_t)=%zu\n", rc, re.re_nsub, sizeof(regmatch_t));
    regmatch_t m[5];
    memset(m, 0x11, sizeof m);
    rc = regexec(&re, "xaac", 5, m, 0);
    printf("regexec=%d", rc);
    for (int i = 0; i < 5; i++) printf(" (%lld,%lld)", (long long)m[i].rm_so, (long long)m[i].rm_eo);
    printf("\n");
    regfree(&re);
    char buf[100];
    rc = regcomp(&re, "a{1", REG_EXTENDED);
    regerror(rc, &re, buf, sizeof buf);
    printf("bad: %d %s\n", rc, buf);
    rc = regcomp(&re, "*a", REG_EXTENDED);
    regerror(rc, &re, buf, sizeof buf);
    printf("bad: %d %s\n", rc, buf);
    if (rc == 0) regfree(&re);
    regerror(REG_NOMATCH, NULL, buf, sizeof buf);
    printf("nomatch text: %s\n", buf);
    return 0;
}
