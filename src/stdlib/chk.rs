//! Fortified `<stdlib.h>` entry points (glibc `debug/realpath_chk.c`).

use crate::abi::fatal::buffer_overflow;
use core::ffi::c_char;
use libc::size_t;

/// `__realpath_chk`: `realpath` whose result buffer, when given, must hold
/// `PATH_MAX` bytes (its size is `resolvedlen`).
///
/// # Safety
/// As `realpath`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __realpath_chk(
    path: *const c_char,
    resolved: *mut c_char,
    resolvedlen: size_t,
) -> *mut c_char {
    if resolvedlen < libc::PATH_MAX as size_t {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller.
    unsafe { libc::realpath(path, resolved) }
}
