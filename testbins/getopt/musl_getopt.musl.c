// cases: short long reuse
/* A musl-built caller keeps musl's getopt: POSIX's, stopping at the first
 * operand (no permutation), with musl's messages ("prog: unrecognized
 * option: z"); musl's getopt_long and getopt_long_only as musl has them.
 * The oracle is this program under musl 1.2.5 without the shim. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int flag;

static const struct option longs[] = {
    { "verbose", no_argument, NULL, 'v' },
    { "version", no_argument, NULL, 'R' },
    { "value", required_argument, NULL, 'V' },
    { "flag", no_argument, &flag, 42 },
    { NULL, 0, NULL, 0 },
};

enum mode { SHORT, LONG, LONG_ONLY };

static void scan(const char *title, char **argv, const char *opts, enum mode mode)
{
    int argc = 0;
    while (argv[argc])
        argc++;
    printf("[%s] %s\n", title, opts);
    for (;;) {
        int index = -1, c;
        if (mode == SHORT)
            c = getopt(argc, argv, opts);
        else if (mode == LONG)
            c = getopt_long(argc, argv, opts, longs, &index);
        else
            c = getopt_long_only(argc, argv, opts, longs, &index);
        printf("  %d optind=%d optopt=%d optarg=%s longindex=%d flag=%d\n", c, optind, optopt,
               optarg ? optarg : "(null)", index, flag);
        flag = 0;
        if (c == -1)
            break;
    }
    printf("  argv:");
    for (int i = 0; i < argc; i++)
        printf(" %s", argv[i]);
    printf("\n");
}

#define ARGV(...) ((char *[]){ "prog", __VA_ARGS__, NULL })

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    if (!strcmp(argv[1], "short")) {
        optind = 0;
        scan("stops at operand", ARGV("-a", "x", "-b", "y"), "ab:", SHORT);
        optind = 0;
        scan("messages", ARGV("-z", "-ab"), "ab:", SHORT);
        optind = 0;
        scan("missing", ARGV("-b"), "ab:", SHORT);
        optind = 0;
        scan("colon", ARGV("-z", "-b"), ":ab:", SHORT);
        optind = 0;
        scan("dashdash", ARGV("-a", "--", "-b"), "ab", SHORT);
    } else if (!strcmp(argv[1], "long")) {
        optind = 0;
        scan("long", ARGV("--verbose", "x", "--value=1", "--flag", "--verb", "--nope", "--value"), "v", LONG);
        optind = 0;
        scan("ambiguous", ARGV("--ve", "--verbose=1"), "", LONG);
        optind = 0;
        scan("long only", ARGV("-verbose", "-v", "-valu", "3"), "v", LONG_ONLY);
    } else if (!strcmp(argv[1], "reuse")) {
        optind = 0;
        scan("first", ARGV("-a", "x"), "ab", SHORT);
        optind = 1;
        scan("optind=1", ARGV("-b", "-a"), "ab", SHORT);
    } else return 2;
    return 0;
}
