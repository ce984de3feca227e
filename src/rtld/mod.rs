//! What glibc's dynamic loader (`ld-linux-x86-64.so.2`) exports to the
//! objects it loads, answered on musl: `_dl_find_object` (libgcc's unwinder
//! asks it for every frame of a C++ exception or Rust panic),
//! `__libc_stack_end`, `_r_debug` and the rseq variables.
//!
//! The data symbols may be copy-relocated into a glibc-built program, whose
//! copy is then the live one: they are written through the dynamic symbol
//! (`live`), never only through the shim's own definition.

pub mod handoff;

use core::ffi::{c_char, c_int, c_uint, c_void};

use crate::abi::glibc_types::link_map;
use crate::abi::objects;

/// glibc's `struct dl_find_object` (`<dlfcn.h>`, 2.35).
#[repr(C)]
pub struct DlFindObject {
    pub dlfo_flags: u64,
    pub dlfo_map_start: *mut c_void,
    pub dlfo_map_end: *mut c_void,
    pub dlfo_link_map: *mut link_map,
    pub dlfo_eh_frame: *mut c_void,
    pub dlfo_reserved: [u64; 7],
}

/// `_dl_find_object`: the object holding `pc`, its span, link map and
/// `.eh_frame_hdr` (glibc 2.35; `dlfo_flags` is 0, as glibc sets it).
/// Returns 0, or -1 when no object holds `pc`.
///
/// Answered from the shim's object cache, so an unwinder's lookup per frame
/// is a scan of a few atomics after the first.
///
/// # Safety
/// `result` must point to a writable `struct dl_find_object`.
// Not in host unit tests: it would replace glibc's own, which the test
// process's unwinder (a panic's backtrace) relies on.
#[export]
pub unsafe extern "C" fn _dl_find_object(pc: *mut c_void, result: *mut DlFindObject) -> c_int {
    let Some(object) = objects::lookup(pc as usize) else { return -1 };
    // SAFETY: the caller gives a writable struct.
    let result = unsafe { &mut *result };
    result.dlfo_flags = 0;
    result.dlfo_map_start = object.start as *mut c_void;
    result.dlfo_map_end = object.load_end as *mut c_void;
    result.dlfo_link_map = link_map_with_dynamic(object.dynamic);
    result.dlfo_eh_frame = object.eh_frame as *mut c_void;
    0
}

/// musl's loaded-object list entry whose `l_ld` is `dynamic`, or null.
fn link_map_with_dynamic(dynamic: usize) -> *mut link_map {
    // SAFETY: entries of musl's list, which stay valid.
    objects::link_maps().find(|&map| unsafe { (*map).l_ld } as usize == dynamic).unwrap_or(core::ptr::null_mut())
}

/// glibc's `struct r_debug` (`<link.h>`); musl's own debugger structure
/// (`_dl_debug_addr`) has the same layout.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct RDebug {
    pub r_version: c_int,
    pub r_map: *mut link_map,
    pub r_brk: usize,
    pub r_state: c_int,
    pub r_ldbase: usize,
}

/// `__libc_stack_end`: the initial stack pointer (where `argc` lies), which
/// garbage collectors and libgcc use as the main thread's stack top. Set by
/// [`start`](crate::csu) for glibc-built programs.
#[export]
pub static mut __libc_stack_end: *mut c_void = core::ptr::null_mut();

/// `_r_debug`: the debugger interface, mirrored from musl's at start-up. Its
/// `r_map` is musl's live object list, so walking it stays current; the
/// state is `RT_CONSISTENT` whenever user code runs.
#[export]
pub static mut _r_debug: RDebug =
    RDebug { r_version: 0, r_map: core::ptr::null_mut(), r_brk: 0, r_state: 0, r_ldbase: 0 };

/// `__rseq_size`, `__rseq_offset`, `__rseq_flags` (glibc 2.35): each
/// thread's restartable-sequences area (`rseq.c`), registered with the
/// kernel at start-up for the main thread and by the shim's
/// `pthread_create` for new ones, as glibc does. `__rseq_size` is the
/// kernel's feature size (`AT_RSEQ_FEATURE_SIZE`), as glibc 2.41 reports it,
/// or 20 (the original ABI's used part) on kernels that do not say; 0 when
/// the kernel refuses registration (as glibc with `glibc.pthread.rseq=0`).
/// Threads musl starts itself (aio, `SIGEV_THREAD`) are not registered and
/// read `cpu_id` -1, which users of the area must check anyway.
#[export]
pub static mut __rseq_size: c_uint = 0;
#[export]
pub static mut __rseq_offset: isize = 0;
#[export]
pub static __rseq_flags: c_uint = 0;

unsafe extern "C" {
    fn __gcompat_rseq_offset() -> isize;
    fn __gcompat_rseq_register() -> c_int;
    fn __gcompat_rseq_unregister();
}

#[cfg(not(test))]
const AT_RSEQ_FEATURE_SIZE: libc::c_ulong = 27;

/// Unregisters the calling thread's rseq area, if registered: a thread
/// about to end (see rseq.c for why).
pub fn unregister_rseq_thread() {
    // SAFETY: the calling thread's own area.
    unsafe { __gcompat_rseq_unregister() };
}

/// Registers the calling thread's rseq area (a new thread, before its start
/// routine), if the main thread's was.
pub fn register_rseq_thread() {
    // SAFETY: reads of variables written once at start-up.
    if unsafe { __rseq_size } != 0 {
        // SAFETY: registers this thread's own area.
        unsafe { __gcompat_rseq_register() };
    }
}

#[cfg(not(test))]
fn init_rseq() {
    // SAFETY: registers the main thread's area, before other threads exist.
    if unsafe { __gcompat_rseq_register() } != 0 {
        return;
    }
    // SAFETY: getauxval has no preconditions.
    let feature = unsafe { libc::getauxval(AT_RSEQ_FEATURE_SIZE) } as c_uint;
    let size = if feature > 20 { feature.min(32) } else { 20 };
    // SAFETY: a pure computation on the thread pointer.
    let offset = unsafe { __gcompat_rseq_offset() };
    // SAFETY: the shim's own definition of that symbol, at start-up.
    unsafe { write_live(c"__rseq_offset", &raw mut __rseq_offset, offset) };
    // SAFETY: the shim's own definition of that symbol, at start-up.
    unsafe { write_live(c"__rseq_size", &raw mut __rseq_size, size) };
}

#[cfg(not(test))]
unsafe extern "C" {
    /// musl's debugger structure.
    static _dl_debug_addr: *const RDebug;
}

/// The live copy of a data symbol: the program's copy-relocated one when it
/// has one (the program comes first in lookup order), else the shim's.
pub fn live<T>(name: &core::ffi::CStr, own: *mut T) -> *mut T {
    // SAFETY: a NUL-terminated name; RTLD_DEFAULT searches the global scope.
    let found = unsafe { libc::dlsym(libc::RTLD_DEFAULT, name.as_ptr()) };
    if found.is_null() { own } else { found.cast() }
}

/// Stores `value` into the live copy of a data symbol (and into the shim's
/// own, which the shim's code reads), which may lie in a
/// glibc-built program's read-only-after-relocation memory: GNU ld puts a
/// copy of a variable that glibc keeps in RELRO (`__libc_stack_end`) in the
/// program's own RELRO, which glibc's loader writes before protecting it.
/// The shim writes later, so it lifts the protection for the store.
///
/// # Safety
/// `own` is the shim's own definition of the data symbol `name`, of type
/// `T`, and no other thread reads it meanwhile (start-up).
pub unsafe fn write_live<T: Copy>(name: &core::ffi::CStr, own: *mut T, value: T) {
    let target = live(name, own);
    if target != own {
        // SAFETY: the shim's own definition, writable data.
        unsafe { own.write(value) };
    }
    let span = crate::abi::objects::relro_span(target as usize);
    // SAFETY: `target` is the variable's definition, of type T; a RELRO span
    // is readable mapped memory of the program, made writable just for the
    // store and read-only again as the loader left it.
    unsafe {
        if let Some((lo, hi)) = span {
            let end = ((target as usize + core::mem::size_of::<T>() + 0xfff) & !0xfff).max(hi);
            libc::mprotect(lo as *mut c_void, end - lo, libc::PROT_READ | libc::PROT_WRITE);
            target.write(value);
            libc::mprotect(lo as *mut c_void, end - lo, libc::PROT_READ);
        } else {
            target.write(value);
        }
    }
}

/// Fills the loader variables at start-up (from the shim's constructor).
/// Not in host unit tests, whose loader is glibc's.
#[cfg(not(test))]
pub fn init() {
    // SAFETY: musl's `_dl_debug_addr` points at its debugger structure for
    // the life of the process.
    let musl = unsafe { &*_dl_debug_addr };
    let mirror = RDebug {
        r_version: musl.r_version,
        r_map: musl.r_map,
        r_brk: musl.r_brk,
        r_state: musl.r_state,
        r_ldbase: musl.r_ldbase,
    };
    // SAFETY: the shim's own definition of that symbol, at start-up.
    unsafe { write_live(c"_r_debug", &raw mut _r_debug, mirror) };
    init_rseq();
}

/// Records the initial stack pointer (`&argc`, just below `argv`).
///
/// When musl's loader runs as a command (`ld-musl... --preload shim prog`),
/// the slot below the program's `argv` is the loader's last argument, not
/// `argc`; the loader has read it already, so it becomes `argc` here, as
/// glibc's loader rewrites it in the same situation.
pub fn set_stack_end(argc: c_int, argv: *mut *mut c_char) {
    let slot = argv.wrapping_sub(1).cast::<usize>();
    // SAFETY: the word below argv on the initial stack is argc's slot (the
    // kernel's, or the loader's consumed argument when run as a command).
    unsafe {
        if slot.read() != argc as usize {
            slot.write(argc as usize);
        }
    }
    // SAFETY: the shim's own definition of that symbol, at start-up.
    unsafe { write_live(c"__libc_stack_end", &raw mut __libc_stack_end, argv.wrapping_sub(1).cast::<c_void>()) };
}
