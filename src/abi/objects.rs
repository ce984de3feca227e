//! The loaded object an address lies in, and what the shim needs to know
//! of it: its span, whether it was linked against glibc, its
//! `PT_GNU_EH_FRAME` and its `PT_DYNAMIC`. One cache behind both users:
//! caller classification (`caller.rs`) and `_dl_find_object` (the unwinder's
//! per-frame lookup, `src/rtld/`).
//!
//! musl never unloads an object (`dlclose` is a no-op there), so a span
//! keeps its meaning for the life of the process and entries never go
//! stale. The hot path is a scan of at most [`SLOTS`] pairs of atomics; a
//! miss walks `dl_iterate_phdr` once and remembers the object.

use core::ffi::{c_int, c_void};
use core::sync::atomic::{AtomicBool, AtomicUsize, Ordering::{Acquire, Relaxed, Release}};

const SLOTS: usize = 64;

/// What the shim knows of one loaded object.
#[derive(Clone, Copy)]
pub struct Object {
    /// `[start, end)`: page-rounded span of its `PT_LOAD` segments.
    pub start: usize,
    pub end: usize,
    /// The end of its last `PT_LOAD` segment's memory, not rounded (glibc's
    /// `l_map_end`).
    pub load_end: usize,
    /// Its `DT_VERNEED` names a `GLIBC_*` version.
    pub glibc: bool,
    /// Load bias (`dlpi_addr`, glibc's `l_addr`).
    pub base: usize,
    /// Run-time address of `PT_GNU_EH_FRAME` (`.eh_frame_hdr`), or 0.
    pub eh_frame: usize,
    /// Run-time address of `PT_DYNAMIC` (glibc's `l_ld`), or 0.
    pub dynamic: usize,
}

/// One cached object; `end`'s low bit holds "glibc-built" (spans end at page
/// boundaries, so the bit is free). The other fields are written before the
/// slot is published by `USED`'s release store.
struct Slot {
    start: AtomicUsize,
    end: AtomicUsize,
    load_end: AtomicUsize,
    base: AtomicUsize,
    eh_frame: AtomicUsize,
    dynamic: AtomicUsize,
}

static USED: AtomicUsize = AtomicUsize::new(0);
static WRITER: AtomicBool = AtomicBool::new(false);
static CACHE: [Slot; SLOTS] = [const {
    Slot {
        start: AtomicUsize::new(0),
        end: AtomicUsize::new(0),
        load_end: AtomicUsize::new(0),
        base: AtomicUsize::new(0),
        eh_frame: AtomicUsize::new(0),
        dynamic: AtomicUsize::new(0),
    }
}; SLOTS];

/// The cached slot holding `addr`, if any.
#[inline]
fn cached(addr: usize) -> Option<&'static Slot> {
    let used = USED.load(Acquire);
    CACHE[..used].iter().find(|slot| addr >= slot.start.load(Relaxed) && addr < slot.end.load(Relaxed) & !1)
}

/// Whether the object holding `addr` is glibc-built; `None` when no loaded
/// object holds it (JIT code, the vDSO). The hot path of `caller::is_glibc`.
#[inline]
pub fn is_glibc(addr: usize) -> Option<bool> {
    if let Some(slot) = cached(addr) {
        return Some(slot.end.load(Relaxed) & 1 != 0);
    }
    lookup_uncached(addr).map(|o| o.glibc)
}

/// The loaded object holding `addr`.
pub fn lookup(addr: usize) -> Option<Object> {
    match cached(addr) {
        Some(slot) => {
            let end = slot.end.load(Relaxed);
            Some(Object {
                start: slot.start.load(Relaxed),
                end: end & !1,
                glibc: end & 1 != 0,
                load_end: slot.load_end.load(Relaxed),
                base: slot.base.load(Relaxed),
                eh_frame: slot.eh_frame.load(Relaxed),
                dynamic: slot.dynamic.load(Relaxed),
            })
        }
        None => lookup_uncached(addr),
    }
}

fn lookup_uncached(addr: usize) -> Option<Object> {
    let found = find_object(addr)?;
    remember(&found);
    Some(found)
}

fn remember(object: &Object) {
    if WRITER.swap(true, Acquire) {
        return; // another thread is caching; the answer is still right
    }
    let used = USED.load(Relaxed);
    let known = CACHE[..used].iter().any(|s| s.start.load(Relaxed) == object.start);
    if used < SLOTS && !known {
        let slot = &CACHE[used];
        slot.start.store(object.start, Relaxed);
        slot.end.store(object.end | usize::from(object.glibc), Relaxed);
        slot.load_end.store(object.load_end, Relaxed);
        slot.base.store(object.base, Relaxed);
        slot.eh_frame.store(object.eh_frame, Relaxed);
        slot.dynamic.store(object.dynamic, Relaxed);
        USED.store(used + 1, Release);
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

const PT_GNU_EH_FRAME: u32 = 0x6474_e550;
const PT_GNU_RELRO: u32 = 0x6474_e552;

/// The page-aligned `PT_GNU_RELRO` span holding `addr`, if `addr` lies in
/// one: the loader made it read-only after relocation. A glibc-built
/// program's copy of a variable that glibc defines in read-only-after-
/// relocation memory (`__libc_stack_end`) is placed there. Walks the
/// objects (start-up use only).
pub fn relro_span(addr: usize) -> Option<(usize, usize)> {
    struct Find {
        addr: usize,
        span: Option<(usize, usize)>,
    }
    unsafe extern "C" fn visit(info: *mut libc::dl_phdr_info, _size: usize, data: *mut c_void) -> c_int {
        // SAFETY: musl passes a valid dl_phdr_info and our own `Find`.
        let (info, find) = unsafe { (&*info, &mut *data.cast::<Find>()) };
        if info.dlpi_phdr.is_null() {
            return 0;
        }
        // SAFETY: dlpi_phdr points at dlpi_phnum program headers.
        let phdrs = unsafe { core::slice::from_raw_parts(info.dlpi_phdr, usize::from(info.dlpi_phnum)) };
        for ph in phdrs.iter().filter(|p| p.p_type == PT_GNU_RELRO) {
            let lo = (info.dlpi_addr as usize).wrapping_add(ph.p_vaddr as usize);
            let hi = lo.wrapping_add(ph.p_memsz as usize);
            if (lo..hi).contains(&find.addr) {
                find.span = Some((lo & !0xfff, hi & !0xfff));
                return 1;
            }
        }
        0
    }
    let mut find = Find { addr, span: None };
    // SAFETY: the callback only reads the headers musl hands it.
    unsafe { libc::dl_iterate_phdr(Some(visit), (&raw mut find).cast()) };
    find.span.filter(|(lo, hi)| lo < hi)
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
    let (mut start, mut load_end, mut contains) = (usize::MAX, 0, false);
    for ph in phdrs.iter().filter(|p| p.p_type == libc::PT_LOAD) {
        let lo = base.wrapping_add(ph.p_vaddr as usize);
        let hi = lo.wrapping_add(ph.p_memsz as usize);
        contains |= (lo..hi).contains(&search.addr);
        start = start.min(lo & !0xfff);
        load_end = load_end.max(hi);
    }
    let end = (load_end + 0xfff) & !0xfff;
    if !contains {
        return 0;
    }
    let at = |kind: u32| {
        phdrs.iter().find(|p| p.p_type == kind).map_or(0, |p| base.wrapping_add(p.p_vaddr as usize))
    };
    // SAFETY: these are the headers of a loaded object.
    let glibc = unsafe { needs_glibc_versions(base, phdrs) };
    search.found =
        Some(Object { start, end, load_end, glibc, base, eh_frame: at(PT_GNU_EH_FRAME), dynamic: at(libc::PT_DYNAMIC) });
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
