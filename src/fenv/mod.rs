//! `<fenv.h>` extensions glibc's libm has and musl lacks (`fenv.c`, C for
//! the x87 and SSE control instructions): the GNU trap controls
//! `feenableexcept`, `fedisableexcept`, `fegetexcept`, and TS 18661-1's
//! `fegetmode`, `fesetmode`, `fesetexcept`, `fetestexceptflag`. On x86_64
//! each acts on both units, the x87 control/status words and MXCSR, as
//! glibc's `sysdeps/x86_64/fpu` does, since `long double` arithmetic runs on
//! the x87 and `float`/`double` arithmetic on SSE. On aarch64 they act on
//! FPCR (modes, trap enables) and FPSR (flags), as `sysdeps/aarch64/fpu`.
