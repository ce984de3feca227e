//! `<stdio.h>` large-file names (`man 3 fopen`, `man 3 fseeko`):
//! `fpos64_t` is `fpos_t` (16 bytes, the offset first, in both libcs).

use crate::abi::export::forward;
use core::ffi::{c_char, c_int};
use libc::{FILE, fpos_t, off_t};

forward! {
    /// `fopen64`: `fopen` (LFS; `man 3 fopen`).
    #[export]
    pub unsafe extern "C" fn fopen64(path: *const c_char, mode: *const c_char) -> *mut FILE = libc::fopen;
    /// `freopen64`: `freopen` (LFS; `man 3 freopen`).
    #[export]
    pub unsafe extern "C" fn freopen64(path: *const c_char, mode: *const c_char, f: *mut FILE) -> *mut FILE = libc::freopen;
    /// `tmpfile64`: `tmpfile` (LFS; `man 3 tmpfile`).
    #[export]
    pub unsafe extern "C" fn tmpfile64() -> *mut FILE = libc::tmpfile;
    /// `fgetpos64`: `fgetpos` (LFS; `man 3 fgetpos`).
    #[export]
    pub unsafe extern "C" fn fgetpos64(f: *mut FILE, pos: *mut fpos_t) -> c_int = libc::fgetpos;
    /// `fsetpos64`: `fsetpos` (LFS; `man 3 fsetpos`).
    #[export]
    pub unsafe extern "C" fn fsetpos64(f: *mut FILE, pos: *const fpos_t) -> c_int = libc::fsetpos;
    /// `_IO_fgetpos64`: `fgetpos` (glibc's libio name, LSB).
    #[export]
    pub unsafe extern "C" fn _IO_fgetpos64(f: *mut FILE, pos: *mut fpos_t) -> c_int = libc::fgetpos;
    /// `_IO_fsetpos64`: `fsetpos` (glibc's libio name, LSB).
    #[export]
    pub unsafe extern "C" fn _IO_fsetpos64(f: *mut FILE, pos: *const fpos_t) -> c_int = libc::fsetpos;
    /// `fseeko64`: `fseeko` (LFS; `man 3 fseeko`).
    #[export]
    pub unsafe extern "C" fn fseeko64(f: *mut FILE, off: off_t, whence: c_int) -> c_int = libc::fseeko;
    /// `ftello64`: `ftello` (LFS; `man 3 ftello`).
    #[export]
    pub unsafe extern "C" fn ftello64(f: *mut FILE) -> off_t = libc::ftello;
}
