//! glibc's static mutex initializers: `PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP`
//! and `PTHREAD_ERRORCHECK_MUTEX_INITIALIZER_NP`.
//!
//! A glibc-built program initializes such a mutex in its own data, by glibc's
//! layout: the kind (1 recursive, 2 error-checking, 3 adaptive) in
//! `__data.__kind`, bytes 16..20, every other byte 0. libstdc++'s
//! `std::recursive_mutex` is one (`__GTHREAD_RECURSIVE_MUTEX_INIT`), inline in
//! the program. musl keeps its type in bytes 0..4 and never touches bytes
//! 16..20 of a mutex on 64-bit targets (its fields there are `_m_type`,
//! `_m_lock`, `_m_waiters` at 0..12, `_m_count` at 20..24 and the robust list
//! pointers at 24..40), so to musl such a mutex is a normal one: a recursive
//! lock deadlocks and an error-checking one checks nothing.
//!
//! Every lock, trylock, timed lock and unlock that reaches the shim (any
//! caller's: the mutex may be shared with musl-built code) first looks at
//! those bytes: a musl type of 0 with a glibc kind of 1 or 2 becomes musl's
//! recursive or error-checking type, once, before musl's function runs. A
//! mutex musl initialized never has a nonzero kind there, so musl callers see
//! musl's behaviour, at the cost of one load. glibc's adaptive kind (3) is a
//! normal mutex that spins first; musl's normal one is left as it is.

use core::ffi::c_int;
use core::sync::atomic::{AtomicI32, Ordering};

use crate::musl_next;

type Mutex = libc::pthread_mutex_t;

musl_next!(fn musl_lock = "pthread_mutex_lock": unsafe extern "C" fn(*mut Mutex) -> c_int);
musl_next!(fn musl_trylock = "pthread_mutex_trylock": unsafe extern "C" fn(*mut Mutex) -> c_int);
musl_next!(fn musl_timedlock = "pthread_mutex_timedlock":
    unsafe extern "C" fn(*mut Mutex, *const libc::timespec) -> c_int);
musl_next!(fn musl_unlock = "pthread_mutex_unlock": unsafe extern "C" fn(*mut Mutex) -> c_int);

/// Byte offset of musl's `_m_type` and of glibc's `__data.__kind`.
const MUSL_TYPE: usize = 0;
const GLIBC_KIND: usize = 16;

/// Gives a mutex glibc statically initialized as recursive or
/// error-checking musl's type for it. Cheap when there is nothing to do.
///
/// # Safety
/// `m` points to a mutex (musl's 40 bytes, glibc's too).
#[inline]
pub unsafe fn adopt_static_kind(m: *mut Mutex) {
    // SAFETY: both words lie inside the 40-byte mutex and are 4-aligned;
    // another thread may adopt the same mutex, hence atomics.
    let (ty, kind) = unsafe {
        (
            AtomicI32::from_ptr(m.cast::<u8>().add(MUSL_TYPE).cast()),
            AtomicI32::from_ptr(m.cast::<u8>().add(GLIBC_KIND).cast()),
        )
    };
    let k = kind.load(Ordering::Relaxed);
    if k == 0 {
        return;
    }
    if matches!(k, 1 | 2) && ty.load(Ordering::Relaxed) == 0 {
        // Only a mutex still of musl's normal type; one thread wins, the
        // others see the type already set. glibc's kind values are musl's
        // PTHREAD_MUTEX_RECURSIVE and PTHREAD_MUTEX_ERRORCHECK.
        let _ = ty.compare_exchange(0, k, Ordering::AcqRel, Ordering::Relaxed);
    }
}

/// `pthread_mutex_lock`.
///
/// # Safety
/// As musl's `pthread_mutex_lock`.
#[export]
pub unsafe extern "C" fn pthread_mutex_lock(m: *mut Mutex) -> c_int {
    // SAFETY: as the caller promises.
    unsafe {
        adopt_static_kind(m);
        musl_lock()(m)
    }
}

/// `pthread_mutex_trylock`.
///
/// # Safety
/// As musl's `pthread_mutex_trylock`.
#[export]
pub unsafe extern "C" fn pthread_mutex_trylock(m: *mut Mutex) -> c_int {
    // SAFETY: as the caller promises.
    unsafe {
        adopt_static_kind(m);
        musl_trylock()(m)
    }
}

/// `pthread_mutex_timedlock`.
///
/// # Safety
/// As musl's `pthread_mutex_timedlock`.
#[export]
pub unsafe extern "C" fn pthread_mutex_timedlock(m: *mut Mutex, at: *const libc::timespec) -> c_int {
    // SAFETY: as the caller promises.
    unsafe {
        adopt_static_kind(m);
        musl_timedlock()(m, at)
    }
}

/// `pthread_mutex_unlock`: an error-checking mutex nobody locked yet
/// answers `EPERM`, as glibc's does.
///
/// # Safety
/// As musl's `pthread_mutex_unlock`.
#[export]
pub unsafe extern "C" fn pthread_mutex_unlock(m: *mut Mutex) -> c_int {
    // SAFETY: as the caller promises.
    unsafe {
        adopt_static_kind(m);
        musl_unlock()(m)
    }
}
