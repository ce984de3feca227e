// cases: strerror strerror_r basename perror
// cflags: -D_GNU_SOURCE
/* Names musl also has, with glibc's meaning for a glibc-built caller:
 * - strerror/strerror_l use glibc's texts ("Inappropriate ioctl for device"
 *   for ENOTTY, "Unknown error 1234" for an unknown value);
 * - strerror_r is GNU's: it returns the message (a static string, or the
 *   "Unknown error N" text written into buf, truncated to buflen);
 * - basename (<string.h>, _GNU_SOURCE) never writes to its argument and
 *   returns "" for a path ending in '/';
 * - perror prints "S: MESSAGE" with glibc's text, keeping errno. */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

static void show_strerror(void)
{
    int errs[] = { 0, EPERM, ENOENT, EAGAIN, ENOTTY, EDEADLK, ENOTSUP, EOWNERDEAD, EHWPOISON, 41, 58, 134, 1234, -1 };
    for (unsigned i = 0; i < sizeof errs / sizeof errs[0]; i++)
        printf("%d: %s\n", errs[i], strerror(errs[i]));
    locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    printf("strerror_l: %s / %s\n", strerror_l(ENOTTY, c), strerror_l(999, c));
    freelocale(c);
}

static void show_strerror_r(void)
{
    char buf[64] = "untouched", small[8] = "untouch";
    char *r = strerror_r(ENOENT, buf, sizeof buf);
    printf("known: %s, buf %s\n", r, r == buf ? "used" : "not used");
    r = strerror_r(4321, buf, sizeof buf);
    printf("unknown: %s, buf %s\n", r, r == buf ? "used" : "not used");
    r = strerror_r(4321, small, sizeof small);
    printf("truncated: \"%s\", buf %s\n", r, r == small ? "used" : "not used");
    r = strerror_r(EINVAL, small, sizeof small);
    printf("known into small: %s\n", r);
}

static void show_basename(void)
{
    const char *paths[] = { "/usr/lib", "/usr/", "usr", "/", "", "a/b/c.txt", "//x//" };
    for (unsigned i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        char copy[32];
        strcpy(copy, paths[i]);
        char *b = basename(copy);
        printf("\"%s\" -> \"%s\" (argument now \"%s\")\n", paths[i], b, copy);
    }
}

static void show_perror(void)
{
    errno = ENOTTY;
    perror("tty");
    errno = 777;
    perror("");
    errno = EACCES;
    perror(NULL);
    printf("errno kept: %d\n", errno);
}

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    if (!strcmp(argv[1], "strerror")) show_strerror();
    else if (!strcmp(argv[1], "strerror_r")) show_strerror_r();
    else if (!strcmp(argv[1], "basename")) show_basename();
    else if (!strcmp(argv[1], "perror")) show_perror();
    else return 2;
    return 0;
}
