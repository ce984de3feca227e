//! The shim's start-up constructor and the environment it reads.

use core::ffi::CStr;

/// An environment variable, unless the process is in secure mode (setuid,
/// setgid, file capabilities): there the environment chooses nothing.
pub fn env(name: &CStr) -> Option<&'static CStr> {
    // SAFETY: getauxval has no preconditions.
    if unsafe { libc::getauxval(libc::AT_SECURE) } != 0 {
        return None;
    }
    // SAFETY: `name` is NUL-terminated; getenv returns null or a pointer into
    // the environment block, which lives as long as the process unless the
    // program edits that variable (the shim reads it only at start-up).
    let value = unsafe { libc::getenv(name.as_ptr()) };
    // SAFETY: a non-null getenv result is a NUL-terminated string.
    (!value.is_null()).then(|| unsafe { CStr::from_ptr(value) })
}

/// Runs once when the loader initialises the shim, before the program's own
/// constructors (the shim is preloaded, so it is initialised after musl only).
#[ctor::ctor(unsafe)]
fn init() {
    // The program starts with errno as musl leaves it (0), whatever the
    // shim's start-up calls set (getauxval's ENOENT for an absent entry).
    let errnum = super::errno::get();
    // First: the environment and headers as the program was given them.
    #[cfg(not(test))]
    crate::rtld::handoff::undo_handoff();
    super::log::init();
    crate::gnu::libc_version::init();
    #[cfg(not(test))]
    crate::rtld::init();
    crate::stdlib::thread_atexit::init();
    super::errno::set(errnum);
}
