//! `<sys/resource.h>` large-file names (`man 2 getrlimit`): `rlim64_t` is
//! `rlim_t`, 64-bit, with the same `RLIM_INFINITY`.

use crate::abi::export::forward;
use libc::{pid_t, rlimit};

/// glibc's `__rlimit_resource_t`: an int-sized enum; the `libc` crate says
/// `c_int` for musl and `u32` for the host's glibc (unit-test builds).
#[cfg(not(target_env = "gnu"))]
type Resource = core::ffi::c_int;
#[cfg(target_env = "gnu")]
type Resource = libc::__rlimit_resource_t;

forward! {
    /// `getrlimit64`: `getrlimit` (LFS; `man 2 getrlimit`).
    #[export]
    pub unsafe extern "C" fn getrlimit64(resource: Resource, rlim: *mut rlimit) -> core::ffi::c_int = libc::getrlimit;
    /// `setrlimit64`: `setrlimit` (LFS; `man 2 setrlimit`).
    #[export]
    pub unsafe extern "C" fn setrlimit64(resource: Resource, rlim: *const rlimit) -> core::ffi::c_int = libc::setrlimit;
    /// `prlimit64`: `prlimit` (Linux; `man 2 prlimit`).
    #[export]
    pub unsafe extern "C" fn prlimit64(pid: pid_t, resource: Resource, new: *const rlimit, old: *mut rlimit) -> core::ffi::c_int = libc::prlimit;
}
