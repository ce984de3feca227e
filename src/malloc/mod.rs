//! `<malloc.h>`: glibc's `__libc_*` allocator names (forwarded to musl's
//! allocator) and glibc's malloc tuning and statistics calls. musl's
//! allocator keeps no statistics and has no tunables, so those are not
//! implemented (`symbols/unimplemented.txt`): each reports itself once
//! through the logger.

use crate::abi::errno;
use crate::abi::glibc_types::{mallinfo as Mallinfo, mallinfo2 as Mallinfo2};
use crate::abi::log::warn_once;
use core::ffi::{c_char, c_int, c_void};
use core::sync::atomic::AtomicBool;
use libc::{FILE, size_t};

/// `__libc_malloc`: glibc's internal name for `malloc` (LSB 5.0 core).
///
/// # Safety
/// As `malloc`.
#[export]
pub unsafe extern "C" fn __libc_malloc(size: size_t) -> *mut c_void {
    // SAFETY: same contract.
    unsafe { libc::malloc(size) }
}

/// `__libc_free`: glibc's internal name for `free` (LSB 5.0 core).
///
/// # Safety
/// As `free`.
#[export]
pub unsafe extern "C" fn __libc_free(ptr: *mut c_void) {
    // SAFETY: same contract.
    unsafe { libc::free(ptr) }
}

/// `__libc_calloc`: glibc's internal name for `calloc` (LSB 5.0 core).
///
/// # Safety
/// As `calloc`.
#[export]
pub unsafe extern "C" fn __libc_calloc(n: size_t, size: size_t) -> *mut c_void {
    // SAFETY: same contract.
    unsafe { libc::calloc(n, size) }
}

/// `__libc_realloc`: glibc's internal name for `realloc` (LSB 5.0 core).
///
/// # Safety
/// As `realloc`.
#[export]
pub unsafe extern "C" fn __libc_realloc(ptr: *mut c_void, size: size_t) -> *mut c_void {
    // SAFETY: same contract.
    unsafe { libc::realloc(ptr, size) }
}

/// `__libc_memalign`: glibc's internal name for `memalign` (LSB 5.0 core).
///
/// # Safety
/// As `memalign`.
#[export]
pub unsafe extern "C" fn __libc_memalign(align: size_t, size: size_t) -> *mut c_void {
    // SAFETY: same contract.
    unsafe { libc::memalign(align, size) }
}

/// `__libc_valloc`: glibc's internal name for `valloc`, page-aligned
/// memory (glibc manual, "Aligned Memory Blocks").
///
/// # Safety
/// None beyond `malloc`'s.
#[export]
pub unsafe extern "C" fn __libc_valloc(size: size_t) -> *mut c_void {
    // SAFETY: a power-of-two alignment.
    unsafe { libc::memalign(crate::abi::page_size(), size) }
}

/// `__libc_pvalloc`: glibc's internal name for `pvalloc`: page-aligned
/// memory, the size rounded up to whole pages (glibc manual, "Aligned
/// Memory Blocks"); `ENOMEM` when the rounding overflows.
///
/// # Safety
/// None beyond `malloc`'s.
///
/// # glibc differences
/// None: glibc rounds with the mask `-(pagesize - 1)`, which keeps bit 0
/// (`pvalloc(0)` asks for 1 byte, `pvalloc(4097)` for 4097), and so does
/// the shim.
#[export]
pub unsafe extern "C" fn __libc_pvalloc(size: size_t) -> *mut c_void {
    let page = crate::abi::page_size();
    let Some(rounded) = size.checked_add(page - 1).map(|s| s & (page - 1).wrapping_neg()) else {
        errno::set(libc::ENOMEM);
        return core::ptr::null_mut();
    };
    // SAFETY: a power-of-two alignment.
    unsafe { libc::memalign(page, rounded) }
}

/// `pvalloc`: page-aligned memory of `size` rounded up to whole pages
/// (glibc manual, "Aligned Memory Blocks"; musl has `valloc` only).
///
/// # Safety
/// None beyond `malloc`'s.
///
/// # glibc differences
/// None: as `__libc_pvalloc`, glibc's rounding included.
#[export]
pub unsafe extern "C" fn pvalloc(size: size_t) -> *mut c_void {
    // SAFETY: same contract.
    unsafe { __libc_pvalloc(size) }
}

static MALLINFO: AtomicBool = AtomicBool::new(false);
static MALLINFO2: AtomicBool = AtomicBool::new(false);
static MALLOC_TRIM: AtomicBool = AtomicBool::new(false);
static MALLOC_INFO: AtomicBool = AtomicBool::new(false);
static MALLOC_STATS: AtomicBool = AtomicBool::new(false);
static MALLOPT: AtomicBool = AtomicBool::new(false);

/// `mallinfo`: allocator statistics in glibc's `struct mallinfo` (glibc
/// manual, "Statistics for Memory Allocation with malloc").
///
/// # Safety
/// None.
///
/// # glibc differences
/// Not implemented: musl's allocator keeps no statistics, so every field is 0.
#[export]
pub unsafe extern "C" fn mallinfo() -> Mallinfo {
    warn_once(&MALLINFO, "mallinfo: musl's malloc keeps no statistics; all fields are 0");
    Mallinfo {
        arena: 0,
        ordblks: 0,
        smblks: 0,
        hblks: 0,
        hblkhd: 0,
        usmblks: 0,
        fsmblks: 0,
        uordblks: 0,
        fordblks: 0,
        keepcost: 0,
    }
}

/// `mallinfo2`: `mallinfo` with `size_t` fields (glibc 2.33; glibc manual,
/// "Statistics for Memory Allocation with malloc").
///
/// # Safety
/// None.
///
/// # glibc differences
/// Not implemented, as `mallinfo`: every field is 0.
#[export]
pub unsafe extern "C" fn mallinfo2() -> Mallinfo2 {
    warn_once(&MALLINFO2, "mallinfo2: musl's malloc keeps no statistics; all fields are 0");
    Mallinfo2 {
        arena: 0,
        ordblks: 0,
        smblks: 0,
        hblks: 0,
        hblkhd: 0,
        usmblks: 0,
        fsmblks: 0,
        uordblks: 0,
        fordblks: 0,
        keepcost: 0,
    }
}

/// `malloc_trim`: returns free memory to the system; 1 if some was
/// released, 0 if none was (malloc_trim(3)).
///
/// # Safety
/// None.
///
/// # glibc differences
/// Not implemented, returning 0: musl's allocator returns freed memory to the system
/// itself and offers no call to do it on demand.
#[export]
pub unsafe extern "C" fn malloc_trim(_pad: size_t) -> c_int {
    warn_once(&MALLOC_TRIM, "malloc_trim: musl's malloc trims by itself; reporting nothing released");
    0
}

/// glibc's `malloc_info` document without its per-arena part, every total
/// 0: the same elements a parser of glibc's output looks for.
const MALLOC_INFO_XML: &core::ffi::CStr = c"<malloc version=\"1\">
<total type=\"fast\" count=\"0\" size=\"0\"/>
<total type=\"rest\" count=\"0\" size=\"0\"/>
<total type=\"mmap\" count=\"0\" size=\"0\"/>
<system type=\"current\" size=\"0\"/>
<system type=\"max\" size=\"0\"/>
<aspace type=\"total\" size=\"0\"/>
<aspace type=\"mprotect\" size=\"0\"/>
</malloc>
";

/// `malloc_info`: writes the allocator's state as XML to `fp`; returns 0,
/// or `EINVAL` itself when `options` is not 0 (malloc_info(3) says -1 and
/// errno; glibc's code returns the value, errno untouched).
///
/// # Safety
/// `fp` is an open stream.
///
/// # glibc differences
/// Not implemented: musl's allocator keeps no statistics, so the document has
/// glibc's outer elements and totals, all 0, and no `<heap>` elements.
#[export]
pub unsafe extern "C" fn malloc_info(options: c_int, fp: *mut FILE) -> c_int {
    if options != 0 {
        return libc::EINVAL;
    }
    warn_once(&MALLOC_INFO, "malloc_info: musl's malloc keeps no statistics; writing zero totals");
    // SAFETY: an open stream (caller) and a NUL-terminated text.
    unsafe { libc::fputs(MALLOC_INFO_XML.as_ptr().cast::<c_char>(), fp) };
    0
}

/// `malloc_stats`: prints allocator statistics to stderr (malloc_stats(3)).
///
/// # Safety
/// None.
///
/// # glibc differences
/// Not implemented, printing nothing: musl's allocator keeps no statistics, and
/// made-up numbers would mislead.
#[export]
pub unsafe extern "C" fn malloc_stats() {
    warn_once(&MALLOC_STATS, "malloc_stats: musl's malloc keeps no statistics; printing nothing");
}

/// glibc's `M_MXFAST` limit: `80 * sizeof(size_t) / 4` bytes.
const MAX_FAST_SIZE: c_int = (80 * core::mem::size_of::<size_t>() / 4) as c_int;

/// What glibc's `mallopt` returns for `param` and `value`: 0 for an
/// `M_MXFAST` outside `0..=MAX_FAST_SIZE`, the one value glibc 2.36 and
/// 2.41 refuse; 1 otherwise (unknown parameters included).
pub fn mallopt_result(param: c_int, value: c_int) -> c_int {
    const M_MXFAST: c_int = 1;
    match param {
        M_MXFAST => c_int::from((0..=MAX_FAST_SIZE).contains(&value)),
        _ => 1,
    }
}

/// `mallopt`: sets an allocator parameter; 1 on success, 0 on error
/// (mallopt(3)).
///
/// # Safety
/// None.
///
/// # glibc differences
/// Not implemented: it answers as glibc does for each value, but musl's allocator
/// has no tunables, so an accepted value changes nothing.
#[export]
pub unsafe extern "C" fn mallopt(param: c_int, value: c_int) -> c_int {
    warn_once(&MALLOPT, "mallopt: musl's malloc has no tunables; the value is ignored");
    mallopt_result(param, value)
}

#[cfg(test)]
mod tests {
    #[test]
    fn mallopt_answers_as_glibc() {
        assert_eq!(super::mallopt_result(1, 64), 1);
        assert_eq!(super::mallopt_result(1, 161), 0);
        assert_eq!(super::mallopt_result(1, -1), 0);
        assert_eq!(super::mallopt_result(-3, 1 << 20), 1);
        assert_eq!(super::mallopt_result(-3, -1), 1);
        assert_eq!(super::mallopt_result(-8, 2), 1);
        assert_eq!(super::mallopt_result(12345, 0), 1);
    }
}
