/* regcomp, regexec, regerror, regfree: musl defines them with its own
 * regex_t/regmatch_t layouts, glibc programs expect glibc's. Each front
 * passes its caller's address so only glibc-built callers get glibc's
 * (src/abi/caller.rs). No <regex.h> here: its types are musl's. */
#include "../abi/export.h"
typedef unsigned long size_t;

int __gcompat_regcomp(void *preg, const char *pattern, int cflags, const void *caller);
int __gcompat_regexec(const void *preg, const char *string, size_t nmatch, void *pmatch, int eflags,
                      const void *caller);
size_t __gcompat_regerror(int errcode, const void *preg, char *errbuf, size_t errbuf_size, const void *caller);
void __gcompat_regfree(void *preg, const void *caller);

int regcomp(void *preg, const char *pattern, int cflags)
{
    return __gcompat_regcomp(preg, pattern, cflags, __builtin_return_address(0));
}
GCOMPAT_EXPORT(regcomp);

int regexec(const void *preg, const char *string, size_t nmatch, void *pmatch, int eflags)
{
    return __gcompat_regexec(preg, string, nmatch, pmatch, eflags, __builtin_return_address(0));
}
GCOMPAT_EXPORT(regexec);

size_t regerror(int errcode, const void *preg, char *errbuf, size_t errbuf_size)
{
    return __gcompat_regerror(errcode, preg, errbuf, errbuf_size, __builtin_return_address(0));
}
GCOMPAT_EXPORT(regerror);

void regfree(void *preg)
{
    __gcompat_regfree(preg, __builtin_return_address(0));
}
GCOMPAT_EXPORT(regfree);

/* glibc's re_syntax_options (initially RE_SYNTAX_EMACS, 0). A glibc program
 * that names it copy-relocates it; the accesses below go through the GOT, so
 * they reach the program's copy, the live one. */
unsigned long re_syntax_options;
GCOMPAT_EXPORT(re_syntax_options);

unsigned long __gcompat_get_re_syntax_options(void);
void __gcompat_set_re_syntax_options(unsigned long value);

unsigned long __gcompat_get_re_syntax_options(void)
{
    return *(volatile unsigned long *)&re_syntax_options;
}

void __gcompat_set_re_syntax_options(unsigned long value)
{
    *(volatile unsigned long *)&re_syntax_options = value;
}
