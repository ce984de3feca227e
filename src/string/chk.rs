//! Fortified `<string.h>` entry points (glibc `debug/*_chk.c`): the compiler
//! passes the destination's size as the last argument, `(size_t)-1` when it
//! does not know it; a copy that does not fit is a buffer overflow.

use crate::abi::fatal::buffer_overflow;
use core::ffi::{c_char, c_int, c_void};
use libc::size_t;

/// `__memcpy_chk`: `memcpy` into a destination of `dstlen` bytes.
///
/// # Safety
/// As `memcpy`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __memcpy_chk(
    dst: *mut c_void,
    src: *const c_void,
    len: size_t,
    dstlen: size_t,
) -> *mut c_void {
    if dstlen < len {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `len` fits the destination.
    unsafe { libc::memcpy(dst, src, len) }
}

/// `__memmove_chk`: `memmove` into a destination of `dstlen` bytes.
///
/// # Safety
/// As `memmove`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __memmove_chk(
    dst: *mut c_void,
    src: *const c_void,
    len: size_t,
    dstlen: size_t,
) -> *mut c_void {
    if dstlen < len {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `len` fits the destination.
    unsafe { libc::memmove(dst, src, len) }
}

/// `__memset_chk`: `memset` of a destination of `dstlen` bytes.
///
/// # Safety
/// As `memset`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __memset_chk(
    dst: *mut c_void,
    c: c_int,
    len: size_t,
    dstlen: size_t,
) -> *mut c_void {
    if dstlen < len {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `len` fits the destination.
    unsafe { libc::memset(dst, c, len) }
}

/// `__strcpy_chk`: `strcpy` into a destination of `dstlen` bytes, which must
/// hold the string and its NUL.
///
/// # Safety
/// As `strcpy`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __strcpy_chk(
    dst: *mut c_char,
    src: *const c_char,
    dstlen: size_t,
) -> *mut c_char {
    // SAFETY: `src` is a C string (caller).
    let len = unsafe { libc::strlen(src) };
    if len >= dstlen {
        buffer_overflow();
    }
    // SAFETY: the string and its NUL fit the destination.
    unsafe { libc::memcpy(dst.cast(), src.cast(), len + 1).cast() }
}
