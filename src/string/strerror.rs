//! glibc's errno texts, where musl's differ (musl says "Not a tty" for
//! ENOTTY, glibc "Inappropriate ioctl for device"; musl says "No error
//! information" for an unknown value, glibc "Unknown error N"), and the
//! `strerror` family with those texts for glibc-built callers.
//!
//! The exported names are fronts in `overrides.c`; musl-built callers get
//! musl's own functions unchanged (see `abi::caller`).

use super::errlist::DESCRIPTIONS;
use crate::abi::caller;
use crate::abi::cstr::Buf;
use crate::musl_next;
use core::ffi::{CStr, c_char, c_int, c_void};
use core::fmt::Write;
use libc::{locale_t, size_t};

/// glibc's text for `errnum`, or `None` where glibc has none.
pub fn description(errnum: c_int) -> Option<&'static CStr> {
    usize::try_from(errnum).ok().and_then(|i| DESCRIPTIONS.get(i).copied().flatten())
}

/// Writes what glibc's `strerror(errnum)` says: the text, or `Unknown error N`.
pub fn describe(errnum: c_int, out: &mut impl Write) {
    let _ = match description(errnum) {
        Some(text) => out.write_str(text.to_str().unwrap_or("")),
        None => write!(out, "Unknown error {errnum}"),
    };
}

/// glibc's text for `errnum`, formatting an unknown one into `unknown`
/// (`size` bytes), as glibc's `strerror` and GNU `strerror_r` do.
///
/// # Safety
/// `unknown` is valid for `size` bytes.
unsafe fn text_or_unknown(errnum: c_int, unknown: *mut c_char, size: usize) -> *mut c_char {
    if let Some(text) = description(errnum) {
        return text.as_ptr().cast_mut();
    }
    if size == 0 {
        return unknown;
    }
    let mut line = Buf::<40>::new();
    let _ = write!(line, "Unknown error {errnum}");
    let n = line.as_bytes().len().min(size - 1);
    // SAFETY: `n + 1 <= size` bytes of the destination are written.
    unsafe {
        core::ptr::copy_nonoverlapping(line.as_bytes().as_ptr(), unknown.cast(), n);
        *unknown.add(n) = 0;
    }
    unknown
}

musl_next!(fn musl_strerror = "strerror": unsafe extern "C" fn(c_int) -> *mut c_char);
musl_next!(fn musl_strerror_l = "strerror_l": unsafe extern "C" fn(c_int, locale_t) -> *mut c_char);

unsafe extern "C" {
    /// musl's POSIX `strerror_r`, under its exported XSI alias.
    fn __xpg_strerror_r(errnum: c_int, buf: *mut c_char, buflen: size_t) -> c_int;
}

/// `strerror`: glibc's text for glibc callers, musl's for musl callers.
///
/// # Safety
/// `unknown` is the front's 40-byte thread-local buffer.
#[export(local)]
pub unsafe extern "C" fn __gcompat_strerror(errnum: c_int, unknown: *mut c_char, caller: *const c_void) -> *mut c_char {
    if caller::is_glibc(caller) {
        // SAFETY: the buffer is 40 bytes (overrides.c).
        unsafe { text_or_unknown(errnum, unknown, 40) }
    } else {
        // SAFETY: musl's own strerror.
        unsafe { musl_strerror()(errnum) }
    }
}

/// `strerror_l`: as `strerror` (glibc's messages are not translated in the
/// C locale, the only one the shim's callers get texts for).
///
/// # Safety
/// As `strerror_l`; `unknown` is the front's 40-byte buffer.
#[export(local)]
pub unsafe extern "C" fn __gcompat_strerror_l(
    errnum: c_int,
    loc: locale_t,
    unknown: *mut c_char,
    caller: *const c_void,
) -> *mut c_char {
    if caller::is_glibc(caller) {
        // SAFETY: the buffer is 40 bytes (overrides.c).
        unsafe { text_or_unknown(errnum, unknown, 40) }
    } else {
        // SAFETY: musl's own strerror_l with the caller's arguments.
        unsafe { musl_strerror_l()(errnum, loc) }
    }
}

/// `strerror_r`: the GNU form for glibc callers (glibc manual, "Error
/// Messages": returns the message, which may or may not be in `buf`), the
/// POSIX form returning `int` for musl callers.
///
/// # Safety
/// `buf` is valid for `buflen` bytes.
#[export(local)]
pub unsafe extern "C" fn __gcompat_strerror_r(
    errnum: c_int,
    buf: *mut c_char,
    buflen: size_t,
    caller: *const c_void,
) -> *mut c_void {
    if caller::is_glibc(caller) {
        // SAFETY: `buf` is valid for `buflen` bytes (caller).
        unsafe { text_or_unknown(errnum, buf, buflen).cast() }
    } else {
        // SAFETY: musl's own strerror_r with the caller's arguments; its int
        // result travels in the return register as musl callers expect.
        unsafe { __xpg_strerror_r(errnum, buf, buflen) as isize as *mut c_void }
    }
}
