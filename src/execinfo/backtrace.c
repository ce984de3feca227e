/* backtrace: the stack walk itself, in C because it needs its own frame
 * address and return address (__builtin_frame_address/_return_address),
 * which stable Rust cannot name. glibc's algorithm (debug/backtrace.c) over
 * libgcc's unwinder, loaded by gcompat_unwinder() in mod.rs; when that
 * cannot be loaded, a frame-pointer walk (mod.rs says when it is right). */
#define _GNU_SOURCE
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "../abi/export.h"

#define URC_NO_REASON 0
#define URC_END_OF_STACK 5

typedef int (*trace_fn)(void *ctx, void *arg);
struct unwinder {
	int (*backtrace)(trace_fn fn, void *arg);
	uintptr_t (*get_ip)(void *ctx);
	uintptr_t (*get_cfa)(void *ctx);
};
int gcompat_unwinder(struct unwinder *out);
int backtrace(void **array, int size);

struct trace {
	void **array;
	const struct unwinder *u;
	uintptr_t cfa;
	int cnt, size;
};

static int trace_one(void *ctx, void *arg)
{
	struct trace *t = arg;
	/* The first frame is backtrace's own: skipped. */
	if (t->cnt != -1) {
		t->array[t->cnt] = (void *)t->u->get_ip(ctx);
		uintptr_t cfa = t->u->get_cfa(ctx);
		/* No progress: the same frame again. */
		if (t->cnt > 0 && t->array[t->cnt - 1] == t->array[t->cnt] && cfa == t->cfa)
			return URC_END_OF_STACK;
		t->cfa = cfa;
	}
	if (++t->cnt == t->size)
		return URC_END_OF_STACK;
	return URC_NO_REASON;
}

/* Where the calling thread's stack ends: a saved frame pointer must lie
 * between the current frame and there. */
static uintptr_t stack_end(void)
{
	pthread_attr_t attr;
	void *addr;
	size_t size;
	uintptr_t end = 0;
	if (pthread_getattr_np(pthread_self(), &attr) == 0) {
		if (pthread_attr_getstack(&attr, &addr, &size) == 0)
			end = (uintptr_t)addr + size;
		pthread_attr_destroy(&attr);
	}
	return end;
}

__attribute__((noinline)) int backtrace(void **array, int size)
{
	if (size <= 0)
		return 0;
	struct unwinder u;
	if (gcompat_unwinder(&u)) {
		struct trace t = { .array = array, .u = &u, .cfa = 0, .cnt = -1, .size = size };
		u.backtrace(trace_one, &t);
		/* The unwinder reports a null address above _start. */
		if (t.cnt > 1 && array[t.cnt - 1] == NULL)
			--t.cnt;
		return t.cnt != -1 ? t.cnt : 0;
	}
	/* Frame pointers: [fp] is the caller's fp, [fp + 8] the return address.
	 * Each saved fp must lie above the last, within this thread's stack. */
	void **fp = __builtin_frame_address(0);
	uintptr_t end = stack_end();
	int n = 0;
	array[n++] = __builtin_return_address(0);
	while (n < size) {
		void **next = fp[0];
		if ((uintptr_t)next <= (uintptr_t)fp || (uintptr_t)next % sizeof(void *) ||
		    (uintptr_t)next + 2 * sizeof(void *) > end)
			break;
		fp = next;
		if (!fp[1])
			break;
		array[n++] = fp[1];
	}
	return n;
}
GCOMPAT_EXPORT(backtrace);
