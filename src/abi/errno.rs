//! errno through musl's `__errno_location()`: the one thread-local errno that
//! musl and every caller share.

use core::ffi::c_int;

/// The calling thread's errno.
#[inline]
pub fn get() -> c_int {
    // SAFETY: __errno_location always returns a valid pointer to the calling
    // thread's errno.
    unsafe { *libc::__errno_location() }
}

/// Sets the calling thread's errno.
#[inline]
pub fn set(value: c_int) {
    // SAFETY: as in `get`.
    unsafe { *libc::__errno_location() = value }
}
