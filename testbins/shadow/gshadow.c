// <gshadow.h>: parsing (sgetsgent, sgetsgent_r with buffers that fit and
// do not, fgetsgent_r over a fixture file with
// comments, blank lines, empty and spaced lists), ERANGE then the same
// entry again, ENOENT at the end, putsgent's output and its EINVAL, and
// /etc/gshadow's root group (present on any Debian system).
// cflags: -D_GNU_SOURCE
#include <errno.h>
#include <gshadow.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void show(const char *what, const struct sgrp *g)
{
    if (!g) {
        printf("%s: null\n", what);
        return;
    }
    printf("%s: name '%s' passwd '%s' adm", what, g->sg_namp, g->sg_passwd);
    for (char **p = g->sg_adm; *p; p++)
        printf(" '%s'", *p);
    printf(" mem");
    for (char **p = g->sg_mem; *p; p++)
        printf(" '%s'", *p);
    printf("\n");
}

int main(void)
{
    show("sgetsgent", sgetsgent("staff:!:alice,bob:carol,dave,erin\n"));
    show("sgetsgent empty lists", sgetsgent("wheel:*::"));
    show("sgetsgent spaced", sgetsgent("g:x: a, b ,,c:d,"));
    show("sgetsgent short", sgetsgent("onlyname"));
    {
        struct sgrp sg, *r = (struct sgrp *)1;
        char buf[256];
        size_t sizes[] = {sizeof buf, 40, 16, 1};
        for (unsigned i = 0; i < 4; i++) {
            errno = 0;
            int e = sgetsgent_r("staff:!:alice,bob:carol,dave,erin", &sg, buf, sizes[i], &r);
            printf("sgetsgent_r buffer %zu: %d errno %d, ", sizes[i], e, errno);
            show("result", r);
        }
        int e = sgetsgent_r("broken", &sg, buf, sizeof buf, &r);
        printf("sgetsgent_r no fields: %d, ", e);
        show("result", r);
    }

    char dir[] = "/tmp/gcompat-gshadow-XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    char path[64];
    snprintf(path, sizeof path, "%s/gshadow", dir);
    FILE *f = fopen(path, "w");
    fputs("# comment\n\nroot:*::\n  users:!:admin:u1,u2,u3\nlong:!:a:b\n", f);
    fclose(f);

    f = fopen(path, "r");
    struct sgrp sg, *r;
    char buf[1024], tiny[8];
    int e;
    while ((e = fgetsgent_r(f, &sg, buf, sizeof buf, &r)) == 0)
        show("fgetsgent_r", r);
    printf("end %d %s\n", e, r ? "found" : "null");
    rewind(f);
    e = fgetsgent_r(f, &sg, tiny, sizeof tiny, &r);
    printf("tiny %d %s\n", e, r ? "found" : "null");
    e = fgetsgent_r(f, &sg, buf, sizeof buf, &r);
    show("after ERANGE", r);
    rewind(f);
    int n = 0;
    while (fgetsgent(f))
        n++;
    printf("fgetsgent entries %d\n", n);
    fclose(f);

    f = fopen(path, "w");
    char *adm[] = { "a1", "a2", NULL }, *mem[] = { "m1", NULL }, *none[] = { NULL };
    struct sgrp out = { "grp", "pw", adm, mem };
    printf("putsgent %d\n", putsgent(&out, f));
    struct sgrp out2 = { "grp2", NULL, none, mem };
    printf("putsgent null passwd %d\n", putsgent(&out2, f));
    struct sgrp bad = { "bad:name", "x", none, none };
    errno = 0;
    int rc = putsgent(&bad, f);
    printf("putsgent colon %d errno %d\n", rc, errno);
    char *badlist[] = { "a,b", NULL };
    struct sgrp bad2 = { "g", "x", badlist, none };
    errno = 0;
    rc = putsgent(&bad2, f);
    printf("putsgent comma in list %d errno %d\n", rc, errno);
    fclose(f);
    f = fopen(path, "r");
    while (fgets(buf, sizeof buf, f))
        printf("written: %s", buf);
    fclose(f);
    unlink(path);
    rmdir(dir);

    struct sgrp *root = getsgnam("root");
    printf("getsgnam root: %s\n", root ? root->sg_namp : "null");
    printf("getsgnam unknown: %s\n", getsgnam("no-such-group-here") ? "found" : "null");
    e = getsgnam_r("root", &sg, tiny, sizeof tiny, &r);
    printf("getsgnam_r tiny: %d %s\n", e, r ? "found" : "null");
    e = getsgnam_r("no-such-group-here", &sg, buf, sizeof buf, &r);
    printf("getsgnam_r unknown: %d %s\n", e, r ? "found" : "null");
    n = 0;
    int root_seen = 0;
    setsgent();
    struct sgrp *g;
    while ((g = getsgent())) {
        root_seen |= !strcmp(g->sg_namp, "root");
        n++;
    }
    endsgent();
    printf("getsgent: some %d root %d\n", n > 0, root_seen);
    int m = 0;
    setsgent();
    while ((e = getsgent_r(&sg, buf, sizeof buf, &r)) == 0)
        m++;
    endsgent();
    printf("getsgent_r same count %d end %d\n", m == n, e);
    return 0;
}
