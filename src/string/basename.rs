//! `basename`: GNU's for glibc-built callers (glibc's `<string.h>` form,
//! glibc manual "Finding Tokens in a String": the part after the last `/`,
//! never writing to its argument, so `"/usr/"` gives `""`), musl's POSIX one
//! for musl-built callers. The front is in `overrides.c`.

use crate::abi::caller;
use core::ffi::{c_char, c_void};

unsafe extern "C" {
    /// musl's POSIX `basename`, under its exported XPG alias.
    fn __xpg_basename(path: *mut c_char) -> *mut c_char;
}

/// # Safety
/// `path` is a C string (or null for musl callers, as POSIX allows).
#[export(local)]
pub unsafe extern "C" fn __gcompat_basename(path: *const c_char, caller: *const c_void) -> *mut c_char {
    if !caller::is_glibc(caller) {
        // SAFETY: musl's own basename with the caller's argument.
        return unsafe { __xpg_basename(path.cast_mut()) };
    }
    // SAFETY: a glibc caller passes a C string, as glibc requires.
    let slash = unsafe { libc::strrchr(path, core::ffi::c_int::from(b'/')) };
    if slash.is_null() {
        path.cast_mut()
    } else {
        // SAFETY: one past the '/' is within the string (at worst its NUL).
        unsafe { slash.add(1) }
    }
}
