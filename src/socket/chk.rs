//! Fortified `recv` and `recvfrom` (glibc `debug/recv_chk.c`,
//! `debug/recvfrom_chk.c`): `len` must not exceed the buffer's `buflen`.

use crate::abi::{fatal::buffer_overflow, musl};
use core::ffi::{c_int, c_void};
use libc::{size_t, sockaddr, socklen_t, ssize_t};

/// `__recv_chk`: `recv` of up to `len` bytes into a buffer of `buflen`.
///
/// # Safety
/// As `recv`.
#[export]
pub unsafe extern "C" fn __recv_chk(fd: c_int, buf: *mut c_void, len: size_t, buflen: size_t, flags: c_int) -> ssize_t {
    if len > buflen {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `len` bytes fit the buffer.
    unsafe { libc::recv(fd, buf, len, flags) }
}

/// `__recvfrom_chk`: `recvfrom` with `__recv_chk`'s rule.
///
/// # Safety
/// As `recvfrom`.
#[export]
pub unsafe extern "C" fn __recvfrom_chk(
    fd: c_int,
    buf: *mut c_void,
    len: size_t,
    buflen: size_t,
    flags: c_int,
    addr: *mut sockaddr,
    addrlen: *mut socklen_t,
) -> ssize_t {
    if len > buflen {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `len` bytes fit the buffer.
    unsafe { musl::recvfrom(fd, buf, len, flags, addr, addrlen) }
}
