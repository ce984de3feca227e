// glibc's __syslog_chk and __vsyslog_chk (syslog and vsyslog under
// _FORTIFY_SOURCE): with openlog(ident, LOG_PERROR, ...) each message that
// passes the log mask is also written to stderr as "IDENT: MESSAGE\n" (a
// newline is added only when the message lacks one); with no openlog the
// ident is the program's short name; %m expands to glibc's strerror(errno)
// text; setlogmask filters by priority. No syslog daemon is needed: without
// LOG_CONS a failed /dev/log connection is silent. As in printf, %n in a
// writable format prints "*** %n in writable segment detected ***" and
// aborts (SIGABRT), and a positional format that skips an argument prints
// "*** invalid %N$ use detected ***" and aborts. No LOG_PID: pids vary.
// cases: basic newline vsyslog mask percent_m default_ident n_literal n_writable positional_gap
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <syslog.h>

static void my_vsyslog(int pri, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsyslog(pri, fmt, ap);
    va_end(ap);
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    int n = -1;

    if (strcmp(c, "default_ident"))
        openlog("tst", LOG_PERROR, LOG_USER);

    if (!strcmp(c, "basic")) {
        syslog(LOG_INFO, "message %d %s %x %5.2f %c %%", 42, "str", 255, 3.14159, 'q');
        syslog(LOG_ERR | LOG_DAEMON, "[%2$s %1$d]", 7, "positional");
    } else if (!strcmp(c, "newline")) {
        syslog(LOG_NOTICE, "ends with newline %d\n", 1);
        syslog(LOG_NOTICE, "%s", "plain");
    } else if (!strcmp(c, "vsyslog")) {
        my_vsyslog(LOG_WARNING, "via vsyslog %d %s", 5, "five");
    } else if (!strcmp(c, "mask")) {
        int old = setlogmask(LOG_UPTO(LOG_WARNING));
        printf("old mask all: %s\n", old == LOG_UPTO(LOG_DEBUG) ? "yes" : "no");
        syslog(LOG_DEBUG, "debug, filtered");
        syslog(LOG_INFO, "info, filtered");
        syslog(LOG_WARNING, "warning, shown");
        syslog(LOG_CRIT, "crit, shown");
        setlogmask(LOG_MASK(LOG_DEBUG));
        syslog(LOG_CRIT, "crit, filtered");
        syslog(LOG_DEBUG, "debug, shown");
    } else if (!strcmp(c, "percent_m")) {
        errno = ENOTTY;
        syslog(LOG_ERR, "ioctl: %m");
        errno = ENOENT;
        syslog(LOG_ERR, "open: %m");
        errno = 1234;
        syslog(LOG_ERR, "strange: %m");
    } else if (!strcmp(c, "default_ident")) {
        syslog(LOG_INFO, "without openlog %d", 1);
        openlog(NULL, LOG_PERROR, LOG_USER);
        syslog(LOG_INFO, "openlog with a NULL ident %d", 2);
    } else if (!strcmp(c, "n_literal")) {
        syslog(LOG_INFO, "abc%n|%d", &n, 5);
        printf("n=%d\n", n);
    } else if (!strcmp(c, "n_writable")) {
        char fmt[] = "abc%n|%d";
        printf("before\n");
        fflush(stdout);
        syslog(LOG_INFO, fmt, &n, 5);
        printf("not reached %d\n", n);
    } else if (!strcmp(c, "positional_gap")) {
        printf("before\n");
        fflush(stdout);
        syslog(LOG_INFO, "[%1$d %3$d]", 1, 2, 3);
        printf("not reached\n");
    } else {
        printf("unknown case\n");
        return 2;
    }
    closelog();
    return 0;
}
