// logwtmp (<utmp.h>, logwtmp(3)): appends a login (a name given:
// USER_PROCESS) or logout (empty name: DEAD_PROCESS) record for a terminal
// line to /var/log/wtmp, the process id and the time in it, the strings cut
// to their fields' sizes; nothing when the file does not exist (it is never
// created), and a file whose size is not a whole number of records is cut
// back to one first.
//
// /var/log/wtmp is a fixed path: each case runs with a private /var/log
// (../fixture.h: its own mount namespace, a tmpfs over /var/log).
// Exit status 77: the fixture could not be set up (not a comparison).
// cases: absent records partial
// cflags: -D_GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include <utmp.h>

#include "../fixture.h"

static void show_file(time_t before, time_t after)
{
    struct stat st;
    if (stat("/var/log/wtmp", &st) != 0) {
        printf("/var/log/wtmp absent\n");
        return;
    }
    printf("/var/log/wtmp: %lld bytes, %lld records and %lld bytes over\n", (long long)st.st_size,
           (long long)st.st_size / (long long)sizeof(struct utmp), (long long)st.st_size % (long long)sizeof(struct utmp));
    FILE *f = fopen("/var/log/wtmp", "r");
    struct utmp u;
    while (fread(&u, sizeof u, 1, f) == 1) {
        static const struct utmp zero;
        printf("  type %d pid-is-ours %d line [%.*s] (%zu) user [%.*s] host [%.*s] (%zu) time-now %d usec-ok %d "
               "id-zero %d exit-zero %d session %d addr-zero %d\n",
               u.ut_type, u.ut_pid == getpid(), (int)sizeof u.ut_line, u.ut_line, strnlen(u.ut_line, sizeof u.ut_line),
               (int)sizeof u.ut_user, u.ut_user, (int)sizeof u.ut_host, u.ut_host, strnlen(u.ut_host, sizeof u.ut_host),
               u.ut_tv.tv_sec >= before && u.ut_tv.tv_sec <= after, u.ut_tv.tv_usec >= 0 && u.ut_tv.tv_usec < 1000000,
               !memcmp(u.ut_id, zero.ut_id, sizeof u.ut_id), !memcmp(&u.ut_exit, &zero.ut_exit, sizeof u.ut_exit),
               u.ut_session, !memcmp(u.ut_addr_v6, zero.ut_addr_v6, sizeof u.ut_addr_v6));
    }
    fclose(f);
}

int main(int argc, char **argv)
{
    const char *which = argc > 1 ? argv[1] : "absent";
    private_dir("/var/log");
    if (!strcmp(which, "partial"))
        fixture_file_bytes("/var/log/wtmp", "0123456789", 10, 0644);
    else if (!strcmp(which, "records"))
        fixture_file_bytes("/var/log/wtmp", "", 0, 0644);
    time_t before = time(NULL);
    logwtmp("pts/3", "alice", "example.org");
    logwtmp("pts/3", "", "");
    logwtmp("/dev/pts/4", "bob", "");
    char longer[300];
    memset(longer, 'L', sizeof longer - 1);
    longer[sizeof longer - 1] = 0;
    logwtmp("tty-with-a-name-longer-than-32-bytes", "a-user-name-longer-than-32-bytes!", longer);
    show_file(before, time(NULL));
    return 0;
}
