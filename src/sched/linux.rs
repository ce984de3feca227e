//! `<sched.h>` calls glibc wraps and musl 1.2.5 does not: `getcpu`
//! (glibc 2.29), `sched_getattr` and `sched_setattr` (2.41). Each returns
//! -1 with the kernel's errno on failure, as glibc's wrappers do.

use core::ffi::{c_int, c_uint};
use libc::{pid_t, sched_attr};

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
