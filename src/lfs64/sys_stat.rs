//! `<sys/stat.h>` large-file names (`man 2 stat`): `struct stat64` is
//! `struct stat` on x86_64 in both libcs. glibc made these real functions
//! in 2.33 (before, its headers inlined them as `__xstat64` calls, which
//! `sys_stat/xstat.rs` has).

use crate::abi::export::forward;
use core::ffi::{c_char, c_int};
use libc::stat;

forward! {
    /// `stat64`: `stat` (LFS; `man 2 stat`).
    #[export]
    pub unsafe extern "C" fn stat64(path: *const c_char, buf: *mut stat) -> c_int = libc::stat;
    /// `fstat64`: `fstat` (LFS; `man 2 fstat`).
    #[export]
    pub unsafe extern "C" fn fstat64(fd: c_int, buf: *mut stat) -> c_int = libc::fstat;
    /// `lstat64`: `lstat` (LFS; `man 2 lstat`).
    #[export]
    pub unsafe extern "C" fn lstat64(path: *const c_char, buf: *mut stat) -> c_int = libc::lstat;
    /// `fstatat64`: `fstatat` (LFS; `man 2 fstatat`).
    #[export]
    pub unsafe extern "C" fn fstatat64(dirfd: c_int, path: *const c_char, buf: *mut stat, flags: c_int) -> c_int = libc::fstatat;
}
