//! Fortified `open` (glibc `io/open_2.c`, `io/open64_2.c`): glibc's headers
//! call these when `open` gets no mode argument, and refuse at run time the
//! flags that need one, since the mode would be stack garbage.

use crate::abi::fatal::fortify_fail;
use core::ffi::{c_char, c_int};

/// glibc's `__OPEN_NEEDS_MODE`.
fn needs_mode(oflag: c_int) -> bool {
    oflag & libc::O_CREAT != 0 || oflag & libc::O_TMPFILE == libc::O_TMPFILE
}

fn open_without_mode(file: *const c_char, oflag: c_int) -> c_int {
    if needs_mode(oflag) {
        fortify_fail("invalid open call: O_CREAT or O_TMPFILE without mode");
    }
    // SAFETY: `file` comes from the caller of the exported function, whose
    // contract is `open`'s; no mode is read for these flags.
    unsafe { libc::open(file, oflag) }
}

/// `__open_2`: `open(file, oflag)` without a mode.
///
/// # Safety
/// As `open`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __open_2(file: *const c_char, oflag: c_int) -> c_int {
    open_without_mode(file, oflag)
}

/// `__open64_2`: `__open_2` for `_FILE_OFFSET_BITS=64` builds (musl's `open`
/// always opens large files).
///
/// # Safety
/// As `open`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __open64_2(file: *const c_char, oflag: c_int) -> c_int {
    open_without_mode(file, oflag)
}
