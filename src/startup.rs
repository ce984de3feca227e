//! Start-up: the shim's constructor, which sets up each area that needs it.
//!
//! It stands above the areas and `abi/`, the ground floor they all use:
//! each area exposes an `init` and knows nothing of the others' order;
//! the order is decided here, once.

/// Runs once when the loader initialises the shim, before the program's own
/// constructors (the shim is preloaded, so it is initialised after musl only).
#[ctor::ctor(unsafe)]
fn init() {
    // The program starts with errno as musl leaves it (0), whatever the
    // shim's start-up calls set (getauxval's ENOENT for an absent entry).
    let errnum = crate::abi::errno::get();
    // First: the environment and headers as the program was given them.
    #[cfg(not(test))]
    crate::rtld::handoff::undo_handoff();
    crate::abi::log::init();
    crate::gnu::libc_version::init();
    #[cfg(not(test))]
    crate::rtld::init();
    crate::stdlib::thread_atexit::init();
    crate::stdlib::at_exit::init();
    crate::abi::errno::set(errnum);
}
