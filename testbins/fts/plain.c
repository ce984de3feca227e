// cases: options logical nostat roots set children errors xdev deep stream
// cflags: -U_FILE_OFFSET_BITS -D_GNU_SOURCE
/* glibc's fts by its plain names (no _FILE_OFFSET_BITS=64, so no fts64_*
 * redirects). The walks are in walk.h. */
#include "walk.h"
