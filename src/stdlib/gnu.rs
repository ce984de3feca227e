//! `<stdlib.h>` GNU and BSD extensions musl lacks: `canonicalize_file_name`,
//! `rpmatch`, and the `arc4random` family (glibc 2.36).

use crate::abi::{errno, fatal};
use core::ffi::{c_char, c_int, c_void};
use libc::size_t;

/// `canonicalize_file_name`: `realpath(name, NULL)` (glibc manual,
/// "Symbolic Links").
///
/// # Safety
/// `name` is null or a NUL-terminated string.
///
/// # glibc differences
/// None; musl 1.2.5's `realpath` keeps a leading `//` ("//tmp"), which
/// glibc's (and musl 1.2.3's) turn into `/`, so the shim does too.
#[export]
pub unsafe extern "C" fn canonicalize_file_name(name: *const c_char) -> *mut c_char {
    // SAFETY: musl's realpath allocates the result and refuses a null name
    // with EINVAL, as glibc's does.
    let path = unsafe { libc::realpath(name, core::ptr::null_mut()) };
    if !path.is_null() {
        // SAFETY: realpath returned a NUL-terminated string it allocated.
        let len = unsafe { crate::abi::cstr::borrow(path) }.count_bytes();
        // SAFETY: as above; `bytes` covers the string and its NUL.
        let bytes = unsafe { core::slice::from_raw_parts_mut(path.cast::<u8>(), len + 1) };
        let extra = bytes.iter().take_while(|&&b| b == b'/').count().saturating_sub(1);
        bytes.copy_within(extra.., 0);
    }
    path
}

/// What glibc's `rpmatch` says of a response in the C locale, whose
/// `YESEXPR` is `^[yY]` and `NOEXPR` is `^[nN]`.
pub fn rpmatch_bytes(response: &[u8]) -> c_int {
    match response.first() {
        Some(b'y' | b'Y') => 1,
        Some(b'n' | b'N') => 0,
        _ => -1,
    }
}

/// `rpmatch`: 1 for an affirmative response, 0 for a negative one, -1 for
/// neither (rpmatch(3); glibc manual, "Yes-or-No Questions").
///
/// # Safety
/// `response` is a NUL-terminated string.
///
/// # glibc differences
/// glibc matches the current locale's `YESEXPR`/`NOEXPR`; the shim uses the
/// C locale's, which is what musl's locales (all English) would give too.
#[export]
pub unsafe extern "C" fn rpmatch(response: *const c_char) -> c_int {
    // SAFETY: NUL-terminated (caller).
    rpmatch_bytes(unsafe { crate::abi::cstr::borrow(response) }.to_bytes())
}

/// Fills `buf` from the kernel's random source, as glibc's arc4random does
/// (getrandom, retried on `EINTR`); dies with glibc's message when there is
/// none.
fn random_fill(mut buf: &mut [u8]) {
    while !buf.is_empty() {
        // SAFETY: the pointer and length describe the live slice `buf`.
        let n = unsafe { libc::getrandom(buf.as_mut_ptr().cast(), buf.len(), 0) };
        if n > 0 {
            buf = &mut buf[n as usize..];
        } else if n < 0 && errno::get() == libc::EINTR {
            continue;
        } else {
            fatal::libc_fatal("Fatal glibc error: cannot get entropy for arc4random\n");
        }
    }
}

/// `arc4random`: a uniformly random 32-bit value from the kernel's
/// cryptographic source (glibc manual, "High Quality Random Number
/// Generation"; glibc 2.36).
///
/// # Safety
/// None.
#[export]
pub unsafe extern "C" fn arc4random() -> u32 {
    let saved = errno::get();
    let mut bytes = [0u8; 4];
    random_fill(&mut bytes);
    errno::set(saved);
    u32::from_ne_bytes(bytes)
}

/// `arc4random_buf`: fills `n` bytes at `buf` with random data (glibc
/// manual, "High Quality Random Number Generation").
///
/// # Safety
/// `buf` is writable for `n` bytes.
#[export]
pub unsafe extern "C" fn arc4random_buf(buf: *mut c_void, n: size_t) {
    if n == 0 {
        return;
    }
    let saved = errno::get();
    // SAFETY: writable for `n` bytes (caller).
    random_fill(unsafe { core::slice::from_raw_parts_mut(buf.cast::<u8>(), n) });
    errno::set(saved);
}

/// A value below `upper` from `next`, without modulo bias: draws below
/// `2^32 mod upper` are rejected, so every residue is equally likely.
pub fn uniform(upper: u32, mut next: impl FnMut() -> u32) -> u32 {
    if upper <= 1 {
        return 0;
    }
    let min = upper.wrapping_neg() % upper;
    loop {
        let r = next();
        if r >= min {
            return r % upper;
        }
    }
}

/// `arc4random_uniform`: a uniformly random value in `[0, upper)`, 0 when
/// `upper` is 0 or 1 (glibc manual, "High Quality Random Number
/// Generation").
///
/// # Safety
/// None.
#[export]
pub unsafe extern "C" fn arc4random_uniform(upper: u32) -> u32 {
    // SAFETY: arc4random has no preconditions.
    uniform(upper, || unsafe { arc4random() })
}

#[cfg(test)]
mod tests {
    use super::{rpmatch_bytes, uniform};

    #[test]
    fn rpmatch_c_locale() {
        assert_eq!(rpmatch_bytes(b"yes"), 1);
        assert_eq!(rpmatch_bytes(b"No"), 0);
        assert_eq!(rpmatch_bytes(b" y"), -1);
        assert_eq!(rpmatch_bytes(b""), -1);
    }

    #[test]
    fn uniform_rejects_the_biased_tail() {
        // 2^32 mod 3 == 1: a draw of 0 is rejected, 1 is kept.
        let mut draws = [0u32, 1].into_iter();
        assert_eq!(uniform(3, || draws.next().unwrap()), 1);
        assert_eq!(uniform(1, || unreachable!()), 0);
        assert_eq!(uniform(0, || unreachable!()), 0);
    }
}
