// getpwent_r: the same entries getpwent gives (root first, uid 0), ERANGE with a tiny buffer and then the same
// entry again, ENOENT and a null result at the end, setpwent rewinding.
// (getgrent_r: testbins/grp/getgrent_r.c)
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

    return 0;
}
