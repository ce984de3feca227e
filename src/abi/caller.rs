//! Telling a glibc-built caller from a musl-built one: the one mechanism
//! behind every name whose glibc meaning differs from musl's (`strerror_r`,
//! `basename`, `getopt`, ...).
//!
//! A preloaded library comes first in symbol lookup for every object in the
//! process, Alpine's own libraries included, so an override must keep musl's
//! meaning for musl-built callers. The exported name is a small C front that
//! passes `__builtin_return_address(0)`; this module says which object that
//! address lies in and whether that object was linked against glibc: an
//! object is glibc-built when its version needs (`DT_VERNEED`) name a
//! `GLIBC_*` version. musl's libraries carry no symbol versions at all.
//!
//! The answer is cached per object, keyed by its address span: musl never
//! unloads an object (`dlclose` is a no-op there), so a span keeps its
//! meaning for the life of the process. The hot path is a scan of at most
//! [`SLOTS`] pairs of atomics; a miss walks `dl_iterate_phdr` once.

use core::ffi::{c_int, c_void};
use core::sync::atomic::{AtomicBool, AtomicUsize, Ordering::{Acquire, Relaxed, Release}};

const SLOTS: usize = 64;

/// One cached object: `[start, end)`; `end`'s low bit holds "glibc-built"
/// (spans end at page boundaries, so the bit is free).
struct Slot {
    start: AtomicUsize,
    end: AtomicUsize,
}

static SLOTS_USED: AtomicUsize = AtomicUsize::new(0);
static WRITER: AtomicBool = AtomicBool::new(false);
static CACHE: [Slot; SLOTS] =
    [const { Slot { start: AtomicUsize::new(0), end: AtomicUsize::new(0) } }; SLOTS];

/// Whether the code at `addr` (a return address) belongs to a glibc-built
/// object. Unknown addresses (JIT code, the vDSO) count as musl's: the
/// shim then changes nothing.
pub fn is_glibc(addr: *const c_void) -> bool {
    let addr = addr as usize;
    let used = SLOTS_USED.load(Acquire);
    for slot in &CACHE[..used] {
        let end = slot.end.load(Relaxed);
        if addr >= slot.start.load(Relaxed) && addr < end & !1 {
            return end & 1 != 0;
        }
    }
    let Some(found) = find_object(addr) else { return false };
    remember(&found);
    found.glibc
}

struct Object {
    start: usize,
    end: usize,
    glibc: bool,
}

fn remember(object: &Object) {
    if WRITER.swap(true, Acquire) {
        return; // another thread is caching; the answer is still right
    }
    let used = SLOTS_USED.load(Relaxed);
    let known = CACHE[..used].iter().any(|s| s.start.load(Relaxed) == object.start);
    if used < SLOTS && !known {
        CACHE[used].start.store(object.start, Relaxed);
        CACHE[used].end.store((object.end + 1) & !1 | usize::from(object.glibc), Relaxed);
        SLOTS_USED.store(used + 1, Release);
    }
    WRITER.store(false, Release);
}

struct Search {
    addr: usize,
    found: Option<Object>,
}

fn find_object(addr: usize) -> Option<Object> {
    let mut search = Search { addr, found: None };
    // SAFETY: the callback only reads the headers musl hands it, and `search`
    // outlives the call.
    unsafe { libc::dl_iterate_phdr(Some(visit), (&raw mut search).cast()) };
    search.found
}

unsafe extern "C" fn visit(info: *mut libc::dl_phdr_info, _size: usize, data: *mut c_void) -> c_int {
    // SAFETY: musl passes a valid dl_phdr_info and our own `Search`.
    let (info, search) = unsafe { (&*info, &mut *data.cast::<Search>()) };
    if info.dlpi_phdr.is_null() {
        return 0;
    }
    // SAFETY: dlpi_phdr points at dlpi_phnum program headers.
    let phdrs = unsafe { core::slice::from_raw_parts(info.dlpi_phdr, usize::from(info.dlpi_phnum)) };
    let base = info.dlpi_addr as usize;
    let (mut start, mut end, mut contains) = (usize::MAX, 0, false);
    for ph in phdrs.iter().filter(|p| p.p_type == libc::PT_LOAD) {
        let lo = base.wrapping_add(ph.p_vaddr as usize);
        let hi = lo.wrapping_add(ph.p_memsz as usize);
        contains |= (lo..hi).contains(&search.addr);
        start = start.min(lo & !0xfff);
        end = end.max((hi + 0xfff) & !0xfff);
    }
    if !contains {
        return 0;
    }
    // SAFETY: these are the headers of a loaded object.
    let glibc = unsafe { needs_glibc_versions(base, phdrs) };
    search.found = Some(Object { start, end, glibc });
    1
}

const DT_NULL: i64 = 0;
const DT_STRTAB: i64 = 5;
const DT_VERNEED: i64 = 0x6fff_fffe;
const DT_VERNEEDNUM: i64 = 0x6fff_ffff;

/// Whether the object's `DT_VERNEED` entries name a `GLIBC_*` version.
///
/// # Safety
/// `phdrs` are the program headers of an object loaded at `base`, whose
/// dynamic section musl has left with unrelocated addresses.
unsafe fn needs_glibc_versions(base: usize, phdrs: &[libc::Elf64_Phdr]) -> bool {
    let Some(dynamic) = phdrs.iter().find(|p| p.p_type == libc::PT_DYNAMIC) else { return false };
    let mut entry = base.wrapping_add(dynamic.p_vaddr as usize) as *const Dyn;
    let (mut strtab, mut verneed, mut count) = (0usize, 0usize, 0usize);
    // SAFETY: PT_DYNAMIC points at a DT_NULL-terminated array in the object.
    unsafe {
        while (*entry).d_tag != DT_NULL {
            let value = (*entry).d_un as usize;
            match (*entry).d_tag {
                DT_STRTAB => strtab = value,
                DT_VERNEED => verneed = value,
                DT_VERNEEDNUM => count = value,
                _ => {}
            }
            entry = entry.add(1);
        }
    }
    if strtab == 0 || verneed == 0 {
        return false;
    }
    let (strtab, mut need) = (base.wrapping_add(strtab), base.wrapping_add(verneed));
    for _ in 0..count.min(256) {
        // SAFETY: DT_VERNEED points at `count` chained Elf64_Verneed records,
        // each with its chain of Elf64_Vernaux; names index DT_STRTAB.
        unsafe {
            let vn = &*(need as *const Verneed);
            let mut aux = need + vn.vn_aux as usize;
            for _ in 0..vn.vn_cnt {
                let va = &*(aux as *const Vernaux);
                let name = core::ffi::CStr::from_ptr((strtab + va.vna_name as usize) as *const _);
                if name.to_bytes().starts_with(b"GLIBC_") {
                    return true;
                }
                if va.vna_next == 0 {
                    break;
                }
                aux += va.vna_next as usize;
            }
            if vn.vn_next == 0 {
                break;
            }
            need += vn.vn_next as usize;
        }
    }
    false
}

/// `Elf64_Dyn`.
#[repr(C)]
struct Dyn {
    d_tag: i64,
    d_un: u64,
}

/// `Elf64_Verneed`.
#[repr(C)]
struct Verneed {
    vn_version: u16,
    vn_cnt: u16,
    vn_file: u32,
    vn_aux: u32,
    vn_next: u32,
}

/// `Elf64_Vernaux`.
#[repr(C)]
struct Vernaux {
    vna_hash: u32,
    vna_flags: u16,
    vna_other: u16,
    vna_name: u32,
    vna_next: u32,
}
