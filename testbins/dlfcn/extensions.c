// glibc's dl extensions: dlvsym, dlmopen, dladdr1, and dlinfo requests.
// Prints only what is the same under both libcs (success, names, equalities).
// cflags: -D_GNU_SOURCE -rdynamic -ldl
#include <dlfcn.h>
#include <elf.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__thread int tls_var = 5;

__attribute__((noinline)) int exported_fn(int x)
{
    return x * 3 + tls_var;
}

static int first_phdr(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    *(const ElfW(Phdr) **)data = info->dlpi_phdr;
    return 1;
}

static void error_state(const char *what, const void *result)
{
    const char *e = dlerror();
    printf("%s: %s, dlerror %s\n", what, result ? "found" : "NULL", e ? "set" : "none");
}

int main(void)
{
    dlerror();
    /* dlvsym: a version the shim defines the name at, others. */
    void *v = dlvsym(RTLD_DEFAULT, "gnu_get_libc_version", "GLIBC_2.2.5");
    error_state("dlvsym gnu_get_libc_version@GLIBC_2.2.5", v);
    printf("  same as dlsym: %d\n", v == dlsym(RTLD_DEFAULT, "gnu_get_libc_version"));
    error_state("dlvsym gnu_get_libc_version@GLIBC_2.1 (not on x86_64)",
                dlvsym(RTLD_DEFAULT, "gnu_get_libc_version", "GLIBC_2.1"));
    error_state("dlvsym gnu_get_libc_version@GLIBC_9.99", dlvsym(RTLD_DEFAULT, "gnu_get_libc_version", "GLIBC_9.99"));
    error_state("dlvsym no_such_name@GLIBC_2.2.5", dlvsym(RTLD_DEFAULT, "no_such_name", "GLIBC_2.2.5"));
    void *libm = dlopen("libm.so.6", RTLD_NOW);
    printf("dlopen libm.so.6: %s\n", libm ? "ok" : "failed");
    double (*cosp)(double) = (double (*)(double))dlvsym(libm, "cos", "GLIBC_2.2.5");
    printf("dlvsym cos@GLIBC_2.2.5: %s %.6f\n", cosp ? "found" : "NULL", cosp ? cosp(0.5) : 0.0);
    error_state("dlvsym cos@NOT_A_VERSION", dlvsym(libm, "cos", "NOT_A_VERSION"));
    size_t (*strlenp)(const char *) = (size_t (*)(const char *))dlvsym(RTLD_NEXT, "strlen", "GLIBC_2.2.5");
    printf("dlvsym RTLD_NEXT strlen@GLIBC_2.2.5: %s %zu\n", strlenp ? "found" : "NULL", strlenp ? strlenp("hello") : 0);

    /* dlmopen: the base namespace works; a namespace that does not exist fails. */
    void *m = dlmopen(LM_ID_BASE, "libm.so.6", RTLD_NOW);
    printf("dlmopen LM_ID_BASE libm.so.6: %s, same handle as dlopen: %d\n", m ? "ok" : "failed", m == libm);
    double (*c2)(double) = m ? (double (*)(double))dlsym(m, "cos") : NULL;
    printf("  cos(1) = %.6f\n", c2 ? c2(1.0) : -1.0);
    error_state("dlmopen lmid 7", dlmopen(7, "libm.so.6", RTLD_NOW));

    /* dladdr1 on a function of the program (built -rdynamic). */
    Dl_info info;
    const ElfW(Sym) *sym = NULL;
    int r = dladdr1((void *)exported_fn, &info, (void **)&sym, RTLD_DL_SYMENT);
    printf("dladdr1 SYMENT: %d %s, sym %s", r, info.dli_sname ? info.dli_sname : "(null)", sym ? "found" : "NULL");
    struct link_map *map = NULL;
    Dl_info info2;
    dladdr1((void *)exported_fn, &info2, (void **)&map, RTLD_DL_LINKMAP);
    if (sym && map)
        printf(", st_value matches: %d, type FUNC: %d, st_size > 0: %d", (char *)map->l_addr + sym->st_value == (char *)info.dli_saddr,
               ELF64_ST_TYPE(sym->st_info) == STT_FUNC, sym->st_size > 0);
    printf("\n");
    void *self = dlopen(NULL, RTLD_LAZY);
    printf("dladdr1 LINKMAP: main program's map is dlopen(NULL): %d, l_next set: %d\n", (void *)map == self,
           map && map->l_next != NULL);
    struct link_map *cosmap = NULL;
    dladdr1((void *)cosp, &info2, (void **)&cosmap, RTLD_DL_LINKMAP);
    struct link_map *libmmap = NULL;
    r = dlinfo(libm, RTLD_DI_LINKMAP, &libmmap);
    printf("dlinfo LINKMAP libm: %d, is the handle: %d, holds cos: %d, l_name non-empty: %d\n", r, (void *)libmmap == libm,
           cosmap == libmmap, libmmap && libmmap->l_name && libmmap->l_name[0] != 0);

    /* dlinfo requests. */
    Lmid_t lmid = 99;
    r = dlinfo(libm, RTLD_DI_LMID, &lmid);
    printf("dlinfo LMID: %d %ld\n", r, (long)lmid);
    char origin[4096];
    Dl_serinfo size;
    r = dlinfo(libm, RTLD_DI_SERINFOSIZE, &size);
    printf("dlinfo SERINFOSIZE: %d, cnt > 0: %d, size covers the array: %d\n", r, size.dls_cnt > 0,
           size.dls_size >= sizeof(Dl_serinfo) + (size.dls_cnt - 1) * sizeof(Dl_serpath));
    Dl_serinfo *si = malloc(size.dls_size);
    si->dls_size = size.dls_size;
    si->dls_cnt = size.dls_cnt;
    r = dlinfo(libm, RTLD_DI_SERINFO, si);
    int absolute = 1;
    for (unsigned i = 0; r == 0 && i < si->dls_cnt; i++)
        absolute &= si->dls_serpath[i].dls_name[0] == '/';
    printf("dlinfo SERINFO: %d, all absolute: %d\n", r, absolute);
    free(si);
    size_t modid = 99;
    r = dlinfo(self, RTLD_DI_TLS_MODID, &modid);
    printf("dlinfo TLS_MODID main: %d %zu\n", r, modid);
    void *data = NULL;
    r = dlinfo(self, RTLD_DI_TLS_DATA, &data);
    printf("dlinfo TLS_DATA main: %d, is &tls_var: %d (%d)\n", r, data == (void *)&tls_var, exported_fn(1));
    const ElfW(Phdr) *phdr = NULL, *expect = NULL;
    r = dlinfo(self, RTLD_DI_PHDR, &phdr);
    dl_iterate_phdr(first_phdr, &expect);
    printf("dlinfo PHDR main: count > 0: %d, headers are dl_iterate_phdr's: %d\n", r > 0, phdr == expect);
    r = dlinfo(libm, 3 /* RTLD_DI_CONFIGADDR */, origin);
    error_state("dlinfo CONFIGADDR (unsupported)", r == 0 ? "x" : NULL);
    return 0;
}
