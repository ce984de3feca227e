// cases: null_wide long_format long_wide_format many_args zero_wide fuzz_found
/* Inputs that crashed or leaked through the shim's glibc printf rewrite
 * (issue 16, items 1 and 2), each printed with its return value:
 * - a null %ls or %S: glibc prints "(null)"; musl reads the wide string
 *   through the null pointer (plain printf, fprintf and, at
 *   _FORTIFY_SOURCE, __printf_chk/__fprintf_chk);
 * - the same far into a format whose rewrite passes 1 KiB, or after more
 *   than 64 arguments (the rewrite's stack room): still glibc's "(null)";
 * - a 0 flag on %ls/%lc/%S/%C: glibc pads with spaces; musl pads with
 *   nothing yet returned the padded count (asprintf's count past the end
 *   of its string);
 * - found by the differential fuzzer (tests/fuzz.rs): %% with flags or a
 *   width and the q length modifier, which musl refuses (-1, EINVAL), and
 *   glibc 2.35's %#m, the errno's name. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static const wchar_t *nullw(void)
{
    /* Hidden from the compiler, which would warn or fold the call. */
    return getenv("GCOMPAT_NEVER_SET") ? L"x" : NULL;
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    char buf[4096];
    int n;
    if (!strcmp(c, "null_wide")) {
        n = printf("[%ls]\n", nullw());
        printf("printf: %d\n", n);
        n = fprintf(stdout, "[%10ls|%-8S|%.3ls|%.6S]\n", nullw(), nullw(), nullw(), nullw());
        printf("fprintf: %d\n", n);
        n = snprintf(buf, sizeof buf, "%S", nullw());
        printf("snprintf: %d [%s]\n", n, buf);
    } else if (!strcmp(c, "long_format")) {
        n = snprintf(buf, sizeof buf, "%1100m|%S", nullw());
        printf("%d [%s]\n", n, buf + 1090);
        n = snprintf(buf, sizeof buf, "%2000s|%ls|%d", "", nullw(), 7);
        printf("%d [%s]\n", n, buf + 1995);
    } else if (!strcmp(c, "long_wide_format")) {
        wchar_t fmt[1300], out[1400];
        for (int i = 0; i < 1200; i++)
            fmt[i] = L'-';
        wcscpy(fmt + 1200, L"%ls|%p|%d");
        n = swprintf(out, 1400, fmt, nullw(), (void *)0, 5);
        printf("%d [%ls]\n", n, out + 1195);
    } else if (!strcmp(c, "many_args")) {
        n = snprintf(buf, sizeof buf,
                     "%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d"
                     "%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d"
                     "%d%d%d%d|%ls|%p|%s",
                     0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1,
                     2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3,
                     4, 5, 6, 7, nullw(), (void *)0, (char *)nullw());
        printf("%d [%s]\n", n, buf);
    } else if (!strcmp(c, "fuzz_found")) {
        n = snprintf(buf, sizeof buf, "[%-5%|%05%|%.3%|%qd|%qx]", 12345678901LL, 255LL);
        printf("%d [%s]\n", n, buf);
        errno = ENOENT;
        n = snprintf(buf, sizeof buf, "[%#m|%#10m|%-#8m|%#.3m|%m]");
        printf("%d [%s]\n", n, buf);
        errno = 4095;
        n = snprintf(buf, sizeof buf, "[%#m|%#.2m]");
        printf("%d [%s]\n", n, buf);
        errno = 0;
        n = snprintf(buf, sizeof buf, "[%#m]");
        printf("%d [%s]\n", n, buf);
    } else if (!strcmp(c, "zero_wide")) {
        char *s;
        n = asprintf(&s, "%080ls|", L"ab");
        printf("%d %zu [%s]\n", n, strlen(s), s);
        free(s);
        n = asprintf(&s, "%05lc|%-05lc|%05C|%03S|%05s|%05c", (wint_t)L'x', (wint_t)L'y', (wint_t)L'z', L"q", "n", 'c');
        printf("%d %zu [%s]\n", n, strlen(s), s);
        free(s);
        n = snprintf(buf, sizeof buf, "%010ls|%08S", nullw(), nullw());
        printf("%d [%s]\n", n, buf);
        wchar_t w[64];
        n = swprintf(w, 64, L"%06ls|%04lc", L"ab", (wint_t)L'c');
        printf("%d [%ls]\n", n, w);
    }
    return 0;
}
