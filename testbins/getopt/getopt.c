// cases: basic permute plus posixly inorder colon errors opterr reuse long longerr longonly exact dashdash wopt edge
/* glibc's getopt, getopt_long and getopt_long_only, for a glibc-built caller:
 * - argv is permuted so that options may follow operands; "--" ends them;
 * - a leading '+' in the optstring, or POSIXLY_CORRECT in the environment,
 *   stops at the first non-option; a leading '-' returns each non-option as
 *   option 1 with optarg;
 * - a leading ':' returns ':' for a missing argument and prints nothing;
 *   opterr = 0 prints nothing either; "x::" takes an optional argument;
 * - optind = 0 re-initialises (and re-reads the optstring's prefix and
 *   POSIXLY_CORRECT); optind = 1 only rewinds;
 * - long options abbreviate to a unique prefix, prefer an exact match, and
 *   are ambiguous only between options that mean different things
 *   (getopt_long_only: any two); "--opt=value", has_arg 0/1/2, flag
 *   pointers and longindex; "-W foo" is "--foo" with "W;" in the optstring;
 * - glibc's messages on stderr, argv[0] naming the program.
 * Each scan prints every return value with optind, optopt, optarg and
 * longindex, then the final argv order. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum mode { SHORT, LONG, LONG_ONLY };

static int flag;

static const struct option longs[] = {
    { "verbose", no_argument, NULL, 'v' },
    { "version", no_argument, NULL, 'R' },
    { "value", required_argument, NULL, 'V' },
    { "optional", optional_argument, NULL, 'o' },
    { "flag", no_argument, &flag, 42 },
    { "color", optional_argument, NULL, 'C' },
    { "colour", optional_argument, NULL, 'C' },
    { "alpha", no_argument, NULL, 'A' },
    { NULL, 0, NULL, 0 },
};

static void show(int c)
{
    if (c > 32 && c < 127)
        printf("'%c'", c);
    else
        printf("%d", c);
}

/* One scan to the end; argv is NULL-terminated. optind is not reset here. */
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
        printf("  ");
        show(c);
        printf(" optind=%d optopt=", optind);
        show(optopt);
        printf(" optarg=%s", optarg ? optarg : "(null)");
        if (index >= 0)
            printf(" longindex=%d", index);
        if (flag) {
            printf(" flag=%d", flag);
            flag = 0;
        }
        printf("\n");
        if (c == -1)
            break;
    }
    printf("  argv:");
    for (int i = 0; i < argc; i++)
        printf(" %s", argv[i]);
    printf("\n");
}

#define ARGV(...) ((char *[]){ "prog", __VA_ARGS__, NULL })

static void basic(void)
{
    optind = 0;
    scan("grouped, attached, optional", ARGV("-a", "-b", "x", "-cfoo", "-c", "file1", "-ab", "y", "-bz", "--", "-a", "rest"), "ab:c::", SHORT);
}

static void permute(void)
{
    optind = 0;
    scan("operands first", ARGV("x", "-a", "y", "-b", "z", "w", "--", "-a"), "ab:", SHORT);
    optind = 0;
    scan("options last", ARGV("one", "two", "three", "-a", "-b", "v"), "ab:", SHORT);
    optind = 0;
    scan("dash alone is an operand", ARGV("-", "-a", "-", "x"), "ab:", SHORT);
    optind = 0;
    scan("no options", ARGV("x", "y"), "ab:", SHORT);
}

static void plus(void)
{
    optind = 0;
    scan("plus stops", ARGV("-a", "x", "-b", "y"), "+ab:", SHORT);
    optind = 0;
    scan("plus with long", ARGV("--verbose", "x", "--value", "y"), "+v", LONG);
}

static void posixly(void)
{
    setenv("POSIXLY_CORRECT", "1", 1);
    optind = 0;
    scan("POSIXLY_CORRECT", ARGV("-a", "x", "-b", "y"), "ab:", SHORT);
    optind = 0;
    scan("POSIXLY_CORRECT long", ARGV("--verbose", "x", "--alpha"), "", LONG);
    unsetenv("POSIXLY_CORRECT");
    optind = 1; /* no re-initialisation: still in order */
    scan("after unsetenv, optind=1", ARGV("-a", "x", "-b", "y"), "ab:", SHORT);
    optind = 0; /* re-initialised: permutes again */
    scan("after unsetenv, optind=0", ARGV("-a", "x", "-b", "y"), "ab:", SHORT);
}

static void inorder(void)
{
    optind = 0;
    scan("minus returns operands", ARGV("x", "-a", "y", "-b", "v", "z", "--", "w", "-a"), "-ab:", SHORT);
    optind = 0;
    scan("minus with long", ARGV("x", "--verbose", "y"), "-", LONG);
}

static void colon(void)
{
    optind = 0;
    scan("colon", ARGV("-z", "-a", "-b"), ":ab:", SHORT);
    optind = 0;
    scan("plus colon", ARGV("-z", "x", "-b"), "+:ab:", SHORT);
    optind = 0;
    scan("minus colon", ARGV("x", "-q", "-b"), "-:b:", SHORT);
    optind = 0;
    scan("colon long", ARGV("--nope", "--verbose=1", "--value"), ":v", LONG);
}

static void errors(void)
{
    optind = 0;
    scan("invalid and missing", ARGV("-z", "x", "-az", "-b"), "ab:", SHORT);
    optind = 0;
    scan("colon and semicolon are never options", ARGV("-:", "-;", "-a"), "a:;", SHORT);
    optind = 0;
    scan("long errors", ARGV("--nope", "--nope=1", "--verbose=no", "--ve", "--col", "--c=1", "--value"), "", LONG);
}

static void quiet(void)
{
    opterr = 0;
    optind = 0;
    scan("opterr=0", ARGV("-z", "-b"), "ab:", SHORT);
    optind = 0;
    scan("opterr=0 long", ARGV("--nope", "--ve", "--verbose=x", "--value"), "", LONG);
    opterr = 1;
}

static void reuse(void)
{
    optind = 0;
    scan("first", ARGV("x", "-a"), "ab", SHORT);
    optind = 1;
    scan("optind=1", ARGV("-b", "y", "-a"), "ab", SHORT);
    optind = 0;
    scan("plus then", ARGV("-a", "x", "-b"), "+ab", SHORT);
    optind = 1; /* keeps REQUIRE_ORDER from the last initialisation */
    scan("optind=1 keeps the ordering", ARGV("-a", "x", "-b"), "ab", SHORT);
    optind = 0;
    scan("optind=0 re-reads it", ARGV("-a", "x", "-b"), "ab", SHORT);
    /* Stop half-way through a group, then restart. */
    optind = 0;
    char **argv = ARGV("-abc", "x");
    int c = getopt(3, argv, "abc");
    printf("half-way: ");
    show(c);
    printf(" optind=%d\n", optind);
    optind = 0;
    scan("restart after half-way", argv, "abc", SHORT);
}

static void long_(void)
{
    optind = 0;
    scan("long forms", ARGV("--verbose", "op1", "--value=1", "--value", "2", "--opt", "--optional=x", "--flag", "--col=auto", "--colour", "--vers", "--alpha", "-v", "op2", "--value"), "vV:", LONG);
    optind = 0;
    scan("long value that looks like an option", ARGV("--value", "--verbose", "--value=", "-V", "-x"), "V:", LONG);
}

static void longerr(void)
{
    optind = 0;
    scan("optional long without value", ARGV("--optional", "val"), "", LONG);
    optind = 0;
    scan("empty name", ARGV("--=x"), "", LONG);
}

static void longonly(void)
{
    optind = 0;
    scan("long only", ARGV("-verbose", "-v", "-val=3", "-a", "-ab", "q", "-alp", "--alpha", "-col", "-x", "-nope", "--nope", "-fl"), "ab:v", LONG_ONLY);
    optind = 0;
    scan("long only, short letter that is not short", ARGV("-o", "-f", "-zz"), "z", LONG_ONLY);
}

static void exact(void)
{
    static const struct option pair[] = {
        { "foo", no_argument, NULL, 'f' },
        { "foobar", no_argument, NULL, 'F' },
        { "fooey", required_argument, NULL, 'y' },
        { NULL, 0, NULL, 0 },
    };
    char **argv = ARGV("--foo", "--foob", "--fooe=1", "--foo=1", "--fo");
    int index = -1, c;
    printf("[exact]\n");
    optind = 0;
    while ((c = getopt_long(6, argv, "", pair, &index)) != -1) {
        printf("  ");
        show(c);
        printf(" optind=%d longindex=%d optarg=%s\n", optind, index, optarg ? optarg : "(null)");
        index = -1;
    }
}

static void dashdash(void)
{
    optind = 0;
    scan("dashdash after options", ARGV("-a", "--", "-b"), "ab", SHORT);
    optind = 0;
    scan("dashdash after operands", ARGV("x", "--", "y", "-a"), "ab", SHORT);
    optind = 0;
    scan("dashdash alone", ARGV("--"), "ab", SHORT);
    optind = 0;
    scan("operand dashdash option", ARGV("x", "-a", "--", "-b", "y"), "ab", SHORT);
    optind = 0;
    scan("long dashdash", ARGV("x", "--verbose", "--", "--alpha"), "", LONG);
}

static void wopt(void)
{
    optind = 0;
    scan("W semicolon", ARGV("-W", "verbose", "-Wvalue=3", "-W", "vers", "-W", "value", "x", "-Wnope", "-W", "ve", "-aW", "alpha", "-W"), "aW;", LONG);
    optind = 0;
    scan("W semicolon, plain getopt", ARGV("-W", "x"), "W;", SHORT);
    optind = 0;
    scan("W semicolon colon", ARGV("-W"), ":W;", LONG);
}

static void edge(void)
{
    optind = 0;
    scan("program name only", ARGV(NULL), "ab", SHORT);
    optind = 0;
    int c = getopt(0, ARGV(NULL), "ab");
    printf("argc 0: %d optind=%d\n", c, optind);
    optind = 0;
    scan("high byte", ARGV("-\xe9"), "a", SHORT);
}

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    const char *c = argv[1];
    if (!strcmp(c, "basic")) basic();
    else if (!strcmp(c, "permute")) permute();
    else if (!strcmp(c, "plus")) plus();
    else if (!strcmp(c, "posixly")) posixly();
    else if (!strcmp(c, "inorder")) inorder();
    else if (!strcmp(c, "colon")) colon();
    else if (!strcmp(c, "errors")) errors();
    else if (!strcmp(c, "opterr")) quiet();
    else if (!strcmp(c, "reuse")) reuse();
    else if (!strcmp(c, "long")) long_();
    else if (!strcmp(c, "longerr")) longerr();
    else if (!strcmp(c, "longonly")) longonly();
    else if (!strcmp(c, "exact")) exact();
    else if (!strcmp(c, "dashdash")) dashdash();
    else if (!strcmp(c, "wopt")) wopt();
    else if (!strcmp(c, "edge")) edge();
    else return 2;
    return 0;
}
