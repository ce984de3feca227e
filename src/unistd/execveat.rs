//! `execveat` (glibc 2.34), which musl 1.2.5 lacks.

use core::ffi::{c_char, c_int};

/// `execveat`: runs the program at `path` relative to `dirfd` (with
/// `AT_EMPTY_PATH`, `dirfd` itself) (execveat(2)). Returns only on
/// failure: -1 with the kernel's errno.
///
/// # Safety
/// `path` is a C string; `argv` and `envp` are null-terminated arrays of
/// C strings.
#[export]
pub unsafe extern "C" fn execveat(
    dirfd: c_int,
    path: *const c_char,
    argv: *const *mut c_char,
    envp: *const *mut c_char,
    flags: c_int,
) -> c_int {
    // SAFETY: the kernel reads the caller's strings and arrays.
    unsafe { libc::syscall(libc::SYS_execveat, dirfd, path, argv, envp, flags) as c_int }
}
