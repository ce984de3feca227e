//! x86_64: the context switches in assembly (register save and restore cannot
//! be written in Rust), `makecontext`'s stack layout in Rust.

use crate::abi::glibc_types::{_libc_fpstate, mcontext_t, ucontext_t};
use core::ffi::{c_int, c_void};
use core::mem::offset_of;

// Indices into `gregs`, glibc's `REG_*` (the kernel's `struct sigcontext` order).
const REG_R8: usize = 0;
const REG_R9: usize = 1;
const REG_R12: usize = 4;
const REG_R13: usize = 5;
const REG_R14: usize = 6;
const REG_R15: usize = 7;
const REG_RDI: usize = 8;
const REG_RSI: usize = 9;
const REG_RBP: usize = 10;
const REG_RBX: usize = 11;
const REG_RDX: usize = 12;
const REG_RCX: usize = 14;
const REG_RSP: usize = 15;
pub(crate) const REG_RIP: usize = 16;

/// Byte offset of `gregs[reg]` in glibc's `ucontext_t`.
const fn greg(reg: usize) -> usize {
    offset_of!(ucontext_t, uc_mcontext) + offset_of!(mcontext_t, gregs) + 8 * reg
}
const O_FPREGS: usize = offset_of!(ucontext_t, uc_mcontext) + offset_of!(mcontext_t, fpregs);
const O_SIGMASK: usize = offset_of!(ucontext_t, uc_sigmask);
const O_FPREGSMEM: usize = offset_of!(ucontext_t, __fpregs_mem);
const O_MXCSR: usize = O_FPREGSMEM + offset_of!(_libc_fpstate, mxcsr);
/// The kernel's signal set: `_NSIG / 8` bytes, not glibc's 128.
const KERNEL_SIGSET: usize = 8;

/// The error path of the assembly below: errno from a failed syscall's
/// negated result, and -1 as the return value.
extern "C" fn syscall_error(neg_errno: i64) -> c_int {
    crate::abi::errno::set((-neg_errno) as c_int);
    -1
}

// getcontext(ucp), setcontext(ucp), swapcontext(oucp, ucp): glibc's
// register-for-register semantics (module doc). The exported names, with
// their documentation, are the naked functions below, each a jump here. `.Lgc_setcontext` is the
// local entry the trampoline calls, so a program's own `setcontext` cannot
// interpose on it. The trampoline's CFI marks the return address undefined,
// so unwinders (backtrace) stop there, as at glibc's `__start_context`.
core::arch::global_asm!(
    ".text",
    // Saves what both getcontext and swapcontext save into the context at rdi.
    ".macro gcompat_save_context",
    "mov [rdi + {rbx}], rbx",
    "mov [rdi + {rbp}], rbp",
    "mov [rdi + {r12}], r12",
    "mov [rdi + {r13}], r13",
    "mov [rdi + {r14}], r14",
    "mov [rdi + {r15}], r15",
    "mov [rdi + {rdi}], rdi",
    "mov [rdi + {rsi}], rsi",
    "mov [rdi + {rdx}], rdx",
    "mov [rdi + {rcx}], rcx",
    "mov [rdi + {r8}], r8",
    "mov [rdi + {r9}], r9",
    "mov rcx, [rsp]",
    "mov [rdi + {rip}], rcx",
    "lea rcx, [rsp + 8]",
    "mov [rdi + {rsp}], rcx",
    "lea rcx, [rdi + {fpregsmem}]",
    "mov [rdi + {fpregs}], rcx",
    "fnstenv [rcx]",
    ".endm",
    // Loads the context at rdx (whose mask is already in place) and returns
    // into it with eax = 0.
    ".macro gcompat_load_context",
    "mov rcx, [rdx + {fpregs}]",
    "fldenv [rcx]",
    "ldmxcsr [rdx + {mxcsr}]",
    "mov rsp, [rdx + {rsp}]",
    "mov rbx, [rdx + {rbx}]",
    "mov rbp, [rdx + {rbp}]",
    "mov r12, [rdx + {r12}]",
    "mov r13, [rdx + {r13}]",
    "mov r14, [rdx + {r14}]",
    "mov r15, [rdx + {r15}]",
    "mov rcx, [rdx + {rip}]",
    "push rcx",
    "mov rdi, [rdx + {rdi}]",
    "mov rsi, [rdx + {rsi}]",
    "mov rcx, [rdx + {rcx}]",
    "mov r8, [rdx + {r8}]",
    "mov r9, [rdx + {r9}]",
    "mov rdx, [rdx + {rdx}]",
    "xor eax, eax",
    "ret",
    ".endm",
    //
    ".globl gcompat_getcontext",
    ".hidden gcompat_getcontext",
    ".type gcompat_getcontext, @function",
    ".p2align 4",
    "gcompat_getcontext:",
    ".cfi_startproc",
    "gcompat_save_context",
    "fldenv [rcx]", // fnstenv masked the x87 exceptions; put them back
    "stmxcsr [rdi + {mxcsr}]",
    // rt_sigprocmask(SIG_BLOCK, NULL, &ucp->uc_sigmask, 8)
    "lea rdx, [rdi + {sigmask}]",
    "xor esi, esi",
    "xor edi, edi",
    "mov r10d, {nsig8}",
    "mov eax, {nr_sigprocmask}",
    "syscall",
    "cmp rax, -4095",
    "jae 1f",
    "xor eax, eax",
    "ret",
    "1:",
    "mov rdi, rax",
    "jmp {syscall_error}",
    ".cfi_endproc",
    ".size gcompat_getcontext, . - gcompat_getcontext",
    //
    ".globl gcompat_setcontext",
    ".hidden gcompat_setcontext",
    ".type gcompat_setcontext, @function",
    ".p2align 4",
    "gcompat_setcontext:",
    ".Lgc_setcontext:",
    ".cfi_startproc",
    "push rdi",
    ".cfi_adjust_cfa_offset 8",
    // rt_sigprocmask(SIG_SETMASK, &ucp->uc_sigmask, NULL, 8)
    "lea rsi, [rdi + {sigmask}]",
    "xor edx, edx",
    "mov edi, 2",
    "mov r10d, {nsig8}",
    "mov eax, {nr_sigprocmask}",
    "syscall",
    "pop rdx",
    ".cfi_adjust_cfa_offset -8",
    "cmp rax, -4095",
    "jae 1f",
    "gcompat_load_context",
    "1:",
    "mov rdi, rax",
    "jmp {syscall_error}",
    ".cfi_endproc",
    ".size gcompat_setcontext, . - gcompat_setcontext",
    //
    ".globl gcompat_swapcontext",
    ".hidden gcompat_swapcontext",
    ".type gcompat_swapcontext, @function",
    ".p2align 4",
    "gcompat_swapcontext:",
    ".cfi_startproc",
    "gcompat_save_context",
    "stmxcsr [rdi + {mxcsr}]",
    // The syscall clobbers rcx and r11; keep both contexts in r12 and r9
    // (r12 is already saved in oucp, and restored from it on failure).
    "mov r12, rsi",
    "mov r9, rdi",
    // rt_sigprocmask(SIG_SETMASK, &ucp->uc_sigmask, &oucp->uc_sigmask, 8)
    "lea rdx, [rdi + {sigmask}]",
    "lea rsi, [rsi + {sigmask}]",
    "mov edi, 2",
    "mov r10d, {nsig8}",
    "mov eax, {nr_sigprocmask}",
    "syscall",
    "cmp rax, -4095",
    "jae 1f",
    "mov rdx, r12",
    "gcompat_load_context",
    "1:",
    "fldenv [r9 + {fpregsmem}]",
    "mov r12, [r9 + {r12}]",
    "mov rdi, rax",
    "jmp {syscall_error}",
    ".cfi_endproc",
    ".size gcompat_swapcontext, . - gcompat_swapcontext",
    //
    // Where a makecontext function returns to: rbx (callee-saved, so the
    // function kept it) points at the uc_link slot above its stack arguments.
    ".type gcompat_start_context, @function",
    ".p2align 4",
    "gcompat_start_context:",
    ".cfi_startproc",
    ".cfi_undefined rip",
    "mov rsp, rbx",
    "mov rdi, [rsp]",
    "and rsp, -16",
    "test rdi, rdi",
    "je 2f",
    "call .Lgc_setcontext",
    // setcontext failed: exit with its -1, as glibc does.
    "mov rdi, rax",
    "2:",
    "call {exit}",
    "hlt",
    ".cfi_endproc",
    ".size gcompat_start_context, . - gcompat_start_context",
    ".purgem gcompat_save_context",
    ".purgem gcompat_load_context",
    rbx = const greg(REG_RBX),
    rbp = const greg(REG_RBP),
    r12 = const greg(REG_R12),
    r13 = const greg(REG_R13),
    r14 = const greg(REG_R14),
    r15 = const greg(REG_R15),
    rdi = const greg(REG_RDI),
    rsi = const greg(REG_RSI),
    rdx = const greg(REG_RDX),
    rcx = const greg(REG_RCX),
    r8 = const greg(REG_R8),
    r9 = const greg(REG_R9),
    rip = const greg(REG_RIP),
    rsp = const greg(REG_RSP),
    fpregs = const O_FPREGS,
    fpregsmem = const O_FPREGSMEM,
    mxcsr = const O_MXCSR,
    sigmask = const O_SIGMASK,
    nsig8 = const KERNEL_SIGSET,
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

/// `getcontext`: saves the calling context into `*ucp` (registers, stack,
/// x87 environment and `mxcsr`, signal mask); returns 0, or -1 with errno
/// when the mask cannot be read. `setcontext(ucp)` later returns here again,
/// with 0. (glibc `sysdeps/unix/sysv/linux/x86_64/getcontext.S`.)
///
/// # Safety
/// `ucp` points to a writable glibc `ucontext_t`.
#[unsafe(naked)]
#[export]
pub unsafe extern "C" fn getcontext(ucp: *mut ucontext_t) -> c_int {
    core::arch::naked_asm!("jmp {}", sym gcompat_getcontext)
}

/// `setcontext`: resumes the context in `*ucp` (from `getcontext`,
/// `swapcontext` or `makecontext`); returns -1 with errno only when the
/// signal mask cannot be set. (glibc `setcontext.S`.)
///
/// # Safety
/// `ucp` holds a context whose stack is still valid; its `fpregs` points at
/// a valid `struct _libc_fpstate`.
#[unsafe(naked)]
#[export]
pub unsafe extern "C" fn setcontext(ucp: *const ucontext_t) -> c_int {
    core::arch::naked_asm!("jmp {}", sym gcompat_setcontext)
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
    core::arch::naked_asm!("jmp {}", sym gcompat_swapcontext)
}

/// The body of `makecontext` (the variadic front is `makecontext.c`, which
/// documents the export): glibc's stack layout (`makecontext.c`), each
/// argument taken by `next_arg(ap)`.
///
/// # Safety
/// `ucp` is a glibc `ucontext_t` whose `uc_stack` describes writable memory
/// large enough for the arguments; `next_arg(ap)` yields `argc` values.
#[export(local)]
pub unsafe extern "C" fn gcompat_makecontext(
    ucp: *mut ucontext_t,
    func: unsafe extern "C" fn(),
    argc: c_int,
    next_arg: unsafe extern "C" fn(*mut c_void) -> i64,
    ap: *mut c_void,
) {
    let argc = argc.max(0) as usize;
    let on_stack = argc.saturating_sub(6);
    // SAFETY: `ucp` is a valid context (caller).
    let uc = unsafe { &mut *ucp };
    let top = (uc.uc_stack.ss_sp as usize).wrapping_add(uc.uc_stack.ss_size);
    // Room for the stack arguments and uc_link, then 16-byte alignment and
    // the trampoline's slot: the function starts as if called (rsp + 8
    // aligned), glibc's layout exactly.
    let sp = ((top - 8 * (on_stack + 1)) & !15) - 8;
    let link_slot = on_stack + 1;
    let words = sp as *mut u64;
    let gregs = &mut uc.uc_mcontext.gregs;
    gregs[REG_RIP] = func as usize as i64;
    gregs[REG_RBX] = (sp + 8 * link_slot) as i64;
    gregs[REG_RSP] = sp as i64;
    // SAFETY: sp..sp + 8 * (link_slot + 1) lies within uc_stack (caller).
    unsafe {
        *words = gcompat_start_context as *const () as u64;
        *words.add(link_slot) = uc.uc_link as usize as u64;
    }
    const ARG_REGS: [usize; 6] = [REG_RDI, REG_RSI, REG_RDX, REG_RCX, REG_R8, REG_R9];
    for i in 0..argc {
        // SAFETY: `next_arg` yields `argc` values (caller).
        let value = unsafe { next_arg(ap) };
        match ARG_REGS.get(i) {
            Some(&reg) => gregs[reg] = value,
            // SAFETY: argument i >= 6 goes to slot i - 5, below uc_link.
            None => unsafe { *words.add(i - 5) = value as u64 },
        }
    }
}
