// glibc's printf conversions that musl's differ on, through the fortified
// entry points a glibc program calls (__printf_chk, __sprintf_chk, ...):
// %m prints glibc's strerror(errno) text ("Success" for 0, "Inappropriate
// ioctl for device" for ENOTTY, "Unknown error 1234"); %p of a null pointer
// prints "(nil)" (padded by the width); %s of a null pointer prints "(null)",
// or nothing when the precision is below 6; %Z is glibc's old size_t length
// modifier; the I flag (locale digits) is accepted and changes nothing in
// the C locale.
// cases: m_printf m_sprintf m_snprintf m_fprintf m_vfprintf m_asprintf m_dprintf m_errno_kept p_null s_null Z_size I_flag
// cflags: -D_GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int my_vfprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vfprintf(stdout, fmt, ap);
    va_end(ap);
    return r;
}

static const int errs[] = { 0, ENOENT, ENOTTY, EAGAIN, EACCES, EINVAL, ERANGE, EILSEQ, 1234, -5 };
#define NERRS (sizeof errs / sizeof errs[0])

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    char buf[128];
    char *p;
    int r;
    size_t i;

    memset(buf, 0, sizeof buf);
    if (!strcmp(c, "m_printf")) {
        for (i = 0; i < NERRS; i++) {
            errno = errs[i];
            r = printf("[%d: %m]\n", errs[i]);
            printf("returned %d\n", r);
        }
    } else if (!strcmp(c, "m_sprintf")) {
        for (i = 0; i < NERRS; i++) {
            errno = errs[i];
            r = sprintf(buf, "<%m>");
            printf("%d %s\n", r, buf);
        }
    } else if (!strcmp(c, "m_snprintf")) {
        for (i = 0; i < NERRS; i++) {
            errno = errs[i];
            r = snprintf(buf, 12, "<%m>");
            printf("%d %s\n", r, buf);
        }
    } else if (!strcmp(c, "m_fprintf")) {
        for (i = 0; i < NERRS; i++) {
            errno = errs[i];
            r = fprintf(stderr, "[%-30m|%.5m]\n");
            printf("returned %d\n", r);
        }
    } else if (!strcmp(c, "m_vfprintf")) {
        for (i = 0; i < NERRS; i++) {
            errno = errs[i];
            r = my_vfprintf("[%s %m]\n", "v");
            printf("returned %d\n", r);
        }
    } else if (!strcmp(c, "m_asprintf")) {
        for (i = 0; i < NERRS; i++) {
            errno = errs[i];
            p = NULL;
            r = asprintf(&p, "<%m>");
            printf("%d %s\n", r, p);
            free(p);
        }
    } else if (!strcmp(c, "m_dprintf")) {
        fflush(stdout);
        for (i = 0; i < NERRS; i++) {
            errno = errs[i];
            r = dprintf(1, "[%m]\n");
            dprintf(1, "returned %d\n", r);
        }
    } else if (!strcmp(c, "m_errno_kept")) {
        errno = ENOTTY;
        r = sprintf(buf, "%m");
        printf("%d %s errno==ENOTTY: %s\n", r, buf, errno == ENOTTY ? "yes" : "no");
    } else if (!strcmp(c, "p_null")) {
        void *volatile np = NULL;
        r = printf("[%p|%10p|%-8p]\n", np, np, np);
        printf("returned %d\n", r);
        r = sprintf(buf, "[%p]", np);
        printf("%d %s\n", r, buf);
    } else if (!strcmp(c, "s_null")) {
        char *volatile ns = NULL;
        r = printf("[%s|%.3s|%.5s|%.6s|%.7s|%8s|%-8s|%3.2s]\n", ns, ns, ns, ns, ns, ns, ns, ns);
        printf("returned %d\n", r);
        r = sprintf(buf, "[%s|%.2s]", ns, ns);
        printf("%d %s\n", r, buf);
    } else if (!strcmp(c, "Z_size")) {
        r = printf("[%Zu|%Zd|%Zx]\n", (size_t)5, (size_t)-1, (size_t)255);
        printf("returned %d\n", r);
        r = sprintf(buf, "[%Zu]", sizeof buf);
        printf("%d %s\n", r, buf);
    } else if (!strcmp(c, "I_flag")) {
        r = printf("[%Id|%I5d|%I.2f]\n", 42, 7, 1.5);
        printf("returned %d\n", r);
    } else {
        printf("unknown case\n");
        return 2;
    }
    return 0;
}
