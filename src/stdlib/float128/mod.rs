//! `_Float128` (IEEE 754 binary128) text conversions glibc 2.26 added and
//! musl lacks: `strtof128` (and `strtof128_l`, `__strtof128_internal`, the
//! wide forms in `wchar/float128.rs`) and `strfromf128` (ISO/IEC TS
//! 18661-3; glibc manual "Parsing of Floats", "Printing of Floats").
//!
//! musl has no binary128 arithmetic (x86_64's `long double` is x87's
//! 80-bit format), and Rust has no stable `f128`, so the value crosses the
//! ABI as its 128 bits: the C fronts (`stdlib/float128.c`, `abi/float128.h`)
//! copy the `_Float128` they receive or return (in `%xmm0`) to or from two
//! 64-bit words and do no arithmetic on it (which would call libgcc's
//! soft-float helpers). Everything here works on those bits with integers.
//!
//! The parser (`parse.rs`) and the formatter (`format.rs`) are exact, each
//! described in its own module; both work on binary128's fields
//! (`binary128.rs`) and, where a value needs more than 128 bits, on the
//! fixed-size big integers of `big.rs`. Here: the entry points the C
//! fronts call.

mod big;
mod binary128;
mod format;
mod parse;

use super::floating::{Rounding, fill_c_buffer, strfrom_spec};
use crate::abi::errno;
use core::ffi::{CStr, c_char, c_int};
use format::write_text;
use parse::parse;

/// The rounding direction and exception plumbing shared by the narrow and
/// wide parsers' C fronts: runs [`parse`] over `nptr`, stores the end and
/// the bits, sets `ERANGE`, and returns the exceptions to raise.
///
/// # Safety
/// `nptr` is a NUL-terminated string of `T` units; `endptr` is null or
/// writable; `out` is writable.
pub unsafe fn parse_at<T: Copy + Into<i64>>(
    nptr: *const T,
    endptr: *mut *mut T,
    mode: c_int,
    out: *mut [u64; 2],
    space: impl Fn(u32) -> bool,
) -> c_int {
    // SAFETY: `parse` reads from the start up to the terminator, never past
    // it. A unit outside u32 (a negative wchar_t) is no character it knows.
    let at = |i: usize| u32::try_from(unsafe { (*nptr.add(i)).into() }).unwrap_or(u32::MAX);
    let parsed = parse(at, space, Rounding::from_fenv(mode));
    if !endptr.is_null() {
        // SAFETY: writable (caller); `end` is within the string.
        unsafe { *endptr = nptr.add(parsed.end).cast_mut() };
    }
    if parsed.range_error {
        errno::set(libc::ERANGE);
    }
    // SAFETY: writable (caller).
    unsafe { *out = [parsed.bits as u64, (parsed.bits >> 64) as u64] };
    parsed.raised
}

/// The core of `strtof128`, `strtof128_l` and `__strtof128_internal`
/// (`float128.c`): parses `nptr` in rounding direction `mode`
/// (`fegetround()`), stores the result's bits (low word first) in `out`,
/// and returns the floating-point exceptions glibc's parser raises.
///
/// # Safety
/// `nptr` is a NUL-terminated string; `endptr` is null or writable; `out`
/// is writable.
#[export(local)]
pub unsafe extern "C" fn __gcompat_strtof128(
    nptr: *const c_char,
    endptr: *mut *mut c_char,
    mode: c_int,
    out: *mut u64,
) -> c_int {
    // SAFETY: forwarded from the caller; `out` starts two words. A byte
    // above 0x7f widens to a value that is neither a digit nor a space, as
    // in the C locale.
    unsafe { parse_at(nptr.cast::<u8>(), endptr.cast(), mode, out.cast(), super::isoc23::is_space) }
}

/// The core of `strfromf128` (`float128.c`): the value's bits are
/// `low | high << 64`, `mode` is `fegetround()`. Aborts on a format glibc
/// rejects.
///
/// # Safety
/// `format` is a NUL-terminated string; `str` is writable for `n` bytes (or
/// `n` is 0).
#[export(local)]
pub unsafe extern "C" fn __gcompat_strfromf128(
    str: *mut c_char,
    n: usize,
    format: *const c_char,
    low: u64,
    high: u64,
    mode: c_int,
) -> c_int {
    // SAFETY: `format` is NUL-terminated (caller).
    let spec = unsafe { CStr::from_ptr(format) }.to_bytes();
    let Some((conv, precision)) = strfrom_spec(spec) else {
        // SAFETY: abort takes no arguments and does not return.
        unsafe { libc::abort() }
    };
    let bits = u128::from(low) | u128::from(high) << 64;
    let mode = Rounding::from_fenv(mode);
    // SAFETY: forwarded from the caller.
    unsafe { fill_c_buffer(str, n, |out| write_text(bits, conv, precision, mode, out)) }
}
