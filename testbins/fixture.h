/* A private /etc (or another directory) for testbins whose libc reads or
 * writes a fixed path (/etc/netgroup, /etc/aliases, /etc/hosts.equiv,
 * /etc/ttys, /var/log/wtmp, ...): glibc reads no variable for another
 * file, so the program enters its own mount and network namespaces and
 * mounts an empty tmpfs over the directory there, then writes the fixture
 * files both libcs parse. Nothing is seen outside the
 * process: "/" is made recursively private before the mount, and each
 * step's failure stops the program before any later step.
 *
 * As root (CI) this is unshare(CLONE_NEWNS | CLONE_NEWNET). Otherwise it
 * tries an unprivileged user namespace that maps the caller's uid and gid
 * to 0; there chown to another user fails, so the cases that need one call
 * fixture_need_real_root().
 *
 * The fresh network namespace has only a loopback that is down: a name
 * the fixture's /etc/hosts does not have fails at once on both sides
 * (musl would otherwise ask a DNS server at 127.0.0.1).
 *
 * When the fixture cannot be set up the program prints why and exits with
 * FIXTURE_NOT_RUN (77, automake's "skipped"), never 0: the harness tells
 * that from a comparison that ran. */
#ifndef GCOMPAT_TESTBIN_FIXTURE_H
#define GCOMPAT_TESTBIN_FIXTURE_H

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#define FIXTURE_NOT_RUN 77

/* Whether the namespace is a user namespace (uid 0 mapped from another). */
static int fixture_in_userns;

static void fixture_not_run(const char *step)
{
    printf("fixture not set up: %s: %s\n", step, strerror(errno));
    fflush(stdout);
    _exit(FIXTURE_NOT_RUN);
}

static void fixture_write_proc(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
        fixture_not_run(path);
    close(fd);
}

/* Writes `len` bytes of `text` to `path` with `mode`. */
static void fixture_file_bytes(const char *path, const char *text, size_t len, mode_t mode)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0 || write(fd, text, len) != (ssize_t)len || fchmod(fd, mode) != 0 || close(fd) != 0)
        fixture_not_run(path);
}

static void fixture_file(const char *path, const char *text)
{
    fixture_file_bytes(path, text, strlen(text), 0644);
}

static void fixture_dir(const char *path, mode_t mode)
{
    if (mkdir(path, mode) != 0 || chmod(path, mode) != 0)
        fixture_not_run(path);
}

/* Enters the namespaces (once) and makes "/" private. */
static void fixture_namespaces(void)
{
    static int entered;
    if (entered)
        return;
    uid_t uid = getuid();
    gid_t gid = getgid();
    if (unshare(CLONE_NEWNS | CLONE_NEWNET) != 0) {
        if (errno != EPERM)
            fixture_not_run("unshare(CLONE_NEWNS | CLONE_NEWNET)");
        if (unshare(CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWNET) != 0)
            fixture_not_run("unshare(CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWNET)");
        char map[64];
        fixture_write_proc("/proc/self/setgroups", "deny");
        snprintf(map, sizeof map, "0 %u 1", (unsigned)uid);
        fixture_write_proc("/proc/self/uid_map", map);
        snprintf(map, sizeof map, "0 %u 1", (unsigned)gid);
        fixture_write_proc("/proc/self/gid_map", map);
        fixture_in_userns = 1;
    }
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
        fixture_not_run("mount --make-rprivate /");
    entered = 1;
}

/* An empty tmpfs over the directory `dir`, in the private namespaces. */
static void private_dir(const char *dir)
{
    fixture_namespaces();
    if (mount("gcompat-fixture", dir, "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=0755") != 0)
        fixture_not_run(dir);
}

/* An empty tmpfs over /etc. */
static void private_etc(void)
{
    private_dir("/etc");
}

/* The name service switch both sides follow: glibc reads it (a database it
 * does not name defaults to files, but Debian's says "netgroup: nis");
 * musl reads the files directly. */
static void fixture_nsswitch(void)
{
    fixture_file("/etc/nsswitch.conf",
                 "passwd: files\n"
                 "group: files\n"
                 "hosts: files\n"
                 "netgroup: files\n"
                 "aliases: files\n");
}

/* For a case that chowns a file to another user. */
static void fixture_need_real_root(void)
{
    if (fixture_in_userns) {
        errno = EPERM;
        fixture_not_run("chown to another user (needs real root, not a user namespace)");
    }
}

#endif
