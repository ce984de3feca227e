//! The one way the shim dies on purpose: glibc's fortify and fatal-error
//! messages, written to fd 2 in one piece, then `abort()` (SIGABRT), exactly
//! as glibc's `__fortify_fail` and `__libc_fatal` do.

use super::cstr::{Buf, write_all};
use core::fmt::Write;

/// glibc's `__libc_fatal`: prints `msg` as it is and aborts.
pub fn libc_fatal(msg: &str) -> ! {
    write_all(2, msg.as_bytes());
    // SAFETY: abort has no preconditions.
    unsafe { libc::abort() }
}

/// glibc's `__fortify_fail`: `*** MSG ***: terminated`, then abort.
pub fn fortify_fail(msg: &str) -> ! {
    let mut line = Buf::<256>::new();
    let _ = writeln!(line, "*** {msg} ***: terminated");
    write_all(2, line.as_bytes());
    // SAFETY: abort has no preconditions.
    unsafe { libc::abort() }
}

/// A fortified call found its destination too small.
#[cold]
#[inline(never)]
pub fn buffer_overflow() -> ! {
    fortify_fail("buffer overflow detected")
}

/// The shim's panic handler: a panic is a bug in the shim.
pub fn panic(info: &core::panic::PanicInfo<'_>) -> ! {
    let mut line = Buf::<512>::new();
    let _ = writeln!(line, "libgcompat: internal error: {info}");
    libc_fatal(core::str::from_utf8(line.as_bytes()).unwrap_or("libgcompat: internal error\n"))
}

/// `__chk_fail`: report a buffer overflow and abort (glibc `debug/chk_fail.c`).
///
/// # Safety
/// Always safe to call; it does not return.
#[export]
pub unsafe extern "C" fn __chk_fail() -> ! {
    buffer_overflow()
}

/// `__stack_chk_fail`: the stack protector found its canary overwritten;
/// glibc reports `stack smashing detected` and aborts (`debug/stack_chk_fail.c`).
///
/// # glibc differences
/// None; musl's own crashes without a word, and musl-built callers in the
/// process get glibc's report instead (see `symbols/overrides.txt`).
///
/// # Safety
/// Always safe to call; it does not return.
#[export]
pub unsafe extern "C" fn __stack_chk_fail() -> ! {
    fortify_fail("stack smashing detected")
}
