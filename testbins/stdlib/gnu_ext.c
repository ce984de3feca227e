// cases: canonicalize rpmatch arc4random
// cflags: -D_GNU_SOURCE
/* GNU/BSD <stdlib.h> extensions musl lacks:
 * - canonicalize_file_name: realpath(name, NULL), errno on failure;
 * - rpmatch: the C locale's ^[yY] / ^[nN], -1 otherwise;
 * - arc4random, arc4random_buf, arc4random_uniform (glibc 2.36): random, so
 *   only properties are printed: bounds respected, every residue of a small
 *   bound seen, buffers filled (not all zero), errno untouched. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void canonicalize(void)
{
    const char *paths[] = { "/", "/usr/../etc/./", "//tmp", "///usr//lib/", "//", "/proc/self/root/etc", "/nonexistent/x", "", "/etc/passwd/x" };
    for (unsigned i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        errno = 0;
        char *r = canonicalize_file_name(paths[i]);
        printf("\"%s\" -> %s (errno %d)\n", paths[i], r ? r : "(null)", r ? 0 : errno);
        free(r);
    }
    errno = 0;
    const char *volatile none = NULL;
    char *r = canonicalize_file_name(none);
    printf("NULL -> %s (errno %d)\n", r ? r : "(null)", errno);
    if (chdir("/usr/lib") == 0) {
        r = canonicalize_file_name("../bin");
        printf("../bin from /usr/lib -> %s\n", r ? r : "(null)");
        free(r);
    }
}

static void rpmatch_case(void)
{
    const char *answers[] = { "y", "Yes", "yup", "n", "No", "nope", "", " y", "j", "si", "1", "0", "\xff" };
    for (unsigned i = 0; i < sizeof answers / sizeof answers[0]; i++)
        printf("\"%s\": %d\n", answers[i], rpmatch(answers[i]));
}

static void arc4(void)
{
    errno = 1234;
    uint32_t or_all = 0, and_all = ~0u;
    for (int i = 0; i < 256; i++) {
        uint32_t v = arc4random();
        or_all |= v;
        and_all &= v;
    }
    printf("arc4random: bits vary %s\n", or_all == ~0u && and_all == 0 ? "yes" : "no");
    unsigned char buf[4096];
    memset(buf, 0, sizeof buf);
    arc4random_buf(buf, sizeof buf);
    int zero = 0;
    for (unsigned i = 0; i < sizeof buf; i++) zero += !buf[i];
    printf("arc4random_buf: %s\n", zero < 100 ? "filled" : "mostly zero");
    unsigned char guard[3] = { 0xaa, 0xaa, 0xaa };
    arc4random_buf(guard + 1, 0);
    arc4random_buf(guard, 1);
    printf("arc4random_buf(0) and (1): neighbours kept %s\n", guard[1] == 0xaa && guard[2] == 0xaa ? "yes" : "no");
    printf("uniform(0) %u uniform(1) %u\n", arc4random_uniform(0), arc4random_uniform(1));
    uint32_t bounds[] = { 2, 3, 7, 10, 1000, 0x80000001u, 0xffffffffu };
    for (unsigned b = 0; b < sizeof bounds / sizeof bounds[0]; b++) {
        int ok = 1;
        for (int i = 0; i < 2000; i++) ok &= arc4random_uniform(bounds[b]) < bounds[b];
        printf("uniform(%u): in range %s\n", bounds[b], ok ? "yes" : "no");
    }
    int seen[7] = { 0 };
    for (int i = 0; i < 7000; i++) seen[arc4random_uniform(7)]++;
    int all = 1;
    for (int i = 0; i < 7; i++) all &= seen[i] > 700 && seen[i] < 1300;
    printf("uniform(7): every residue about 1/7 %s\n", all ? "yes" : "no");
    printf("errno kept: %d\n", errno);
}

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    if (!strcmp(argv[1], "canonicalize")) canonicalize();
    else if (!strcmp(argv[1], "rpmatch")) rpmatch_case();
    else if (!strcmp(argv[1], "arc4random")) arc4();
    else return 2;
    return 0;
}
