// cases: physical nochdir
/* A musl-built caller of fts_open, fts_read, fts_children, fts_set and
 * fts_close keeps the fts it was linked against: Debian's musl carries
 * NetBSD's in libc.so (Alpine's musl-fts is the same in libfts.so), whose
 * FTSENT has int fts_level and unsigned int fts_pathlen/fts_namelen where
 * glibc's has shorts, so glibc's walk would print nonsense here. The
 * oracle is this program under musl 1.2.5 without the shim. */
#include <errno.h>
#include <fts.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char T[64];

static int by_name(const FTSENT **a, const FTSENT **b) {
    return strcmp((*a)->fts_name, (*b)->fts_name);
}

int main(int argc, char **argv) {
    if (argc < 2)
        return 2;
    strcpy(T, "/tmp/gcompat-fts-musl-XXXXXX");
    if (!mkdtemp(T))
        return 1;
    size_t tlen = strlen(T);
    char p[128];
    snprintf(p, sizeof p, "%s/sub", T);
    mkdir(p, 0755);
    snprintf(p, sizeof p, "%s/sub/file", T);
    fclose(fopen(p, "w"));
    snprintf(p, sizeof p, "%s/skipped", T);
    mkdir(p, 0755);
    snprintf(p, sizeof p, "%s/skipped/hidden", T);
    fclose(fopen(p, "w"));
    snprintf(p, sizeof p, "%s/link", T);
    symlink("sub", p);

    int options = FTS_PHYSICAL | (strcmp(argv[1], "nochdir") == 0 ? FTS_NOCHDIR : 0);
    char *roots[] = {T, NULL};
    FTS *fts = fts_open(roots, options, by_name);
    FTSENT *e;
    while ((e = fts_read(fts)) != NULL) {
        printf("%d %d T%s %s %u %u\n", (int)e->fts_level, e->fts_info, e->fts_path + tlen,
               e->fts_level ? e->fts_name : "T", (unsigned)e->fts_namelen, (unsigned)e->fts_pathlen - (unsigned)tlen);
        if (e->fts_info == FTS_D && e->fts_level == 0)
            for (FTSENT *c = fts_children(fts, 0); c; c = c->fts_link)
                printf("  child %s %d\n", c->fts_name, c->fts_info);
        if (e->fts_info == FTS_D && strcmp(e->fts_name, "skipped") == 0)
            fts_set(fts, e, FTS_SKIP);
    }
    printf("end errno=%d close %d\n", errno, fts_close(fts));
    snprintf(p, sizeof p, "rm -rf %s", T);
    return system(p) != 0;
}
