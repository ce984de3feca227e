/* _nl_msg_cat_cntr: glibc's count of message-catalog changes, which
 * gettext-using programs (man-db, programs built with gnulib's gettext
 * support) read to notice new translations. Defined here, in C compiled
 * -fPIC, so that the shim's updates go through the GOT: a glibc program that
 * names it gets a copy relocation, and the program's copy is the live one
 * (src/libintl/mod.rs counts the changes). */
#include "../abi/export.h"
int _nl_msg_cat_cntr;
GCOMPAT_EXPORT(_nl_msg_cat_cntr);
