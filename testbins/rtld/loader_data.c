// cases: find_object stack_end r_debug
// cflags: -D_GNU_SOURCE
/* What glibc's loader exports to the objects it loads:
 * _dl_find_object (glibc 2.35) agrees with dl_iterate_phdr on the object's
 * span, PT_GNU_EH_FRAME and PT_DYNAMIC, and fails for an address no object
 * holds; __libc_stack_end is the initial stack pointer (where argc lies);
 * _r_debug describes the loaded objects for debuggers. */
#include <dlfcn.h>
#include <elf.h>
#include <link.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

extern void *__libc_stack_end;

struct want {
    uintptr_t pc, lo, hi, eh_frame, dynamic;
    int found;
};

static int visit(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    struct want *w = data;
    uintptr_t lo = UINTPTR_MAX, hi = 0, eh = 0, dyn = 0;
    int inside = 0;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *p = &info->dlpi_phdr[i];
        uintptr_t a = info->dlpi_addr + p->p_vaddr;
        if (p->p_type == PT_LOAD) {
            if (w->pc >= a && w->pc < a + p->p_memsz)
                inside = 1;
            if (a < lo)
                lo = a;
            if (a + p->p_memsz > hi)
                hi = a + p->p_memsz;
        } else if (p->p_type == PT_GNU_EH_FRAME) {
            eh = a;
        } else if (p->p_type == PT_DYNAMIC) {
            dyn = a;
        }
    }
    if (!inside)
        return 0;
    w->lo = lo, w->hi = hi, w->eh_frame = eh, w->dynamic = dyn, w->found = 1;
    return 1;
}

static void check(const char *what, const void *pc)
{
    struct want w = { .pc = (uintptr_t)pc };
    dl_iterate_phdr(visit, &w);
    struct dl_find_object r;
    memset(&r, 0xa5, sizeof r);
    int rc = _dl_find_object((void *)pc, &r);
    printf("%s: rc %d (dl_iterate_phdr found it: %d)\n", what, rc, w.found);
    if (rc != 0 || !w.found)
        return;
    printf("  flags %llu\n", (unsigned long long)r.dlfo_flags);
    printf("  map_start <= first PT_LOAD: %d\n", (uintptr_t)r.dlfo_map_start <= w.lo);
    printf("  map_end >= end of last PT_LOAD: %d\n", (uintptr_t)r.dlfo_map_end >= w.hi);
    printf("  span within a page of the segments: %d\n",
           w.lo - (uintptr_t)r.dlfo_map_start < 4096 && (uintptr_t)r.dlfo_map_end - w.hi < 4096);
    printf("  eh_frame is PT_GNU_EH_FRAME: %d\n", (uintptr_t)r.dlfo_eh_frame == w.eh_frame);
    printf("  link_map l_ld is PT_DYNAMIC: %d\n", r.dlfo_link_map && (uintptr_t)r.dlfo_link_map->l_ld == w.dynamic);
}

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "find_object";
    if (!strcmp(c, "find_object")) {
        check("main", (const void *)main);
        check("a libc function", (const void *)dl_iterate_phdr);
        int local;
        check("a stack address", &local);
        check("null", NULL);
    } else if (!strcmp(c, "stack_end")) {
        printf("argv - __libc_stack_end: %td words\n", (void **)argv - (void **)__libc_stack_end);
        printf("argc there: %d\n", *(long *)__libc_stack_end == argc);
    } else if (!strcmp(c, "r_debug")) {
        /* r_state: glibc 2.36 leaves RT_ADD (1) after start-up, 2.41 RT_CONSISTENT */
        printf("version %d, brk set %d\n", _r_debug.r_version, _r_debug.r_brk != 0);
        int objects = 0, main_first = 0, has_libc = 0;
        for (struct link_map *m = _r_debug.r_map; m; m = m->l_next, objects++) {
            if (objects == 0)
                main_first = m->l_prev == NULL;
            if (strstr(m->l_name, "libc"))
                has_libc = 1;
        }
        printf("objects > 1: %d, first has no prev: %d, a libc is listed: %d\n", objects > 1, main_first, has_libc);
    }
    return 0;
}
