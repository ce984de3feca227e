//! `openat2` (glibc 2.43), which musl 1.2.5 lacks.

use core::ffi::{c_char, c_int};
use libc::{open_how, size_t};

/// `openat2`: `openat` with its arguments in `how` (`size` bytes of it:
/// the kernel refuses unknown non-zero fields), resolution limits
/// included (openat2(2)). Returns the descriptor, or -1 with the kernel's
/// errno.
///
/// # Safety
/// `path` is a C string; `how` is readable for `size` bytes.
///
/// # glibc differences
/// glibc's is a cancellation point; this one is not (musl's cancellable
/// system call is internal to it).
#[export]
pub unsafe extern "C" fn openat2(dirfd: c_int, path: *const c_char, how: *mut open_how, size: size_t) -> c_int {
    // SAFETY: the kernel reads the caller's path and structure.
    unsafe { libc::syscall(libc::SYS_openat2, dirfd, path, how, size) as c_int }
}
