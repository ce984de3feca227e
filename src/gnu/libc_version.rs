//! `gnu_get_libc_version` and `gnu_get_libc_release` (glibc manual, "Version
//! Information"; `<gnu/libc-version.h>`).
//!
//! # The version reported
//! Programs read this to decide which glibc features to use, so it should
//! name the newest glibc whose programs the shim is tested against: 2.41,
//! the Debian 13 oracle of the differential tests. A user who needs another
//! answer sets `GCOMPAT_GLIBC_VERSION=2.N` (digits and dots only; read once at
//! start-up, ignored in secure mode).

use core::ffi::c_char;
use core::sync::atomic::{AtomicPtr, Ordering::Relaxed};

/// The version reported when the user does not choose one.
pub const DEFAULT_VERSION: &core::ffi::CStr = c"2.41";

static VERSION: AtomicPtr<c_char> = AtomicPtr::new(DEFAULT_VERSION.as_ptr().cast_mut());

/// Whether `v` looks like a glibc version: `2.N` or `2.N.M`.
fn valid(v: &[u8]) -> bool {
    let mut parts = v.split(|&b| b == b'.');
    let all_digits = |p: &[u8]| !p.is_empty() && p.len() <= 4 && p.iter().all(u8::is_ascii_digit);
    let (Some(major), Some(minor)) = (parts.next(), parts.next()) else { return false };
    all_digits(major) && all_digits(minor) && parts.all(all_digits) && v.len() <= 16
}

/// Applies `GCOMPAT_GLIBC_VERSION`, from the start-up constructor.
pub fn init() {
    let Some(choice) = crate::abi::env::var(c"GCOMPAT_GLIBC_VERSION") else { return };
    if valid(choice.to_bytes()) {
        VERSION.store(choice.as_ptr().cast_mut(), Relaxed);
    } else {
        log::warn!("GCOMPAT_GLIBC_VERSION: not a glibc version, reporting {DEFAULT_VERSION:?}");
    }
}

/// `gnu_get_libc_version`: the glibc version this process runs on, as text.
///
/// # Safety
/// Always safe; the string is static.
///
/// # glibc differences
/// The shim reports the glibc it stands in for (see the module docs).
#[export]
pub unsafe extern "C" fn gnu_get_libc_version() -> *const c_char {
    VERSION.load(Relaxed)
}

/// `gnu_get_libc_release`: `"stable"` for a released glibc.
///
/// # Safety
/// Always safe; the string is static.
#[export]
pub unsafe extern "C" fn gnu_get_libc_release() -> *const c_char {
    c"stable".as_ptr()
}

#[cfg(test)]
mod tests {
    use super::valid;

    #[test]
    fn accepts_glibc_versions_only() {
        assert!(valid(b"2.17"));
        assert!(valid(b"2.41.9000"));
        assert!(!valid(b"2"));
        assert!(!valid(b"2."));
        assert!(!valid(b"2.x"));
        assert!(!valid(b"2.41 "));
        assert!(!valid(b"99999.1"));
    }
}
