//! `<sys/sendfile.h>` large-file name (`man 2 sendfile`).

use crate::abi::export::forward;
use core::ffi::c_int;
use libc::{off_t, size_t, ssize_t};

forward! {
    /// `sendfile64`: `sendfile` (Linux; `man 2 sendfile`).
    #[export]
    pub unsafe extern "C" fn sendfile64(out_fd: c_int, in_fd: c_int, offset: *mut off_t, count: size_t) -> ssize_t = libc::sendfile;
}
