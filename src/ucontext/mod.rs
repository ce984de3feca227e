//! `<ucontext.h>`: `getcontext`, `setcontext`, `makecontext`, `swapcontext`,
//! which musl does not have (glibc `sysdeps/unix/sysv/linux/<arch>/*context*`).
//!
//! A glibc program hands these functions glibc's `ucontext_t`
//! (`abi::glibc_types::ucontext_t`, 968 bytes on x86_64): `uc_flags`,
//! `uc_link`, `uc_stack`, `uc_mcontext` (`gregs[23]` in the kernel's
//! `REG_R8`..`REG_CR2` order, the `fpregs` pointer), `uc_sigmask` (128 bytes,
//! of which the kernel uses 8), `__fpregs_mem` (`struct _libc_fpstate`) and
//! `__ssp[4]`. The code reads and writes only what glibc's does:
//!
//! - `getcontext` saves the callee-saved registers, the argument registers,
//!   the caller's `rsp` and return address, the x87 environment (`fnstenv`)
//!   and `mxcsr` into `__fpregs_mem`, points `fpregs` at it, and the signal
//!   mask (`rt_sigprocmask` with the kernel's 8-byte set).
//! - `setcontext` restores the mask, the x87 environment and `mxcsr`, the
//!   registers (the argument registers too, so `makecontext` arguments reach
//!   the function) and jumps; `swapcontext` is both, with one mask syscall.
//! - `makecontext` lays the stack out as glibc does: the top of
//!   `uc_stack`, room for the arguments beyond the sixth and for `uc_link`,
//!   aligned so that the function starts as if called; the return address
//!   is a trampoline that `setcontext`s to `uc_link`, or calls `exit(0)`
//!   when it is null. Arguments are taken as `long`s, as glibc does.
//!
//! # glibc differences
//! - `__ssp` (the CET shadow-stack pointer) is neither saved nor restored:
//!   musl never enables shadow stacks, so there is none to switch.
//! - The trampoline aligns the stack before calling `exit`; glibc's calls it
//!   misaligned when an odd number of arguments went on the stack.
//!
//! # aarch64 (`aarch64.rs`)
//! glibc's aarch64 `ucontext_t` (the kernel's layout, which musl's shares):
//! `uc_flags` 0, `uc_link` 8, `uc_stack` 16..40, `uc_sigmask` 40..168, then
//! `uc_mcontext` 16-aligned at 176: `fault_address`, `regs[31]` (x0..x30),
//! `sp`, `pc`, `pstate`, and a 16-aligned 4096-byte `__reserved` area (at
//! 464) holding tagged records. glibc's `getcontext` stores x18..x30, sp and
//! the return address as pc, sets `regs[0]` to 0 (so `setcontext` "returns"
//! 0), and writes one `fpsimd_context` record into `__reserved` (`head`:
//! magic `FPSIMD_MAGIC` 0x46508001, size 528; `fpsr`, `fpcr`, `vregs[32]`
//! of which d8..d15 are the callee-saved ones) followed by an empty
//! terminating record; `setcontext` finds that record by its magic and
//! restores x0..x7 too (for `makecontext`). `makecontext` puts the first 8
//! arguments in x0..x7 and the rest on the stack from sp up, sp 16-aligned
//! below them at the top of `uc_stack`, x19 = `uc_link`, x29 (fp) = 0, and
//! starts at a trampoline (pc) with the function in x20 and x30 = 0: the
//! trampoline calls the function, then `setcontext`s to x19 or calls
//! `exit(0)`, as glibc 2.41's `__startcontext`.
//! With GCS (arm64 guarded control stack) glibc also gives the context a
//! shadow stack, which musl has no use for.

#[cfg(target_arch = "x86_64")]
mod x86_64;
#[cfg(target_arch = "x86_64")]
pub(crate) use x86_64::REG_RIP;
#[cfg(target_arch = "aarch64")]
mod aarch64;
