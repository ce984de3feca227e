//! `<time.h>` names glibc exports and musl lacks, and `timer_create`,
//! whose `SIGEV_THREAD` timer starts a thread: the process is marked
//! multi-threaded first (`sys_single_threaded`), then musl takes the call
//! unchanged.

use core::ffi::{c_char, c_int};

use crate::musl_next;
use crate::sys_single_threaded::mark_if_notified_by_thread;

musl_next!(fn musl_timer_create = "timer_create":
    unsafe extern "C" fn(libc::clockid_t, *mut libc::sigevent, *mut libc::timer_t) -> c_int);

/// `__strftime_l`: glibc's internal name for `strftime_l`, which its
/// libstdc++ (`std::time_put`, `std::chrono` formatting) calls.
///
/// # Safety
/// As `strftime_l(3)`.
#[export]
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

/// `timer_create`; a `SIGEV_THREAD` timer runs its function in a new thread.
///
/// # Safety
/// As musl's `timer_create`.
#[export]
pub unsafe extern "C" fn timer_create(
    clock: libc::clockid_t,
    sev: *mut libc::sigevent,
    timer: *mut libc::timer_t,
) -> c_int {
    // SAFETY: `sev` is null or readable, as musl requires of it too.
    unsafe { mark_if_notified_by_thread(sev) };
    // SAFETY: forwarded unchanged.
    unsafe { musl_timer_create()(clock, sev, timer) }
}
