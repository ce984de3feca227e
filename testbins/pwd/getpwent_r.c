// getpwent_r and getgrent_r: the same entries getpwent/getgrent give
// (root first, uid/gid 0), ERANGE with a tiny buffer and then the same
// entry again, ENOENT and a null result at the end, setpwent rewinding.
// cflags: -D_GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    char buf[8192], tiny[4];
    struct passwd pw, *pr;
    int n = 0, e;
    setpwent();
    while ((e = getpwent_r(&pw, buf, sizeof buf, &pr)) == 0) {
        if (n == 0)
            printf("first user %s uid %d gid %d dir %s\n", pw.pw_name, (int)pw.pw_uid, (int)pw.pw_gid, pw.pw_dir);
        n++;
    }
    printf("end %d %s\n", e, pr ? "found" : "null");
    int m = 0;
    setpwent();
    while (getpwent())
        m++;
    printf("getpwent_r count equals getpwent count: %d\n", n == m && n > 0);
    setpwent();
    e = getpwent_r(&pw, tiny, sizeof tiny, &pr);
    printf("tiny %d %s\n", e, pr ? "found" : "null");
    e = getpwent_r(&pw, buf, sizeof buf, &pr);
    printf("then %d %s\n", e, pw.pw_name);
    endpwent();

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
