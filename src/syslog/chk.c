/* The variadic fortified syslog entry point: a front over __vsyslog_chk. */
#include <stdarg.h>

#include "../abi/export.h"

void __vsyslog_chk(int priority, int flag, const char *fmt, va_list ap);

void __syslog_chk(int priority, int flag, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    __vsyslog_chk(priority, flag, fmt, ap);
    va_end(ap);
}
GCOMPAT_EXPORT(__syslog_chk);
