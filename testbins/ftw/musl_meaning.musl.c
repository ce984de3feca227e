// cases: ftw nftw
/* A musl-built caller of ftw and nftw keeps musl's meaning (callback type
 * flags numbered from 1, musl's ftw not following symbolic links). The
 * oracle is this program under musl 1.2.5 without the shim. */
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];

static int visit(const char *path, const struct stat *st, int flag) {
    (void)st;
    printf("ftw %s %d\n", path + strlen(dir), flag);
    return 0;
}

static int nvisit(const char *path, const struct stat *st, int flag, struct FTW *f) {
    (void)st;
    printf("nftw %s %d %d\n", path + strlen(dir), flag, f->level);
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2)
        return 2;
    char p[128];
    snprintf(dir, sizeof dir, "/tmp/gcompat-ftw-musl-%d", (int)getpid());
    mkdir(dir, 0700);
    snprintf(p, sizeof p, "%s/f", dir);
    fclose(fopen(p, "w"));
    snprintf(p, sizeof p, "%s/d", dir);
    mkdir(p, 0700);
    snprintf(p, sizeof p, "%s/l", dir);
    symlink("f", p);
    fflush(stdout);
    FILE *sorted = popen("sort", "w");
    int fd = dup(1);
    dup2(fileno(sorted), 1);
    if (!strcmp(argv[1], "ftw"))
        printf("= %d\n", ftw(dir, visit, 4));
    else
        printf("= %d\n", nftw(dir, nvisit, 1, FTW_DEPTH));
    fflush(stdout);
    dup2(fd, 1);
    pclose(sorted);
    snprintf(p, sizeof p, "rm -rf %s", dir);
    system(p);
    return 0;
}
