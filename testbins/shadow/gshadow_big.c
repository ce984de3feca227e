// Big /etc/gshadow groups (issue 16, item 7): glibc's sgetsgent,
// fgetsgent, getsgnam and getsgent grow their buffer until the entry fits,
// so a group of thousands of members comes back whole (the shim's fixed
// 8 KiB failed with ERANGE and fgetsgent then stopped), and sgetsgent_r
// splits a member list in linear time (100,000 members: the shim took
// seconds, quadratic).
// Exit status 77: the fixture could not be set up (not a comparison).
// cases: sgetsgent fgetsgent files huge
// cflags: -D_GNU_SOURCE
#include <errno.h>
#include <gshadow.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../fixture.h"

/* "name:!:adm0,adm1:m0,m1,...": `n` members. */
static char *group_line(const char *name, int n)
{
    size_t cap = strlen(name) + 64 + (size_t)n * 12;
    char *s = malloc(cap);
    int len = sprintf(s, "%s:!:adm0,adm1:", name);
    for (int i = 0; i < n; i++)
        len += sprintf(s + len, "%smember%d", i ? "," : "", i);
    return s;
}

static void show(const char *what, const struct sgrp *g)
{
    if (!g) {
        printf("%s: null errno %s\n", what, errno == ERANGE ? "ERANGE" : errno == ENOENT ? "ENOENT" : errno ? "other" : "0");
        return;
    }
    int adm = 0, mem = 0;
    while (g->sg_adm[adm])
        adm++;
    while (g->sg_mem[mem])
        mem++;
    printf("%s: %s adm %d mem %d last %s\n", what, g->sg_namp, adm, mem, mem ? g->sg_mem[mem - 1] : "-");
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    if (!strcmp(c, "sgetsgent")) {
        int sizes[] = {10, 800, 1000, 5000};
        for (int i = 0; i < 4; i++) {
            char *line = group_line("big", sizes[i]);
            errno = 0;
            show("sgetsgent", sgetsgent(line));
            free(line);
        }
    } else if (!strcmp(c, "fgetsgent")) {
        char *big = group_line("big", 2000);
        FILE *f = tmpfile();
        fprintf(f, "small:!::a,b\n%s\nafter:!::c\n", big);
        rewind(f);
        struct sgrp *g;
        errno = 0;
        while ((g = fgetsgent(f)))
            show("fgetsgent", g);
        show("fgetsgent end", g);
        fclose(f);
        free(big);
    } else if (!strcmp(c, "files")) {
        private_etc();
        fixture_nsswitch();
        char *big = group_line("big", 3000);
        char *text = malloc(strlen(big) + 64);
        sprintf(text, "small:!::a,b\n%s\nafter:!::c\n", big);
        fixture_file_bytes("/etc/gshadow", text, strlen(text), 0600);
        errno = 0;
        show("getsgnam big", getsgnam("big"));
        show("getsgnam after", getsgnam("after"));
        struct sgrp *g;
        setsgent();
        while ((g = getsgent()))
            show("getsgent", g);
        endsgent();
        free(text);
        free(big);
    } else if (!strcmp(c, "huge")) {
        char *line = group_line("huge", 100000);
        size_t len = strlen(line) * 2 + 100000 * 16;
        char *buf = malloc(len);
        struct sgrp g, *r;
        int rc = sgetsgent_r(line, &g, buf, len, &r);
        printf("sgetsgent_r: %d\n", rc);
        show("huge", r);
        free(buf);
        free(line);
    }
    return 0;
}
