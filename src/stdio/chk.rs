//! The fortified printf family (glibc `debug/*printf_chk.c`; LSB "Interfaces
//! for libc": `__sprintf_chk` and friends). `flag > 0` turns on the format
//! checks of [`super::format::check`]; the `s*printf` forms also check the
//! destination size `slen`, where `(size_t)-1` means unknown.
//!
//! The variadic fronts are in `chk.c`.

use super::format;
use crate::abi::musl::{vasprintf, vdprintf, vfprintf, vprintf, vsnprintf};
use crate::abi::{VaList, fatal::buffer_overflow};
use core::ffi::{c_char, c_int};
use libc::{FILE, size_t};

/// musl's `vsnprintf` bound never needs to exceed `INT_MAX`: no printf can
/// produce more (it fails with `EOVERFLOW` instead).
fn bound(len: size_t) -> size_t {
    len.min(c_int::MAX as size_t)
}

/// `__vprintf_chk`: `vprintf` with the format checks.
///
/// # Safety
/// As `vprintf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __vprintf_chk(flag: c_int, fmt: *const c_char, ap: VaList) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe {
        format::check(flag, fmt);
        vprintf(fmt, ap)
    }
}

/// `__vfprintf_chk`: `vfprintf` with the format checks.
///
/// # Safety
/// As `vfprintf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __vfprintf_chk(
    fp: *mut FILE,
    flag: c_int,
    fmt: *const c_char,
    ap: VaList,
) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe {
        format::check(flag, fmt);
        vfprintf(fp, fmt, ap)
    }
}

/// `__vsprintf_chk`: `vsprintf` into a buffer of `slen` bytes; output that
/// does not fit (or `slen == 0`) is a buffer overflow.
///
/// # Safety
/// As `vsprintf`, with `s` valid for `slen` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __vsprintf_chk(
    s: *mut c_char,
    flag: c_int,
    slen: size_t,
    fmt: *const c_char,
    ap: VaList,
) -> c_int {
    if slen == 0 {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; musl writes at most `slen` bytes.
    let n = unsafe {
        format::check(flag, fmt);
        vsnprintf(s, bound(slen), fmt, ap)
    };
    if n >= 0 && n as size_t >= slen {
        buffer_overflow();
    }
    n
}

/// `__vsnprintf_chk`: `vsnprintf` where the bound `maxlen` the caller passes
/// must not exceed the destination's real size `slen`.
///
/// # Safety
/// As `vsnprintf`, with `s` valid for `slen` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __vsnprintf_chk(
    s: *mut c_char,
    maxlen: size_t,
    flag: c_int,
    slen: size_t,
    fmt: *const c_char,
    ap: VaList,
) -> c_int {
    if maxlen > slen {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller.
    unsafe {
        format::check(flag, fmt);
        vsnprintf(s, maxlen, fmt, ap)
    }
}

/// `__vasprintf_chk`: `vasprintf` with the format checks.
///
/// # Safety
/// As `vasprintf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __vasprintf_chk(
    sp: *mut *mut c_char,
    flag: c_int,
    fmt: *const c_char,
    ap: VaList,
) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe {
        format::check(flag, fmt);
        vasprintf(sp, fmt, ap)
    }
}

/// `__vdprintf_chk`: `vdprintf` with the format checks.
///
/// # Safety
/// As `vdprintf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __vdprintf_chk(
    fd: c_int,
    flag: c_int,
    fmt: *const c_char,
    ap: VaList,
) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe {
        format::check(flag, fmt);
        vdprintf(fd, fmt, ap)
    }
}
