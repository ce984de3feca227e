// Reads a gmon.out file and prints what is deterministic in it: the header,
// the histogram record's shape (not its samples, which depend on timing),
// and each call arc as caller -> callee with its count, the addresses
// resolved to the names of the functions the program lists (file order,
// which follows glibc's hash and chain order).
#ifndef GMON_FILE_H
#define GMON_FILE_H
#define _GNU_SOURCE
#include <link.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/gmon_out.h>

extern char __executable_start[], etext[];
int __profile_frequency(void);

struct gmon_fn {
    const char *name;
    const void *addr;
};

static int gmon_first_object(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    *(uintptr_t *)data = info->dlpi_addr;
    return 1;
}

// The main program's load address, which gmon.out addresses are relative to.
static uintptr_t gmon_load_address(void)
{
    uintptr_t load = 0;
    dl_iterate_phdr(gmon_first_object, &load);
    return load;
}

// The listed function that `rel` (relative to the load address) lies in:
// the one with the greatest address not above it.
static const char *gmon_name(uint64_t rel, const struct gmon_fn *fns, int n)
{
    uintptr_t addr = (uintptr_t)rel + gmon_load_address();
    const struct gmon_fn *best = NULL;
    for (int i = 0; i < n; i++)
        if ((uintptr_t)fns[i].addr <= addr && (!best || fns[i].addr > best->addr)) best = &fns[i];
    return best ? best->name : "(outside)";
}

// Prints the profile at `path`; returns the number of arcs, or -1 when
// there is no such file.
static int gmon_print(const char *path, const struct gmon_fn *fns, int nfns)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        printf("  no profile\n");
        return -1;
    }
    static unsigned char buf[1 << 20];
    size_t len = fread(buf, 1, sizeof buf, f);
    fclose(f);
    size_t pos = sizeof(struct gmon_hdr);
    if (len < pos) {
        printf("  short header (%zu bytes)\n", len);
        return 0;
    }
    int32_t version;
    memcpy(&version, buf + 4, 4);
    int spare_zero = 1;
    for (int i = 8; i < 20; i++) spare_zero &= buf[i] == 0;
    printf("  cookie %.4s version %d spare zero %d\n", (char *)buf, version, spare_zero);
    uintptr_t load = gmon_load_address();
    int arcs = 0;
    while (pos < len) {
        unsigned char tag = buf[pos++];
        if (tag == GMON_TAG_TIME_HIST && pos + sizeof(struct gmon_hist_hdr) <= len) {
            uint64_t low, high;
            int32_t size, rate;
            memcpy(&low, buf + pos, 8);
            memcpy(&high, buf + pos + 8, 8);
            memcpy(&size, buf + pos + 16, 4);
            memcpy(&rate, buf + pos + 20, 4);
            const char *dimen = (const char *)buf + pos + 24;
            char abbrev = (char)buf[pos + 39];
            pos += sizeof(struct gmon_hist_hdr);
            uint64_t text_lo = ((uintptr_t)__executable_start - load) / 4 * 4;
            uint64_t text_hi = ((uintptr_t)etext - load + 3) / 4 * 4;
            uint64_t counters = ((high - low) / 2 + 7) / 8 * 8 / 2;
            printf("  hist: covers the text %d, glibc-sized %d, rate is __profile_frequency %d, dimen %.15s '%c'\n",
                   low == text_lo && high == text_hi, (uint64_t)size == counters,
                   rate == __profile_frequency(), dimen, abbrev);
            pos += (size_t)size * 2;
        } else if (tag == GMON_TAG_CG_ARC && pos + sizeof(struct gmon_cg_arc_record) <= len) {
            uint64_t from, self;
            int32_t count;
            memcpy(&from, buf + pos, 8);
            memcpy(&self, buf + pos + 8, 8);
            memcpy(&count, buf + pos + 16, 4);
            pos += sizeof(struct gmon_cg_arc_record);
            printf("  arc %s -> %s %d\n", gmon_name(from, fns, nfns), gmon_name(self, fns, nfns), count);
            arcs++;
        } else {
            printf("  unexpected tag %d at %zu of %zu\n", tag, pos - 1, len);
            break;
        }
    }
    printf("  ends where the records end %d\n", pos == len);
    return arcs;
}

#endif
