// glibc's wide printf output for conversions whose argument value matters,
// through the fortified entry points (wprintf_values_plain.c: the plain
// ones): a null %p prints "(nil)", a null %s or %ls "(null)" when the
// precision is absent or >= 6, else nothing (musl's wide printf would
// dereference them), padded to the width; %m prints glibc's errno texts.
// Later arguments (ints, doubles, long doubles) must still be the right ones.
// cases: swprintf_null swprintf_star swprintf_positional swprintf_m swprintf_short wprintf_stream fwprintf_stream vfuncs
// cflags: -D_GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

static void show(int r, const wchar_t *w)
{
    char narrow[512];
    size_t i;
    for (i = 0; w[i] && i < sizeof narrow - 1; i++)
        narrow[i] = w[i] < 128 ? (char)w[i] : '?';
    narrow[i] = 0;
    printf("%d [%s]\n", r, narrow);
}

static int via_v(int which, wchar_t *buf, size_t n, const wchar_t *fmt, ...)
{
    va_list ap;
    int r = -1;
    va_start(ap, fmt);
    switch (which) {
    case 0: r = vswprintf(buf, n, fmt, ap); break;
    case 1: r = vfwprintf(stderr, fmt, ap); break;
    }
    va_end(ap);
    return r;
}

static const int errs[] = { 0, ENOENT, ENOTTY, EAGAIN, EACCES, EINVAL, ERANGE, EILSEQ, 1234, -5 };

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    void *volatile np = NULL;
    char *volatile ns = NULL;
    wchar_t *volatile nw = NULL;
    wchar_t buf[256];
    int r;

    wmemset(buf, 0, 256);
    if (!strcmp(c, "swprintf_null")) {
        r = swprintf(buf, 256, L"[%p|%10p|%-8p|%s|%.3s|%8s|%-7.6s|%ls|%.2ls|%9ls|%d|%.2f|%Lg]",
                     np, np, np, ns, ns, ns, ns, nw, nw, nw, 42, 2.5, 1.25L);
        show(r, buf);
    } else if (!strcmp(c, "swprintf_star")) {
        r = swprintf(buf, 256, L"[%*p|%-*s|%.*s|%.*ls|%*d]", 8, np, 9, ns, 2, ns, -1, nw, 4, 7);
        show(r, buf);
    } else if (!strcmp(c, "swprintf_positional")) {
        r = swprintf(buf, 256, L"[%2$p %1$d %3$s %2$8p %4$.1f %3$.2s]", 5, np, ns, 0.5);
        show(r, buf);
    } else if (!strcmp(c, "swprintf_m")) {
        for (size_t i = 0; i < sizeof errs / sizeof errs[0]; i++) {
            errno = errs[i];
            r = swprintf(buf, 256, L"[%m|%.6m|%-10.3m|%d]", errs[i]);
            show(r, buf);
        }
    } else if (!strcmp(c, "swprintf_short")) {
        size_t sizes[] = { 1, 5, 6, 7, 30 };
        for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
            wmemset(buf, 0, 256);
            r = swprintf(buf, sizes[i], L"%p %s", np, ns);
            show(r, buf);
        }
    } else if (!strcmp(c, "wprintf_stream")) {
        errno = ENOTTY;
        r = wprintf(L"[%p|%s|%m|%ls|%d]\n", np, ns, nw, 3);
        wprintf(L"returned %d\n", r);
    } else if (!strcmp(c, "fwprintf_stream")) {
        errno = EPERM;
        r = fwprintf(stderr, L"[%p|%-8s|%m|%.3ls|%d]\n", np, ns, nw, 4);
        printf("returned %d\n", r);
    } else if (!strcmp(c, "vfuncs")) {
        errno = ENOENT;
        r = via_v(0, buf, 256, L"[%p|%s|%m|%5.1f]", np, ns, 1.5);
        show(r, buf);
        errno = ENOENT;
        r = via_v(1, buf, 256, L"[%p|%s|%m|%5.1f]\n", np, ns, 1.5);
        printf("returned %d\n", r);
    } else {
        printf("unknown case\n");
        return 2;
    }
    return 0;
}
