// cflags: -D_GNU_SOURCE
/* glibc's argz and envz vectors: every function, printed entry by entry
 * (NULs shown as |), with glibc's edge cases: empty fields, a trailing
 * separator, empty vectors as NULL/0, argz_insert before the middle of an
 * entry and outside the vector, argz_replace counts, null envz entries. */
#include <argz.h>
#include <envz.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void show(const char *what, const char *argz, size_t len)
{
    printf("%-22s len %2zu count %zu [", what, len, argz_count(argz, len));
    for (size_t i = 0; i < len; i++)
        putchar(argz[i] ? argz[i] : '|');
    printf("]%s\n", argz ? "" : " (null)");
}

int main(void)
{
    char *argz = NULL;
    size_t len = 0;
    char *const argv[] = { "one", "", "three", NULL };
    printf("create: %d\n", argz_create(argv, &argz, &len));
    show("create", argz, len);
    char *out[8];
    argz_extract(argz, len, out);
    for (int i = 0; out[i]; i++)
        printf("  extract[%d] = \"%s\"\n", i, out[i]);
    free(argz);

    const char *seps[] = { "a:b:c", "::a::b::", ":", "", "a:", "abc" };
    for (unsigned i = 0; i < sizeof seps / sizeof seps[0]; i++) {
        argz = (char *)1;
        printf("create_sep(\"%s\"): %d\n", seps[i], argz_create_sep(seps[i], ':', &argz, &len));
        show("  ->", argz, len);
        free(argz);
    }

    argz = NULL, len = 0;
    argz_add(&argz, &len, "first");
    argz_add_sep(&argz, &len, "x,,y,", ',');
    argz_add_sep(&argz, &len, "", ',');
    argz_append(&argz, &len, "p\0q", 4);
    show("add/add_sep/append", argz, len);
    for (char *e = NULL; (e = argz_next(argz, len, e));)
        printf("  next: \"%s\"\n", e);
    printf("next of empty: %p\n", (void *)argz_next(NULL, 0, NULL));

    printf("insert before mid-entry: %d\n", argz_insert(&argz, &len, argz + 2, "NEW"));
    show("insert", argz, len);
    printf("insert outside: %d\n", argz_insert(&argz, &len, argz + len + 5, "X") == EINVAL);
    printf("insert null before: %d\n", argz_insert(&argz, &len, NULL, "END"));
    show("insert end", argz, len);

    argz_delete(&argz, &len, argz_next(argz, len, argz));
    show("delete second", argz, len);
    argz_delete(&argz, &len, NULL);
    show("delete null", argz, len);

    unsigned count = 0;
    printf("replace: %d\n", argz_replace(&argz, &len, "x", "XXL", &count));
    show("replace x", argz, len);
    printf("  count %u\n", count);
    count = 0;
    printf("replace none: %d\n", argz_replace(&argz, &len, "zzz", "-", &count));
    show("replace none", argz, len);
    printf("  count %u\n", count);
    argz_replace(&argz, &len, "N", "", NULL);
    show("replace with empty", argz, len);

    char *copy = malloc(len);
    memcpy(copy, argz, len);
    argz_stringify(copy, len, ' ');
    printf("stringify: \"%.*s\"\n", (int)len, copy);
    free(copy);

    while (len)
        argz_delete(&argz, &len, argz);
    show("all deleted", argz, len);

    char *envz = NULL;
    size_t elen = 0;
    envz_add(&envz, &elen, "PATH", "/bin");
    envz_add(&envz, &elen, "HOME", "/root");
    envz_add(&envz, &elen, "NULLVAR", NULL);
    envz_add(&envz, &elen, "PATH", "/usr/bin");
    show("envz", envz, elen);
    printf("get PATH %s, HOME %s, NULLVAR %s, MISSING %s\n", envz_get(envz, elen, "PATH"), envz_get(envz, elen, "HOME"),
           envz_get(envz, elen, "NULLVAR") ? "value" : "(null)", envz_get(envz, elen, "MISSING") ? "value" : "(null)");
    printf("entry HOM: %s, entry HOME=x: %s\n", envz_entry(envz, elen, "HOM") ? "found" : "none",
           envz_entry(envz, elen, "HOME=x") ? "found" : "none");
    char *other = NULL;
    size_t olen = 0;
    envz_add(&other, &olen, "HOME", "/other");
    envz_add(&other, &olen, "NEW", "1");
    envz_merge(&envz, &elen, other, olen, 0);
    show("merge no override", envz, elen);
    envz_merge(&envz, &elen, other, olen, 1);
    show("merge override", envz, elen);
    envz_strip(&envz, &elen);
    show("strip", envz, elen);
    envz_remove(&envz, &elen, "PATH");
    envz_remove(&envz, &elen, "ABSENT");
    show("remove", envz, elen);
    free(envz);
    free(other);
    /* The double-underscore names argz.h also declares, called through
     * pointers so that the header's inline __argz_next is not used. */
    size_t (*old_count)(const char *, size_t) = __argz_count;
    char *(*old_next)(const char *, size_t, const char *) = __argz_next;
    void (*old_stringify)(char *, size_t, int) = __argz_stringify;
    char old[] = "one\0\0three";
    printf("__argz_count: %zu, of empty: %zu\n", old_count(old, sizeof old), old_count(NULL, 0));
    for (char *e = NULL; (e = old_next(old, sizeof old, e));)
        printf("__argz_next: [%s]\n", e);
    printf("__argz_next of empty: %p\n", (void *)old_next(NULL, 0, NULL));
    old_stringify(old, sizeof old, ',');
    printf("__argz_stringify: [%s]\n", old);
    old_stringify(NULL, 0, ',');
    return 0;
}
