// cases: formats small_n
// cflags: -D_GNU_SOURCE
/* parse_printf_format (<printf.h>): the count of arguments a format takes
 * and each one's PA_* type with its flags, for sequential, positional and
 * star (width/precision) arguments, length modifiers, %%, %m, unknown and
 * truncated conversions; argtypes beyond n are never written. */
#include <printf.h>
#include <stdio.h>
#include <string.h>

static const char *const formats[] = {
    "", "plain text", "%d", "%i %u %o %x %X", "%hhd %hd %ld %lld %qd %Lf %zd %Zd %td %jd",
    "%c %lc %C %s %ls %S %p %n %hn %lln", "%e %E %f %F %g %G %a %A %Le %lf", "%b %B %#b",
    "%*d", "%.*f", "%*.*s", "%-+ #0'I10.5d", "%1$d %2$s", "%2$s %1$d", "%3$d", "%1$*2$.*3$f",
    "%*3$d %1$s", "%% %m %y %", "%5", "%.", "%l", "%1$", "%0$d %d", "%99999999999$d %s",
    "%*0$d", "%d %1$s", "%2$d %d", "%.d %.0f %.10s", "%hhn %jn %zn %tn", "%ll", "%lls", "%hhs %Ls",
};

static void show(const char *fmt, size_t n)
{
    int types[16];
    for (int i = 0; i < 16; i++) types[i] = -99;
    size_t count = parse_printf_format(fmt, n, types);
    printf("\"%s\" n=%zu: %zu:", fmt, n, count);
    for (int i = 0; i < 16; i++)
        if (types[i] != -99 || (size_t)i < count) printf(" [%d]=%#x", i, (unsigned)types[i]);
    printf("\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    unsigned nf = sizeof formats / sizeof formats[0];
    if (!strcmp(argv[1], "formats")) {
        for (unsigned i = 0; i < nf; i++) show(formats[i], 16);
        printf("PA: %d %d %d %d %d %d %d %d flags %#x %#x %#x %#x\n", PA_INT, PA_CHAR, PA_WCHAR, PA_STRING,
               PA_WSTRING, PA_POINTER, PA_FLOAT, PA_DOUBLE, PA_FLAG_LONG_LONG, PA_FLAG_LONG, PA_FLAG_SHORT,
               PA_FLAG_PTR);
    } else if (!strcmp(argv[1], "small_n")) {
        for (unsigned i = 0; i < nf; i++) show(formats[i], 1);
        printf("n=0, NULL: %zu\n", parse_printf_format("%d %s %*.*f", 0, NULL));
    } else
        return 2;
    return 0;
}
