//! The wide integer parsers musl lacks: `wcstol_l` and friends (glibc
//! manual, "Parsing of Integers"), glibc's internal `__wcstol_l` names, and
//! `__wcstol_internal` (the LSB's name the old `<wchar.h>` inlines called;
//! its `group` flag asks for the locale's digit grouping, which no locale
//! the shim serves has). Forwarded to musl's `wcstol` family with glibc's
//! base check and `errno` (`stdlib::strto_l`'s `parsers!`). The float ones
//! are in `floating.c`.

use crate::abi::musl::{wcstol, wcstoll, wcstoul, wcstoull};
use crate::stdlib::strto_l::parsers;
use core::ffi::{c_int, c_long, c_longlong, c_ulong, c_ulonglong};
use libc::{locale_t, wchar_t};

parsers! {
    /// `wcstol_l`: `wcstol` in a locale (glibc manual, "Parsing of
    /// Integers"); `__wcstol_l` is glibc's internal name for it (LSB 5.0 core).
    #[export(alias = "__wcstol_l")]
    pub unsafe extern "C" fn wcstol_l(nptr: *const wchar_t, endptr: *mut *mut wchar_t, base: c_int, _locale: locale_t) -> c_long = wcstol;
    /// `wcstoul_l`: `wcstoul` in a locale (glibc manual, "Parsing of
    /// Integers"); `__wcstoul_l` is glibc's internal name for it (LSB 5.0 core).
    #[export(alias = "__wcstoul_l")]
    pub unsafe extern "C" fn wcstoul_l(nptr: *const wchar_t, endptr: *mut *mut wchar_t, base: c_int, _locale: locale_t) -> c_ulong = wcstoul;
    /// `wcstoll_l`: `wcstoll` in a locale (glibc manual, "Parsing of
    /// Integers"); `__wcstoll_l` is glibc's internal name for it (LSB 5.0 core).
    #[export(alias = "__wcstoll_l")]
    pub unsafe extern "C" fn wcstoll_l(nptr: *const wchar_t, endptr: *mut *mut wchar_t, base: c_int, _locale: locale_t) -> c_longlong = wcstoll;
    /// `wcstoull_l`: `wcstoull` in a locale (glibc manual, "Parsing of
    /// Integers"); `__wcstoull_l` is glibc's internal name for it (LSB 5.0 core).
    #[export(alias = "__wcstoull_l")]
    pub unsafe extern "C" fn wcstoull_l(nptr: *const wchar_t, endptr: *mut *mut wchar_t, base: c_int, _locale: locale_t) -> c_ulonglong = wcstoull;
    /// `__wcstol_internal`: `wcstol` (LSB 5.0 core, `__wcstol_internal`).
    #[export]
    pub unsafe extern "C" fn __wcstol_internal(nptr: *const wchar_t, endptr: *mut *mut wchar_t, base: c_int, _group: c_int) -> c_long = wcstol;
    /// `__wcstoul_internal`: `wcstoul` (LSB 5.0 core, `__wcstoul_internal`).
    #[export]
    pub unsafe extern "C" fn __wcstoul_internal(nptr: *const wchar_t, endptr: *mut *mut wchar_t, base: c_int, _group: c_int) -> c_ulong = wcstoul;
    /// `__wcstoll_internal`: `wcstoll` (glibc's internal name, as `__wcstol_internal`).
    #[export]
    pub unsafe extern "C" fn __wcstoll_internal(nptr: *const wchar_t, endptr: *mut *mut wchar_t, base: c_int, _group: c_int) -> c_longlong = wcstoll;
    /// `__wcstoull_internal`: `wcstoull` (glibc's internal name, as `__wcstol_internal`).
    #[export]
    pub unsafe extern "C" fn __wcstoull_internal(nptr: *const wchar_t, endptr: *mut *mut wchar_t, base: c_int, _group: c_int) -> c_ulonglong = wcstoull;
}
