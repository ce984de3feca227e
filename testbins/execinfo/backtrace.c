// cases: nested fd sizes callback places coroutine
// cflags: -D_GNU_SOURCE -rdynamic -fno-omit-frame-pointer -O0
/* backtrace and backtrace_symbols{,_fd}: the frames of nested calls by
 * name, the exact line format for an unknown address, an exact symbol, a
 * function without a dynamic symbol (offset from the load bias) and an
 * address inside libc. Addresses, paths and libc's own symbol names differ
 * between runs and libcs: only what is stable is printed. */
#include <dlfcn.h>
#include <execinfo.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>

static const char *prog;

/* "path(sym+0xoff) [0xaddr]" -> "sym"; "" when the line has no symbol;
 * NULL when it is not of that form. Also checks the path is the program's. */
static const char *name_of(const char *line, char *out, size_t n)
{
	const char *open = strchr(line, '('), *plus = open ? strpbrk(open, "+-") : NULL;
	const char *close = plus ? strchr(plus, ')') : NULL;
	if (!open || !plus || !close || strncmp(close, ") [0x", 5) || line[strlen(line) - 1] != ']')
		return NULL;
	size_t len = plus - open - 1;
	if (len >= n) len = n - 1;
	memcpy(out, open + 1, len);
	out[len] = 0;
	return out;
}

static int in_program(const char *line)
{
	size_t n = strlen(prog);
	return !strncmp(line, prog, n) && line[n] == '(';
}

/* Prints the program's own frames by name, innermost first, up to main. */
static void show(void **frames, int n)
{
	char **lines = backtrace_symbols(frames, n);
	if (!lines) { printf("backtrace_symbols failed\n"); return; }
	for (int i = 0; i < n; i++) {
		char name[64];
		if (!in_program(lines[i])) { printf("  (frame outside the program)\n"); break; }
		printf("  %s\n", name_of(lines[i], name, sizeof name) ? name : "(bad line)");
		if (!strcmp(name, "main")) break;
	}
	free(lines);
}

static int depth;
__attribute__((noinline)) void f1(void)
{
	void *frames[64];
	int n = backtrace(frames, 64);
	printf("backtrace from f1: at least 4 frames: %d\n", n >= 4);
	show(frames, n);
	depth = n;
}
__attribute__((noinline)) void f2(void) { f1(); __asm__ volatile(""); }
__attribute__((noinline)) void f3(void) { f2(); __asm__ volatile(""); }

static void nested(void)
{
	f3();
}

/* backtrace_symbols_fd's lines, read back through a pipe. */
static char *fd_text(void *const *frames, int n)
{
	static char text[65536];
	int p[2];
	if (pipe(p)) { perror("pipe"); exit(1); }
	backtrace_symbols_fd(frames, n, p[1]);
	close(p[1]);
	size_t len = 0;
	ssize_t r;
	while ((r = read(p[0], text + len, sizeof text - 1 - len)) > 0) len += r;
	text[len] = 0;
	close(p[0]);
	return text;
}

/* glibc's format here is its own: "path(sym+0xoff)[0xaddr]", no space. */
static void show_fd_line(const char *line, size_t len)
{
	if (len > strlen(prog) && !strncmp(line, prog, strlen(prog)) && line[strlen(prog)] == '(') {
		const char *bracket = memchr(line, '[', len);
		printf("  %.*s%s\n", (int)(bracket - line - strlen(prog)), line + strlen(prog),
		       bracket && !strncmp(bracket, "[0x", 3) && line[len - 1] == ']' ? "[0x...]" : " (bad)");
	} else if (line[0] == '[') {
		printf("  %.*s\n", (int)len, line);
	} else {
		printf("  (outside the program)\n");
	}
}

__attribute__((noinline)) void to_fd(void)
{
	void *frames[64];
	int n = backtrace(frames, 64);
	char *text = fd_text(frames, n);
	int lines = 0;
	for (char *nl = text; (nl = strchr(nl, '\n')); nl++) lines++;
	printf("backtrace_symbols_fd: a line per frame %d\n", lines == n);
	/* The program's frames, up to main. */
	for (char *line = text, *nl; (nl = strchr(line, '\n')); line = nl + 1) {
		show_fd_line(line, nl - line);
		if (strstr(line, "(main+") && strstr(line, "(main+") < nl) break;
	}
	/* Unknown and null addresses, an exact symbol, an offset. */
	void *addrs[] = { (void *)0x10, NULL, (void *)f1, (void *)((char *)f2 + 0x13) };
	text = fd_text(addrs, 4);
	for (char *line = text, *nl; (nl = strchr(line, '\n')); line = nl + 1) show_fd_line(line, nl - line);
	/* A closed descriptor: nothing to see, no crash. */
	backtrace_symbols_fd(frames, n, -1);
}

__attribute__((noinline)) void sizes(void)
{
	void *frames[4] = { (void *)1, (void *)1, (void *)1, (void *)1 };
	printf("size 0: %d, size -1: %d, untouched: %d\n", backtrace(frames, 0), backtrace(frames, -1),
	       frames[0] == (void *)1);
	int n = backtrace(frames, 1);
	printf("size 1: %d, next slot untouched: %d\n", n, frames[1] == (void *)1);
	show(frames, n);
	n = backtrace(frames, 2);
	printf("size 2: %d, next slot untouched: %d\n", n, frames[2] == (void *)1);
	show(frames, n);
	char **lines = backtrace_symbols(frames, 0);
	printf("backtrace_symbols of none: %s\n", lines ? "a block" : "NULL");
	free(lines);
	backtrace_symbols_fd(frames, 0, 1);
}

static int compared;
int by_value(const void *a, const void *b)
{
	if (!compared++) {
		void *frames[64];
		int n = backtrace(frames, 64);
		char **lines = backtrace_symbols(frames, n);
		char name[64];
		printf("in the qsort callback: first frame %s\n",
		       n > 0 && in_program(lines[0]) && name_of(lines[0], name, sizeof name) ? name : "(none)");
		free(lines);
	}
	return *(const int *)a - *(const int *)b;
}

static void callback(void)
{
	int v[] = { 3, 1, 2 };
	qsort(v, 3, sizeof *v, by_value);
	printf("sorted: %d %d %d\n", v[0], v[1], v[2]);
}

static int bias_cb(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size;
	*(ElfW(Addr) *)data = info->dlpi_addr;
	return 1; /* the first object is the program */
}

/* Not in the dynamic symbol table: static, and not referenced by name. */
static __attribute__((noinline)) void *hidden_here(void)
{
	return __builtin_return_address(0);
}

static void places(void)
{
	void *addrs[] = { (void *)0x10, NULL, (void *)f1, (void *)((char *)f2 + 3) };
	char **lines = backtrace_symbols(addrs, 4);
	printf("unknown: %s\nnull: %s\n", lines[0], lines[1]);
	printf("f1 exactly: %.*s\n", (int)strcspn(strchr(lines[2], '('), " "), strchr(lines[2], '('));
	printf("f2+3: %.8s\n", in_program(lines[3]) ? strchr(lines[3], '(') : lines[3]);
	free(lines);

	/* A static function: no symbol, so the offset counts from the
	 * program's load bias. */
	ElfW(Addr) bias = 0;
	dl_iterate_phdr(bias_cb, &bias);
	void *pc = (char *)hidden_here + 1;
	lines = backtrace_symbols(&pc, 1);
	char want[64];
	snprintf(want, sizeof want, "(+%#lx) [%p]", (unsigned long)((char *)pc - (char *)bias), pc);
	printf("static function: symbol-less form %d, offset from the load bias %d\n",
	       in_program(lines[0]) && !strncmp(strchr(lines[0], '('), "(+0x", 4),
	       !strcmp(strchr(lines[0], '('), want));
	free(lines);

	/* Inside libc: the names differ (glibc's and musl's), the form does not. */
	void *in_libc = (char *)dlsym(RTLD_DEFAULT, "fputs") + 1;
	lines = backtrace_symbols(&in_libc, 1);
	const char *open = strchr(lines[0], '(');
	char sfx[32];
	snprintf(sfx, sizeof sfx, "+0x1) [%p]", in_libc);
	printf("fputs+1 in libc: outside the program %d, ends %s: %d\n", !in_program(lines[0]), "+0x1) [addr]",
	       open && strlen(lines[0]) > strlen(sfx) && !strcmp(lines[0] + strlen(lines[0]) - strlen(sfx), sfx));
	free(lines);
}

/* In a makecontext coroutine the stack ends at libc's trampoline. */
static ucontext_t main_ctx, co_ctx;
__attribute__((noinline)) void in_coroutine(void)
{
	void *frames[64];
	int n = backtrace(frames, 64);
	printf("backtrace in a coroutine: %s\n", n >= 2 ? "2+ frames" : "fewer");
	show(frames, n);
}

static void coroutine(void)
{
	static char stack[256 * 1024];
	getcontext(&co_ctx);
	co_ctx.uc_stack.ss_sp = stack;
	co_ctx.uc_stack.ss_size = sizeof stack;
	co_ctx.uc_link = &main_ctx;
	makecontext(&co_ctx, in_coroutine, 0);
	swapcontext(&main_ctx, &co_ctx);
	printf("back in main\n");
}

int main(int argc, char **argv)
{
	prog = argv[0];
	const char *c = argc > 1 ? argv[1] : "";
	if (!strcmp(c, "nested")) nested();
	else if (!strcmp(c, "fd")) to_fd();
	else if (!strcmp(c, "sizes")) sizes();
	else if (!strcmp(c, "callback")) callback();
	else if (!strcmp(c, "places")) places();
	else if (!strcmp(c, "coroutine")) coroutine();
	return 0;
}
