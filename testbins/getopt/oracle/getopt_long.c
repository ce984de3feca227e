/* The host glibc's getopt_long / getopt_long_only over the argv given on
 * the command line, for src/getopt/gnu.rs's unit tests: they run this and
 * the shim's parser over the same arguments and compare (glibc is the
 * oracle; not a differential testbin, which is why it sits in a folder of
 * its own).
 *
 * Usage: getopt_long long|long_only OPTSTRING LONGS PROG [ARG...]
 * LONGS is "-" or "name:has_arg:val,..." (val a decimal number).
 * Prints each call's "value:optarg " ('-' for no optarg), then
 * "optind=N", a newline, and argv in its final order, one blank between;
 * glibc's messages go to stderr. POSIXLY_CORRECT must be unset. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc < 5)
        return 2;
    struct option longs[32] = {{0}};
    int n = 0;
    if (strcmp(argv[3], "-") != 0) {
        for (char *spec = strtok(argv[3], ","); spec && n < 31; spec = strtok(NULL, ","), n++) {
            char *has = strchr(spec, ':');
            char *val = has ? strchr(has + 1, ':') : NULL;
            if (!val)
                return 2;
            *has = *val = 0;
            longs[n] = (struct option){spec, atoi(has + 1), NULL, atoi(val + 1)};
        }
    }
    int only = strcmp(argv[1], "long_only") == 0;
    char **args = argv + 4;
    int count = argc - 4;
    for (;;) {
        int r = only ? getopt_long_only(count, args, argv[2], n ? longs : NULL, NULL)
                     : getopt_long(count, args, argv[2], n ? longs : NULL, NULL);
        if (r == -1)
            break;
        printf("%d:%s ", r, optarg ? optarg : "-");
    }
    printf("optind=%d\n", optind);
    for (int i = 0; i < count; i++)
        printf("%s%s", i ? " " : "", args[i]);
    printf("\n");
    return 0;
}
