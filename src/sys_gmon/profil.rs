//! `profil`: the PC histogram behind gprof's flat profile (glibc
//! `sysdeps/posix/profil.c`, Linux `profil-counter.h`).
//!
//! `ITIMER_PROF` fires `SIGPROF` once per profiling-clock tick of CPU time;
//! the handler takes the interrupted PC from its `ucontext` and adds one to
//! `buf[((pc - offset) / 2) * scale / 65536]` if that is inside the buffer
//! (a 16-bit counter, which wraps as glibc's does). The timer and handler
//! that were there before are saved when profiling starts and put back when
//! it stops.

use core::cell::UnsafeCell;
use core::ffi::{c_int, c_uint, c_ushort, c_void};
use core::sync::atomic::{AtomicPtr, AtomicU32, AtomicUsize, Ordering::Relaxed};

/// The histogram the handler counts into; null when profiling is off.
static SAMPLES: AtomicPtr<c_ushort> = AtomicPtr::new(core::ptr::null_mut());
static NSAMPLES: AtomicUsize = AtomicUsize::new(0);
static PC_OFFSET: AtomicUsize = AtomicUsize::new(0);
static PC_SCALE: AtomicU32 = AtomicU32::new(0);

/// What `profil` replaced, put back when profiling stops (glibc's static
/// `oact` and `otimer`).
struct Saved {
    action: UnsafeCell<libc::sigaction>,
    timer: UnsafeCell<libc::itimerval>,
}

// SAFETY: read and written only by `profil`, which, as in glibc, callers do
// not run in two threads at once (it is MT-Unsafe there).
unsafe impl Sync for Saved {}

// SAFETY: all-zero sigaction and itimerval values are valid (SIG_DFL, off).
static SAVED: Saved = unsafe { core::mem::zeroed() };

/// The histogram bucket of `pc`: glibc's `profil_count` arithmetic, which on
/// a 64-bit `size_t` splits the multiplication so that it cannot overflow.
pub(super) fn bucket(pc: usize, offset: usize, scale: c_uint) -> usize {
    let i = pc.wrapping_sub(offset) / 2;
    let scale = scale as usize;
    (i / 65536).wrapping_mul(scale).wrapping_add(i % 65536 * scale / 65536)
}

extern "C" fn profil_counter(_signo: c_int, _info: *mut libc::siginfo_t, ctx: *mut c_void) {
    // SAFETY: installed as an SA_SIGINFO handler, so `ctx` is its context.
    let pc = unsafe { super::interrupted_pc(ctx) };
    let samples = SAMPLES.load(Relaxed);
    let i = bucket(pc, PC_OFFSET.load(Relaxed), PC_SCALE.load(Relaxed));
    if !samples.is_null() && i < NSAMPLES.load(Relaxed) {
        // SAFETY: `profil`'s caller gave a buffer of NSAMPLES counters, which
        // it keeps valid while profiling is on; the program may read it at
        // any time, hence the volatile access.
        unsafe {
            let slot = samples.add(i);
            slot.write_volatile(slot.read_volatile().wrapping_add(1));
        }
    }
}

/// Puts back the timer and `SIGPROF` action that profiling replaced.
fn restore() -> c_int {
    // SAFETY: SAVED holds what setitimer and sigaction stored (see `Saved`).
    unsafe {
        if super::set_prof_timer(&*SAVED.timer.get(), core::ptr::null_mut()) < 0 {
            return -1;
        }
        libc::sigaction(libc::SIGPROF, SAVED.action.get(), core::ptr::null_mut())
    }
}

/// The timer profiling runs on: one `SIGPROF` per tick of the profiling
/// clock (`1000000 / __profile_frequency()` microseconds).
pub(super) fn tick_timer(usec: core::ffi::c_long) -> libc::itimerval {
    let tick = libc::timeval { tv_sec: 0, tv_usec: usec };
    libc::itimerval { it_interval: tick, it_value: tick }
}

/// The body of `profil`, also what `moncontrol` starts and stops the
/// histogram with (glibc's `__profil`, which a program's own `profil`
/// cannot interpose on).
///
/// # Safety
/// As [`profil`].
pub(super) unsafe fn start_or_stop(buf: *mut c_ushort, size: usize, offset: usize, scale: c_uint) -> c_int {
    if buf.is_null() {
        if SAMPLES.load(Relaxed).is_null() {
            return 0;
        }
        // SAFETY: see `Saved`.
        if super::set_prof_timer(unsafe { &*SAVED.timer.get() }, core::ptr::null_mut()) < 0 {
            return -1;
        }
        SAMPLES.store(core::ptr::null_mut(), Relaxed);
        // SAFETY: see `Saved`.
        return unsafe { libc::sigaction(libc::SIGPROF, SAVED.action.get(), core::ptr::null_mut()) };
    }
    if !SAMPLES.load(Relaxed).is_null() && restore() < 0 {
        return -1;
    }
    SAMPLES.store(buf, Relaxed);
    NSAMPLES.store(size / 2, Relaxed);
    PC_OFFSET.store(offset, Relaxed);
    PC_SCALE.store(scale, Relaxed);
    let act = super::counter_action(profil_counter);
    // SAFETY: a valid action; SAVED.action receives the old one (see `Saved`).
    if unsafe { libc::sigaction(libc::SIGPROF, &act, SAVED.action.get()) } < 0 {
        return -1;
    }
    let timer = tick_timer(1_000_000 / core::ffi::c_long::from(super::profile_frequency()));
    super::set_prof_timer(&timer, SAVED.timer.get())
}

/// `profil`: counts where the program spends its CPU time into `buf`
/// (`size` bytes of 16-bit counters): every profiling-clock tick adds one
/// to `buf[((pc - offset) / 2) * scale / 65536]`, when that is inside the
/// buffer. A null `buf` stops profiling and puts back the timer and
/// `SIGPROF` action it replaced. Returns 0, or -1 with errno from
/// `sigaction` or `setitimer`. (Linux `profil(3)`, glibc `profil.c`.)
///
/// A `scale` of 0x10000 maps each pair of bytes of text to one counter; as
/// in glibc's code, a `scale` of 0 or 1 does not stop profiling but sends
/// (nearly) every sample to `buf[0]`.
///
/// # Safety
/// `buf` is null, or valid for reads and writes of `size` bytes until
/// profiling is stopped. Uses `ITIMER_PROF` and `SIGPROF`, as glibc's does.
#[export]
pub unsafe extern "C" fn profil(buf: *mut c_ushort, size: usize, offset: usize, scale: c_uint) -> c_int {
    // SAFETY: the caller's buffer, as documented.
    unsafe { start_or_stop(buf, size, offset, scale) }
}

#[cfg(test)]
mod tests {
    use super::bucket;

    #[test]
    fn bucket_is_glibcs_arithmetic() {
        // One-to-one: a counter per two bytes of text.
        assert_eq!(bucket(0x1000 + 10, 0x1000, 0x10000), 5);
        // Half scale: a counter per four bytes.
        assert_eq!(bucket(0x1000 + 10, 0x1000, 0x8000), 2);
        // Below the offset wraps far past any buffer.
        assert!(bucket(0xfff, 0x1000, 0x10000) > 1 << 40);
        // Scale 0: everything in bucket 0.
        assert_eq!(bucket(0x123456, 0x1000, 0), 0);
        // Large distances do not overflow the multiplication.
        let far = 0x7fff_0000_0000usize;
        assert_eq!(bucket(far, 0, 0x10000), far / 2);
    }
}
