//! Thread creation: `pthread_create` and `thrd_create` start every thread
//! the way a glibc-built program expects to find it: the process marked
//! multi-threaded before the thread exists (`__libc_single_threaded`), and
//! the new thread's restartable-sequences area registered before its start
//! routine runs (`__rseq_offset`), as glibc's own thread start does. The
//! thread and its result are musl's, unchanged, for every caller.

use core::ffi::{c_int, c_void};

use crate::musl_next;

type StartRoutine = unsafe extern "C" fn(*mut c_void) -> *mut c_void;
type C11Start = unsafe extern "C" fn(*mut c_void) -> c_int;

musl_next!(fn musl_pthread_create = "pthread_create":
    unsafe extern "C" fn(*mut libc::pthread_t, *const libc::pthread_attr_t, StartRoutine, *mut c_void) -> c_int);
musl_next!(fn musl_thrd_create = "thrd_create":
    unsafe extern "C" fn(*mut libc::pthread_t, C11Start, *mut c_void) -> c_int);

/// What the new thread is to run, handed to its trampoline.
struct Start<F> {
    routine: F,
    arg: *mut c_void,
}

/// Boxes `start` in malloc'd memory, or `None` when memory is short (the
/// thread then starts unwrapped, with no rseq area: users see `cpu_id` -1).
fn boxed<F>(start: Start<F>) -> Option<*mut Start<F>> {
    // SAFETY: malloc has no preconditions.
    let p = unsafe { libc::malloc(core::mem::size_of::<Start<F>>()) }.cast::<Start<F>>();
    if p.is_null() {
        return None;
    }
    // SAFETY: fresh memory of the right size and alignment (malloc's).
    unsafe { p.write(start) };
    Some(p)
}

/// Takes the start back out of its box.
///
/// # Safety
/// `p` came from [`boxed`] and is taken once.
unsafe fn unbox<F>(p: *mut c_void) -> Start<F> {
    // SAFETY: as the caller promises.
    unsafe {
        let start = p.cast::<Start<F>>().read();
        libc::free(p);
        start
    }
}

unsafe extern "C" fn posix_trampoline(p: *mut c_void) -> *mut c_void {
    // SAFETY: `p` is the box pthread_create made for this thread.
    let start = unsafe { unbox::<StartRoutine>(p) };
    crate::rtld::register_rseq_thread();
    // SAFETY: the caller's start routine with its argument.
    unsafe { (start.routine)(start.arg) }
}

unsafe extern "C" fn c11_trampoline(p: *mut c_void) -> c_int {
    // SAFETY: `p` is the box thrd_create made for this thread.
    let start = unsafe { unbox::<C11Start>(p) };
    crate::rtld::register_rseq_thread();
    // SAFETY: the caller's start routine with its argument.
    unsafe { (start.routine)(start.arg) }
}

/// `pthread_create`.
///
/// # Safety
/// As musl's `pthread_create`.
// Not in host unit tests: it would replace glibc's own in the test process.
#[cfg_attr(not(test), unsafe(no_mangle))]
pub unsafe extern "C" fn pthread_create(
    thread: *mut libc::pthread_t,
    attr: *const libc::pthread_attr_t,
    routine: StartRoutine,
    arg: *mut c_void,
) -> c_int {
    crate::sys_single_threaded::mark_multi_threaded();
    let create = musl_pthread_create();
    let Some(start) = boxed(Start { routine, arg }) else {
        // SAFETY: forwarded unchanged.
        return unsafe { create(thread, attr, routine, arg) };
    };
    // SAFETY: the trampoline takes the box and runs the caller's routine.
    let rc = unsafe { create(thread, attr, posix_trampoline, start.cast()) };
    if rc != 0 {
        // SAFETY: no thread took the box.
        unsafe { libc::free(start.cast()) };
    }
    rc
}

/// `thrd_create` (C11).
///
/// # Safety
/// As musl's `thrd_create`.
// Not in host unit tests: it would replace glibc's own in the test process.
#[cfg_attr(not(test), unsafe(no_mangle))]
pub unsafe extern "C" fn thrd_create(thread: *mut libc::pthread_t, routine: C11Start, arg: *mut c_void) -> c_int {
    crate::sys_single_threaded::mark_multi_threaded();
    let create = musl_thrd_create();
    let Some(start) = boxed(Start { routine, arg }) else {
        // SAFETY: forwarded unchanged.
        return unsafe { create(thread, routine, arg) };
    };
    // SAFETY: as pthread_create.
    let rc = unsafe { create(thread, c11_trampoline, start.cast()) };
    if rc != 0 {
        // thrd_success is 0; no thread took the box.
        // SAFETY: as above.
        unsafe { libc::free(start.cast()) };
    }
    rc
}
