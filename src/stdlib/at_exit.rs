//! Exit-time rules of glibc's that musl lacks: the exit lock, and the
//! registrations `on_exit` (a handler that gets the exit status) and
//! `__cxa_at_quick_exit`, which every glibc program's `at_quick_exit` calls (glibc's `at_quick_exit`
//! lives in `libc_nonshared.a`, linked into the program, and passes the
//! caller's `__dso_handle`, as `atexit` does with `__cxa_atexit`).
//!
//! `on_exit` handlers go on musl's `atexit` list, through `__cxa_atexit`,
//! so they run newest first interleaved with `atexit` handlers, as glibc
//! runs its one list; the status they get is the one the shim's `exit`
//! recorded ([`enter_exit`], which also serializes concurrent `exit`s as
//! glibc does; a glibc program's return from `main` reaches that `exit`
//! through `src/csu/`).
//!
//! `__cxa_at_quick_exit` handlers are a list of the shim's own, which one
//! musl `at_quick_exit` handler, registered at the first call, runs newest
//! first (including one a handler registers). glibc has no limit on them
//! (musl's `at_quick_exit` takes 32) and calls each with a null argument.
//! A musl-built caller's `at_quick_exit` handlers stay on musl's list; the
//! two lists interleave only at that first registration.
//!
//! Entries are never freed: they live until the process ends, and a
//! quick_exit may pop them while another thread registers.

use core::ffi::{c_int, c_void};
use core::ptr::null_mut;
use core::sync::atomic::{
    AtomicBool, AtomicI32, AtomicPtr, AtomicUsize, Ordering::AcqRel, Ordering::Acquire, Ordering::Relaxed,
};

use crate::abi::musl;
use crate::musl_next;

/// The status `exit` was called with, for `on_exit` handlers.
static STATUS: AtomicI32 = AtomicI32::new(0);

/// The thread running `exit` (its `pthread_self`), 0 before any.
static EXITING: AtomicUsize = AtomicUsize::new(0);

/// The start of the shim's `exit`: glibc's exit lock ([`exit_lock`]),
/// then the status for `on_exit` handlers.
pub fn enter_exit(status: c_int) {
    exit_lock();
    STATUS.store(status, Relaxed);
}

/// glibc's exit lock (as glibc 2.41 has it), taken by `exit` and
/// `quick_exit`: the first thread to call either runs the handlers and
/// ends the process with its status; another thread that calls either
/// meanwhile blocks until the process ends (musl 1.2.5 and glibc 2.36 let
/// it run what handlers are left, destructors and all, beside the first,
/// and end the process with its own status). The lock is recursive, as
/// glibc's: a handler that calls `exit` or `quick_exit` goes on.
fn exit_lock() {
    // SAFETY: pthread_self has no preconditions.
    let me = unsafe { libc::pthread_self() } as usize;
    match EXITING.compare_exchange(0, me, AcqRel, Acquire) {
        Ok(_) => {}
        Err(owner) if owner == me => {}
        Err(_) => loop {
            // SAFETY: pause has no preconditions; signal handlers still run.
            unsafe { libc::pause() };
        },
    }
}

/// Registers the fork handler (from the shim's constructor).
pub fn init() {
    // SAFETY: a handler of ours, which only stores an atomic.
    unsafe { libc::pthread_atfork(None, None, Some(unlock_in_child)) };
}

/// A fork child has one thread, and no exit runs in it: its `exit` must
/// not wait for the parent's (glibc 2.36 lets it exit; glibc 2.41 keeps
/// the lock taken in the child, whose exit then blocks forever).
unsafe extern "C" fn unlock_in_child() {
    EXITING.store(0, Relaxed);
}

musl_next!(fn musl_quick_exit = "quick_exit": unsafe extern "C" fn(c_int) -> !);

/// `quick_exit`: glibc's exit lock, then musl's `quick_exit` (the
/// `at_quick_exit` handlers, newest first, and `_Exit`; no stdio flush,
/// as glibc since 2.24).
///
/// # Safety
/// As `quick_exit(3)`.
#[export]
pub unsafe extern "C" fn quick_exit(status: c_int) -> ! {
    exit_lock();
    // SAFETY: musl's quick_exit.
    unsafe { musl_quick_exit()(status) }
}

type OnExit = unsafe extern "C" fn(c_int, *mut c_void);

struct OnExitEntry {
    func: OnExit,
    arg: *mut c_void,
}

/// Runs one `on_exit` handler from musl's `atexit` list.
unsafe extern "C" fn run_on_exit(entry: *mut c_void) {
    // SAFETY: `entry` is the `OnExitEntry` `on_exit` registered; musl runs
    // each registration once.
    unsafe {
        let OnExitEntry { func, arg } = entry.cast::<OnExitEntry>().read();
        libc::free(entry);
        func(STATUS.load(Relaxed), arg);
    }
}

/// `on_exit`: at `exit`, call `func(status, arg)`, in reverse order of
/// registration together with `atexit` handlers. 0, or -1 when out of
/// memory (as glibc).
///
/// # Safety
/// `func` must be safe to call with the exit status and `arg` at exit.
#[export]
pub unsafe extern "C" fn on_exit(func: OnExit, arg: *mut c_void) -> c_int {
    // SAFETY: malloc has no preconditions.
    let entry = unsafe { libc::malloc(core::mem::size_of::<OnExitEntry>()) }.cast::<OnExitEntry>();
    if entry.is_null() {
        return -1;
    }
    // SAFETY: fresh memory of the right size, handed to musl's list.
    unsafe {
        entry.write(OnExitEntry { func, arg });
        if musl::__cxa_atexit(run_on_exit, entry.cast(), null_mut()) != 0 {
            libc::free(entry.cast());
            return -1;
        }
    }
    0
}

type Dtor = unsafe extern "C" fn(*mut c_void);

struct QuickEntry {
    func: Dtor,
    next: *mut QuickEntry,
}

/// The newest `__cxa_at_quick_exit` entry.
static QUICK: AtomicPtr<QuickEntry> = AtomicPtr::new(null_mut());
/// Whether [`run_quick`] is on musl's `at_quick_exit` list.
static QUICK_HOOKED: AtomicBool = AtomicBool::new(false);

/// musl's `at_quick_exit` handler: the shim's list, newest first.
extern "C" fn run_quick() {
    loop {
        let head = QUICK.load(Acquire);
        if head.is_null() {
            return;
        }
        // SAFETY: entries are never freed, so `head` stays valid.
        let next = unsafe { (*head).next };
        if QUICK.compare_exchange(head, next, AcqRel, Acquire).is_ok() {
            // SAFETY: the handler was registered for this; glibc passes a
            // null argument.
            unsafe { ((*head).func)(null_mut()) };
        }
    }
}

/// `__cxa_at_quick_exit`: at `quick_exit`, call `func(NULL)`, newest
/// first. 0, or -1 when out of memory (as glibc).
///
/// # Safety
/// `func` must be safe to call with a null argument at `quick_exit`.
#[export]
pub unsafe extern "C" fn __cxa_at_quick_exit(func: Dtor, _dso: *mut c_void) -> c_int {
    if !QUICK_HOOKED.swap(true, AcqRel) {
        // SAFETY: registering a handler of ours.
        if unsafe { musl::at_quick_exit(run_quick) } != 0 {
            QUICK_HOOKED.store(false, Relaxed);
            return -1;
        }
    }
    // SAFETY: malloc has no preconditions.
    let entry = unsafe { libc::malloc(core::mem::size_of::<QuickEntry>()) }.cast::<QuickEntry>();
    if entry.is_null() {
        return -1;
    }
    let mut head = QUICK.load(Acquire);
    loop {
        // SAFETY: fresh memory of the right size, not yet shared.
        unsafe { entry.write(QuickEntry { func, next: head }) };
        match QUICK.compare_exchange(head, entry, AcqRel, Acquire) {
            Ok(_) => return 0,
            Err(now) => head = now,
        }
    }
}
