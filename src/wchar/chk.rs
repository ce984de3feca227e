//! Fortified `<wchar.h>` entry points (glibc `debug/w*_chk.c`,
//! `debug/*wprintf_chk.c`, `debug/fgetws*_chk.c`). Sizes here count
//! `wchar_t` units: glibc's headers pass the destination's size divided by
//! `sizeof (wchar_t)`, `(size_t)-1` when it is unknown.
//!
//! The variadic printf fronts are in `chk.c`.

use super::wcsnlen;
use crate::abi::musl::{self, mbstate_t, wint_t};
use crate::abi::{VaList, errno, fatal::buffer_overflow};
use core::ffi::{c_char, c_int};
use core::ptr::null_mut;
use libc::{FILE, size_t, wchar_t};

/// `__wmemcpy_chk`: `wmemcpy` of `n` units into a destination of `ns1`.
///
/// # Safety
/// As `wmemcpy`.
#[export]
pub unsafe extern "C" fn __wmemcpy_chk(s1: *mut wchar_t, s2: *const wchar_t, n: size_t, ns1: size_t) -> *mut wchar_t {
    if ns1 < n {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `n` units fit the destination.
    unsafe { musl::wmemcpy(s1, s2, n) }
}

/// `__wmemmove_chk`: `wmemmove` of `n` units into a destination of `ns1`.
///
/// # Safety
/// As `wmemmove`.
#[export]
pub unsafe extern "C" fn __wmemmove_chk(s1: *mut wchar_t, s2: *const wchar_t, n: size_t, ns1: size_t) -> *mut wchar_t {
    if ns1 < n {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `n` units fit the destination.
    unsafe { musl::wmemmove(s1, s2, n) }
}

/// `__wmempcpy_chk`: GNU `wmempcpy` (copy, return the end) of `n` units
/// into a destination of `ns1` (musl has no `wmempcpy`).
///
/// # Safety
/// As `wmemcpy`.
#[export]
pub unsafe extern "C" fn __wmempcpy_chk(s1: *mut wchar_t, s2: *const wchar_t, n: size_t, ns1: size_t) -> *mut wchar_t {
    if ns1 < n {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `n` units fit the destination.
    unsafe { musl::wmemcpy(s1, s2, n).add(n) }
}

/// `__wmemset_chk`: `wmemset` of `n` units of a destination of `ns`.
///
/// # Safety
/// As `wmemset`.
#[export]
pub unsafe extern "C" fn __wmemset_chk(s: *mut wchar_t, c: wchar_t, n: size_t, ns: size_t) -> *mut wchar_t {
    if ns < n {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `n` units fit the destination.
    unsafe { musl::wmemset(s, c, n) }
}

/// Copies the wide string `src` and its NUL into `dst` of `dstlen` units,
/// reading `src` no further than that bound (as glibc's copy loop does);
/// returns the string's length.
///
/// # Safety
/// As `wcscpy`, with `dst` writable for `dstlen` units.
unsafe fn copy_within(dst: *mut wchar_t, src: *const wchar_t, dstlen: size_t) -> size_t {
    // SAFETY: `src` holds a NUL or `dstlen` units (caller).
    let len = unsafe { wcsnlen(src, dstlen) };
    if len >= dstlen {
        buffer_overflow();
    }
    // SAFETY: the string and its NUL fit the destination; `copy` allows overlap
    // as glibc's unit-by-unit loop tolerates it.
    unsafe { core::ptr::copy(src, dst, len + 1) };
    len
}

/// `__wcscpy_chk`: `wcscpy` into a destination of `n` units, which must
/// hold the string and its NUL.
///
/// # Safety
/// As `wcscpy`.
#[export]
pub unsafe extern "C" fn __wcscpy_chk(dest: *mut wchar_t, src: *const wchar_t, n: size_t) -> *mut wchar_t {
    // SAFETY: forwarded from the caller.
    unsafe { copy_within(dest, src, n) };
    dest
}

/// `__wcpcpy_chk`: `wcpcpy` into a destination of `destlen` units, which
/// must hold the string and its NUL; returns the NUL's address.
///
/// # Safety
/// As `wcpcpy`.
#[export]
pub unsafe extern "C" fn __wcpcpy_chk(dest: *mut wchar_t, src: *const wchar_t, destlen: size_t) -> *mut wchar_t {
    // SAFETY: forwarded from the caller.
    let len = unsafe { copy_within(dest, src, destlen) };
    // SAFETY: the NUL is within the destination.
    unsafe { dest.add(len) }
}

/// `__wcsncpy_chk`: `wcsncpy`, which always writes `n` units, into a
/// destination of `destlen` units; fails when `destlen < n`.
///
/// # Safety
/// As `wcsncpy`.
#[export]
pub unsafe extern "C" fn __wcsncpy_chk(
    dest: *mut wchar_t,
    src: *const wchar_t,
    n: size_t,
    destlen: size_t,
) -> *mut wchar_t {
    if destlen < n {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `n` units fit the destination.
    unsafe { musl::wcsncpy(dest, src, n) }
}

/// `__wcpncpy_chk`: `wcpncpy` into a destination of `destlen` units; fails
/// when `destlen < n`.
///
/// # Safety
/// As `wcpncpy`.
#[export]
pub unsafe extern "C" fn __wcpncpy_chk(
    dest: *mut wchar_t,
    src: *const wchar_t,
    n: size_t,
    destlen: size_t,
) -> *mut wchar_t {
    if destlen < n {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `n` units fit the destination.
    unsafe { musl::wcpncpy(dest, src, n) }
}

/// Appends at most `n` units of `src` and a NUL to the wide string in
/// `dest` of `destlen` units; fails, as glibc does, when the result does
/// not fit, reading neither string past the bound.
///
/// # Safety
/// As `wcsncat`, with `dest` writable for `destlen` units.
unsafe fn append_within(dest: *mut wchar_t, src: *const wchar_t, n: size_t, destlen: size_t) {
    // SAFETY: `dest` holds a NUL within `destlen` units or is too small.
    let used = unsafe { wcsnlen(dest, destlen) };
    let room = destlen - used;
    if room == 0 {
        buffer_overflow();
    }
    // SAFETY: `src` holds a NUL or enough readable units (caller).
    let len = unsafe { wcsnlen(src, n.min(room)) };
    if len >= room {
        buffer_overflow();
    }
    // SAFETY: `len` units and the NUL fit after the destination's string.
    unsafe {
        core::ptr::copy(src, dest.add(used), len);
        *dest.add(used + len) = 0;
    }
}

/// `__wcscat_chk`: `wcscat` into a destination of `destlen` units, which
/// must hold both strings and the NUL.
///
/// # Safety
/// As `wcscat`.
#[export]
pub unsafe extern "C" fn __wcscat_chk(dest: *mut wchar_t, src: *const wchar_t, destlen: size_t) -> *mut wchar_t {
    // SAFETY: forwarded from the caller.
    unsafe { append_within(dest, src, usize::MAX, destlen) };
    dest
}

/// `__wcsncat_chk`: `wcsncat` into a destination of `destlen` units, which
/// must hold the old string, at most `n` units of `src` and a NUL.
///
/// # Safety
/// As `wcsncat`.
#[export]
pub unsafe extern "C" fn __wcsncat_chk(
    dest: *mut wchar_t,
    src: *const wchar_t,
    n: size_t,
    destlen: size_t,
) -> *mut wchar_t {
    // SAFETY: forwarded from the caller.
    unsafe { append_within(dest, src, n, destlen) };
    dest
}

/// `__wcslcpy_chk`: `wcslcpy` whose bound `n` must not exceed the
/// destination's `s1len` units (glibc 2.38 `debug/wcslcpy_chk.c`).
///
/// # Safety
/// As `wcslcpy`.
#[export]
pub unsafe extern "C" fn __wcslcpy_chk(s1: *mut wchar_t, s2: *const wchar_t, n: size_t, s1len: size_t) -> size_t {
    if s1len < n {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `n` units fit the destination.
    unsafe { super::wcslcpy(s1, s2, n) }
}

/// `__wcslcat_chk`: `wcslcat` whose bound `n` must not exceed the
/// destination's `s1len` units (glibc 2.38 `debug/wcslcat_chk.c`).
///
/// # Safety
/// As `wcslcat`.
#[export]
pub unsafe extern "C" fn __wcslcat_chk(s1: *mut wchar_t, s2: *const wchar_t, n: size_t, s1len: size_t) -> size_t {
    if s1len < n {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `n` units fit the destination.
    unsafe { super::wcslcat(s1, s2, n) }
}

/// `__wcrtomb_chk`: `wcrtomb` into a buffer of `buflen` bytes. glibc (since
/// 2.34) converts into a buffer of its own and fails only when the encoded
/// character is longer than `buflen`; an invalid character is `EILSEQ`.
///
/// # Safety
/// As `wcrtomb` with a non-null `s`.
#[export]
pub unsafe extern "C" fn __wcrtomb_chk(s: *mut c_char, wc: wchar_t, ps: *mut mbstate_t, buflen: size_t) -> size_t {
    let mut tmp = [0 as c_char; 16]; // MB_LEN_MAX
    // SAFETY: `tmp` holds any character's encoding; `ps` is the caller's.
    let n = unsafe { musl::wcrtomb(tmp.as_mut_ptr(), wc, ps) };
    if n == size_t::MAX {
        return n;
    }
    if n > buflen {
        buffer_overflow();
    }
    // SAFETY: the `n` bytes fit the caller's buffer.
    unsafe { core::ptr::copy_nonoverlapping(tmp.as_ptr(), s, n) };
    n
}

/// `__mbsrtowcs_chk`: `mbsrtowcs` of at most `len` units into a destination
/// of `dstlen` units; fails when `dstlen < len`.
///
/// # Safety
/// As `mbsrtowcs`.
#[export]
pub unsafe extern "C" fn __mbsrtowcs_chk(
    dst: *mut wchar_t,
    src: *mut *const c_char,
    len: size_t,
    ps: *mut mbstate_t,
    dstlen: size_t,
) -> size_t {
    if dstlen < len {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller.
    unsafe { musl::mbsrtowcs(dst, src, len, ps) }
}

/// `__mbsnrtowcs_chk`: `mbsnrtowcs` of at most `len` units into a
/// destination of `dstlen` units; fails when `dstlen < len`.
///
/// # Safety
/// As `mbsnrtowcs`.
#[export]
pub unsafe extern "C" fn __mbsnrtowcs_chk(
    dst: *mut wchar_t,
    src: *mut *const c_char,
    nmc: size_t,
    len: size_t,
    ps: *mut mbstate_t,
    dstlen: size_t,
) -> size_t {
    if dstlen < len {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller.
    unsafe { musl::mbsnrtowcs(dst, src, nmc, len, ps) }
}

/// `__wcsrtombs_chk`: `wcsrtombs` of at most `len` bytes into a destination
/// of `dstlen` bytes; fails when `dstlen < len`.
///
/// # Safety
/// As `wcsrtombs`.
#[export]
pub unsafe extern "C" fn __wcsrtombs_chk(
    dst: *mut c_char,
    src: *mut *const wchar_t,
    len: size_t,
    ps: *mut mbstate_t,
    dstlen: size_t,
) -> size_t {
    if dstlen < len {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller.
    unsafe { musl::wcsrtombs(dst, src, len, ps) }
}

/// `__wcsnrtombs_chk`: `wcsnrtombs` of at most `len` bytes into a
/// destination of `dstlen` bytes; fails when `dstlen < len`.
///
/// # Safety
/// As `wcsnrtombs`.
#[export]
pub unsafe extern "C" fn __wcsnrtombs_chk(
    dst: *mut c_char,
    src: *mut *const wchar_t,
    nwc: size_t,
    len: size_t,
    ps: *mut mbstate_t,
    dstlen: size_t,
) -> size_t {
    if dstlen < len {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller.
    unsafe { musl::wcsnrtombs(dst, src, nwc, len, ps) }
}

const WEOF: wint_t = 0xffff_ffff;

/// glibc's `__fgetws_chk` rule: read a line of at most `min(n - 1, size)`
/// units; having read `size` units (no room left for the NUL) is a buffer
/// overflow. `n <= size` is plain `fgetws`; otherwise read unit by unit up
/// to the bound, so nothing lands outside the buffer.
///
/// # Safety
/// As `fgetws`, with `buf` writable for `size` units.
unsafe fn fgetws_within(buf: *mut wchar_t, size: size_t, n: c_int, fp: *mut FILE, locked: bool) -> *mut wchar_t {
    // glibc reads nothing and fails for n == 1 (its bound is n - 1 == 0).
    if n <= 1 {
        return null_mut();
    }
    if n as size_t <= size {
        // SAFETY: at most n - 1 units and a NUL: within the buffer.
        return unsafe { if locked { musl::fgetws(buf, n, fp) } else { musl::fgetws_unlocked(buf, n, fp) } };
    }
    // SAFETY: `fp` is a valid stream (caller); each store is below `size`.
    unsafe {
        if locked {
            musl::flockfile(fp);
        }
        let had_error = musl::ferror_unlocked(fp) != 0;
        let mut count = 0;
        while count < size {
            let c = musl::getwc_unlocked(fp);
            if c == WEOF {
                break;
            }
            *buf.add(count) = c as wchar_t;
            count += 1;
            if c == '\n' as wint_t {
                break;
            }
        }
        let failed = !had_error && musl::ferror_unlocked(fp) != 0 && errno::get() != libc::EAGAIN;
        if locked {
            musl::funlockfile(fp);
        }
        if count == 0 || failed {
            return null_mut();
        }
        if count >= size {
            buffer_overflow();
        }
        *buf.add(count) = 0;
    }
    buf
}

/// `__fgetws_chk`: `fgetws` into a buffer of `size` units.
///
/// # Safety
/// As `fgetws`.
#[export]
pub unsafe extern "C" fn __fgetws_chk(buf: *mut wchar_t, size: size_t, n: c_int, fp: *mut FILE) -> *mut wchar_t {
    // SAFETY: forwarded from the caller.
    unsafe { fgetws_within(buf, size, n, fp, true) }
}

/// `__fgetws_unlocked_chk`: `fgetws_unlocked` into a buffer of `size` units.
///
/// # Safety
/// As `fgetws_unlocked`.
#[export]
pub unsafe extern "C" fn __fgetws_unlocked_chk(
    buf: *mut wchar_t,
    size: size_t,
    n: c_int,
    fp: *mut FILE,
) -> *mut wchar_t {
    // SAFETY: forwarded from the caller.
    unsafe { fgetws_within(buf, size, n, fp, false) }
}

/// `__vswprintf_chk`: `vswprintf` where the bound `maxlen` must not exceed
/// the destination's `slen` units; `flag > 0` turns on the format checks.
///
/// # Safety
/// As `vswprintf`.
#[export]
pub unsafe extern "C" fn __vswprintf_chk(
    s: *mut wchar_t,
    maxlen: size_t,
    flag: c_int,
    slen: size_t,
    fmt: *const wchar_t,
    ap: VaList,
) -> c_int {
    if slen < maxlen {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller.
    unsafe { super::printf::glibc_vswprintf(s, maxlen, flag, fmt, ap) }
}

/// `__vfwprintf_chk`: `vfwprintf` with the format checks.
///
/// # Safety
/// As `vfwprintf`.
#[export]
pub unsafe extern "C" fn __vfwprintf_chk(fp: *mut FILE, flag: c_int, fmt: *const wchar_t, ap: VaList) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { super::printf::glibc_vfwprintf(fp, flag, fmt, ap) }
}

/// `__vwprintf_chk`: `vwprintf` with the format checks.
///
/// # Safety
/// As `vwprintf`.
#[export]
pub unsafe extern "C" fn __vwprintf_chk(flag: c_int, fmt: *const wchar_t, ap: VaList) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { super::printf::glibc_vwprintf(flag, fmt, ap) }
}
