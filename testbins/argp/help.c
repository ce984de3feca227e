// cases: help help_short usage see version bugs fmt fmt_dup fmt_narrow fmt_bad fmt_garbage fmt_novalue direct direct_flags filter filter_state nested nested_usage plain plain_usage longdoc longdoc_usage doconly state_help_noexit misc misc_usage misc_fmt
// cflags: -D_GNU_SOURCE
/* argp's help output as glibc lays it out, byte for byte: the "Usage:" line
 * with [-abc] clusters, [-x ARG], [--long=ARG] wrapped at 79 columns with a
 * 12-column indent, alternative args_doc lines ("  or: "), the option table
 * (short options at column 2, long at 6, docs at 29, wrapped), groups and
 * group headers, child clusters with headers, aliases, hidden, doc-only and
 * no-usage options, the dup-args note, doc strings split at '\v', help
 * filters (every key, with the child's input), "Report bugs to ...",
 * ARGP_HELP_FMT (columns, booleans, and its complaints), argp_help called
 * directly with each flag, and argp_state_help without exiting. */
#include <argp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *case_name;

/* --- the main test tree ------------------------------------------------ */

enum { OPT_COLOR = 300, OPT_TABS, OPT_LONGNAME, OPT_HID };

static struct argp_option options[] = {
    { "verbose", 'v', 0, 0, "Produce verbose output", 0 },
    { "quiet", 'q', 0, 0, "Don't produce any output", 0 },
    { "silent", 's', 0, OPTION_ALIAS, 0, 0 },
    { "output", 'o', "FILE", 0, "Output to FILE instead of standard output, which is what happens by default", 0 },
    { "level", 'l', "N", OPTION_ARG_OPTIONAL, "Set the level to N (default 1); this text is deliberately long enough to wrap over several lines of the option table", 0 },
    { "color", OPT_COLOR, "WHEN", OPTION_ARG_OPTIONAL, "Colorize the output; WHEN can be 'always', 'never' or 'auto'", 0 },
    { "colour", 0, 0, OPTION_ALIAS, 0, 0 },
    { "hidden", OPT_HID, 0, OPTION_HIDDEN, "You cannot see me", 0 },
    { "a-very-long-option-name-indeed", OPT_LONGNAME, "SOMEVALUE", 0, "Pushes the doc to the next line", 0 },
    { 0, 0, 0, 0, "Formatting options:", 5 },
    { "tabs", OPT_TABS, "N", 0, "Tab width", 0 },
    { "width", 'w', "COLS", OPTION_NO_USAGE, "Line width (not in usage)", 0 },
    { "Width", 'W', 0, 0, "Capital letter sorts after its lower case", 0 },
    { "x-mode", 'x', 0, OPTION_NO_USAGE, "No usage for this flag", 0 },
    { 0, 0, 0, 0, "Examples:", 9 },
    { "EXAMPLE", 0, 0, OPTION_DOC, "A documentation entry that does not look like an option", 0 },
    { "-Z, --zzz", 0, 0, OPTION_DOC, "A documentation entry that looks like one", 0 },
    { 0, 'V', 0, 0, "Short only, sorts by its letter", -2 },
    { 0 }
};

static struct argp_option child1_options[] = {
    { "child", 'c', "VAL", 0, "A child option", 0 },
    { "verbose", 'v', 0, 0, "Shadowed short option and long name", 0 },
    { "both", 'b', "ARG", 0, "Takes an argument", 0 },
    { 0 }
};

static struct argp_option child2_options[] = {
    { "merged", 'm', 0, 0, "Merged into the parent's options (no header, no group)", 0 },
    { 0 }
};

static struct argp_option grandchild_options[] = {
    { "deep", 'd', "LEVEL", OPTION_ARG_OPTIONAL, "A grandchild option", 0 },
    { 0 }
};

static struct argp grandchild_argp = { grandchild_options, 0, "[DEEP...]", "Grandchild doc before.\vGrandchild doc after." };

static struct argp_child child1_children[] = {
    { &grandchild_argp, 0, "Grandchild options:", 0 },
    { 0 }
};

static struct argp child1_argp = { child1_options, 0, "CHILD-ARG\nOTHER-CHILD-ARG", "Child one doc.\vChild one after.", child1_children };
static struct argp child2_argp = { child2_options, 0, 0, 0 };

static struct argp_child children[] = {
    { &child1_argp, 0, "Child options:", 2 },
    { &child2_argp, 0, 0, 0 },
    { 0 }
};

static error_t parser(int key, char *arg, struct argp_state *state)
{
    (void)arg;
    if (key == ARGP_KEY_INIT) {
        if (state->root_argp->children && state->root_argp->children[0].argp->children)
            state->child_inputs[0] = "input-of-child-one";
        if (strcmp(case_name, "filter_state") == 0)
            argp_state_help(state, stdout, ARGP_HELP_STD_HELP & ~ARGP_HELP_EXIT_OK);
        if (strcmp(case_name, "state_help_noexit") == 0) {
            argp_state_help(state, stdout, ARGP_HELP_USAGE | ARGP_HELP_EXIT_OK);
            printf("still here\n");
        }
        return 0;
    }
    return key == ARGP_KEY_ARG || key > 0 ? 0 : ARGP_ERR_UNKNOWN;
}

static char *filter(int key, const char *text, void *input)
{
    char buf[512];
    switch (key) {
    case ARGP_KEY_HELP_PRE_DOC:
        snprintf(buf, sizeof buf, "[pre:%s]", text ? text : "NULL");
        return strdup(buf);
    case ARGP_KEY_HELP_POST_DOC:
        snprintf(buf, sizeof buf, "[post:%s] input=%s", text ? text : "NULL", input ? (char *)input : "none");
        return strdup(buf);
    case ARGP_KEY_HELP_HEADER:
        if (text && strcmp(text, "Examples:") == 0)
            return NULL; /* drop this header */
        snprintf(buf, sizeof buf, "<%s>", text);
        return strdup(buf);
    case ARGP_KEY_HELP_EXTRA:
        return strdup("Extra text from the filter.");
    case ARGP_KEY_HELP_DUP_ARGS_NOTE:
        return strdup("Custom dup-args note.");
    case ARGP_KEY_HELP_ARGS_DOC:
        return text ? (char *)text : strdup("FILTERED-ARGS");
    case 'v':
        return strdup("Filtered verbose doc");
    case 'q':
        return NULL; /* no doc at all */
    }
    return (char *)text;
}

static struct argp argp = {
    options, parser, "ARG1 ARG2\n-x FILE...\n--list",
    "A test program for argp's help output, whose description is long enough to be wrapped at the right margin.\v"
    "Text after the options: more words, to show that this part is wrapped too, and that the blank line before it is there.",
    children, 0, 0
};

static struct argp filter_child_argp = { child1_options, 0, 0, "Filtered child doc.", 0, filter, 0 };
static struct argp_child filter_children[] = {
    { &filter_child_argp, 0, "Filtered child:", 0 },
    { 0 }
};
static struct argp filter_argp = { options, parser, 0, "Pre doc.\vPost doc.", filter_children, filter, 0 };

/* --- smaller trees ----------------------------------------------------- */

static struct argp plain_argp = { 0, parser, "FILE", "Just a doc, no options." };

static struct argp_option longdoc_options[] = {
    { "alpha", 'a', "ARGUMENT-WITH-A-LONG-NAME", 0, "Supercalifragilisticexpialidocious-antidisestablishmentarianism-pneumonoultramicroscopicsilicovolcanoconiosis is one word", 0 },
    { "beta", 'b', "B", 0, "Tabs\tand\tspaces   in   the   doc text, and an embedded\nnewline that starts a new line in the option table doc column", 0 },
    { "gamma-gamma-gamma", 'g', "GAMMA-ARGUMENT", OPTION_ARG_OPTIONAL, 0, 0 },
    { "delta", 'D', "D", 0, "", 0 },
    { 0 }
};

static struct argp longdoc_argp = {
    longdoc_options, parser,
    "A-VERY-LONG-ARGUMENT-NAME ANOTHER-VERY-LONG-ARGUMENT-NAME YET-ANOTHER-ARGUMENT-NAME",
    "\vOnly a post doc (the pre doc is empty)."
};

static struct argp_option doconly_options[] = {
    { 0, 0, 0, 0, "Only a header", 0 },
    { "topic", 0, 0, OPTION_DOC, "A doc entry", 0 },
    { 0 }
};

static struct argp doconly_argp = { doconly_options, parser, 0, "Doc only." };

/* Odd corners: short aliases, all-hidden entries, doc entries with keys and
 * arguments, an empty child header (a cluster with no header line), a
 * negative child group, a long header that wraps, many short options with
 * arguments (usage wrapping), doc text ending in a newline. */
static struct argp_option misc_options[] = {
    { "foo", 'f', 0, 0, "Foo, with a short alias", 0 },
    { 0, 'g', 0, OPTION_ALIAS, 0, 0 },
    { "gone", 'G', 0, OPTION_HIDDEN, "All hidden", 0 },
    { 0, 'H', 0, OPTION_ALIAS | OPTION_HIDDEN, 0, 0 },
    { "KEYED", 'k', "KARG", OPTION_DOC, "A doc entry with a key and an argument", 0 },
    { 0, 0, 0, 0, "A group header long enough that it has to be wrapped at the right margin of the help text, which is at column 79 by default:", 0 },
    { "aa", 'A', "ALPHA", 0, "Ends with a newline\n", 0 },
    { "bb", 'B', "BRAVO", 0, "Two\n\nparagraphs", 0 },
    { "cc", 'C', "CHARLIE", 0, 0, 0 },
    { "dd", 'E', "DELTA", 0, 0, 0 },
    { "ee", 'F', "ECHO-FOXTROT", 0, 0, 0 },
    { "hh", 'I', "HOTEL-INDIA-JULIET", 0, 0, 0 },
    { "kk", 'K', "KILO", OPTION_ARG_OPTIONAL, 0, 0 },
    { "ll", 'L', "LIMA", 0, 0, 0 },
    { "mm", 'M', "MIKE-NOVEMBER-OSCAR-PAPA", 0, 0, 0 },
    { 0 }
};

static struct argp_option misc_child_options[] = {
    { "empty-header", 'e', 0, 0, "In a cluster with an empty header", 0 },
    { 0 }
};
static struct argp_option misc_neg_options[] = {
    { "negative-group", 'n', 0, 0, "In a child with group -3", 0 },
    { 0 }
};
static struct argp misc_child_argp = { misc_child_options, 0, 0, "Empty-header child doc.\n" };
static struct argp misc_neg_argp = { misc_neg_options, 0, "NEG-ARG", 0 };
static struct argp_child misc_children[] = {
    { &misc_neg_argp, 0, "Negative group:", -3 },
    { &misc_child_argp, 0, "", 3 },
    { 0 }
};
static struct argp misc_argp = { misc_options, parser, "[FILE...]", "Misc doc.\n\vAfter.\n", misc_children };

struct testcase {
    const char *name;
    const struct argp *argp;
    const char *env;
    const char *argv[4];
};

static const struct testcase cases[] = {
    { "help", &argp, 0, { "prog", "--help" } },
    { "help_short", &argp, 0, { "prog", "-?" } },
    { "usage", &argp, 0, { "prog", "--usage" } },
    { "see", &argp, 0, { "prog", "--bogus" } },
    { "version", &argp, 0, { "prog", "--help" } },
    { "bugs", &argp, 0, { "prog", "--help" } },
    { "fmt", &argp, "rmargin=60,opt-doc-col=24,short-opt-col=3,long-opt-col=8,header-col=0,usage-indent=4", { "prog", "--help" } },
    { "fmt_dup", &argp, "dup-args, no-dup-args-note", { "prog", "--help" } },
    { "fmt_narrow", &argp, "rmargin=40", { "prog", "--help" } },
    { "fmt_bad", &argp, "nosuch=3,rmargin,dup-args=1", { "prog", "--usage" } },
    { "fmt_garbage", &argp, "rmargin=70, =oops", { "prog", "--usage" } },
    { "fmt_novalue", &argp, "opt-doc-col", { "prog", "--usage" } },
    { "direct", &argp, 0, { 0 } },
    { "direct_flags", &argp, 0, { 0 } },
    { "filter", &filter_argp, 0, { "prog", "--help" } },
    { "filter_state", &filter_argp, 0, { "prog" } },
    { "nested", &argp, 0, { "prog", "--help" } },
    { "nested_usage", &argp, 0, { "prog", "--usage" } },
    { "plain", &plain_argp, 0, { "prog", "--help" } },
    { "plain_usage", &plain_argp, 0, { "prog", "--usage" } },
    { "longdoc", &longdoc_argp, 0, { "prog", "--help" } },
    { "longdoc_usage", &longdoc_argp, 0, { "prog", "--usage" } },
    { "doconly", &doconly_argp, 0, { "prog", "--help" } },
    { "misc", &misc_argp, 0, { "prog", "--help" } },
    { "misc_usage", &misc_argp, 0, { "prog", "--usage" } },
    { "misc_fmt", &misc_argp, "no-dup-args-note,long-opt-col=4,doc-opt-col=10,rmargin=50", { "prog", "--help" } },
    { "state_help_noexit", &argp, 0, { "prog" } },
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
    if (tc->env)
        setenv("ARGP_HELP_FMT", tc->env, 1);
    if (strcmp(case_name, "version") == 0 || strcmp(case_name, "bugs") == 0)
        argp_program_version = "prog 1.0";
    if (strcmp(case_name, "bugs") == 0 || strcmp(case_name, "filter") == 0)
        argp_program_bug_address = "<bugs@example.org>";

    if (strcmp(case_name, "direct") == 0) {
        argp_help(&argp, stdout, ARGP_HELP_STD_HELP, "direct-name");
        printf("---\n");
        argp_help(&argp, stdout, ARGP_HELP_USAGE, "direct-name");
        return 0;
    }
    if (strcmp(case_name, "direct_flags") == 0) {
        static const unsigned flags[] = {
            ARGP_HELP_USAGE, ARGP_HELP_SHORT_USAGE, ARGP_HELP_SEE, ARGP_HELP_LONG,
            ARGP_HELP_PRE_DOC, ARGP_HELP_POST_DOC, ARGP_HELP_DOC, ARGP_HELP_BUG_ADDR,
            ARGP_HELP_LONG_ONLY, ARGP_HELP_USAGE | ARGP_HELP_LONG, ARGP_HELP_SEE | ARGP_HELP_DOC, 0,
        };
        argp_program_bug_address = "addr";
        for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
            printf("--- flags %#x\n", flags[i]);
            argp_help(&plain_argp, stdout, flags[i], "dname");
            argp_help(&longdoc_argp, stdout, flags[i], "dname");
        }
        argp_help(&argp, 0, ARGP_HELP_STD_HELP, "null-stream");
        return 0;
    }

    char *args[5];
    int n = 0;
    while (tc->argv[n]) {
        args[n] = strdup(tc->argv[n]);
        n++;
    }
    args[n] = 0;
    error_t err = argp_parse(tc->argp, n, args, 0, 0, "top-input");
    fflush(stdout);
    printf("argp_parse: %d\n", err);
    return 0;
}
