//! The environment as the shim reads it: never in secure mode. One reader
//! for every area (`GCOMPAT_LOG`, `GCOMPAT_GLIBC_VERSION`, gmon's variables).

use core::ffi::CStr;

/// An environment variable, unless the process is in secure mode (setuid,
/// setgid, file capabilities): there the environment chooses nothing.
pub fn var(name: &CStr) -> Option<&'static CStr> {
    // SAFETY: getauxval has no preconditions.
    if unsafe { libc::getauxval(libc::AT_SECURE) } != 0 {
        return None;
    }
    // SAFETY: `name` is NUL-terminated; getenv returns null or a pointer into
    // the environment block, which lives as long as the process unless the
    // program edits that variable (a value kept for good is read at
    // start-up, before the program can).
    let value = unsafe { libc::getenv(name.as_ptr()) };
    // SAFETY: a non-null getenv result is a NUL-terminated string.
    (!value.is_null()).then(|| unsafe { CStr::from_ptr(value) })
}
