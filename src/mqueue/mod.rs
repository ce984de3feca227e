//! `<mqueue.h>`: the fortified `mq_open` (`chk`), and `mq_notify`, whose
//! `SIGEV_THREAD` notification starts a thread: the process is marked
//! multi-threaded first (`sys_single_threaded`), then musl takes the call
//! unchanged.

pub mod chk;

use core::ffi::c_int;

use crate::musl_next;
use crate::sys_single_threaded::mark_if_notified_by_thread;

musl_next!(fn musl_mq_notify = "mq_notify": unsafe extern "C" fn(libc::mqd_t, *const libc::sigevent) -> c_int);

/// `mq_notify`; a `SIGEV_THREAD` notification runs in a new thread.
///
/// # Safety
/// As musl's `mq_notify`.
#[export]
pub unsafe extern "C" fn mq_notify(mq: libc::mqd_t, sev: *const libc::sigevent) -> c_int {
    // SAFETY: `sev` is null or readable, as musl requires of it too.
    unsafe { mark_if_notified_by_thread(sev) };
    // SAFETY: forwarded unchanged.
    unsafe { musl_mq_notify()(mq, sev) }
}
