// cflags: -D_GNU_SOURCE
// builds: glibc-2.36 glibc-2.41
/* _dl_find_object (glibc 2.35): the object containing an address, its
 * mapping bounds, its link map and its PT_GNU_EH_FRAME, as libgcc's unwinder
 * uses them. Checked against what dl_iterate_phdr says about the same
 * object; the addresses themselves differ per run and are not printed. */
#include <dlfcn.h>
#include <link.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct expect {
	uintptr_t pc, start, end, eh_frame, dynamic, bias;
	int found;
};

static int visit(struct dl_phdr_info *info, size_t size, void *data)
{
	struct expect *e = data;
	uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE), lo = (uintptr_t)-1, hi = 0, eh = 0, dyn = 0;
	(void)size;
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		if (ph->p_type == PT_LOAD) {
			if ((ph->p_vaddr & ~(page - 1)) < lo) lo = ph->p_vaddr & ~(page - 1);
			if (ph->p_vaddr + ph->p_memsz > hi) hi = ph->p_vaddr + ph->p_memsz;
		} else if (ph->p_type == PT_GNU_EH_FRAME) {
			eh = info->dlpi_addr + ph->p_vaddr;
		} else if (ph->p_type == PT_DYNAMIC) {
			dyn = info->dlpi_addr + ph->p_vaddr;
		}
	}
	if (e->pc >= info->dlpi_addr + lo && e->pc < info->dlpi_addr + hi) {
		e->start = info->dlpi_addr + lo;
		e->end = info->dlpi_addr + hi;
		e->eh_frame = eh;
		e->dynamic = dyn;
		e->bias = info->dlpi_addr;
		e->found = 1;
		return 1;
	}
	return 0;
}

static void check(const char *what, const void *pc)
{
	struct expect e = { .pc = (uintptr_t)pc };
	struct dl_find_object dlfo;
	memset(&dlfo, 0xa5, sizeof dlfo);
	dl_iterate_phdr(visit, &e);
	int r = _dl_find_object((void *)pc, &dlfo);
	printf("%s: %d (an object by dl_iterate_phdr: %d)\n", what, r, e.found);
	if (r != 0) {
		printf("  result untouched: %d\n", dlfo.dlfo_flags == 0xa5a5a5a5a5a5a5a5ULL);
		return;
	}
	struct link_map *map = dlfo.dlfo_link_map;
	printf("  flags %llu, bounds as the program headers give them: %d %d, eh_frame: %d (has one: %d)\n",
	       dlfo.dlfo_flags, (uintptr_t)dlfo.dlfo_map_start == e.start, (uintptr_t)dlfo.dlfo_map_end == e.end,
	       (uintptr_t)dlfo.dlfo_eh_frame == e.eh_frame, dlfo.dlfo_eh_frame != NULL);
	printf("  link map: l_addr %d, l_ld %d\n", map && map->l_addr == e.bias,
	       map && (uintptr_t)map->l_ld == e.dynamic);
}

int main(void)
{
	int local;
	check("main", (void *)main);
	check("fputs", dlsym(RTLD_DEFAULT, "fputs"));
	check("a stack address", &local);
	check("0x10", (void *)0x10);
	return 0;
}
