//! `<sys/gmon.h>` and `<sys/profil.h>`: glibc's gprof runtime, which musl
//! does not have at all.
//!
//! A program built with `gcc -pg` links glibc's `gcrt1.o`, whose start-up
//! calls `__monstartup(&__executable_start, &etext)` and registers
//! `_mcleanup` with `atexit`; every function it compiled calls `mcount` on
//! entry (`__fentry__` with `-mfentry`). The pieces:
//!
//! - [`profil`](profil::profil) and [`sprofil`](sprofil::sprofil): the PC
//!   histogram, counted by a `SIGPROF` handler that `setitimer(ITIMER_PROF)`
//!   drives at the profiling clock's rate (glibc `sysdeps/posix/profil.c`,
//!   `sprofil.c`);
//! - `monstartup`, `moncontrol`, `_mcleanup` ([`gmon`]): the call-arc tables
//!   and the histogram buffer, and `gmon.out` in glibc's format
//!   (`gmon/gmon.c`, `<sys/gmon_out.h>`);
//! - `mcount`, `_mcount`, `__fentry__` ([`mcount`]): the assembly entry
//!   points that save the argument registers and record one call arc
//!   (`sysdeps/x86_64/_mcount.S`, `gmon/mcount.c`);
//! - `__profile_frequency`, the rate of the profiling clock: glibc on Linux
//!   returns the kernel's clock tick rate (`AT_CLKTCK`, 100 on x86_64;
//!   `sysdeps/unix/sysv/linux/prof-freq.c`).

pub mod gmon;
pub mod mcount;
pub mod profil;
pub mod sprofil;

use core::ffi::c_int;

/// The profiling clock's ticks per second.
fn profile_frequency() -> c_int {
    // SAFETY: getauxval has no preconditions.
    let hz = unsafe { libc::getauxval(libc::AT_CLKTCK) };
    if hz == 0 { 100 } else { hz as c_int }
}

/// `__profile_frequency`: the profiling clock's ticks per second.
///
/// # Safety
/// None.
#[export]
pub unsafe extern "C" fn __profile_frequency() -> c_int {
    profile_frequency()
}

/// Sets `ITIMER_PROF` to `value`, saving the timer it replaces in `old`
/// unless that is null.
fn set_prof_timer(value: &libc::itimerval, old: *mut libc::itimerval) -> c_int {
    // SAFETY: `value` is a valid itimerval; `old` is null or writable.
    unsafe { libc::setitimer(libc::ITIMER_PROF, value, old) }
}

/// A `SIGPROF` action that calls `handler` with the interrupted context, as
/// glibc installs its counters: `SA_SIGINFO | SA_RESTART`, every signal
/// blocked while it runs.
fn counter_action(handler: extern "C" fn(c_int, *mut libc::siginfo_t, *mut core::ffi::c_void)) -> libc::sigaction {
    // SAFETY: an all-zero sigaction is a valid value to fill in.
    let mut act: libc::sigaction = unsafe { core::mem::zeroed() };
    act.sa_sigaction = handler as usize;
    act.sa_flags = libc::SA_SIGINFO | libc::SA_RESTART;
    // SAFETY: sa_mask is a valid sigset_t to fill.
    unsafe { libc::sigfillset(&mut act.sa_mask) };
    act
}

/// The program counter a signal interrupted, from the handler's context.
///
/// # Safety
/// `ctx` is the third argument of an `SA_SIGINFO` handler.
unsafe fn interrupted_pc(ctx: *mut core::ffi::c_void) -> usize {
    // The kernel's signal frame: musl's and glibc's `ucontext_t` both
    // describe it, with `gregs` in the kernel's `struct sigcontext` order.
    let uc = ctx.cast::<crate::abi::glibc_types::ucontext_t>();
    // SAFETY: the kernel passes a valid ucontext to an SA_SIGINFO handler.
    #[cfg(target_arch = "x86_64")]
    let pc = unsafe { (*uc).uc_mcontext.gregs[crate::ucontext::REG_RIP] as usize };
    // SAFETY: as above; aarch64's mcontext has the pc by name.
    #[cfg(target_arch = "aarch64")]
    let pc = unsafe { (*uc).uc_mcontext.pc as usize };
    pc
}
