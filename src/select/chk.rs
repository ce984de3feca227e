//! `__fdelt_chk` (glibc `debug/fdelt_chk.c`): the index of a descriptor's
//! word in an `fd_set`, which `FD_SET`, `FD_CLR` and `FD_ISSET` call when
//! the descriptor is not a constant.

use crate::abi::fatal::fortify_fail;
use core::ffi::c_long;

/// Bits in one `fd_set` word (glibc's `__NFDBITS`).
const NFDBITS: c_long = 8 * core::mem::size_of::<c_long>() as c_long;

/// `__fdelt_chk`: `d / NFDBITS`; a descriptor outside `0..FD_SETSIZE` is
/// fatal with glibc's message.
///
/// # Safety
/// Always safe to call.
#[export]
pub unsafe extern "C" fn __fdelt_chk(d: c_long) -> c_long {
    if !(0..libc::FD_SETSIZE as c_long).contains(&d) {
        fortify_fail("bit out of range 0 - FD_SETSIZE on fd_set");
    }
    d / NFDBITS
}

/// `__fdelt_warn`: glibc's alias of `__fdelt_chk`, which its headers call
/// for a constant descriptor they already know to be out of range.
///
/// # Safety
/// Always safe to call.
#[export]
pub unsafe extern "C" fn __fdelt_warn(d: c_long) -> c_long {
    // SAFETY: no preconditions.
    unsafe { __fdelt_chk(d) }
}
