// cases: options logical nostat roots set children errors xdev deep stream
// cflags: -D_GNU_SOURCE
/* glibc's fts as a -D_FILE_OFFSET_BITS=64 program calls it: glibc >= 2.23
 * headers redirect fts_open, fts_read, ... to fts64_open, fts64_read, ...
 * The walks are in walk.h. */
#include "walk.h"
