//! `wcstof128` and its `_l` and `__wcstof128_internal` forms
//! (`float128.c`): the narrow parser of `stdlib/float128/` over
//! `wchar_t`, with `iswspace` as the whitespace class as in the other wide
//! parsers (`isoc23.rs`).

use crate::stdlib::float128::parse_at;
use core::ffi::c_int;
use libc::wchar_t;

/// The core of the wide `_Float128` parsers: parses `nptr` in rounding
/// direction `mode` (`fegetround()`), stores the result's bits (low word
/// first) in `out`, and returns the exceptions glibc's parser raises.
///
/// # Safety
/// `nptr` is a NUL-terminated wide string; `endptr` is null or writable;
/// `out` is two writable words (C's `unsigned long bits[2]`).
#[export(local)]
pub unsafe extern "C" fn __gcompat_wcstof128(
    nptr: *const wchar_t,
    endptr: *mut *mut wchar_t,
    mode: c_int,
    out: *mut u64,
) -> c_int {
    // SAFETY: forwarded from the caller; `out` starts two words.
    unsafe { parse_at(nptr, endptr, mode, out.cast(), super::isoc23::wide_space) }
}
