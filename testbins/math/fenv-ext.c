// GNU and TS 18661-1 <fenv.h> extensions: trap enables on both the x87 and
// SSE units (FPCR on aarch64), control modes (femode_t), setting and testing
// flags. The trap cases die of SIGFPE under glibc when the unit's trap is
// enabled (on aarch64 `long double` is binary128, computed in software).
// cases: modes trap-sse trap-x87
// cflags: -D_GNU_SOURCE -fno-builtin -Wl,--no-as-needed -lm
#include <fenv.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static void flags(const char *what)
{
    int f = fetestexcept(FE_ALL_EXCEPT);
    printf("%s: flags%s%s%s%s%s\n", what, f & FE_INVALID ? " invalid" : "", f & FE_DIVBYZERO ? " divbyzero" : "",
           f & FE_OVERFLOW ? " overflow" : "", f & FE_UNDERFLOW ? " underflow" : "", f & FE_INEXACT ? " inexact" : "");
}

#if defined(__x86_64__)
static unsigned short x87_cw(void)
{
    unsigned short cw;
    __asm__ volatile("fnstcw %0" : "=m"(cw));
    return cw;
}

static unsigned int mxcsr(void)
{
    unsigned int csr;
    __asm__ volatile("stmxcsr %0" : "=m"(csr));
    return csr;
}

/* MXCSR without its flag bits: where a flag lands (x87 status word or
 * MXCSR) is feraiseexcept's business, fetestexcept reads both. */
static void state(const char *what)
{
    printf("%s: fegetexcept %#x cw %#x mxcsr %#x\n", what, fegetexcept(), x87_cw(), mxcsr() & ~0x3fu);
}
#elif defined(__aarch64__)
/* aarch64: one unit; FPCR holds the rounding mode and the trap enables (which
 * an implementation without trapping, qemu's included, reads back as 0). */
static void state(const char *what)
{
    unsigned long fpcr;
    __asm__ volatile("mrs %0, fpcr" : "=r"(fpcr));
    printf("%s: fegetexcept %#x fpcr %#lx\n", what, fegetexcept(), fpcr);
}
#endif

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "modes";
    volatile double zero = 0.0;
    volatile long double lzero = 0.0L;
    if (strcmp(c, "trap-sse") == 0) {
        printf("enable %#x\n", feenableexcept(FE_DIVBYZERO));
        fflush(stdout);
        volatile double r = 1.0 / zero;
        printf("no trap %g\n", r);
        return 0;
    }
    if (strcmp(c, "trap-x87") == 0) {
        printf("enable %#x\n", feenableexcept(FE_DIVBYZERO));
        fflush(stdout);
        volatile long double r = 1.0L / lzero;
        printf("no trap %Lg\n", r);
        return 0;
    }
    state("start");
    printf("enable %#x\n", feenableexcept(FE_INVALID | FE_OVERFLOW | 0x40));
    state("enabled");
    printf("enable %#x\n", feenableexcept(FE_DIVBYZERO));
    printf("disable %#x\n", fedisableexcept(FE_OVERFLOW | FE_INEXACT));
    state("disabled");
    printf("disable all %#x\n", fedisableexcept(FE_ALL_EXCEPT));
    state("none");

    femode_t saved, other;
    memset(&saved, 0xaa, sizeof saved);
    printf("fegetmode %d size %zu\n", fegetmode(&saved), sizeof saved);
    fesetround(FE_UPWARD);
    feenableexcept(FE_UNDERFLOW);
    feraiseexcept(FE_INEXACT);
    fegetmode(&other);
    state("changed");
    printf("fesetmode %d\n", fesetmode(&saved));
    printf("round %#x\n", fegetround());
    state("restored");
    flags("after fesetmode");
    fesetmode(&other);
    printf("fesetmode FE_DFL_MODE %d\n", fesetmode(FE_DFL_MODE));
    printf("round %#x\n", fegetround());
    state("default");
    flags("after default");

    feclearexcept(FE_ALL_EXCEPT);
    printf("fesetexcept %d\n", fesetexcept(FE_OVERFLOW | FE_INEXACT | 0x100));
    flags("fesetexcept");
    state("after fesetexcept");
    fexcept_t fl;
    fegetexceptflag(&fl, FE_ALL_EXCEPT);
    printf("fetestexceptflag %#x %#x %#x\n", fetestexceptflag(&fl, FE_ALL_EXCEPT), fetestexceptflag(&fl, FE_OVERFLOW),
           fetestexceptflag(&fl, FE_INVALID));
    fl = 0xffff;
    printf("fetestexceptflag all-ones %#x\n", fetestexceptflag(&fl, FE_ALL_EXCEPT | 0x1000));
    return 0;
}
