// cases: libc_names tuning stats
// cflags: -D_GNU_SOURCE
/* <malloc.h> under glibc's names:
 * - __libc_malloc and friends (declared here; glibc's headers do not):
 *   usable memory, alignment, zeroing; pvalloc too;
 * - mallopt: glibc's answer for each parameter and value; malloc_trim's
 *   answer is 0 or 1 (glibc's depends on its heap, so only the range is
 *   printed); malloc_info: -1/EINVAL for options != 0, else an XML document
 *   that starts with <malloc version="1"> and ends with </malloc>;
 * - mallinfo/mallinfo2: no field value is shared by glibc and the shim
 *   (musl's allocator keeps no statistics, glibc's numbers depend on its
 *   heap), so only the call and the struct sizes are checked. */
#include <errno.h>
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void *__libc_malloc(size_t);
void __libc_free(void *);
void *__libc_calloc(size_t, size_t);
void *__libc_realloc(void *, size_t);
void *__libc_memalign(size_t, size_t);
void *__libc_valloc(size_t);
void *__libc_pvalloc(size_t);

static void libc_names(void)
{
    long page = sysconf(_SC_PAGESIZE);
    char *p = __libc_malloc(100);
    memset(p, 'x', 100);
    p = __libc_realloc(p, 10000);
    printf("realloc kept: %s\n", p[99] == 'x' ? "yes" : "no");
    __libc_free(p);
    unsigned char *z = __libc_calloc(100, 10);
    int zero = 1;
    for (int i = 0; i < 1000; i++) zero &= !z[i];
    printf("calloc zeroed: %s\n", zero ? "yes" : "no");
    __libc_free(z);
    errno = 0;
    void *huge = __libc_calloc(SIZE_MAX / 2, 3);
    printf("calloc overflow: %s errno %d\n", huge ? "ptr" : "null", errno);
    size_t aligns[] = { 16, 64, 256, 4096 };
    for (unsigned i = 0; i < 4; i++) {
        void *m = __libc_memalign(aligns[i], 33);
        printf("memalign(%zu): aligned %s\n", aligns[i], (uintptr_t)m % aligns[i] ? "no" : "yes");
        __libc_free(m);
    }
    void *v = __libc_valloc(10);
    printf("valloc page-aligned: %s\n", (uintptr_t)v % page ? "no" : "yes");
    __libc_free(v);
    size_t sizes[] = { 0, 1, 4096, 4097 };
    for (unsigned i = 0; i < 4; i++) {
        char *pv = __libc_pvalloc(sizes[i]);
        memset(pv, 1, sizes[i]);
        printf("pvalloc(%zu): page-aligned %s\n", sizes[i], (uintptr_t)pv % page ? "no" : "yes");
        __libc_free(pv);
    }
    char *pv = pvalloc(5000);
    memset(pv, 2, 5000);
    printf("pvalloc(5000): page-aligned %s\n", (uintptr_t)pv % page ? "no" : "yes");
    free(pv);
    errno = 0;
    huge = pvalloc(SIZE_MAX);
    printf("pvalloc(SIZE_MAX): %s errno %d\n", huge ? "ptr" : "null", errno);
    errno = 0;
    huge = __libc_pvalloc(SIZE_MAX);
    printf("__libc_pvalloc(SIZE_MAX): %s errno %d\n", huge ? "ptr" : "null", errno);
    __libc_free(NULL);
}

static void tuning(void)
{
    struct { int param, value; } cases[] = {
        { M_MXFAST, 0 }, { M_MXFAST, 64 }, { M_MXFAST, 160 }, { M_MXFAST, 161 }, { M_MXFAST, -1 },
        { M_TRIM_THRESHOLD, 1 << 20 }, { M_TOP_PAD, 0 }, { M_MMAP_THRESHOLD, 1 << 20 },
        { M_MMAP_THRESHOLD, 32 << 20 }, { M_MMAP_THRESHOLD, (32 << 20) + 1 }, { M_MMAP_THRESHOLD, -1 },
        { M_MMAP_MAX, 0 }, { M_CHECK_ACTION, 3 }, { M_PERTURB, 0 }, { M_ARENA_TEST, 8 }, { M_ARENA_MAX, 1 },
        { M_ARENA_MAX, 0 }, { 12345, 7 },
    };
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++)
        printf("mallopt(%d, %d) = %d\n", cases[i].param, cases[i].value, mallopt(cases[i].param, cases[i].value));
    int t = malloc_trim(0);
    printf("malloc_trim in {0,1}: %s\n", t == 0 || t == 1 ? "yes" : "no");
}

static void stats(void)
{
    printf("sizeof mallinfo %zu mallinfo2 %zu\n", sizeof(struct mallinfo), sizeof(struct mallinfo2));
    void *keep = malloc(1000);
    struct mallinfo2 m2 = mallinfo2();
    struct mallinfo m = mallinfo();
    (void)m2; (void)m;
    printf("mallinfo/mallinfo2 returned\n");
    errno = 0;
    printf("malloc_info(1): %d errno %d\n", malloc_info(1, stdout), errno);
    char *doc = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&doc, &len);
    int r = malloc_info(0, f);
    fclose(f);
    const char *end = "</malloc>\n";
    printf("malloc_info(0): %d, starts <malloc version=\"1\"> %s, ends </malloc> %s\n", r,
           !strncmp(doc, "<malloc version=\"1\">\n", 21) ? "yes" : "no",
           len >= strlen(end) && !strcmp(doc + len - strlen(end), end) ? "yes" : "no");
    free(doc);
    free(keep);
}

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    if (!strcmp(argv[1], "libc_names")) libc_names();
    else if (!strcmp(argv[1], "tuning")) tuning();
    else if (!strcmp(argv[1], "stats")) stats();
    else return 2;
    return 0;
}
