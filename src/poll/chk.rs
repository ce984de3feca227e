//! Fortified `poll` and `ppoll` (glibc `debug/poll_chk.c`,
//! `debug/ppoll_chk.c`): `nfds` entries must fit the array's `fdslen` bytes.

use crate::abi::{fatal::buffer_overflow, musl};
use core::ffi::c_int;
use libc::{nfds_t, pollfd, sigset_t, size_t, timespec};

/// glibc's rule: `fdslen / sizeof (struct pollfd) < nfds` is an overflow.
fn fits(nfds: nfds_t, fdslen: size_t) {
    if ((fdslen / core::mem::size_of::<pollfd>()) as nfds_t) < nfds {
        buffer_overflow();
    }
}

/// `__poll_chk`: `poll` of `nfds` entries of an array of `fdslen` bytes.
///
/// # Safety
/// As `poll`.
#[export]
pub unsafe extern "C" fn __poll_chk(fds: *mut pollfd, nfds: nfds_t, timeout: c_int, fdslen: size_t) -> c_int {
    fits(nfds, fdslen);
    // SAFETY: forwarded from the caller; the entries fit the array.
    unsafe { libc::poll(fds, nfds, timeout) }
}

/// `__ppoll_chk`: `ppoll` with `__poll_chk`'s rule (glibc's and musl's
/// `sigset_t` are both 128 bytes).
///
/// # Safety
/// As `ppoll`.
#[export]
pub unsafe extern "C" fn __ppoll_chk(
    fds: *mut pollfd,
    nfds: nfds_t,
    timeout: *const timespec,
    ss: *const sigset_t,
    fdslen: size_t,
) -> c_int {
    fits(nfds, fdslen);
    // SAFETY: forwarded from the caller; the entries fit the array.
    unsafe { musl::ppoll(fds, nfds, timeout, ss) }
}
