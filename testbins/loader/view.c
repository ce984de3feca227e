/* A glibc program that prints how it sees itself (tests/loader.rs runs it
 * under glibc on the host and through the loader stub in a musl system, and
 * compares). Modes (argv[1]): `reexec` re-executes /proc/self/exe; `exec
 * PATH` runs PATH; `order` prints the loaded objects in dl_iterate_phdr
 * order. Built several ways: -no-pie, -DWITH_LIB (links libloadertest),
 * -DBIG (a span over 2 MiB). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <elf.h>
#include <gnu/libc-version.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

extern char **environ;
extern const ElfW(Ehdr) __ehdr_start;
extern char _start[];
#ifdef WITH_LIB
const char *loadertest_name(void);
#endif
#ifdef BIG
/* More than 2 MiB of span: the kernel may align such a file mapping. */
char big_data[3 << 20] = {1};
#endif
__thread int tls_value = 42;

static int first_phdr(struct dl_phdr_info *info, size_t size, void *data) {
    (void)size;
    *(const ElfW(Phdr) **)data = info->dlpi_phdr;
    return 1;
}

static int print_name(struct dl_phdr_info *info, size_t size, void *data) {
    (void)size; (void)data;
    const char *slash = strrchr(info->dlpi_name, '/');
    printf(" %s", slash ? slash + 1 : info->dlpi_name);
    return 0;
}

static void print_file(const char *label, const char *path) {
    char buf[8192];
    FILE *f = fopen(path, "r");
    size_t n = f ? fread(buf, 1, sizeof buf, f) : 0;
    if (f) fclose(f);
    printf("%s=", label);
    for (size_t i = 0; i < n; i++) {
        if (buf[i] == 0) fputs("\\0", stdout);
        else if (buf[i] == '\n') fputs("\\n", stdout);
        else putchar(buf[i]);
    }
    putchar('\n');
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "reexec") == 0) {
        char *child[] = {argv[0], "re-executed", "through /proc/self/exe", NULL};
        execv("/proc/self/exe", child);
        perror("execv /proc/self/exe");
        return 1;
    }
    if (argc > 2 && strcmp(argv[1], "exec") == 0) {
        execv(argv[2], argv + 2);
        perror("execv");
        return 1;
    }
    if (argc > 1 && strcmp(argv[1], "order") == 0) {
        printf("objects:");
        dl_iterate_phdr(print_name, NULL);
        putchar('\n');
        return 0;
    }
    printf("argc=%d\n", argc);
    for (int i = 0; i < argc; i++) printf("argv[%d]=%s\n", i, argv[i]);
    print_file("cmdline", "/proc/self/cmdline");
    print_file("comm", "/proc/self/comm");
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[n > 0 ? n : 0] = 0;
    printf("exe=%s\n", exe);
    printf("execfn=%s\n", (const char *)getauxval(AT_EXECFN));
    for (char **e = environ; *e; e++) printf("environ: %s\n", *e);
    const ElfW(Phdr) *own = (const ElfW(Phdr) *)((const char *)&__ehdr_start + __ehdr_start.e_phoff);
    const ElfW(Phdr) *dl = NULL;
    dl_iterate_phdr(first_phdr, &dl);
    printf("AT_PHDR is own headers: %d\n", getauxval(AT_PHDR) == (unsigned long)own);
    printf("AT_PHDR is dl_iterate_phdr's: %d\n", getauxval(AT_PHDR) == (unsigned long)dl);
    printf("AT_PHNUM is e_phnum: %d\n", getauxval(AT_PHNUM) == __ehdr_start.e_phnum);
    /* The headers as the file has them (the loader stub borrows PT_INTERP
     * while musl starts), in a page that is not writable. */
    const char *base = (const char *)own;
    for (int i = 0; i < __ehdr_start.e_phnum; i++)
        if (own[i].p_type == PT_PHDR) base = (const char *)own - own[i].p_vaddr;
    for (int i = 0; i < __ehdr_start.e_phnum; i++)
        if (own[i].p_type == PT_INTERP) printf("PT_INTERP=%s\n", base + own[i].p_vaddr);
    FILE *maps = fopen("/proc/self/maps", "r");
    char mline[512];
    while (maps && fgets(mline, sizeof mline, maps)) {
        unsigned long lo, hi;
        char perms[8];
        if (sscanf(mline, "%lx-%lx %7s", &lo, &hi, perms) == 3 && lo <= (unsigned long)own && (unsigned long)own < hi)
            printf("headers page: %.3s\n", perms);
    }
    if (maps) fclose(maps);
    printf("AT_ENTRY is _start: %d\n", getauxval(AT_ENTRY) == (unsigned long)_start);
    printf("AT_BASE set: %d\n", getauxval(AT_BASE) != 0);
    printf("AT_SECURE=%lu\n", getauxval(AT_SECURE));
    printf("tls=%d\n", tls_value);
    printf("gnu_get_libc_release=%s\n", gnu_get_libc_release());
#ifdef WITH_LIB
    printf("libloadertest=%s\n", loadertest_name());
#endif
#ifdef BIG
    printf("big_data[0]=%d\n", big_data[0]);
#endif
    return 0;
}
