//! The waits glibc 2.30 and 2.31 added with a clock argument:
//! `pthread_cond_clockwait`, `pthread_mutex_clocklock`,
//! `pthread_rwlock_clockrdlock`, `pthread_rwlock_clockwrlock`,
//! `pthread_clockjoin_np` (and `sem_clockwait` in `semaphore/`).
//!
//! glibc takes `CLOCK_REALTIME` and `CLOCK_MONOTONIC` only. musl 1.2.5 has
//! the timed forms, each on a fixed clock: `CLOCK_REALTIME`, or for a
//! condition variable the clock of its attribute. When the clock asked for
//! is not musl's, the deadline is carried over as the time left: musl's
//! timed waits themselves turn the deadline into the time left and sleep
//! that long (`__timedwait`), so the wait lasts as long as it would on the
//! clock asked for. Should that clock be stepped while waiting, a timeout
//! that musl reports before the deadline is reached on the clock asked for
//! is not passed on: the wait goes on (locks, joins, semaphores), or, for a
//! condition variable, returns 0, a spurious wake-up, since waiting again
//! could lose a signal musl handed to this waiter.

use core::ffi::{c_int, c_void};
use libc::{CLOCK_MONOTONIC, CLOCK_REALTIME, EDEADLK, EINVAL, ETIMEDOUT, clockid_t, timespec};

const NSEC_PER_SEC: i64 = 1_000_000_000;

// musl's timed forms (the `libc` crate declares some of them for some
// targets only).
unsafe extern "C" {
    fn pthread_mutex_timedlock(m: *mut libc::pthread_mutex_t, at: *const timespec) -> c_int;
    fn pthread_rwlock_timedrdlock(rw: *mut libc::pthread_rwlock_t, at: *const timespec) -> c_int;
    fn pthread_rwlock_timedwrlock(rw: *mut libc::pthread_rwlock_t, at: *const timespec) -> c_int;
    fn pthread_timedjoin_np(t: libc::pthread_t, res: *mut *mut c_void, at: *const timespec) -> c_int;
}

/// The clocks glibc's futex waits take (its
/// `futex_abstimed_supported_clockid`).
pub(crate) fn supported_clock(clock: clockid_t) -> bool {
    clock == CLOCK_REALTIME || clock == CLOCK_MONOTONIC
}

/// glibc's `valid_nanoseconds`.
pub(crate) fn valid_nsec(ts: &timespec) -> bool {
    (0..NSEC_PER_SEC).contains(&ts.tv_nsec)
}

fn now(clock: clockid_t) -> timespec {
    let mut ts = timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: a valid timespec; both clocks used here always exist.
    unsafe { libc::clock_gettime(clock, &mut ts) };
    ts
}

fn nanos(ts: &timespec) -> i128 {
    i128::from(ts.tv_sec) * i128::from(NSEC_PER_SEC) + i128::from(ts.tv_nsec)
}

/// A time in nanoseconds as a timespec, clamped to what a deadline can be
/// (a negative one is in the past for every clock, as is zero).
fn from_nanos(ns: i128) -> timespec {
    let max = nanos(&timespec { tv_sec: i64::MAX, tv_nsec: NSEC_PER_SEC - 1 });
    let ns = ns.clamp(0, max);
    let per = i128::from(NSEC_PER_SEC);
    // In range by the clamp.
    timespec { tv_sec: (ns / per) as i64, tv_nsec: (ns % per) as i64 }
}

/// The deadline `at` on clock `from`, as a deadline on clock `to` that
/// leaves the same time: `to`'s now plus what is left on `from`. `from` is
/// read first, so the result never comes early.
pub(crate) fn carry_over(at: &timespec, from: clockid_t, to: clockid_t) -> timespec {
    let left = nanos(at) - nanos(&now(from));
    from_nanos(nanos(&now(to)) + left)
}

/// Whether clock `clock` has reached the deadline `at`.
pub(crate) fn reached(at: &timespec, clock: clockid_t) -> bool {
    nanos(&now(clock)) >= nanos(at)
}

/// Runs `wait`, a musl wait with a deadline on `musl_clock`, for the
/// deadline `at` on `clock` (a supported clock, `at` a valid timespec):
/// unchanged when the clocks are the same, else carried over, and again
/// after a timeout that came before `at` on `clock`. Returns what `wait`
/// returned last (0 or an errno value).
pub(crate) fn wait_until(
    clock: clockid_t,
    at: &timespec,
    musl_clock: clockid_t,
    mut wait: impl FnMut(&timespec) -> c_int,
) -> c_int {
    if clock == musl_clock {
        return wait(at);
    }
    loop {
        let rc = wait(&carry_over(at, clock, musl_clock));
        if rc != ETIMEDOUT || reached(at, clock) {
            return rc;
        }
    }
}

/// The clock of a condition variable: musl keeps the clock id its
/// attribute gave in the fifth `int` of `pthread_cond_t` (`_c_clock`,
/// `__u.__i[4]` in musl's `pthread_impl.h` since 1.1, unchanged through
/// 1.2.5); zero, `CLOCK_REALTIME`, for a static initializer, glibc's
/// (all zeros) included. musl has no call that reads it back.
///
/// # Safety
/// `cond` points to an initialized condition variable.
unsafe fn cond_clock(cond: *const libc::pthread_cond_t) -> clockid_t {
    // SAFETY: musl's pthread_cond_t is 48 bytes, an int array at its start;
    // the field is written by pthread_cond_init only.
    unsafe { cond.cast::<c_int>().add(4).read() }
}

/// `pthread_cond_clockwait` (glibc 2.30): `pthread_cond_timedwait` with the
/// deadline on `clock` instead of the condition variable's own clock.
/// `EINVAL` for a clock other than `CLOCK_REALTIME`/`CLOCK_MONOTONIC` or a
/// bad `tv_nsec`, the mutex untouched; `ETIMEDOUT` once the deadline has
/// passed, the mutex locked again.
///
/// # Safety
/// As `pthread_cond_timedwait`: `cond` and `mutex` are initialized, the
/// mutex locked by the caller; `abstime` points to a timespec.
///
/// # glibc differences
/// On a condition variable of the other clock, a timeout musl reports
/// before the deadline is reached on `clock` (that clock was stepped while
/// waiting) is returned as 0, a spurious wake-up; a forward step of `clock`
/// is noticed at the end of the time that was left when the wait began.
#[export]
pub unsafe extern "C" fn pthread_cond_clockwait(
    cond: *mut libc::pthread_cond_t,
    mutex: *mut libc::pthread_mutex_t,
    clock: clockid_t,
    abstime: *const timespec,
) -> c_int {
    // SAFETY: the caller's timespec.
    let at = unsafe { &*abstime };
    if !valid_nsec(at) || !supported_clock(clock) {
        return EINVAL;
    }
    // SAFETY: an initialized condition variable (caller).
    let own = unsafe { cond_clock(cond) };
    if own == clock {
        // SAFETY: forwarded unchanged.
        return unsafe { libc::pthread_cond_timedwait(cond, mutex, at) };
    }
    // A signal musl hands to a waiter that timed out is consumed: wait once.
    let target = carry_over(at, clock, own);
    // SAFETY: as the caller promises, with a valid deadline.
    let rc = unsafe { libc::pthread_cond_timedwait(cond, mutex, &target) };
    if rc == ETIMEDOUT && !reached(at, clock) { 0 } else { rc }
}

/// `pthread_mutex_clocklock` (glibc 2.30): `pthread_mutex_timedlock` with
/// the deadline on `clock`. `EINVAL` for a clock other than
/// `CLOCK_REALTIME`/`CLOCK_MONOTONIC`, whether or not the mutex is free; a
/// bad `tv_nsec` is `EINVAL` only when the call has to wait, as in glibc
/// (and musl's `pthread_mutex_timedlock`).
///
/// # Safety
/// As `pthread_mutex_timedlock`.
#[export]
pub unsafe extern "C" fn pthread_mutex_clocklock(
    mutex: *mut libc::pthread_mutex_t,
    clock: clockid_t,
    abstime: *const timespec,
) -> c_int {
    if !supported_clock(clock) {
        return EINVAL;
    }
    // SAFETY: the caller's timespec.
    let at = unsafe { &*abstime };
    if !valid_nsec(at) {
        // musl takes a free mutex without looking at the deadline and
        // refuses this one when it would wait, as glibc does.
        // SAFETY: forwarded unchanged.
        return unsafe { pthread_mutex_timedlock(mutex, at) };
    }
    // SAFETY: the caller's mutex, a valid deadline.
    wait_until(clock, at, CLOCK_REALTIME, |t| unsafe { pthread_mutex_timedlock(mutex, t) })
}

/// `pthread_rwlock_clockrdlock` (glibc 2.30): `pthread_rwlock_timedrdlock`
/// with the deadline on `clock`. `EINVAL` for another clock or a bad
/// `tv_nsec`, even when the lock is free (glibc checks first).
///
/// # Safety
/// As `pthread_rwlock_timedrdlock`.
///
/// # glibc differences
/// A thread that holds the lock for writing waits for the deadline
/// (`ETIMEDOUT`) instead of getting `EDEADLK`: musl's read-write lock does
/// not record its writer.
#[export]
pub unsafe extern "C" fn pthread_rwlock_clockrdlock(
    rwlock: *mut libc::pthread_rwlock_t,
    clock: clockid_t,
    abstime: *const timespec,
) -> c_int {
    // SAFETY: as the caller promises.
    unsafe { rwlock_clockwait(rwlock, clock, abstime, pthread_rwlock_timedrdlock) }
}

/// `pthread_rwlock_clockwrlock` (glibc 2.30): `pthread_rwlock_timedwrlock`
/// with the deadline on `clock`; errors as `pthread_rwlock_clockrdlock`.
///
/// # Safety
/// As `pthread_rwlock_timedwrlock`.
///
/// # glibc differences
/// As `pthread_rwlock_clockrdlock`: no `EDEADLK` for the writer itself.
#[export]
pub unsafe extern "C" fn pthread_rwlock_clockwrlock(
    rwlock: *mut libc::pthread_rwlock_t,
    clock: clockid_t,
    abstime: *const timespec,
) -> c_int {
    // SAFETY: as the caller promises.
    unsafe { rwlock_clockwait(rwlock, clock, abstime, pthread_rwlock_timedwrlock) }
}

/// The two read-write lock clock waits: glibc's checks first, then musl's
/// `timed` wait against the deadline carried over to `CLOCK_REALTIME`.
///
/// # Safety
/// As the timed lock: an initialized lock; `abstime` points to a timespec.
unsafe fn rwlock_clockwait(
    rwlock: *mut libc::pthread_rwlock_t,
    clock: clockid_t,
    abstime: *const timespec,
    timed: unsafe extern "C" fn(*mut libc::pthread_rwlock_t, *const timespec) -> c_int,
) -> c_int {
    // SAFETY: the caller's timespec.
    let at = unsafe { &*abstime };
    if !supported_clock(clock) || !valid_nsec(at) {
        return EINVAL;
    }
    // SAFETY: the caller's lock, a valid deadline.
    wait_until(clock, at, CLOCK_REALTIME, |t| unsafe { timed(rwlock, t) })
}

/// `pthread_clockjoin_np` (glibc 2.31): `pthread_timedjoin_np` with the
/// deadline on `clock`. As glibc 2.41: `EINVAL` for another clock or a bad
/// `tv_nsec` before anything else, `EDEADLK` for the calling thread itself,
/// `ETIMEDOUT` when the thread is still running at the deadline (it stays
/// joinable).
///
/// # Safety
/// `thread` is a joinable thread not joined yet; `retval` is null or
/// writable; `abstime` points to a timespec.
///
/// # glibc differences
/// glibc 2.36 spins while the thread runs when `tv_nsec` is bad, and joins
/// a finished thread without looking at it; this is 2.41's answer.
#[export]
pub unsafe extern "C" fn pthread_clockjoin_np(
    thread: libc::pthread_t,
    retval: *mut *mut c_void,
    clock: clockid_t,
    abstime: *const timespec,
) -> c_int {
    // SAFETY: the caller's timespec.
    let at = unsafe { &*abstime };
    if !supported_clock(clock) || !valid_nsec(at) {
        return EINVAL;
    }
    // SAFETY: pthread_self and pthread_equal have no preconditions.
    if unsafe { libc::pthread_equal(thread, libc::pthread_self()) } != 0 {
        return EDEADLK;
    }
    // SAFETY: the caller's thread and result pointer, a valid deadline.
    wait_until(clock, at, CLOCK_REALTIME, |t| unsafe { pthread_timedjoin_np(thread, retval, t) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clamps_deadlines() {
        let t = from_nanos(-5);
        assert_eq!((t.tv_sec, t.tv_nsec), (0, 0));
        let t = from_nanos(3 * i128::from(NSEC_PER_SEC) + 7);
        assert_eq!((t.tv_sec, t.tv_nsec), (3, 7));
        let t = from_nanos(i128::MAX);
        assert_eq!((t.tv_sec, t.tv_nsec), (i64::MAX, NSEC_PER_SEC - 1));
    }

    #[test]
    fn carries_the_time_left_over() {
        let mut at = now(CLOCK_MONOTONIC);
        at.tv_sec += 10;
        let rt = carry_over(&at, CLOCK_MONOTONIC, CLOCK_REALTIME);
        let left = nanos(&rt) - nanos(&now(CLOCK_REALTIME));
        assert!(left > 9 * i128::from(NSEC_PER_SEC) && left <= 10 * i128::from(NSEC_PER_SEC), "{left}");
        let past = carry_over(&timespec { tv_sec: -1, tv_nsec: 0 }, CLOCK_MONOTONIC, CLOCK_REALTIME);
        assert!(!reached(&at, CLOCK_MONOTONIC) && reached(&past, CLOCK_REALTIME));
        let far = carry_over(&timespec { tv_sec: i64::MAX, tv_nsec: 0 }, CLOCK_MONOTONIC, CLOCK_REALTIME);
        assert_eq!(far.tv_sec, i64::MAX);
    }

    #[test]
    fn only_realtime_and_monotonic() {
        assert!(supported_clock(CLOCK_REALTIME) && supported_clock(CLOCK_MONOTONIC));
        for c in [libc::CLOCK_PROCESS_CPUTIME_ID, libc::CLOCK_BOOTTIME, libc::CLOCK_TAI, -1, 99] {
            assert!(!supported_clock(c));
        }
        assert!(!valid_nsec(&timespec { tv_sec: 0, tv_nsec: NSEC_PER_SEC }));
        assert!(!valid_nsec(&timespec { tv_sec: 0, tv_nsec: -1 }));
        assert!(valid_nsec(&timespec { tv_sec: -1, tv_nsec: 0 }));
    }
}
