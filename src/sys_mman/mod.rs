//! `<sys/mman.h>` calls glibc wraps and musl 1.2.5 does not: memory
//! protection keys (glibc 2.27), `process_madvise` and `process_mrelease`
//! (2.36), `mseal` (2.43). Each returns -1 with the kernel's errno on
//! failure, as glibc's wrappers do.

use core::ffi::{c_int, c_uint, c_ulong, c_void};
use libc::{iovec, size_t, ssize_t};

/// `pkey_alloc`: a new protection key with the initial `access_rights`
/// (pkeys(7)). `ENOSPC` or `EINVAL` where the processor or kernel has none.
///
/// # Safety
/// None: integers only.
#[export]
pub unsafe extern "C" fn pkey_alloc(flags: c_uint, access_rights: c_uint) -> c_int {
    // SAFETY: integer arguments; musl's syscall() sets errno.
    unsafe { libc::syscall(libc::SYS_pkey_alloc, flags, access_rights) as c_int }
}

/// `pkey_free`: frees protection key `key` (pkey_alloc(2)).
///
/// # Safety
/// Freeing a key still attached to pages is the caller's business.
#[export]
pub unsafe extern "C" fn pkey_free(key: c_int) -> c_int {
    // SAFETY: an integer argument.
    unsafe { libc::syscall(libc::SYS_pkey_free, key) as c_int }
}

/// `pkey_mprotect`: `mprotect` that also attaches protection key `pkey`;
/// key -1 is the `mprotect` system call, which glibc makes then (so it
/// works on kernels without keys) (pkey_mprotect(2)). Not musl's
/// `mprotect`, which rounds an unaligned `addr` down where the kernel
/// answers `EINVAL`.
///
/// # Safety
/// As `mprotect`: the pages are the caller's.
#[export]
pub unsafe extern "C" fn pkey_mprotect(addr: *mut c_void, len: size_t, prot: c_int, pkey: c_int) -> c_int {
    if pkey == -1 {
        // SAFETY: the caller's pages.
        return unsafe { libc::syscall(libc::SYS_mprotect, addr, len, prot) as c_int };
    }
    // SAFETY: the caller's pages.
    unsafe { libc::syscall(libc::SYS_pkey_mprotect, addr, len, prot, pkey) as c_int }
}

/// The access-rights bits a key may have (`PKEY_DISABLE_ACCESS`,
/// `PKEY_DISABLE_WRITE`): glibc refuses others in `pkey_set`.
#[cfg(target_arch = "x86_64")]
const PKEY_RIGHTS_MASK: c_uint = 3;
/// x86's PKRU register holds 16 keys, two bits each.
#[cfg(target_arch = "x86_64")]
const PKEY_COUNT: c_int = 16;

/// `pkey_get`: the access rights of `key` for this thread, read from the
/// PKRU register (pkeys(7)); `EINVAL` for a key outside 0..15. Without
/// protection keys the instruction faults (`SIGILL`), as glibc's does.
///
/// # Safety
/// None beyond the fault above.
#[cfg(target_arch = "x86_64")]
#[export]
pub unsafe extern "C" fn pkey_get(key: c_int) -> c_int {
    if !(0..PKEY_COUNT).contains(&key) {
        crate::abi::errno::set(libc::EINVAL);
        return -1;
    }
    ((read_pkru() >> (2 * key)) & PKEY_RIGHTS_MASK) as c_int
}

/// `pkey_set`: sets this thread's access rights of `key` in the PKRU
/// register (pkeys(7)); `EINVAL` for a key outside 0..15 or rights other
/// than `PKEY_DISABLE_ACCESS` and `PKEY_DISABLE_WRITE`.
///
/// # Safety
/// Taking away access the running code needs is the caller's business.
#[cfg(target_arch = "x86_64")]
#[export]
pub unsafe extern "C" fn pkey_set(key: c_int, rights: c_uint) -> c_int {
    if !(0..PKEY_COUNT).contains(&key) || rights & !PKEY_RIGHTS_MASK != 0 {
        crate::abi::errno::set(libc::EINVAL);
        return -1;
    }
    let shift = 2 * key as c_uint;
    let pkru = (read_pkru() & !(PKEY_RIGHTS_MASK << shift)) | (rights << shift);
    // SAFETY: WRPKRU with ECX = EDX = 0 sets PKRU and nothing else.
    unsafe { core::arch::asm!("wrpkru", in("eax") pkru, in("ecx") 0, in("edx") 0, options(nostack)) };
    0
}

#[cfg(target_arch = "x86_64")]
fn read_pkru() -> c_uint {
    let pkru: c_uint;
    // SAFETY: RDPKRU with ECX = 0 reads PKRU into EAX and zeroes EDX.
    unsafe { core::arch::asm!("rdpkru", in("ecx") 0, out("eax") pkru, out("edx") _, options(nostack, nomem)) };
    pkru
}

/// `pkey_get` where the shim has no register access for keys: `ENOSYS`,
/// glibc's answer on aarch64 before 2.41.
///
/// # Safety
/// None.
///
/// # glibc differences
/// glibc 2.41 reads aarch64's permission-overlay register (`POR_EL0`,
/// where the kernel enables it); not done here yet.
#[cfg(not(target_arch = "x86_64"))]
#[export]
pub unsafe extern "C" fn pkey_get(_key: c_int) -> c_int {
    crate::abi::errno::set(libc::ENOSYS);
    -1
}

/// `pkey_set` without register access for keys: `ENOSYS`, as `pkey_get`.
///
/// # Safety
/// None.
#[cfg(not(target_arch = "x86_64"))]
#[export]
pub unsafe extern "C" fn pkey_set(_key: c_int, _rights: c_uint) -> c_int {
    crate::abi::errno::set(libc::ENOSYS);
    -1
}

/// `process_madvise`: `madvise` advice for the ranges `iov` of another
/// process (process_madvise(2)). Returns the bytes advised.
///
/// # Safety
/// `iov` holds `n` readable entries.
#[export]
pub unsafe extern "C" fn process_madvise(
    pidfd: c_int,
    iov: *const iovec,
    n: size_t,
    advice: c_int,
    flags: c_uint,
) -> ssize_t {
    // SAFETY: the kernel reads the caller's vector.
    unsafe { libc::syscall(libc::SYS_process_madvise, pidfd, iov, n, advice, flags) as ssize_t }
}

/// `process_mrelease`: frees the memory of a dying process early
/// (process_mrelease(2)).
///
/// # Safety
/// None: integers only.
#[export]
pub unsafe extern "C" fn process_mrelease(pidfd: c_int, flags: c_uint) -> c_int {
    // SAFETY: integer arguments.
    unsafe { libc::syscall(libc::SYS_process_mrelease, pidfd, flags) as c_int }
}

/// `mseal`: seals the mappings in `addr..addr+len` against change
/// (mseal(2); glibc 2.43).
///
/// # Safety
/// Sealing memory the program later needs to unmap or change is the
/// caller's business.
#[export]
pub unsafe extern "C" fn mseal(addr: *mut c_void, len: size_t, flags: c_ulong) -> c_int {
    // SAFETY: the kernel checks the range.
    unsafe { libc::syscall(libc::SYS_mseal, addr, len, flags) as c_int }
}
