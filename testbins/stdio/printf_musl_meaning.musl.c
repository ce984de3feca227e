// cases: p_null s_null m_texts family wide
/* A musl-built caller keeps musl's printf, which the shim overrides for
 * glibc callers only: a null %p prints "0", a null %s a truncated
 * "(null)", %m musl's texts ("Not a tty"), through every function of the
 * family and the wide one. The oracle is this program under musl 1.2.5 without the shim. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

static int via_v(int which, char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    int r = -1;
    va_start(ap, fmt);
    switch (which) {
    case 0: r = vprintf(fmt, ap); break;
    case 1: r = vfprintf(stdout, fmt, ap); break;
    case 2: r = vsprintf(buf, fmt, ap); break;
    case 3: r = vsnprintf(buf, n, fmt, ap); break;
    case 4: fflush(stdout); r = vdprintf(1, fmt, ap); break;
    case 5: {
        char *p = NULL;
        r = vasprintf(&p, fmt, ap);
        if (r >= 0) { strcpy(buf, p); free(p); }
        break;
    }
    }
    va_end(ap);
    return r;
}

int main(int argc, char **argv)
{
    void *volatile np = NULL;
    char *volatile ns = NULL;
    char buf[256] = "";
    char *p = NULL;
    int r;

    if (argc < 2) return 2;
    if (!strcmp(argv[1], "p_null")) {
        r = printf("[%p|%10p|%-8p]\n", np, np, np);
        printf("returned %d\n", r);
    } else if (!strcmp(argv[1], "s_null")) {
        r = printf("[%s|%.3s|%8.2s]\n", ns, ns, ns);
        printf("returned %d\n", r);
    } else if (!strcmp(argv[1], "m_texts")) {
        int errs[] = { 0, ENOENT, ENOTTY, EAGAIN, 1234 };
        for (unsigned i = 0; i < sizeof errs / sizeof errs[0]; i++) {
            errno = errs[i];
            r = printf("[%m]\n");
            printf("returned %d\n", r);
        }
    } else if (!strcmp(argv[1], "family")) {
        errno = ENOTTY;
        r = fprintf(stdout, "fprintf [%m|%p]\n", np);
        printf("returned %d\n", r);
        errno = ENOTTY;
        r = sprintf(buf, "[%m|%p|%.2s]", np, ns);
        printf("sprintf %d %s\n", r, buf);
        errno = ENOTTY;
        r = snprintf(buf, 8, "[%m|%p]", np);
        printf("snprintf %d %s\n", r, buf);
        errno = ENOTTY;
        r = asprintf(&p, "[%m|%p]", np);
        printf("asprintf %d %s\n", r, p);
        free(p);
        fflush(stdout);
        errno = ENOTTY;
        r = dprintf(1, "dprintf [%m|%p]\n", np);
        printf("returned %d\n", r);
        for (int which = 0; which < 6; which++) {
            errno = ENOTTY;
            buf[0] = 0;
            r = via_v(which, buf, 8, "v%d [%m|%p]\n", which, np);
            printf("returned %d %s\n", r, buf);
        }
    } else if (!strcmp(argv[1], "wide")) {
        wchar_t w[128];
        errno = ENOTTY;
        r = swprintf(w, 128, L"[%m|%p|%8p|%.3s]", np, np, "abcdef");
        printf("swprintf %d %ls\n", r, w);
        errno = EAGAIN;
        r = fwprintf(stderr, L"fwprintf [%m|%p]\n", np);
        printf("returned %d\n", r);
    }
    return 0;
}
