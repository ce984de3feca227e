/* makecontext(ucp, func, argc, ...): prepares *ucp (from getcontext, with
 * uc_stack and uc_link set) to call func with argc arguments when resumed,
 * and to resume uc_link (or exit(0) if null) when func returns.
 * Safety: uc_stack is writable memory large enough for the arguments.
 *
 * Variadic: a front over gcompat_makecontext in x86_64.rs or aarch64.rs,
 * which takes each argument through next_arg below. glibc reads
 * the arguments as 64-bit values (long), not int; so does this. The context
 * is glibc's ucontext_t (struct tag ucontext_t), which musl's header does not
 * describe: a void * to callers, and only declared here. */
#include <stdarg.h>

#include "../abi/export.h"

#if defined(__x86_64__) || defined(__aarch64__) /* those with a gcompat_makecontext */

typedef long (*next_arg_fn)(void *ap);
struct ucontext_t;
void gcompat_makecontext(struct ucontext_t *ucp, void (*func)(void), int argc, next_arg_fn next, void *ap);
void makecontext(void *ucp, void (*func)(void), int argc, ...);

static long next_arg(void *ap) { return va_arg(*(va_list *)ap, long); }

void makecontext(void *ucp, void (*func)(void), int argc, ...)
{
	va_list ap;
	va_start(ap, argc);
	gcompat_makecontext(ucp, func, argc, next_arg, &ap);
	va_end(ap);
}
GCOMPAT_EXPORT(makecontext);
#endif
