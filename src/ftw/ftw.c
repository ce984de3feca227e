/* <ftw.h> for glibc-built callers: ftw, nftw, ftw64, nftw64 (man 3 ftw)
 * over musl's ftw and nftw. struct stat is struct stat64 on x86_64 and
 * struct FTW is the same in both libcs, but these are not:
 *
 * - the type flag handed to the callback: glibc numbers FTW_F, FTW_D,
 *   FTW_DNR, FTW_NS, FTW_SL, FTW_DP, FTW_SLN from 0, musl from 1;
 * - GNU's FTW_ACTIONRETVAL flag (nftw), which musl lacks: the callback's
 *   result then says FTW_CONTINUE, FTW_STOP, FTW_SKIP_SUBTREE (a
 *   directory's contents, in preorder) or FTW_SKIP_SIBLINGS (the rest of
 *   the entry's directory);
 * - glibc's ftw follows symbolic links and reports only FTW_F, FTW_D,
 *   FTW_DNR and FTW_NS; musl's is nftw with FTW_PHYS;
 * - descriptor limits (musl's caps the depth of the walk, glibc's only
 *   the descriptors in use) and unknown nftw flags (glibc: EINVAL).
 *
 * So the caller's function runs behind a trampoline. Its state lives on
 * the stack of each call, found through a per-thread pointer that is
 * saved and restored around the call, so a callback may walk another
 * tree. Skips are done by hiding: musl still walks the skipped entries,
 * and the trampoline does not report anything under the skipped
 * directory's path prefix, which is what glibc reports. C for
 * _Thread_local, which no_std Rust lacks.
 *
 * ftw and nftw are musl's names too: their fronts pass the caller's
 * address to mod.rs, which keeps musl's functions for musl-built callers
 * (src/abi/caller.rs). musl's own nftw is reached through RTLD_NEXT
 * (__gcompat_musl_nftw), since the name nftw binds to the shim. */
#define _XOPEN_SOURCE 700 /* struct FTW, with either libc's headers */
#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>

#include "../abi/export.h"

#undef ftw64
#undef nftw64

/* GNU's values (glibc <ftw.h>). */
#define GNU_FTW_ACTIONRETVAL 16
enum { GNU_FTW_CONTINUE = 0, GNU_FTW_STOP = 1, GNU_FTW_SKIP_SUBTREE = 2, GNU_FTW_SKIP_SIBLINGS = 3 };

typedef int (*ftw_fn)(const char *, const struct stat *, int);
typedef int (*nftw_fn)(const char *, const struct stat *, int, struct FTW *);

int ftw64(const char *dir, ftw_fn fn, int fds);
int nftw64(const char *dir, nftw_fn fn, int fds, int flags);
int ftw(const char *dir, ftw_fn fn, int fds);
int nftw(const char *dir, nftw_fn fn, int fds, int flags);

/* In mod.rs: musl's nftw, and the choice between musl's and glibc's. */
typedef int (*musl_nftw_fn)(const char *, nftw_fn, int, int);
musl_nftw_fn __gcompat_musl_nftw(void);
int __gcompat_ftw(const char *dir, ftw_fn fn, int fds, const void *caller);
int __gcompat_nftw(const char *dir, nftw_fn fn, int fds, int flags, const void *caller);

struct walk {
    ftw_fn ftw_user;
    nftw_fn nftw_user;
    int actionretval;
    /* While skipping: the prefix ("dir/") whose paths are not reported. */
    size_t skip_len;
    char skip[PATH_MAX + 1];
};

static _Thread_local struct walk *current;

/* musl's FTW_F (1) .. FTW_SLN (7) to glibc's nftw values 0 .. 6 (the
 * identity when the host's glibc headers build this for unit tests). */
static int glibc_type(int type) { return type - FTW_F; }

/* What glibc's ftw (as opposed to nftw) reports for each nftw type: only
 * FTW_F, FTW_D, FTW_DNR and FTW_NS (glibc io/ftw.c, ftw_arr). */
static int glibc_ftw_type(int type)
{
    static const int ftw_arr[] = {0 /* F */, 1 /* D */, 2 /* DNR */, 3 /* NS */, 0 /* SL */, 1 /* DP */, 3 /* SLN */};
    int t = glibc_type(type);
    return t >= 0 && t < 7 ? ftw_arr[t] : t;
}

static int ftw_trampoline(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)ftw;
    return current->ftw_user(path, st, glibc_ftw_type(type));
}

/* Starts hiding everything under the first `len` bytes of `path` + "/". */
static void skip_under(struct walk *w, const char *path, size_t len)
{
    if (len + 1 >= sizeof w->skip)
        return;
    memcpy(w->skip, path, len);
    w->skip[len] = '/';
    w->skip_len = len + 1;
}

static int nftw_trampoline(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    struct walk *w = current;
    if (!w->actionretval)
        return w->nftw_user(path, st, glibc_type(type), ftw);
    if (w->skip_len) {
        if (!strncmp(path, w->skip, w->skip_len))
            return 0;
        w->skip_len = 0;
    }
    int r = w->nftw_user(path, st, glibc_type(type), ftw);
    switch (r) {
    case GNU_FTW_SKIP_SUBTREE:
        /* glibc skips a directory's contents in preorder; elsewhere it
         * means go on. */
        if (type == FTW_D)
            skip_under(w, path, strlen(path));
        return 0;
    case GNU_FTW_SKIP_SIBLINGS:
        /* The rest of this entry's directory, its own subtree included;
         * for the starting point, everything below it. */
        skip_under(w, path, ftw->level == 0 ? strlen(path) : (size_t)ftw->base - 1);
        return 0;
    default:
        /* FTW_CONTINUE (0) goes on; FTW_STOP or anything else ends the
         * walk with that value, as in glibc. */
        return r;
    }
}

/* musl spends one descriptor per directory level and walks no deeper than
 * the limit allows; glibc walks the whole tree whatever the limit, reading
 * a directory into memory when it must close it. So musl gets a limit no
 * tree reaches (the walk then holds a descriptor per level, as musl's
 * always does). */
static int descriptors(int fds)
{
    (void)fds;
    return INT_MAX;
}

/* glibc's ftw follows symbolic links (no FTW_PHYS) and reports only the
 * four ftw types; musl's is nftw with FTW_PHYS. */
int ftw64(const char *dir, ftw_fn fn, int fds)
{
    struct walk w = {.ftw_user = fn}, *saved = current;
    current = &w;
    int r = __gcompat_musl_nftw()(dir, ftw_trampoline, descriptors(fds), 0);
    current = saved;
    return r;
}
GCOMPAT_EXPORT(ftw64);

int nftw64(const char *dir, nftw_fn fn, int fds, int flags)
{
    /* glibc >= 2.3.3 refuses flags it does not know. */
    if (flags & ~(FTW_PHYS | FTW_MOUNT | FTW_CHDIR | FTW_DEPTH | GNU_FTW_ACTIONRETVAL)) {
        errno = EINVAL;
        return -1;
    }
    struct walk w = {.nftw_user = fn, .actionretval = flags & GNU_FTW_ACTIONRETVAL}, *saved = current;
    current = &w;
    int r = __gcompat_musl_nftw()(dir, nftw_trampoline, descriptors(fds), flags & ~GNU_FTW_ACTIONRETVAL);
    current = saved;
    return r;
}
GCOMPAT_EXPORT(nftw64);

int ftw(const char *dir, ftw_fn fn, int fds)
{
    return __gcompat_ftw(dir, fn, fds, __builtin_return_address(0));
}
GCOMPAT_EXPORT(ftw);

int nftw(const char *dir, nftw_fn fn, int fds, int flags)
{
    return __gcompat_nftw(dir, fn, fds, flags, __builtin_return_address(0));
}
GCOMPAT_EXPORT(nftw);
