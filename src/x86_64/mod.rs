//! System calls glibc exports on x86_64 only and musl 1.2.5 does not:
//! `__arch_prctl` (glibc's other name of `arch_prctl`, which musl has) and
//! `modify_ldt`. Each returns -1 with the kernel's errno on failure.

use core::ffi::{c_int, c_ulong, c_void};

/// `__arch_prctl`: `arch_prctl(code, addr)`, the thread's FS/GS bases and
/// CPUID faulting (arch_prctl(2)).
///
/// # Safety
/// For the `ARCH_GET_*` codes `addr` is a writable `unsigned long`;
/// changing the FS base takes the thread's libc state with it.
#[export]
pub unsafe extern "C" fn __arch_prctl(code: c_int, addr: c_ulong) -> c_int {
    // SAFETY: the caller's contract; musl's syscall() sets errno.
    unsafe { libc::syscall(libc::SYS_arch_prctl, code, addr) as c_int }
}

/// `modify_ldt`: reads (`func` 0, 2) or writes (1, 0x11) the process's
/// local descriptor table (modify_ldt(2)). Returns the bytes read or 0.
/// The kernel's result is 32 bits wide, so an error comes back as a
/// negative number with errno untouched, as from glibc (modify_ldt(2),
/// "BUGS").
///
/// # Safety
/// `ptr` is readable or writable for `bytecount` bytes, as `func` wants.
#[export]
pub unsafe extern "C" fn modify_ldt(func: c_int, ptr: *mut c_void, bytecount: c_ulong) -> c_int {
    // SAFETY: the kernel reads or writes the caller's buffer.
    unsafe { libc::syscall(libc::SYS_modify_ldt, func, ptr, bytecount) as c_int }
}
