//! `<sys/uio.h>` large-file names (`man 2 preadv`).
//!
//! `preadv64v2`/`pwritev64v2` are the `preadv2` system calls made directly:
//! musl added `preadv2` only in 1.2.5, and the shim must load on older musl.
//! As in glibc, flags 0 means plain `preadv`/`pwritev` (an offset of -1
//! then means the current position, which only the system call knows), so
//! the system call is made whatever the flags.

use crate::abi::export::forward;
use core::ffi::c_int;
use libc::{iovec, off_t, ssize_t};

forward! {
    /// `preadv64`: `preadv` (LFS; `man 2 preadv`).
    #[export]
    pub unsafe extern "C" fn preadv64(fd: c_int, iov: *const iovec, n: c_int, off: off_t) -> ssize_t = libc::preadv;
    /// `pwritev64`: `pwritev` (LFS; `man 2 pwritev`).
    #[export]
    pub unsafe extern "C" fn pwritev64(fd: c_int, iov: *const iovec, n: c_int, off: off_t) -> ssize_t = libc::pwritev;
}

/// The `preadv2`/`pwritev2` system call. The offset goes as two longs,
/// low and high, as musl and glibc pass it (a 64-bit kernel uses the low).
/// Where the system call is missing (ENOSYS: a kernel before 4.6, or
/// qemu-user), glibc does the plain call for flags 0 (`readv`/`writev` at
/// offset -1, else `preadv`/`pwritev`) and fails with ENOTSUP for others;
/// so does this.
///
/// # Safety
/// As `preadv2`.
unsafe fn v2(write: bool, fd: c_int, iov: *const iovec, n: c_int, off: off_t, flags: c_int) -> ssize_t {
    let nr = if write { libc::SYS_pwritev2 } else { libc::SYS_preadv2 };
    // SAFETY: the caller's contract is the system call's.
    let r = unsafe { libc::syscall(nr, fd, iov, n, off, off >> 32, flags) as ssize_t };
    if r >= 0 || crate::abi::errno::get() != libc::ENOSYS {
        return r;
    }
    if flags != 0 {
        crate::abi::errno::set(libc::ENOTSUP);
        return -1;
    }
    // SAFETY: as above; the same arguments, without flags.
    unsafe {
        match (write, off) {
            // The system call itself: no new import for the shim.
            (false, -1) => libc::syscall(libc::SYS_readv, fd, iov, n) as ssize_t,
            (true, -1) => libc::writev(fd, iov, n),
            (false, _) => libc::preadv(fd, iov, n, off),
            (true, _) => libc::pwritev(fd, iov, n, off),
        }
    }
}

/// `preadv64v2`: `preadv2` (Linux 4.6; `man 2 preadv2`).
///
/// # Safety
/// As `preadv2`.
#[export]
pub unsafe extern "C" fn preadv64v2(fd: c_int, iov: *const iovec, n: c_int, off: off_t, flags: c_int) -> ssize_t {
    // SAFETY: forwarded from the caller.
    unsafe { v2(false, fd, iov, n, off, flags) }
}

/// `pwritev64v2`: `pwritev2` (Linux 4.6; `man 2 pwritev2`).
///
/// # Safety
/// As `pwritev2`.
#[export]
pub unsafe extern "C" fn pwritev64v2(fd: c_int, iov: *const iovec, n: c_int, off: off_t, flags: c_int) -> ssize_t {
    // SAFETY: forwarded from the caller.
    unsafe { v2(true, fd, iov, n, off, flags) }
}
