// register_printf_function, register_printf_modifier and
// register_printf_type: unimplemented in the shim (symbols/unimplemented.txt: they change
// glibc's printf, and the shim's printf is musl's, which cannot be
// extended), documented to fail as glibc fails: -1 with ENOSYS, nothing
// registered. register_unimplemented.glibc.expected beside it shows what glibc 2.41 does
// instead (registers; the conversion then prints through the handler).
// cases: function modifier type
// glibc cases: function modifier type
// cflags: -D_GNU_SOURCE
#include <errno.h>
#include <printf.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

static int handler(FILE *f, const struct printf_info *info, const void *const *args)
{
    (void)info;
    return fprintf(f, "<%d>", **(const int *const *)args[0]);
}

static int arginfo(const struct printf_info *info, size_t n, int *types)
{
    (void)info;
    if (n > 0)
        types[0] = PA_INT;
    return 1;
}

static void va_int(void *mem, va_list *ap)
{
    *(int *)mem = va_arg(*ap, int);
}

static const char *en(int e)
{
    return e == 0 ? "0" : e == ENOSYS ? "ENOSYS" : e == EINVAL ? "EINVAL" : "other";
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    errno = 0;
    if (!strcmp(c, "function")) {
        int r = register_printf_function('W', handler, arginfo);
        printf("register_printf_function('W') = %d errno %s\n", r, en(errno));
        errno = 0;
        r = register_printf_function(0x100, handler, arginfo);
        printf("register_printf_function(0x100) = %d errno %s\n", r, en(errno));
    } else if (!strcmp(c, "modifier")) {
        int r = register_printf_modifier(L"Q");
        printf("register_printf_modifier(L\"Q\") = %s errno %s\n", r < 0 ? "-1" : r > 0 ? "a bit" : "0", en(errno));
        errno = 0;
        r = register_printf_modifier(L"");
        printf("register_printf_modifier(L\"\") = %d errno %s\n", r, en(errno));
    } else if (!strcmp(c, "type")) {
        int r = register_printf_type(va_int);
        printf("register_printf_type = %s errno %s\n", r < 0 ? "-1" : r >= PA_LAST ? "a new type" : "?", en(errno));
        errno = 0;
        r = register_printf_type(NULL);
        printf("register_printf_type(NULL) = %s errno %s\n", r < 0 ? "-1" : "a type", en(errno));
    }
    return 0;
}
