//! `tgkill` (glibc 2.30), which musl 1.2.5 lacks.

use core::ffi::c_int;
use libc::pid_t;

/// `tgkill`: sends `sig` to thread `tid` of thread group `tgid`
/// (tgkill(2)). Returns 0, or -1 with the kernel's errno.
///
/// # Safety
/// None: integers only (the signal's effect is the caller's business).
#[export]
pub unsafe extern "C" fn tgkill(tgid: pid_t, tid: pid_t, sig: c_int) -> c_int {
    // SAFETY: integer arguments; musl's syscall() sets errno.
    unsafe { libc::syscall(libc::SYS_tgkill, tgid, tid, sig) as c_int }
}
