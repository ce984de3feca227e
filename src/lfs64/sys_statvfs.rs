//! `<sys/statvfs.h>` large-file names (`man 3 statvfs`): `struct
//! statvfs64` is `struct statvfs` on x86_64 in both libcs.
//!
//! # glibc differences
//! Where musl copies the kernel's `statfs` flags into `f_flag` as they are,
//! glibc (`internal_statvfs.c`) drops `ST_VALID` (0x20), the kernel's "these
//! flags are valid" marker, which is no `ST_*` flag of the API. These
//! functions give glibc's value.

use core::ffi::{c_char, c_int};
use libc::statvfs;

/// The kernel's `ST_VALID` (`linux/statfs.h`).
const ST_VALID: libc::c_ulong = 0x0020;

/// `statvfs64`: `statvfs` (LFS; `man 3 statvfs`).
///
/// # Safety
/// As `statvfs`.
#[export]
pub unsafe extern "C" fn statvfs64(path: *const c_char, buf: *mut statvfs) -> c_int {
    // SAFETY: forwarded from the caller; `buf` is filled on success.
    unsafe {
        let r = libc::statvfs(path, buf);
        if r == 0 {
            (*buf).f_flag &= !ST_VALID;
        }
        r
    }
}

/// `fstatvfs64`: `fstatvfs` (LFS; `man 3 fstatvfs`).
///
/// # Safety
/// As `fstatvfs`.
#[export]
pub unsafe extern "C" fn fstatvfs64(fd: c_int, buf: *mut statvfs) -> c_int {
    // SAFETY: forwarded from the caller; `buf` is filled on success.
    unsafe {
        let r = libc::fstatvfs(fd, buf);
        if r == 0 {
            (*buf).f_flag &= !ST_VALID;
        }
        r
    }
}
