//! The 4.2BSD signal-mask calls glibc keeps (`sigblock`, `sigsetmask`,
//! `siggetmask`), which musl lacks: masks as an `int` whose bit `sig - 1`
//! stands for signal `sig` (`sigmask(sig)`), so only signals 1..=31 fit
//! (glibc `signal/sigblock.c`, `sigsetmask.c`, `siggetmask.c`).

use core::ffi::c_int;
use core::mem::MaybeUninit;

/// The `int` mask's signals as a `sigset_t`.
fn to_set(mask: c_int) -> libc::sigset_t {
    let mut set = MaybeUninit::<libc::sigset_t>::uninit();
    // SAFETY: sigemptyset initialises the set.
    unsafe { libc::sigemptyset(set.as_mut_ptr()) };
    // SAFETY: initialised just above.
    let mut set = unsafe { set.assume_init() };
    for sig in 1..=31 {
        if mask & (1 << (sig - 1)) != 0 {
            // SAFETY: a valid set and signal number.
            unsafe { libc::sigaddset(&mut set, sig) };
        }
    }
    set
}

/// The `sigset_t`'s signals 1..=31 as an `int` mask.
fn to_mask(set: &libc::sigset_t) -> c_int {
    (1..=31).fold(0, |mask, sig| {
        // SAFETY: a valid set and signal number.
        if unsafe { libc::sigismember(set, sig) } == 1 { mask | (1 << (sig - 1)) } else { mask }
    })
}

/// `sigprocmask(how, mask)`, giving the old mask as an `int`, or -1.
fn change(how: c_int, mask: c_int) -> c_int {
    let set = to_set(mask);
    let mut old = to_set(0);
    // SAFETY: valid sets; the old one is written.
    if unsafe { libc::sigprocmask(how, &set, &mut old) } < 0 {
        return -1;
    }
    to_mask(&old)
}

/// `sigblock`: adds `mask`'s signals to the blocked set and returns the old
/// mask (glibc manual, "Blocking in BSD"; sigblock(3)).
///
/// # Safety
/// None: any mask is accepted.
#[export]
pub unsafe extern "C" fn sigblock(mask: c_int) -> c_int {
    change(libc::SIG_BLOCK, mask)
}

/// `sigsetmask`: sets the blocked set to `mask` and returns the old mask
/// (sigsetmask(3)).
///
/// # Safety
/// None: any mask is accepted.
#[export]
pub unsafe extern "C" fn sigsetmask(mask: c_int) -> c_int {
    change(libc::SIG_SETMASK, mask)
}

/// `siggetmask`: the blocked set as a mask (siggetmask(3)).
///
/// # Safety
/// None.
#[export]
pub unsafe extern "C" fn siggetmask() -> c_int {
    change(libc::SIG_BLOCK, 0)
}
