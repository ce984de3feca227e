//! `<unistd.h>` large-file names (`man 2 lseek`, `man 2 pread`).

use crate::abi::export::forward;
use core::ffi::{c_char, c_int, c_void};
use libc::{off_t, size_t, ssize_t};

forward! {
    /// `lseek64`: `lseek` (LFS; `man 2 lseek`). `llseek` is glibc's old
    /// name of it, kept for old binaries.
    #[export(alias = "llseek")]
    pub unsafe extern "C" fn lseek64(fd: c_int, off: off_t, whence: c_int) -> off_t = libc::lseek;
    /// `pread64`: `pread` (LFS; `man 2 pread`).
    #[export]
    pub unsafe extern "C" fn pread64(fd: c_int, buf: *mut c_void, n: size_t, off: off_t) -> ssize_t = libc::pread;
    /// `__pread64`: `pread` (glibc's internal-call name, exported).
    #[export]
    pub unsafe extern "C" fn __pread64(fd: c_int, buf: *mut c_void, n: size_t, off: off_t) -> ssize_t = libc::pread;
    /// `pwrite64`: `pwrite` (LFS; `man 2 pwrite`).
    #[export]
    pub unsafe extern "C" fn pwrite64(fd: c_int, buf: *const c_void, n: size_t, off: off_t) -> ssize_t = libc::pwrite;
    /// `__pwrite64`: `pwrite` (glibc's internal-call name, exported).
    #[export]
    pub unsafe extern "C" fn __pwrite64(fd: c_int, buf: *const c_void, n: size_t, off: off_t) -> ssize_t = libc::pwrite;
    /// `truncate64`: `truncate` (LFS; `man 2 truncate`).
    #[export]
    pub unsafe extern "C" fn truncate64(path: *const c_char, len: off_t) -> c_int = libc::truncate;
    /// `ftruncate64`: `ftruncate` (LFS; `man 2 ftruncate`).
    #[export]
    pub unsafe extern "C" fn ftruncate64(fd: c_int, len: off_t) -> c_int = libc::ftruncate;
    /// `lockf64`: `lockf` (LFS; `man 3 lockf`).
    #[export]
    pub unsafe extern "C" fn lockf64(fd: c_int, cmd: c_int, len: off_t) -> c_int = libc::lockf;
}
