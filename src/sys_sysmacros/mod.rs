//! `<sys/sysmacros.h>`: glibc's out-of-line device number functions
//! `gnu_dev_major`, `gnu_dev_minor`, `gnu_dev_makedev` (glibc 2.3.3), which
//! glibc's `major`/`minor`/`makedev` macros call. musl has only macros.
//! The encoding is Linux's 64-bit `dev_t`: major in bits 8..20 and 32..64,
//! minor in bits 0..8 and 20..32.

use core::ffi::c_uint;

/// `gnu_dev_major`: the major number of `dev` (makedev(3)).
///
/// # Safety
/// None: any `dev` is accepted.
#[export]
pub unsafe extern "C" fn gnu_dev_major(dev: u64) -> c_uint {
    (((dev >> 32) & 0xffff_f000) | ((dev >> 8) & 0x0000_0fff)) as c_uint
}

/// `gnu_dev_minor`: the minor number of `dev` (makedev(3)).
///
/// # Safety
/// None: any `dev` is accepted.
#[export]
pub unsafe extern "C" fn gnu_dev_minor(dev: u64) -> c_uint {
    (((dev >> 12) & 0xffff_ff00) | (dev & 0x0000_00ff)) as c_uint
}

/// `gnu_dev_makedev`: the device number of `major` and `minor` (makedev(3)).
///
/// # Safety
/// None: any numbers are accepted.
#[export]
pub unsafe extern "C" fn gnu_dev_makedev(major: c_uint, minor: c_uint) -> u64 {
    let (major, minor) = (u64::from(major), u64::from(minor));
    ((major & 0x0000_0fff) << 8) | ((major & 0xffff_f000) << 32) | (minor & 0x0000_00ff) | ((minor & 0xffff_ff00) << 12)
}
