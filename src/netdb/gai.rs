//! Asynchronous name lookup: `getaddrinfo_a`, `gai_suspend`, `gai_error`,
//! `gai_cancel` (glibc manual, "Asynchronous Name Lookup"; `<netdb.h>` with
//! `_GNU_SOURCE`). musl has none of them.
//!
//! Each request of a `GAI_NOWAIT` call runs `getaddrinfo` on a thread of
//! its own; a request's state is its `gaicb`'s `__return` field, which
//! glibc's `gai_error` reads too: `EAI_INPROGRESS` until the lookup ends,
//! then `getaddrinfo`'s result. One mutex and condition variable wake
//! `gai_suspend` and `GAI_WAIT` callers whenever a request ends.
//!
//! # glibc differences
//! glibc queues requests for a pool of at most 20 threads, so a request may
//! still be queued when `gai_cancel` comes; here every request runs at
//! once, so `gai_cancel` answers `EAI_NOTCANCELED` for a running request
//! (which glibc documents as a possible answer) and `EAI_ALLDONE` for a
//! finished one. `gai_suspend` is not interrupted by signals (`EAI_INTR`).

use super::getaddrinfo::glibc_getaddrinfo;
use crate::abi::glibc_types::gaicb;
use core::cell::UnsafeCell;
use core::ffi::{c_int, c_void};
use core::sync::atomic::{
    AtomicI32, AtomicUsize,
    Ordering::{Acquire, Release},
};

const GAI_WAIT: c_int = 0;
const GAI_NOWAIT: c_int = 1;
const EAI_AGAIN: c_int = -3;
const EAI_SYSTEM: c_int = -11;
const EAI_INPROGRESS: c_int = -100;
const EAI_NOTCANCELED: c_int = -102;
const EAI_ALLDONE: c_int = -103;

const SIGEV_SIGNAL: c_int = 0;
const SIGEV_THREAD: c_int = 2;

/// `struct sigevent` (glibc's and musl's layouts agree).
#[repr(C)]
pub struct SigEvent {
    value: *mut c_void,
    signo: c_int,
    notify: c_int,
    function: Option<unsafe extern "C" fn(*mut c_void)>,
    attributes: *mut c_void,
    _pad: [c_int; 8],
}

struct Waiters {
    mutex: UnsafeCell<libc::pthread_mutex_t>,
    cond: UnsafeCell<libc::pthread_cond_t>,
}

// SAFETY: the pthread objects are made for sharing between threads.
unsafe impl Sync for Waiters {}

static DONE: Waiters = Waiters {
    mutex: UnsafeCell::new(libc::PTHREAD_MUTEX_INITIALIZER),
    cond: UnsafeCell::new(libc::PTHREAD_COND_INITIALIZER),
};

/// The state of a request, shared with the caller's `gaicb`.
fn status(req: *mut gaicb) -> &'static AtomicI32 {
    // SAFETY: `__return` is an aligned int the request owns for its life.
    unsafe { AtomicI32::from_ptr(&raw mut (*req).__return) }
}

/// One `getaddrinfo_a` call in `GAI_NOWAIT` mode: its notification, sent
/// when the last of its requests ends.
struct Batch {
    left: AtomicUsize,
    notify: Option<SigEvent>,
}

struct Job {
    req: *mut gaicb,
    batch: *mut Batch,
}

fn run(req: *mut gaicb) {
    // SAFETY: the caller's request, valid until it ends (glibc's contract).
    let r = unsafe {
        let mut result = core::ptr::null_mut();
        let r = glibc_getaddrinfo((*req).ar_name, (*req).ar_service, (*req).ar_request.cast(), &mut result);
        (*req).ar_result = result.cast();
        r
    };
    // SAFETY: the static mutex and condition variable.
    unsafe {
        libc::pthread_mutex_lock(DONE.mutex.get());
        status(req).store(r, Release);
        libc::pthread_cond_broadcast(DONE.cond.get());
        libc::pthread_mutex_unlock(DONE.mutex.get());
    }
}

fn notify(ev: &SigEvent) {
    match ev.notify {
        SIGEV_SIGNAL => {
            unsafe extern "C" {
                fn sigqueue(pid: libc::pid_t, sig: c_int, value: *mut c_void) -> c_int;
            }
            // SAFETY: a signal to this process with the caller's value.
            unsafe { sigqueue(libc::getpid(), ev.signo, ev.value) };
        }
        SIGEV_THREAD => {
            if let Some(f) = ev.function {
                // This worker thread is already a thread of its own.
                // SAFETY: the caller's function and value.
                unsafe { f(ev.value) };
            }
        }
        _ => {}
    }
}

extern "C" fn worker(arg: *mut c_void) -> *mut c_void {
    // SAFETY: a Job boxed by `start` for this thread.
    let job = unsafe { Box::from_raw(arg.cast::<Job>()) };
    run(job.req);
    // SAFETY: the batch lives until its last request ends.
    let last = unsafe { (*job.batch).left.fetch_sub(1, Release) } == 1;
    if last {
        core::sync::atomic::fence(Acquire);
        // SAFETY: the last user of the batch.
        let batch = unsafe { Box::from_raw(job.batch) };
        if let Some(ev) = &batch.notify {
            notify(ev);
        }
    }
    core::ptr::null_mut()
}

/// A heap box over malloc (no alloc crate in the shim).
struct Box<T>(*mut T);

impl<T> Box<T> {
    fn new(value: T) -> Option<Self> {
        // SAFETY: malloc of T's size; written before use.
        let p = unsafe { libc::malloc(size_of::<T>()) }.cast::<T>();
        if p.is_null() {
            return None;
        }
        // SAFETY: fresh, suitably aligned (malloc's alignment covers T).
        unsafe { p.write(value) };
        Some(Self(p))
    }
    /// # Safety
    /// `p` came from `into_raw`.
    unsafe fn from_raw(p: *mut T) -> Self {
        Self(p)
    }
    fn into_raw(self) -> *mut T {
        let p = self.0;
        core::mem::forget(self);
        p
    }
}

impl<T> core::ops::Deref for Box<T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: a live allocation holding a T.
        unsafe { &*self.0 }
    }
}

impl<T> Drop for Box<T> {
    fn drop(&mut self) {
        // SAFETY: ours; dropped once, then freed.
        unsafe {
            self.0.drop_in_place();
            libc::free(self.0.cast());
        }
    }
}

/// Starts `req` on a detached thread of its own.
fn start(req: *mut gaicb, batch: *mut Batch) -> bool {
    let Some(job) = Box::new(Job { req, batch }) else { return false };
    let job = job.into_raw();
    // SAFETY: an attribute object initialised, used, destroyed here.
    unsafe {
        let mut attr: libc::pthread_attr_t = core::mem::zeroed();
        libc::pthread_attr_init(&mut attr);
        libc::pthread_attr_setdetachstate(&mut attr, libc::PTHREAD_CREATE_DETACHED);
        let mut thread: libc::pthread_t = core::mem::zeroed();
        let r = libc::pthread_create(&mut thread, &attr, worker, job.cast());
        libc::pthread_attr_destroy(&mut attr);
        if r != 0 {
            drop(Box::from_raw(job));
            return false;
        }
    }
    true
}

/// `getaddrinfo_a`: starts lookups for the `nitems` requests of `list`
/// (null entries skipped); `GAI_WAIT` returns when all ended, `GAI_NOWAIT`
/// at once, with `sevp` notified when all ended. 0, or `EAI_AGAIN` when a
/// lookup could not be started (`EAI_SYSTEM` for a bad `mode`).
///
/// # Safety
/// `list` holds `nitems` pointers, each null or a `gaicb` that stays valid
/// until its request ends; `sevp` null or a `sigevent`.
#[export]
pub unsafe extern "C" fn getaddrinfo_a(
    mode: c_int,
    list: *mut *mut gaicb,
    nitems: c_int,
    sevp: *mut SigEvent,
) -> c_int {
    if mode != GAI_WAIT && mode != GAI_NOWAIT {
        crate::abi::errno::set(libc::EINVAL);
        return EAI_SYSTEM;
    }
    let n = nitems.max(0) as usize;
    // SAFETY: the caller's array.
    let reqs = unsafe { core::slice::from_raw_parts(list, n) };
    if mode == GAI_WAIT {
        for &req in reqs.iter().filter(|r| !r.is_null()) {
            status(req).store(EAI_INPROGRESS, Release);
            run(req);
        }
        return 0;
    }
    let count = reqs.iter().filter(|r| !r.is_null()).count();
    // SAFETY: sevp is null or the caller's sigevent, copied now.
    let notify = unsafe { sevp.as_ref() }.map(|ev| SigEvent { _pad: [0; 8], ..*ev });
    if count == 0 {
        if let Some(ev) = &notify {
            self::notify(ev);
        }
        return 0;
    }
    let Some(batch) = Box::new(Batch { left: AtomicUsize::new(count), notify }) else { return EAI_AGAIN };
    let batch = batch.into_raw();
    let mut result = 0;
    for &req in reqs.iter().filter(|r| !r.is_null()) {
        status(req).store(EAI_INPROGRESS, Release);
        if !start(req, batch) {
            // Not started: it counts as ended, with the error.
            status(req).store(EAI_AGAIN, Release);
            result = EAI_AGAIN;
            // SAFETY: the batch is live while any request is counted.
            if unsafe { (*batch).left.fetch_sub(1, Release) } == 1 {
                // SAFETY: the last user of the batch.
                drop(unsafe { Box::from_raw(batch) });
            }
        }
    }
    result
}

/// `gai_error`: `EAI_INPROGRESS` while the request runs, then the result of
/// its `getaddrinfo`.
///
/// # Safety
/// `req` is a request given to `getaddrinfo_a`.
#[export]
pub unsafe extern "C" fn gai_error(req: *mut gaicb) -> c_int {
    status(req).load(Acquire)
}

/// `gai_cancel`: `EAI_ALLDONE` for an ended request, `EAI_NOTCANCELED`
/// for a running one (see the module docs).
///
/// # Safety
/// `req` is a request given to `getaddrinfo_a`.
#[export]
pub unsafe extern "C" fn gai_cancel(req: *mut gaicb) -> c_int {
    if status(req).load(Acquire) == EAI_INPROGRESS { EAI_NOTCANCELED } else { EAI_ALLDONE }
}

/// `gai_suspend`: waits until one running request of `list` has ended (0)
/// or the relative `timeout` passed (`EAI_AGAIN`); `EAI_ALLDONE` at once
/// when `list` has no running request.
///
/// # Safety
/// `list` holds `nitems` pointers, each null or a request; `timeout` null
/// or a `timespec`.
#[export]
pub unsafe extern "C" fn gai_suspend(
    list: *const *const gaicb,
    nitems: c_int,
    timeout: *const libc::timespec,
) -> c_int {
    // SAFETY: the caller's array.
    let reqs = unsafe { core::slice::from_raw_parts(list, nitems.max(0) as usize) };
    let live: &[*const gaicb] = reqs;
    let ended = || live.iter().any(|&r| !r.is_null() && status(r.cast_mut()).load(Acquire) != EAI_INPROGRESS);
    // Ended requests count as absent, as in glibc: with none running there
    // is nothing to wait for.
    if !live.iter().any(|&r| !r.is_null() && status(r.cast_mut()).load(Acquire) == EAI_INPROGRESS) {
        return EAI_ALLDONE;
    }
    let deadline = {
        // SAFETY: timeout is null or the caller's timespec.
        unsafe { timeout.as_ref() }.map(|t| {
            let mut now = libc::timespec { tv_sec: 0, tv_nsec: 0 };
            // SAFETY: a valid timespec.
            unsafe { libc::clock_gettime(libc::CLOCK_REALTIME, &mut now) };
            let mut nsec = now.tv_nsec + t.tv_nsec;
            let mut sec = now.tv_sec + t.tv_sec + nsec / 1_000_000_000;
            nsec %= 1_000_000_000;
            if sec < now.tv_sec {
                sec = i64::MAX as _;
            }
            libc::timespec { tv_sec: sec, tv_nsec: nsec }
        })
    };
    let mut result = 0;
    // SAFETY: the static mutex and condition variable.
    unsafe {
        libc::pthread_mutex_lock(DONE.mutex.get());
        while !ended() {
            match &deadline {
                Some(d) => {
                    if libc::pthread_cond_timedwait(DONE.cond.get(), DONE.mutex.get(), d) == libc::ETIMEDOUT && !ended()
                    {
                        result = EAI_AGAIN;
                        break;
                    }
                }
                None => {
                    libc::pthread_cond_wait(DONE.cond.get(), DONE.mutex.get());
                }
            }
        }
        libc::pthread_mutex_unlock(DONE.mutex.get());
    }
    result
}
