/* confstr for a glibc-built caller: _CS_GNU_LIBC_VERSION names glibc
 * ("glibc 2.N") and _CS_GNU_LIBPTHREAD_VERSION NPTL ("NPTL 2.N"); the
 * return value is the string's size with its NUL; a small buffer gets a
 * truncated, terminated copy; a null buffer or zero length only measures.
 * The version itself may differ from the glibc running the oracle, so only
 * those properties are printed. Other names are musl's, as glibc's. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Through a pointer the compiler cannot see, so that fortify's
 * __confstr_chk is not involved here (testbins/unistd/chk.c tests that). */
static size_t (*volatile conf)(int, char *, size_t) = confstr;

static void version(const char *label, int name, const char *prefix)
{
    char buf[64], small[5] = "xxxx";
    size_t need = conf(name, NULL, 0);
    memset(buf, 'x', sizeof buf);
    size_t got = conf(name, buf, sizeof buf);
    printf("%s: measured == written %d, size is strlen+1 %d, starts with \"%s\" %d\n", label,
           need == got, got == strlen(buf) + 1, prefix, strncmp(buf, prefix, strlen(prefix)) == 0);
    size_t r = conf(name, small, sizeof small);
    printf("  into 5 bytes: returns size %d, \"%s\" (a prefix of it %d)\n", r == got, small,
           strncmp(small, buf, 4) == 0 && small[4] == 0);
    memset(small, 'y', 4);
    r = conf(name, small, 0);
    printf("  into 0 bytes: returns size %d, untouched %d\n", r == got, small[0] == 'y');
}

/* With a buffer of known size and a length the compiler cannot see, the
 * fortified headers call __confstr_chk, which must answer the same. */
static void checked(size_t len)
{
    char buf[64];
    size_t r = confstr(_CS_GNU_LIBC_VERSION, buf, len);
    printf("through __confstr_chk: size is strlen+1 %d, starts with \"glibc 2.\" %d\n",
           r == strlen(buf) + 1, strncmp(buf, "glibc 2.", 8) == 0);
}

int main(int argc, char **argv)
{
    (void)argv;
    checked(40 + (size_t)argc);
    version("_CS_GNU_LIBC_VERSION", _CS_GNU_LIBC_VERSION, "glibc 2.");
    version("_CS_GNU_LIBPTHREAD_VERSION", _CS_GNU_LIBPTHREAD_VERSION, "NPTL 2.");
    char buf[64];
    size_t r = conf(_CS_PATH, buf, sizeof buf);
    printf("_CS_PATH: %zu \"%s\"\n", r, buf);
    errno = 0;
    r = conf(-1, buf, sizeof buf);
    printf("bad name: %zu errno %s\n", r, errno == EINVAL ? "EINVAL" : "other");
    return 0;
}
