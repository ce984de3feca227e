// glibc's output for conversions whose argument value matters, through the
// fortified entry points (printf_values_plain.c: the same through the plain
// ones): a null %p prints "(nil)" padded to its width (- honoured; 0, +,
// space, # and the precision ignored), a non-null one is %#lx with its
// flags and precision; a null %s (or %ls) prints "(null)" when the
// precision is absent, negative or >= 6, else nothing, padded to its width.
// Mixed with ints, doubles, long doubles, * widths and precisions, %N$
// arguments and %n, so that every later argument must still be the right
// one; %m with many errnos; snprintf's truncation and return values.
// cases: p_null p_value s_null s_null_plain s_wide star positional percent_n m_texts snprintf asprintf dprintf vfuncs
// cflags: -D_GNU_SOURCE
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
    case 0: {
        /* Through a pointer: glibc's headers inline vprintf as vfprintf. */
        int (*volatile f)(const char *, va_list) = vprintf;
        r = f(fmt, ap);
        break;
    }
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

static const int errs[] = { 0, EPERM, ENOENT, EINTR, EIO, E2BIG, EBADF, EAGAIN, ENOMEM, EACCES,
                            EEXIST, ENOTDIR, EINVAL, ENOSPC, EPIPE, ERANGE, EDEADLK, ENAMETOOLONG,
                            ENOSYS, ENOTEMPTY, ELOOP, ENOMSG, ENOTSUP, EADDRINUSE, ECONNREFUSED,
                            ETIMEDOUT, ECANCELED, EOWNERDEAD, EHWPOISON, 134, 200, 4096, -1, -77 };
#define NERRS (sizeof errs / sizeof errs[0])

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    void *volatile np = NULL;
    void *volatile vp = (void *)0x1234abcdUL;
    char *volatile ns = NULL;
    wchar_t *volatile nw = NULL;
    char buf[512];
    char *p = NULL;
    int r, n1 = -1, n2 = -1;

    memset(buf, 0, sizeof buf);
    if (!strcmp(c, "p_null")) {
        r = printf("[%p|%10p|%-10p|%010p|%+p|% p|%#p|%.2p|%.8p|%10.8p|%-3p|%3p|%5p|%6p|%-6p]\n",
                   np, np, np, np, np, np, np, np, np, np, np, np, np, np, np);
        printf("returned %d\n", r);
        r = sprintf(buf, "<%d %p %.3f %p %Lg %s %p>", 7, np, 2.5, np, 1.25L, "x", np);
        printf("%d %s|\n", r, buf);
    } else if (!strcmp(c, "p_value")) {
        r = printf("[%p|%20p|%-20p|%020p|%+p|% p|%#p|%.2p|%.12p|%16.12p|%+020p|%-+14.10p|% 018p]\n",
                   vp, vp, vp, vp, vp, vp, vp, vp, vp, vp, vp, vp, vp);
        printf("returned %d\n", r);
        r = sprintf(buf, "<%+p %d %p %.1f %+.9p %ld>", vp, -3, np, 0.5, vp, 99L);
        printf("%d %s|\n", r, buf);
    } else if (!strcmp(c, "s_null_plain")) {
        /* Null strings with no precision, or one of 6 or more: what musl
         * prints itself (the shim's fast path), width and flags included. */
        r = printf("[%s|%8s|%-8s|%08s|%.6s|%.7s|%-9.6s|%2s|%d %s]\n", ns, ns, ns, ns, ns, ns, ns, ns, 7, ns);
        printf("returned %d\n", r);
        r = sprintf(buf, "<%s|%10s|%s>", ns, "ok", ns);
        printf("%d %s|\n", r, buf);
        r = snprintf(buf, 8, "%s%s", ns, ns);
        printf("%d %s|\n", r, buf);
    } else if (!strcmp(c, "s_null")) {
        r = printf("[%s|%.0s|%.3s|%.5s|%.6s|%.7s|%8s|%-8s|%3.2s|%08s|%08.2s|%-9.5s|%9.6s|%2s]\n",
                   ns, ns, ns, ns, ns, ns, ns, ns, ns, ns, ns, ns, ns, ns);
        printf("returned %d\n", r);
        r = sprintf(buf, "<%s %d %.2s %g %s %Lf %-7.1s|%s>", ns, 1, ns, 3.5, "ok", 2.75L, ns, "end");
        printf("%d %s|\n", r, buf);
    } else if (!strcmp(c, "s_wide")) {
        r = printf("[%ls|%.3ls|%.6ls|%8ls|%-8.2ls|%d]\n", nw, nw, nw, nw, nw, 42);
        printf("returned %d\n", r);
    } else if (!strcmp(c, "star")) {
        r = printf("[%*p|%*p|%-*p|%*s|%.*s|%.*s|%*.*s|%*.*s|%*d|%.*f|%*m]\n",
                   9, np, -9, np, 2, np, 9, ns, 3, ns, -1, ns, -9, 2, ns, 7, 6, ns, 5, 12, 3, 2.0, 30, np);
        printf("returned %d\n", r);
        errno = ENOENT;
        r = sprintf(buf, "<%*m|%-*.*m|%.*m|%*s|%d>", 28, 12, 2, 4, ns, 0, ns, 77);
        printf("%d %s|\n", r, buf);
    } else if (!strcmp(c, "positional")) {
        r = printf("[%2$p %1$d %3$s %2$10p %4$.2f %3$.3s %1$*5$d %6$Lg %3$-*5$s]\n",
                   11, np, ns, 1.5, 8, 3.25L);
        printf("returned %d\n", r);
        r = sprintf(buf, "<%3$s|%1$*2$p|%4$d|%5$.*6$s>", np, -8, "abc", 4, ns, 9);
        printf("%d %s|\n", r, buf);
        r = sprintf(buf, "<%1$p %2$p %1$s %3$d>", np, vp, 5);
        printf("%d %s|\n", r, buf);
    } else if (!strcmp(c, "percent_n")) {
        r = printf("[%p %s%n|%10p%n %d]\n", np, ns, &n1, np, &n2, 3);
        printf("returned %d n1=%d n2=%d\n", r, n1, n2);
        r = sprintf(buf, "<%.2s%n%m>", ns, &n1);
        printf("%d %s n1=%d\n", r, buf, n1);
    } else if (!strcmp(c, "m_texts")) {
        for (size_t i = 0; i < NERRS; i++) {
            errno = errs[i];
            r = printf("[%d: %m|%.7m|%-12.4m|%s]\n", errs[i], "x");
            printf("returned %d errno %s\n", r, errno == errs[i] ? "kept" : "changed");
        }
    } else if (!strcmp(c, "snprintf")) {
        size_t sizes[] = { 0, 1, 2, 5, 6, 7, 12, 40 };
        for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
            memset(buf, '#', 64);
            errno = ENOTTY;
            r = snprintf(sizes[i] ? buf : NULL, sizes[i], "%p|%s|%m|%d", np, ns, 5);
            printf("size %zu: %d [%.*s]\n", sizes[i], r, sizes[i] ? (int)sizes[i] : 0, buf);
        }
    } else if (!strcmp(c, "asprintf")) {
        errno = EACCES;
        r = asprintf(&p, "<%p|%12s|%m|%.1s|%x>", np, ns, ns, 255u);
        printf("%d %s|\n", r, p);
        free(p);
    } else if (!strcmp(c, "dprintf")) {
        fflush(stdout);
        errno = EPIPE;
        r = dprintf(1, "<%p|%-7s|%m|%.4s|%u>\n", np, ns, ns, 3u);
        dprintf(1, "returned %d\n", r);
        errno = EROFS;
        r = fprintf(stderr, "<%p|%-7s|%m|%.4s|%u>\n", np, ns, ns, 4u);
        fprintf(stderr, "returned %d\n", r);
    } else if (!strcmp(c, "vfuncs")) {
        for (int which = 0; which < 6; which++) {
            errno = ENOTTY;
            buf[0] = 0;
            r = via_v(which, buf, 16, "v%d [%m|%p|%.3s|%s|%5.1f]\n", which, np, ns, ns, 2.25);
            printf("returned %d %s|\n", r, buf);
        }
    } else {
        printf("unknown case\n");
        return 2;
    }
    return 0;
}
