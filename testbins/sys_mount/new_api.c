// The new mount API wrappers (glibc 2.36): bare system calls, -1 and the
// kernel's errno. Nothing here mounts anything: bad descriptors, bad
// flags, and an fsopen context closed unused.
// cflags: -D_GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

static void show(const char *what, int rc)
{
    printf("%s: %s", what, rc < 0 ? "-1" : "fd");
    if (rc < 0)
        printf(" %s", strerror(errno));
    else
        close(rc);
    printf("\n");
}

int main(void)
{
    errno = 0;
    show("fsopen bad flags", fsopen("tmpfs", 0x80));
    show("fsopen no such fs", fsopen("no-such-filesystem", FSOPEN_CLOEXEC));
    show("fsopen tmpfs", fsopen("tmpfs", FSOPEN_CLOEXEC));
    show("fsmount bad fd", fsmount(-1, FSMOUNT_CLOEXEC, 0));
    show("fsconfig bad fd", fsconfig(-1, FSCONFIG_SET_FLAG, "ro", NULL, 0));
    show("fspick bad flags", fspick(AT_FDCWD, "/", 0x1000));
    show("move_mount bad fd", move_mount(-1, "", -1, "", MOVE_MOUNT_F_EMPTY_PATH));
    show("open_tree missing path", open_tree(AT_FDCWD, "/no/such/path", OPEN_TREE_CLOEXEC));
    show("open_tree /", open_tree(AT_FDCWD, "/", OPEN_TREE_CLOEXEC));
    struct mount_attr attr;
    memset(&attr, 0, sizeof attr);
    show("mount_setattr bad size", mount_setattr(AT_FDCWD, "/", 0, &attr, 3));
    return 0;
}
