//! `thread_local` destructors: `__cxa_thread_atexit_impl` (glibc 2.18),
//! which g++'s libstdc++ calls for every `thread_local` object with a
//! destructor, and the `exit` that runs them.
//!
//! glibc runs a thread's list, newest first, when the thread exits (before
//! its `pthread_key` destructors) and, for the thread that calls `exit` or
//! returns from `main`, before the `atexit` handlers and static destructors.
//! On musl: each thread's list hangs off one `pthread_key` created at
//! start-up (before any program key, so musl runs it first); `exit` runs the
//! calling thread's list and then musl's `exit`, and a glibc program's
//! return from `main` reaches that `exit` through the shim's start-up path
//! (`src/csu/`). musl-built callers have no list, so `exit` is musl's for
//! them.
//!
//! Programs do not call `__cxa_thread_atexit_impl` themselves: g++ emits
//! calls to libstdc++'s `__cxa_thread_atexit`, which a glibc-built
//! libstdc++ forwards here. Alpine's musl-built libstdc++ implements it on
//! its own instead (a pthread key made at first use, and `atexit` for the
//! main thread), which runs the destructors after `atexit` handlers and key
//! destructors that glibc runs later. So the shim also defines
//! `__cxa_thread_atexit` (at libstdc++'s version, `CXXABI_1.3.7`): a
//! glibc-built caller gets glibc's order through this module, a musl-built
//! caller libstdc++'s own (abi::caller).
//!
//! The `dso_symbol` argument keeps glibc from unloading an object whose
//! destructors are pending; musl never unloads an object, so it is not needed.

use core::ffi::{c_int, c_uint, c_void};
use core::sync::atomic::{AtomicU32, Ordering::Relaxed};

use crate::abi::caller;
use crate::musl_next;

type Dtor = unsafe extern "C" fn(*mut c_void);

struct Entry {
    dtor: Dtor,
    obj: *mut c_void,
    next: *mut Entry,
}

/// The key whose value is the calling thread's newest entry; `u32::MAX`
/// until [`init`] ran.
static KEY: AtomicU32 = AtomicU32::new(u32::MAX);

musl_next!(fn musl_exit = "exit": unsafe extern "C" fn(c_int) -> !);
musl_next!(fn libstdcxx_thread_atexit = "__cxa_thread_atexit":
    unsafe extern "C" fn(Dtor, *mut c_void, *mut c_void) -> c_int);

/// Creates the key (from the shim's constructor).
pub fn init() {
    let mut key: libc::pthread_key_t = 0;
    // SAFETY: a fresh key with our destructor.
    if unsafe { libc::pthread_key_create(&mut key, Some(run_list)) } == 0 {
        KEY.store(key, Relaxed);
    }
}

/// `__cxa_thread_atexit_impl`: run `dtor(obj)` when the calling thread
/// exits. Returns 0; out of memory is fatal, with glibc's message.
///
/// # Safety
/// `dtor` must be safe to call with `obj` at thread exit.
#[export]
pub unsafe extern "C" fn __cxa_thread_atexit_impl(dtor: Dtor, obj: *mut c_void, _dso_symbol: *mut c_void) -> c_int {
    if KEY.load(Relaxed) == u32::MAX {
        init(); // a constructor that ran before the shim's
    }
    let key = KEY.load(Relaxed);
    if key == u32::MAX {
        crate::abi::fatal::libc_fatal("Fatal glibc error: failed to register TLS destructor: out of memory\n");
    }
    // SAFETY: malloc has no preconditions.
    let entry = unsafe { libc::malloc(core::mem::size_of::<Entry>()) }.cast::<Entry>();
    if entry.is_null() {
        crate::abi::fatal::libc_fatal("Fatal glibc error: failed to register TLS destructor: out of memory\n");
    }
    // SAFETY: `entry` is fresh memory of the right size; the key is ours.
    unsafe {
        entry.write(Entry { dtor, obj, next: libc::pthread_getspecific(key).cast() });
        libc::pthread_setspecific(key, entry.cast());
    }
    0
}

/// The body of `__cxa_thread_atexit` (front: `thread_atexit.c`, which adds
/// the caller): glibc-built callers register here, musl-built ones with
/// libstdc++'s own implementation.
///
/// # Safety
/// As `__cxa_thread_atexit_impl`.
#[export(local)]
pub unsafe extern "C" fn __gcompat_cxa_thread_atexit(
    dtor: Dtor,
    obj: *mut c_void,
    dso_symbol: *mut c_void,
    caller: *const c_void,
) -> c_int {
    if caller::is_glibc(caller) {
        // SAFETY: forwarded from the caller.
        unsafe { __cxa_thread_atexit_impl(dtor, obj, dso_symbol) }
    } else {
        // SAFETY: libstdc++'s definition, which a musl-built caller was
        // linked against.
        unsafe { libstdcxx_thread_atexit()(dtor, obj, dso_symbol) }
    }
}

/// Runs the calling thread's destructors, newest first, including any that
/// a destructor registers.
fn run_current() {
    let key = KEY.load(Relaxed);
    if key == u32::MAX {
        return;
    }
    loop {
        // SAFETY: the key is ours and its values are our entries.
        let entry = unsafe { libc::pthread_getspecific(key) }.cast::<Entry>();
        if entry.is_null() {
            return;
        }
        // SAFETY: unlink before calling, so a registration from the
        // destructor lands in front of the rest; the entry came from malloc.
        unsafe {
            libc::pthread_setspecific(key, (*entry).next.cast());
            let Entry { dtor, obj, .. } = entry.read();
            libc::free(entry.cast());
            dtor(obj);
        }
    }
}

/// The key's destructor: musl cleared the value and passes the list.
unsafe extern "C" fn run_list(head: *mut c_void) {
    let key = KEY.load(Relaxed);
    // SAFETY: put the list back and run it the one way.
    unsafe { libc::pthread_setspecific(key as c_uint, head) };
    run_current();
}

/// `exit`: glibc's exit lock (one thread exits, others calling `exit`
/// block: `at_exit::enter_exit`), the calling thread's `thread_local`
/// destructors, then musl's `exit` (atexit handlers, static destructors,
/// stdio).
///
/// # Safety
/// As `exit(3)`.
#[export]
pub unsafe extern "C" fn exit(status: c_int) -> ! {
    super::at_exit::enter_exit(status);
    run_current();
    // SAFETY: musl's exit.
    unsafe { musl_exit()(status) }
}
