// scandirat (not the LFS name): entries of a directory relative to a
// descriptor, filtered and sorted; ENOENT and ENOTDIR failures; errno
// kept on success.
// cflags: -D_GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int visible(const struct dirent *d)
{
    return d->d_name[0] != '.';
}

int main(void)
{
    char dir[] = "/tmp/gcompat-scandirat-XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    char path[128];
    snprintf(path, sizeof path, "%s/sub", dir);
    mkdir(path, 0755);
    const char *names[] = { "zeta", "alpha", "Mid", ".hidden", "beta10", "beta9" };
    for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++) {
        snprintf(path, sizeof path, "%s/sub/%s", dir, names[i]);
        close(open(path, O_CREAT | O_WRONLY, 0644));
    }
    int dfd = open(dir, O_RDONLY | O_DIRECTORY);
    struct dirent **list;
    errno = 77;
    int n = scandirat(dfd, "sub", &list, visible, alphasort);
    printf("scandirat alphasort: %d errno %d:", n, errno);
    for (int i = 0; i < n; i++) {
        printf(" %s(%s)", list[i]->d_name, list[i]->d_type == DT_REG ? "reg" : "?");
        free(list[i]);
    }
    free(list);
    printf("\n");
    n = scandirat(dfd, "sub", &list, NULL, versionsort);
    printf("scandirat all, versionsort: %d:", n);
    for (int i = 0; i < n; i++) {
        printf(" %s", list[i]->d_name);
        free(list[i]);
    }
    free(list);
    printf("\n");
    errno = 0;
    n = scandirat(dfd, "missing", &list, NULL, alphasort);
    printf("missing: %d errno %d\n", n, errno);
    errno = 0;
    n = scandirat(dfd, "sub/zeta", &list, NULL, alphasort);
    printf("a file: %d errno %d\n", n, errno);
    for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++) {
        snprintf(path, sizeof path, "%s/sub/%s", dir, names[i]);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/sub", dir);
    rmdir(path);
    rmdir(dir);
    return 0;
}
