//! `perror` with glibc's errno texts for glibc-built callers (glibc manual,
//! "Error Messages": `S: MESSAGE\n`, or just `MESSAGE\n` when `s` is null or
//! empty, on stderr); musl's own for musl-built callers. Front: `overrides.c`.

use crate::abi::{caller, cstr::Buf, errno, musl::stderr};
use crate::musl_next;
use core::ffi::{c_char, c_void};

musl_next!(fn musl_perror = "perror": unsafe extern "C" fn(*const c_char));

/// # Safety
/// `s` is null or a C string.
#[export(local)]
pub unsafe extern "C" fn __gcompat_perror(s: *const c_char, caller: *const c_void) {
    if !caller::is_glibc(caller) {
        // SAFETY: musl's own perror with the caller's argument.
        return unsafe { musl_perror()(s) };
    }
    let errnum = errno::get();
    let mut text = Buf::<64>::new();
    crate::string::strerror::describe(errnum, &mut text);
    // SAFETY: `s` is null or a C string; stderr is musl's stream.
    unsafe {
        if s.is_null() || *s == 0 {
            libc::fprintf(stderr, c"%s\n".as_ptr(), text.as_ptr());
        } else {
            libc::fprintf(stderr, c"%s: %s\n".as_ptr(), s, text.as_ptr());
        }
    }
    errno::set(errnum);
}
