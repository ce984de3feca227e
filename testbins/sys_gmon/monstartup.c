// cases: file prefix fallback error twice control oom
// monstartup and _mcleanup called by hand in a program built without -pg,
// as gdb does for `maint set profile`: the profile then holds the histogram
// and no arcs. Cases:
//   file      no GMON_OUT_PREFIX: gmon.out in the working directory;
//   prefix    $GMON_OUT_PREFIX.<pid>, and no gmon.out;
//   fallback  a prefix in a missing folder: gmon.out instead;
//   error     the working directory is gone: _mcleanup says why on stderr;
//   twice     a second monstartup before _mcleanup is ignored, a second
//             _mcleanup writes nothing;
//   oom       tables too large to allocate: monstartup says so, profiling
//             stays off and _mcleanup writes nothing; after it, monstartup
//             works again;
//   control   the SIGPROF handler and ITIMER_PROF as monstartup, moncontrol
//             and _mcleanup set them, and the handler a program had
//             before, put back.
#include "gmon_file.h"
#include <signal.h>
#include <sys/gmon.h>
#include <sys/time.h>
#include <unistd.h>

static char dir[] = "/tmp/gmon-test-XXXXXX";

static void start(void)
{
    monstartup((unsigned long)__executable_start, (unsigned long)etext);
}

static int exists(const char *name)
{
    return access(name, F_OK) == 0;
}

static void show_profile(const char *name, const char *label)
{
    printf("%s:\n", label);
    printf("  arcs %d\n", gmon_print(name, NULL, 0));
    unlink(name);
}

static void own_handler(int sig)
{
    (void)sig;
}

// What SIGPROF and ITIMER_PROF are set to.
static void show_sigprof(const char *when)
{
    struct sigaction sa;
    sigaction(SIGPROF, NULL, &sa);
    struct itimerval it;
    getitimer(ITIMER_PROF, &it);
    const char *handler = sa.sa_handler == SIG_DFL       ? "default"
                          : sa.sa_handler == own_handler ? "the program's"
                                                         : "another";
    printf("%s: handler %s, siginfo %d, restart %d, all blocked %d, timer every %ld us (1/__profile_frequency %d)\n",
           when, handler, !!(sa.sa_flags & SA_SIGINFO), !!(sa.sa_flags & SA_RESTART),
           sigismember(&sa.sa_mask, SIGINT) && sigismember(&sa.sa_mask, SIGTERM), (long)it.it_interval.tv_usec,
           it.it_interval.tv_usec == 1000000 / __profile_frequency());
}

int main(int argc, char **argv)
{
    if (argc < 2 || !mkdtemp(dir) || chdir(dir) != 0) return 2;
    const char *what = argv[1];
    char name[80];
    if (!strcmp(what, "file")) {
        start();
        _mcleanup();
        show_profile("gmon.out", "gmon.out");
    } else if (!strcmp(what, "prefix")) {
        setenv("GMON_OUT_PREFIX", "run", 1);
        start();
        _mcleanup();
        snprintf(name, sizeof name, "run.%d", (int)getpid());
        printf("gmon.out written %d\n", exists("gmon.out"));
        printf("run.<pid> written %d\n", exists(name));
        show_profile(name, "run.<pid>");
    } else if (!strcmp(what, "fallback")) {
        setenv("GMON_OUT_PREFIX", "missing/run", 1);
        start();
        _mcleanup();
        show_profile("gmon.out", "gmon.out");
    } else if (!strcmp(what, "error")) {
        rmdir(dir);
        start();
        fflush(stdout);
        _mcleanup();
        printf("after _mcleanup\n");
    } else if (!strcmp(what, "twice")) {
        start();
        monstartup((unsigned long)__executable_start + 64, (unsigned long)etext + 64);
        _mcleanup();
        show_profile("gmon.out", "gmon.out");
        _mcleanup();
        printf("second _mcleanup wrote gmon.out %d\n", exists("gmon.out"));
        moncontrol(1);
        show_sigprof("moncontrol(1) after _mcleanup");
        _mcleanup();
    } else if (!strcmp(what, "oom")) {
        fflush(stdout);
        monstartup(0x1000, 0x1000 + (1UL << 62));
        moncontrol(1);
        show_sigprof("moncontrol(1) after the failure");
        _mcleanup();
        printf("_mcleanup wrote gmon.out %d\n", exists("gmon.out"));
        start();
        show_sigprof("monstartup again");
        _mcleanup();
        show_profile("gmon.out", "gmon.out");
    } else if (!strcmp(what, "control")) {
        show_sigprof("at start");
        struct sigaction sa = {.sa_handler = own_handler};
        sigaction(SIGPROF, &sa, NULL);
        show_sigprof("own handler");
        start();
        show_sigprof("after monstartup");
        moncontrol(0);
        show_sigprof("after moncontrol(0)");
        moncontrol(1);
        show_sigprof("after moncontrol(1)");
        _mcleanup();
        show_sigprof("after _mcleanup");
        show_profile("gmon.out", "gmon.out");
    }
    chdir("/");
    rmdir(dir);
    return 0;
}
