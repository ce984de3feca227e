// cases: ftw nftw actions errors
// cflags: -U_FILE_OFFSET_BITS -D_GNU_SOURCE
/* ftw and nftw by their plain names (no _FILE_OFFSET_BITS=64, so no *64
 * redirects): glibc's callback type numbers (FTW_F is 0), FTW_ACTIONRETVAL,
 * ftw following symbolic links, EINVAL for unknown nftw flags. */
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];

static void make_tree(void) {
    char p[160];
    mkdir(dir, 0700);
    const char *files[] = {"a", "b", "sub/", "sub/x", "sub/inner/", "sub/inner/y", "z", NULL};
    for (int i = 0; files[i]; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, files[i]);
        size_t n = strlen(p);
        if (p[n - 1] == '/') {
            p[n - 1] = 0;
            mkdir(p, 0700);
        } else {
            FILE *f = fopen(p, "w");
            fputs(files[i], f);
            fclose(f);
        }
    }
    char t[160];
    snprintf(p, sizeof p, "%s/link", dir);
    snprintf(t, sizeof t, "%s/a", dir);
    symlink(t, p);
    snprintf(p, sizeof p, "%s/dangling", dir);
    symlink("/nonexistent/x", p);
}

static void remove_tree(void) {
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    system(cmd);
}

static int visit(const char *path, const struct stat *st, int flag) {
    printf("ftw %s flag %d size %lld\n", path + strlen(dir), flag, S_ISREG(st->st_mode) ? (long long)st->st_size : -1LL);
    return 0;
}

static int nvisit(const char *path, const struct stat *st, int flag, struct FTW *f) {
    printf("nftw %s flag %d level %d base-ok %d\n", path + strlen(dir), flag, f->level,
           !strcmp(path + f->base, strrchr(path, '/') + 1));
    return 0;
}

static const char *skip_at;
static int action;

static int act(const char *path, const struct stat *st, int flag, struct FTW *f) {
    printf("act %d %s flag %d\n", action, path + strlen(dir), flag);
    return !strcmp(path + strlen(dir), skip_at) ? action : FTW_CONTINUE;
}

/* Walk orders differ by file system: sort what a walk prints. */
static FILE *sorted;
static int saved_fd;
static void sort_begin(void) {
    fflush(stdout);
    sorted = popen("sort", "w");
    saved_fd = dup(1);
    dup2(fileno(sorted), 1);
}
static void sort_end(void) {
    fflush(stdout);
    dup2(saved_fd, 1);
    close(saved_fd);
    pclose(sorted);
}

int main(int argc, char **argv) {
    const char *c = argc > 1 ? argv[1] : "";
    snprintf(dir, sizeof dir, "/tmp/gcompat-ftw-%d", (int)getpid());
    make_tree();
    if (!strcmp(c, "ftw")) {
        sort_begin();
        printf("ftw = %d\n", ftw(dir, visit, 8));
        printf("ftw one fd = %d\n", ftw(dir, visit, 1));
        sort_end();
    } else if (!strcmp(c, "nftw")) {
        sort_begin();
        printf("nftw phys = %d\n", nftw(dir, nvisit, 8, FTW_PHYS));
        printf("nftw depth = %d\n", nftw(dir, nvisit, 8, FTW_DEPTH | FTW_PHYS));
        printf("nftw follow = %d\n", nftw(dir, nvisit, 2, 0));
        printf("nftw chdir = %d\n", nftw(dir, nvisit, 8, FTW_CHDIR | FTW_MOUNT));
        sort_end();
    } else if (!strcmp(c, "actions")) {
        const char *at[] = {"/sub", "/sub/inner", "/sub/x", ""};
        int acts[] = {FTW_SKIP_SUBTREE, FTW_SKIP_SIBLINGS, FTW_STOP, 77};
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++) {
                skip_at = at[i];
                action = acts[j];
                sort_begin();
                printf("result %d\n", nftw(dir, act, 8, FTW_ACTIONRETVAL | FTW_PHYS));
                sort_end();
                printf("--\n");
                if (j == 1 || i == 3) {
                    sort_begin();
                    printf("depth result %d\n", nftw(dir, act, 8, FTW_ACTIONRETVAL | FTW_PHYS | FTW_DEPTH));
                    sort_end();
                    printf("--\n");
                }
            }
    } else if (!strcmp(c, "errors")) {
        errno = 0;
        int r = nftw(dir, nvisit, 8, 0x40);
        printf("bad flag %d %s\n", r, errno == EINVAL ? "EINVAL" : "other");
        errno = 0;
        r = nftw("/nonexistent/x", nvisit, 8, 0);
        printf("missing %d %s\n", r, errno == ENOENT ? "ENOENT" : "other");
        errno = 0;
        r = ftw("", visit, 8);
        printf("empty %d %s\n", r, errno == ENOENT ? "ENOENT" : "other");
        char file[128];
        snprintf(file, sizeof file, "%s/a", dir);
        r = nftw(file, nvisit, 8, 0);
        printf("file root %d\n", r);
    }
    remove_tree();
    return 0;
}
