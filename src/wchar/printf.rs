//! The plain wide printf family (`wprintf`, `vswprintf`, ...) with glibc's
//! conversions for glibc-built callers (`stdio/gnu_format.rs`: `%m` in
//! glibc's words, `(nil)` for a null `%p`, glibc's null `%s`/`%ls`, which
//! musl's wide printf dereferences); musl-built callers get musl's own
//! function, unchanged (`abi::caller`). The fronts are in `printf.c`.

use crate::abi::{VaList, caller};
use crate::musl_next;
use crate::stdio::gnu_format::GnuWideFormat;
use core::ffi::{c_int, c_void};
use libc::{FILE, size_t, wchar_t};

musl_next!(fn musl_vwprintf = "vwprintf": unsafe extern "C" fn(*const wchar_t, VaList) -> c_int);
musl_next!(fn musl_vfwprintf = "vfwprintf": unsafe extern "C" fn(*mut FILE, *const wchar_t, VaList) -> c_int);
musl_next!(fn musl_vswprintf = "vswprintf": unsafe extern "C" fn(*mut wchar_t, size_t, *const wchar_t, VaList) -> c_int);

/// `vwprintf` as glibc prints; `flag > 0` adds the fortify checks.
///
/// # Safety
/// As `vwprintf`.
pub unsafe fn glibc_vwprintf(flag: c_int, fmt: *const wchar_t, ap: VaList) -> c_int {
    let mut gnu = GnuWideFormat::new();
    // SAFETY: forwarded from the caller.
    unsafe { musl_vwprintf()(gnu.prepare(flag, fmt, ap), ap) }
}

/// `vfwprintf` as glibc prints; `flag > 0` adds the fortify checks.
///
/// # Safety
/// As `vfwprintf`.
pub unsafe fn glibc_vfwprintf(fp: *mut FILE, flag: c_int, fmt: *const wchar_t, ap: VaList) -> c_int {
    let mut gnu = GnuWideFormat::new();
    // SAFETY: forwarded from the caller.
    unsafe { musl_vfwprintf()(fp, gnu.prepare(flag, fmt, ap), ap) }
}

/// `vswprintf` as glibc prints; `flag > 0` adds the fortify checks.
///
/// # Safety
/// As `vswprintf`.
pub unsafe fn glibc_vswprintf(s: *mut wchar_t, n: size_t, flag: c_int, fmt: *const wchar_t, ap: VaList) -> c_int {
    let mut gnu = GnuWideFormat::new();
    // SAFETY: forwarded from the caller.
    unsafe { musl_vswprintf()(s, n, gnu.prepare(flag, fmt, ap), ap) }
}

/// `vwprintf` (C11 7.29.2.10) for the front in `printf.c`.
///
/// # Safety
/// As `vwprintf`; `caller` is the front's return address.
#[export(local)]
pub unsafe extern "C" fn __gcompat_vwprintf(fmt: *const wchar_t, ap: VaList, caller: *const c_void) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe {
        if !caller::is_glibc(caller) {
            return musl_vwprintf()(fmt, ap);
        }
        glibc_vwprintf(0, fmt, ap)
    }
}

/// `vfwprintf` (C11 7.29.2.5) for the front in `printf.c`.
///
/// # Safety
/// As `vfwprintf`; `caller` is the front's return address.
#[export(local)]
pub unsafe extern "C" fn __gcompat_vfwprintf(
    fp: *mut FILE,
    fmt: *const wchar_t,
    ap: VaList,
    caller: *const c_void,
) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe {
        if !caller::is_glibc(caller) {
            return musl_vfwprintf()(fp, fmt, ap);
        }
        glibc_vfwprintf(fp, 0, fmt, ap)
    }
}

/// `vswprintf` (C11 7.29.2.7) for the front in `printf.c`.
///
/// # Safety
/// As `vswprintf`; `caller` is the front's return address.
#[export(local)]
pub unsafe extern "C" fn __gcompat_vswprintf(
    s: *mut wchar_t,
    n: size_t,
    fmt: *const wchar_t,
    ap: VaList,
    caller: *const c_void,
) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe {
        if !caller::is_glibc(caller) {
            return musl_vswprintf()(s, n, fmt, ap);
        }
        glibc_vswprintf(s, n, 0, fmt, ap)
    }
}
