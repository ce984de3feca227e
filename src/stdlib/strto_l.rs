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

/// Defines integer parsers over musl's (`strtol`, `wcstol`, ...) with
/// glibc's base check and `errno`, for `char` (here) and `wchar_t`
/// (`wchar/wcsto_l.rs`). Each row is the export's declaration and the musl
/// parser it calls; the fourth argument (a locale, or `__*_internal`'s
/// grouping flag) changes nothing in the locales the shim serves.
macro_rules! parsers {
    ($($(#[$meta:meta])+ pub unsafe extern "C" fn $name:ident(
        $nptr:ident: $nt:ty, $endptr:ident: $et:ty, $base:ident: $bt:ty, $extra:ident: $xt:ty
    ) -> $ty:ty = $musl:path;)*) => {$(
        $(#[$meta])+
        ///
        /// # Safety
        /// `nptr` is a NUL-terminated string of its type's units;
        /// `endptr` is null or writable.
        pub unsafe extern "C" fn $name($nptr: $nt, $endptr: $et, $base: $bt, $extra: $xt) -> $ty {
            if !crate::stdlib::strto_l::base_ok($base) {
                return 0;
            }
            let saved = crate::abi::errno::get();
            let mut end = core::ptr::null_mut();
            // SAFETY: forwarded from the caller with a valid base.
            let value = unsafe { $musl($nptr, &mut end, $base) };
            // SAFETY: `endptr` is null or writable (caller).
            unsafe { crate::stdlib::strto_l::keep_glibc_errno($nptr, end, $endptr, saved) };
            value as $ty
        }
    )*};
}
pub(crate) use parsers;

parsers! {
    /// `strtol_l`: `strtol` in a locale (glibc manual, "Parsing of
    /// Integers"); `__strtol_l` is glibc's internal name for it (LSB 5.0 core).
    #[export(alias = "__strtol_l")]
    pub unsafe extern "C" fn strtol_l(nptr: *const c_char, endptr: *mut *mut c_char, base: c_int, _locale: locale_t) -> c_long = libc::strtol;
    /// `strtoul_l`: `strtoul` in a locale (glibc manual, "Parsing of
    /// Integers"); `__strtoul_l` is glibc's internal name for it (LSB 5.0 core).
    #[export(alias = "__strtoul_l")]
    pub unsafe extern "C" fn strtoul_l(nptr: *const c_char, endptr: *mut *mut c_char, base: c_int, _locale: locale_t) -> c_ulong = libc::strtoul;
    /// `strtoll_l`: `strtoll` in a locale (glibc manual, "Parsing of
    /// Integers"); `__strtoll_l` is glibc's internal name for it (LSB 5.0 core).
    #[export(alias = "__strtoll_l")]
    pub unsafe extern "C" fn strtoll_l(nptr: *const c_char, endptr: *mut *mut c_char, base: c_int, _locale: locale_t) -> c_longlong = libc::strtoll;
    /// `strtoull_l`: `strtoull` in a locale (glibc manual, "Parsing of
    /// Integers"); `__strtoull_l` is glibc's internal name for it (LSB 5.0 core).
    #[export(alias = "__strtoull_l")]
    pub unsafe extern "C" fn strtoull_l(nptr: *const c_char, endptr: *mut *mut c_char, base: c_int, _locale: locale_t) -> c_ulonglong = libc::strtoull;
}
