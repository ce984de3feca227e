/* <fts.h>'s plain names, fts_open, fts_read, fts_set, fts_children and
 * fts_close: fronts that pass the caller's address to mod.rs, which walks
 * glibc's way for glibc-built callers and hands musl-built ones to the fts
 * they were linked against (Debian's musl has one in libc.so, Alpine's
 * musl-fts is libfts.so; both with NetBSD's structures, not glibc's).
 * The structures stay opaque here: musl's headers may have no <fts.h>. */
#include <stddef.h>

void *__gcompat_fts_open(char *const *argv, int options, void *compar, const void *caller);
void *__gcompat_fts_read(void *ftsp, const void *caller);
int __gcompat_fts_set(void *ftsp, void *p, int instr, const void *caller);
void *__gcompat_fts_children(void *ftsp, int instr, const void *caller);
int __gcompat_fts_close(void *ftsp, const void *caller);

void *fts_open(char *const *argv, int options, void *compar);
void *fts_read(void *ftsp);
int fts_set(void *ftsp, void *p, int instr);
void *fts_children(void *ftsp, int instr);
int fts_close(void *ftsp);

void *fts_open(char *const *argv, int options, void *compar)
{
    return __gcompat_fts_open(argv, options, compar, __builtin_return_address(0));
}

void *fts_read(void *ftsp)
{
    return __gcompat_fts_read(ftsp, __builtin_return_address(0));
}

int fts_set(void *ftsp, void *p, int instr)
{
    return __gcompat_fts_set(ftsp, p, instr, __builtin_return_address(0));
}

void *fts_children(void *ftsp, int instr)
{
    return __gcompat_fts_children(ftsp, instr, __builtin_return_address(0));
}

int fts_close(void *ftsp)
{
    return __gcompat_fts_close(ftsp, __builtin_return_address(0));
}
