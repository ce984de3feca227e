//! `<fcntl.h>` large-file names (`man 2 open`, `man 3 posix_fallocate`).
//! The variadic ones (`open64`, `__open64`, `openat64`, `fcntl64`) are C
//! fronts in `fcntl.c`; `fcntl64` reads its third argument as a full
//! pointer-sized value for every command, so `F_GETLK`'s `struct flock *`
//! and `F_SETFL`'s `int` both reach musl intact.

use crate::abi::export::forward;
use core::ffi::{c_char, c_int};
use libc::{mode_t, off_t};

forward! {
    /// `creat64`: `creat` (LFS; `man 2 creat`).
    #[export]
    pub unsafe extern "C" fn creat64(path: *const c_char, mode: mode_t) -> c_int = libc::creat;
    /// `posix_fadvise64`: `posix_fadvise` (LFS; `man 2 posix_fadvise`).
    #[export]
    pub unsafe extern "C" fn posix_fadvise64(fd: c_int, off: off_t, len: off_t, advice: c_int) -> c_int = libc::posix_fadvise;
    /// `posix_fallocate64`: `posix_fallocate` (LFS; `man 3 posix_fallocate`).
    #[export]
    pub unsafe extern "C" fn posix_fallocate64(fd: c_int, off: off_t, len: off_t) -> c_int = libc::posix_fallocate;
    /// `fallocate64`: `fallocate` (Linux; `man 2 fallocate`).
    #[export]
    pub unsafe extern "C" fn fallocate64(fd: c_int, mode: c_int, off: off_t, len: off_t) -> c_int = libc::fallocate;
}
