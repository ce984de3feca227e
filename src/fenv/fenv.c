/* glibc's <fenv.h> extensions that musl lacks. Each architecture has its own
 * section: glibc's femode_t and its registers differ.
 *
 * x86_64: the x87 unit (long double) and SSE (float, double) each have their
 * own exception masks, flags and rounding modes: glibc keeps both in step,
 * and so do these. Exception bits are the same in the x87 status/control
 * words and MXCSR (FE_INVALID 0x01 ... FE_INEXACT 0x20); MXCSR's masks sit
 * 7 bits higher.
 *
 * aarch64: one unit. FPCR holds the rounding mode and the trap enables
 * (the exception bits shifted 8 up), FPSR the sticky flags; femode_t is
 * FPCR, as glibc's sysdeps/aarch64/fpu has it. Trapping is optional in the
 * architecture: an implementation without it reads the enable bits back as
 * 0, and glibc's feenableexcept then returns -1; so does this one. */
#include <fenv.h>

#include "../abi/export.h"

int fetestexceptflag(const fexcept_t *flagp, int excepts);

#if defined(__x86_64__)

/* glibc's femode_t on x86 (<bits/fenv.h>): the x87 control word and MXCSR. */
typedef struct {
    unsigned short control_word;
    unsigned short reserved;
    unsigned int mxcsr;
} glibc_femode_t;

#define GLIBC_FE_DFL_MODE ((const glibc_femode_t *)-1L)
/* FE_ALL_EXCEPT plus the x87/SSE denormal-operand exception (0x02). */
#define X86_ALL_EXCEPT 0x3f
#define X87_DEFAULT_CW 0x037f

int feenableexcept(int excepts);
int fedisableexcept(int excepts);
int fegetexcept(void);
int fegetmode(glibc_femode_t *modep);
int fesetmode(const glibc_femode_t *modep);
int fesetexcept(int excepts);

static unsigned short x87_getcw(void)
{
    unsigned short cw;
    __asm__ volatile("fnstcw %0" : "=m"(cw));
    return cw;
}

static void x87_setcw(unsigned short cw) { __asm__ volatile("fldcw %0" : : "m"(cw)); }

static unsigned int sse_getcsr(void)
{
    unsigned int csr;
    __asm__ volatile("stmxcsr %0" : "=m"(csr));
    return csr;
}

static void sse_setcsr(unsigned int csr) { __asm__ volatile("ldmxcsr %0" : : "m"(csr)); }

/* Unmasks (enables traps for) the given exceptions; returns the previously
 * enabled ones, read from the x87 control word as glibc does. */
int feenableexcept(int excepts)
{
    excepts &= FE_ALL_EXCEPT;
    unsigned short cw = x87_getcw();
    int old = ~cw & FE_ALL_EXCEPT;
    x87_setcw(cw & ~excepts);
    sse_setcsr(sse_getcsr() & ~((unsigned int)excepts << 7));
    return old;
}
GCOMPAT_EXPORT(feenableexcept);

int fedisableexcept(int excepts)
{
    excepts &= FE_ALL_EXCEPT;
    unsigned short cw = x87_getcw();
    int old = ~cw & FE_ALL_EXCEPT;
    x87_setcw(cw | excepts);
    sse_setcsr(sse_getcsr() | ((unsigned int)excepts << 7));
    return old;
}
GCOMPAT_EXPORT(fedisableexcept);

int fegetexcept(void) { return ~x87_getcw() & FE_ALL_EXCEPT; }
GCOMPAT_EXPORT(fegetexcept);

int fegetmode(glibc_femode_t *modep)
{
    modep->control_word = x87_getcw();
    modep->mxcsr = sse_getcsr();
    return 0;
}
GCOMPAT_EXPORT(fegetmode);

/* Sets the control modes (rounding, trap masks, precision, FTZ/DAZ) and
 * keeps the current SSE exception flags, as glibc does. */
int fesetmode(const glibc_femode_t *modep)
{
    unsigned int csr = sse_getcsr() & X86_ALL_EXCEPT;
    unsigned short cw;
    if (modep == GLIBC_FE_DFL_MODE) {
        cw = X87_DEFAULT_CW;
        csr |= X86_ALL_EXCEPT << 7;
    } else {
        cw = modep->control_word;
        csr |= modep->mxcsr & ~(unsigned int)X86_ALL_EXCEPT;
    }
    x87_setcw(cw);
    sse_setcsr(csr);
    return 0;
}
GCOMPAT_EXPORT(fesetmode);

/* Sets exception flags without raising them (no trap runs): glibc sets
 * them in MXCSR only, which fetestexcept reads together with the x87's. */
int fesetexcept(int excepts)
{
    sse_setcsr(sse_getcsr() | (excepts & FE_ALL_EXCEPT));
    return 0;
}
GCOMPAT_EXPORT(fesetexcept);


#elif defined(__aarch64__)

typedef unsigned int glibc_femode_t;

#define GLIBC_FE_DFL_MODE ((const glibc_femode_t *)-1L)
#define FE_EXCEPT_SHIFT 8
/* FPCR's bits that are reserved: kept as they are by fesetmode (glibc's
 * _FPU_RESERVED). */
#define FPCR_RESERVED 0xfe0fe0f8u
#define FPCR_DEFAULT 0u

int feenableexcept(int excepts);
int fedisableexcept(int excepts);
int fegetexcept(void);
int fegetmode(glibc_femode_t *modep);
int fesetmode(const glibc_femode_t *modep);
int fesetexcept(int excepts);

static unsigned int get_fpcr(void)
{
    unsigned long v;
    __asm__ volatile("mrs %0, fpcr" : "=r"(v));
    return (unsigned int)v;
}

static void set_fpcr(unsigned int v) { __asm__ volatile("msr fpcr, %0" : : "r"((unsigned long)v)); }

static unsigned int get_fpsr(void)
{
    unsigned long v;
    __asm__ volatile("mrs %0, fpsr" : "=r"(v));
    return (unsigned int)v;
}

static void set_fpsr(unsigned int v) { __asm__ volatile("msr fpsr, %0" : : "r"((unsigned long)v)); }

/* Enables traps for the given exceptions; returns the previously enabled
 * ones, or -1 when the CPU does not keep the enable bits (no trapping). */
int feenableexcept(int excepts)
{
    unsigned int fpcr = get_fpcr();
    unsigned int want = fpcr | ((unsigned int)(excepts & FE_ALL_EXCEPT) << FE_EXCEPT_SHIFT);
    if (want != fpcr) {
        set_fpcr(want);
        if (want & ~get_fpcr())
            return -1;
    }
    return (int)(fpcr >> FE_EXCEPT_SHIFT) & FE_ALL_EXCEPT;
}
GCOMPAT_EXPORT(feenableexcept);

int fedisableexcept(int excepts)
{
    unsigned int fpcr = get_fpcr();
    unsigned int want = fpcr & ~((unsigned int)(excepts & FE_ALL_EXCEPT) << FE_EXCEPT_SHIFT);
    if (want != fpcr)
        set_fpcr(want);
    return (int)(fpcr >> FE_EXCEPT_SHIFT) & FE_ALL_EXCEPT;
}
GCOMPAT_EXPORT(fedisableexcept);

int fegetexcept(void) { return (int)(get_fpcr() >> FE_EXCEPT_SHIFT) & FE_ALL_EXCEPT; }
GCOMPAT_EXPORT(fegetexcept);

int fegetmode(glibc_femode_t *modep)
{
    *modep = get_fpcr();
    return 0;
}
GCOMPAT_EXPORT(fegetmode);

int fesetmode(const glibc_femode_t *modep)
{
    unsigned int fpcr = get_fpcr();
    unsigned int want = modep == GLIBC_FE_DFL_MODE ? FPCR_DEFAULT : *modep;
    want = (fpcr & FPCR_RESERVED) | (want & ~FPCR_RESERVED);
    if (want != fpcr)
        set_fpcr(want);
    return 0;
}
GCOMPAT_EXPORT(fesetmode);

/* Sets exception flags without raising them (no trap runs). */
int fesetexcept(int excepts)
{
    unsigned int fpsr = get_fpsr();
    unsigned int want = fpsr | (excepts & FE_ALL_EXCEPT);
    if (want != fpsr)
        set_fpsr(want);
    return 0;
}
GCOMPAT_EXPORT(fesetexcept);

#else
#error "fenv.c: no section for this architecture"
#endif

int fetestexceptflag(const fexcept_t *flagp, int excepts) { return *flagp & excepts & FE_ALL_EXCEPT; }
GCOMPAT_EXPORT(fetestexceptflag);
