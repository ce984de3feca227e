// cases: basic cluster abbrev ambig unknown_long unknown_short missing missing_long noarg optional toomany toomany_err end_index in_order no_args argv0 argv0_noerrs no_errs no_help no_exit_help long_only silent args next_back error failure failure_exit usage_call progname posixly quoted child_input init_error version version_hook no_version exit_status opt_error wrapper wrapper_long neg_key alias_long null_argp consume hang progname_argv0
// cflags: -D_GNU_SOURCE
/* argp_parse as glibc does it, for a glibc-built caller. Each case (argv[1])
 * picks an argument vector and flags; every call of every parser prints its
 * key, argument, state->next, arg_num, quoted, argc, input and hook, so the
 * order of ARGP_KEY_INIT, options, ARG/ARGS, NO_ARGS, END, SUCCESS/ERROR
 * and FINI, children's inputs, argv permutation and end_index all show.
 * Errors come from glibc's getopt ("prog: unrecognized option '--x'"),
 * argp ("Try `prog --help' or `prog --usage' for more information.") and
 * the program (argp_error, argp_failure, argp_usage); exit statuses are
 * argp_err_exit_status's. */
#include <argp.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *case_name;
static int take_args = 2;      /* operands the main parser accepts */
static int use_args_key;       /* take operands as ARGP_KEY_ARGS */

static const char *key_name(int key, char *buf)
{
    switch (key) {
    case ARGP_KEY_ARG: return "ARG";
    case ARGP_KEY_ARGS: return "ARGS";
    case ARGP_KEY_END: return "END";
    case ARGP_KEY_NO_ARGS: return "NO_ARGS";
    case ARGP_KEY_INIT: return "INIT";
    case ARGP_KEY_SUCCESS: return "SUCCESS";
    case ARGP_KEY_ERROR: return "ERROR";
    case ARGP_KEY_FINI: return "FINI";
    }
    if (key > ' ' && key < 127)
        sprintf(buf, "'%c'", key);
    else
        sprintf(buf, "%d", key);
    return buf;
}

static void show(const char *who, int key, char *arg, struct argp_state *state)
{
    char buf[32];
    printf("%s %s arg=%s next=%d arg_num=%u quoted=%d argc=%d input=%s hook=%s",
           who, key_name(key, buf), arg ? arg : "(none)", state->next, state->arg_num,
           state->quoted, state->argc, state->input ? (char *)state->input : "-",
           state->hook ? (char *)state->hook : "-");
    if (key == ARGP_KEY_INIT)
        printf(" name=%s", state->name ? state->name : "(null)");
    printf("\n");
}

static struct argp_option child_options[] = {
    { "child", 'c', "VAL", 0, "A child option", 0 },
    { "verbose", 'v', 0, 0, "Shadowed by the parent's", 0 },
    { 0 }
};

static error_t child_parser(int key, char *arg, struct argp_state *state)
{
    show("child", key, arg, state);
    switch (key) {
    case 'c':
        if (strcmp(arg, "bad") == 0)
            argp_error(state, "bad child value `%s'", arg);
        return 0;
    case ARGP_KEY_INIT:
        state->hook = "child-hook";
        return 0;
    case ARGP_KEY_ARG:
        if (strcmp(case_name, "child_input") == 0 && strcmp(arg, "kid") == 0)
            return 0;
        return ARGP_ERR_UNKNOWN;
    }
    return ARGP_ERR_UNKNOWN;
}

static struct argp child_argp = { child_options, child_parser, "CHILDARG", "Child doc." };

static struct argp_child children[] = {
    { &child_argp, 0, "Child options:", 0 },
    { 0 }
};

enum { OPT_COLOR = 300, OPT_FAIL };

static struct argp_option options[] = {
    { "verbose", 'v', 0, 0, "Produce verbose output", 0 },
    { "quiet", 'q', 0, 0, "Don't produce any output", 0 },
    { "silent", 's', 0, OPTION_ALIAS, 0, 0 },
    { "output", 'o', "FILE", 0, "Output to FILE", 0 },
    { "level", 'l', "N", OPTION_ARG_OPTIONAL, "Level", 0 },
    { "color", OPT_COLOR, "WHEN", 0, "Colorize", 0 },
    { "colour", 0, 0, OPTION_ALIAS, 0, 0 },
    { "negative", -5, 0, 0, "A negative key", 0 },
    { "take", 't', 0, 0, "Take the next argument too", 0 },
    { "fail", OPT_FAIL, "HOW", 0, "Fail in a given way", 0 },
    { 0 }
};

static error_t parser(int key, char *arg, struct argp_state *state)
{
    show("main", key, arg, state);
    switch (key) {
    case 'v': case 'q': case 'o': case 'l': case OPT_COLOR: case -5:
        return 0;
    case 't':
        if (state->next < state->argc)
            printf("  took %s\n", state->argv[state->next++]);
        return 0;
    case OPT_FAIL:
        if (strcmp(arg, "error") == 0)
            argp_error(state, "failing with %s (%d)", arg, 42);
        else if (strcmp(arg, "failure") == 0)
            argp_failure(state, 0, ENOENT, "cannot open %s", "thing");
        else if (strcmp(arg, "failure_exit") == 0)
            argp_failure(state, 3, 0, "fatal: %s", arg);
        else if (strcmp(arg, "nomsg") == 0)
            argp_failure(state, 0, EACCES, NULL);
        else if (strcmp(arg, "usage") == 0)
            argp_usage(state);
        else if (strcmp(arg, "back") == 0 && state->hook == 0) {
            /* Parse this option again, once. */
            state->hook = "reparsed";
            state->next -= 2;
        } else if (strcmp(arg, "einval") == 0)
            return EINVAL;
        return 0;
    case ARGP_KEY_INIT:
        state->child_inputs[0] = "from-parent";
        return 0;
    case ARGP_KEY_ARG:
        if (use_args_key)
            return ARGP_ERR_UNKNOWN;
        if ((int)state->arg_num >= take_args)
            return ARGP_ERR_UNKNOWN;
        return 0;
    case ARGP_KEY_ARGS:
        if (strcmp(case_name, "toomany_err") == 0)
            return ARGP_ERR_UNKNOWN;
        printf("  ARGS from %d:", state->next);
        for (int i = state->next; i < state->argc; i++)
            printf(" %s", state->argv[i]);
        printf("\n");
        if (strcmp(case_name, "args") == 0)
            state->next = state->argc - 1; /* leave the last one */
        return 0;
    case ARGP_KEY_END:
        if (strcmp(case_name, "usage_call") == 0 && state->arg_num < 1)
            argp_usage(state);
        return 0;
    case ARGP_KEY_NO_ARGS:
    case ARGP_KEY_SUCCESS:
    case ARGP_KEY_ERROR:
    case ARGP_KEY_FINI:
        return 0;
    }
    return ARGP_ERR_UNKNOWN;
}

static struct argp argp = { options, parser, "ARG1 ARG2", "A test program.", children };

static error_t init_error_parser(int key, char *arg, struct argp_state *state)
{
    show("init_error", key, arg, state);
    return key == ARGP_KEY_INIT ? ENOMEM : ARGP_ERR_UNKNOWN;
}

static struct argp init_error_argp = { 0, init_error_parser };

/* An argp with options but no parser, wrapping the main one: its input
 * goes to its first child, and its own option is a program error. */
static struct argp_option wrap_options[] = {
    { "wrap", 'W', 0, 0, "Nobody parses this", 0 },
    { 0 }
};
static struct argp_child wrap_children[] = { { &argp, 0, 0, 0 }, { 0 } };
static struct argp wrap_argp = { wrap_options, 0, 0, 0, wrap_children };

static void version_hook(FILE *stream, struct argp_state *state)
{
    fprintf(stream, "hooked version, next=%d name=%s\n", state->next, state->name);
}

struct testcase {
    const char *name;
    unsigned flags;
    const char *argv[12];
};

static const struct testcase cases[] = {
    { "basic", 0, { "prog", "-v", "a1", "-o", "f", "a2", "--level=3", "-l", "--", "-q" } },
    { "cluster", 0, { "prog", "-vqofile", "-l5", "x", "-s" } },
    { "abbrev", 0, { "prog", "--verb", "--out", "x", "--lev", "--lev=2", "--col=auto" } },
    { "ambig", 0, { "prog", "--c", "x" } },
    { "unknown_long", 0, { "prog", "a", "--nope", "b" } },
    { "unknown_short", 0, { "prog", "-vz" } },
    { "missing", 0, { "prog", "a", "-o" } },
    { "missing_long", 0, { "prog", "--output" } },
    { "noarg", 0, { "prog", "--verbose=1" } },
    { "optional", 0, { "prog", "-l", "x", "--level", "y" } },
    { "toomany", 0, { "prog", "a", "b", "c", "d" } },
    { "toomany_err", 0, { "prog", "a", "b", "c", "d" } },
    { "end_index", 0, { "prog", "a", "-v", "b", "c", "-q", "d" } },
    { "in_order", ARGP_IN_ORDER, { "prog", "a", "-v", "b", "-q" } },
    { "no_args", ARGP_NO_ARGS, { "prog", "-v", "a", "-q" } },
    { "argv0", ARGP_PARSE_ARGV0, { "dir/prog", "-v", "a" } },
    { "argv0_noerrs", ARGP_PARSE_ARGV0 | ARGP_NO_ERRS, { "first", "-v", "a", "--bad" } },
    { "no_errs", ARGP_NO_ERRS, { "prog", "--bad", "a" } },
    { "no_help", ARGP_NO_HELP, { "prog", "-v", "--help" } },
    { "no_exit_help", ARGP_NO_EXIT, { "prog", "--usage", "-v", "a" } },
    { "long_only", ARGP_LONG_ONLY, { "prog", "-verbose", "-out", "f", "-v", "-x" } },
    { "silent", ARGP_SILENT, { "prog", "-z", "--help", "a" } },
    { "args", 0, { "prog", "-v", "a", "b", "c" } },
    { "next_back", 0, { "prog", "--fail", "back", "a" } },
    { "error", 0, { "prog", "a", "--fail=error" } },
    { "failure", 0, { "prog", "--fail=failure", "--fail=nomsg", "a" } },
    { "failure_exit", 0, { "prog", "--fail=failure_exit", "a" } },
    { "usage_call", 0, { "prog", "-v" } },
    { "progname", 0, { "prog", "--program-name=/x/renamed", "--bogus" } },
    { "posixly", 0, { "prog", "-v", "a", "-q", "b" } },
    { "quoted", 0, { "prog", "a", "--", "-v", "--fail=einval" } },
    { "child_input", 0, { "prog", "-c", "v1", "kid", "--child=bad" } },
    { "init_error", 0, { "prog", "a" } },
    { "version", 0, { "prog", "-v", "--version", "a" } },
    { "version_hook", 0, { "prog", "-V" } },
    { "no_version", 0, { "prog", "--version" } },
    { "exit_status", 0, { "prog", "--nope" } },
    { "opt_error", 0, { "prog", "-v", "--fail=einval", "a" } },
    { "wrapper", 0, { "prog", "-v", "a", "-W" } },
    { "wrapper_long", 0, { "prog", "--wrap" } },
    { "neg_key", 0, { "prog", "--neg", "--negative" } },
    { "alias_long", 0, { "prog", "--colour=x", "--colo", "y" } },
    { "null_argp", 0, { "prog", "--usage" } },
    { "hang", 0, { "prog", "--HANG=0", "-v" } },
    { "progname_argv0", ARGP_PARSE_ARGV0, { "prog", "--program-name", "dir/other", "--bogus" } },
    { "consume", 0, { "prog", "-t", "-v", "a", "-tq", "b" } },
};

int main(int argc, char **argv)
{
    if (argc < 2)
        return 1;
    case_name = argv[1];
    const struct testcase *tc = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (strcmp(cases[i].name, case_name) == 0)
            tc = &cases[i];
    if (!tc)
        return 2;

    char *args[13];
    int n = 0;
    while (tc->argv[n]) {
        args[n] = strdup(tc->argv[n]);
        n++;
    }
    args[n] = 0;

    const struct argp *which = &argp;
    int end_index = -1;
    int *endp = 0;
    if (strcmp(case_name, "version") == 0)
        argp_program_version = "prog 1.2.3";
    if (strcmp(case_name, "version_hook") == 0)
        argp_program_version_hook = version_hook;
    if (strcmp(case_name, "posixly") == 0)
        setenv("POSIXLY_CORRECT", "1", 1);
    if (strcmp(case_name, "end_index") == 0 || strcmp(case_name, "no_args") == 0
        || strcmp(case_name, "in_order") == 0 || strcmp(case_name, "argv0_noerrs") == 0)
        endp = &end_index;
    if (strcmp(case_name, "end_index") == 0)
        take_args = 1;
    if (strcmp(case_name, "args") == 0)
        use_args_key = 1;
    if (strcmp(case_name, "init_error") == 0)
        which = &init_error_argp;
    if (strncmp(case_name, "wrapper", 7) == 0)
        which = &wrap_argp;
    if (strcmp(case_name, "null_argp") == 0)
        which = 0;
    if (strcmp(case_name, "exit_status") == 0)
        argp_err_exit_status = 7;

    error_t err = argp_parse(which, n, args, tc->flags, endp, "top-input");
    printf("argp_parse: %d (%s) end_index=%d\n", err, err ? strerror(err) : "ok", end_index);
    printf("argv:");
    for (int i = 0; i < n; i++)
        printf(" %s", args[i]);
    printf("\n");
    return 0;
}
