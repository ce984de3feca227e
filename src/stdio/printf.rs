//! The plain printf family (`printf`, `vsnprintf`, ...) with glibc's
//! conversions for glibc-built callers (`gnu_format.rs`: `%m` in glibc's
//! words, `(nil)` for a null `%p`, glibc's null `%s`, `Z`, `I`); musl-built
//! callers get musl's own function, unchanged (`abi::caller`). The fronts,
//! which pass their caller's address, are in `overrides.c`.
//!
//! The `glibc_*` functions are the glibc meaning, for the fortified family
//! (`chk.rs`) and the shim's own callers on behalf of a glibc program.
//! They reach musl's definitions through `RTLD_NEXT`: the shim's own names
//! would bind to the shim.

use super::gnu_format::GnuFormat;
use crate::abi::{VaList, caller};
use crate::musl_next;
use core::ffi::{c_char, c_int, c_void};
use libc::{FILE, size_t};

musl_next!(pub fn musl_vprintf = "vprintf": unsafe extern "C" fn(*const c_char, VaList) -> c_int);
musl_next!(pub fn musl_vfprintf = "vfprintf": unsafe extern "C" fn(*mut FILE, *const c_char, VaList) -> c_int);
musl_next!(pub fn musl_vsprintf = "vsprintf": unsafe extern "C" fn(*mut c_char, *const c_char, VaList) -> c_int);
musl_next!(pub fn musl_vsnprintf = "vsnprintf": unsafe extern "C" fn(*mut c_char, size_t, *const c_char, VaList) -> c_int);
musl_next!(pub fn musl_vdprintf = "vdprintf": unsafe extern "C" fn(c_int, *const c_char, VaList) -> c_int);
musl_next!(pub fn musl_vasprintf = "vasprintf": unsafe extern "C" fn(*mut *mut c_char, *const c_char, VaList) -> c_int);

/// `vfprintf` as glibc prints; `flag > 0` adds the fortify checks.
///
/// # Safety
/// As `vfprintf`.
pub unsafe fn glibc_vfprintf(fp: *mut FILE, flag: c_int, fmt: *const c_char, ap: VaList) -> c_int {
    let mut gnu = GnuFormat::new();
    // SAFETY: forwarded from the caller.
    unsafe { musl_vfprintf()(fp, gnu.prepare(flag, fmt, ap), ap) }
}

/// `vprintf` as glibc prints; `flag > 0` adds the fortify checks.
///
/// # Safety
/// As `vprintf`.
pub unsafe fn glibc_vprintf(flag: c_int, fmt: *const c_char, ap: VaList) -> c_int {
    let mut gnu = GnuFormat::new();
    // SAFETY: forwarded from the caller.
    unsafe { musl_vprintf()(gnu.prepare(flag, fmt, ap), ap) }
}

/// `vsnprintf` as glibc prints; `flag > 0` adds the fortify checks.
///
/// # Safety
/// As `vsnprintf`.
pub unsafe fn glibc_vsnprintf(s: *mut c_char, n: size_t, flag: c_int, fmt: *const c_char, ap: VaList) -> c_int {
    let mut gnu = GnuFormat::new();
    // SAFETY: forwarded from the caller.
    unsafe { musl_vsnprintf()(s, n, gnu.prepare(flag, fmt, ap), ap) }
}

/// `vdprintf` as glibc prints; `flag > 0` adds the fortify checks.
///
/// # Safety
/// As `vdprintf`.
pub unsafe fn glibc_vdprintf(fd: c_int, flag: c_int, fmt: *const c_char, ap: VaList) -> c_int {
    let mut gnu = GnuFormat::new();
    // SAFETY: forwarded from the caller.
    unsafe { musl_vdprintf()(fd, gnu.prepare(flag, fmt, ap), ap) }
}

/// `vasprintf` as glibc prints; `flag > 0` adds the fortify checks.
///
/// # Safety
/// As `vasprintf`.
pub unsafe fn glibc_vasprintf(sp: *mut *mut c_char, flag: c_int, fmt: *const c_char, ap: VaList) -> c_int {
    let mut gnu = GnuFormat::new();
    // SAFETY: forwarded from the caller.
    unsafe { musl_vasprintf()(sp, gnu.prepare(flag, fmt, ap), ap) }
}

/// `vprintf` (C11 7.21.6.10) for the front in `overrides.c`.
///
/// # Safety
/// As `vprintf`; `caller` is the front's return address.
#[export(local)]
pub unsafe extern "C" fn __gcompat_vprintf(fmt: *const c_char, ap: VaList, caller: *const c_void) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe {
        if !caller::is_glibc(caller) {
            return musl_vprintf()(fmt, ap);
        }
        glibc_vprintf(0, fmt, ap)
    }
}

/// `vfprintf` (C11 7.21.6.8) for the front in `overrides.c`.
///
/// # Safety
/// As `vfprintf`; `caller` is the front's return address.
#[export(local)]
pub unsafe extern "C" fn __gcompat_vfprintf(
    fp: *mut FILE,
    fmt: *const c_char,
    ap: VaList,
    caller: *const c_void,
) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe {
        if !caller::is_glibc(caller) {
            return musl_vfprintf()(fp, fmt, ap);
        }
        glibc_vfprintf(fp, 0, fmt, ap)
    }
}

/// `vsprintf` (C11 7.21.6.13) for the front in `overrides.c`.
///
/// # Safety
/// As `vsprintf`; `caller` is the front's return address.
#[export(local)]
pub unsafe extern "C" fn __gcompat_vsprintf(
    s: *mut c_char,
    fmt: *const c_char,
    ap: VaList,
    caller: *const c_void,
) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe {
        if !caller::is_glibc(caller) {
            return musl_vsprintf()(s, fmt, ap);
        }
        let mut gnu = GnuFormat::new();
        musl_vsprintf()(s, gnu.prepare(0, fmt, ap), ap)
    }
}

/// `vsnprintf` (C11 7.21.6.12) for the front in `overrides.c`.
///
/// # Safety
/// As `vsnprintf`; `caller` is the front's return address.
#[export(local)]
pub unsafe extern "C" fn __gcompat_vsnprintf(
    s: *mut c_char,
    n: size_t,
    fmt: *const c_char,
    ap: VaList,
    caller: *const c_void,
) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe {
        if !caller::is_glibc(caller) {
            return musl_vsnprintf()(s, n, fmt, ap);
        }
        glibc_vsnprintf(s, n, 0, fmt, ap)
    }
}

/// `vdprintf` (POSIX) for the front in `overrides.c`.
///
/// # Safety
/// As `vdprintf`; `caller` is the front's return address.
#[export(local)]
pub unsafe extern "C" fn __gcompat_vdprintf(fd: c_int, fmt: *const c_char, ap: VaList, caller: *const c_void) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe {
        if !caller::is_glibc(caller) {
            return musl_vdprintf()(fd, fmt, ap);
        }
        glibc_vdprintf(fd, 0, fmt, ap)
    }
}

/// `vasprintf` (glibc manual, "Dynamic Output") for the front in
/// `overrides.c`.
///
/// # Safety
/// As `vasprintf`; `caller` is the front's return address.
#[export(local)]
pub unsafe extern "C" fn __gcompat_vasprintf(
    sp: *mut *mut c_char,
    fmt: *const c_char,
    ap: VaList,
    caller: *const c_void,
) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe {
        if !caller::is_glibc(caller) {
            return musl_vasprintf()(sp, fmt, ap);
        }
        glibc_vasprintf(sp, 0, fmt, ap)
    }
}
