//! `<semaphore.h>`: `sem_clockwait` (glibc 2.30), musl's `sem_timedwait`
//! with the deadline on a clock the caller names (see `pthread::clock`).

use core::ffi::c_int;
use libc::{CLOCK_REALTIME, EINVAL, clockid_t, sem_t, timespec};

use crate::abi::errno;
use crate::pthread::clock::{supported_clock, valid_nsec, wait_until};

unsafe extern "C" {
    fn sem_timedwait(sem: *mut sem_t, at: *const timespec) -> c_int;
}

/// `sem_clockwait` (glibc 2.30): `sem_timedwait` with the deadline on
/// `clock`. Returns 0, or -1 with errno `EINVAL` for a clock other than
/// `CLOCK_REALTIME`/`CLOCK_MONOTONIC` or a bad `tv_nsec` (checked before
/// the count, as glibc does, so a semaphore that could be taken is left as
/// it was), `ETIMEDOUT`, or `EINTR`.
///
/// # Safety
/// `sem` is an initialized semaphore; `abstime` points to a timespec.
#[export]
pub unsafe extern "C" fn sem_clockwait(sem: *mut sem_t, clock: clockid_t, abstime: *const timespec) -> c_int {
    // SAFETY: the caller's timespec.
    let at = unsafe { &*abstime };
    if !supported_clock(clock) || !valid_nsec(at) {
        errno::set(EINVAL);
        return -1;
    }
    let rc = wait_until(clock, at, CLOCK_REALTIME, |t| {
        // SAFETY: the caller's semaphore, a valid deadline.
        if unsafe { sem_timedwait(sem, t) } == 0 { 0 } else { errno::get() }
    });
    if rc == 0 {
        return 0;
    }
    errno::set(rc);
    -1
}
