/* The differential fuzzer's driver (tests/fuzz.rs): built against glibc,
 * run under glibc and under musl + the shim on the same cases, one case a
 * line on stdin, one result line each on stdout; the harness compares the
 * two outputs line by line.
 *
 * A case is a family name and its fields, separated by tabs; a field's
 * bytes are escaped as \t, \n, \\ and \xHH. A result line escapes the
 * same way. stdout is flushed after every case, so when a run dies the
 * number of complete lines names the case that killed it.
 *
 * Families: printf (one conversion with its typed argument), scanf (one
 * conversion over an input), regex (pattern, flags, subject), dns (names
 * through ns_name_pton and the res_*ok checks; wire bytes through
 * ns_name_skip, dn_skipname, dn_expand), etc (/etc lines through
 * sgetspent_r, sgetsgent_r, fgetsgent_r), getopt (an
 * optstring and an argv through getopt_long), num (strto* and strfrom*). */
#define _GNU_SOURCE
#include <arpa/nameser.h>
#include <errno.h>
#include <getopt.h>
#include <gshadow.h>
#include <netinet/in.h>
#include <regex.h>
#include <resolv.h>
#include <shadow.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

int dn_count_labels(const char *);

#define MAXF 16
static char *field[MAXF];
static size_t flen[MAXF];
static int nfields;

/* Unescapes `s` in place; returns its length. */
static size_t unescape(char *s)
{
    char *o = s, *i = s;
    while (*i) {
        if (*i != '\\') {
            *o++ = *i++;
            continue;
        }
        i++;
        switch (*i) {
        case 't': *o++ = '\t'; i++; break;
        case 'n': *o++ = '\n'; i++; break;
        case '\\': *o++ = '\\'; i++; break;
        case 'x': {
            unsigned v = 0;
            for (int k = 1; k <= 2; k++) {
                char c = i[k];
                v = v * 16 + (c >= 'a' ? c - 'a' + 10 : c >= 'A' ? c - 'A' + 10 : c - '0');
            }
            *o++ = (char)v;
            i += 3;
            break;
        }
        default: if (*i) *o++ = *i++; break;
        }
    }
    *o = 0;
    return (size_t)(o - s);
}

static void put_bytes(const char *s, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        unsigned char c = (unsigned char)s[k];
        if (c == '\\')
            fputs("\\\\", stdout);
        else if (c >= 0x20 && c < 0x7f)
            putchar(c);
        else
            printf("\\x%02x", c);
    }
}

static void put_str(const char *s)
{
    if (!s)
        fputs("(NULL)", stdout);
    else
        put_bytes(s, strlen(s));
}

static const char *errname(int e)
{
    switch (e) {
    case 0: return "0";
    case EINVAL: return "EINVAL";
    case ERANGE: return "ERANGE";
    case ENOMEM: return "ENOMEM";
    case EMSGSIZE: return "EMSGSIZE";
    case ENOENT: return "ENOENT";
    case EILSEQ: return "EILSEQ";
    case EOVERFLOW: return "EOVERFLOW";
    default: return "other";
    }
}

static long long num(int i) { return i < nfields ? strtoll(field[i], NULL, 0) : 0; }

/* printf: fields format, argument type (i l d L s S p c C n), value,
 * star count (0-2) and star values. One call of snprintf into a 512-byte
 * buffer, then asprintf: both results and the text. */
static void fam_printf(void)
{
    const char *fmt = field[1], *type = field[2], *val = field[3];
    int stars = (int)num(4), w1 = (int)num(5), w2 = (int)num(6);
    char buf[512];
    char *heap = NULL;
    int r = -9, h = -9;
    int ival = (int)strtol(val, NULL, 0);
    long lval = strtol(val, NULL, 0);
    double dval = strtod(val, NULL);
    long double Lval = strtold(val, NULL);
    wchar_t wbuf[64];
    const char *sval = !strcmp(val, "NULL") ? NULL : val;
    const wchar_t *wval = NULL;
    if (sval) {
        size_t k = 0;
        for (; sval[k] && k < 63; k++)
            wbuf[k] = (unsigned char)sval[k];
        wbuf[k] = 0;
        wval = wbuf;
    }
    void *pval = (void *)(uintptr_t)strtoull(val, NULL, 0);
    /* Room for the widest %n target (%lln). */
    long long nval = -1;
#define CALL(...)                                                               \
    do {                                                                        \
        if (stars == 0) {                                                       \
            r = snprintf(buf, sizeof buf, fmt, __VA_ARGS__);                    \
            h = asprintf(&heap, fmt, __VA_ARGS__);                              \
        } else if (stars == 1) {                                                \
            r = snprintf(buf, sizeof buf, fmt, w1, __VA_ARGS__);                \
            h = asprintf(&heap, fmt, w1, __VA_ARGS__);                          \
        } else {                                                                \
            r = snprintf(buf, sizeof buf, fmt, w1, w2, __VA_ARGS__);            \
            h = asprintf(&heap, fmt, w1, w2, __VA_ARGS__);                      \
        }                                                                       \
    } while (0)
    errno = 0;
    switch (type[0]) {
    case 'i': CALL(ival); break;
    case 'l': CALL(lval); break;
    case 'd': CALL(dval); break;
    case 'L': CALL(Lval); break;
    case 's': CALL(sval); break;
    case 'S': CALL(wval); break;
    case 'p': CALL(pval); break;
    case 'c': CALL(ival); break;
    case 'C': CALL((wint_t)ival); break;
    case 'n': CALL(&nval); break;
    default: CALL(0); break;
    }
    int e = errno;
    printf("r=%d h=%d e=%s n=%lld [", r, h, r < 0 ? errname(e) : "-", nval);
    if (r >= 0)
        put_bytes(buf, (size_t)r < sizeof buf ? (size_t)r : sizeof buf - 1);
    printf("] [");
    if (h >= 0 && heap)
        put_bytes(heap, strlen(heap));
    printf("]");
    free(heap);
}

/* scanf: fields input, format, destination type (i l d s c n). */
static void fam_scanf(void)
{
    const char *in = field[1], *fmt = field[2];
    char type = field[3][0];
    union {
        long long ll;
        double d;
        char s[256];
    } a, b;
    memset(&a, 0x5a, sizeof a);
    memset(&b, 0x5a, sizeof b);
    int n1 = -7;
    errno = 0;
    int r = sscanf(in, fmt, &a, &b, &n1);
    int e = errno;
    printf("r=%d e=%s n1=%d ", r, errname(e), n1);
    switch (type) {
    case 's':
    case 'c':
        a.s[sizeof a.s - 1] = 0;
        printf("a=[");
        put_bytes(a.s, strnlen(a.s, 64));
        printf("]");
        break;
    case 'd': printf("a=%a", a.d); break;
    default: printf("a=%llx", a.ll); break;
    }
    printf(" b=%llx", b.ll);
}

/* regex: fields pattern, cflags, eflags, subject. */
static void fam_regex(void)
{
    regex_t re;
    regmatch_t m[4];
    int cflags = (int)num(2) & (REG_EXTENDED | REG_ICASE | REG_NEWLINE | REG_NOSUB);
    int eflags = (int)num(3) & (REG_NOTBOL | REG_NOTEOL);
    int rc = regcomp(&re, field[1], cflags);
    printf("c=%d", rc);
    if (rc) {
        char msg[128];
        regerror(rc, &re, msg, sizeof msg);
        printf(" %s", msg);
        return;
    }
    printf(" nsub=%zu", re.re_nsub);
    rc = regexec(&re, field[4], 4, m, eflags);
    printf(" x=%d", rc);
    for (int i = 0; rc == 0 && i < 4 && !(cflags & REG_NOSUB); i++)
        printf(" %d,%d", (int)m[i].rm_so, (int)m[i].rm_eo);
    regfree(&re);
}

/* dns: fields kind (name, wire), bytes. */
static void fam_dns(void)
{
    if (!strcmp(field[1], "name")) {
        const char *name = field[2];
        unsigned char wire[NS_MAXCDNAME + 8];
        errno = 0;
        int r = ns_name_pton(name, wire, sizeof wire);
        printf("pton=%d %s", r, r < 0 ? errname(errno) : "");
        if (r >= 0) {
            char back[NS_MAXDNAME + 8];
            int k = ns_name_ntop(wire, back, sizeof back);
            printf(" ntop=%d [", k);
            if (k >= 0)
                put_str(back);
            printf("]");
        }
        printf(" ok=%d%d%d%d labels=%d", res_hnok(name), res_dnok(name), res_mailok(name), res_ownok(name),
               dn_count_labels(name));
        return;
    }
    const unsigned char *msg = (const unsigned char *)field[2];
    size_t len = flen[2];
    const unsigned char *p = msg;
    errno = 0;
    int r = ns_name_skip(&p, msg + len);
    printf("skip=%d/%d dn_skipname=%d", r, (int)(p - msg), dn_skipname(msg, msg + len));
    for (size_t at = 0; at < len && at < 4; at++) {
        char out[NS_MAXDNAME + 8];
        int k = dn_expand(msg, msg + len, msg + at, out, sizeof out);
        printf(" expand@%zu=%d", at, k);
        if (k >= 0) {
            printf("[");
            put_str(out);
            printf("]");
        }
    }
}

/* etc: fields kind (shadow, gshadow, gshadow_file), line(s), buffer
 * size. (fgetpwent_r, fgetgrent_r and fgetspent_r would belong here: the
 * shim does not export them yet, and musl has none.) */
static void fam_etc(void)
{
    const char *kind = field[1], *line = field[2];
    size_t size = (size_t)num(3);
    char *buf = malloc(size ? size : 1);
    int r;
    /* glibc's s*_r return errno as it finds it for a line they cannot
     * parse: the same on both sides. */
    errno = 0;
    if (!strcmp(kind, "shadow")) {
        struct spwd e, *res = NULL;
        r = sgetspent_r(line, &e, buf, size, &res);
        printf("r=%d", r);
        if (res) {
            printf(" [");
            put_str(res->sp_namp);
            printf("|");
            put_str(res->sp_pwdp);
            printf("] %ld %ld %ld %ld %ld %ld %lx", res->sp_lstchg, res->sp_min, res->sp_max, res->sp_warn,
                   res->sp_inact, res->sp_expire, res->sp_flag);
        }
    } else if (!strcmp(kind, "gshadow")) {
        struct sgrp e, *res = NULL;
        r = sgetsgent_r(line, &e, buf, size, &res);
        printf("r=%d", r);
        if (res) {
            printf(" [");
            put_str(res->sg_namp);
            printf("|");
            put_str(res->sg_passwd);
            printf("]");
            for (char **m = res->sg_adm; *m; m++) {
                printf(" a:");
                put_str(*m);
            }
            for (char **m = res->sg_mem; *m; m++) {
                printf(" m:");
                put_str(*m);
            }
        }
    } else {
        /* gshadow_file: the lines through fgetsgent_r, as a file reads. */
        FILE *f = fmemopen((void *)line, strlen(line), "r");
        if (!f) {
            printf("fmemopen failed");
            free(buf);
            return;
        }
        for (int k = 0; k < 4; k++) {
            struct sgrp e, *res = NULL;
            r = fgetsgent_r(f, &e, buf, size, &res);
            printf(" r=%d", r);
            if (res) {
                printf(" [");
                put_str(res->sg_namp);
                for (char **m = res->sg_mem; *m; m++) {
                    printf("|");
                    put_str(*m);
                }
                printf("]");
            }
            if (r && r != ERANGE)
                break;
        }
        fclose(f);
    }
    free(buf);
}

/* getopt: fields optstring, argv joined by \x01. getopt_long with a few
 * long options. */
static void fam_getopt(void)
{
    static const struct option longs[] = {
        {"alpha", no_argument, NULL, 'a'},
        {"beta", required_argument, NULL, 'b'},
        {"gamma", optional_argument, NULL, 'g'},
        {"alps", no_argument, NULL, 1},
        {NULL, 0, NULL, 0},
    };
    char *argv[34];
    int argc = 0;
    argv[argc++] = "prog";
    char *s = field[2];
    while (argc < 33) {
        argv[argc++] = s;
        char *sep = strchr(s, '\x01');
        if (!sep)
            break;
        *sep = 0;
        s = sep + 1;
    }
    argv[argc] = NULL;
    if (!*field[2])
        argc = 1;
    optind = 0;
    opterr = 0;
    int c, idx = -1, k = 0;
    while ((c = getopt_long(argc, argv, field[1], longs, &idx)) != -1 && k++ < 40) {
        printf("%d/%d/%d/", c, optopt, idx);
        put_str(optarg);
        printf(" ");
        idx = -1;
    }
    printf("end optind=%d:", optind);
    for (int i = 1; i < argc; i++) {
        printf(" ");
        put_str(argv[i]);
    }
}

/* num: fields function, text, base or format. */
static void fam_num(void)
{
    const char *fn = field[1], *text = field[2];
    char *end = NULL;
    errno = 0;
    if (!strcmp(fn, "strtol")) {
        long v = strtol(text, &end, (int)num(3));
        printf("%ld", v);
    } else if (!strcmp(fn, "strtoul")) {
        unsigned long v = strtoul(text, &end, (int)num(3));
        printf("%lu", v);
    } else if (!strcmp(fn, "strtoll")) {
        long long v = strtoll(text, &end, (int)num(3));
        printf("%lld", v);
    } else if (!strcmp(fn, "strtod")) {
        double v = strtod(text, &end);
        printf("%a", v);
    } else if (!strcmp(fn, "strtof")) {
        float v = strtof(text, &end);
        printf("%a", (double)v);
    } else if (!strcmp(fn, "strtold")) {
        long double v = strtold(text, &end);
        printf("%La", v);
    } else if (!strcmp(fn, "strfromd")) {
        char out[128];
        int r = strfromd(out, sizeof out, field[3], strtod(text, NULL));
        printf("%d [", r);
        if (r >= 0)
            put_str(out);
        printf("]");
        return;
    } else if (!strcmp(fn, "strfromf")) {
        char out[128];
        int r = strfromf(out, sizeof out, field[3], strtof(text, NULL));
        printf("%d [", r);
        if (r >= 0)
            put_str(out);
        printf("]");
        return;
    }
    printf(" end=%d e=%s", end ? (int)(end - text) : -1, errname(errno));
}

int main(void)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, stdin)) > 0) {
        if (line[n - 1] == '\n')
            line[--n] = 0;
        nfields = 0;
        char *s = line;
        while (nfields < MAXF) {
            field[nfields] = s;
            char *tab = strchr(s, '\t');
            if (tab)
                *tab = 0;
            flen[nfields] = unescape(field[nfields]);
            nfields++;
            if (!tab)
                break;
            s = tab + 1;
        }
        for (int k = nfields; k < MAXF; k++) {
            field[k] = "";
            flen[k] = 0;
        }
        const char *fam = field[0];
        if (!strcmp(fam, "printf"))
            fam_printf();
        else if (!strcmp(fam, "scanf"))
            fam_scanf();
        else if (!strcmp(fam, "regex"))
            fam_regex();
        else if (!strcmp(fam, "dns"))
            fam_dns();
        else if (!strcmp(fam, "etc"))
            fam_etc();
        else if (!strcmp(fam, "getopt"))
            fam_getopt();
        else if (!strcmp(fam, "num"))
            fam_num();
        else
            printf("unknown family");
        putchar('\n');
        fflush(stdout);
    }
    free(line);
    return 0;
}
