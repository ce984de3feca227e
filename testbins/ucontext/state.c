// cases: layout sigmask fpu errors
// cflags: -D_GNU_SOURCE -fno-omit-frame-pointer
/* What a context carries besides the jump: glibc's ucontext_t layout as the
 * program sees it through glibc's headers, the signal mask, the x87 control
 * word and the SSE mxcsr (rounding mode) on x86_64, FPCR and the fpsimd
 * record on aarch64, and the argument registers that setcontext restores. */
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>

enum { NEAREST, DOWNWARD, UPWARD, TOWARDZERO };
#if defined(__x86_64__)
#include <xmmintrin.h>
/* The SSE rounding mode (mxcsr bits 13-14), which doubles use on x86_64;
 * set directly so the program needs no libm. */
static int getround(void) { return (_mm_getcsr() >> 13) & 3; }
static void setround(int m) { _mm_setcsr((_mm_getcsr() & ~0x6000u) | (unsigned)m << 13); }
#elif defined(__aarch64__)
/* FPCR's RMode (bits 22-23): 0 nearest, 1 upward, 2 downward, 3 toward zero. */
static unsigned long fpcr(void) { unsigned long v; __asm__ volatile("mrs %0, fpcr" : "=r"(v)); return v; }
static const int from_rmode[4] = {NEAREST, UPWARD, DOWNWARD, TOWARDZERO};
static const unsigned to_rmode[4] = {0, 2, 1, 3};
static int getround(void) { return from_rmode[(fpcr() >> 22) & 3]; }
static void setround(int m)
{
	unsigned long v = (fpcr() & ~(3ul << 22)) | (unsigned long)to_rmode[m] << 22;
	__asm__ volatile("msr fpcr, %0" : : "r"(v));
}
#endif

extern char __executable_start[], etext[];

static ucontext_t main_ctx, co_ctx;

static __attribute__((noinline)) void layout(void)
{
	ucontext_t uc;
	char here;
	memset(&uc, 0xa5, sizeof uc);
	int r = getcontext(&uc);
	printf("getcontext: %d\n", r);
#if defined(__aarch64__)
	/* glibc's layout: the kernel's, with the FP/SIMD state as the first
	 * record in __reserved, then an empty one. */
	printf("sizeof(ucontext_t) %zu, uc_sigmask at %zu, uc_mcontext at %zu, __reserved at %zu\n",
	       sizeof uc, offsetof(ucontext_t, uc_sigmask), offsetof(ucontext_t, uc_mcontext),
	       offsetof(ucontext_t, uc_mcontext.__reserved));
	struct { unsigned magic, size, fpsr, fpcr; } head;
	memcpy(&head, uc.uc_mcontext.__reserved, sizeof head);
	unsigned next[2];
	memcpy(next, uc.uc_mcontext.__reserved + head.size, sizeof next);
	printf("first record: magic %#x size %u, FPCR saved: %#x; next: magic %#x size %u\n",
	       head.magic, head.size, head.fpcr, next[0], next[1]);
	char *sp = (char *)uc.uc_mcontext.sp;
	printf("sp in this frame: %d, 16-aligned: %d\n",
	       sp <= &here && sp > &here - 4096 && sp <= (char *)__builtin_frame_address(0),
	       (int)((unsigned long)sp % 16 == 0));
	char *pc = (char *)uc.uc_mcontext.pc;
	printf("pc in this function's text: %d\n",
	       pc >= (char *)layout && pc < (char *)layout + 4096 && pc >= __executable_start && pc < etext);
	printf("x29 saved: %d, x30 is pc: %d, x0 is 0: %d\n",
	       uc.uc_mcontext.regs[29] == (unsigned long long)__builtin_frame_address(0),
	       uc.uc_mcontext.regs[30] == uc.uc_mcontext.pc, uc.uc_mcontext.regs[0] == 0);
#else
	printf("sizeof(ucontext_t) %zu, uc_sigmask at %zu, __fpregs_mem at %zu\n",
	       sizeof uc, offsetof(ucontext_t, uc_sigmask), offsetof(ucontext_t, __fpregs_mem));
	printf("fpregs == &__fpregs_mem: %d\n", uc.uc_mcontext.fpregs == &uc.__fpregs_mem);
	char *rsp = (char *)uc.uc_mcontext.gregs[REG_RSP];
	/* rsp as it is after getcontext returns: this frame's own stack
	 * pointer, at or below its locals, within a page of them. */
	printf("rsp in this frame: %d, 16-aligned: %d\n",
	       rsp <= &here && rsp > &here - 4096 && rsp < (char *)__builtin_frame_address(0),
	       (int)((unsigned long)rsp % 16 == 0));
	char *rip = (char *)uc.uc_mcontext.gregs[REG_RIP];
	printf("rip in this function's text: %d\n",
	       rip >= (char *)layout && rip < (char *)layout + 4096 && rip >= __executable_start && rip < etext);
	printf("rbp saved: %d\n", uc.uc_mcontext.gregs[REG_RBP] == (greg_t)__builtin_frame_address(0));
	printf("rdi holds &uc: %d\n", uc.uc_mcontext.gregs[REG_RDI] == (greg_t)&uc);
	printf("mxcsr saved: %#x\n", uc.uc_mcontext.fpregs->mxcsr);
	printf("x87 control word saved: %#x\n", uc.uc_mcontext.fpregs->cwd);
#endif
	/* The kernel's mask is 8 bytes: the rest of glibc's 128 is left as it was. */
	unsigned char *mask = (unsigned char *)&uc.uc_sigmask;
	printf("mask bytes 8..127 untouched: %d\n", mask[8] == 0xa5 && mask[127] == 0xa5);
	printf("SIGINT in saved mask: %d\n", sigismember(&uc.uc_sigmask, SIGINT));
}

static void show_mask(const char *where)
{
	sigset_t cur;
	sigprocmask(SIG_BLOCK, NULL, &cur);
	printf("%s: USR1 %d USR2 %d INT %d\n", where, sigismember(&cur, SIGUSR1),
	       sigismember(&cur, SIGUSR2), sigismember(&cur, SIGINT));
}

static void co_mask(void)
{
	show_mask("coroutine start");
	sigset_t s;
	sigemptyset(&s);
	sigaddset(&s, SIGINT);
	sigprocmask(SIG_BLOCK, &s, NULL);
	show_mask("coroutine blocked INT");
	swapcontext(&co_ctx, &main_ctx);
	show_mask("coroutine resumed");
}

static void masks(void)
{
	sigset_t s;
	sigemptyset(&s);
	sigaddset(&s, SIGUSR1);
	sigprocmask(SIG_BLOCK, &s, NULL);
	getcontext(&co_ctx);
	co_ctx.uc_stack.ss_sp = malloc(128 * 1024);
	co_ctx.uc_stack.ss_size = 128 * 1024;
	co_ctx.uc_link = &main_ctx;
	/* The context runs with the mask makecontext's context holds: USR1
	 * and USR2 blocked, whatever main has at the switch. */
	sigaddset(&co_ctx.uc_sigmask, SIGUSR2);
	makecontext(&co_ctx, co_mask, 0);
	sigprocmask(SIG_UNBLOCK, &s, NULL);
	show_mask("main before");
	swapcontext(&main_ctx, &co_ctx);
	show_mask("main between");
	swapcontext(&main_ctx, &co_ctx);
	show_mask("main after");
	/* setcontext restores the mask of a getcontext. */
	volatile int pass = 0;
	ucontext_t uc;
	getcontext(&uc);
	show_mask("after getcontext");
	if (!pass++) {
		sigset_t all;
		sigfillset(&all);
		sigprocmask(SIG_BLOCK, &all, NULL);
		show_mask("all blocked");
		setcontext(&uc);
	}
}

static volatile double third;

static void co_fpu(void)
{
	volatile double one = 1.0, three = 3.0;
	printf("coroutine rounding: %s\n", getround() == UPWARD ? "upward" : "other");
	third = one / three;
	printf("coroutine 1/3 = %.20f\n", third);
	setround(DOWNWARD);
	swapcontext(&co_ctx, &main_ctx);
	printf("coroutine resumed rounding: %s\n", getround() == DOWNWARD ? "downward" : "other");
}

static const char *mode(void)
{
	switch (getround()) {
	case NEAREST: return "nearest";
	case UPWARD: return "upward";
	case DOWNWARD: return "downward";
	case TOWARDZERO: return "towardzero";
	}
	return "?";
}

static void fpu(void)
{
	setround(UPWARD);
	getcontext(&co_ctx);
	setround(NEAREST);
	co_ctx.uc_stack.ss_sp = malloc(128 * 1024);
	co_ctx.uc_stack.ss_size = 128 * 1024;
	co_ctx.uc_link = &main_ctx;
	makecontext(&co_ctx, co_fpu, 0);
	printf("main rounding before: %s\n", mode());
	swapcontext(&main_ctx, &co_ctx);
	printf("main rounding between: %s\n", mode());
	volatile double one = 1.0, three = 3.0;
	printf("main 1/3 = %.20f\n", one / three);
	swapcontext(&main_ctx, &co_ctx);
	printf("main rounding after: %s\n", mode());
	/* setcontext restores the getcontext's environment. */
	volatile int pass = 0;
	ucontext_t uc;
	setround(TOWARDZERO);
	getcontext(&uc);
	printf("after getcontext: %s\n", mode());
	if (!pass++) {
		setround(UPWARD);
		setcontext(&uc);
	}
	setround(NEAREST);
}

static void errors(void)
{
	/* A mask with every bit set, SIGKILL and SIGSTOP included: the kernel
	 * ignores those, so setcontext still succeeds. */
	volatile int pass = 0;
	ucontext_t uc;
	getcontext(&uc);
	if (!pass++) {
		sigfillset(&uc.uc_sigmask);
		setcontext(&uc);
	}
	show_mask("after a full mask");
	sigprocmask(SIG_SETMASK, &(sigset_t){0}, NULL);
	fflush(stdout);
}

int main(int argc, char **argv)
{
	const char *c = argc > 1 ? argv[1] : "";
	if (!strcmp(c, "layout")) layout();
	else if (!strcmp(c, "sigmask")) masks();
	else if (!strcmp(c, "fpu")) fpu();
	else if (!strcmp(c, "errors")) errors();
	return 0;
}
