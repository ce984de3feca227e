// <ttyent.h>: setttyent, getttyent, getttynam, endttyent over /etc/ttys.
//
// Each case gives the program its own /etc/ttys without touching the
// machine's: the path is fixed (_PATH_TTYS; glibc reads no variable for
// another), so the program runs in a private /etc (../fixture.h: its own
// mount and network namespaces, a tmpfs over /etc; as root, else in an
// unprivileged user namespace).
//   absent: no /etc/ttys: setttyent 0 and getttyent/getttynam null with
//     ENOENT; endttyent 1 and errno left alone.
//   file: the fixture below, one line per parser rule (quotes, \" in
//     quotes, comments, flags, window=, missing fields, lines of 99 and 100
//     bytes, a NUL byte, a last line without a newline): every entry,
//     the struct and buffer reused, rewinding, the descriptor
//     close-on-exec and closed by endttyent, getttynam's lookups.
//   empty: an empty file; directory: /etc/ttys a directory (EISDIR).
// Exit status 77: the fixture could not be set up (not a comparison).
// cases: absent file empty directory
// cflags: -D_GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <ttyent.h>
#include <unistd.h>

#include "../fixture.h"

static const char *errname(int e)
{
    switch (e) {
    case 0: return "0";
    case ENOENT: return "ENOENT";
    case EISDIR: return "EISDIR";
    case EACCES: return "EACCES";
    case EPERM: return "EPERM";
    case EINVAL: return "EINVAL";
    case EBADF: return "EBADF";
    default: return "other";
    }
}

/* A string with its bytes made visible; "(null)" for none. */
static void show_string(const char *label, const char *s)
{
    printf(" %s=", label);
    if (!s) {
        printf("(null)");
        return;
    }
    putchar('[');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0x20 || *p >= 0x7f || *p == '\\')
            printf("\\x%02x", *p);
        else
            putchar(*p);
    }
    putchar(']');
}

static void show(const char *what, const struct ttyent *t)
{
    printf("%s:", what);
    if (!t) {
        printf(" null\n");
        return;
    }
    show_string("name", t->ty_name);
    show_string("getty", t->ty_getty);
    show_string("type", t->ty_type);
    printf(" status=%#x", t->ty_status);
    show_string("window", t->ty_window);
    show_string("comment", t->ty_comment);
    printf("\n");
}

/* The descriptor open on /etc/ttys, if any, and its close-on-exec flag. */
static void show_descriptor(const char *when)
{
    DIR *d = opendir("/proc/self/fd");
    int found = 0;
    struct dirent *e;
    while (d && (e = readdir(d))) {
        char path[300], target[PATH_MAX];
        snprintf(path, sizeof path, "/proc/self/fd/%s", e->d_name);
        ssize_t n = readlink(path, target, sizeof target - 1);
        if (n < 0)
            continue;
        target[n] = 0;
        if (strcmp(target, "/etc/ttys") == 0) {
            int flags = fcntl(atoi(e->d_name), F_GETFD);
            printf("%s: /etc/ttys open, close-on-exec %s\n", when, flags & FD_CLOEXEC ? "yes" : "no");
            found = 1;
        }
    }
    if (d)
        closedir(d);
    if (!found)
        printf("%s: /etc/ttys not open\n", when);
}

/* Runs `call` with errno 0 and prints what it returned and errno after. */
#define INT_CALL(call)                                                       \
    do {                                                                     \
        errno = 0;                                                           \
        int r_ = (call);                                                     \
        int e_ = errno;                                                      \
        printf("%s = %d, errno %s\n", #call, r_, errname(e_));               \
    } while (0)

#define ENT_CALL(call)                                                       \
    do {                                                                     \
        errno = 0;                                                           \
        struct ttyent *t_ = (call);                                          \
        int e_ = errno;                                                      \
        show(#call, t_);                                                     \
        printf("  errno %s\n", errname(e_));                                 \
    } while (0)


static const char fixture[] =
    "# /etc/ttys for the test\n"
    "\n"
    "   \t\n"
    "  # an indented comment\n"
    "console \"/usr/libexec/getty std.9600\" vt100 on secure\n"
    "ttyd0\tnone\tdialup\toff\n"
    "tty1 getty linux on off\n"
    "tty2 getty linux off on\n"
    "  \t tty3   getty   linux   secure  \n"
    "only\n"
    "onlyspaced   \n"
    "two getty\n"
    "flagsearly getty on\n"
    "\"tty 1\" \"a b\" \"c\"\n"
    "t\"t y\"1 g\"\"e\"t\"ty x\n"
    "esc \"say \\\"hi\\\"\" a\\b\n"
    "half a\\\"b c\" d\n"
    "open \"open field on\n"
    "openempty \"\n"
    "empties \"\" \"\" on\n"
    "\"\" emptyname\n"
    "hashq \"a#b\" t # c\n"
    "quotedflag g t \"on\" secure\n"
    "cmt g t on # the console\n"
    "cmtblank g t on #\t \t x y \n"
    "nocmt g t on\n"
    "cmtempty g t on #\n"
    "cmtspaces g t on #  \t\n"
    "hash1#c d\n"
    "hash2 g#c\n"
    "hash3 g t#c\n"
    "hash4 g t on secure#c\n"
    "hash5 #c\n"
    "hash6 g #c\n"
    "hash7 g # \n"
    "hashvt g t #\vv\n"
    "bogus g t on bogus secure # x\n"
    "onx g t onx\n"
    "secured g t secured\n"
    "upper g t ON\n"
    "cr g t on\r\n"
    "vt g t on\vsecure x\n"
    "winno g t window x\n"
    "win1 g t on window=/usr/bin/xterm secure\n"
    "win2 g t window=\"/usr/bin/xterm -geometry 80x24\" on\n"
    "win3 g t window=a window=b\n"
    "win4 g t window= on\n"
    "win5 g t window=\n"
    "win6 g t window=#c\n"
    "win7 g t window=a=b\n"
    "win8 g t window=\"x y\n"
    /* 98 bytes and a newline: read whole. */
    "fits98xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx g\n"
    /* 99 bytes and a newline: skipped. */
    "long99xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx g\n"
    /* 150 bytes: skipped, with its tail that looks like an entry. */
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx tail g t on\n"
    "afterlong g t on\n"
    /* A NUL hides the newline: this line and the next are skipped. */
    "nul\0 x\n"
    "hidden g t on\n"
    "tty1 second g t\n"
    "ttyS0 \"/sbin/agetty -L 115200\" vt102 off # serial\n"
    "lastline g t on";

static void enumerate(void)
{
    struct ttyent *first = NULL;
    int n = 0, same = 1;
    struct ttyent *t;
    errno = 0;
    while ((t = getttyent())) {
        char what[32];
        snprintf(what, sizeof what, "entry %d", ++n);
        show(what, t);
        if (!first)
            first = t;
        else if (t != first)
            same = 0;
    }
    printf("%d entries, end errno %s, one static struct: %s\n", n, errname(errno), same ? "yes" : "no");
}

static void file_case(void)
{
    fixture_file_bytes("/etc/ttys", fixture, sizeof fixture - 1, 0644);
    show_descriptor("before");
    enumerate();
    show_descriptor("after the end");
    ENT_CALL(getttyent());

    /* setttyent rewinds the open file. */
    INT_CALL(setttyent());
    ENT_CALL(getttyent());
    /* The next entry overwrites the struct and the line buffer. */
    struct ttyent *a = getttyent();
    char *name_a = a ? a->ty_name : NULL;
    char copy_a[128] = "(null)";
    if (a)
        snprintf(copy_a, sizeof copy_a, "%s", a->ty_name);
    struct ttyent *b = getttyent();
    printf("next two: %s, %s; same struct %s, same name buffer %s, first name now %s\n", copy_a,
           b ? b->ty_name : "(null)", a == b ? "yes" : "no", b && name_a == b->ty_name ? "yes" : "no",
           name_a ? name_a : "(null)");

    INT_CALL(endttyent());
    show_descriptor("after endttyent");
    INT_CALL(endttyent());
    /* getttyent opens it again, from the start. */
    ENT_CALL(getttyent());
    show_descriptor("reopened");

    /* getttynam searches from the start and closes the file. */
    ENT_CALL(getttynam("ttyS0"));
    show_descriptor("after getttynam");
    ENT_CALL(getttyent());
    ENT_CALL(getttynam("tty1"));
    ENT_CALL(getttynam("tty"));
    ENT_CALL(getttynam("tty 1"));
    ENT_CALL(getttynam(""));
    ENT_CALL(getttynam("hidden"));
    ENT_CALL(getttynam("tail"));
    ENT_CALL(getttynam("lastline"));
    ENT_CALL(getttynam("nope"));
    show_descriptor("after a failed getttynam");
    INT_CALL(setttyent());
    INT_CALL(endttyent());
}

int main(int argc, char **argv)
{
    const char *which = argc > 1 ? argv[1] : "absent";
    private_etc();
    if (strcmp(which, "absent") == 0) {
        struct stat st;
        printf("/etc/ttys %s\n", stat("/etc/ttys", &st) == 0 ? "exists" : "is absent");
        INT_CALL(endttyent());
        ENT_CALL(getttyent());
        INT_CALL(setttyent());
        ENT_CALL(getttynam("tty1"));
        ENT_CALL(getttynam(""));
        INT_CALL(endttyent());
        ENT_CALL(getttyent());
        INT_CALL(endttyent());
    } else if (strcmp(which, "file") == 0) {
        file_case();
    } else if (strcmp(which, "empty") == 0) {
        fixture_file_bytes("/etc/ttys", "", 0, 0644);
        INT_CALL(setttyent());
        ENT_CALL(getttyent());
        ENT_CALL(getttyent());
        ENT_CALL(getttynam("tty1"));
        INT_CALL(endttyent());
    } else if (strcmp(which, "directory") == 0) {
        fixture_dir("/etc/ttys", 0755);
        INT_CALL(setttyent());
        ENT_CALL(getttyent());
        ENT_CALL(getttynam("tty1"));
        INT_CALL(endttyent());
    }
    return 0;
}
