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
//! override in the module of its own header, which calls
//! [`mark_multi_threaded`] (or [`mark_if_notified_by_thread`]) and hands
//! the call to musl unchanged: `pthread_create`, `thrd_create`
//! (`src/pthread/create.rs`), `timer_create` (`src/time/`) and `mq_notify`
//! (`src/mqueue/`), whose `SIGEV_THREAD` notification runs in a new thread,
//! and the `aio_*` requests (`src/aio/`; musl serves each from a thread that
//! may run a `SIGEV_THREAD` notification). musl-built callers see musl's
//! functions with one extra load (the byte is cleared once).

use core::ffi::c_char;
use core::sync::atomic::{AtomicBool, Ordering::Relaxed};

/// 1 while the process is single-threaded, 0 from the first thread on.
#[export]
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

/// Marks the process multi-threaded if `sev` asks for a `SIGEV_THREAD`
/// notification, which musl runs in a new thread (`timer_create`,
/// `mq_notify`).
///
/// # Safety
/// `sev` is null or points to a readable `struct sigevent`, as the calls
/// that take it require.
#[inline]
pub unsafe fn mark_if_notified_by_thread(sev: *const libc::sigevent) {
    // SAFETY: a non-null sigevent is readable (the caller's contract).
    if !sev.is_null() && unsafe { (*sev).sigev_notify } == libc::SIGEV_THREAD {
        mark_multi_threaded();
    }
}
