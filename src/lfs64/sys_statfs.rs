//! `<sys/statfs.h>` large-file names (`man 2 statfs`): `struct statfs64`
//! is `struct statfs` on x86_64 in both libcs.

use crate::abi::export::forward;
use core::ffi::{c_char, c_int};
use libc::statfs;

forward! {
    /// `statfs64`: `statfs` (Linux; `man 2 statfs`).
    #[export]
    pub unsafe extern "C" fn statfs64(path: *const c_char, buf: *mut statfs) -> c_int = libc::statfs;
    /// `fstatfs64`: `fstatfs` (Linux; `man 2 fstatfs`).
    #[export]
    pub unsafe extern "C" fn fstatfs64(fd: c_int, buf: *mut statfs) -> c_int = libc::fstatfs;
}
