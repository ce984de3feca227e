//! The fortified printf family (glibc `debug/*printf_chk.c`; LSB "Interfaces
//! for libc": `__sprintf_chk` and friends). `flag > 0` turns on the format
//! checks of [`super::format::check_bytes`] and glibc's own conversions
//! ([`super::gnu_format`]); the `s*printf` forms also check the
//! destination size `slen`, where `(size_t)-1` means unknown.
//!
//! The fortified reads check the buffer's size too: `__fgets_chk`,
//! `__fgets_unlocked_chk`, `__fread_chk`, `__fread_unlocked_chk` and
//! `__gets_chk` (glibc `debug/fgets_chk.c`, `debug/fread_chk.c`,
//! `debug/gets_chk.c`).
//!
//! The variadic fronts are in `chk.c`.

use super::printf::{glibc_vasprintf, glibc_vdprintf, glibc_vfprintf, glibc_vprintf, glibc_vsnprintf};
use crate::abi::{VaList, errno, fatal::buffer_overflow, musl};
use core::ffi::{c_char, c_int, c_void};
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
#[export]
pub unsafe extern "C" fn __vprintf_chk(flag: c_int, fmt: *const c_char, ap: VaList) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { glibc_vprintf(flag, fmt, ap) }
}

/// `__vfprintf_chk`: `vfprintf` with the format checks.
///
/// # Safety
/// As `vfprintf`.
#[export]
pub unsafe extern "C" fn __vfprintf_chk(fp: *mut FILE, flag: c_int, fmt: *const c_char, ap: VaList) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { glibc_vfprintf(fp, flag, fmt, ap) }
}

/// `__vsprintf_chk`: `vsprintf` into a buffer of `slen` bytes; output that
/// does not fit (or `slen == 0`) is a buffer overflow.
///
/// # Safety
/// As `vsprintf`, with `s` valid for `slen` bytes.
#[export]
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
    let n = unsafe { glibc_vsnprintf(s, bound(slen), flag, fmt, ap) };
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
#[export]
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
    unsafe { glibc_vsnprintf(s, maxlen, flag, fmt, ap) }
}

/// `__vasprintf_chk`: `vasprintf` with the format checks.
///
/// # Safety
/// As `vasprintf`.
#[export]
pub unsafe extern "C" fn __vasprintf_chk(sp: *mut *mut c_char, flag: c_int, fmt: *const c_char, ap: VaList) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { glibc_vasprintf(sp, flag, fmt, ap) }
}

/// `__vdprintf_chk`: `vdprintf` with the format checks.
///
/// # Safety
/// As `vdprintf`.
#[export]
pub unsafe extern "C" fn __vdprintf_chk(fd: c_int, flag: c_int, fmt: *const c_char, ap: VaList) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { glibc_vdprintf(fd, flag, fmt, ap) }
}

/// glibc's `__fgets_chk` rule: read a line of at most `min(n - 1, size)`
/// bytes; having read `size` bytes (no room left for the NUL) is a buffer
/// overflow. `n <= size` is plain `fgets`; otherwise read byte by byte up to
/// the bound, so nothing lands outside the buffer.
///
/// # Safety
/// As `fgets`, with `buf` writable for `size` bytes.
unsafe fn fgets_within(buf: *mut c_char, size: size_t, n: c_int, fp: *mut FILE, locked: bool) -> *mut c_char {
    // glibc reads nothing and fails for n == 1 (its bound is n - 1 == 0).
    if n <= 1 {
        return core::ptr::null_mut();
    }
    if n as size_t <= size {
        // SAFETY: at most n - 1 bytes and a NUL: within the buffer.
        return unsafe { if locked { libc::fgets(buf, n, fp) } else { musl::fgets_unlocked(buf, n, fp) } };
    }
    // SAFETY: `fp` is a valid stream (caller); each store is below `size`.
    unsafe {
        if locked {
            musl::flockfile(fp);
        }
        let had_error = musl::ferror_unlocked(fp) != 0;
        let mut count = 0;
        while count < size {
            let c = musl::getc_unlocked(fp);
            if c == libc::EOF {
                break;
            }
            *buf.add(count) = c as c_char;
            count += 1;
            if c == c_int::from(b'\n') {
                break;
            }
        }
        let failed = !had_error && musl::ferror_unlocked(fp) != 0 && errno::get() != libc::EAGAIN;
        if locked {
            musl::funlockfile(fp);
        }
        if count == 0 || failed {
            return core::ptr::null_mut();
        }
        if count >= size {
            buffer_overflow();
        }
        *buf.add(count) = 0;
    }
    buf
}

/// `__fgets_chk`: `fgets` into a buffer of `size` bytes (glibc
/// `debug/fgets_chk.c`).
///
/// # Safety
/// As `fgets`.
#[export]
pub unsafe extern "C" fn __fgets_chk(buf: *mut c_char, size: size_t, n: c_int, fp: *mut FILE) -> *mut c_char {
    // SAFETY: forwarded from the caller.
    unsafe { fgets_within(buf, size, n, fp, true) }
}

/// `__fgets_unlocked_chk`: `fgets_unlocked` into a buffer of `size` bytes.
///
/// # Safety
/// As `fgets_unlocked`.
#[export]
pub unsafe extern "C" fn __fgets_unlocked_chk(buf: *mut c_char, size: size_t, n: c_int, fp: *mut FILE) -> *mut c_char {
    // SAFETY: forwarded from the caller.
    unsafe { fgets_within(buf, size, n, fp, false) }
}

/// glibc's `__fread_chk` rule: `size * n` bytes, which must not overflow,
/// must fit the buffer's `ptrlen`.
fn fread_fits(ptrlen: size_t, size: size_t, n: size_t) {
    match size.checked_mul(n) {
        Some(bytes) if bytes <= ptrlen => {}
        _ => buffer_overflow(),
    }
}

/// `__fread_chk`: `fread` of `n` items of `size` bytes into a buffer of
/// `ptrlen` bytes (glibc `debug/fread_chk.c`).
///
/// # Safety
/// As `fread`.
#[export]
pub unsafe extern "C" fn __fread_chk(
    ptr: *mut c_void,
    ptrlen: size_t,
    size: size_t,
    n: size_t,
    fp: *mut FILE,
) -> size_t {
    fread_fits(ptrlen, size, n);
    // SAFETY: forwarded from the caller; the bytes fit the buffer.
    unsafe { libc::fread(ptr, size, n, fp) }
}

/// `__fread_unlocked_chk`: `fread_unlocked` with `__fread_chk`'s rule.
///
/// # Safety
/// As `fread_unlocked`.
#[export]
pub unsafe extern "C" fn __fread_unlocked_chk(
    ptr: *mut c_void,
    ptrlen: size_t,
    size: size_t,
    n: size_t,
    fp: *mut FILE,
) -> size_t {
    fread_fits(ptrlen, size, n);
    // SAFETY: forwarded from the caller; the bytes fit the buffer.
    unsafe { libc::fread_unlocked(ptr, size, n, fp) }
}

/// `__gets_chk`: `gets` into a buffer of `size` bytes; a line (without its
/// newline) of `size` bytes or more is a buffer overflow, and so is
/// `size == 0` (glibc `debug/gets_chk.c`).
///
/// # Safety
/// `buf` is writable for `size` bytes.
#[export]
pub unsafe extern "C" fn __gets_chk(buf: *mut c_char, size: size_t) -> *mut c_char {
    if size == 0 {
        buffer_overflow();
    }
    // SAFETY: `stdin` is musl's stream, reached through the GOT; each store
    // is below `size`.
    unsafe {
        let fp = musl::stdin;
        musl::flockfile(fp);
        let had_error = musl::ferror_unlocked(fp) != 0;
        let mut count = 0;
        let mut first = true;
        let mut result = buf;
        loop {
            let c = musl::getc_unlocked(fp);
            if c == libc::EOF {
                if first || (!had_error && musl::ferror_unlocked(fp) != 0) {
                    result = core::ptr::null_mut();
                }
                break;
            }
            first = false;
            if c == c_int::from(b'\n') {
                break;
            }
            *buf.add(count) = c as c_char;
            count += 1;
            if count >= size {
                musl::funlockfile(fp);
                buffer_overflow();
            }
        }
        musl::funlockfile(fp);
        if !result.is_null() {
            *buf.add(count) = 0;
        }
        result
    }
}
