//! `<sys/timex.h>`: `ntp_gettimex` (glibc 2.12), which musl lacks: the
//! kernel clock's time and error estimates through `adjtimex` with no
//! change requested, in glibc's `struct ntptimeval` (glibc
//! `sysdeps/unix/sysv/linux/ntp_gettimex.c`).

use core::ffi::{c_int, c_long};

/// glibc's `struct ntptimeval` (with `ntp_gettimex`'s `tai` and reserved
/// fields).
#[repr(C)]
pub struct NtpTimeval {
    time: libc::timeval,
    maxerror: c_long,
    esterror: c_long,
    tai: c_long,
    reserved: [c_long; 4],
}

/// `ntp_gettimex`: fills `ntv` from the kernel clock and returns the clock
/// state (`TIME_OK`, ..., `TIME_ERROR`), or -1 with errno (ntp_gettime(3)).
///
/// # Safety
/// `ntv` points to a writable `struct ntptimeval`.
#[export]
pub unsafe extern "C" fn ntp_gettimex(ntv: *mut NtpTimeval) -> c_int {
    // SAFETY: all-zero is a valid timex (modes 0 asks for no change).
    let mut tx: libc::timex = unsafe { core::mem::zeroed() };
    // SAFETY: a valid timex.
    let state = unsafe { libc::adjtimex(&mut tx) };
    // SAFETY: the caller's writable structure.
    let ntv = unsafe { &mut *ntv };
    ntv.time = tx.time;
    ntv.maxerror = tx.maxerror;
    ntv.esterror = tx.esterror;
    ntv.tai = tx.tai as c_long;
    ntv.reserved = [0; 4];
    state
}
