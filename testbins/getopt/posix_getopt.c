// cases: order errors
// cflags: -D_POSIX_C_SOURCE=200809L
/* Under strict POSIX feature macros (no _GNU_SOURCE, no <getopt.h>),
 * glibc's <unistd.h> redirects getopt to __posix_getopt: glibc's getopt
 * without permutation (it stops at the first operand, as with
 * POSIXLY_CORRECT), still with glibc's messages. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void scan(const char *opts, char **argv)
{
    int argc = 0, c;
    while (argv[argc])
        argc++;
    optind = 0; /* glibc: re-initialise */
    printf("[%s]\n", opts);
    while ((c = getopt(argc, argv, opts)) != -1)
        printf("  %d optind=%d optopt=%d optarg=%s\n", c, optind, optopt, optarg ? optarg : "(null)");
    printf("  -1 optind=%d, argv:", optind);
    for (int i = 0; i < argc; i++)
        printf(" %s", argv[i]);
    printf("\n");
}

#define ARGV(...) ((char *[]){ "prog", __VA_ARGS__, NULL })

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    if (!strcmp(argv[1], "order")) {
        scan("ab:", ARGV("-a", "x", "-b", "y"));
        scan("ab:", ARGV("-ab", "v", "--", "-a"));
        scan("-ab", ARGV("x", "-a", "y"));
    } else if (!strcmp(argv[1], "errors")) {
        scan("ab:", ARGV("-z", "-b"));
        scan(":ab:", ARGV("-z", "-b"));
    } else return 2;
    return 0;
}
