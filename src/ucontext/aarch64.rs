//! aarch64: the context switches in assembly (register save and restore cannot
//! be written in Rust), `makecontext`'s stack layout in Rust. glibc
//! `sysdeps/unix/sysv/linux/aarch64/{get,set,swap,make}context`,
//! `__startcontext`; the layout is described in the module doc.

use crate::abi::glibc_types::{mcontext_t, ucontext_t};
use core::ffi::{c_int, c_void};
use core::mem::offset_of;

const O_MCONTEXT: usize = offset_of!(ucontext_t, uc_mcontext);
/// `regs[0]`; `regs[n]` is 8 * n further.
const O_X0: usize = O_MCONTEXT + offset_of!(mcontext_t, regs);
const O_SP: usize = O_MCONTEXT + offset_of!(mcontext_t, sp);
const O_PC: usize = O_MCONTEXT + offset_of!(mcontext_t, pc);
const O_PSTATE: usize = O_MCONTEXT + offset_of!(mcontext_t, pstate);
/// `__reserved`, where the tagged records start: the first is glibc's
/// `fpsimd_context`.
const O_EXT: usize = O_MCONTEXT + offset_of!(mcontext_t, __reserved);
const O_SIGMASK: usize = offset_of!(ucontext_t, uc_sigmask);
/// The kernel's `struct fpsimd_context`: `head` (magic, size), `fpsr`,
/// `fpcr`, then `vregs[32]` of 16 bytes each.
const FPSIMD_MAGIC: u32 = 0x4650_8001;
const FPSIMD_SIZE: usize = 528;
const O_FPSR: usize = 8;
const O_FPCR: usize = 12;
const O_VREGS: usize = 16;
/// The kernel's signal set: `_NSIG / 8` bytes, not glibc's 128.
const KERNEL_SIGSET: usize = 8;
const SIG_SETMASK: usize = 2;

const _: () = {
    assert!(O_EXT % 16 == 0);
    assert!(core::mem::size_of::<mcontext_t>() - offset_of!(mcontext_t, __reserved) >= FPSIMD_SIZE + 8);
};

/// The error path of the assembly below: errno from a failed syscall's
/// negated result, and -1 as the return value.
extern "C" fn syscall_error(neg_errno: i64) -> c_int {
    crate::abi::errno::set((-neg_errno) as c_int);
    -1
}

// getcontext(ucp), setcontext(ucp), swapcontext(oucp, ucp): glibc's
// register-for-register semantics (module doc). As on x86_64 the exported
// names are naked jumps here, and `.Lgc_load` is the local entry the
// trampoline and swapcontext use, so a program's own `setcontext` cannot
// interpose on them. The trampoline's CFI marks x30 undefined, so unwinders
// stop there, as at glibc's `__startcontext`.
core::arch::global_asm!(
    ".text",
    // Saves x18..x30, sp and the FP/SIMD record into the context at x0;
    // the caller has stored regs[0], regs[1] and pc. Clobbers x2..x4.
    ".macro gcompat_save_context",
    "stp x18, x19, [x0, #{x0} + 18 * 8]",
    "stp x20, x21, [x0, #{x0} + 20 * 8]",
    "stp x22, x23, [x0, #{x0} + 22 * 8]",
    "stp x24, x25, [x0, #{x0} + 24 * 8]",
    "stp x26, x27, [x0, #{x0} + 26 * 8]",
    "stp x28, x29, [x0, #{x0} + 28 * 8]",
    "str x30, [x0, #{x0} + 30 * 8]",
    "mov x2, sp",
    "str x2, [x0, #{sp}]",
    "str xzr, [x0, #{pstate}]",
    "add x2, x0, #{ext}",
    "mov w3, #({magic} & 0xffff)",
    "movk w3, #({magic} >> 16), lsl #16",
    "str w3, [x2]",
    "mov w3, #{fpsimd_size}",
    "str w3, [x2, #4]",
    "add x3, x2, #{vregs} + 8 * 16",
    "stp q8, q9, [x3], #32",
    "stp q10, q11, [x3], #32",
    "stp q12, q13, [x3], #32",
    "stp q14, q15, [x3], #32",
    "mrs x4, fpsr",
    "str w4, [x2, #{fpsr}]",
    "mrs x4, fpcr",
    "str w4, [x2, #{fpcr}]",
    // The terminating record: magic 0, size 0.
    "add x2, x2, #{fpsimd_size}",
    "str xzr, [x2]",
    ".endm",
    //
    ".globl gcompat_getcontext",
    ".hidden gcompat_getcontext",
    ".type gcompat_getcontext, @function",
    ".p2align 2",
    "gcompat_getcontext:",
    ".cfi_startproc",
    // Resumed, the context returns 0 to getcontext's caller.
    "str xzr, [x0, #{x0}]",
    "str x30, [x0, #{pc}]",
    "gcompat_save_context",
    // rt_sigprocmask(SIG_BLOCK, NULL, &ucp->uc_sigmask, 8)
    "add x2, x0, #{sigmask}",
    "mov x0, #0",
    "mov x1, #0",
    "mov x3, #{nsig8}",
    "mov x8, #{nr_sigprocmask}",
    "svc #0",
    "cbnz x0, 1f",
    "ret",
    "1:",
    "b {syscall_error}",
    ".cfi_endproc",
    ".size gcompat_getcontext, . - gcompat_getcontext",
    //
    ".globl gcompat_setcontext",
    ".hidden gcompat_setcontext",
    ".type gcompat_setcontext, @function",
    ".p2align 2",
    "gcompat_setcontext:",
    ".Lgc_setcontext:",
    ".cfi_startproc",
    "mov x9, x0",
    // rt_sigprocmask(SIG_SETMASK, &ucp->uc_sigmask, NULL, 8)
    "mov x0, #{sig_setmask}",
    "add x1, x9, #{sigmask}",
    "mov x2, #0",
    "mov x3, #{nsig8}",
    "mov x8, #{nr_sigprocmask}",
    "svc #0",
    "cbnz x0, 1f",
    "mov x0, x9",
    "b .Lgc_load",
    "1:",
    "b {syscall_error}",
    ".cfi_endproc",
    ".size gcompat_setcontext, . - gcompat_setcontext",
    //
    // Loads the context at x0 (whose mask is already in place) and jumps to
    // its pc. The FP/SIMD record is restored only when it is the first one,
    // as getcontext writes it (glibc does not restore a kernel's context).
    ".type gcompat_load_context, @function",
    ".p2align 2",
    "gcompat_load_context:",
    ".Lgc_load:",
    ".cfi_startproc",
    "ldp x18, x19, [x0, #{x0} + 18 * 8]",
    "ldp x20, x21, [x0, #{x0} + 20 * 8]",
    "ldp x22, x23, [x0, #{x0} + 22 * 8]",
    "ldp x24, x25, [x0, #{x0} + 24 * 8]",
    "ldp x26, x27, [x0, #{x0} + 26 * 8]",
    "ldp x28, x29, [x0, #{x0} + 28 * 8]",
    "ldr x30, [x0, #{x0} + 30 * 8]",
    "ldr x2, [x0, #{sp}]",
    "mov sp, x2",
    "add x2, x0, #{ext}",
    "mov w3, #({magic} & 0xffff)",
    "movk w3, #({magic} >> 16), lsl #16",
    "ldr w1, [x2]",
    "cmp w1, w3",
    "b.ne 2f",
    "add x3, x2, #{vregs} + 8 * 16",
    "ldp q8, q9, [x3], #32",
    "ldp q10, q11, [x3], #32",
    "ldp q12, q13, [x3], #32",
    "ldp q14, q15, [x3], #32",
    "ldr w4, [x2, #{fpsr}]",
    "msr fpsr, x4",
    "ldr w4, [x2, #{fpcr}]",
    "msr fpcr, x4",
    "2:",
    "ldr x16, [x0, #{pc}]",
    // The argument registers too, for makecontext's function.
    "ldp x2, x3, [x0, #{x0} + 2 * 8]",
    "ldp x4, x5, [x0, #{x0} + 4 * 8]",
    "ldp x6, x7, [x0, #{x0} + 6 * 8]",
    "ldp x0, x1, [x0, #{x0}]",
    "br x16",
    ".cfi_endproc",
    ".size gcompat_load_context, . - gcompat_load_context",
    //
    ".globl gcompat_swapcontext",
    ".hidden gcompat_swapcontext",
    ".type gcompat_swapcontext, @function",
    ".p2align 2",
    "gcompat_swapcontext:",
    ".cfi_startproc",
    // Resumed, oucp continues at 3f with x0 = 0 and the caller's return
    // address in x1 (glibc's arrangement: a plain `ret` follows).
    "stp xzr, x30, [x0, #{x0}]",
    "adr x30, 3f",
    "str x30, [x0, #{pc}]",
    "gcompat_save_context",
    "mov x9, x0",
    "mov x10, x1",
    // rt_sigprocmask(SIG_SETMASK, &ucp->uc_sigmask, &oucp->uc_sigmask, 8)
    "add x2, x9, #{sigmask}",
    "add x1, x10, #{sigmask}",
    "mov x0, #{sig_setmask}",
    "mov x3, #{nsig8}",
    "mov x8, #{nr_sigprocmask}",
    "svc #0",
    "cbnz x0, 1f",
    "mov x0, x10",
    "b .Lgc_load",
    "1:",
    // The mask was not changed: return the error to the caller, whose
    // return address is still in oucp's regs[1].
    "ldr x30, [x9, #{x0} + 8]",
    "b {syscall_error}",
    "3:",
    "mov x30, x1",
    "ret",
    ".cfi_endproc",
    ".size gcompat_swapcontext, . - gcompat_swapcontext",
    //
    // Where a makecontext context starts: the function in x20, uc_link in
    // x19 (both callee-saved, so the function keeps them); when it returns,
    // setcontext(uc_link), or exit(0) when that is null.
    ".type gcompat_start_context, @function",
    ".p2align 2",
    "gcompat_start_context:",
    ".cfi_startproc",
    ".cfi_undefined x30",
    "mov x29, #0",
    "blr x20",
    "mov x0, x19",
    "cbz x0, 2f",
    "bl .Lgc_setcontext",
    // setcontext failed: exit with its -1, as glibc does.
    "2:",
    "bl {exit}",
    "udf #0",
    ".cfi_endproc",
    ".size gcompat_start_context, . - gcompat_start_context",
    ".purgem gcompat_save_context",
    x0 = const O_X0,
    sp = const O_SP,
    pc = const O_PC,
    pstate = const O_PSTATE,
    ext = const O_EXT,
    sigmask = const O_SIGMASK,
    magic = const FPSIMD_MAGIC,
    fpsimd_size = const FPSIMD_SIZE,
    fpsr = const O_FPSR,
    fpcr = const O_FPCR,
    vregs = const O_VREGS,
    nsig8 = const KERNEL_SIGSET,
    sig_setmask = const SIG_SETMASK,
    nr_sigprocmask = const libc::SYS_rt_sigprocmask,
    syscall_error = sym syscall_error,
    exit = sym libc::exit,
);

unsafe extern "C" {
    /// The trampoline above.
    fn gcompat_start_context();
    fn gcompat_getcontext();
    fn gcompat_setcontext();
    fn gcompat_swapcontext();
}

/// `getcontext`: saves the calling context into `*ucp` (x18..x30, sp, the
/// return address as pc, d8..d15 with FPSR and FPCR in an `fpsimd_context`
/// record, the signal mask); returns 0, or -1 with errno when the mask
/// cannot be read. `setcontext(ucp)` later returns here again, with 0.
/// (glibc `sysdeps/unix/sysv/linux/aarch64/getcontext.S`.)
///
/// # Safety
/// `ucp` points to a writable glibc `ucontext_t`.
#[unsafe(naked)]
#[export]
pub unsafe extern "C" fn getcontext(ucp: *mut ucontext_t) -> c_int {
    core::arch::naked_asm!("b {}", sym gcompat_getcontext)
}

/// `setcontext`: resumes the context in `*ucp` (from `getcontext`,
/// `swapcontext` or `makecontext`); returns -1 with errno only when the
/// signal mask cannot be set. (glibc `setcontext.S`.)
///
/// # Safety
/// `ucp` holds a context whose stack is still valid.
#[unsafe(naked)]
#[export]
pub unsafe extern "C" fn setcontext(ucp: *const ucontext_t) -> c_int {
    core::arch::naked_asm!("b {}", sym gcompat_setcontext)
}

/// `swapcontext`: saves the calling context into `*oucp` and resumes
/// `*ucp`, with one signal-mask syscall; returns 0 when `oucp` is resumed,
/// or -1 with errno. (glibc `swapcontext.S`.)
///
/// # Safety
/// As `getcontext` for `oucp` and `setcontext` for `ucp`.
#[unsafe(naked)]
#[export]
pub unsafe extern "C" fn swapcontext(oucp: *mut ucontext_t, ucp: *const ucontext_t) -> c_int {
    core::arch::naked_asm!("b {}", sym gcompat_swapcontext)
}

/// The body of `makecontext` (the variadic front is `makecontext.c`, which
/// documents the export): glibc's layout (`makecontext.c`): arguments 0..8
/// in x0..x7, the rest on the stack from sp up, sp 16-aligned below them at
/// the top of `uc_stack`; pc the trampoline, x20 the function, x19
/// `uc_link`, x29 and x30 zero.
///
/// # Safety
/// `ucp` is a glibc `ucontext_t` whose `uc_stack` describes writable memory
/// large enough for the arguments; `next_arg(ap)` yields `argc` values.
#[export(local)]
pub unsafe extern "C" fn gcompat_makecontext(
    ucp: *mut ucontext_t,
    func: usize,
    argc: c_int,
    next_arg: unsafe extern "C" fn(*mut c_void) -> i64,
    ap: *mut c_void,
) {
    let argc = argc.max(0) as usize;
    let on_stack = argc.saturating_sub(8);
    // SAFETY: `ucp` is a valid context (caller).
    let uc = unsafe { &mut *ucp };
    let top = (uc.uc_stack.ss_sp as usize).wrapping_add(uc.uc_stack.ss_size);
    let sp = (top - 8 * on_stack) & !15;
    let words = sp as *mut u64;
    let mc = &mut uc.uc_mcontext;
    mc.regs[19] = uc.uc_link as usize as _;
    mc.regs[20] = func as _;
    mc.regs[29] = 0;
    mc.regs[30] = 0;
    mc.sp = sp as _;
    mc.pc = gcompat_start_context as *const () as usize as _;
    for i in 0..argc {
        // SAFETY: `next_arg` yields `argc` values (caller).
        let value = unsafe { next_arg(ap) };
        if i < 8 {
            mc.regs[i] = value as u64 as _;
        } else {
            // SAFETY: argument i >= 8 goes to word i - 8 above sp, within uc_stack.
            unsafe { *words.add(i - 8) = value as u64 };
        }
    }
}
