/* glibc's <fenv.h> extensions that musl lacks, for x86_64, where the x87
 * unit (long double) and SSE (float, double) each have their own exception
 * masks, flags and rounding modes: glibc keeps both in step, and so do these.
 * Exception bits are the same in the x87 status/control words and MXCSR
 * (FE_INVALID 0x01 ... FE_INEXACT 0x20); MXCSR's masks sit 7 bits higher. */
#include <fenv.h>

#include "../abi/export.h"

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
int fetestexceptflag(const fexcept_t *flagp, int excepts);

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

int fetestexceptflag(const fexcept_t *flagp, int excepts) { return *flagp & excepts & FE_ALL_EXCEPT; }
GCOMPAT_EXPORT(fetestexceptflag);
