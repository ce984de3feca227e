//! `<aio.h>` large-file names (glibc `rt/aio.h`; POSIX `aio_read`):
//! `struct aiocb64` is `struct aiocb` on x86_64 in both libcs (the public
//! fields at the same offsets, the same size).

use crate::abi::export::forward;
use core::ffi::c_int;
use libc::{aiocb, sigevent, ssize_t, timespec};

forward! {
    /// `aio_read64`: `aio_read` (POSIX; `man 3 aio_read`).
    #[export]
    pub unsafe extern "C" fn aio_read64(cb: *mut aiocb) -> c_int = libc::aio_read;
    /// `aio_write64`: `aio_write` (POSIX; `man 3 aio_write`).
    #[export]
    pub unsafe extern "C" fn aio_write64(cb: *mut aiocb) -> c_int = libc::aio_write;
    /// `aio_error64`: `aio_error` (POSIX; `man 3 aio_error`).
    #[export]
    pub unsafe extern "C" fn aio_error64(cb: *const aiocb) -> c_int = libc::aio_error;
    /// `aio_return64`: `aio_return` (POSIX; `man 3 aio_return`).
    #[export]
    pub unsafe extern "C" fn aio_return64(cb: *mut aiocb) -> ssize_t = libc::aio_return;
    /// `aio_cancel64`: `aio_cancel` (POSIX; `man 3 aio_cancel`).
    #[export]
    pub unsafe extern "C" fn aio_cancel64(fd: c_int, cb: *mut aiocb) -> c_int = libc::aio_cancel;
    /// `aio_fsync64`: `aio_fsync` (POSIX; `man 3 aio_fsync`).
    #[export]
    pub unsafe extern "C" fn aio_fsync64(op: c_int, cb: *mut aiocb) -> c_int = libc::aio_fsync;
    /// `aio_suspend64`: `aio_suspend` (POSIX; `man 3 aio_suspend`).
    #[export]
    pub unsafe extern "C" fn aio_suspend64(list: *const *const aiocb, n: c_int, timeout: *const timespec) -> c_int = libc::aio_suspend;
    /// `lio_listio64`: `lio_listio` (POSIX; `man 3 lio_listio`).
    #[export]
    pub unsafe extern "C" fn lio_listio64(mode: c_int, list: *const *mut aiocb, n: c_int, sev: *mut sigevent) -> c_int = libc::lio_listio;
}
