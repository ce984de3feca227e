// printf_values.c through the plain, non-fortified printf family (printf,
// sprintf, vsnprintf, ...) that a glibc program built without
// _FORTIFY_SOURCE calls: the shim gives these glibc's output too.
// cases: p_null p_value s_null s_wide star positional percent_n m_texts snprintf asprintf dprintf vfuncs
// cflags: -D_GNU_SOURCE -U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=0 -fno-builtin-printf -fno-builtin-vprintf -fno-builtin-fprintf
#include "printf_values.c"
