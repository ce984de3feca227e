//! The syslog ident glibc gives a program that names none: its short name
//! (`program_invocation_short_name`), where musl uses an empty one. For
//! glibc-built callers of `openlog(NULL, ...)`, and for the fortified
//! `syslog` of a program that never called `openlog`. Front: `overrides.c`.

use crate::abi::caller;
use crate::musl_next;
use core::ffi::{c_char, c_int, c_void};
use core::sync::atomic::{AtomicBool, Ordering::Relaxed};

musl_next!(fn musl_openlog = "openlog": unsafe extern "C" fn(*const c_char, c_int, c_int));

unsafe extern "C" {
    static mut program_invocation_short_name: *mut c_char;
}

/// Whether anything in the process called `openlog`.
static OPENED: AtomicBool = AtomicBool::new(false);

fn short_name() -> *const c_char {
    // SAFETY: musl's variable (or the program's copy), set before main.
    unsafe { program_invocation_short_name }
}

/// # Safety
/// As `openlog`.
#[export(local)]
pub unsafe extern "C" fn __gcompat_openlog(
    ident: *const c_char,
    option: c_int,
    facility: c_int,
    caller: *const c_void,
) {
    OPENED.store(true, Relaxed);
    let ident = if ident.is_null() && caller::is_glibc(caller) { short_name() } else { ident };
    // SAFETY: musl's own openlog; `ident` is null or a C string that lives
    // as long as the caller's (or the process's) does.
    unsafe { musl_openlog()(ident, option, facility) }
}

/// Before a glibc caller's first message: glibc's default ident if the
/// program never opened the log itself (musl's defaults otherwise).
pub fn default_for_glibc() {
    if !OPENED.swap(true, Relaxed) {
        // SAFETY: musl's own openlog with its own defaults but the ident.
        unsafe { musl_openlog()(short_name(), 0, libc::LOG_USER) }
    }
}
