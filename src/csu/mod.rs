//! Program start-up (glibc's `csu/`): `__libc_start_main`, which a
//! glibc-built program's `_start` calls with glibc's seven arguments.
//!
//! musl's `__libc_start_main` takes the same first six (it ignores `init`
//! and `fini`: its loader runs every constructor, as glibc >= 2.34 does) and
//! ends with its own internal `exit(main(...))`, which the shim's `exit`
//! cannot see. For a glibc-built caller the shim therefore records the
//! initial stack pointer (`__libc_stack_end`) and hands musl a `main` of its
//! own that calls the program's and then the shim's [`exit`], so that
//! returning from `main` runs the main thread's `thread_local` destructors
//! first, as glibc's exit path does. musl-built callers go straight to musl's.

use core::ffi::{c_char, c_int, c_void};
use core::sync::atomic::{AtomicPtr, Ordering::Relaxed};

use crate::abi::caller;
use crate::musl_next;

type Main = unsafe extern "C" fn(c_int, *mut *mut c_char, *mut *mut c_char) -> c_int;
type Hook = Option<unsafe extern "C" fn()>;

musl_next!(fn musl_start = "__libc_start_main":
    unsafe extern "C" fn(Main, c_int, *mut *mut c_char, Hook, Hook, Hook) -> c_int);

static PROGRAM_MAIN: AtomicPtr<c_void> = AtomicPtr::new(core::ptr::null_mut());

/// The body of `__libc_start_main` (front: `start.c`, which adds the caller).
///
/// # Safety
/// Called once, by a program's `_start`, with the arguments its libc's
/// start-up code passes.
#[export(local)]
pub unsafe extern "C" fn __gcompat_libc_start_main(
    main: Main,
    argc: c_int,
    argv: *mut *mut c_char,
    init: Hook,
    fini: Hook,
    rtld_fini: Hook,
    _stack_end: *mut c_void,
    caller: *const c_void,
) -> c_int {
    if !caller::is_glibc(caller) {
        // SAFETY: musl's start-up with its own arguments.
        return unsafe { musl_start()(main, argc, argv, init, fini, rtld_fini) };
    }
    crate::rtld::set_stack_end(argc, argv);
    PROGRAM_MAIN.store(main as *mut c_void, Relaxed);
    // SAFETY: as above, with the shim's `main`, which calls the program's.
    unsafe { musl_start()(glibc_main, argc, argv, init, fini, rtld_fini) }
}

unsafe extern "C" fn glibc_main(argc: c_int, argv: *mut *mut c_char, envp: *mut *mut c_char) -> c_int {
    // SAFETY: PROGRAM_MAIN holds the program's `main`, stored just before.
    let main = unsafe { core::mem::transmute::<*mut c_void, Main>(PROGRAM_MAIN.load(Relaxed)) };
    // SAFETY: the program's main with the arguments the kernel gave.
    let status = unsafe { main(argc, argv, envp) };
    // SAFETY: exit as returning from main does.
    unsafe { crate::stdlib::thread_atexit::exit(status) }
}
