//! `<unistd.h>` names glibc has and musl lacks: the internal aliases
//! `__sysconf` and `__getpagesize` that glibc-built programs bind to, and
//! the GNU `group_member`; on aarch64 also `__getauxval`.

use core::ffi::{c_int, c_long};

/// `__sysconf`: `sysconf` under glibc's internal name (LSB: "`__sysconf` --
/// get configuration information at runtime", same as `sysconf`).
///
/// # Safety
/// None: any `name` is accepted.
#[export]
pub unsafe extern "C" fn __sysconf(name: c_int) -> c_long {
    // SAFETY: sysconf takes an integer.
    unsafe { libc::sysconf(name) }
}

/// `__getpagesize`: `getpagesize` under glibc's internal name.
///
/// # Safety
/// None.
#[export]
pub unsafe extern "C" fn __getpagesize() -> c_int {
    unsafe extern "C" {
        fn getpagesize() -> c_int;
    }
    // SAFETY: no arguments.
    unsafe { getpagesize() }
}

/// `group_member`: nonzero if `gid` is one of the supplementary group IDs
/// of the process (glibc `posix/group_member.c`, which looks at `getgroups`
/// only, not at the effective group ID).
///
/// # Safety
/// None: any `gid` is accepted.
#[export]
pub unsafe extern "C" fn group_member(gid: libc::gid_t) -> c_int {
    // The kernel's limit on supplementary groups (NGROUPS_MAX) is 65536;
    // ask for the count first and read them in chunks that fit the stack.
    // SAFETY: a zero size asks for the count only.
    let count = unsafe { libc::getgroups(0, core::ptr::null_mut()) };
    if count <= 0 {
        return 0;
    }
    let mut groups = [0 as libc::gid_t; 1024];
    if count as usize <= groups.len() {
        // SAFETY: the buffer holds `count` entries.
        let n = unsafe { libc::getgroups(count, groups.as_mut_ptr()) };
        return c_int::from(n > 0 && groups[..n as usize].contains(&gid));
    }
    // More groups than the stack buffer holds: a heap buffer.
    let bytes = count as usize * core::mem::size_of::<libc::gid_t>();
    // SAFETY: malloc of a nonzero size; checked for null below.
    let heap = unsafe { libc::malloc(bytes) } as *mut libc::gid_t;
    if heap.is_null() {
        return 0;
    }
    // SAFETY: the buffer holds `count` entries.
    let n = unsafe { libc::getgroups(count, heap) };
    let found = n > 0
        // SAFETY: getgroups wrote `n` entries.
        && unsafe { core::slice::from_raw_parts(heap, n as usize) }.contains(&gid);
    // SAFETY: our own allocation.
    unsafe { libc::free(heap.cast()) };
    c_int::from(found)
}

/// `__getauxval` (GLIBC_2.16; 2.17 on aarch64): `getauxval` under glibc's
/// internal name, which libgcc's outline-atomics start-up (`lse-init.o`,
/// linked into aarch64 glibc programs and into this shim) calls to ask for
/// LSE atomics.
/// musl exports only `getauxval`. Returns the entry's value, or 0 with
/// errno `ENOENT` when there is none, as both libcs do.
///
/// # Safety
/// None: any `item` is accepted.
#[export]
pub unsafe extern "C" fn __getauxval(item: core::ffi::c_ulong) -> core::ffi::c_ulong {
    // SAFETY: getauxval takes an integer.
    unsafe { libc::getauxval(item) }
}
