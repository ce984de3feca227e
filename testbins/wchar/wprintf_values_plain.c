// wprintf_values.c through the plain, non-fortified wide printf family
// (swprintf, wprintf, vfwprintf, ...) that a glibc program built without
// _FORTIFY_SOURCE calls: the shim gives these glibc's output too.
// cases: swprintf_null swprintf_star swprintf_positional swprintf_m swprintf_short wprintf_stream fwprintf_stream vfuncs
// cflags: -D_GNU_SOURCE -U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=0
#include "wprintf_values.c"
