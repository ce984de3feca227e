//! `<string.h>`: GNU extensions musl lacks, glibc's errno texts, and the
//! fortified entry points (`chk`).

pub mod basename;
pub mod chk;
pub mod errlist;
pub mod gnu;
pub mod strerror;

use core::ffi::{c_int, c_void};

/// `rawmemchr`: find `c` in `s`, which is known to contain it (GNU; glibc
/// manual "Search Functions").
///
/// # Safety
/// `s` must point to memory that contains the byte `c` before its end.
#[export]
pub unsafe extern "C" fn rawmemchr(s: *const c_void, c: c_int) -> *mut c_void {
    // musl's memchr reads whole aligned words at most, so an unbounded length
    // never reads past the page the byte is found in.
    // SAFETY: the caller guarantees that `c` occurs in `s`.
    unsafe { libc::memchr(s, c, usize::MAX) }
}
