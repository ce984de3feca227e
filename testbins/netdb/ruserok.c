// ruserok and ruserok_af (<netdb.h>): whether a remote user on a remote
// host may act as a local user, by /etc/hosts.equiv (not for the
// superuser) and the local user's ~/.rhosts, as glibc's inet/rcmd.c
// decides: 0 allowed, -1 not.
//
// Each case runs in a private /etc (../fixture.h: its own mount and network
// namespaces, a tmpfs over /etc) with its own passwd (homes under
// /etc/home), hosts (documentation addresses: nothing is contacted),
// netgroup and nsswitch.conf ("files" for each database), so both libcs
// resolve and read the same data.
//   absent: no hosts.equiv and no .rhosts: nobody is let in.
//   equiv: a hosts.equiv with each kind of line: a host alone (the remote
//     user must be the local one), host and user, names in upper case, a
//     numeric address, a name matched by its address, +@netgroup and
//     -@netgroup for hosts and users, -host, -user, + for any host or
//     user, a host with two addresses, IPv6, comments (only at a line's
//     start), a carriage return, a line that starts with a blank (glibc
//     stops reading there), names that do not resolve; the first line
//     that speaks to both host and user decides.
//   rhosts: ~/.rhosts for the superuser (hosts.equiv skipped) and not.
//   perms: .rhosts files glibc does not trust: writable by group or
//     others, a symbolic link, a directory, hard-linked; one only its
//     owner can read (glibc reads it as that user: refused as root).
//   owner: .rhosts owned by the user, and by someone else (chown: needs
//     real root, not a user namespace).
// Exit status 77: the fixture could not be set up (not a comparison).
// cases: absent equiv rhosts perms owner
// cflags: -D_GNU_SOURCE
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../fixture.h"

static void check_af(const char *rhost, int superuser, const char *ruser, const char *luser, int af)
{
    const char *family = af == AF_INET ? "AF_INET" : af == AF_INET6 ? "AF_INET6" : "AF_UNSPEC";
    printf("ruserok_af(%s, %d, %s, %s, %s) = %d\n", rhost, superuser, ruser, luser, family,
           ruserok_af(rhost, superuser, ruser, luser, af));
}

static void check(const char *rhost, int superuser, const char *ruser, const char *luser)
{
    printf("ruserok(%s, %d, %s, %s) = %d\n", rhost, superuser, ruser, luser,
           ruserok(rhost, superuser, ruser, luser));
}

static void common_files(void)
{
    fixture_nsswitch();
    fixture_file("/etc/passwd",
                 "root:x:0:0:root:/etc/home/root:/bin/sh\n"
                 "alice:x:1000:1000::/etc/home/alice:/bin/sh\n"
                 "bob:x:1001:1001::/etc/home/bob:/bin/sh\n"
                 "carol:x:1002:1002::/etc/home/carol:/bin/sh\n"
                 "dave:x:1003:1003::/etc/home/dave:/bin/sh\n"
                 "erin:x:1004:1004::/etc/home/erin:/bin/sh\n"
                 "frank:x:1005:1005::/etc/home/frank:/bin/sh\n"
                 "gina:x:1006:1006::/etc/home/gina:/bin/sh\n"
                 "hank:x:1007:1007::/etc/home/hank:/bin/sh\n"
                 "ivy:x:1008:1008::/etc/home/ivy:/bin/sh\n");
    fixture_file("/etc/group", "root:x:0:\n");
    fixture_file("/etc/hosts",
                 "127.0.0.1 localhost\n"
                 "::1 localhost ip6-localhost\n"
                 "192.0.2.1 trusted trusted.example.org\n"
                 "192.0.2.2 trusted2\n"
                 "192.0.2.20 carol-host\n"
                 "192.0.2.3 nghost\n"
                 "192.0.2.4 ngupper\n"
                 "192.0.2.5 evil\n"
                 "192.0.2.6 denied\n"
                 "192.0.2.7 sneaky\n"
                 "192.0.2.8 anyuser\n"
                 "192.0.2.9 stranger\n"
                 "192.0.2.10 multi\n"
                 "192.0.2.11 multi\n"
                 "2001:db8::1 v6host\n"
                 "192.0.2.12 commented\n"
                 "192.0.2.13 crhost\n"
                 "192.0.2.14 afterindent\n"
                 "192.0.2.15 other\n"
                 "192.0.2.16 denied2\n"
                 "192.0.2.17 unlisted\n");
    fixture_file("/etc/netgroup",
                 "trustedhosts (nghost,,) (NGUPPER,,)\n"
                 "badhosts (trusted,,) (evil,,)\n"
                 "trustedusers (,bob,) (,carol,)\n");
    /* glibc reads no DNS ("hosts: files"); musl asks the name servers of
     * resolv.conf for a name /etc/hosts lacks: none answers in the fresh
     * network namespace, and this bounds the wait. */
    fixture_file("/etc/resolv.conf", "nameserver 127.0.0.1\noptions timeout:1 attempts:1\n");
    fixture_dir("/etc/home", 0755);
}

/* A home with a .rhosts of `text` and `mode`. */
static void home_rhosts(const char *user, const char *text, mode_t mode)
{
    char path[128];
    snprintf(path, sizeof path, "/etc/home/%s", user);
    fixture_dir(path, 0755);
    snprintf(path, sizeof path, "/etc/home/%s/.rhosts", user);
    if (text)
        fixture_file_bytes(path, text, strlen(text), mode);
}

int main(int argc, char **argv)
{
    const char *which = argc > 1 ? argv[1] : "absent";
    private_etc();
    common_files();
    if (strcmp(which, "absent") == 0) {
        home_rhosts("root", NULL, 0);
        check_af("localhost", 1, "root", "root", AF_INET);
        check_af("localhost", 0, "root", "root", AF_INET);
        check_af("127.0.0.1", 0, "root", "root", AF_UNSPEC);
        check_af("::1", 0, "root", "root", AF_INET);
        check("localhost", 0, "root", "root");
        check("127.0.0.1", 1, "root", "no-such-user-here");
    } else if (strcmp(which, "equiv") == 0) {
        home_rhosts("alice", NULL, 0);
        fixture_file("/etc/hosts.equiv",
                     "# hosts.equiv for the test\n"
                     "\n"
                     "   \n"
                     "   # an indented comment\n"
                     "trusted\n"
                     "TRUSTED2 bob\n"
                     "192.0.2.20 carol\n"
                     "+@trustedhosts\n"
                     "-@badhosts\n"
                     "-denied\n"
                     "sneaky +\n"
                     "anyuser -dave\n"
                     "anyuser +@trustedusers\n"
                     "anyuser -@trustedusers\n"
                     "anyuser +\n"
                     "+ eve\n"
                     "multi multiuser\n"
                     "v6host\n"
                     "::1 v6user\n"
                     "localhost lhuser\n"
                     "unresolvable-name nobodyuses\n"
                     "commented # comment\n"
                     "crhost\r\n"
                     "stranger +frank\n"
                     "stranger @trustedusers\n"
                     "-\n"
                     "  indented-host\n"
                     "afterindent\n");
        check("trusted", 0, "alice", "alice");
        check("trusted.example.org", 0, "alice", "alice");
        check("192.0.2.1", 0, "alice", "alice");
        check("trusted", 0, "bob", "alice");
        check("trusted2", 0, "bob", "alice");
        check("trusted2", 0, "alice", "alice");
        check("192.0.2.20", 0, "carol", "alice");
        check("carol-host", 0, "carol", "alice");
        check("nghost", 0, "alice", "alice");
        check("ngupper", 0, "alice", "alice");
        check("192.0.2.3", 0, "alice", "alice");
        check("evil", 0, "alice", "alice");
        check("evil", 0, "eve", "alice");
        check("denied", 0, "alice", "alice");
        check("denied", 0, "eve", "alice");
        check("sneaky", 0, "anyone", "alice");
        check("anyuser", 0, "dave", "alice");
        check("anyuser", 0, "bob", "alice");
        check("anyuser", 0, "zed", "alice");
        check("unlisted", 0, "eve", "alice");
        check("unlisted", 0, "alice", "alice");
        check("multi", 0, "multiuser", "alice");
        check_af("multi", 0, "multiuser", "alice", AF_UNSPEC);
        check("v6host", 0, "alice", "alice");
        check_af("v6host", 0, "alice", "alice", AF_INET6);
        check_af("v6host", 0, "alice", "alice", AF_UNSPEC);
        check_af("::1", 0, "v6user", "alice", AF_INET6);
        check_af("localhost", 0, "lhuser", "alice", AF_INET);
        check_af("localhost", 0, "lhuser", "alice", AF_INET6);
        check("unresolvable-name", 0, "alice", "alice");
        check("trusted", 0, "nobodyuses", "alice");
        check("commented", 0, "alice", "alice");
        check("commented", 0, "#", "alice");
        check("crhost", 0, "alice", "alice");
        check("stranger", 0, "frank", "alice");
        check("stranger", 0, "+frank", "alice");
        check("stranger", 0, "bob", "alice");
        check("stranger", 0, "@trustedusers", "alice");
        check("afterindent", 0, "alice", "alice");
        check("trusted", 1, "alice", "alice");
        check("trusted", 0, "nosuchuser", "nosuchuser");
        check("trusted", 0, "alice", "nosuchuser");
        check("", 0, "alice", "alice");
    } else if (strcmp(which, "rhosts") == 0) {
        home_rhosts("alice",
                     "trusted\n"
                     "other root\n"
                     "-denied2\n"
                     "+@trustedhosts +@trustedusers\n"
                     "TRUSTED2 Bob\n",
                     0644);
        home_rhosts("root", "other\n", 0600);
        check("trusted", 1, "alice", "alice");
        check("trusted", 0, "alice", "alice");
        check("other", 1, "root", "alice");
        check("other", 1, "alice", "alice");
        check("denied2", 1, "alice", "alice");
        check("nghost", 1, "bob", "alice");
        check("nghost", 1, "eve", "alice");
        check("trusted2", 1, "Bob", "alice");
        check("trusted2", 1, "bob", "alice");
        check("other", 1, "root", "root");
        check("trusted", 1, "root", "root");
        check("other", 1, "bob", "bob");
    } else if (strcmp(which, "perms") == 0) {
        const char *text = "trusted\n";
        home_rhosts("bob", text, 0664);
        home_rhosts("carol", text, 0646);
        home_rhosts("dave", NULL, 0);
        home_rhosts("alice", text, 0644);
        if (symlink("/etc/home/alice/.rhosts", "/etc/home/dave/.rhosts") != 0)
            fixture_not_run("symlink");
        home_rhosts("erin", NULL, 0);
        fixture_dir("/etc/home/erin/.rhosts", 0755);
        home_rhosts("frank", text, 0644);
        if (link("/etc/home/frank/.rhosts", "/etc/home/frank/second") != 0)
            fixture_not_run("link");
        home_rhosts("gina", text, 0600);
        home_rhosts("hank", text, 0444);
        const char *users[] = {"alice", "bob", "carol", "dave", "erin", "frank", "gina", "hank", "ivy"};
        for (size_t i = 0; i < sizeof users / sizeof *users; i++) {
            check("trusted", 1, users[i], users[i]);
            check("trusted", 0, users[i], users[i]);
        }
    } else if (strcmp(which, "owner") == 0) {
        fixture_need_real_root();
        home_rhosts("alice", "trusted\n", 0644);
        home_rhosts("bob", "trusted\n", 0644);
        home_rhosts("carol", "trusted\n", 0600);
        if (chown("/etc/home/alice/.rhosts", 1000, 1000) != 0 || chown("/etc/home/bob/.rhosts", 1000, 1000) != 0 ||
            chown("/etc/home/carol/.rhosts", 1002, 1002) != 0)
            fixture_not_run("chown");
        check("trusted", 1, "alice", "alice");
        check("trusted", 1, "bob", "bob");
        check("trusted", 1, "carol", "carol");
    }
    return 0;
}
