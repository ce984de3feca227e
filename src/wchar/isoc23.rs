//! The C23 wide parsers and wide scanf family (ISO C23 7.31.4.1.2,
//! 7.31.2; glibc 2.38 `__isoc23_wcstol`, `__isoc23_swscanf`, ...): the
//! narrow ones' rules (`stdlib/isoc23.rs`, `stdio/isoc23.rs`) over
//! `wchar_t`. Leading whitespace is `iswspace`, as in musl's and glibc's
//! `wcstol`.
//!
//! The variadic fronts are in `isoc23.c`.

use crate::abi::VaList;
use crate::abi::musl::{
    fgetwc, flockfile, funlockfile, fwscanf, iswspace, stdin, swscanf, ungetwc, vfwscanf, vswscanf,
};
use crate::stdio::scan::{self, Input};
use crate::stdlib::isoc23::{c23_parsers, is_space};
use core::ffi::{c_int, c_long, c_longlong, c_ulong, c_ulonglong, c_void};
use libc::{FILE, locale_t, wchar_t};

/// Wide whitespace as glibc's `iswspace` has it: ASCII's in the C locale
/// (glibc's C locale classifies nothing beyond ASCII; musl's `iswspace`
/// knows Unicode in every locale), Unicode's (musl's) in a UTF-8 one.
pub fn wide_space(c: u32) -> bool {
    // SAFETY: iswspace takes any value.
    is_space(c) || (c > 0x7f && super::glibc_mb_cur_max() > 1 && unsafe { iswspace(c) } != 0)
}

c23_parsers! {
    space = wide_space;
    /// `__isoc23_wcstol`: C23 `wcstol` (ISO C23 7.31.4.1.2, `0b` prefixes).
    #[export]
    pub unsafe extern "C" fn __isoc23_wcstol(nptr: *const wchar_t, endptr: *mut *mut wchar_t, base: c_int) -> c_long = signed;
    /// `__isoc23_wcstoul`: C23 `wcstoul` (ISO C23 7.31.4.1.2, `0b` prefixes).
    #[export]
    pub unsafe extern "C" fn __isoc23_wcstoul(nptr: *const wchar_t, endptr: *mut *mut wchar_t, base: c_int) -> c_ulong = unsigned;
    /// `__isoc23_wcstoll`: C23 `wcstoll` (ISO C23 7.31.4.1.2, `0b` prefixes).
    #[export]
    pub unsafe extern "C" fn __isoc23_wcstoll(nptr: *const wchar_t, endptr: *mut *mut wchar_t, base: c_int) -> c_longlong = signed;
    /// `__isoc23_wcstoull`: C23 `wcstoull` (ISO C23 7.31.4.1.2, `0b` prefixes).
    #[export]
    pub unsafe extern "C" fn __isoc23_wcstoull(nptr: *const wchar_t, endptr: *mut *mut wchar_t, base: c_int) -> c_ulonglong = unsigned;
    /// `__isoc23_wcstoimax`: C23 `wcstoimax` (ISO C23 7.8.2.4, `0b` prefixes).
    #[export]
    pub unsafe extern "C" fn __isoc23_wcstoimax(nptr: *const wchar_t, endptr: *mut *mut wchar_t, base: c_int) -> i64 = signed;
    /// `__isoc23_wcstoumax`: C23 `wcstoumax` (ISO C23 7.8.2.4, `0b` prefixes).
    #[export]
    pub unsafe extern "C" fn __isoc23_wcstoumax(nptr: *const wchar_t, endptr: *mut *mut wchar_t, base: c_int) -> u64 = unsigned;
    /// `__isoc23_wcstol_l`: C23 `wcstol_l` (glibc manual "Parsing of Integers").
    #[export]
    pub unsafe extern "C" fn __isoc23_wcstol_l(nptr: *const wchar_t, endptr: *mut *mut wchar_t, base: c_int, _locale: locale_t) -> c_long = signed;
    /// `__isoc23_wcstoul_l`: C23 `wcstoul_l` (glibc manual "Parsing of Integers").
    #[export]
    pub unsafe extern "C" fn __isoc23_wcstoul_l(nptr: *const wchar_t, endptr: *mut *mut wchar_t, base: c_int, _locale: locale_t) -> c_ulong = unsigned;
    /// `__isoc23_wcstoll_l`: C23 `wcstoll_l` (glibc manual "Parsing of Integers").
    #[export]
    pub unsafe extern "C" fn __isoc23_wcstoll_l(nptr: *const wchar_t, endptr: *mut *mut wchar_t, base: c_int, _locale: locale_t) -> c_longlong = signed;
    /// `__isoc23_wcstoull_l`: C23 `wcstoull_l` (glibc manual "Parsing of Integers").
    #[export]
    pub unsafe extern "C" fn __isoc23_wcstoull_l(nptr: *const wchar_t, endptr: *mut *mut wchar_t, base: c_int, _locale: locale_t) -> c_ulonglong = unsigned;
}

/// A NUL-terminated wide string as scanf input.
struct WideStr {
    s: *const wchar_t,
}

impl Input<wchar_t> for WideStr {
    fn get(&mut self) -> Option<wchar_t> {
        // SAFETY: `s` stays within the caller's NUL-terminated string: it
        // advances only past units that are not the NUL.
        let c = unsafe { *self.s };
        (c != 0).then(|| {
            // SAFETY: as above.
            self.s = unsafe { self.s.add(1) };
            c
        })
    }
    fn unget(&mut self, _c: wchar_t) {
        // SAFETY: only after a `get` that advanced.
        self.s = unsafe { self.s.sub(1) };
    }
    fn is_space(&self, c: u32) -> bool {
        wide_space(c)
    }
    unsafe fn directive(&mut self, fmt: *const wchar_t, dest: Option<*mut c_void>, n: &mut c_int) -> c_int {
        // SAFETY: per the trait's contract.
        let r = unsafe {
            match dest {
                Some(d) => swscanf(self.s, fmt, d, n as *mut c_int),
                None => swscanf(self.s, fmt, n as *mut c_int),
            }
        };
        if *n > 0 {
            // SAFETY: musl took `n` units of the string.
            self.s = unsafe { self.s.add(*n as usize) };
        }
        r
    }
}

/// A wide stream as scanf input.
struct WideStream {
    f: *mut FILE,
}

impl Input<wchar_t> for WideStream {
    fn get(&mut self) -> Option<wchar_t> {
        // SAFETY: `f` is the caller's open stream.
        let c = unsafe { fgetwc(self.f) };
        (c != u32::MAX).then_some(c as wchar_t)
    }
    fn unget(&mut self, c: wchar_t) {
        // SAFETY: as above; one unit of push-back always fits.
        unsafe { ungetwc(c as u32, self.f) };
    }
    fn is_space(&self, c: u32) -> bool {
        wide_space(c)
    }
    unsafe fn directive(&mut self, fmt: *const wchar_t, dest: Option<*mut c_void>, n: &mut c_int) -> c_int {
        // SAFETY: per the trait's contract.
        unsafe {
            match dest {
                Some(d) => fwscanf(self.f, fmt, d, n as *mut c_int),
                None => fwscanf(self.f, fmt, n as *mut c_int),
            }
        }
    }
}

/// `__isoc23_vswscanf`: C23 `vswscanf` (ISO C23 7.31.2.8).
///
/// # Safety
/// As `vswscanf`.
#[export]
pub unsafe extern "C" fn __isoc23_vswscanf(s: *const wchar_t, fmt: *const wchar_t, ap: VaList) -> c_int {
    // SAFETY: `fmt` is the caller's NUL-terminated format.
    let format = unsafe { scan::format(fmt) };
    if !scan::needs_engine(format) {
        // SAFETY: forwarded from the caller.
        return scan::glibc_errno(|| unsafe { vswscanf(s, fmt, ap) });
    }
    // SAFETY: forwarded from the caller.
    unsafe { scan::run(&mut WideStr { s }, format, ap) }
}

/// `__isoc23_vfwscanf`: C23 `vfwscanf` (ISO C23 7.31.2.6).
///
/// # Safety
/// As `vfwscanf`.
#[export]
pub unsafe extern "C" fn __isoc23_vfwscanf(f: *mut FILE, fmt: *const wchar_t, ap: VaList) -> c_int {
    // SAFETY: `fmt` is the caller's NUL-terminated format.
    let format = unsafe { scan::format(fmt) };
    if !scan::needs_engine(format) {
        // SAFETY: forwarded from the caller.
        return scan::glibc_errno(|| unsafe { vfwscanf(f, fmt, ap) });
    }
    // SAFETY: `f` is the caller's stream, locked for the whole call.
    unsafe {
        flockfile(f);
        let r = scan::run(&mut WideStream { f }, format, ap);
        funlockfile(f);
        r
    }
}

/// `__isoc23_vwscanf`: C23 `vwscanf` (ISO C23 7.31.2.10).
///
/// # Safety
/// As `vwscanf`.
#[export]
pub unsafe extern "C" fn __isoc23_vwscanf(fmt: *const wchar_t, ap: VaList) -> c_int {
    // SAFETY: `stdin` is musl's, read through the GOT; forwarded.
    unsafe { __isoc23_vfwscanf(stdin, fmt, ap) }
}
