//! `<time.h>` names glibc exports and musl lacks.

use core::ffi::c_char;

/// `__strftime_l`: glibc's internal name for `strftime_l`, which its
/// libstdc++ (`std::time_put`, `std::chrono` formatting) calls.
///
/// # Safety
/// As `strftime_l(3)`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __strftime_l(
    s: *mut c_char,
    max: usize,
    format: *const c_char,
    tm: *const libc::tm,
    locale: libc::locale_t,
) -> usize {
    // SAFETY: forwarded from the caller.
    unsafe { libc::strftime_l(s, max, format, tm, locale) }
}
