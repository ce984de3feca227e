// cases: zero_position mixed wide long_scanset
// cflags: -D_GNU_SOURCE
/* %N$ in scanf (issue 16, item 6): glibc takes a positional pointer from a
 * copy of the argument list as it started and a plain one from the list
 * itself, so a format may mix them; %0$ is a plain conversion. The shim's
 * C23 engine (glibc 2.38+ headers call __isoc23_sscanf here) fetched the
 * positional pointers up front and handed a plain conversion a null one.
 * Also a scanset longer than the engine's 512-unit directive buffer, which
 * it refused. */
#include <stdio.h>
#include <string.h>
#include <wchar.h>

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    int a = -1, b = -1, d = -1, n;
    if (!strcmp(c, "zero_position")) {
        n = sscanf("5", "%0$i", &a);
        printf("%d %d\n", n, a);
        n = sscanf("5 6", "%0$i %0$i", &a, &b);
        printf("%d %d %d\n", n, a, b);
    } else if (!strcmp(c, "mixed")) {
        n = sscanf("5 6", "%1$i %i", &a, &b);
        printf("%d %d %d\n", n, a, b);
        a = b = -1;
        n = sscanf("5 6", "%i %1$i", &a, &b);
        printf("%d %d %d\n", n, a, b);
        a = b = -1;
        n = sscanf("5 6 7", "%2$i %1$i %3$i", &a, &b, &d);
        printf("%d %d %d %d\n", n, a, b, d);
        a = b = d = -1;
        n = sscanf("5 6 7", "%3$d %i %2$x", &a, &b, &d);
        printf("%d %d %d %d\n", n, a, b, d);
    } else if (!strcmp(c, "wide")) {
        n = swscanf(L"5 6", L"%i %1$i", &a, &b);
        printf("%d %d %d\n", n, a, b);
        n = swscanf(L"9", L"%0$i", &a);
        printf("%d %d\n", n, a);
    } else if (!strcmp(c, "long_scanset")) {
        char fmt[1200], out[64];
        strcpy(fmt, "%i %[");
        for (int i = 0; i < 1000; i++)
            fmt[5 + i] = "abcdefghij"[i % 10];
        strcpy(fmt + 1005, "]");
        n = sscanf("12 abcbad!", fmt, &a, out);
        printf("%d %d [%s]\n", n, a, n == 2 ? out : "");
    }
    return 0;
}
