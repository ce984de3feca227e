//! `__longjmp_chk` (glibc `debug/longjmp_chk.c` and x86_64
//! `____longjmp_chk.S`): glibc's fortified headers turn `longjmp`,
//! `_longjmp` and `siglongjmp` into it.
//!
//! Under the shim a glibc program's `setjmp`, `_setjmp` and `__sigsetjmp`
//! are musl's, so the buffer here is always musl's: the same 200 bytes as
//! glibc's `jmp_buf` (8 saved words, a flag word, a 128-byte signal mask),
//! with the same register order (rbx rbp r12 r13 r14 r15 rsp pc) but not
//! mangled with glibc's pointer guard. So the saved stack pointer is read as
//! it is, and musl's own `longjmp` makes the jump (and, for a `sigsetjmp`
//! buffer, restores the mask through musl's `sigsetjmp` tail).

use crate::abi::{fatal::fortify_fail, musl};
use core::ffi::{c_int, c_void};

/// Index of the saved stack pointer in musl's x86_64 `__jmp_buf`.
#[cfg(target_arch = "x86_64")]
const SAVED_SP: usize = 6;
/// Index of the saved stack pointer in musl's aarch64 `__jmp_buf` (x19..x30,
/// then sp at byte 104; glibc's aarch64 `jmp_buf` has it at the same place,
/// mangled).
#[cfg(target_arch = "aarch64")]
const SAVED_SP: usize = 13;

/// glibc's check: a jump to a frame below the current stack pointer goes to
/// a frame that no longer exists, unless the jump leaves an alternate signal
/// stack we are running on (or `sigaltstack` cannot tell).
fn jump_allowed(target: usize, sp: usize) -> bool {
    if sp <= target {
        return true;
    }
    let mut ss = core::mem::MaybeUninit::<libc::stack_t>::uninit();
    // SAFETY: a null new stack only queries; `ss` is written on success.
    if unsafe { libc::sigaltstack(core::ptr::null(), ss.as_mut_ptr()) } != 0 {
        return true;
    }
    // SAFETY: sigaltstack succeeded, so `ss` is initialised.
    let ss = unsafe { ss.assume_init() };
    if ss.ss_flags & libc::SS_ONSTACK == 0 {
        return false;
    }
    // Allowed when the target lies outside the alternate stack (glibc's
    // unsigned `ss_sp + ss_size - target >= ss_size`).
    (ss.ss_sp as usize).wrapping_add(ss.ss_size).wrapping_sub(target) >= ss.ss_size
}

/// `__longjmp_chk`: `longjmp`, refusing a jump into a stack frame that no
/// longer exists (`longjmp causes uninitialized stack frame`).
///
/// # Safety
/// As `longjmp`: `env` was filled by `setjmp` or `sigsetjmp`.
#[export]
pub unsafe extern "C" fn __longjmp_chk(env: *mut c_void, val: c_int) -> ! {
    // SAFETY: `env` is a filled jmp_buf (caller): more than SAVED_SP words.
    let target = unsafe { *env.cast::<usize>().add(SAVED_SP) };
    let sp: usize;
    // SAFETY: reads the stack pointer; no memory, no flags.
    #[cfg(target_arch = "x86_64")]
    unsafe {
        core::arch::asm!("mov {}, rsp", out(reg) sp, options(nomem, nostack, preserves_flags))
    };
    // SAFETY: reads the stack pointer; no memory, no flags.
    #[cfg(target_arch = "aarch64")]
    unsafe {
        core::arch::asm!("mov {}, sp", out(reg) sp, options(nomem, nostack, preserves_flags))
    };
    if !jump_allowed(target, sp) {
        fortify_fail("longjmp causes uninitialized stack frame");
    }
    // SAFETY: forwarded from the caller; this frame holds nothing to drop.
    unsafe { musl::longjmp(env, val) }
}
