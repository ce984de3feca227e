//! Fortified `<stdlib.h>` entry points (glibc `debug/realpath_chk.c`,
//! `debug/ptsname_r_chk.c`, `debug/mbstowcs_chk.c`, `debug/wcstombs_chk.c`,
//! `debug/wctomb_chk.c`).

use crate::abi::{fatal::buffer_overflow, musl};
use core::ffi::{c_char, c_int};
use libc::{size_t, wchar_t};

/// musl keeps a leading `//` (POSIX lets it mean something else); glibc's
/// canonical name starts with one `/`.
///
/// # Safety
/// `path` is a writable C string.
unsafe fn collapse_leading_slashes(path: *mut c_char) {
    // SAFETY: reads stop at the NUL; the move stays within the string.
    unsafe {
        let mut extra = 0;
        while *path.add(extra) == b'/' as c_char && *path.add(extra + 1) == b'/' as c_char {
            extra += 1;
        }
        if extra > 0 {
            let len = libc::strlen(path.add(extra));
            core::ptr::copy(path.add(extra), path, len + 1);
        }
    }
}

/// `__realpath_chk`: `realpath` whose result buffer, when given, must hold
/// `PATH_MAX` bytes (its size is `resolvedlen`).
///
/// # Safety
/// As `realpath`.
///
/// # glibc differences
/// None left: a leading `//` from musl is collapsed as glibc's would be.
#[export]
pub unsafe extern "C" fn __realpath_chk(
    path: *const c_char,
    resolved: *mut c_char,
    resolvedlen: size_t,
) -> *mut c_char {
    if resolvedlen < libc::PATH_MAX as size_t {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller.
    let out = unsafe { libc::realpath(path, resolved) };
    if !out.is_null() {
        // SAFETY: a successful realpath returns a C string it owns or `resolved`.
        unsafe { collapse_leading_slashes(out) };
    }
    out
}

/// `__ptsname_r_chk`: `ptsname_r` into a buffer the caller says holds
/// `buflen` bytes, which must not exceed its real size `nreal`.
///
/// # Safety
/// As `ptsname_r`.
#[export]
pub unsafe extern "C" fn __ptsname_r_chk(fd: c_int, buf: *mut c_char, buflen: size_t, nreal: size_t) -> c_int {
    if buflen > nreal {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `buflen` bytes fit the buffer.
    unsafe { libc::ptsname_r(fd, buf, buflen) }
}

/// `__mbstowcs_chk`: `mbstowcs` of at most `len` wide characters into a
/// destination of `dstlen` (units of `wchar_t`); fails when `dstlen < len`.
///
/// # Safety
/// As `mbstowcs`.
#[export]
pub unsafe extern "C" fn __mbstowcs_chk(dst: *mut wchar_t, src: *const c_char, len: size_t, dstlen: size_t) -> size_t {
    if dstlen < len {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `len` units fit the destination.
    unsafe { musl::mbstowcs(dst, src, len) }
}

/// `__wcstombs_chk`: `wcstombs` of at most `len` bytes into a destination of
/// `dstlen` bytes; fails when `dstlen < len`.
///
/// # Safety
/// As `wcstombs`.
#[export]
pub unsafe extern "C" fn __wcstombs_chk(dst: *mut c_char, src: *const wchar_t, len: size_t, dstlen: size_t) -> size_t {
    if dstlen < len {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `len` bytes fit the destination.
    unsafe { libc::wcstombs(dst, src, len) }
}

/// `__wctomb_chk`: `wctomb` into a buffer of `buflen` bytes, which must hold
/// glibc's `MB_CUR_MAX` bytes (see [`crate::wchar::glibc_mb_cur_max`]).
///
/// # Safety
/// As `wctomb` with a non-null `s`.
#[export]
pub unsafe extern "C" fn __wctomb_chk(s: *mut c_char, wc: wchar_t, buflen: size_t) -> c_int {
    if buflen < crate::wchar::glibc_mb_cur_max() {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller.
    unsafe { musl::wctomb(s, wc) }
}
