// cases: stdio mkstemp dirent getdents glob ftw nftw_actions aio aio_badfd
// cflags: -D_GNU_SOURCE
/* The large-file names of <stdio.h>, <stdlib.h>, <dirent.h>, <glob.h>,
 * <ftw.h> and <aio.h>, through glibc's headers with _FILE_OFFSET_BITS=64
 * (fopen becomes fopen64, readdir readdir64, ...), plus the ones only
 * their *64 name reaches (getdents64, getdirentries64, scandirat64). */
#include <aio.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];

static const char *en(int e) {
    return e == 0 ? "0" : e == ENOENT ? "ENOENT" : e == EINVAL ? "EINVAL" : e == EBADF ? "EBADF" : e == ENOTDIR ? "ENOTDIR" : "other";
}

static void make_tree(void) {
    mkdir(dir, 0700);
    const char *files[] = {"b.txt", "a.txt", "file10", "file9", "c.dat", NULL};
    char p[128];
    for (int i = 0; files[i]; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, files[i]);
        FILE *f = fopen(p, "w");
        fprintf(f, "%s\n", files[i]);
        fclose(f);
    }
    snprintf(p, sizeof p, "%s/sub", dir);
    mkdir(p, 0700);
    snprintf(p, sizeof p, "%s/sub/deep", dir);
    FILE *f = fopen(p, "w");
    fclose(f);
}

static void remove_tree(void) {
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    system(cmd);
}

static int txt_only(const struct dirent *d) { return strstr(d->d_name, ".txt") != NULL; }
static int not_dots(const struct dirent *d) { return d->d_name[0] != '.'; }

static int visit(const char *path, const struct stat *st, int flag) {
    printf("ftw %s %s size %lld\n", path + strlen(dir), flag == FTW_D ? "dir" : flag == FTW_F ? "file" : "other",
           S_ISREG(st->st_mode) ? (long long)st->st_size : -1LL);
    return 0;
}

static int nvisit(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
    printf("nftw %s %s level %d\n", path + strlen(dir), flag == FTW_DP ? "dp" : flag == FTW_F ? "file" : "other", ftw->level);
    return 0;
}

static int action_mode;

/* FTW_ACTIONRETVAL: 1 skips the subtree of "sub", 2 the siblings after
 * "one/only" (the only entry there) and of anything in "sub", 3 stops at
 * "sub"; 4-6 the same in depth-first order; 7 stops at the root, 8
 * returns 42 at the root, 9 skips the root's siblings. */
static int act(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
    const char *rel = path + strlen(dir);
    int m = action_mode > 3 && action_mode < 7 ? action_mode - 3 : action_mode;
    if (action_mode < 7)
        printf("mode %d: %s %d level %d\n", action_mode, rel, flag, ftw->level);
    if (m == 1 && !strcmp(rel, "/sub"))
        return FTW_SKIP_SUBTREE;
    if (m == 2 && (!strcmp(rel, "/one/only") || !strncmp(rel, "/sub/", 5)))
        return FTW_SKIP_SIBLINGS;
    if (m == 3 && !strcmp(rel, "/sub"))
        return FTW_STOP;
    if (ftw->level == 0 && m >= 7)
        return m == 7 ? FTW_STOP : m == 8 ? 42 : FTW_SKIP_SIBLINGS;
    return FTW_CONTINUE;
}

int main(int argc, char **argv) {
    const char *c = argc > 1 ? argv[1] : "";
    snprintf(dir, sizeof dir, "/tmp/gcompat-lfs64s-%d", (int)getpid());
    char path[128];
    snprintf(path, sizeof path, "%s.f", dir);
    if (!strcmp(c, "stdio")) {
        FILE *f = fopen(path, "w+");
        printf("fopen: %s\n", f ? "ok" : "failed");
        fputs("0123456789abcdef", f);
        fpos_t pos;
        printf("fseeko %d ftello %lld\n", fseeko(f, 4, SEEK_SET), (long long)ftello(f));
        printf("fgetpos %d\n", fgetpos(f, &pos));
        printf("getc %c\n", getc(f));
        fseeko(f, 0, SEEK_END);
        printf("ftello end %lld\n", (long long)ftello(f));
        printf("fsetpos %d getc %c\n", fsetpos(f, &pos), getc(f));
        printf("fseeko big %d ftello %lld\n", fseeko(f, 5000000000LL, SEEK_SET), (long long)ftello(f));
        errno = 0;
        int r = fseeko(f, -1, SEEK_SET);
        printf("fseeko neg %d %s\n", r, en(errno));
        f = freopen(path, "r", f);
        printf("freopen: %s getc %c\n", f ? "ok" : "failed", getc(f));
        fclose(f);
        f = fopen("/nonexistent/x", "r");
        printf("fopen missing: %s %s\n", f ? "ok" : "null", en(errno));
        f = tmpfile();
        printf("tmpfile: %s\n", f ? "ok" : "failed");
        fputs("xyz", f);
        rewind(f);
        printf("tmpfile read %c ftello %lld\n", getc(f), (long long)ftello(f));
        fclose(f);
        unlink(path);
    } else if (!strcmp(c, "mkstemp")) {
        char t1[64], t2[64], t3[64], t4[64];
        snprintf(t1, sizeof t1, "%s-XXXXXX", dir);
        snprintf(t2, sizeof t2, "%s-XXXXXX", dir);
        snprintf(t3, sizeof t3, "%s-XXXXXX.sfx", dir);
        snprintf(t4, sizeof t4, "%s-XXXXXX.sfx", dir);
        int a = mkstemp(t1), b = mkostemp(t2, O_CLOEXEC), d = mkstemps(t3, 4), e = mkostemps(t4, 4, O_CLOEXEC);
        struct stat st;
        fstat(a, &st);
        printf("mkstemp ok %d mode %o changed %d\n", a >= 0, st.st_mode & 0777, strstr(t1, "XXXXXX") == NULL);
        printf("mkostemp ok %d cloexec %d\n", b >= 0, fcntl(b, F_GETFD));
        printf("mkstemps ok %d suffix kept %d\n", d >= 0, !strcmp(t3 + strlen(t3) - 4, ".sfx"));
        printf("mkostemps ok %d cloexec %d\n", e >= 0, fcntl(e, F_GETFD));
        unlink(t1), unlink(t2), unlink(t3), unlink(t4);
        char bad[] = "/tmp/gcompat-noX";
        errno = 0;
        printf("mkstemp bad: %d %s\n", mkstemp(bad), en(errno));
        char bad2[] = "/tmp/gcompat-XXXXXX.s";
        errno = 0;
        printf("mkstemps bad: %d %s\n", mkstemps(bad2, 9), en(errno));
    } else if (!strcmp(c, "dirent")) {
        make_tree();
        DIR *d = opendir(dir);
        struct dirent *e;
        int n = 0, subdir = 0;
        while ((e = readdir(d)))
            n++, subdir += !strcmp(e->d_name, "sub") && e->d_type == DT_DIR;
        printf("readdir entries %d sub is dir %d\n", n, subdir);
        rewinddir(d);
        struct dirent ent, *res;
        n = 0;
        while (readdir_r(d, &ent, &res) == 0 && res)
            n++;
        printf("readdir_r entries %d\n", n);
        closedir(d);
        struct dirent **list;
        n = scandir(dir, &list, not_dots, alphasort);
        printf("scandir alphasort %d:", n);
        for (int i = 0; i < n; i++)
            printf(" %s", list[i]->d_name), free(list[i]);
        printf("\n");
        free(list);
        n = scandir(dir, &list, not_dots, versionsort);
        printf("scandir versionsort %d:", n);
        for (int i = 0; i < n; i++)
            printf(" %s", list[i]->d_name), free(list[i]);
        printf("\n");
        free(list);
        int dfd = open("/tmp", O_RDONLY | O_DIRECTORY);
        n = scandirat(dfd, dir + 5, &list, txt_only, alphasort);
        printf("scandirat txt %d:", n);
        for (int i = 0; i < n; i++)
            printf(" %s", list[i]->d_name), free(list[i]);
        printf("\n");
        free(list);
        n = scandirat(AT_FDCWD, dir, &list, NULL, NULL);
        printf("scandirat all unsorted %d\n", n);
        for (int i = 0; i < n; i++)
            free(list[i]);
        free(list);
        errno = 0;
        n = scandirat(dfd, "gcompat-no-such-dir", &list, NULL, NULL);
        printf("scandirat missing %d %s\n", n, en(errno));
        snprintf(path, sizeof path, "%s/a.txt", dir);
        errno = 0;
        n = scandirat(AT_FDCWD, path, &list, NULL, NULL);
        printf("scandirat file %d %s\n", n, en(errno));
        errno = 0;
        n = scandir("/nonexistent/x", &list, NULL, NULL);
        printf("scandir missing %d %s\n", n, en(errno));
        close(dfd);
        remove_tree();
    } else if (!strcmp(c, "getdents")) {
        make_tree();
        int fd = open(dir, O_RDONLY | O_DIRECTORY);
        char buf[4096];
        ssize_t r = getdents64(fd, buf, sizeof buf);
        int n = 0;
        for (ssize_t off = 0; off < r;) {
            struct dirent64 *e = (struct dirent64 *)(buf + off);
            n++;
            off += e->d_reclen;
        }
        printf("getdents64 > 0 %d entries %d\n", r > 0, n);
        printf("getdents64 at end %zd\n", getdents64(fd, buf, sizeof buf));
        lseek(fd, 0, SEEK_SET);
        off64_t base = -5;
        r = getdirentries64(fd, buf, sizeof buf, &base);
        printf("getdirentries64 > 0 %d base %lld\n", r > 0, (long long)base);
        base = -5;
        r = getdirentries64(fd, buf, sizeof buf, &base);
        printf("getdirentries64 again %zd base nonzero %d\n", r, base != 0);
        errno = 0;
        printf("getdents64 small %zd %s\n", getdents64(fd, buf, 1), en(errno));
        errno = 0;
        printf("getdents64 bad fd %zd %s\n", getdents64(-1, buf, sizeof buf), en(errno));
        base = -5;
        errno = 0;
        printf("getdirentries64 bad fd %zd %s base %lld\n", getdirentries64(-1, buf, sizeof buf, &base), en(errno), (long long)base);
        close(fd);
        int f = open("/etc/hostname", O_RDONLY);
        errno = 0;
        printf("getdents64 on file %zd %s\n", getdents64(f, buf, sizeof buf), en(errno));
        close(f);
        remove_tree();
    } else if (!strcmp(c, "glob")) {
        make_tree();
        glob_t g;
        char pat[128];
        snprintf(pat, sizeof pat, "%s/*.txt", dir);
        int r = glob(pat, 0, NULL, &g);
        printf("glob %d count %zu:", r, g.gl_pathc);
        for (size_t i = 0; i < g.gl_pathc; i++)
            printf(" %s", g.gl_pathv[i] + strlen(dir));
        printf("\n");
        snprintf(pat, sizeof pat, "%s/file*", dir);
        r = glob(pat, GLOB_APPEND, NULL, &g);
        printf("glob append %d count %zu last %s\n", r, g.gl_pathc, g.gl_pathv[g.gl_pathc - 1] + strlen(dir));
        globfree(&g);
        snprintf(pat, sizeof pat, "%s/*", dir);
        memset(&g, 0, sizeof g);
        g.gl_offs = 2;
        r = glob(pat, GLOB_MARK | GLOB_DOOFFS, NULL, &g);
        printf("glob mark offs %d count %zu first null %d:", r, g.gl_pathc, g.gl_pathv[0] == NULL);
        for (size_t i = 0; i < g.gl_pathc; i++)
            printf(" %s", g.gl_pathv[2 + i] + strlen(dir));
        printf("\n");
        globfree(&g);
        snprintf(pat, sizeof pat, "%s/*.none", dir);
        printf("glob nomatch %d\n", glob(pat, 0, NULL, &g));
        r = glob(pat, GLOB_NOCHECK, NULL, &g);
        printf("glob nocheck %d count %zu same %d\n", r, g.gl_pathc, !strcmp(g.gl_pathv[0], pat));
        globfree(&g);
        remove_tree();
    } else if (!strcmp(c, "ftw")) {
        make_tree();
        char p[128], t[128];
        snprintf(p, sizeof p, "%s/lnk", dir);
        snprintf(t, sizeof t, "%s/a.txt", dir);
        symlink(t, p);
        snprintf(p, sizeof p, "%s/dangling", dir);
        symlink("/nonexistent/x", p);
        /* Orders differ by file system, so print sorted lines. */
        fflush(stdout);
        FILE *sorted = popen("sort", "w");
        int fd = dup(1);
        dup2(fileno(sorted), 1);
        printf("ftw = %d\n", ftw(dir, visit, 4));
        printf("ftw no fds = %d\n", ftw(dir, visit, 0));
        printf("nftw = %d\n", nftw(dir, nvisit, 4, FTW_DEPTH | FTW_PHYS));
        printf("nftw follow = %d\n", nftw(dir, nvisit, 1, FTW_DEPTH));
        printf("nftw preorder = %d\n", nftw(dir, nvisit, 4, FTW_PHYS));
        fflush(stdout);
        dup2(fd, 1);
        pclose(sorted);
        errno = 0;
        int r = ftw("/nonexistent/x", visit, 4);
        printf("ftw missing = %d %s\n", r, en(errno));
        errno = 0;
        r = nftw(dir, nvisit, 4, 0x100);
        printf("nftw bad flag = %d %s\n", r, en(errno));
        errno = 0;
        r = nftw("", nvisit, 4, 0);
        printf("nftw empty = %d %s\n", r, en(errno));
        remove_tree();
    } else if (!strcmp(c, "nftw_actions")) {
        make_tree();
        char p[128];
        snprintf(p, sizeof p, "%s/sub/deeper", dir);
        mkdir(p, 0700);
        snprintf(p, sizeof p, "%s/sub/deeper/x", dir);
        fclose(fopen(p, "w"));
        snprintf(p, sizeof p, "%s/one", dir);
        mkdir(p, 0700);
        snprintf(p, sizeof p, "%s/one/only", dir);
        mkdir(p, 0700);
        snprintf(p, sizeof p, "%s/one/only/leaf", dir);
        fclose(fopen(p, "w"));
        fflush(stdout);
        FILE *sorted = popen("sort", "w");
        int fd = dup(1);
        dup2(fileno(sorted), 1);
        for (action_mode = 1; action_mode <= 6; action_mode++)
            printf("mode %d: nftw = %d\n", action_mode,
                   nftw(dir, act, 4, FTW_ACTIONRETVAL | FTW_PHYS | (action_mode >= 4 ? FTW_DEPTH : 0)));
        fflush(stdout);
        dup2(fd, 1);
        pclose(sorted);
        action_mode = 7;
        printf("stop at root: %d\n", nftw(dir, act, 4, FTW_ACTIONRETVAL));
        action_mode = 8;
        printf("other value at root: %d\n", nftw(dir, act, 4, FTW_ACTIONRETVAL));
        action_mode = 9;
        printf("skip siblings at root: %d\n", nftw(dir, act, 4, FTW_ACTIONRETVAL));
        action_mode = 8;
        printf("without the flag: %d\n", nftw(dir, act, 4, 0));
        remove_tree();
    } else if (!strcmp(c, "aio")) {
        int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
        char wbuf[] = "asynchronous", rbuf[16] = {0};
        struct aiocb w = {.aio_fildes = fd, .aio_buf = wbuf, .aio_nbytes = 12, .aio_offset = 3};
        printf("aio_write %d\n", aio_write(&w));
        const struct aiocb *list[1] = {&w};
        while (aio_error(&w) == EINPROGRESS)
            aio_suspend(list, 1, NULL);
        printf("aio_error %d aio_return %zd\n", aio_error(&w), aio_return(&w));
        struct aiocb s = {.aio_fildes = fd};
        printf("aio_fsync %d\n", aio_fsync(O_SYNC, &s));
        while (aio_error(&s) == EINPROGRESS)
            usleep(1000);
        printf("fsync done %d %zd\n", aio_error(&s), aio_return(&s));
        struct aiocb r = {.aio_fildes = fd, .aio_buf = rbuf, .aio_nbytes = 5, .aio_offset = 3, .aio_lio_opcode = LIO_READ};
        struct aiocb *l[1] = {&r};
        printf("lio_listio %d\n", lio_listio(LIO_WAIT, l, 1, NULL));
        printf("read %zd %s\n", aio_return(&r), rbuf);
        printf("aio_cancel %d\n", aio_cancel(fd, NULL) == AIO_ALLDONE);
        close(fd);
        unlink(path);
    } else if (!strcmp(c, "aio_badfd")) {
        char rbuf[4];
        struct aiocb bad = {.aio_fildes = -1, .aio_buf = rbuf, .aio_nbytes = 1};
        int rr = aio_read(&bad);
        if (rr == 0) {
            while (aio_error(&bad) == EINPROGRESS)
                usleep(1000);
            printf("aio_read bad fd: error %s return %zd\n", en(aio_error(&bad)), aio_return(&bad));
        } else
            printf("aio_read bad fd: %d %s\n", rr, en(errno));
    }
    return 0;
}
