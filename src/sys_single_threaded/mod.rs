//! `<sys/single_threaded.h>`: `__libc_single_threaded` (glibc 2.32).
//!
//! libstdc++ reads it to skip atomic reference counts (`std::shared_ptr`)
//! while the process has one thread, so it must become 0 before a second
//! thread exists, and stay 0. A glibc-built program that names it gets a copy
//! relocation: the live byte is the program's, written through the dynamic
//! symbol (`rtld::live`), and the shim's own is written too for objects that
//! reach it directly.
//!
//! Every way musl starts a thread that can run user code passes through an
//! override, which clears the byte and hands the call to musl
//! unchanged: `pthread_create`, `thrd_create` (`src/pthread/create.rs`), `timer_create` and
//! `mq_notify` (a `SIGEV_THREAD` notification runs in a new thread), and the
//! `aio_*` requests (musl serves each from a thread that may run a
//! `SIGEV_THREAD` notification). musl-built callers see musl's functions with
//! one extra load (the byte is cleared once).

use core::ffi::{c_char, c_int};
use core::sync::atomic::{AtomicBool, Ordering::Relaxed};

use crate::musl_next;

/// 1 while the process is single-threaded, 0 from the first thread on.
#[unsafe(no_mangle)]
pub static mut __libc_single_threaded: c_char = 1;

static MULTI: AtomicBool = AtomicBool::new(false);

/// Marks the process multi-threaded, before the caller starts a thread.
#[inline]
pub fn mark_multi_threaded() {
    if MULTI.load(Relaxed) {
        return;
    }
    let own = &raw mut __libc_single_threaded;
    let live = crate::rtld::live(c"__libc_single_threaded", own);
    // SAFETY: byte stores into the live variable and the shim's own; no other
    // thread exists yet the first time (later callers store the same 0).
    unsafe {
        live.write_volatile(0);
        own.write_volatile(0);
    }
    MULTI.store(true, Relaxed);
}

musl_next!(fn musl_timer_create = "timer_create":
    unsafe extern "C" fn(libc::clockid_t, *mut libc::sigevent, *mut libc::timer_t) -> c_int);
musl_next!(fn musl_mq_notify = "mq_notify": unsafe extern "C" fn(libc::mqd_t, *const libc::sigevent) -> c_int);
musl_next!(fn musl_aio_read = "aio_read": unsafe extern "C" fn(*mut libc::aiocb) -> c_int);
musl_next!(fn musl_aio_write = "aio_write": unsafe extern "C" fn(*mut libc::aiocb) -> c_int);
musl_next!(fn musl_aio_fsync = "aio_fsync": unsafe extern "C" fn(c_int, *mut libc::aiocb) -> c_int);
musl_next!(fn musl_lio_listio = "lio_listio":
    unsafe extern "C" fn(c_int, *const *mut libc::aiocb, c_int, *mut libc::sigevent) -> c_int);

/// Whether a notification starts a thread.
fn notifies_by_thread(sev: *const libc::sigevent) -> bool {
    // SAFETY: a non-null sigevent is readable, as for musl.
    !sev.is_null() && unsafe { (*sev).sigev_notify } == libc::SIGEV_THREAD
}

/// `timer_create`; a `SIGEV_THREAD` timer runs its function in a new thread.
///
/// # Safety
/// As musl's `timer_create`.
// Not in host unit tests: it would replace glibc's own in the test process.
#[cfg_attr(not(test), unsafe(no_mangle))]
pub unsafe extern "C" fn timer_create(clock: libc::clockid_t, sev: *mut libc::sigevent, timer: *mut libc::timer_t) -> c_int {
    if notifies_by_thread(sev) {
        mark_multi_threaded();
    }
    // SAFETY: forwarded unchanged.
    unsafe { musl_timer_create()(clock, sev, timer) }
}

/// `mq_notify`; a `SIGEV_THREAD` notification runs in a new thread.
///
/// # Safety
/// As musl's `mq_notify`.
// Not in host unit tests: it would replace glibc's own in the test process.
#[cfg_attr(not(test), unsafe(no_mangle))]
pub unsafe extern "C" fn mq_notify(mq: libc::mqd_t, sev: *const libc::sigevent) -> c_int {
    if notifies_by_thread(sev) {
        mark_multi_threaded();
    }
    // SAFETY: forwarded unchanged.
    unsafe { musl_mq_notify()(mq, sev) }
}

/// `aio_read`: musl serves the request from a new thread.
///
/// # Safety
/// As musl's `aio_read`.
// Not in host unit tests: it would replace glibc's own in the test process.
#[cfg_attr(not(test), unsafe(no_mangle))]
pub unsafe extern "C" fn aio_read(cb: *mut libc::aiocb) -> c_int {
    mark_multi_threaded();
    // SAFETY: forwarded unchanged.
    unsafe { musl_aio_read()(cb) }
}

/// `aio_write`: musl serves the request from a new thread.
///
/// # Safety
/// As musl's `aio_write`.
// Not in host unit tests: it would replace glibc's own in the test process.
#[cfg_attr(not(test), unsafe(no_mangle))]
pub unsafe extern "C" fn aio_write(cb: *mut libc::aiocb) -> c_int {
    mark_multi_threaded();
    // SAFETY: forwarded unchanged.
    unsafe { musl_aio_write()(cb) }
}

/// `aio_fsync`: musl serves the request from a new thread.
///
/// # Safety
/// As musl's `aio_fsync`.
// Not in host unit tests: it would replace glibc's own in the test process.
#[cfg_attr(not(test), unsafe(no_mangle))]
pub unsafe extern "C" fn aio_fsync(op: c_int, cb: *mut libc::aiocb) -> c_int {
    mark_multi_threaded();
    // SAFETY: forwarded unchanged.
    unsafe { musl_aio_fsync()(op, cb) }
}

/// `lio_listio`: musl serves each request from a new thread.
///
/// # Safety
/// As musl's `lio_listio`.
// Not in host unit tests: it would replace glibc's own in the test process.
#[cfg_attr(not(test), unsafe(no_mangle))]
pub unsafe extern "C" fn lio_listio(
    mode: c_int,
    list: *const *mut libc::aiocb,
    count: c_int,
    sev: *mut libc::sigevent,
) -> c_int {
    mark_multi_threaded();
    // SAFETY: forwarded unchanged.
    unsafe { musl_lio_listio()(mode, list, count, sev) }
}
