// register_printf_specifier and kin: glibc registers a conversion (0);
// under musl a printf cannot be extended, so the shim refuses (-1,
// divergences.txt). An out-of-range specifier fails in both.
// cases: valid invalid
// cflags: -D_GNU_SOURCE
#include <printf.h>
#include <stdio.h>
#include <string.h>

static int render(FILE *f, const struct printf_info *info, const void *const *args)
{
    (void)info;
    return fprintf(f, "<%d>", **(const int **)args);
}

static int arginfo(const struct printf_info *info, size_t n, int *types, int *size)
{
    (void)info;
    (void)size;
    if (n > 0)
        types[0] = PA_INT;
    return 1;
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "valid")) {
        printf("register_printf_specifier: %d\n", register_printf_specifier('Y', render, arginfo));
        return 0;
    }
    printf("register_printf_specifier(300): %d\n", register_printf_specifier(300, render, arginfo));
    return 0;
}
