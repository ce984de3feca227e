//! `<wchar.h>`: the fortified wide-character entry points (`chk`) and the
//! bases they need that musl lacks (`wcslcpy`, `wcslcat`, glibc 2.38); the
//! C23 wide parsers and wide scanf family (`isoc23`); the wide printf
//! family with glibc's conversions for glibc callers (`printf`).

pub mod chk;
pub mod float128;
pub mod isoc23;
pub mod printf;
pub mod wcsto_l;

use libc::{size_t, wchar_t};

/// `MB_CUR_MAX` as glibc has it for the current locale: 1 in the C locale,
/// 6 in UTF-8 ones (glibc's UTF-8 charmap; musl says 4). glibc's fortified
/// `wctomb` compares the destination's size with this.
pub fn glibc_mb_cur_max() -> size_t {
    // SAFETY: no arguments; reads the calling thread's locale.
    if unsafe { crate::abi::musl::__ctype_get_mb_cur_max() } > 1 { 6 } else { 1 }
}

/// The length of the wide string at `s`, looking at no more than `max` units.
///
/// # Safety
/// `s` holds a NUL or `max` readable units.
pub unsafe fn wcsnlen(s: *const wchar_t, max: size_t) -> size_t {
    let mut n = 0;
    // SAFETY: every unit read is before the NUL or within `max` (caller).
    while n < max && unsafe { *s.add(n) } != 0 {
        n += 1;
    }
    n
}

/// `wcslcpy` (glibc 2.38, from OpenBSD): copies at most `n - 1` units of `src`
/// and a NUL when `n > 0`; returns `wcslen(src)`.
///
/// # Safety
/// `src` is a wide string; `dst` is writable for `n` units.
pub unsafe fn wcslcpy(dst: *mut wchar_t, src: *const wchar_t, n: size_t) -> size_t {
    // SAFETY: `src` is NUL-terminated (caller).
    let len = unsafe { libc::wcslen(src) };
    if n > 0 {
        let copy = len.min(n - 1);
        // SAFETY: `copy + 1 <= n` units fit the destination.
        unsafe {
            core::ptr::copy_nonoverlapping(src, dst, copy);
            *dst.add(copy) = 0;
        }
    }
    len
}

/// `wcslcat` (glibc 2.38, from OpenBSD): appends to the string in `dst` (of
/// `n` units) as much of `src` as fits with a NUL; returns the length it
/// tried to create.
///
/// # Safety
/// `src` is a wide string; `dst` is writable for `n` units.
pub unsafe fn wcslcat(dst: *mut wchar_t, src: *const wchar_t, n: size_t) -> size_t {
    // SAFETY: `dst` holds a NUL or `n` units (caller).
    let used = unsafe { wcsnlen(dst, n) };
    if used == n {
        // SAFETY: `src` is NUL-terminated (caller).
        return n + unsafe { libc::wcslen(src) };
    }
    // SAFETY: what is left of `dst` after its string is `n - used` units.
    used + unsafe { wcslcpy(dst.add(used), src, n - used) }
}

/// `__mbrlen`: `mbrlen` under glibc's internal name, which glibc's
/// `<wchar.h>` inlines `mbrlen` calls into when optimising.
///
/// # Safety
/// As `mbrlen`: `s` null or readable for `n` bytes, `ps` null or a valid
/// conversion state.
#[export]
pub unsafe extern "C" fn __mbrlen(s: *const core::ffi::c_char, n: size_t, ps: *mut core::ffi::c_void) -> size_t {
    unsafe extern "C" {
        fn mbrlen(s: *const core::ffi::c_char, n: size_t, ps: *mut core::ffi::c_void) -> size_t;
    }
    // SAFETY: the caller's arguments, passed on unchanged.
    unsafe { mbrlen(s, n, ps) }
}

#[cfg(test)]
mod tests {
    use super::{wcslcat, wcslcpy};
    use libc::wchar_t;

    fn wide(s: &str) -> Vec<wchar_t> {
        s.chars().map(|c| c as wchar_t).chain([0]).collect()
    }

    #[test]
    fn wcslcpy_truncates_and_returns_source_length() {
        let src = wide("abcdefghij");
        let mut dst = [9 as wchar_t; 8];
        // SAFETY: `src` is terminated; `dst` holds 8 units.
        assert_eq!(unsafe { wcslcpy(dst.as_mut_ptr(), src.as_ptr(), 8) }, 10);
        assert_eq!(&dst[..], &wide("abcdefg")[..]);
        // SAFETY: as above; nothing is written for n == 0.
        assert_eq!(unsafe { wcslcpy(dst.as_mut_ptr(), src.as_ptr(), 0) }, 10);
    }

    #[test]
    fn wcslcat_appends_what_fits() {
        let src = wide("xyz");
        let mut dst = [0 as wchar_t; 8];
        dst[..4].copy_from_slice(&wide("abc"));
        // SAFETY: both are terminated within their buffers.
        assert_eq!(unsafe { wcslcat(dst.as_mut_ptr(), src.as_ptr(), 5) }, 6);
        assert_eq!(&dst[..5], &wide("abcx")[..]);
        // No NUL within the bound: n + wcslen(src), nothing written.
        // SAFETY: as above.
        assert_eq!(unsafe { wcslcat(dst.as_mut_ptr(), src.as_ptr(), 2) }, 5);
        assert_eq!(&dst[..5], &wide("abcx")[..]);
    }
}
