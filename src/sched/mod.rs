//! `<sched.h>` internals behind glibc's `CPU_ALLOC`/`CPU_FREE` macros:
//! `__sched_cpualloc`, `__sched_cpufree` (musl's macros call malloc/free
//! directly; its `__sched_cpucount` already matches glibc's).

pub mod linux;

use core::ffi::c_void;
use libc::size_t;

/// `CPU_ALLOC_SIZE(count)`: whole `unsigned long` words, as glibc sizes them.
pub fn cpu_alloc_size(count: size_t) -> Option<size_t> {
    let word = core::mem::size_of::<core::ffi::c_ulong>();
    Some(count.checked_add(8 * word - 1)? / (8 * word) * word)
}

/// `__sched_cpualloc`: what `CPU_ALLOC(count)` calls: an uninitialized CPU
/// set for `count` CPUs, or null (CPU_SET(3)).
///
/// # Safety
/// None.
#[export]
pub unsafe extern "C" fn __sched_cpualloc(count: size_t) -> *mut c_void {
    let Some(size) = cpu_alloc_size(count) else {
        crate::abi::errno::set(libc::ENOMEM);
        return core::ptr::null_mut();
    };
    // SAFETY: malloc takes any size.
    unsafe { libc::malloc(size) }
}

/// `__sched_cpufree`: what `CPU_FREE(set)` calls (CPU_SET(3)).
///
/// # Safety
/// `set` is null or came from `__sched_cpualloc`.
#[export]
pub unsafe extern "C" fn __sched_cpufree(set: *mut c_void) {
    // SAFETY: allocated by malloc (caller).
    unsafe { libc::free(set) }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sizes_are_whole_words() {
        assert_eq!(super::cpu_alloc_size(1), Some(8));
        assert_eq!(super::cpu_alloc_size(64), Some(8));
        assert_eq!(super::cpu_alloc_size(65), Some(16));
        assert_eq!(super::cpu_alloc_size(0), Some(0));
    }
}
