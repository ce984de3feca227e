//! glibc's `__pthread_*` names for POSIX thread functions, which musl does
//! not export. libstdc++ and libgcc (`gthr-posix.h`) reference some of them
//! weakly to tell whether the program is threaded, and old glibc-built
//! objects call them directly; each forwards unchanged to musl's function.
//! Also `__libpthread_version_placeholder`, glibc's empty function that
//! only carries libpthread's symbol versions.

use crate::abi::export::forward;
use core::ffi::{c_int, c_void};
use libc::{
    pthread_key_t, pthread_mutex_t, pthread_mutexattr_t, pthread_once_t, pthread_rwlock_t, pthread_rwlockattr_t,
};

type Destructor = Option<unsafe extern "C" fn(*mut c_void)>;
type OnceRoutine = Option<unsafe extern "C" fn()>;

// The POSIX functions the aliases forward to (musl's), declared here with
// their C types: the `libc` crate lacks some of them (`pthread_once`).
mod posix {
    use super::*;
    unsafe extern "C" {
        pub fn pthread_getspecific(key: pthread_key_t) -> *mut c_void;
        pub fn pthread_setspecific(key: pthread_key_t, value: *const c_void) -> c_int;
        pub fn pthread_key_create(key: *mut pthread_key_t, destructor: Destructor) -> c_int;
        pub fn pthread_once(once: *mut pthread_once_t, routine: OnceRoutine) -> c_int;
        pub fn pthread_mutex_init(m: *mut pthread_mutex_t, attr: *const pthread_mutexattr_t) -> c_int;
        pub fn pthread_mutex_destroy(m: *mut pthread_mutex_t) -> c_int;
        pub fn pthread_mutex_lock(m: *mut pthread_mutex_t) -> c_int;
        pub fn pthread_mutex_trylock(m: *mut pthread_mutex_t) -> c_int;
        pub fn pthread_mutex_unlock(m: *mut pthread_mutex_t) -> c_int;
        pub fn pthread_mutexattr_init(attr: *mut pthread_mutexattr_t) -> c_int;
        pub fn pthread_mutexattr_destroy(attr: *mut pthread_mutexattr_t) -> c_int;
        pub fn pthread_mutexattr_settype(attr: *mut pthread_mutexattr_t, kind: c_int) -> c_int;
        pub fn pthread_rwlock_init(rw: *mut pthread_rwlock_t, attr: *const pthread_rwlockattr_t) -> c_int;
        pub fn pthread_rwlock_destroy(rw: *mut pthread_rwlock_t) -> c_int;
        pub fn pthread_rwlock_rdlock(rw: *mut pthread_rwlock_t) -> c_int;
        pub fn pthread_rwlock_tryrdlock(rw: *mut pthread_rwlock_t) -> c_int;
        pub fn pthread_rwlock_wrlock(rw: *mut pthread_rwlock_t) -> c_int;
        pub fn pthread_rwlock_trywrlock(rw: *mut pthread_rwlock_t) -> c_int;
        pub fn pthread_rwlock_unlock(rw: *mut pthread_rwlock_t) -> c_int;
    }
}
forward! {
    /// `__pthread_getspecific`: `pthread_getspecific` (POSIX).
    #[export]
    pub unsafe extern "C" fn __pthread_getspecific(key: pthread_key_t) -> *mut c_void = posix::pthread_getspecific;
    /// `__pthread_setspecific`: `pthread_setspecific` (POSIX).
    #[export]
    pub unsafe extern "C" fn __pthread_setspecific(key: pthread_key_t, value: *const c_void) -> c_int = posix::pthread_setspecific;
    /// `__pthread_key_create`: `pthread_key_create` (POSIX; the name
    /// libstdc++'s `__gthread_active_p` looks for).
    #[export]
    pub unsafe extern "C" fn __pthread_key_create(key: *mut pthread_key_t, destructor: Destructor) -> c_int = posix::pthread_key_create;
    /// `__pthread_once`: `pthread_once` (POSIX).
    #[export]
    pub unsafe extern "C" fn __pthread_once(once: *mut pthread_once_t, routine: OnceRoutine) -> c_int = posix::pthread_once;
    /// `__pthread_mutex_init`: `pthread_mutex_init` (POSIX).
    #[export]
    pub unsafe extern "C" fn __pthread_mutex_init(m: *mut pthread_mutex_t, attr: *const pthread_mutexattr_t) -> c_int = posix::pthread_mutex_init;
    /// `__pthread_mutex_destroy`: `pthread_mutex_destroy` (POSIX).
    #[export]
    pub unsafe extern "C" fn __pthread_mutex_destroy(m: *mut pthread_mutex_t) -> c_int = posix::pthread_mutex_destroy;
    /// `__pthread_mutex_lock`: `pthread_mutex_lock` (POSIX).
    #[export]
    pub unsafe extern "C" fn __pthread_mutex_lock(m: *mut pthread_mutex_t) -> c_int = posix::pthread_mutex_lock;
    /// `__pthread_mutex_trylock`: `pthread_mutex_trylock` (POSIX).
    #[export]
    pub unsafe extern "C" fn __pthread_mutex_trylock(m: *mut pthread_mutex_t) -> c_int = posix::pthread_mutex_trylock;
    /// `__pthread_mutex_unlock`: `pthread_mutex_unlock` (POSIX).
    #[export]
    pub unsafe extern "C" fn __pthread_mutex_unlock(m: *mut pthread_mutex_t) -> c_int = posix::pthread_mutex_unlock;
    /// `__pthread_mutexattr_init`: `pthread_mutexattr_init` (POSIX).
    #[export]
    pub unsafe extern "C" fn __pthread_mutexattr_init(attr: *mut pthread_mutexattr_t) -> c_int = posix::pthread_mutexattr_init;
    /// `__pthread_mutexattr_destroy`: `pthread_mutexattr_destroy` (POSIX).
    #[export]
    pub unsafe extern "C" fn __pthread_mutexattr_destroy(attr: *mut pthread_mutexattr_t) -> c_int = posix::pthread_mutexattr_destroy;
    /// `__pthread_mutexattr_settype`: `pthread_mutexattr_settype` (POSIX).
    #[export]
    pub unsafe extern "C" fn __pthread_mutexattr_settype(attr: *mut pthread_mutexattr_t, kind: c_int) -> c_int = posix::pthread_mutexattr_settype;
    /// `__pthread_rwlock_init`: `pthread_rwlock_init` (POSIX).
    #[export]
    pub unsafe extern "C" fn __pthread_rwlock_init(rw: *mut pthread_rwlock_t, attr: *const pthread_rwlockattr_t) -> c_int = posix::pthread_rwlock_init;
    /// `__pthread_rwlock_destroy`: `pthread_rwlock_destroy` (POSIX).
    #[export]
    pub unsafe extern "C" fn __pthread_rwlock_destroy(rw: *mut pthread_rwlock_t) -> c_int = posix::pthread_rwlock_destroy;
    /// `__pthread_rwlock_rdlock`: `pthread_rwlock_rdlock` (POSIX).
    #[export]
    pub unsafe extern "C" fn __pthread_rwlock_rdlock(rw: *mut pthread_rwlock_t) -> c_int = posix::pthread_rwlock_rdlock;
    /// `__pthread_rwlock_tryrdlock`: `pthread_rwlock_tryrdlock` (POSIX).
    #[export]
    pub unsafe extern "C" fn __pthread_rwlock_tryrdlock(rw: *mut pthread_rwlock_t) -> c_int = posix::pthread_rwlock_tryrdlock;
    /// `__pthread_rwlock_wrlock`: `pthread_rwlock_wrlock` (POSIX).
    #[export]
    pub unsafe extern "C" fn __pthread_rwlock_wrlock(rw: *mut pthread_rwlock_t) -> c_int = posix::pthread_rwlock_wrlock;
    /// `__pthread_rwlock_trywrlock`: `pthread_rwlock_trywrlock` (POSIX).
    #[export]
    pub unsafe extern "C" fn __pthread_rwlock_trywrlock(rw: *mut pthread_rwlock_t) -> c_int = posix::pthread_rwlock_trywrlock;
    /// `__pthread_rwlock_unlock`: `pthread_rwlock_unlock` (POSIX).
    #[export]
    pub unsafe extern "C" fn __pthread_rwlock_unlock(rw: *mut pthread_rwlock_t) -> c_int = posix::pthread_rwlock_unlock;
}

/// `__libpthread_version_placeholder`: glibc's empty function that gives
/// libpthread's symbol versions a member (glibc 2.34 moved the thread
/// functions into libc). Does nothing.
///
/// # Safety
/// None.
#[export]
pub unsafe extern "C" fn __libpthread_version_placeholder() {}
