// cases: version help bogus usage_fn noargs null_state
// cflags: -D_GNU_SOURCE -O0
/* The common way a glibc program uses argp: it defines argp_program_version,
 * argp_program_bug_address and argp_err_exit_status itself (so the live
 * copies are the program's, which argp must read), and, built without
 * optimisation, calls the argp_usage function rather than the header's
 * inline; with no state at all the helpers name the program by
 * program_invocation_short_name. --version prints the program's string, --help ends with its bug
 * address, errors exit with its status. */
#include <argp.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *argp_program_version = "defined 4.5.6";
const char *argp_program_bug_address = "<someone@example.org>";
error_t argp_err_exit_status = 9;

static const char *case_name;

static struct argp_option options[] = {
    { "name", 'n', "NAME", 0, "Greet NAME", 0 },
    { 0 }
};

static error_t parser(int key, char *arg, struct argp_state *state)
{
    switch (key) {
    case 'n':
        printf("name=%s\n", arg);
        if (strcmp(case_name, "usage_fn") == 0)
            argp_usage(state);
        return 0;
    case ARGP_KEY_ARG:
        printf("arg=%s\n", arg);
        return 0;
    case ARGP_KEY_NO_ARGS:
        printf("no args\n");
        argp_usage(state);
        return 0;
    }
    return ARGP_ERR_UNKNOWN;
}

static struct argp argp = { options, parser, "WHO", "Greets people." };

int main(int argc, char **argv)
{
    static const char *vectors[][4] = {
        { "version", "--version" }, { "help", "--help" }, { "bogus", "-z" },
        { "usage_fn", "-nbob", "x" }, { "noargs", "-n", "al" },
    };
    if (argc < 2)
        return 1;
    case_name = argv[1];
    if (strcmp(case_name, "null_state") == 0) {
        /* No state: stderr, program_invocation_short_name, exit status. */
        argp_failure(NULL, 0, ENOENT, "no state %d", 1);
        argp_failure(NULL, 0, 0, NULL);
        /* (argp_error and argp_state_help without a state crash in glibc:
         * they read the null state's root argp.) */
        argp_failure(NULL, 5, EINVAL, "exit %s", "five");
        return 0;
    }
    for (size_t i = 0; i < sizeof vectors / sizeof vectors[0]; i++) {
        if (strcmp(vectors[i][0], case_name) != 0)
            continue;
        char *args[4] = { "greet" };
        int n = 1;
        for (int j = 1; j < 4 && vectors[i][j]; j++)
            args[n++] = (char *)vectors[i][j];
        args[n] = 0;
        error_t err = argp_parse(&argp, n, args, 0, 0, 0);
        printf("argp_parse: %d\n", err);
        return 0;
    }
    return 2;
}
