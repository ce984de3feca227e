//! glibc's mutex and read-write lock attribute extras musl lacks: the
//! read-write lock kind (`pthread_rwlockattr_setkind_np`), the mutex kind
//! and robustness under their old `_np` names, and the priority ceiling of
//! a mutex attribute. (Thread attributes are in attr.rs.)

use core::ffi::{c_int, c_uint};
use libc::{EINVAL, pthread_mutex_t, pthread_mutexattr_t, pthread_rwlockattr_t};

// musl's definitions (the `libc` crate declares them for some targets only).
unsafe extern "C" {
    fn pthread_mutexattr_settype(attr: *mut pthread_mutexattr_t, kind: c_int) -> c_int;
    fn pthread_mutexattr_gettype(attr: *const pthread_mutexattr_t, kind: *mut c_int) -> c_int;
    fn pthread_mutexattr_setrobust(attr: *mut pthread_mutexattr_t, robust: c_int) -> c_int;
    fn pthread_mutexattr_getrobust(attr: *const pthread_mutexattr_t, robust: *mut c_int) -> c_int;
    fn pthread_mutex_consistent(mutex: *mut pthread_mutex_t) -> c_int;
}

/// glibc's `PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP`, the largest kind.
const RWLOCK_KIND_MAX: c_int = 2;

/// musl's `pthread_rwlockattr_t` is `unsigned __attr[2]`: `__attr[0]` holds
/// the process-shared flag, `__attr[1]` is unused (zeroed by
/// `pthread_rwlockattr_init`, never read by `pthread_rwlock_init`). The
/// kind lives there.
///
/// # Safety
/// `attr` points to a read-write lock attribute.
unsafe fn rwlock_kind_slot(attr: *const pthread_rwlockattr_t) -> *mut c_uint {
    // SAFETY: 8 bytes, two unsigned ints (musl's layout, and glibc's size).
    unsafe { attr.cast::<c_uint>().cast_mut().add(1) }
}

/// `pthread_rwlockattr_setkind_np`: sets the reader/writer preference
/// (`PTHREAD_RWLOCK_PREFER_READER_NP` 0, `..._WRITER_NP` 1,
/// `..._WRITER_NONRECURSIVE_NP` 2). Returns 0, or `EINVAL` for another kind.
///
/// # Safety
/// `attr` is an initialized read-write lock attribute.
///
/// # glibc differences
/// The kind is kept and read back, but musl's read-write lock has no
/// preference to set: readers get in while a writer waits, which is
/// glibc's `PTHREAD_RWLOCK_PREFER_READER_NP` behaviour for every kind.
#[export]
pub unsafe extern "C" fn pthread_rwlockattr_setkind_np(attr: *mut pthread_rwlockattr_t, kind: c_int) -> c_int {
    if !(0..=RWLOCK_KIND_MAX).contains(&kind) {
        return EINVAL;
    }
    // SAFETY: the caller's attribute; the range check makes the cast exact.
    unsafe { rwlock_kind_slot(attr).write(kind as c_uint) };
    0
}

/// `pthread_rwlockattr_getkind_np`: the kind `pthread_rwlockattr_setkind_np`
/// set, `PTHREAD_RWLOCK_PREFER_READER_NP` (0) by default. Returns 0.
///
/// # Safety
/// `attr` is an initialized read-write lock attribute; `kind` is writable.
#[export]
pub unsafe extern "C" fn pthread_rwlockattr_getkind_np(attr: *const pthread_rwlockattr_t, kind: *mut c_int) -> c_int {
    // SAFETY: the caller's attribute and result.
    unsafe { *kind = rwlock_kind_slot(attr).read() as c_int };
    0
}

/// `pthread_mutexattr_setkind_np`: glibc's old name of
/// `pthread_mutexattr_settype`.
///
/// # Safety
/// As `pthread_mutexattr_settype`.
///
/// # glibc differences
/// `PTHREAD_MUTEX_ADAPTIVE_NP` (3) is `EINVAL`, as musl's
/// `pthread_mutexattr_settype` has it; glibc takes it (a mutex that spins a
/// while before sleeping, otherwise a normal one, which the default is).
#[export]
pub unsafe extern "C" fn pthread_mutexattr_setkind_np(attr: *mut pthread_mutexattr_t, kind: c_int) -> c_int {
    // SAFETY: forwarded unchanged.
    unsafe { pthread_mutexattr_settype(attr, kind) }
}

/// `pthread_mutexattr_getkind_np`: glibc's old name of
/// `pthread_mutexattr_gettype`.
///
/// # Safety
/// As `pthread_mutexattr_gettype`.
#[export]
pub unsafe extern "C" fn pthread_mutexattr_getkind_np(attr: *const pthread_mutexattr_t, kind: *mut c_int) -> c_int {
    // SAFETY: forwarded unchanged.
    unsafe { pthread_mutexattr_gettype(attr, kind) }
}

/// `pthread_mutexattr_setrobust_np`: glibc's pre-POSIX name of
/// `pthread_mutexattr_setrobust` (`PTHREAD_MUTEX_STALLED_NP` 0,
/// `PTHREAD_MUTEX_ROBUST_NP` 1, else `EINVAL`).
///
/// # Safety
/// As `pthread_mutexattr_setrobust`.
#[export]
pub unsafe extern "C" fn pthread_mutexattr_setrobust_np(attr: *mut pthread_mutexattr_t, robust: c_int) -> c_int {
    // SAFETY: forwarded unchanged.
    unsafe { pthread_mutexattr_setrobust(attr, robust) }
}

/// `pthread_mutexattr_getrobust_np`: glibc's pre-POSIX name of
/// `pthread_mutexattr_getrobust`.
///
/// # Safety
/// As `pthread_mutexattr_getrobust`.
#[export]
pub unsafe extern "C" fn pthread_mutexattr_getrobust_np(attr: *const pthread_mutexattr_t, robust: *mut c_int) -> c_int {
    // SAFETY: forwarded unchanged.
    unsafe { pthread_mutexattr_getrobust(attr, robust) }
}

/// `pthread_mutex_consistent_np`: glibc's pre-POSIX name of
/// `pthread_mutex_consistent`.
///
/// # Safety
/// As `pthread_mutex_consistent`.
#[export]
pub unsafe extern "C" fn pthread_mutex_consistent_np(mutex: *mut pthread_mutex_t) -> c_int {
    // SAFETY: forwarded unchanged.
    unsafe { pthread_mutex_consistent(mutex) }
}

/// Where the ceiling sits in the attribute word: glibc's own place
/// (`PTHREAD_MUTEXATTR_PRIO_CEILING_SHIFT`/`_MASK`). musl's
/// `pthread_mutexattr_t` is one `unsigned` of which musl uses bits 0-3 and
/// 7 (type, robust, priority inheritance, process-shared) and reads every
/// one through its own mask; `pthread_mutex_init` copies the word into the
/// mutex, where musl masks those bits too.
const CEILING_SHIFT: u32 = 12;
const CEILING_MASK: c_uint = 0x00ff_f000;

fn fifo_priorities() -> (c_int, c_int) {
    // SAFETY: no preconditions.
    unsafe { (libc::sched_get_priority_min(libc::SCHED_FIFO), libc::sched_get_priority_max(libc::SCHED_FIFO)) }
}

/// `pthread_mutexattr_setprioceiling`: sets the priority ceiling that
/// `PTHREAD_PRIO_PROTECT` mutexes made from the attribute would run at.
/// Returns 0, or `EINVAL` outside `SCHED_FIFO`'s priorities (1 to 99).
///
/// # Safety
/// `attr` is an initialized mutex attribute.
///
/// # glibc differences
/// musl has no priority-ceiling mutexes (`pthread_mutexattr_setprotocol`
/// refuses `PTHREAD_PRIO_PROTECT` with `ENOTSUP`): the ceiling is kept in
/// the attribute and read back, as glibc keeps it, and changes nothing else.
#[export]
pub unsafe extern "C" fn pthread_mutexattr_setprioceiling(attr: *mut pthread_mutexattr_t, ceiling: c_int) -> c_int {
    let (min, max) = fifo_priorities();
    if ceiling < min || ceiling > max || ceiling as c_uint & (CEILING_MASK >> CEILING_SHIFT) != ceiling as c_uint {
        return EINVAL;
    }
    let word = attr.cast::<c_uint>();
    // SAFETY: the caller's attribute, one unsigned int.
    unsafe { *word = (*word & !CEILING_MASK) | ((ceiling as c_uint) << CEILING_SHIFT) };
    0
}

/// `pthread_mutexattr_getprioceiling`: the ceiling
/// `pthread_mutexattr_setprioceiling` set, or, by default, `SCHED_FIFO`'s
/// lowest priority (as glibc answers). Returns 0.
///
/// # Safety
/// `attr` is an initialized mutex attribute; `ceiling` is writable.
#[export]
pub unsafe extern "C" fn pthread_mutexattr_getprioceiling(
    attr: *const pthread_mutexattr_t,
    ceiling: *mut c_int,
) -> c_int {
    // SAFETY: the caller's attribute, one unsigned int.
    let stored = ((unsafe { *attr.cast::<c_uint>() } & CEILING_MASK) >> CEILING_SHIFT) as c_int;
    let value = if stored == 0 { stored.max(fifo_priorities().0) } else { stored };
    // SAFETY: the caller's result.
    unsafe { *ceiling = value };
    0
}
