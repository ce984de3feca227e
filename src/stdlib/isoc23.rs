//! C23 integer parsers (ISO C23 7.24.1.7; glibc 2.38 `stdlib/strtol.c`):
//! glibc >= 2.38 headers redirect `strtol` and friends to `__isoc23_strtol`
//! under `_GNU_SOURCE` or `-std=c2x`. C23 adds one thing: in base 0 and
//! base 2 a `0b`/`0B` prefix introduces binary digits. musl 1.2.5 does not
//! know that prefix (its `strtol("0b101", &e, 0)` is 0 with `e` at `"b"`),
//! so the shim parses the whole number itself rather than forwarding.
//!
//! [`scan`] is the one parser: the narrow and wide (`wchar/isoc23.rs`)
//! functions and `%i`/`%b` in the C23 scanf family (`stdio/scan.rs`) all use
//! it, so the three agree on prefixes, signs, overflow and the end position.
//!
//! glibc's rules, which musl shares except where noted:
//! - a prefix (`0x`, `0b`) counts only when a digit of its base follows;
//!   otherwise the number is the `0` alone and the end is after it
//!   (`"0b2"` is 0, end after `"0"`);
//! - `-` negates in the result type (`strtoul("-1")` is `ULONG_MAX`);
//! - overflow clamps to the type's limit and sets `ERANGE`, with the end
//!   after every digit; success leaves `errno` alone;
//! - no number: the result is 0 and the end is `nptr`;
//! - a base other than 0 or 2..=36 sets `EINVAL`, returns 0 and leaves
//!   `*endptr` untouched (musl sets it to `nptr`).
//!
//! `_l` forms ignore the locale, as glibc's do for these grammars in every
//! locale that has no digit grouping in use (grouping needs the `'` flag of
//! scanf, not strto*).

use crate::abi::errno;
use core::ffi::{c_char, c_int, c_long, c_longlong, c_ulong, c_ulonglong};
use libc::locale_t;

/// What [`scan`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scan {
    /// Units from the start to just past the number; 0 when there is none.
    pub end: usize,
    pub negative: bool,
    /// The digits' value; meaningless when `overflow`.
    pub magnitude: u64,
    /// The digits' value exceeds `u64::MAX`.
    pub overflow: bool,
}

impl Scan {
    /// The value as `strtoull` gives it: negation wraps; overflow clamps.
    pub fn unsigned(self) -> (u64, bool) {
        if self.overflow {
            (u64::MAX, true)
        } else if self.negative {
            (self.magnitude.wrapping_neg(), false)
        } else {
            (self.magnitude, false)
        }
    }

    /// The value as `strtoll` gives it: outside `i64` clamps.
    pub fn signed(self) -> (i64, bool) {
        match (self.negative, self.overflow) {
            (false, false) if self.magnitude <= i64::MAX as u64 => (self.magnitude as i64, false),
            (false, _) => (i64::MAX, true),
            (true, false) if self.magnitude <= 1 << 63 => ((self.magnitude as i64).wrapping_neg(), false),
            (true, _) => (i64::MIN, true),
        }
    }
}

/// Whitespace in the C locale (`isspace`).
pub fn is_space(c: u32) -> bool {
    matches!(c, 0x20 | 0x09..=0x0d)
}

/// The value of digit `c` in `base`, if it is one.
pub fn digit(c: u32, base: u32) -> Option<u32> {
    let d = match c {
        0x30..=0x39 => c - 0x30,
        0x41..=0x5a => c - 0x41 + 10,
        0x61..=0x7a => c - 0x61 + 10,
        _ => return None,
    };
    (d < base).then_some(d)
}

/// Parses `[space][sign][prefix]digits` from `at(0), at(1), ...` (`at`
/// yields 0 at the terminator and is never asked past it). `base` is 0 or
/// 2..=36.
pub fn scan(at: impl Fn(usize) -> u32, space: impl Fn(u32) -> bool, base: u32) -> Scan {
    let mut i = 0;
    while space(at(i)) {
        i += 1;
    }
    let mut negative = false;
    match at(i) {
        0x2b => i += 1,
        0x2d => {
            negative = true;
            i += 1;
        }
        _ => {}
    }
    let mut base = base;
    if at(i) == 0x30 {
        let prefix = at(i + 1) | 0x20;
        if prefix == u32::from(b'x') && matches!(base, 0 | 16) && digit(at(i + 2), 16).is_some() {
            base = 16;
            i += 2;
        } else if prefix == u32::from(b'b') && matches!(base, 0 | 2) && digit(at(i + 2), 2).is_some() {
            base = 2;
            i += 2;
        } else if base == 0 {
            base = 8;
        }
    }
    if base == 0 {
        base = 10;
    }
    let start = i;
    let (mut magnitude, mut overflow) = (0u64, false);
    while let Some(d) = digit(at(i), base) {
        if i - start < 12 {
            // 36^12 < 2^64: the first twelve digits cannot overflow.
            magnitude = magnitude * u64::from(base) + u64::from(d);
        } else {
            match magnitude.checked_mul(u64::from(base)).and_then(|m| m.checked_add(u64::from(d))) {
                Some(m) => magnitude = m,
                None => overflow = true,
            }
        }
        i += 1;
    }
    if i == start {
        return Scan { end: 0, negative: false, magnitude: 0, overflow: false };
    }
    Scan { end: i, negative, magnitude, overflow }
}

/// Runs [`scan`] over a NUL-terminated string of `T` units for an exported
/// parser: checks `base`, stores the end, and returns the scan (or `None`
/// after `EINVAL`). `ERANGE` is the caller's to set, per result type.
///
/// # Safety
/// `nptr` is NUL-terminated; `endptr` is null or writable.
pub unsafe fn parse_at<T: Copy + Into<i64>>(
    nptr: *const T,
    endptr: *mut *mut T,
    base: c_int,
    space: impl Fn(u32) -> bool,
) -> Option<Scan> {
    if base < 0 || base == 1 || base > 36 {
        errno::set(libc::EINVAL);
        return None;
    }
    // SAFETY: `scan` reads from the start up to the terminator, never past it.
    let at = |i: usize| unsafe { (*nptr.add(i)).into() as u32 };
    let found = scan(at, space, base as u32);
    if !endptr.is_null() {
        // SAFETY: `endptr` is writable (the caller's contract); `end` is
        // within the string.
        unsafe { *endptr = nptr.add(found.end).cast_mut() };
    }
    Some(found)
}

/// The parse as a signed result: clamped, with `ERANGE` on overflow.
pub fn signed(found: Option<Scan>) -> i64 {
    let Some(found) = found else { return 0 };
    let (value, range) = found.signed();
    if range {
        errno::set(libc::ERANGE);
    }
    value
}

/// The parse as an unsigned result: clamped, with `ERANGE` on overflow.
pub fn unsigned(found: Option<Scan>) -> u64 {
    let Some(found) = found else { return 0 };
    let (value, range) = found.unsigned();
    if range {
        errno::set(libc::ERANGE);
    }
    value
}

/// Defines C23 integer parsers over [`parse_at`] for `char` (here) and
/// `wchar_t` (`wchar/isoc23.rs`), whose whitespace class is `space`. Each
/// row is the export's declaration and the conversion of the parse to its
/// result ([`signed`] or [`unsigned`]); the locale of the `_l` forms has
/// no say.
macro_rules! c23_parsers {
    (space = $space:path; $($(#[$meta:meta])+ pub unsafe extern "C" fn $name:ident(
        $nptr:ident: $nt:ty, $endptr:ident: $et:ty, $base:ident: $bt:ty $(, $loc:ident: $lt:ty)?
    ) -> $ty:ty = $conv:ident;)*) => {$(
        $(#[$meta])+
        ///
        /// # Safety
        /// `nptr` is a NUL-terminated string of its type's units;
        /// `endptr` is null or writable.
        pub unsafe extern "C" fn $name($nptr: $nt, $endptr: $et, $base: $bt $(, $loc: $lt)?) -> $ty {
            use crate::stdlib::isoc23::{parse_at, $conv};
            // SAFETY: forwarded from the caller.
            $conv(unsafe { parse_at($nptr, $endptr, $base, $space) }) as $ty
        }
    )*};
}
pub(crate) use c23_parsers;

c23_parsers! {
    space = is_space;
    /// `__isoc23_strtol`: C23 `strtol` (ISO C23 7.24.1.7, `0b` prefixes).
    #[export]
    pub unsafe extern "C" fn __isoc23_strtol(nptr: *const c_char, endptr: *mut *mut c_char, base: c_int) -> c_long = signed;
    /// `__isoc23_strtoul`: C23 `strtoul` (ISO C23 7.24.1.7, `0b` prefixes).
    #[export]
    pub unsafe extern "C" fn __isoc23_strtoul(nptr: *const c_char, endptr: *mut *mut c_char, base: c_int) -> c_ulong = unsigned;
    /// `__isoc23_strtoll`: C23 `strtoll` (ISO C23 7.24.1.7, `0b` prefixes).
    #[export]
    pub unsafe extern "C" fn __isoc23_strtoll(nptr: *const c_char, endptr: *mut *mut c_char, base: c_int) -> c_longlong = signed;
    /// `__isoc23_strtoull`: C23 `strtoull` (ISO C23 7.24.1.7, `0b` prefixes).
    #[export]
    pub unsafe extern "C" fn __isoc23_strtoull(nptr: *const c_char, endptr: *mut *mut c_char, base: c_int) -> c_ulonglong = unsigned;
    /// `__isoc23_strtoimax`: C23 `strtoimax` (ISO C23 7.8.2.3, `0b` prefixes).
    #[export]
    pub unsafe extern "C" fn __isoc23_strtoimax(nptr: *const c_char, endptr: *mut *mut c_char, base: c_int) -> i64 = signed;
    /// `__isoc23_strtoumax`: C23 `strtoumax` (ISO C23 7.8.2.3, `0b` prefixes).
    #[export]
    pub unsafe extern "C" fn __isoc23_strtoumax(nptr: *const c_char, endptr: *mut *mut c_char, base: c_int) -> u64 = unsigned;
    /// `__isoc23_strtol_l`: C23 `strtol_l` (glibc manual "Parsing of Integers").
    #[export]
    pub unsafe extern "C" fn __isoc23_strtol_l(nptr: *const c_char, endptr: *mut *mut c_char, base: c_int, _locale: locale_t) -> c_long = signed;
    /// `__isoc23_strtoul_l`: C23 `strtoul_l` (glibc manual "Parsing of Integers").
    #[export]
    pub unsafe extern "C" fn __isoc23_strtoul_l(nptr: *const c_char, endptr: *mut *mut c_char, base: c_int, _locale: locale_t) -> c_ulong = unsigned;
    /// `__isoc23_strtoll_l`: C23 `strtoll_l` (glibc manual "Parsing of Integers").
    #[export]
    pub unsafe extern "C" fn __isoc23_strtoll_l(nptr: *const c_char, endptr: *mut *mut c_char, base: c_int, _locale: locale_t) -> c_longlong = signed;
    /// `__isoc23_strtoull_l`: C23 `strtoull_l` (glibc manual "Parsing of Integers").
    #[export]
    pub unsafe extern "C" fn __isoc23_strtoull_l(nptr: *const c_char, endptr: *mut *mut c_char, base: c_int, _locale: locale_t) -> c_ulonglong = unsigned;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str, base: u32) -> (Scan, usize) {
        let b = s.as_bytes();
        let f = scan(|i| b.get(i).map_or(0, |&c| u32::from(c)), is_space, base);
        (f, f.end)
    }

    #[test]
    fn c23_prefixes() {
        assert_eq!(run("0b101", 0).0.magnitude, 5);
        assert_eq!(run("0B11", 2).0.magnitude, 3);
        assert_eq!(run("0b2", 0).1, 1);
        assert_eq!(run("0b", 2).1, 1);
        assert_eq!(run("0b101", 16).0.magnitude, 0xb101);
        assert_eq!(run("0b101", 10).1, 1);
        assert_eq!(run(" -0b11", 0).0.signed(), (-3, false));
        assert_eq!(run("0x", 0).1, 1);
        assert_eq!(run("-", 0).1, 0);
        assert_eq!(run("010", 0).0.magnitude, 8);
    }

    #[test]
    fn overflow_clamps() {
        let (f, _) = run("18446744073709551616", 10);
        assert!(f.overflow);
        assert_eq!(f.unsigned(), (u64::MAX, true));
        assert_eq!(run("-9223372036854775808", 10).0.signed(), (i64::MIN, false));
        assert_eq!(run("-9223372036854775809", 10).0.signed(), (i64::MIN, true));
        assert_eq!(run("9223372036854775808", 10).0.signed(), (i64::MAX, true));
        assert_eq!(run("-1", 10).0.unsigned(), (u64::MAX, false));
    }
}
