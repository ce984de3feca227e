//! Fortified `open` and `openat` (glibc `io/open_2.c`, `io/open64_2.c`,
//! `io/openat_2.c`, `io/openat64_2.c`): glibc's headers call these when
//! `open` or `openat` gets no mode argument, and refuse at run time the
//! flags that need one, since the mode would be stack garbage.

use crate::abi::fatal::fortify_fail;
use core::ffi::{c_char, c_int};

/// glibc's `__OPEN_NEEDS_MODE`.
fn needs_mode(oflag: c_int) -> bool {
    oflag & libc::O_CREAT != 0 || oflag & libc::O_TMPFILE == libc::O_TMPFILE
}

/// `openat(dirfd, file, oflag)` without a mode; `msg` is glibc's message
/// for the entry point, which names it.
fn open_without_mode(dirfd: c_int, file: *const c_char, oflag: c_int, msg: &str) -> c_int {
    if needs_mode(oflag) {
        fortify_fail(msg);
    }
    // SAFETY: `file` comes from the caller of the exported function, whose
    // contract is `open`'s or `openat`'s; no mode is read for these flags.
    unsafe { libc::openat(dirfd, file, oflag) }
}

/// `__open_2`: `open(file, oflag)` without a mode.
///
/// # Safety
/// As `open`.
#[export]
pub unsafe extern "C" fn __open_2(file: *const c_char, oflag: c_int) -> c_int {
    open_without_mode(libc::AT_FDCWD, file, oflag, "invalid open call: O_CREAT or O_TMPFILE without mode")
}

/// `__open64_2`: `__open_2` for `_FILE_OFFSET_BITS=64` builds (musl's `open`
/// always opens large files).
///
/// # Safety
/// As `open`.
#[export]
pub unsafe extern "C" fn __open64_2(file: *const c_char, oflag: c_int) -> c_int {
    open_without_mode(libc::AT_FDCWD, file, oflag, "invalid open64 call: O_CREAT or O_TMPFILE without mode")
}

/// `__openat_2`: `openat(fd, file, oflag)` without a mode.
///
/// # Safety
/// As `openat`.
#[export]
pub unsafe extern "C" fn __openat_2(fd: c_int, file: *const c_char, oflag: c_int) -> c_int {
    open_without_mode(fd, file, oflag, "invalid openat call: O_CREAT or O_TMPFILE without mode")
}

/// `__openat64_2`: `__openat_2` for `_FILE_OFFSET_BITS=64` builds.
///
/// # Safety
/// As `openat`.
#[export]
pub unsafe extern "C" fn __openat64_2(fd: c_int, file: *const c_char, oflag: c_int) -> c_int {
    open_without_mode(fd, file, oflag, "invalid openat64 call: O_CREAT or O_TMPFILE without mode")
}
