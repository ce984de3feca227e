//! `<sched.h>` calls glibc wraps and musl 1.2.5 does not: `getcpu`
//! (glibc 2.29), `sched_getattr` and `sched_setattr` (2.41), and glibc's
//! `__sched_*` names of the POSIX calls. Each is the system call and
//! returns -1 with the kernel's errno on failure, as glibc's wrappers do.

use core::ffi::{c_int, c_uint};
use libc::{pid_t, sched_attr, sched_param};

/// `sched_setattr`: sets the scheduling policy and attributes of thread
/// `tid` (0: the caller) (sched_setattr(2)).
///
/// # Safety
/// `attr` points to a readable `struct sched_attr` of `attr->size` bytes.
#[export]
pub unsafe extern "C" fn sched_setattr(tid: pid_t, attr: *mut sched_attr, flags: c_uint) -> c_int {
    // SAFETY: the kernel reads the caller's structure.
    unsafe { libc::syscall(libc::SYS_sched_setattr, tid, attr, flags) as c_int }
}

/// `sched_getattr`: the scheduling policy and attributes of thread `tid`
/// into `attr`, at most `size` bytes of it (sched_setattr(2)).
///
/// # Safety
/// `attr` is writable for `size` bytes.
#[export]
pub unsafe extern "C" fn sched_getattr(tid: pid_t, attr: *mut sched_attr, size: c_uint, flags: c_uint) -> c_int {
    // SAFETY: the kernel writes at most `size` bytes (caller's contract).
    unsafe { libc::syscall(libc::SYS_sched_getattr, tid, attr, size, flags) as c_int }
}

/// `getcpu`: the CPU and NUMA node the caller runs on, each stored when
/// its pointer is not null (getcpu(2)).
///
/// # Safety
/// `cpu` and `node` are null or writable.
#[export]
pub unsafe extern "C" fn getcpu(cpu: *mut c_uint, node: *mut c_uint) -> c_int {
    // SAFETY: the kernel writes through the caller's pointers; the third
    // argument (a cache) has been unused since Linux 2.6.24.
    unsafe { libc::syscall(libc::SYS_getcpu, cpu, node, core::ptr::null_mut::<u8>()) as c_int }
}

/// `__sched_getscheduler`: glibc's other name of `sched_getscheduler`:
/// the policy of process `pid` (0: the caller), with
/// `SCHED_RESET_ON_FORK` when set (sched_setscheduler(2)).
///
/// # Safety
/// None: an integer only.
///
/// # glibc differences
/// None; musl's `sched_getscheduler` is the one that differs (it answers
/// `ENOSYS` by design), which is why this is the system call.
#[export]
pub unsafe extern "C" fn __sched_getscheduler(pid: pid_t) -> c_int {
    // SAFETY: an integer argument; musl's syscall() sets errno.
    unsafe { libc::syscall(libc::SYS_sched_getscheduler, pid) as c_int }
}

/// `__sched_setscheduler`: glibc's other name of `sched_setscheduler`
/// (the system call: musl's answers `ENOSYS`) (sched_setscheduler(2)).
///
/// # Safety
/// `param` is readable.
#[export]
pub unsafe extern "C" fn __sched_setscheduler(pid: pid_t, policy: c_int, param: *const sched_param) -> c_int {
    // SAFETY: the kernel reads the caller's structure.
    unsafe { libc::syscall(libc::SYS_sched_setscheduler, pid, policy, param) as c_int }
}

/// `__sched_getparam`: glibc's other name of `sched_getparam` (the system
/// call: musl's answers `ENOSYS`) (sched_getparam(2)).
///
/// # Safety
/// `param` is writable.
#[export]
pub unsafe extern "C" fn __sched_getparam(pid: pid_t, param: *mut sched_param) -> c_int {
    // SAFETY: the kernel writes the caller's structure.
    unsafe { libc::syscall(libc::SYS_sched_getparam, pid, param) as c_int }
}

/// `__sched_get_priority_max`: glibc's other name of
/// `sched_get_priority_max` (sched_get_priority_max(2)).
///
/// # Safety
/// None: an integer only.
#[export]
pub unsafe extern "C" fn __sched_get_priority_max(policy: c_int) -> c_int {
    // SAFETY: an integer argument.
    unsafe { libc::syscall(libc::SYS_sched_get_priority_max, policy) as c_int }
}

/// `__sched_get_priority_min`: glibc's other name of
/// `sched_get_priority_min` (sched_get_priority_max(2)).
///
/// # Safety
/// None: an integer only.
#[export]
pub unsafe extern "C" fn __sched_get_priority_min(policy: c_int) -> c_int {
    // SAFETY: an integer argument.
    unsafe { libc::syscall(libc::SYS_sched_get_priority_min, policy) as c_int }
}

/// `__sched_yield`: glibc's other name of `sched_yield` (sched_yield(2)).
///
/// # Safety
/// None.
#[export]
pub unsafe extern "C" fn __sched_yield() -> c_int {
    // SAFETY: no arguments.
    unsafe { libc::syscall(libc::SYS_sched_yield) as c_int }
}
