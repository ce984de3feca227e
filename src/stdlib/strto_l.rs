//! The pre-C23 `*_l` integer parsers musl lacks (`strtol_l`, glibc manual
//! "Parsing of Integers") and glibc's internal names for them
//! (`__strtol_l`, ...). Forwarded to musl's `strtol` family: in every locale
//! these grammars are the C locale's (digit grouping needs scanf's `'`).
//! The float ones are in `floating.c` (`long double` has no Rust type).
//!
//! glibc and musl differ on two points, which the shim takes glibc's way: a
//! base other than 0 or 2..=36 sets `EINVAL` and returns 0 leaving
//! `*endptr` untouched (musl stores `nptr` there); and a string with no
//! number leaves `errno` alone (musl sets `EINVAL`).

use crate::abi::errno;
use core::ffi::{c_char, c_int, c_long, c_longlong, c_ulong, c_ulonglong};
use libc::locale_t;

/// Whether `base` is one glibc's parsers accept; sets `EINVAL` when not.
pub fn base_ok(base: c_int) -> bool {
    let ok = base == 0 || (2..=36).contains(&base);
    if !ok {
        errno::set(libc::EINVAL);
    }
    ok
}

/// After a musl parser stopped at `end`: stores it in `*endptr` (if not
/// null) and, when nothing was converted, puts back the `errno` glibc
/// leaves alone there (musl sets `EINVAL`).
///
/// # Safety
/// `endptr` is null or writable.
pub unsafe fn keep_glibc_errno<T>(nptr: *const T, end: *mut T, endptr: *mut *mut T, saved: c_int) {
    if core::ptr::eq(end, nptr) {
        errno::set(saved);
    }
    if !endptr.is_null() {
        // SAFETY: writable (caller).
        unsafe { *endptr = end };
    }
}

macro_rules! parsers {
    ($(#[doc = $doc:literal] pub unsafe extern "C" fn $name:ident(
        $nptr:ident: $nt:ty, $endptr:ident: $et:ty, $base:ident: $bt:ty, $locale:ident: $lt:ty
    ) -> $ty:ty = $musl:ident;)*) => {$(
        #[doc = $doc]
        ///
        /// # Safety
        /// `nptr` is a NUL-terminated string; `endptr` is null or writable.
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $name($nptr: $nt, $endptr: $et, $base: $bt, $locale: $lt) -> $ty {
            if !base_ok($base) {
                return 0;
            }
            let saved = errno::get();
            let mut end = core::ptr::null_mut();
            // SAFETY: forwarded from the caller with a valid base.
            let value = unsafe { libc::$musl($nptr, &mut end, $base) };
            // SAFETY: `endptr` is null or writable (caller).
            unsafe { keep_glibc_errno($nptr, end, $endptr, saved) };
            value as $ty
        }
    )*};
}

parsers! {
    /// `strtol_l`: `strtol` in a locale (glibc manual, "Parsing of Integers").
    pub unsafe extern "C" fn strtol_l(nptr: *const c_char, endptr: *mut *mut c_char, base: c_int, _locale: locale_t) -> c_long = strtol;
    /// `strtoul_l`: `strtoul` in a locale (glibc manual, "Parsing of Integers").
    pub unsafe extern "C" fn strtoul_l(nptr: *const c_char, endptr: *mut *mut c_char, base: c_int, _locale: locale_t) -> c_ulong = strtoul;
    /// `strtoll_l`: `strtoll` in a locale (glibc manual, "Parsing of Integers").
    pub unsafe extern "C" fn strtoll_l(nptr: *const c_char, endptr: *mut *mut c_char, base: c_int, _locale: locale_t) -> c_longlong = strtoll;
    /// `strtoull_l`: `strtoull` in a locale (glibc manual, "Parsing of Integers").
    pub unsafe extern "C" fn strtoull_l(nptr: *const c_char, endptr: *mut *mut c_char, base: c_int, _locale: locale_t) -> c_ulonglong = strtoull;
    /// `__strtol_l`: glibc's internal name for `strtol_l` (LSB 5.0 core).
    pub unsafe extern "C" fn __strtol_l(nptr: *const c_char, endptr: *mut *mut c_char, base: c_int, _locale: locale_t) -> c_long = strtol;
    /// `__strtoul_l`: glibc's internal name for `strtoul_l` (LSB 5.0 core).
    pub unsafe extern "C" fn __strtoul_l(nptr: *const c_char, endptr: *mut *mut c_char, base: c_int, _locale: locale_t) -> c_ulong = strtoul;
    /// `__strtoll_l`: glibc's internal name for `strtoll_l` (LSB 5.0 core).
    pub unsafe extern "C" fn __strtoll_l(nptr: *const c_char, endptr: *mut *mut c_char, base: c_int, _locale: locale_t) -> c_longlong = strtoll;
    /// `__strtoull_l`: glibc's internal name for `strtoull_l` (LSB 5.0 core).
    pub unsafe extern "C" fn __strtoull_l(nptr: *const c_char, endptr: *mut *mut c_char, base: c_int, _locale: locale_t) -> c_ulonglong = strtoull;
}
