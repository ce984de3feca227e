//! `<sys/epoll.h>`: `epoll_pwait2` (glibc 2.35), which musl 1.2.5 lacks.

use core::ffi::c_int;
use libc::{epoll_event, sigset_t, timespec};

/// The signal-set size the kernel takes: `_NSIG / 8` (64 signals), which
/// glibc passes, not the size of its 1024-bit `sigset_t`.
const KERNEL_SIGSET_BYTES: usize = 8;

/// `epoll_pwait2`: `epoll_pwait` with a `timespec` timeout (null: wait
/// without limit) (epoll_wait(2)). Returns the number of ready events, or
/// -1 with the kernel's errno.
///
/// # Safety
/// `events` has room for `maxevents` entries; `timeout` and `sigmask` are
/// null or readable.
///
/// # glibc differences
/// glibc's is a cancellation point; this one is not (musl's cancellable
/// system call is internal to it).
#[export]
pub unsafe extern "C" fn epoll_pwait2(
    epfd: c_int,
    events: *mut epoll_event,
    maxevents: c_int,
    timeout: *const timespec,
    sigmask: *const sigset_t,
) -> c_int {
    // SAFETY: the pointers are the caller's, as the kernel wants them.
    unsafe {
        libc::syscall(libc::SYS_epoll_pwait2, epfd, events, maxevents, timeout, sigmask, KERNEL_SIGSET_BYTES) as c_int
    }
}
