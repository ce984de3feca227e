// sgetspent and sgetspent_r: glibc's parse of a shadow line: empty number
// fields as -1, the old 5-field form, the flag field, lines that do not
// parse (null), ERANGE for a small buffer.
// cflags: -D_GNU_SOURCE
#include <errno.h>
#include <shadow.h>
#include <stdio.h>

static void show(const char *line)
{
    struct spwd *s = sgetspent(line);
    if (!s) {
        printf("'%s': null\n", line);
        return;
    }
    printf("'%s': '%s' '%s' %ld %ld %ld %ld %ld %ld %#lx\n", line, s->sp_namp, s->sp_pwdp, s->sp_lstchg, s->sp_min,
           s->sp_max, s->sp_warn, s->sp_inact, s->sp_expire, s->sp_flag);
}

int main(void)
{
    show("root:*:19000:0:99999:7:::");
    show("user:$6$salt$hash:19500:1:90:14:30:20000:5");
    show("old:x:100:2:3");
    show("old2:x:100:2:3\n");
    show("trail:x:100:2:3:");
    show("short:x:100:2");
    show("empty:x::::::");
    show("letters:x:abc:1:2:3:4:5:6");
    show("neg:x:-5:1:2:3:4:5:6");
    show("n:x:1:-2:3");
    show("n:x:4294967296:1:2");
    show("n:x:4294967295:1:2");
    show("n:x:2147483648:1:2");
    show("n:x:+5:1:2");
    show("n:x: 5:1:2");
    show("n:x:1:2:3:4:5:6:-1");
    show("n:x:1:2:3:4:5:6:4294967295");
    show("n:x:1:2:3:4:5:6:99999999999");
    show("onlyname");
    show("");
    struct spwd sp, *r = NULL; /* glibc 2.41 leaves *result alone on ERANGE */
    char tiny[8], buf[256];
    int e = sgetspent_r("someone:x:1:2:3:4:5:6:7", &sp, tiny, sizeof tiny, &r);
    printf("sgetspent_r tiny: %d %s\n", e, r ? "found" : "null");
    e = sgetspent_r("someone:x:1:2:3:4:5:6:7", &sp, buf, sizeof buf, &r);
    printf("sgetspent_r: %d %s %ld\n", e, r ? r->sp_namp : "null", sp.sp_expire);
    return 0;
}
