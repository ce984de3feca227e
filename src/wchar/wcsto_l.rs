//! The wide integer parsers musl lacks: `wcstol_l` and friends (glibc
//! manual, "Parsing of Integers"), glibc's internal `__wcstol_l` names, and
//! `__wcstol_internal` (the LSB's name the old `<wchar.h>` inlines called;
//! its `group` flag asks for the locale's digit grouping, which no locale
//! the shim serves has). Forwarded to musl's `wcstol` family with glibc's
//! base check and `errno` (`stdlib::strto_l`). The float ones are in
//! `floating.c`.

use crate::abi::errno;
use crate::abi::musl::{wcstol, wcstoll, wcstoul, wcstoull};
use crate::stdlib::strto_l::{base_ok, keep_glibc_errno};
use core::ffi::{c_int, c_long, c_longlong, c_ulong, c_ulonglong};
use libc::{locale_t, wchar_t};

macro_rules! parsers {
    ($(#[doc = $doc:literal] pub unsafe extern "C" fn $name:ident(
        $nptr:ident: $nt:ty, $endptr:ident: $et:ty, $base:ident: $bt:ty, $extra:ident: $xt:ty
    ) -> $ty:ty = $musl:ident;)*) => {$(
        #[doc = $doc]
        ///
        /// # Safety
        /// `nptr` is a NUL-terminated wide string; `endptr` is null or writable.
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $name($nptr: $nt, $endptr: $et, $base: $bt, $extra: $xt) -> $ty {
            if !base_ok($base) {
                return 0;
            }
            let saved = errno::get();
            let mut end = core::ptr::null_mut();
            // SAFETY: forwarded from the caller with a valid base.
            let value = unsafe { $musl($nptr, &mut end, $base) };
            // SAFETY: `endptr` is null or writable (caller).
            unsafe { keep_glibc_errno($nptr, end, $endptr, saved) };
            value as $ty
        }
    )*};
}

parsers! {
    /// `wcstol_l`: `wcstol` in a locale (glibc manual, "Parsing of Integers").
    pub unsafe extern "C" fn wcstol_l(nptr: *const wchar_t, endptr: *mut *mut wchar_t, base: c_int, _locale: locale_t) -> c_long = wcstol;
    /// `wcstoul_l`: `wcstoul` in a locale (glibc manual, "Parsing of Integers").
    pub unsafe extern "C" fn wcstoul_l(nptr: *const wchar_t, endptr: *mut *mut wchar_t, base: c_int, _locale: locale_t) -> c_ulong = wcstoul;
    /// `wcstoll_l`: `wcstoll` in a locale (glibc manual, "Parsing of Integers").
    pub unsafe extern "C" fn wcstoll_l(nptr: *const wchar_t, endptr: *mut *mut wchar_t, base: c_int, _locale: locale_t) -> c_longlong = wcstoll;
    /// `wcstoull_l`: `wcstoull` in a locale (glibc manual, "Parsing of Integers").
    pub unsafe extern "C" fn wcstoull_l(nptr: *const wchar_t, endptr: *mut *mut wchar_t, base: c_int, _locale: locale_t) -> c_ulonglong = wcstoull;
    /// `__wcstol_l`: glibc's internal name for `wcstol_l` (LSB 5.0 core).
    pub unsafe extern "C" fn __wcstol_l(nptr: *const wchar_t, endptr: *mut *mut wchar_t, base: c_int, _locale: locale_t) -> c_long = wcstol;
    /// `__wcstoul_l`: glibc's internal name for `wcstoul_l` (LSB 5.0 core).
    pub unsafe extern "C" fn __wcstoul_l(nptr: *const wchar_t, endptr: *mut *mut wchar_t, base: c_int, _locale: locale_t) -> c_ulong = wcstoul;
    /// `__wcstoll_l`: glibc's internal name for `wcstoll_l` (LSB 5.0 core).
    pub unsafe extern "C" fn __wcstoll_l(nptr: *const wchar_t, endptr: *mut *mut wchar_t, base: c_int, _locale: locale_t) -> c_longlong = wcstoll;
    /// `__wcstoull_l`: glibc's internal name for `wcstoull_l` (LSB 5.0 core).
    pub unsafe extern "C" fn __wcstoull_l(nptr: *const wchar_t, endptr: *mut *mut wchar_t, base: c_int, _locale: locale_t) -> c_ulonglong = wcstoull;
    /// `__wcstol_internal`: `wcstol` (LSB 5.0 core, `__wcstol_internal`).
    pub unsafe extern "C" fn __wcstol_internal(nptr: *const wchar_t, endptr: *mut *mut wchar_t, base: c_int, _group: c_int) -> c_long = wcstol;
    /// `__wcstoul_internal`: `wcstoul` (LSB 5.0 core, `__wcstoul_internal`).
    pub unsafe extern "C" fn __wcstoul_internal(nptr: *const wchar_t, endptr: *mut *mut wchar_t, base: c_int, _group: c_int) -> c_ulong = wcstoul;
    /// `__wcstoll_internal`: `wcstoll` (glibc's internal name, as `__wcstol_internal`).
    pub unsafe extern "C" fn __wcstoll_internal(nptr: *const wchar_t, endptr: *mut *mut wchar_t, base: c_int, _group: c_int) -> c_longlong = wcstoll;
    /// `__wcstoull_internal`: `wcstoull` (glibc's internal name, as `__wcstol_internal`).
    pub unsafe extern "C" fn __wcstoull_internal(nptr: *const wchar_t, endptr: *mut *mut wchar_t, base: c_int, _group: c_int) -> c_ulonglong = wcstoull;
}
