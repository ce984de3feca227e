//! Thread creation: `pthread_create` and `thrd_create` start every thread
//! the way a glibc-built program expects to find it: the process marked
//! multi-threaded before the thread exists (`__libc_single_threaded`), and
//! the new thread's restartable-sequences area registered before its start
//! routine runs (`__rseq_offset`), as glibc's own thread start does, with
//! glibc's attribute extensions (affinity, signal mask: attr.rs) applied.
//! The thread and its result are musl's for every caller.

use core::ffi::{c_int, c_void};

use crate::musl_next;

unsafe extern "C" {
    // Not in the libc crate for musl targets.
    fn pthread_attr_getdetachstate(attr: *const libc::pthread_attr_t, state: *mut c_int) -> c_int;
    fn _pthread_cleanup_push(record: *mut CleanupRecord, f: unsafe extern "C" fn(*mut c_void), arg: *mut c_void);
    fn _pthread_cleanup_pop(record: *mut CleanupRecord, run: c_int);
}

/// musl's `struct __ptcb`: a record in its per-thread cleanup list.
#[repr(C)]
struct CleanupRecord {
    f: Option<unsafe extern "C" fn(*mut c_void)>,
    arg: *mut c_void,
    next: *mut CleanupRecord,
}

unsafe extern "C" fn end_rseq(_: *mut c_void) {
    crate::rtld::unregister_rseq_thread();
}

/// Runs `body` on a thread that registered its rseq area, and unregisters
/// the area however the thread ends: on return here, and through musl's
/// cleanup list on `pthread_exit`, `thrd_exit` or cancellation (the
/// outermost record, so it runs after every handler the thread pushed).
/// A detached musl thread unmaps its own stack, where the area lies, before
/// its last system call: the area must be gone from the kernel's view first.
fn with_rseq<R>(body: impl FnOnce() -> R) -> R {
    crate::rtld::register_rseq_thread();
    let mut record = core::mem::MaybeUninit::<CleanupRecord>::uninit();
    // SAFETY: the record lives in this frame, which outlives the body; musl
    // fills it in and links it.
    unsafe { _pthread_cleanup_push(record.as_mut_ptr(), end_rseq, core::ptr::null_mut()) };
    let r = body();
    // SAFETY: the record pushed above, still the innermost one (the body's
    // own records are popped by then, as pthread_cleanup_pop pairs them).
    unsafe { _pthread_cleanup_pop(record.as_mut_ptr(), 1) };
    r
}

type StartRoutine = unsafe extern "C" fn(*mut c_void) -> *mut c_void;
type C11Start = unsafe extern "C" fn(*mut c_void) -> c_int;

musl_next!(fn musl_pthread_create = "pthread_create":
    unsafe extern "C" fn(*mut libc::pthread_t, *const libc::pthread_attr_t, StartRoutine, *mut c_void) -> c_int);
musl_next!(fn musl_thrd_create = "thrd_create":
    unsafe extern "C" fn(*mut libc::pthread_t, C11Start, *mut c_void) -> c_int);

/// What the new thread is to run, handed to its trampoline.
struct Start<F> {
    routine: F,
    arg: *mut c_void,
}

/// Boxes `value` in malloc'd memory, or `None` when memory is short.
fn boxed<T>(value: T) -> Option<*mut T> {
    // SAFETY: malloc has no preconditions.
    let p = unsafe { libc::malloc(core::mem::size_of::<T>()) }.cast::<T>();
    if p.is_null() {
        return None;
    }
    // SAFETY: fresh memory of the right size and alignment (malloc's).
    unsafe { p.write(value) };
    Some(p)
}

/// Takes the value back out of its box.
///
/// # Safety
/// `p` came from [`boxed`] and is taken once.
unsafe fn unbox<T>(p: *mut c_void) -> T {
    // SAFETY: as the caller promises.
    unsafe {
        let value = p.cast::<T>().read();
        libc::free(p);
        value
    }
}

/// A POSIX thread's start: with glibc's attribute extensions (attr.rs),
/// applied by the new thread before its start routine.
struct PosixStart {
    routine: StartRoutine,
    arg: *mut c_void,
    /// The signal mask to run with (the thread starts with all signals
    /// blocked when there is one).
    sigmask: Option<libc::sigset_t>,
    /// The CPU set to run on; the creator waits on `settled` for the
    /// result and owns this box then.
    cpuset: *const u8,
    cpusetsize: usize,
    settled: libc::sem_t,
    result: c_int,
}

unsafe extern "C" fn posix_trampoline(p: *mut c_void) -> *mut c_void {
    let start = p.cast::<PosixStart>();
    // SAFETY: `p` is the box pthread_create made for this thread; with a
    // CPU set the creator keeps it until `settled` is posted.
    let (routine, arg, sigmask) = unsafe { ((*start).routine, (*start).arg, (*start).sigmask) };
    // SAFETY: as above.
    if unsafe { (*start).cpuset.is_null() } {
        // SAFETY: no one else holds the box.
        unsafe { libc::free(p) };
    } else {
        // SAFETY: the set lives in the creator's attributes until it has
        // the result; errno is this thread's.
        let rc = unsafe {
            if libc::sched_setaffinity(0, (*start).cpusetsize, (*start).cpuset.cast()) == 0 {
                0
            } else {
                crate::abi::errno::get()
            }
        };
        // SAFETY: the creator waits for this; after the post the box is its.
        unsafe {
            (*start).result = rc;
            libc::sem_post(&raw mut (*start).settled);
        }
        if rc != 0 {
            // glibc's pthread_create fails and the start routine never runs.
            return core::ptr::null_mut();
        }
    }
    if let Some(mask) = sigmask {
        // SAFETY: a valid set.
        unsafe { libc::pthread_sigmask(libc::SIG_SETMASK, &mask, core::ptr::null_mut()) };
    }
    // SAFETY: the caller's start routine with its argument.
    with_rseq(|| unsafe { routine(arg) })
}

unsafe extern "C" fn c11_trampoline(p: *mut c_void) -> c_int {
    // SAFETY: `p` is the box thrd_create made for this thread.
    let start = unsafe { unbox::<Start<C11Start>>(p) };
    // SAFETY: the caller's start routine with its argument.
    with_rseq(|| unsafe { (start.routine)(start.arg) })
}

/// `pthread_create`, for the C front (which passes its caller): every
/// thread starts through [`posix_trampoline`] after the process is marked
/// multi-threaded. A glibc caller's thread without attributes gets glibc's
/// default guard (one page); attributes with an affinity or a signal mask
/// (attr.rs) get them applied before the start routine runs, and an
/// affinity the kernel refuses fails the call with its error, as in glibc.
///
/// # Safety
/// As musl's `pthread_create`.
#[export(local)]
pub unsafe extern "C" fn __gcompat_pthread_create(
    thread: *mut libc::pthread_t,
    attr: *const libc::pthread_attr_t,
    routine: StartRoutine,
    arg: *mut c_void,
    caller: *const c_void,
) -> c_int {
    crate::sys_single_threaded::mark_multi_threaded();
    let create = musl_pthread_create();
    let mut defaults = core::mem::MaybeUninit::<libc::pthread_attr_t>::uninit();
    let mut attr = attr;
    if attr.is_null() && crate::abi::caller::is_glibc(caller) {
        // SAFETY: initialized by musl, then given glibc's guard.
        unsafe {
            if super::attr::musl_attr_init()(defaults.as_mut_ptr()) == 0 {
                super::attr::glibc_defaults(defaults.as_mut_ptr());
                attr = defaults.as_ptr();
            }
        }
    }
    // SAFETY: null or the caller's initialized attributes.
    let ext = unsafe { super::attr::extension(attr) };
    let (cpuset, cpusetsize) = ext.map_or((core::ptr::null(), 0), |e| (e.cpuset.cast_const(), e.cpusetsize));
    let sigmask = ext.filter(|e| e.sigmask_set).map(|e| e.sigmask);
    let start = PosixStart {
        routine,
        arg,
        sigmask,
        cpuset,
        cpusetsize,
        // SAFETY: all-zero is a valid sem_t until sem_init below.
        settled: unsafe { core::mem::zeroed() },
        result: 0,
    };
    let Some(start) = boxed(start) else {
        if !cpuset.is_null() || sigmask.is_some() {
            return libc::EAGAIN;
        }
        // Memory is short: the thread starts unwrapped, with no rseq area
        // (users see `cpu_id` -1).
        // SAFETY: forwarded unchanged.
        return unsafe { create(thread, attr, routine, arg) };
    };
    if !cpuset.is_null() {
        // SAFETY: the box's semaphore, private to this process.
        unsafe { libc::sem_init(&raw mut (*start).settled, 0, 0) };
    }
    // With a signal mask the new thread starts with every signal blocked
    // (it inherits the creator's mask) and sets its own before running.
    let mut saved = core::mem::MaybeUninit::<libc::sigset_t>::uninit();
    if sigmask.is_some() {
        // SAFETY: musl's sigfillset leaves out its own signals.
        unsafe {
            let mut all = core::mem::MaybeUninit::<libc::sigset_t>::uninit();
            libc::sigfillset(all.as_mut_ptr());
            libc::pthread_sigmask(libc::SIG_SETMASK, all.as_ptr(), saved.as_mut_ptr());
        }
    }
    // SAFETY: the trampoline takes the box and runs the caller's routine.
    let mut rc = unsafe { create(thread, attr, posix_trampoline, start.cast()) };
    if sigmask.is_some() {
        // SAFETY: the mask saved above.
        unsafe { libc::pthread_sigmask(libc::SIG_SETMASK, saved.as_ptr(), core::ptr::null_mut()) };
    }
    if rc == 0 && !cpuset.is_null() {
        // SAFETY: the thread posts once; then the box is ours again.
        unsafe {
            while libc::sem_wait(&raw mut (*start).settled) != 0 {}
            rc = (*start).result;
            libc::sem_destroy(&raw mut (*start).settled);
        }
        if rc != 0 {
            let mut detached = libc::PTHREAD_CREATE_JOINABLE;
            // SAFETY: the caller's attributes (a CPU set means non-null).
            unsafe { pthread_attr_getdetachstate(attr, &mut detached) };
            if detached == libc::PTHREAD_CREATE_JOINABLE {
                // SAFETY: the thread ends without running the routine.
                unsafe { libc::pthread_join(*thread, core::ptr::null_mut()) };
            }
        }
        // SAFETY: no one else holds the box now.
        unsafe { libc::free(start.cast()) };
    } else if rc != 0 {
        // SAFETY: no thread took the box.
        unsafe { libc::free(start.cast()) };
    }
    rc
}

/// `thrd_create` (C11).
///
/// # Safety
/// As musl's `thrd_create`.
#[export]
pub unsafe extern "C" fn thrd_create(thread: *mut libc::pthread_t, routine: C11Start, arg: *mut c_void) -> c_int {
    crate::sys_single_threaded::mark_multi_threaded();
    let create = musl_thrd_create();
    let Some(start) = boxed(Start { routine, arg }) else {
        // Memory is short: the thread starts unwrapped (no rseq area).
        // SAFETY: forwarded unchanged.
        return unsafe { create(thread, routine, arg) };
    };
    // SAFETY: as pthread_create.
    let rc = unsafe { create(thread, c11_trampoline, start.cast()) };
    if rc != 0 {
        // thrd_success is 0; no thread took the box.
        // SAFETY: as above.
        unsafe { libc::free(start.cast()) };
    }
    rc
}
