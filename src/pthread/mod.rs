//! `<pthread.h>`: thread creation with glibc's attribute extensions
//! (create.rs, attr.rs), glibc's static mutex kinds (mutex.rs), glibc's C
//! cancellation cleanup (cleanup.c, cleanup.rs), the clock waits
//! (clock.rs), mutex and read-write lock attribute extras (sync_attr.rs),
//! thread extras (thread_np.rs), glibc's `__pthread_*` names (aliases.rs),
//! and `__register_atfork`.

pub mod aliases;
pub mod attr;
pub mod cleanup;
pub mod clock;
pub mod create;
pub mod mutex;
pub mod sync_attr;
pub mod thread_np;

use core::ffi::{c_int, c_void};

type Handler = Option<unsafe extern "C" fn()>;

/// `__register_atfork`: what glibc's `pthread_atfork` expands to in objects
/// built against it (LSB 5.0 core, `__register_atfork`); the handlers run as
/// `pthread_atfork(3)` says. Returns 0, or `ENOMEM`.
///
/// # Safety
/// The handlers are null or functions safe to call around `fork`.
///
/// # glibc differences
/// glibc drops the handlers of a `dso_handle` when that object is
/// unloaded; musl never unloads an object, so the handle is not needed.
#[export]
pub unsafe extern "C" fn __register_atfork(
    prepare: Handler,
    parent: Handler,
    child: Handler,
    _dso_handle: *mut c_void,
) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { libc::pthread_atfork(prepare, parent, child) }
}
