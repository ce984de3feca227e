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
#[export]
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
#[export]
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
#[export]
pub unsafe extern "C" fn __memset_chk(dst: *mut c_void, c: c_int, len: size_t, dstlen: size_t) -> *mut c_void {
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
#[export]
pub unsafe extern "C" fn __strcpy_chk(dst: *mut c_char, src: *const c_char, dstlen: size_t) -> *mut c_char {
    // SAFETY: `src` is a C string (caller).
    let len = unsafe { libc::strlen(src) };
    if len >= dstlen {
        buffer_overflow();
    }
    // SAFETY: the string and its NUL fit the destination.
    unsafe { libc::memcpy(dst.cast(), src.cast(), len + 1).cast() }
}

/// `__stpcpy_chk`: `stpcpy` into a destination of `dstlen` bytes, which must
/// hold the string and its NUL (glibc `debug/stpcpy_chk.c`).
///
/// # Safety
/// As `stpcpy`.
#[export]
pub unsafe extern "C" fn __stpcpy_chk(dst: *mut c_char, src: *const c_char, dstlen: size_t) -> *mut c_char {
    // SAFETY: `src` is a C string (caller).
    let len = unsafe { libc::strlen(src) };
    if len >= dstlen {
        buffer_overflow();
    }
    // SAFETY: the string and its NUL fit the destination.
    unsafe { libc::memcpy(dst.cast(), src.cast(), len + 1).cast::<c_char>().add(len) }
}

/// `__mempcpy_chk`: `mempcpy` into a destination of `dstlen` bytes; fails
/// when `dstlen < len` (glibc `debug/mempcpy_chk.c`).
///
/// # Safety
/// As `mempcpy`.
#[export]
pub unsafe extern "C" fn __mempcpy_chk(
    dst: *mut c_void,
    src: *const c_void,
    len: size_t,
    dstlen: size_t,
) -> *mut c_void {
    if dstlen < len {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `len` fits the destination.
    unsafe { crate::abi::musl::mempcpy(dst, src, len) }
}

/// `__strncpy_chk`: `strncpy`, which always writes `n` bytes, into a
/// destination of `dstlen` bytes; fails when `dstlen < n`.
///
/// # Safety
/// As `strncpy`.
#[export]
pub unsafe extern "C" fn __strncpy_chk(dst: *mut c_char, src: *const c_char, n: size_t, dstlen: size_t) -> *mut c_char {
    if dstlen < n {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `n` bytes fit the destination.
    unsafe { libc::strncpy(dst, src, n) }
}

/// `__stpncpy_chk`: `stpncpy` into a destination of `dstlen` bytes; fails
/// when `dstlen < n` (glibc `debug/stpncpy_chk.c`).
///
/// # Safety
/// As `stpncpy`.
#[export]
pub unsafe extern "C" fn __stpncpy_chk(dst: *mut c_char, src: *const c_char, n: size_t, dstlen: size_t) -> *mut c_char {
    if dstlen < n {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `n` bytes fit the destination.
    unsafe { libc::stpncpy(dst, src, n) }
}

/// `__strcat_chk`: `strcat` into a destination of `dstlen` bytes, which must
/// hold both strings and the NUL; glibc reads neither string past that bound.
///
/// # Safety
/// As `strcat`.
#[export]
pub unsafe extern "C" fn __strcat_chk(dst: *mut c_char, src: *const c_char, dstlen: size_t) -> *mut c_char {
    // SAFETY: `dst` is a C string or holds a NUL within `dstlen` bytes.
    let used = unsafe { libc::strnlen(dst, dstlen) };
    let room = dstlen - used;
    // SAFETY: as above, for `src` and the room left.
    let len = if room == 0 { 0 } else { unsafe { libc::strnlen(src, room) } };
    if len >= room {
        buffer_overflow();
    }
    // SAFETY: the string and its NUL fit after the destination's string.
    unsafe { libc::memcpy(dst.add(used).cast(), src.cast(), len + 1) };
    dst
}

/// `__strncat_chk`: `strncat` into a destination of `dstlen` bytes, which
/// must hold the result: the old string, at most `n` bytes of `src` and a NUL.
///
/// # Safety
/// As `strncat`.
#[export]
pub unsafe extern "C" fn __strncat_chk(dst: *mut c_char, src: *const c_char, n: size_t, dstlen: size_t) -> *mut c_char {
    // SAFETY: `dst` is a C string or holds a NUL within `dstlen` bytes.
    let used = unsafe { libc::strnlen(dst, dstlen) };
    let room = dstlen - used;
    if room == 0 {
        buffer_overflow();
    }
    // SAFETY: `src` holds a NUL or `n` readable bytes (caller); glibc reads
    // no further than the room left either.
    let len = unsafe { libc::strnlen(src, n.min(room)) };
    if len >= room {
        buffer_overflow();
    }
    // SAFETY: `len` bytes and the NUL fit after the destination's string.
    unsafe {
        libc::memcpy(dst.add(used).cast(), src.cast(), len);
        *dst.add(used + len) = 0;
    }
    dst
}

/// `__strlcpy_chk`: `strlcpy` whose bound `n` must not exceed the
/// destination's size `dstlen` (glibc 2.38 `debug/strlcpy_chk.c`).
///
/// # Safety
/// As `strlcpy`.
#[export]
pub unsafe extern "C" fn __strlcpy_chk(dst: *mut c_char, src: *const c_char, n: size_t, dstlen: size_t) -> size_t {
    if dstlen < n {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `n` bytes fit the destination.
    unsafe { crate::abi::musl::strlcpy(dst, src, n) }
}

/// `__strlcat_chk`: `strlcat` whose bound `n` must not exceed the
/// destination's size `dstlen` (glibc 2.38 `debug/strlcat_chk.c`).
///
/// # Safety
/// As `strlcat`.
#[export]
pub unsafe extern "C" fn __strlcat_chk(dst: *mut c_char, src: *const c_char, n: size_t, dstlen: size_t) -> size_t {
    if dstlen < n {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `n` bytes fit the destination.
    unsafe { crate::abi::musl::strlcat(dst, src, n) }
}

/// `__explicit_bzero_chk`: `explicit_bzero` of a destination of `dstlen`
/// bytes; fails when `dstlen < len` (glibc `debug/explicit_bzero_chk.c`).
///
/// # Safety
/// As `explicit_bzero`.
#[export]
pub unsafe extern "C" fn __explicit_bzero_chk(dst: *mut c_void, len: size_t, dstlen: size_t) {
    if dstlen < len {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `len` fits the destination.
    unsafe { libc::explicit_bzero(dst, len) }
}

/// `__memset_explicit_chk`: C23 `memset_explicit` of a destination of
/// `dstlen` bytes; fails when `dstlen < len` (glibc 2.43
/// `debug/memset_explicit_chk.c`).
///
/// # Safety
/// As `memset`.
#[export]
pub unsafe extern "C" fn __memset_explicit_chk(dst: *mut c_void, c: c_int, len: size_t, dstlen: size_t) -> *mut c_void {
    if dstlen < len {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `len` fits the destination.
    let dst = unsafe { libc::memset(dst, c, len) };
    // The stores must happen even if the caller never reads the memory again.
    core::hint::black_box(dst)
}
