/* <fts.h>'s plain names, fts_open, fts_read, fts_set, fts_children and
 * fts_close: fronts that pass the caller's address to mod.rs, which walks
 * glibc's way for glibc-built callers and hands musl-built ones to the fts
 * they were linked against (Debian's musl has one in libc.so, Alpine's
 * musl-fts is libfts.so; both with NetBSD's structures, not glibc's).
 * The structures stay opaque here (musl's headers may have no <fts.h>):
 * glibc's layouts are mod.rs's. */
#include <stddef.h>

#include "../abi/export.h"

typedef struct gcompat_fts FTS;
typedef struct _ftsent FTSENT;
typedef int (*fts_compar)(const FTSENT *const *, const FTSENT *const *);

FTS *__gcompat_fts_open(char *const *argv, int options, fts_compar compar, const void *caller);
FTSENT *__gcompat_fts_read(FTS *ftsp, const void *caller);
int __gcompat_fts_set(FTS *ftsp, FTSENT *p, int instr, const void *caller);
FTSENT *__gcompat_fts_children(FTS *ftsp, int instr, const void *caller);
int __gcompat_fts_close(FTS *ftsp, const void *caller);

FTS *fts_open(char *const *argv, int options, fts_compar compar);
FTSENT *fts_read(FTS *ftsp);
int fts_set(FTS *ftsp, FTSENT *p, int instr);
FTSENT *fts_children(FTS *ftsp, int instr);
int fts_close(FTS *ftsp);

FTS *fts_open(char *const *argv, int options, fts_compar compar)
{
    return __gcompat_fts_open(argv, options, compar, __builtin_return_address(0));
}
GCOMPAT_EXPORT(fts_open);

FTSENT *fts_read(FTS *ftsp)
{
    return __gcompat_fts_read(ftsp, __builtin_return_address(0));
}
GCOMPAT_EXPORT(fts_read);

int fts_set(FTS *ftsp, FTSENT *p, int instr)
{
    return __gcompat_fts_set(ftsp, p, instr, __builtin_return_address(0));
}
GCOMPAT_EXPORT(fts_set);

FTSENT *fts_children(FTS *ftsp, int instr)
{
    return __gcompat_fts_children(ftsp, instr, __builtin_return_address(0));
}
GCOMPAT_EXPORT(fts_children);

int fts_close(FTS *ftsp)
{
    return __gcompat_fts_close(ftsp, __builtin_return_address(0));
}
GCOMPAT_EXPORT(fts_close);
