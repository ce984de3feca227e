// cases: pingpong args link nolink loop recursion
// cflags: -D_GNU_SOURCE
/* Context switches as coroutine libraries use them: swapcontext ping-pong,
 * makecontext arguments (more than the 6 register ones: glibc passes the
 * rest on the stack, as 64-bit values), uc_link chains, the exit(0) when a
 * function returns to a null uc_link, getcontext/setcontext loops, and deep
 * recursion on a malloc'd stack. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>

#define STACK (256 * 1024)

static ucontext_t main_ctx, a_ctx, b_ctx, c_ctx;
static int trace[64], ntrace;

static void *stack(void) { return malloc(STACK); }

static void setup(ucontext_t *uc, ucontext_t *link)
{
	if (getcontext(uc) != 0) { perror("getcontext"); exit(1); }
	uc->uc_stack.ss_sp = stack();
	uc->uc_stack.ss_size = STACK;
	uc->uc_link = link;
}

static void ping(void)
{
	for (int i = 0; i < 5; i++) {
		trace[ntrace++] = 100 + i;
		if (swapcontext(&a_ctx, &b_ctx) != 0) { perror("swapcontext"); exit(1); }
	}
}

static void pong(void)
{
	for (int i = 0; i < 5; i++) {
		trace[ntrace++] = 200 + i;
		if (swapcontext(&b_ctx, &a_ctx) != 0) { perror("swapcontext"); exit(1); }
	}
}

static void pingpong(void)
{
	setup(&a_ctx, &main_ctx);
	setup(&b_ctx, &main_ctx);
	makecontext(&a_ctx, ping, 0);
	makecontext(&b_ctx, pong, 0);
	int r = swapcontext(&main_ctx, &a_ctx);
	printf("back in main: swapcontext returned %d\n", r);
	for (int i = 0; i < ntrace; i++) printf("%d ", trace[i]);
	printf("\n");
}

static long got[12];
static int calls;

static void args3(int a, int b, int c) { got[0] = a; got[1] = b; got[2] = c; calls = 3; }
static void args6(int a, int b, int c, int d, int e, int f)
{
	got[0] = a; got[1] = b; got[2] = c; got[3] = d; got[4] = e; got[5] = f; calls = 6;
}
static void args9(long a, long b, long c, long d, long e, long f, long g, long h, long i)
{
	long v[] = { a, b, c, d, e, f, g, h, i };
	memcpy(got, v, sizeof v); calls = 9;
	/* The stack must be as after a call: rsp + 8 16-byte aligned here. */
	char *sp = __builtin_frame_address(0);
	printf("frame aligned: %d\n", (int)(((unsigned long)sp) % 16));
}
static void args10(int a, int b, int c, int d, int e, int f, int g, int h, int i, int j)
{
	long v[] = { a, b, c, d, e, f, g, h, i, j };
	memcpy(got, v, sizeof v); calls = 10;
}

static void show(void)
{
	printf("%d args:", calls);
	for (int i = 0; i < calls; i++) printf(" %ld", got[i]);
	printf("\n");
}

static void args(void)
{
	setup(&a_ctx, &main_ctx);
	makecontext(&a_ctx, (void (*)(void))args3, 3, 1, -2, 3);
	swapcontext(&main_ctx, &a_ctx); show();
	setup(&a_ctx, &main_ctx);
	makecontext(&a_ctx, (void (*)(void))args6, 6, 10, 20, 30, 40, 50, -60);
	swapcontext(&main_ctx, &a_ctx); show();
	setup(&a_ctx, &main_ctx);
	makecontext(&a_ctx, (void (*)(void))args9, 9, 1L, 2L, 3L, 4L, 5L, 6L, 0x123456789aL, -8L, 9L);
	swapcontext(&main_ctx, &a_ctx); show();
	setup(&a_ctx, &main_ctx);
	makecontext(&a_ctx, (void (*)(void))args10, 10, 1, 2, 3, 4, 5, 6, 7, 8, 9, -10);
	swapcontext(&main_ctx, &a_ctx); show();
	/* The same context run twice: makecontext again on a used context. */
	makecontext(&a_ctx, (void (*)(void))args3, 3, 7, 8, 9);
	swapcontext(&main_ctx, &a_ctx); show();
}

static void step(int n) { printf("step %d\n", n); }

static void link(void)
{
	/* a returns into b, b into c, c into main. */
	setup(&c_ctx, &main_ctx);
	setup(&b_ctx, &c_ctx);
	setup(&a_ctx, &b_ctx);
	makecontext(&c_ctx, (void (*)(void))step, 1, 3);
	makecontext(&b_ctx, (void (*)(void))step, 1, 2);
	makecontext(&a_ctx, (void (*)(void))step, 1, 1);
	int r = swapcontext(&main_ctx, &a_ctx);
	printf("back in main after the chain: %d\n", r);
}

static void bye(void) { printf("atexit handler ran\n"); }

static void last(int n)
{
	printf("last context %d returns to a null uc_link\n", n);
}

static void nolink(void)
{
	atexit(bye);
	setup(&a_ctx, NULL);
	makecontext(&a_ctx, (void (*)(void))last, 1, 42);
	printf("buffered output before the switch");
	swapcontext(&main_ctx, &a_ctx);
	printf("not reached\n");
	exit(3);
}

static void loop(void)
{
	volatile int count = 0;
	ucontext_t uc;
	int r = getcontext(&uc);
	count++;
	printf("getcontext returned %d, count %d\n", r, count);
	if (count < 4) {
		setcontext(&uc);
		printf("not reached\n");
	}
	/* A context saved in a deeper frame of a still-live function. */
	printf("done after %d\n", count);
}

static long depth_sum(int n, volatile char *prev)
{
	volatile char buf[256];
	buf[0] = (char)n;
	buf[255] = prev ? prev[0] : 0;
	if (n == 0) return buf[0];
	return n + depth_sum(n - 1, buf) + buf[255] - buf[255];
}

static long result;
static void deep(int n) { result = depth_sum(n, 0); }

static void recursion(void)
{
	ucontext_t uc;
	size_t size = 4 << 20;
	if (getcontext(&uc) != 0) return;
	uc.uc_stack.ss_sp = malloc(size);
	uc.uc_stack.ss_size = size;
	uc.uc_link = &main_ctx;
	makecontext(&uc, (void (*)(void))deep, 1, 5000);
	swapcontext(&main_ctx, &uc);
	printf("sum of 0..5000 computed on a 4 MiB malloc'd stack: %ld\n", result);
	char *lo = uc.uc_stack.ss_sp, *hi = lo + size;
#if defined(__aarch64__)
	char *sp = (char *)uc.uc_mcontext.sp;
#else
	char *sp = (char *)uc.uc_mcontext.gregs[REG_RSP];
#endif
	printf("rsp was in the stack: %d\n", sp > lo && sp < hi);
}

int main(int argc, char **argv)
{
	const char *c = argc > 1 ? argv[1] : "";
	if (!strcmp(c, "pingpong")) pingpong();
	else if (!strcmp(c, "args")) args();
	else if (!strcmp(c, "link")) link();
	else if (!strcmp(c, "nolink")) nolink();
	else if (!strcmp(c, "loop")) loop();
	else if (!strcmp(c, "recursion")) recursion();
	return 0;
}
