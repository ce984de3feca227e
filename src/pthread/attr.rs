//! Thread attributes as glibc has them: a CPU affinity and a signal mask for
//! the new thread (`pthread_attr_setaffinity_np`, `pthread_attr_setsigmask_np`
//! and their getters, which musl lacks), glibc's defaults for a glibc
//! caller's attributes (a guard of one page, where musl's is two), and the
//! deprecated stack-address attribute (`pthread_attr_setstackaddr`).
//!
//! glibc keeps the affinity and the mask outside the attribute object, behind
//! a pointer to an "extension" that `pthread_attr_destroy` frees. The shim
//! does the same: the pointer lives in bytes 40..48 of the object, which
//! musl's `pthread_attr_t` (56 bytes: stack size, guard size, stack address,
//! then four ints of flags at 24..40) never uses and its `pthread_attr_init`
//! and `pthread_getattr_np` zero. `pthread_create` (create.rs) applies it.

use core::ffi::{c_int, c_void};
use core::ptr;

use crate::abi::caller;
use crate::musl_next;

type Attr = libc::pthread_attr_t;

// musl's definitions (the `libc` crate declares them for some targets only).
unsafe extern "C" {
    fn pthread_attr_setstack(attr: *mut Attr, addr: *mut c_void, size: usize) -> c_int;
    fn pthread_attr_getstack(attr: *const Attr, addr: *mut *mut c_void, size: *mut usize) -> c_int;
    fn pthread_attr_getstacksize(attr: *const Attr, size: *mut usize) -> c_int;
}

musl_next!(pub fn musl_attr_init = "pthread_attr_init": unsafe extern "C" fn(*mut Attr) -> c_int);
musl_next!(fn musl_attr_destroy = "pthread_attr_destroy": unsafe extern "C" fn(*mut Attr) -> c_int);
musl_next!(fn musl_getattr_np = "pthread_getattr_np": unsafe extern "C" fn(libc::pthread_t, *mut Attr) -> c_int);
musl_next!(fn musl_getattr_default_np = "pthread_getattr_default_np": unsafe extern "C" fn(*mut Attr) -> c_int);

/// `PTHREAD_ATTR_NO_SIGMASK_NP`: `pthread_attr_getsigmask_np`'s answer for
/// an object without a signal mask.
const NO_SIGMASK_NP: c_int = -1;

/// Index of the extension pointer in the object, in pointer-sized words.
const EXTENSION_WORD: usize = 5;

/// What glibc keeps outside the attribute object.
#[repr(C)]
pub struct Extension {
    pub cpuset: *mut u8,
    pub cpusetsize: usize,
    pub sigmask: libc::sigset_t,
    pub sigmask_set: bool,
}

/// The extension slot of `attr`.
///
/// # Safety
/// `attr` points to a `pthread_attr_t`.
unsafe fn slot(attr: *const Attr) -> *mut *mut Extension {
    // SAFETY: word 5 of the 7-word object; pthread_attr_t is 8-aligned.
    unsafe { attr.cast::<*mut Extension>().add(EXTENSION_WORD).cast_mut() }
}

/// The extension of an attribute object, if it has one.
///
/// # Safety
/// `attr` is null or points to an initialized `pthread_attr_t`.
pub unsafe fn extension<'a>(attr: *const Attr) -> Option<&'a Extension> {
    if attr.is_null() {
        return None;
    }
    // SAFETY: as the caller promises; a non-null slot is ours.
    unsafe { (*slot(attr)).as_ref() }
}

/// The extension of `attr`, made if it has none; `ENOMEM` if memory is short.
///
/// # Safety
/// `attr` points to an initialized `pthread_attr_t`.
unsafe fn extension_mut<'a>(attr: *mut Attr) -> Result<&'a mut Extension, c_int> {
    // SAFETY: as the caller promises.
    let slot = unsafe { slot(attr) };
    // SAFETY: the slot holds null or the extension we made.
    if let Some(ext) = unsafe { (*slot).as_mut() } {
        return Ok(ext);
    }
    // SAFETY: calloc has no preconditions; all-zero is a valid Extension
    // (null cpuset, empty mask, no mask set).
    let ext = unsafe { libc::calloc(1, core::mem::size_of::<Extension>()) }.cast::<Extension>();
    if ext.is_null() {
        return Err(libc::ENOMEM);
    }
    // SAFETY: the slot is ours; the memory is fresh.
    unsafe {
        *slot = ext;
        Ok(&mut *ext)
    }
}

/// Gives a glibc caller's fresh attributes glibc's default guard size.
///
/// # Safety
/// `attr` points to an initialized `pthread_attr_t`.
pub unsafe fn glibc_defaults(attr: *mut Attr) {
    // SAFETY: as the caller promises; a page is a valid guard size.
    unsafe { libc::pthread_attr_setguardsize(attr, crate::abi::page_size()) };
}

/// `pthread_attr_init`, for the C front: glibc callers get glibc's default
/// guard (one page), musl callers musl's.
///
/// # Safety
/// As `pthread_attr_init(3)`.
#[export(local)]
pub unsafe extern "C" fn __gcompat_pthread_attr_init(attr: *mut Attr, caller: *const c_void) -> c_int {
    // SAFETY: as the caller promises.
    let rc = unsafe { musl_attr_init()(attr) };
    if rc == 0 && caller::is_glibc(caller) {
        // SAFETY: just initialized.
        unsafe { glibc_defaults(attr) };
    }
    rc
}

/// `pthread_getattr_default_np`, for the C front: glibc callers see glibc's
/// default guard (one page).
///
/// # Safety
/// As `pthread_getattr_default_np(3)`.
///
/// # glibc differences
/// `pthread_setattr_default_np` is musl's: it only raises the defaults, and
/// glibc callers keep seeing a one-page guard here.
#[export(local)]
pub unsafe extern "C" fn __gcompat_pthread_getattr_default_np(attr: *mut Attr, caller: *const c_void) -> c_int {
    // SAFETY: as the caller promises.
    let rc = unsafe { musl_getattr_default_np()(attr) };
    if rc == 0 && caller::is_glibc(caller) {
        // SAFETY: just filled in.
        unsafe { glibc_defaults(attr) };
    }
    rc
}

/// `pthread_getattr_np`, for the C front: for glibc callers the attributes
/// also carry the thread's CPU affinity, as glibc's do, so that
/// `pthread_attr_getaffinity_np` reports it.
///
/// # Safety
/// As `pthread_getattr_np(3)`.
#[export(local)]
pub unsafe extern "C" fn __gcompat_pthread_getattr_np(
    thread: libc::pthread_t,
    attr: *mut Attr,
    caller: *const c_void,
) -> c_int {
    // SAFETY: as the caller promises.
    let rc = unsafe { musl_getattr_np()(thread, attr) };
    if rc != 0 || !caller::is_glibc(caller) {
        return rc;
    }
    // glibc asks the kernel with 16 bytes, doubling while it is too small.
    let mut size = 16usize;
    loop {
        // SAFETY: malloc has no preconditions.
        let buf = unsafe { libc::malloc(size) }.cast::<u8>();
        if buf.is_null() {
            return libc::ENOMEM;
        }
        // SAFETY: `buf` holds `size` bytes.
        let r = unsafe { libc::pthread_getaffinity_np(thread, size, buf.cast()) };
        if r == 0 {
            // SAFETY: `attr` was just filled in; `buf` holds the set.
            let r = unsafe { pthread_attr_setaffinity_np(attr, size, buf.cast()) };
            // SAFETY: ours, copied by the call above.
            unsafe { libc::free(buf.cast()) };
            return r;
        }
        // SAFETY: ours.
        unsafe { libc::free(buf.cast()) };
        if r != libc::EINVAL || size >= 1 << 20 {
            // glibc gives up on other errors too (the attributes stay
            // without an affinity); musl's answer stands.
            return rc;
        }
        size *= 2;
    }
}

/// `pthread_attr_destroy`: frees the extension (musl's objects have none),
/// then musl's.
///
/// # Safety
/// As `pthread_attr_destroy(3)`.
#[export]
pub unsafe extern "C" fn pthread_attr_destroy(attr: *mut Attr) -> c_int {
    // SAFETY: as the caller promises; the slot is null or ours.
    unsafe {
        let slot = slot(attr);
        if let Some(ext) = (*slot).as_mut() {
            libc::free(ext.cpuset.cast());
            libc::free(ptr::from_mut(ext).cast());
            *slot = ptr::null_mut();
        }
        musl_attr_destroy()(attr)
    }
}

/// `pthread_attr_setaffinity_np`: the new thread's CPU set (a copy of
/// `cpusetsize` bytes); a null set or size 0 removes it. `ENOMEM` if memory
/// is short. Whether the set is valid shows at `pthread_create`.
///
/// # Safety
/// `attr` is initialized; `cpuset` is null or holds `cpusetsize` bytes.
#[export]
pub unsafe extern "C" fn pthread_attr_setaffinity_np(
    attr: *mut Attr,
    cpusetsize: usize,
    cpuset: *const libc::cpu_set_t,
) -> c_int {
    if cpuset.is_null() || cpusetsize == 0 {
        // SAFETY: as the caller promises; the slot is null or ours.
        if let Some(ext) = unsafe { (*slot(attr)).as_mut() } {
            // SAFETY: ours or null.
            unsafe { libc::free(ext.cpuset.cast()) };
            ext.cpuset = ptr::null_mut();
            ext.cpusetsize = 0;
        }
        return 0;
    }
    // SAFETY: as the caller promises.
    let ext = match unsafe { extension_mut(attr) } {
        Ok(ext) => ext,
        Err(e) => return e,
    };
    if ext.cpusetsize != cpusetsize {
        // SAFETY: null or our allocation.
        let p = unsafe { libc::realloc(ext.cpuset.cast(), cpusetsize) }.cast::<u8>();
        if p.is_null() {
            return libc::ENOMEM;
        }
        ext.cpuset = p;
        ext.cpusetsize = cpusetsize;
    }
    // SAFETY: both hold `cpusetsize` bytes.
    unsafe { ptr::copy_nonoverlapping(cpuset.cast::<u8>(), ext.cpuset, cpusetsize) };
    0
}

/// `pthread_attr_getaffinity_np`: the CPU set, zero-filled past its size;
/// all ones when none was set; `EINVAL` when the set has CPUs past
/// `cpusetsize` bytes.
///
/// # Safety
/// `attr` is initialized; `cpuset` holds `cpusetsize` bytes.
#[export]
pub unsafe extern "C" fn pthread_attr_getaffinity_np(
    attr: *const Attr,
    cpusetsize: usize,
    cpuset: *mut libc::cpu_set_t,
) -> c_int {
    let out = cpuset.cast::<u8>();
    // SAFETY: as the caller promises.
    match unsafe { extension(attr) }.filter(|e| !e.cpuset.is_null()) {
        Some(ext) => {
            // SAFETY: the set holds `ext.cpusetsize` bytes.
            let set = unsafe { core::slice::from_raw_parts(ext.cpuset, ext.cpusetsize) };
            if set.iter().skip(cpusetsize).any(|&b| b != 0) {
                return libc::EINVAL;
            }
            let n = cpusetsize.min(set.len());
            // SAFETY: `out` holds `cpusetsize` bytes.
            unsafe {
                ptr::copy_nonoverlapping(set.as_ptr(), out, n);
                ptr::write_bytes(out.add(n), 0, cpusetsize - n);
            }
        }
        // SAFETY: as above.
        None => unsafe { ptr::write_bytes(out, 0xff, cpusetsize) },
    }
    0
}

/// `pthread_attr_setsigmask_np`: the new thread's signal mask (without the
/// implementation's own signals, as glibc's); null removes it.
///
/// # Safety
/// `attr` is initialized; `sigmask` is null or a signal set.
#[export]
pub unsafe extern "C" fn pthread_attr_setsigmask_np(attr: *mut Attr, sigmask: *const libc::sigset_t) -> c_int {
    if sigmask.is_null() {
        // SAFETY: as the caller promises.
        if let Some(ext) = unsafe { (*slot(attr)).as_mut() } {
            ext.sigmask_set = false;
        }
        return 0;
    }
    // SAFETY: as the caller promises.
    let ext = match unsafe { extension_mut(attr) } {
        Ok(ext) => ext,
        Err(e) => return e,
    };
    // SAFETY: as the caller promises.
    ext.sigmask = unsafe { sigmask.read() };
    // Signals 32 and 33 are glibc's cancellation and setxid signals, and
    // musl's timer and cancellation ones (34 its synccall): never blocked
    // through this mask. Bit n-1 of the first word is signal n.
    // SAFETY: sigset_t is at least one u64, suitably aligned.
    unsafe { *ptr::from_mut(&mut ext.sigmask).cast::<u64>() &= !(0b111u64 << 31) };
    ext.sigmask_set = true;
    0
}

/// `pthread_attr_getsigmask_np`: 0 and the mask, or
/// `PTHREAD_ATTR_NO_SIGMASK_NP` (-1) and an empty set when none was set.
///
/// # Safety
/// `attr` is initialized; `sigmask` points to a signal set.
#[export]
pub unsafe extern "C" fn pthread_attr_getsigmask_np(attr: *const Attr, sigmask: *mut libc::sigset_t) -> c_int {
    // SAFETY: as the caller promises.
    match unsafe { extension(attr) }.filter(|e| e.sigmask_set) {
        Some(ext) => {
            // SAFETY: as the caller promises.
            unsafe { sigmask.write(ext.sigmask) };
            0
        }
        None => {
            // SAFETY: as the caller promises.
            unsafe { libc::sigemptyset(sigmask) };
            NO_SIGMASK_NP
        }
    }
}

/// `pthread_attr_setstackaddr` (deprecated): the thread's stack ends at
/// `addr` (on x86_64, where stacks grow down, glibc takes the highest
/// address, not the lowest) and spans the attribute's stack size below it.
/// Returns 0.
///
/// # Safety
/// `attr` is an initialized thread attribute.
///
/// # glibc differences
/// musl's `pthread_attr_setstacksize` forgets a stack address set before
/// it; set the size first (the usual order). The address is musl's
/// `pthread_attr_setstack(attr, addr - size, size)`, which keeps the end.
#[export]
pub unsafe extern "C" fn pthread_attr_setstackaddr(attr: *mut Attr, addr: *mut c_void) -> c_int {
    let mut size: usize = 0;
    // SAFETY: the caller's attribute.
    unsafe { pthread_attr_getstacksize(attr, &mut size) };
    // musl stores `low + size`, which is `addr` again.
    let low = addr.cast::<u8>().wrapping_sub(size).cast::<c_void>();
    // SAFETY: the caller's attribute; the size is the one it holds.
    unsafe { pthread_attr_setstack(attr, low, size) }
}

/// `pthread_attr_getstackaddr` (deprecated): where the stack set by
/// `pthread_attr_setstackaddr` or `pthread_attr_setstack` ends (its
/// highest address on x86_64), or null when none was set. Returns 0.
///
/// # Safety
/// `attr` is an initialized thread attribute; `addr` is writable.
#[export]
pub unsafe extern "C" fn pthread_attr_getstackaddr(attr: *const Attr, addr: *mut *mut c_void) -> c_int {
    let mut low: *mut c_void = core::ptr::null_mut();
    let mut size: usize = 0;
    // SAFETY: the caller's attribute; musl says EINVAL when no stack is set.
    let end = if unsafe { pthread_attr_getstack(attr, &mut low, &mut size) } == 0 {
        low.cast::<u8>().wrapping_add(size).cast::<c_void>()
    } else {
        core::ptr::null_mut()
    };
    // SAFETY: the caller's result.
    unsafe { *addr = end };
    0
}
