// getgrent_r: the same entries getgrent gives (root first, gid 0, the
// members getgrnam gives), ERANGE with a tiny buffer and then the same
// entry again, ENOENT and a null result at the end.
// cflags: -D_GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    char buf[8192], tiny[4];
    int n, m, e;
    struct group gr, *grr;
    n = 0;
    setgrent();
    int members_ok = 1;
    while ((e = getgrent_r(&gr, buf, sizeof buf, &grr)) == 0) {
        if (n == 0)
            printf("first group %s gid %d\n", gr.gr_name, (int)gr.gr_gid);
        struct group *g = getgrnam(gr.gr_name);
        int k = 0;
        if (g)
            for (; gr.gr_mem[k] && g->gr_mem[k]; k++)
                members_ok &= !strcmp(gr.gr_mem[k], g->gr_mem[k]);
        members_ok &= g && !gr.gr_mem[k] && !g->gr_mem[k];
        n++;
    }
    printf("groups end %d %s, members as getgrnam: %d\n", e, grr ? "found" : "null", members_ok);
    m = 0;
    setgrent();
    while (getgrent())
        m++;
    printf("getgrent_r count equals getgrent count: %d\n", n == m && n > 0);
    setgrent();
    e = getgrent_r(&gr, tiny, sizeof tiny, &grr);
    printf("tiny %d %s\n", e, grr ? "found" : "null");
    e = getgrent_r(&gr, buf, sizeof buf, &grr);
    printf("then %d %s\n", e, gr.gr_name);
    endgrent();
    return 0;
}
