// cases: dirfd empty_path absolute enoent nofollow badfd badflags
// cflags: -D_GNU_SOURCE
/* execveat (glibc 2.34): runs /bin/sh (Debian's, run natively whatever
 * libc runs this program) relative to a directory descriptor, through
 * AT_EMPTY_PATH on an O_PATH descriptor, by an absolute path (the
 * descriptor ignored), with its own argv and envp; errno when the program
 * does not exist, when AT_SYMLINK_NOFOLLOW meets /bin/sh (a symlink on
 * Debian), for a bad descriptor and unknown flags. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    setvbuf(stdout, NULL, _IONBF, 0);
    char *args[] = {"sh", "-c", "echo ran: $0 X=$X", "zero", NULL};
    char *env[] = {"X=from-envp", NULL};
    int bin = open("/bin", O_DIRECTORY | O_RDONLY);
    int r;
    if (!strcmp(argv[1], "dirfd"))
        r = execveat(bin, "sh", args, env, 0);
    else if (!strcmp(argv[1], "empty_path")) {
        int sh = open("/bin/sh", O_PATH);
        r = execveat(sh, "", args, env, AT_EMPTY_PATH);
    } else if (!strcmp(argv[1], "absolute"))
        r = execveat(-1, "/bin/sh", args, env, 0);
    else if (!strcmp(argv[1], "enoent"))
        r = execveat(bin, "no-such-program", args, env, 0);
    else if (!strcmp(argv[1], "nofollow"))
        r = execveat(bin, "sh", args, env, AT_SYMLINK_NOFOLLOW);
    else if (!strcmp(argv[1], "badfd"))
        r = execveat(-1, "sh", args, env, 0);
    else if (!strcmp(argv[1], "badflags"))
        r = execveat(bin, "sh", args, env, 0x1);
    else
        return 2;
    printf("execveat returned %d %s\n", r, strerror(errno));
    return 1;
}
