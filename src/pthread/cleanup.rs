//! Thread exit for glibc's C cancellation cleanup (cleanup.c): `pthread_exit`
//! and `thrd_exit` record the value the thread exits with, which
//! `__pthread_unwind_next` resumes the exit with after a glibc-registered
//! handler ran; then musl's, unchanged, for every caller.

use core::ffi::{c_int, c_void};

use crate::musl_next;

musl_next!(fn musl_pthread_exit = "pthread_exit": unsafe extern "C" fn(*mut c_void) -> !);
musl_next!(fn musl_thrd_exit = "thrd_exit": unsafe extern "C" fn(c_int) -> !);

unsafe extern "C" {
    fn __gcompat_note_thread_exit(value: *mut c_void);
}

/// `pthread_exit`.
///
/// # Safety
/// As musl's `pthread_exit`.
#[export]
pub unsafe extern "C" fn pthread_exit(value: *mut c_void) -> ! {
    // SAFETY: records a word in this thread's storage; then musl's exit.
    unsafe {
        __gcompat_note_thread_exit(value);
        musl_pthread_exit()(value)
    }
}

/// `thrd_exit` (C11): as `pthread_exit` with the result as a pointer, which
/// is musl's own `thrd_exit`.
///
/// # Safety
/// As musl's `thrd_exit`.
#[export]
pub unsafe extern "C" fn thrd_exit(result: c_int) -> ! {
    // SAFETY: as pthread_exit.
    unsafe {
        __gcompat_note_thread_exit(result as isize as *mut c_void);
        musl_thrd_exit()(result)
    }
}
