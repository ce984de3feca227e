/* The body of fts64.c and plain.c: glibc's fts walked over a small tree in
 * a temporary directory T, with many option combinations. Each entry is
 * printed with what a program reads from FTSENT: level, fts_info, path
 * and access path (T for the temporary directory), name and its length,
 * path length, fts_errno, the parent's and the cycle's names, the file
 * size from fts_statp. Inode numbers and times are left out.
 *
 * T/a             file, 5 bytes
 * T/b/            directory
 * T/b/c           file, 3 bytes
 * T/b/d/          empty directory
 * T/b/e -> ../a   symbolic link to a file
 * T/b/up -> ..    symbolic link to an ancestor (a cycle when followed)
 * T/dangling      symbolic link to nothing
 * T/self -> self  symbolic link loop (ELOOP when followed)
 * T/empty/        empty directory
 * T/lnk -> b      symbolic link to a directory
 * T/z             file, 0 bytes
 *
 * Without a comparison function children come in readdir order, which
 * this program cannot know: those cases print their lines sorted. */
#include <errno.h>
#include <fcntl.h>
#include <fts.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char T[64];
static size_t tlen;

static const char *info_name(int info) {
    static const char *names[] = {"0", "D", "DC", "DEFAULT", "DNR", "DOT", "DP", "ERR",
                                  "F", "INIT", "NS", "NSOK", "SL", "SLNONE", "W"};
    return info >= 0 && info < 15 ? names[info] : "?";
}

/* A path with T's name replaced by "T". */
static const char *rel(const char *p) {
    static char buf[2][512];
    static int n;
    char *b = buf[n++ & 1];
    if (p == NULL)
        return "(null)";
    if (strncmp(p, T, tlen) == 0)
        snprintf(b, 512, "T%s", p + tlen);
    else
        snprintf(b, 512, "%s", p);
    return b;
}

/* A name with T's own (random) name replaced by "T". */
static const char *nm(const char *name) {
    return strcmp(name, T + 5) == 0 ? "T" : name;
}

static int by_name(const FTSENT **a, const FTSENT **b) {
    return strcmp((*a)->fts_name, (*b)->fts_name);
}

static int by_name_reverse(const FTSENT **a, const FTSENT **b) {
    return -strcmp((*a)->fts_name, (*b)->fts_name);
}

/* Directories first, then longer names first, then by name: reads
 * fts_info and fts_namelen through the const FTSENT ** it is given. */
static int dirs_first(const FTSENT **a, const FTSENT **b) {
    int da = (*a)->fts_info == FTS_D, db = (*b)->fts_info == FTS_D;
    if (da != db)
        return db - da;
    if ((*a)->fts_namelen != (*b)->fts_namelen)
        return (*b)->fts_namelen - (*a)->fts_namelen;
    return strcmp((*a)->fts_name, (*b)->fts_name);
}

/* Collected lines, for the cases printed sorted. */
static char *lines[512];
static int nlines;
static int sorted_output;

static void emit(const char *line) {
    if (sorted_output && nlines < 512)
        lines[nlines++] = strdup(line);
    else
        puts(line);
}

static int cmp_lines(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void flush_sorted(void) {
    qsort(lines, nlines, sizeof lines[0], cmp_lines);
    for (int i = 0; i < nlines; i++) {
        puts(lines[i]);
        free(lines[i]);
    }
    nlines = 0;
}

static void show(const char *what, const FTSENT *e, int stat_ok) {
    char line[1024];
    int n = snprintf(line, sizeof line, "%s %d %s path=%s acc=%s name=%s namelen=%d pathlen=%d(%d) errno=%d",
                     what, e->fts_level, info_name(e->fts_info), rel(e->fts_path), rel(e->fts_accpath),
                     nm(e->fts_name), e->fts_namelen, e->fts_pathlen, e->fts_path ? (int)strlen(e->fts_path) : -1,
                     e->fts_errno);
    if (e->fts_parent)
        n += snprintf(line + n, sizeof line - n, " parent=%s/%d", nm(e->fts_parent->fts_name),
                      e->fts_parent->fts_level);
    if (e->fts_info == FTS_DC)
        n += snprintf(line + n, sizeof line - n, " cycle=%s/%d", nm(e->fts_cycle->fts_name), e->fts_cycle->fts_level);
    if (stat_ok && e->fts_info == FTS_F)
        n += snprintf(line + n, sizeof line - n, " size=%lld", (long long)e->fts_statp->st_size);
    if (stat_ok && (e->fts_info == FTS_SL || e->fts_info == FTS_SLNONE))
        n += snprintf(line + n, sizeof line - n, " lnk=%d", S_ISLNK(e->fts_statp->st_mode));
    if (stat_ok && (e->fts_info == FTS_D || e->fts_info == FTS_DP))
        n += snprintf(line + n, sizeof line - n, " dir=%d", S_ISDIR(e->fts_statp->st_mode));
    if (e->fts_number)
        n += snprintf(line + n, sizeof line - n, " number=%ld", e->fts_number);
    emit(line);
}

static void put(const char *path, const char *text) {
    char p[256];
    snprintf(p, sizeof p, "%s/%s", T, path);
    FILE *f = fopen(p, "w");
    fputs(text, f);
    fclose(f);
}

static void dir(const char *path) {
    char p[256];
    snprintf(p, sizeof p, "%s/%s", T, path);
    mkdir(p, 0755);
}

static void lnk(const char *target, const char *path) {
    char p[256];
    snprintf(p, sizeof p, "%s/%s", T, path);
    symlink(target, p);
}

static void make_tree(void) {
    strcpy(T, "/tmp/gcompat-fts-XXXXXX");
    if (!mkdtemp(T)) {
        perror("mkdtemp");
        exit(1);
    }
    tlen = strlen(T);
    put("a", "hello");
    dir("b");
    put("b/c", "abc");
    dir("b/d");
    lnk("../a", "b/e");
    lnk("..", "b/up");
    lnk("nowhere", "dangling");
    lnk("self", "self");
    dir("empty");
    lnk("b", "lnk");
    put("z", "");
}

static void remove_tree(void) {
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", T);
    if (system(cmd) != 0)
        puts("cleanup failed");
}

/* Walks roots (names under T, or absolute paths) with options and prints
 * every entry, then the end: fts_read's NULL with its errno. */
static void walk(const char *title, const char **roots, int options,
                 int (*compar)(const FTSENT **, const FTSENT **)) {
    char *argv[16];
    char bufs[16][256];
    int i;
    for (i = 0; roots[i]; i++) {
        if (roots[i][0] == '@') /* as it is */
            snprintf(bufs[i], 256, "%s", roots[i] + 1);
        else
            snprintf(bufs[i], 256, "%s%s", T, roots[i]);
        argv[i] = bufs[i];
    }
    argv[i] = NULL;
    printf("== %s\n", title);
    sorted_output = compar == NULL;
    FTS *fts = fts_open(argv, options, compar);
    if (!fts) {
        printf("fts_open: NULL errno=%d\n", errno);
        return;
    }
    FTSENT *e;
    while ((e = fts_read(fts)) != NULL)
        show("read", e, !(options & FTS_NOSTAT));
    int err = errno;
    if (sorted_output)
        flush_sorted();
    printf("end errno=%d\n", err);
    errno = 0;
    e = fts_read(fts);
    printf("again %s errno=%d\n", e ? "entry" : "NULL", errno);
    printf("close %d\n", fts_close(fts));
}

static const char *root_T[] = {"", NULL};

static void case_options(void) {
    walk("physical", root_T, FTS_PHYSICAL, by_name);
    walk("physical nochdir", root_T, FTS_PHYSICAL | FTS_NOCHDIR, by_name);
    walk("physical reverse", root_T, FTS_PHYSICAL, by_name_reverse);
    walk("physical seedot", root_T, FTS_PHYSICAL | FTS_SEEDOT, by_name);
    walk("physical dirs first", root_T, FTS_PHYSICAL, dirs_first);
    walk("logical dirs first", root_T, FTS_LOGICAL, dirs_first);
    walk("physical readdir order", root_T, FTS_PHYSICAL, NULL);
    walk("physical nochdir readdir order", root_T, FTS_PHYSICAL | FTS_NOCHDIR, NULL);
}

static void case_logical(void) {
    walk("logical", root_T, FTS_LOGICAL, by_name);
    walk("logical seedot", root_T, FTS_LOGICAL | FTS_SEEDOT, by_name);
    walk("logical readdir order", root_T, FTS_LOGICAL, NULL);
}

static void case_nostat(void) {
    walk("physical nostat", root_T, FTS_PHYSICAL | FTS_NOSTAT, by_name);
    walk("physical nostat nochdir", root_T, FTS_PHYSICAL | FTS_NOSTAT | FTS_NOCHDIR, by_name);
    walk("physical nostat seedot", root_T, FTS_PHYSICAL | FTS_NOSTAT | FTS_SEEDOT, by_name);
    walk("logical nostat", root_T, FTS_LOGICAL | FTS_NOSTAT, by_name);
}

static void case_roots(void) {
    const char *given[] = {"/z", "/a", "/b", "/empty", NULL};
    walk("roots in the given order", given, FTS_PHYSICAL, NULL);
    walk("roots sorted", given, FTS_PHYSICAL, by_name);
    const char *links[] = {"/lnk", "/dangling", "/self", "/b/e", "/missing", "/a/x", NULL};
    walk("symlink roots physical", links, FTS_PHYSICAL, by_name);
    walk("symlink roots comfollow", links, FTS_PHYSICAL | FTS_COMFOLLOW, by_name);
    walk("symlink roots comfollow nochdir", links, FTS_PHYSICAL | FTS_COMFOLLOW | FTS_NOCHDIR, by_name);
    walk("symlink roots logical", links, FTS_LOGICAL, by_name);
    const char *slash[] = {"/b/", "/b/.", "/empty//", NULL};
    walk("trailing slashes", slash, FTS_PHYSICAL, NULL);
    walk("trailing slashes nochdir", slash, FTS_PHYSICAL | FTS_NOCHDIR, NULL);
    /* Relative roots, from inside T. */
    if (chdir(T) != 0)
        perror("chdir");
    const char *relative[] = {"@b", "@.", NULL};
    walk("relative roots", relative, FTS_PHYSICAL, by_name);
    walk("relative roots nochdir", relative, FTS_PHYSICAL | FTS_NOCHDIR, by_name);
    char cwd[512];
    printf("cwd %s\n", getcwd(cwd, sizeof cwd) ? rel(cwd) : "?");
    if (chdir("/") != 0)
        perror("chdir");
}

/* fts_set: skip b in preorder, read a again, follow lnk (as it comes and
 * through fts_children before it comes), number on directories. */
static void case_set(void) {
    const char *roots[] = {"", NULL};
    int options[] = {FTS_PHYSICAL, FTS_PHYSICAL | FTS_NOCHDIR};
    for (int o = 0; o < 2; o++) {
        printf("== set %s\n", o ? "nochdir" : "chdir");
        sorted_output = 0;
        char *argv[] = {T, NULL};
        (void)roots;
        FTS *fts = fts_open(argv, options[o], by_name);
        FTSENT *e;
        int again = 0;
        while ((e = fts_read(fts)) != NULL) {
            show("read", e, 1);
            if (e->fts_info == FTS_D)
                e->fts_number = 100 + e->fts_level;
            if (e->fts_info == FTS_D && strcmp(e->fts_name, "empty") == 0)
                printf("set skip %d\n", fts_set(fts, e, FTS_SKIP));
            if (e->fts_info == FTS_F && strcmp(e->fts_name, "a") == 0 && !(again & 1)) {
                again |= 1;
                printf("set again %d\n", fts_set(fts, e, FTS_AGAIN));
            }
            if (e->fts_info == FTS_DP && strcmp(e->fts_name, "d") == 0 && !(again & 2)) {
                again |= 2;
                printf("set again d %d\n", fts_set(fts, e, FTS_AGAIN));
            }
            if (e->fts_info == FTS_SL && strcmp(e->fts_name, "lnk") == 0)
                printf("set follow %d\n", fts_set(fts, e, FTS_FOLLOW));
            if (e->fts_info == FTS_SL && strcmp(e->fts_name, "dangling") == 0)
                printf("set follow %d\n", fts_set(fts, e, FTS_FOLLOW));
            if (e->fts_info == FTS_D && e->fts_level == 0) {
                /* Before they come: follow e in b... not yet read; here the
                 * children of T: skip z, follow self. */
                for (FTSENT *c = fts_children(fts, 0); c; c = c->fts_link) {
                    if (strcmp(c->fts_name, "z") == 0)
                        printf("set skip z %d\n", fts_set(fts, c, FTS_SKIP));
                    if (strcmp(c->fts_name, "self") == 0)
                        printf("set follow self %d\n", fts_set(fts, c, FTS_FOLLOW));
                }
            }
            if (e->fts_info == FTS_D && strcmp(e->fts_name, "b") == 0 && e->fts_level == 1) {
                for (FTSENT *c = fts_children(fts, 0); c; c = c->fts_link)
                    if (strcmp(c->fts_name, "e") == 0)
                        printf("set follow e %d\n", fts_set(fts, c, FTS_FOLLOW));
            }
        }
        printf("end errno=%d\n", errno);
        errno = 0;
        int r = fts_set(fts, NULL, 99);
        printf("set bad %d errno=%d\n", r, errno);
        printf("close %d\n", fts_close(fts));
    }
}

/* A root that is a symbolic link to a directory, followed by fts_set. */
static void case_follow_root(void) {
    int options[] = {FTS_PHYSICAL, FTS_PHYSICAL | FTS_NOCHDIR};
    for (int o = 0; o < 2; o++) {
        printf("== follow root %d\n", o);
        sorted_output = 0;
        char l[256];
        snprintf(l, sizeof l, "%s/lnk", T);
        char *argv[] = {l, NULL};
        FTS *fts = fts_open(argv, options[o], by_name);
        FTSENT *e;
        while ((e = fts_read(fts)) != NULL) {
            show("read", e, 1);
            if (e->fts_level == 0 && e->fts_info == FTS_SL)
                printf("set follow %d\n", fts_set(fts, e, FTS_FOLLOW));
        }
        printf("end errno=%d\n", errno);
        printf("close %d\n", fts_close(fts));
    }
}

static void list_children(FTS *fts, int instr, const char *what) {
    errno = 12345;
    FTSENT *c = fts_children(fts, instr);
    int err = errno;
    printf("%s: %s errno=%d\n", what, c ? "list" : "NULL", err);
    for (; c; c = c->fts_link) {
        if (c->fts_level == 0) /* a root not yet read: no path yet */
            printf("  root %s %s acc=%s namelen=%d errno=%d\n", c->fts_name, info_name(c->fts_info),
                   rel(c->fts_accpath), c->fts_namelen, c->fts_errno);
        else
            show("  child", c, instr == 0);
    }
}

/* fts_children before fts_read (the roots), on directories in preorder
 * (full and names only, then read), on a file, an empty directory and a
 * postorder directory; bad instructions. */
static void case_children(void) {
    int options[] = {FTS_PHYSICAL, FTS_PHYSICAL | FTS_NOCHDIR, FTS_LOGICAL};
    for (int o = 0; o < 3; o++) {
        printf("== children %d\n", o);
        sorted_output = 0;
        if (chdir(T) != 0)
            perror("chdir");
        char r1[] = "b", r2[] = "a", r3[] = "empty";
        char *argv[] = {r1, r2, r3, NULL};
        FTS *fts = fts_open(argv, options[o], by_name);
        list_children(fts, 0, "roots");
        list_children(fts, FTS_NAMEONLY, "roots names");
        FTSENT *e;
        while ((e = fts_read(fts)) != NULL) {
            show("read", e, 1);
            if (e->fts_info == FTS_D && strcmp(e->fts_name, "b") == 0) {
                list_children(fts, FTS_NAMEONLY, "b names");
                list_children(fts, 0, "b");
                list_children(fts, FTS_NAMEONLY, "b names again");
            } else if (e->fts_info == FTS_D && strcmp(e->fts_name, "d") == 0) {
                list_children(fts, FTS_NAMEONLY, "d names");
            } else if (e->fts_info == FTS_D || e->fts_info == FTS_F || e->fts_info == FTS_DP) {
                list_children(fts, 0, e->fts_name);
            }
        }
        printf("end errno=%d\n", errno);
        errno = 0;
        FTSENT *bad = fts_children(fts, 7);
        printf("bad instr %s errno=%d\n", bad ? "list" : "NULL", errno);
        printf("close %d\n", fts_close(fts));
        char cwd[512];
        printf("cwd %s\n", getcwd(cwd, sizeof cwd) ? rel(cwd) : "?");
        if (chdir("/") != 0)
            perror("chdir");
    }
}

/* Errors: bad options, an empty root, a root that does not exist or is
 * under a file, a directory removed between its preorder visit and its
 * reading (FTS_DNR), no roots at all. */
static void case_errors(void) {
    char a[256];
    snprintf(a, sizeof a, "%s/a", T);
    char *argv[] = {a, NULL};
    errno = 0;
    FTS *f = fts_open(argv, 0x1000, NULL);
    printf("bad options %s errno=%d\n", f ? "open" : "NULL", errno);
    errno = 0;
    f = fts_open(argv, FTS_NAMEONLY, NULL);
    printf("bad options 0x100 %s errno=%d\n", f ? "open" : "NULL", errno);
    char empty[] = "";
    char *argv2[] = {a, empty, NULL};
    errno = 0;
    f = fts_open(argv2, FTS_PHYSICAL, NULL);
    printf("empty root %s errno=%d\n", f ? "open" : "NULL", errno);
    char *none[] = {NULL};
    FTS *fts = fts_open(none, FTS_PHYSICAL, NULL);
    printf("no roots %s\n", fts ? "open" : "NULL");
    if (fts) {
        /* glibc's fts_read and fts_close would follow an unset parent. */
        errno = 5;
        FTSENT *e = fts_children(fts, 0);
        printf("no roots children %s errno=%d\n", e ? "list" : "NULL", errno);
    }
    const char *missing[] = {"/missing", "/a/x", "/self/x", NULL};
    walk("missing roots", missing, FTS_PHYSICAL, by_name);
    walk("missing roots logical", missing, FTS_LOGICAL, by_name);

    int options[] = {FTS_PHYSICAL, FTS_PHYSICAL | FTS_NOCHDIR};
    for (int o = 0; o < 2; o++) {
        dir("gone");
        dir("gone/sub");
        char g[256];
        snprintf(g, sizeof g, "%s/gone", T);
        char *argv3[] = {g, NULL};
        printf("== removed directory %d\n", o);
        fts = fts_open(argv3, options[o], by_name);
        FTSENT *e;
        while ((e = fts_read(fts)) != NULL) {
            show("read", e, 1);
            if (e->fts_info == FTS_D && strcmp(e->fts_name, "sub") == 0) {
                char s[256];
                snprintf(s, sizeof s, "%s/gone/sub", T);
                printf("rmdir %d\n", rmdir(s));
            }
        }
        printf("end errno=%d\n", errno);
        printf("close %d\n", fts_close(fts));
        rmdir(g);
    }
}

/* FTS_XDEV: "/" walked with every first-level entry skipped except proc,
 * which is another file system: its postorder visit comes at once. */
static void case_xdev(void) {
    int options[] = {FTS_PHYSICAL | FTS_XDEV, FTS_PHYSICAL | FTS_XDEV | FTS_NOCHDIR, FTS_LOGICAL | FTS_XDEV};
    for (int o = 0; o < 3; o++) {
        char root[] = "/";
        char *argv[] = {root, NULL};
        printf("== xdev %d\n", o);
        FTS *fts = fts_open(argv, options[o], by_name);
        FTSENT *e;
        int n = 0;
        while ((e = fts_read(fts)) != NULL && n < 20) {
            if (e->fts_level == 0 || strcmp(e->fts_name, "proc") == 0 || e->fts_level > 1) {
                printf("%d %s %s %s\n", e->fts_level, info_name(e->fts_info), e->fts_path, e->fts_accpath);
                n++;
            } else if (e->fts_info == FTS_D) {
                fts_set(fts, e, FTS_SKIP);
            }
        }
        printf("end %d\n", n);
        printf("close %d\n", fts_close(fts));
    }
}

/* The FTS fields a program may read: fts_cur, fts_child, fts_array and
 * fts_nitems (sized for the sort), fts_dev, fts_path, fts_rfd,
 * fts_pathlen, fts_compar, fts_options (FTS_LOGICAL adds FTS_NOCHDIR,
 * fts_children(FTS_NAMEONLY) the private FTS_NAMEONLY). */
static void case_stream(void) {
    int options[] = {FTS_PHYSICAL, FTS_LOGICAL, FTS_PHYSICAL | FTS_NOCHDIR | FTS_SEEDOT};
    for (int o = 0; o < 3; o++) {
        printf("== stream %d\n", o);
        char root[128], a[128];
        snprintf(root, sizeof root, "%s/b", T);
        snprintf(a, sizeof a, "%s/a", T);
        char *argv[] = {root, a, NULL};
        FTS *fts = fts_open(argv, options[o], o == 1 ? NULL : by_name);
        struct stat st;
        stat(T, &st);
        printf("options=%#x pathlen=%d nitems=%d array=%d rfd=%d compar=%d cur=%d child=%d\n", fts->fts_options,
               fts->fts_pathlen, fts->fts_nitems, fts->fts_array != NULL, fts->fts_rfd >= 0,
               fts->fts_compar == (void *)by_name, fts->fts_cur != NULL, fts->fts_child != NULL);
        FTSENT *e;
        while ((e = fts_read(fts)) != NULL) {
            printf("%s %s cur=%d path=%d dev=%d nitems=%d options=%#x", info_name(e->fts_info), e->fts_name,
                   fts->fts_cur == e, fts->fts_path == e->fts_path,
                   /* a file root leaves fts_dev unset */
                   e->fts_level || e->fts_info != FTS_F ? fts->fts_dev == st.st_dev : -1, fts->fts_nitems,
                   fts->fts_options);
            if (e->fts_info == FTS_D) {
                FTSENT *c = fts_children(fts, e->fts_level ? 0 : FTS_NAMEONLY);
                printf(" child=%d options=%#x", fts->fts_child == c, fts->fts_options);
            }
            printf(" fts_path=%s\n", rel(fts->fts_path));
        }
        printf("end errno=%d\n", errno);
        printf("close %d\n", fts_close(fts));
    }
}

/* A tree deeper than the first path buffer (4096 + 256 bytes): the buffer
 * grows and the paths already handed out move with it. Without chdir the
 * deepest paths pass PATH_MAX and stat fails (ENAMETOOLONG). A directory
 * of 120 files makes the sort array grow. */
static void case_deep(void) {
    char name[201];
    memset(name, 'n', 200);
    name[200] = 0;
    if (chdir(T) != 0)
        return;
    dir("wide");
    for (int i = 0; i < 120; i++) {
        char f[32];
        snprintf(f, sizeof f, "wide/f%03d", (i * 37) % 120);
        put(f, "x");
    }
    for (int i = 0; i < 24; i++) {
        name[0] = 'a' + i;
        if (mkdir(name, 0755) != 0 || chdir(name) != 0) {
            perror("deep");
            return;
        }
    }
    FILE *leaf = fopen("leaf", "w");
    fputs("leaf", leaf);
    fclose(leaf);
    if (chdir("/") != 0)
        return;
    int options[] = {FTS_PHYSICAL, FTS_PHYSICAL | FTS_NOCHDIR, FTS_LOGICAL};
    for (int o = 0; o < 3; o++) {
        printf("== deep %d\n", o);
        char *argv[] = {T, NULL};
        FTS *fts = fts_open(argv, options[o], o == 2 ? by_name_reverse : by_name);
        FTSENT *e, *first_deep = NULL;
        int files = 0;
        while ((e = fts_read(fts)) != NULL) {
            if (e->fts_level == 1 && e->fts_info == FTS_D && e->fts_name[0] == 'a')
                first_deep = e;
            if (e->fts_parent && strcmp(e->fts_parent->fts_name, "wide") == 0) {
                if (files++ % 40 == 0)
                    printf("wide %s %s\n", e->fts_name, info_name(e->fts_info));
                continue;
            }
            if (e->fts_namelen == 200 || strcmp(e->fts_name, "leaf") == 0) {
                printf("%d %s %c namelen=%d pathlen=%d(%d) errno=%d acc=%s\n", e->fts_level,
                       info_name(e->fts_info), e->fts_name[0], e->fts_namelen, e->fts_pathlen,
                       (int)strlen(e->fts_path), e->fts_errno,
                       e->fts_accpath == e->fts_path ? "path" : e->fts_accpath == e->fts_name ? "name" : "other");
                if (e->fts_info == FTS_F)
                    printf("leaf size %lld\n", (long long)e->fts_statp->st_size);
            }
            if (e == first_deep && e->fts_info == FTS_DP)
                printf("first deep path %s\n", rel(e->fts_path));
        }
        printf("end errno=%d wide=%d\n", errno, files);
        printf("close %d\n", fts_close(fts));
    }
}

int main(int argc, char **argv) {
    if (argc < 2)
        return 2;
    make_tree();
    if (strcmp(argv[1], "options") == 0)
        case_options();
    else if (strcmp(argv[1], "logical") == 0)
        case_logical();
    else if (strcmp(argv[1], "nostat") == 0)
        case_nostat();
    else if (strcmp(argv[1], "roots") == 0)
        case_roots();
    else if (strcmp(argv[1], "set") == 0) {
        case_set();
        case_follow_root();
    }
    else if (strcmp(argv[1], "children") == 0)
        case_children();
    else if (strcmp(argv[1], "errors") == 0)
        case_errors();
    else if (strcmp(argv[1], "xdev") == 0)
        case_xdev();
    else if (strcmp(argv[1], "deep") == 0)
        case_deep();
    else if (strcmp(argv[1], "stream") == 0)
        case_stream();
    remove_tree();
    return 0;
}
