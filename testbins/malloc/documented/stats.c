// The malloc statistics functions, which the shim keeps unimplemented
// (symbols/unimplemented.txt: musl's allocator keeps no statistics): what the
// shim gives is compared with stats.expected, and what glibc gives (the
// 2.41 oracle) with stats.glibc.expected, so the difference is written
// down on both sides. Numbers vary from run to run under glibc: each is
// printed as 0 or "n" (nonzero), and a document's digits as '#'.
// - mallinfo, mallinfo2: the shim's fields are all 0; glibc's count its
//   arena (in use, free, top).
// - malloc_stats: the shim prints nothing; glibc prints its arena's
//   figures on stderr.
// - malloc_info(0, f): the shim writes glibc's <malloc version="1">
//   document with zero totals and no <heap>; glibc writes its heaps.
//   malloc_info(1, f): returns EINVAL (the value; errno untouched) and
//   writes nothing, on both.
// - malloc_trim(0): the shim returns 0 ("no memory released").
// cases: mallinfo malloc_stats malloc_info malloc_trim
// glibc cases: mallinfo malloc_stats malloc_info
#include <errno.h>
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void field(const char *name, size_t v)
{
    printf(" %s=%s", name, v ? "n" : "0");
}

/* The text with each run of digits made one '#', each run of blanks one
 * blank (glibc pads its figures to their width). */
static void shape(const char *text)
{
    for (const char *p = text; *p; p++) {
        if (*p >= '0' && *p <= '9') {
            putchar('#');
            while (p[1] >= '0' && p[1] <= '9')
                p++;
        } else if (*p == ' ') {
            putchar(' ');
            while (p[1] == ' ')
                p++;
        } else {
            putchar(*p);
        }
    }
}

static int all_zero(const char *text)
{
    /* Every number in the document, other than version="1" and heap
     * numbers, is zero. */
    for (const char *p = text; *p; p++)
        if (*p >= '1' && *p <= '9' && strncmp(p - 9, "version=\"", 9) != 0)
            return 0;
    return 1;
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "";
    /* Something live on the heap, as in any program. */
    char *keep = malloc(1000);
    memset(keep, 1, 1000);
    if (!strcmp(c, "mallinfo")) {
        struct mallinfo m = mallinfo();
        printf("mallinfo:");
        field("arena", m.arena), field("ordblks", m.ordblks), field("smblks", m.smblks);
        field("hblks", m.hblks), field("hblkhd", m.hblkhd), field("usmblks", m.usmblks);
        field("fsmblks", m.fsmblks), field("uordblks", m.uordblks), field("fordblks", m.fordblks);
        field("keepcost", m.keepcost);
        struct mallinfo2 m2 = mallinfo2();
        printf("\nmallinfo2:");
        field("arena", m2.arena), field("ordblks", m2.ordblks), field("smblks", m2.smblks);
        field("hblks", m2.hblks), field("hblkhd", m2.hblkhd), field("usmblks", m2.usmblks);
        field("fsmblks", m2.fsmblks), field("uordblks", m2.uordblks), field("fordblks", m2.fordblks);
        field("keepcost", m2.keepcost);
        printf("\n");
    } else if (!strcmp(c, "malloc_stats")) {
        /* Its stderr, caught in a file and shown shaped on stdout. */
        fflush(stderr);
        FILE *caught = tmpfile();
        int saved = dup(2);
        dup2(fileno(caught), 2);
        malloc_stats();
        fflush(stderr);
        dup2(saved, 2);
        long n = ftell(caught) >= 0 ? lseek(fileno(caught), 0, SEEK_END) : -1;
        char text[4096] = "";
        pread(fileno(caught), text, sizeof text - 1, 0);
        printf("malloc_stats wrote %s bytes:\n", n > 0 ? "some" : "no");
        shape(text);
    } else if (!strcmp(c, "malloc_info")) {
        char *doc = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&doc, &len);
        int r = malloc_info(0, f);
        fclose(f);
        printf("malloc_info(0) = %d, every total zero: %s\n", r, all_zero(doc) ? "yes" : "no");
        shape(doc);
        free(doc);
        errno = 0;
        f = open_memstream(&doc, &len);
        r = malloc_info(1, f);
        int e = errno;
        fclose(f);
        printf("malloc_info(1) = %s, errno %s, wrote %zu bytes\n", r == EINVAL ? "EINVAL" : "other",
               e == 0 ? "untouched" : "set", len);
        free(doc);
    } else if (!strcmp(c, "malloc_trim")) {
        free(malloc(200000));
        printf("malloc_trim(0) = %d\n", malloc_trim(0));
    }
    free(keep);
    return 0;
}
