//! glibc's thread extras musl lacks: `pthread_sigqueue`,
//! `pthread_gettid_np` (glibc 2.42), `pthread_yield`,
//! `pthread_kill_other_threads_np`.
//!
//! A thread's kernel id: musl keeps it in its private `struct pthread`
//! and has no call that returns it (no `pthread_gettid_np` in 1.2.5). Its
//! `pthread_getcpuclockid` does hand it out, encoded as the kernel encodes a
//! thread's CPU-time clock id (`~tid << 3 | CPUCLOCK_SCHED`): that encoding
//! is part of the kernel's interface, so decoding it holds for every musl
//! version, unlike a read of musl's private layout. musl clears the id when
//! the thread exits, which decodes as 0.

use core::ffi::c_int;
use libc::{EINVAL, ESRCH, pid_t, pthread_t};

unsafe extern "C" {
    fn pthread_getcpuclockid(thread: pthread_t, clock: *mut libc::clockid_t) -> c_int;
}

/// The kernel thread id of `thread`, or 0 once it has exited.
///
/// # Safety
/// `thread` is a thread that has not been joined or detached-and-exited.
pub(crate) unsafe fn kernel_tid(thread: pthread_t) -> pid_t {
    let mut clock: libc::clockid_t = 0;
    // SAFETY: the caller's thread; musl's answer cannot fail.
    if unsafe { pthread_getcpuclockid(thread, &mut clock) } != 0 {
        return 0;
    }
    tid_of_cpu_clock(clock)
}

/// Inverts the kernel's `MAKE_THREAD_CPUCLOCK(tid, CPUCLOCK_SCHED)`.
fn tid_of_cpu_clock(clock: libc::clockid_t) -> pid_t {
    !(clock >> 3)
}

/// `pthread_gettid_np` (glibc 2.42): the kernel thread id of `thread`, or
/// -1 when it has exited.
///
/// # Safety
/// `thread` is a thread that has not been joined or detached-and-exited.
#[export]
pub unsafe extern "C" fn pthread_gettid_np(thread: pthread_t) -> pid_t {
    // SAFETY: as the caller promises.
    let tid = unsafe { kernel_tid(thread) };
    if tid <= 0 { -1 } else { tid }
}

/// glibc's internal signals (`SIGCANCEL`/`SIGTIMER` 32, `SIGSETXID` 33),
/// which `pthread_sigqueue` refuses; musl keeps 32 to 34 for itself.
const GLIBC_INTERNAL_SIGNALS: [c_int; 2] = [32, 33];

/// The kernel's `siginfo_t` for `rt_tgsigqueueinfo` with `SI_QUEUE`:
/// 128 bytes, `si_pid`, `si_uid` and `si_value` after the three header ints
/// and their padding on 64-bit targets.
#[repr(C)]
struct QueueInfo {
    signo: c_int,
    errno: c_int,
    code: c_int,
    _pad: c_int,
    pid: pid_t,
    uid: libc::uid_t,
    value: libc::sigval,
    _rest: [u8; 128 - 32],
}

/// `pthread_sigqueue` (glibc 2.11): queues signal `signo` with `value` for
/// thread `thread`, as `sigqueue(3)` does for a process. Returns 0, or
/// `EINVAL` for glibc's internal signals 32 and 33 or a bad signal,
/// `ESRCH` for a thread that has exited (not joined yet: glibc keeps its
/// id until the join, and the kernel answers `ESRCH` for it), `EAGAIN` when
/// the queue is full.
///
/// # Safety
/// `thread` is a thread that has not been joined or detached-and-exited.
///
/// # glibc differences
/// glibc holds the thread's exit lock while it sends; musl's lock is
/// private, so a thread that exits between the id being read and the
/// signal being sent could, in theory, have its id reused by a new thread
/// of this process, which would get the signal.
#[export]
pub unsafe extern "C" fn pthread_sigqueue(thread: pthread_t, signo: c_int, value: libc::sigval) -> c_int {
    if GLIBC_INTERNAL_SIGNALS.contains(&signo) {
        return EINVAL;
    }
    // SAFETY: as the caller promises.
    let tid = unsafe { kernel_tid(thread) };
    if tid <= 0 {
        return ESRCH;
    }
    // SAFETY: no preconditions.
    let (pid, uid) = unsafe { (libc::getpid(), libc::getuid()) };
    let info = QueueInfo { signo, errno: 0, code: libc::SI_QUEUE, _pad: 0, pid, uid, value, _rest: [0; 128 - 32] };
    // SAFETY: a 128-byte siginfo the kernel reads.
    let rc = unsafe {
        libc::syscall(
            libc::SYS_rt_tgsigqueueinfo,
            libc::c_long::from(pid),
            libc::c_long::from(tid),
            libc::c_long::from(signo),
            &info as *const QueueInfo,
        )
    };
    if rc == 0 { 0 } else { crate::abi::errno::get() }
}

/// `pthread_yield`: `sched_yield()`, which glibc's is (deprecated in glibc
/// 2.34, kept for old binaries). Returns 0.
///
/// # Safety
/// None.
#[export]
pub unsafe extern "C" fn pthread_yield() -> c_int {
    // SAFETY: no preconditions.
    unsafe { libc::sched_yield() }
}

/// `pthread_kill_other_threads_np`: a LinuxThreads relic (before `exec`,
/// kill the other threads); the kernel does that on `execve`, and glibc's
/// does nothing, so this does nothing too.
///
/// # Safety
/// None.
#[export]
pub unsafe extern "C" fn pthread_kill_other_threads_np() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_the_kernel_thread_clock() {
        // glibc encodes the clock as the kernel does, so the host checks it.
        // SAFETY: the calling thread.
        let tid = unsafe { kernel_tid(libc::pthread_self()) };
        // SAFETY: no preconditions.
        assert_eq!(tid, unsafe { libc::gettid() });
        assert_eq!(tid_of_cpu_clock((-1 - 4242) * 8 + 6), 4242);
        assert_eq!(tid_of_cpu_clock(-8 + 6), 0);
        assert_eq!(core::mem::size_of::<QueueInfo>(), 128);
    }
}
