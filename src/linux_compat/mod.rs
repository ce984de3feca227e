//! Linux system calls glibc keeps only for old binaries (compat symbols:
//! no program links to them today) and musl 1.2.5 lacks: `ustat`,
//! `uselib`, `sysctl`, the module calls of Linux 2.4, `nfsservctl` and
//! `bdflush`. The kernel has removed most of them: where this
//! architecture's table still has the number, the call is made (the kernel
//! answers, as under glibc); where it has none, `ENOSYS`, glibc's answer
//! there too.

use core::ffi::{c_char, c_int, c_long, c_void};
use libc::{dev_t, size_t};

/// The system call `nr` where the architecture has it, else -1 with
/// `ENOSYS`.
fn call(nr: Option<c_long>, args: [usize; 5]) -> c_long {
    match nr {
        // SAFETY: each caller passes the arguments its call takes, with the
        // caller's pointers; the kernel checks them.
        Some(nr) => unsafe { libc::syscall(nr, args[0], args[1], args[2], args[3], args[4]) },
        None => {
            crate::abi::errno::set(libc::ENOSYS);
            -1
        }
    }
}

#[cfg(target_arch = "x86_64")]
mod nr {
    use core::ffi::c_long;
    pub const USTAT: Option<c_long> = Some(libc::SYS_ustat);
    pub const USELIB: Option<c_long> = Some(libc::SYS_uselib);
    pub const SYSCTL: Option<c_long> = Some(libc::SYS__sysctl);
    pub const NFSSERVCTL: Option<c_long> = Some(libc::SYS_nfsservctl);
    /// x86_64's numbers of the 2.4 module calls (the `libc` crate lists
    /// them no more): the kernel answers `ENOSYS`, as it has since 2.6.
    pub const CREATE_MODULE: Option<c_long> = Some(174);
    pub const GET_KERNEL_SYMS: Option<c_long> = Some(177);
    pub const QUERY_MODULE: Option<c_long> = Some(178);
}

#[cfg(not(target_arch = "x86_64"))]
mod nr {
    use core::ffi::c_long;
    pub const USTAT: Option<c_long> = None;
    pub const USELIB: Option<c_long> = None;
    pub const SYSCTL: Option<c_long> = None;
    pub const NFSSERVCTL: Option<c_long> = None;
    pub const CREATE_MODULE: Option<c_long> = None;
    pub const GET_KERNEL_SYMS: Option<c_long> = None;
    pub const QUERY_MODULE: Option<c_long> = None;
}

/// `ustat`: free space of the file system on device `dev` (ustat(2);
/// glibc 2.28 made it compat). The kernel takes a 32-bit device number
/// (the same encoding as `dev_t`'s low half): glibc refuses a wider one
/// with `EINVAL`.
///
/// # Safety
/// `ubuf` is writable for a `struct ustat`.
#[export]
pub unsafe extern "C" fn ustat(dev: dev_t, ubuf: *mut c_void) -> c_int {
    let Ok(k_dev) = u32::try_from(dev) else {
        crate::abi::errno::set(libc::EINVAL);
        return -1;
    };
    call(nr::USTAT, [k_dev as usize, ubuf as usize, 0, 0, 0]) as c_int
}

/// `uselib`: loads a shared library the a.out way (uselib(2); removed
/// from Linux 6.x kernels, where it is `ENOSYS`).
///
/// # Safety
/// `library` is a C string.
#[export]
pub unsafe extern "C" fn uselib(library: *const c_char) -> c_int {
    call(nr::USELIB, [library as usize, 0, 0, 0, 0]) as c_int
}

/// The argument block of the `_sysctl` system call (sysctl(2)).
#[repr(C)]
struct SysctlArgs {
    name: *mut c_int,
    nlen: c_int,
    oldval: *mut c_void,
    oldlenp: *mut size_t,
    newval: *mut c_void,
    newlen: size_t,
    unused: [core::ffi::c_ulong; 4],
}

/// `sysctl`: reads or writes a kernel parameter by numeric path (sysctl(2);
/// glibc 2.32 made it compat; Linux 5.5 removed the call: `ENOSYS`).
///
/// # Safety
/// The pointers are null or valid for the lengths given, as the kernel
/// wants them.
// `__sysctl` is x86_64's only: glibc never defined it on aarch64.
#[cfg_attr(target_arch = "x86_64", export(alias = "__sysctl"))]
#[cfg_attr(not(target_arch = "x86_64"), export)]
pub unsafe extern "C" fn sysctl(
    name: *mut c_int,
    nlen: c_int,
    oldval: *mut c_void,
    oldlenp: *mut size_t,
    newval: *mut c_void,
    newlen: size_t,
) -> c_int {
    let mut args = SysctlArgs { name, nlen, oldval, oldlenp, newval, newlen, unused: [0; 4] };
    call(nr::SYSCTL, [&raw mut args as usize, 0, 0, 0, 0]) as c_int
}

/// `nfsservctl`: the NFS server's old control call (nfsservctl(2); gone
/// since Linux 3.1: `ENOSYS`).
///
/// # Safety
/// `argp` and `resp` are what the kernel wanted of them.
#[export]
pub unsafe extern "C" fn nfsservctl(cmd: c_int, argp: *mut c_void, resp: *mut c_void) -> c_long {
    call(nr::NFSSERVCTL, [cmd as usize, argp as usize, resp as usize, 0, 0])
}

/// `create_module`: Linux 2.4's module call (create_module(2); `ENOSYS`
/// since Linux 2.6). Returns the address, or -1 as a pointer.
///
/// # Safety
/// `name` is a C string.
#[export]
pub unsafe extern "C" fn create_module(name: *const c_char, size: size_t) -> *mut c_char {
    call(nr::CREATE_MODULE, [name as usize, size, 0, 0, 0]) as *mut c_char
}

/// `get_kernel_syms`: Linux 2.4's symbol table call (get_kernel_syms(2);
/// `ENOSYS` since Linux 2.6).
///
/// # Safety
/// `table` is null or writable for the table.
#[export]
pub unsafe extern "C" fn get_kernel_syms(table: *mut c_void) -> c_int {
    call(nr::GET_KERNEL_SYMS, [table as usize, 0, 0, 0, 0]) as c_int
}

/// `query_module`: Linux 2.4's module query (query_module(2); `ENOSYS`
/// since Linux 2.6).
///
/// # Safety
/// The pointers are what the kernel wanted of them.
#[export]
pub unsafe extern "C" fn query_module(
    name: *const c_char,
    which: c_int,
    buf: *mut c_void,
    bufsize: size_t,
    ret: *mut size_t,
) -> c_int {
    call(nr::QUERY_MODULE, [name as usize, which as usize, buf as usize, bufsize, ret as usize]) as c_int
}

/// `bdflush`: the buffer-flush daemon's call (bdflush(2)); no 64-bit
/// architecture ever had it, and glibc answers `ENOSYS` there.
///
/// # Safety
/// None.
#[export]
pub unsafe extern "C" fn bdflush(func: c_int, data: c_long) -> c_int {
    let _ = (func, data);
    call(None, [0; 5]) as c_int
}
