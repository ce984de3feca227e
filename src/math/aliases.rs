//! glibc's libm names that are the same functions as musl's under other
//! names: each export here is a tail jump to the musl function, so
//! arguments and results pass through untouched in whatever registers (or,
//! for x87 `long double`, stack slots and `st(0)`) the System V ABI gives
//! them. That is what glibc itself does: these names are aliases of the
//! plain functions in its libm.
//!
//! - `_FloatN`/`_FloatNx` names (ISO/IEC TS 18661-3, GLIBC_2.27): on x86_64
//!   `_Float32` is `float`, `_Float64` and `_Float32x` are `double`, and
//!   `_Float64x` is the x87 80-bit `long double`, so `sinf32` is `sinf`,
//!   `sinf64` and `sinf32x` are `sin` and `sinf64x` is `sinl`. On aarch64
//!   `_Float64x` is the binary128 `long double`, and `sinf64x` is `sinl`
//!   there too. `*f128` names
//!   take IEEE quad precision, a different type, and are not here; nor are
//!   names whose plain form musl lacks (`roundeven`, ...; the `long double`
//!   Bessel names are in `bessel_l.c`). The
//!   `strto*`/`wcsto*` forms are in `src/stdlib/floating.c` beside the
//!   shim's own `strtod`.
//! - `__*_finite` (GLIBC_2.15): what glibc's `<bits/math-finite.h>` made
//!   `-ffinite-math-only` programs call before glibc 2.31 (common in
//!   manylinux wheels); glibc 2.31 kept them as compatibility symbols, the
//!   ordinary functions under other names (`__gamma_r_finite`, which
//!   is not, is in `gamma.c`). `__scalbl_finite` and the `long double`
//!   Bessel forms are missing: musl has no `scalbl`, `j0l`, ...
//!
//! Reference: the glibc manual, "Mathematics"; ISO/IEC TS 18661-3.

/// Defines each `alias => target` as an exported function that jumps to
/// musl's `target`, bound on its first call: the jump goes through a slot
/// of the shim's own (zero until then) that [`lazy_bind`] fills by name.
/// A plain `jmp target@PLT` would cost a symbol lookup at every start of
/// every program for each of the hundreds of names here (musl binds all
/// relocations at load), most of which a program never calls. Each alias
/// sits in a section of its own with its slot and name, so `--gc-sections`
/// keeps exactly what is exported. Each is declared as every export is
/// (`abi::export`): tied to `symbols/` and recorded, without a C
/// declaration (the trampoline has no types); not in host unit tests.
/// The code is each architecture's `trampoline_asm!`.
macro_rules! trampolines {
    ($($alias:ident => $target:ident,)*) => {
        $(
            #[cfg(not(test))]
            crate::abi::export::record!(export $alias, "");
        )*
        #[cfg(not(test))]
        trampoline_asm!($($alias => $target,)*);
    };
}

/// x86_64's trampolines: `%r11` and `%r10` are free at a call (no argument
/// lives there).
#[cfg(all(not(test), target_arch = "x86_64"))]
macro_rules! trampoline_asm {
    ($($alias:ident => $target:ident,)*) => {
        core::arch::global_asm!($(
            concat!(".pushsection .bss.gcompat_slot.", stringify!($alias), ",\"aw\",@nobits"),
            ".balign 8",
            concat!(".Lslot_", stringify!($alias), ": .zero 8"),
            ".popsection",
            concat!(".pushsection .rodata.gcompat_name.", stringify!($alias), ",\"a\",@progbits"),
            concat!(".Lname_", stringify!($alias), ": .asciz \"", stringify!($target), "\""),
            ".popsection",
            concat!(".pushsection .text.", stringify!($alias), ",\"ax\",@progbits"),
            concat!(".globl ", stringify!($alias)),
            concat!(".type ", stringify!($alias), ",@function"),
            concat!(stringify!($alias), ":"),
            ".cfi_startproc",
            concat!("mov .Lslot_", stringify!($alias), "(%rip), %r11"),
            "test %r11, %r11",
            "jz 1f",
            "jmp *%r11",
            "1:",
            concat!("lea .Lname_", stringify!($alias), "(%rip), %r11"),
            concat!("lea .Lslot_", stringify!($alias), "(%rip), %r10"),
            "jmp gcompat_lazy_bind",
            ".cfi_endproc",
            concat!(".size ", stringify!($alias), ", . - ", stringify!($alias)),
            ".popsection",
        )* options(att_syntax));
    };
}

// The first call of an alias: with the caller's arguments still in their
// registers (and any on the stack, x87 `long double` ones included, below
// the return address), `%r11` the target's name and `%r10` the slot. Saves
// the argument registers, finds the target, fills the slot, restores and
// jumps: the target returns straight to the caller.
#[cfg(target_arch = "x86_64")]
core::arch::global_asm!(
    ".pushsection .text.gcompat_lazy_bind,\"ax\",@progbits",
    ".type gcompat_lazy_bind,@function",
    "gcompat_lazy_bind:",
    ".cfi_startproc",
    "push %rbp",
    ".cfi_def_cfa_offset 16",
    ".cfi_offset %rbp, -16",
    "mov %rsp, %rbp",
    ".cfi_def_cfa_register %rbp",
    "sub $192, %rsp",
    "mov %rdi, 0(%rsp)",
    "mov %rsi, 8(%rsp)",
    "mov %rdx, 16(%rsp)",
    "mov %rcx, 24(%rsp)",
    "mov %r8, 32(%rsp)",
    "mov %r9, 40(%rsp)",
    "mov %rax, 48(%rsp)",
    "mov %r10, 56(%rsp)",
    "movdqu %xmm0, 64(%rsp)",
    "movdqu %xmm1, 80(%rsp)",
    "movdqu %xmm2, 96(%rsp)",
    "movdqu %xmm3, 112(%rsp)",
    "movdqu %xmm4, 128(%rsp)",
    "movdqu %xmm5, 144(%rsp)",
    "movdqu %xmm6, 160(%rsp)",
    "movdqu %xmm7, 176(%rsp)",
    "mov %r11, %rdi",
    "call {target}",
    "mov 56(%rsp), %r10",
    "mov %rax, (%r10)",
    "mov %rax, %r11",
    "movdqu 176(%rsp), %xmm7",
    "movdqu 160(%rsp), %xmm6",
    "movdqu 144(%rsp), %xmm5",
    "movdqu 128(%rsp), %xmm4",
    "movdqu 112(%rsp), %xmm3",
    "movdqu 96(%rsp), %xmm2",
    "movdqu 80(%rsp), %xmm1",
    "movdqu 64(%rsp), %xmm0",
    "mov 48(%rsp), %rax",
    "mov 40(%rsp), %r9",
    "mov 32(%rsp), %r8",
    "mov 24(%rsp), %rcx",
    "mov 16(%rsp), %rdx",
    "mov 8(%rsp), %rsi",
    "mov 0(%rsp), %rdi",
    "mov %rbp, %rsp",
    "pop %rbp",
    ".cfi_def_cfa %rsp, 8",
    "jmp *%r11",
    ".cfi_endproc",
    ".size gcompat_lazy_bind, . - gcompat_lazy_bind",
    ".popsection",
    target = sym lazy_bind,
    options(att_syntax),
);

/// aarch64's trampolines: `x16` and `x17` (IP0, IP1) are the registers a call may find
/// clobbered (veneers and PLT entries use them), so no argument lives there;
/// the jump is `br x17`, which a `bti c` landing pad of the target accepts.
#[cfg(all(not(test), target_arch = "aarch64"))]
macro_rules! trampoline_asm {
    ($($alias:ident => $target:ident,)*) => {
        core::arch::global_asm!($(
            concat!(".pushsection .bss.gcompat_slot.", stringify!($alias), ",\"aw\",@nobits"),
            ".balign 8",
            concat!(".Lslot_", stringify!($alias), ": .zero 8"),
            ".popsection",
            concat!(".pushsection .rodata.gcompat_name.", stringify!($alias), ",\"a\",@progbits"),
            concat!(".Lname_", stringify!($alias), ": .asciz \"", stringify!($target), "\""),
            ".popsection",
            concat!(".pushsection .text.", stringify!($alias), ",\"ax\",@progbits"),
            ".balign 4",
            concat!(".globl ", stringify!($alias)),
            concat!(".type ", stringify!($alias), ",@function"),
            concat!(stringify!($alias), ":"),
            ".cfi_startproc",
            concat!("adrp x16, .Lslot_", stringify!($alias)),
            concat!("add x16, x16, :lo12:.Lslot_", stringify!($alias)),
            "ldr x17, [x16]",
            "cbz x17, 1f",
            "br x17",
            "1:",
            concat!("adrp x17, .Lname_", stringify!($alias)),
            concat!("add x17, x17, :lo12:.Lname_", stringify!($alias)),
            "b gcompat_lazy_bind",
            ".cfi_endproc",
            concat!(".size ", stringify!($alias), ", . - ", stringify!($alias)),
            ".popsection",
        )*);
    };
}

// The first call of an alias on aarch64: the caller's arguments in x0-x7,
// x8 (the address of a returned aggregate) and q0-q7 (whole: a binary128
// `long double` fills one), `x17` the target's name and `x16` the slot.
// Saves them, finds the target, fills the slot, restores and jumps with the
// caller's return address still in x30.
#[cfg(target_arch = "aarch64")]
core::arch::global_asm!(
    ".pushsection .text.gcompat_lazy_bind,\"ax\",@progbits",
    ".balign 4",
    ".type gcompat_lazy_bind,@function",
    "gcompat_lazy_bind:",
    ".cfi_startproc",
    "stp x29, x30, [sp, #-224]!",
    ".cfi_def_cfa_offset 224",
    ".cfi_offset x29, -224",
    ".cfi_offset x30, -216",
    "mov x29, sp",
    "stp x0, x1, [sp, #16]",
    "stp x2, x3, [sp, #32]",
    "stp x4, x5, [sp, #48]",
    "stp x6, x7, [sp, #64]",
    "stp x8, x16, [sp, #80]",
    "stp q0, q1, [sp, #96]",
    "stp q2, q3, [sp, #128]",
    "stp q4, q5, [sp, #160]",
    "stp q6, q7, [sp, #192]",
    "mov x0, x17",
    "bl {target}",
    "ldr x16, [sp, #88]",
    "str x0, [x16]",
    "mov x17, x0",
    "ldp q6, q7, [sp, #192]",
    "ldp q4, q5, [sp, #160]",
    "ldp q2, q3, [sp, #128]",
    "ldp q0, q1, [sp, #96]",
    "ldp x8, x16, [sp, #80]",
    "ldp x6, x7, [sp, #64]",
    "ldp x4, x5, [sp, #48]",
    "ldp x2, x3, [sp, #32]",
    "ldp x0, x1, [sp, #16]",
    "ldp x29, x30, [sp], #224",
    ".cfi_def_cfa_offset 0",
    ".cfi_restore x29",
    ".cfi_restore x30",
    "br x17",
    ".cfi_endproc",
    ".size gcompat_lazy_bind, . - gcompat_lazy_bind",
    ".popsection",
    target = sym lazy_bind,
);

/// The address of an alias's target, by name, as the loader would have
/// bound it (the program first, then the libraries in load order: musl's
/// libc.so for all of them). Another thread binding the same alias at
/// once stores the same address.
extern "C" fn lazy_bind(name: *const core::ffi::c_char) -> *mut core::ffi::c_void {
    // SAFETY: a NUL-terminated name from the alias's section.
    let target = unsafe { libc::dlsym(libc::RTLD_DEFAULT, name) };
    if target.is_null() {
        crate::abi::fatal::libc_fatal("libgcompat: musl lacks the function a libm alias names\n");
    }
    target
}

// _FloatN and _FloatNx names, GLIBC_2.27: f32 => float, f64 and f32x =>
// double, f64x => long double.
trampolines! {
    acosf32 => acosf, acosf64 => acos, acosf32x => acos, acosf64x => acosl,
    acoshf32 => acoshf, acoshf64 => acosh, acoshf32x => acosh, acoshf64x => acoshl,
    asinf32 => asinf, asinf64 => asin, asinf32x => asin, asinf64x => asinl,
    asinhf32 => asinhf, asinhf64 => asinh, asinhf32x => asinh, asinhf64x => asinhl,
    atanf32 => atanf, atanf64 => atan, atanf32x => atan, atanf64x => atanl,
    atan2f32 => atan2f, atan2f64 => atan2, atan2f32x => atan2, atan2f64x => atan2l,
    atanhf32 => atanhf, atanhf64 => atanh, atanhf32x => atanh, atanhf64x => atanhl,
    cabsf32 => cabsf, cabsf64 => cabs, cabsf32x => cabs, cabsf64x => cabsl,
    cacosf32 => cacosf, cacosf64 => cacos, cacosf32x => cacos, cacosf64x => cacosl,
    cacoshf32 => cacoshf, cacoshf64 => cacosh, cacoshf32x => cacosh, cacoshf64x => cacoshl,
    cargf32 => cargf, cargf64 => carg, cargf32x => carg, cargf64x => cargl,
    casinf32 => casinf, casinf64 => casin, casinf32x => casin, casinf64x => casinl,
    casinhf32 => casinhf, casinhf64 => casinh, casinhf32x => casinh, casinhf64x => casinhl,
    catanf32 => catanf, catanf64 => catan, catanf32x => catan, catanf64x => catanl,
    catanhf32 => catanhf, catanhf64 => catanh, catanhf32x => catanh, catanhf64x => catanhl,
    cbrtf32 => cbrtf, cbrtf64 => cbrt, cbrtf32x => cbrt, cbrtf64x => cbrtl,
    ccosf32 => ccosf, ccosf64 => ccos, ccosf32x => ccos, ccosf64x => ccosl,
    ccoshf32 => ccoshf, ccoshf64 => ccosh, ccoshf32x => ccosh, ccoshf64x => ccoshl,
    ceilf32 => ceilf, ceilf64 => ceil, ceilf32x => ceil, ceilf64x => ceill,
    cexpf32 => cexpf, cexpf64 => cexp, cexpf32x => cexp, cexpf64x => cexpl,
    cimagf32 => cimagf, cimagf64 => cimag, cimagf32x => cimag, cimagf64x => cimagl,
    clogf32 => clogf, clogf64 => clog, clogf32x => clog, clogf64x => clogl,
    conjf32 => conjf, conjf64 => conj, conjf32x => conj, conjf64x => conjl,
    copysignf32 => copysignf, copysignf64 => copysign, copysignf32x => copysign, copysignf64x => copysignl,
    cosf32 => cosf, cosf64 => cos, cosf32x => cos, cosf64x => cosl,
    coshf32 => coshf, coshf64 => cosh, coshf32x => cosh, coshf64x => coshl,
    cpowf32 => cpowf, cpowf64 => cpow, cpowf32x => cpow, cpowf64x => cpowl,
    cprojf32 => cprojf, cprojf64 => cproj, cprojf32x => cproj, cprojf64x => cprojl,
    crealf32 => crealf, crealf64 => creal, crealf32x => creal, crealf64x => creall,
    csinf32 => csinf, csinf64 => csin, csinf32x => csin, csinf64x => csinl,
    csinhf32 => csinhf, csinhf64 => csinh, csinhf32x => csinh, csinhf64x => csinhl,
    csqrtf32 => csqrtf, csqrtf64 => csqrt, csqrtf32x => csqrt, csqrtf64x => csqrtl,
    ctanf32 => ctanf, ctanf64 => ctan, ctanf32x => ctan, ctanf64x => ctanl,
    ctanhf32 => ctanhf, ctanhf64 => ctanh, ctanhf32x => ctanh, ctanhf64x => ctanhl,
    erff32 => erff, erff64 => erf, erff32x => erf, erff64x => erfl,
    erfcf32 => erfcf, erfcf64 => erfc, erfcf32x => erfc, erfcf64x => erfcl,
    expf32 => expf, expf64 => exp, expf32x => exp, expf64x => expl,
    exp10f32 => exp10f, exp10f64 => exp10, exp10f32x => exp10, exp10f64x => exp10l,
    exp2f32 => exp2f, exp2f64 => exp2, exp2f32x => exp2, exp2f64x => exp2l,
    expm1f32 => expm1f, expm1f64 => expm1, expm1f32x => expm1, expm1f64x => expm1l,
    fabsf32 => fabsf, fabsf64 => fabs, fabsf32x => fabs, fabsf64x => fabsl,
    fdimf32 => fdimf, fdimf64 => fdim, fdimf32x => fdim, fdimf64x => fdiml,
    floorf32 => floorf, floorf64 => floor, floorf32x => floor, floorf64x => floorl,
    fmaf32 => fmaf, fmaf64 => fma, fmaf32x => fma, fmaf64x => fmal,
    fmaxf32 => fmaxf, fmaxf64 => fmax, fmaxf32x => fmax, fmaxf64x => fmaxl,
    fminf32 => fminf, fminf64 => fmin, fminf32x => fmin, fminf64x => fminl,
    fmodf32 => fmodf, fmodf64 => fmod, fmodf32x => fmod, fmodf64x => fmodl,
    frexpf32 => frexpf, frexpf64 => frexp, frexpf32x => frexp, frexpf64x => frexpl,
    hypotf32 => hypotf, hypotf64 => hypot, hypotf32x => hypot, hypotf64x => hypotl,
    ilogbf32 => ilogbf, ilogbf64 => ilogb, ilogbf32x => ilogb, ilogbf64x => ilogbl,
    j0f32 => j0f, j0f64 => j0, j0f32x => j0,
    j1f32 => j1f, j1f64 => j1, j1f32x => j1,
    jnf32 => jnf, jnf64 => jn, jnf32x => jn,
    ldexpf32 => ldexpf, ldexpf64 => ldexp, ldexpf32x => ldexp, ldexpf64x => ldexpl,
    lgammaf32 => lgammaf, lgammaf64 => lgamma, lgammaf32x => lgamma, lgammaf64x => lgammal,
    lgammaf32_r => lgammaf_r, lgammaf64_r => lgamma_r, lgammaf32x_r => lgamma_r, lgammaf64x_r => lgammal_r,
    llrintf32 => llrintf, llrintf64 => llrint, llrintf32x => llrint, llrintf64x => llrintl,
    llroundf32 => llroundf, llroundf64 => llround, llroundf32x => llround, llroundf64x => llroundl,
    logf32 => logf, logf64 => log, logf32x => log, logf64x => logl,
    log10f32 => log10f, log10f64 => log10, log10f32x => log10, log10f64x => log10l,
    log1pf32 => log1pf, log1pf64 => log1p, log1pf32x => log1p, log1pf64x => log1pl,
    log2f32 => log2f, log2f64 => log2, log2f32x => log2, log2f64x => log2l,
    logbf32 => logbf, logbf64 => logb, logbf32x => logb, logbf64x => logbl,
    lrintf32 => lrintf, lrintf64 => lrint, lrintf32x => lrint, lrintf64x => lrintl,
    lroundf32 => lroundf, lroundf64 => lround, lroundf32x => lround, lroundf64x => lroundl,
    modff32 => modff, modff64 => modf, modff32x => modf, modff64x => modfl,
    nanf32 => nanf, nanf64 => nan, nanf32x => nan, nanf64x => nanl,
    nearbyintf32 => nearbyintf, nearbyintf64 => nearbyint, nearbyintf32x => nearbyint, nearbyintf64x => nearbyintl,
    nextafterf32 => nextafterf, nextafterf64 => nextafter, nextafterf32x => nextafter, nextafterf64x => nextafterl,
    powf32 => powf, powf64 => pow, powf32x => pow, powf64x => powl,
    remainderf32 => remainderf, remainderf64 => remainder, remainderf32x => remainder, remainderf64x => remainderl,
    remquof32 => remquof, remquof64 => remquo, remquof32x => remquo, remquof64x => remquol,
    rintf32 => rintf, rintf64 => rint, rintf32x => rint, rintf64x => rintl,
    roundf32 => roundf, roundf64 => round, roundf32x => round, roundf64x => roundl,
    scalblnf32 => scalblnf, scalblnf64 => scalbln, scalblnf32x => scalbln, scalblnf64x => scalblnl,
    scalbnf32 => scalbnf, scalbnf64 => scalbn, scalbnf32x => scalbn, scalbnf64x => scalbnl,
    sinf32 => sinf, sinf64 => sin, sinf32x => sin, sinf64x => sinl,
    sincosf32 => sincosf, sincosf64 => sincos, sincosf32x => sincos, sincosf64x => sincosl,
    sinhf32 => sinhf, sinhf64 => sinh, sinhf32x => sinh, sinhf64x => sinhl,
    sqrtf32 => sqrtf, sqrtf64 => sqrt, sqrtf32x => sqrt, sqrtf64x => sqrtl,
    tanf32 => tanf, tanf64 => tan, tanf32x => tan, tanf64x => tanl,
    tanhf32 => tanhf, tanhf64 => tanh, tanhf32x => tanh, tanhf64x => tanhl,
    tgammaf32 => tgammaf, tgammaf64 => tgamma, tgammaf32x => tgamma, tgammaf64x => tgammal,
    truncf32 => truncf, truncf64 => trunc, truncf32x => trunc, truncf64x => truncl,
    y0f32 => y0f, y0f64 => y0, y0f32x => y0,
    y1f32 => y1f, y1f64 => y1, y1f32x => y1,
    ynf32 => ynf, ynf64 => yn, ynf32x => yn,
}

// __*_finite, GLIBC_2.15 (compatibility symbols since glibc 2.31).
trampolines! {
    __acos_finite => acos, __acosf_finite => acosf, __acosl_finite => acosl,
    __acosh_finite => acosh, __acoshf_finite => acoshf, __acoshl_finite => acoshl,
    __asin_finite => asin, __asinf_finite => asinf, __asinl_finite => asinl,
    __atan2_finite => atan2, __atan2f_finite => atan2f, __atan2l_finite => atan2l,
    __atanh_finite => atanh, __atanhf_finite => atanhf, __atanhl_finite => atanhl,
    __cosh_finite => cosh, __coshf_finite => coshf, __coshl_finite => coshl,
    __exp_finite => exp, __expf_finite => expf, __expl_finite => expl,
    __exp10_finite => exp10, __exp10f_finite => exp10f, __exp10l_finite => exp10l,
    __exp2_finite => exp2, __exp2f_finite => exp2f, __exp2l_finite => exp2l,
    __fmod_finite => fmod, __fmodf_finite => fmodf, __fmodl_finite => fmodl,
    __hypot_finite => hypot, __hypotf_finite => hypotf, __hypotl_finite => hypotl,
    __j0_finite => j0, __j0f_finite => j0f,
    __j1_finite => j1, __j1f_finite => j1f,
    __jn_finite => jn, __jnf_finite => jnf,
    __lgamma_r_finite => lgamma_r, __lgammaf_r_finite => lgammaf_r, __lgammal_r_finite => lgammal_r,
    __log_finite => log, __logf_finite => logf, __logl_finite => logl,
    __log10_finite => log10, __log10f_finite => log10f, __log10l_finite => log10l,
    __log2_finite => log2, __log2f_finite => log2f, __log2l_finite => log2l,
    __pow_finite => pow, __powf_finite => powf, __powl_finite => powl,
    __remainder_finite => remainder, __remainderf_finite => remainderf, __remainderl_finite => remainderl,
    __scalb_finite => scalb, __scalbf_finite => scalbf,
    __sinh_finite => sinh, __sinhf_finite => sinhf, __sinhl_finite => sinhl,
    __sqrt_finite => sqrt, __sqrtf_finite => sqrtf, __sqrtl_finite => sqrtl,
    __y0_finite => y0, __y0f_finite => y0f,
    __y1_finite => y1, __y1f_finite => y1f,
    __yn_finite => yn, __ynf_finite => ynf,
}
