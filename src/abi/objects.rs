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
//!
//! Also the two walks of the loaded objects everything else uses:
//! [`walk`] (`dl_iterate_phdr`, each object's headers as an
//! [`Image`](super::elf::Image)) and [`link_maps`] (musl's list of handles).

use core::ffi::{c_int, c_void};
use core::sync::atomic::{
    AtomicBool, AtomicUsize,
    Ordering::{Acquire, Relaxed, Release},
};

use super::elf::{Image, PT_DYNAMIC, PT_GNU_EH_FRAME, PT_GNU_RELRO};
use super::glibc_types::link_map;

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

/// musl's list of loaded objects, in load order from the program. Each
/// entry (musl's `struct dso`, the handle `dlopen` returns) begins with
/// glibc's public `struct link_map`; `dlopen(NULL)` returns the head without
/// taking a lock, and musl only ever appends to the list (it never unloads),
/// so an entry stays valid for the life of the process.
pub fn link_maps() -> impl Iterator<Item = *mut link_map> {
    // SAFETY: dlopen(NULL) has no preconditions.
    let head = unsafe { libc::dlopen(core::ptr::null(), libc::RTLD_LAZY | libc::RTLD_NOLOAD) }.cast::<link_map>();
    core::iter::successors((!head.is_null()).then_some(head), |&map| {
        // SAFETY: an entry of musl's list (see above).
        let next = unsafe { (*map).l_next };
        (!next.is_null()).then_some(next)
    })
}

/// Calls `f` with each loaded object (`dl_iterate_phdr`'s record and its
/// [`Image`]), in load order, until it returns `Some`; returns that.
pub fn walk<R, F: FnMut(&libc::dl_phdr_info, &Image) -> Option<R>>(f: F) -> Option<R> {
    struct Walk<F, R> {
        f: F,
        out: Option<R>,
    }
    unsafe extern "C" fn visit<F: FnMut(&libc::dl_phdr_info, &Image) -> Option<R>, R>(
        info: *mut libc::dl_phdr_info,
        _size: usize,
        data: *mut c_void,
    ) -> c_int {
        // SAFETY: musl passes a valid record (every field filled) and our
        // own `Walk`.
        let (info, walk) = unsafe { (&*info, &mut *data.cast::<Walk<F, R>>()) };
        // SAFETY: a record musl's dl_iterate_phdr passed.
        let image = unsafe { Image::of(info) };
        walk.out = (walk.f)(info, &image);
        c_int::from(walk.out.is_some())
    }
    let mut walk = Walk { f, out: None };
    // SAFETY: the callback matches the record and `walk` outlives the call.
    unsafe { libc::dl_iterate_phdr(Some(visit::<F, R>), (&raw mut walk).cast()) };
    walk.out
}

/// The page-aligned `PT_GNU_RELRO` span holding `addr`, if `addr` lies in
/// one: the loader made it read-only after relocation. A glibc-built
/// program's copy of a variable that glibc defines in read-only-after-
/// relocation memory (`__libc_stack_end`) is placed there. Walks the
/// objects (start-up use only).
pub fn relro_span(addr: usize) -> Option<(usize, usize)> {
    walk(|_, image| {
        let ph = image.phdrs().iter().find(|p| p.p_type == PT_GNU_RELRO && p.contains(image.base(), addr))?;
        let lo = image.base().wrapping_add(ph.p_vaddr as usize);
        Some((lo & !0xfff, lo.wrapping_add(ph.p_memsz as usize) & !0xfff))
    })
    .filter(|(lo, hi)| lo < hi)
}

/// The object holding `addr`, read from the loader's list.
fn find_object(addr: usize) -> Option<Object> {
    walk(|_, image| {
        let (mut start, mut load_end, mut contains) = (usize::MAX, 0, false);
        for ph in image.loads() {
            let lo = image.base().wrapping_add(ph.p_vaddr as usize);
            contains |= ph.contains(image.base(), addr);
            start = start.min(lo & !0xfff);
            load_end = load_end.max(lo.wrapping_add(ph.p_memsz as usize));
        }
        if !contains {
            return None;
        }
        Some(Object {
            start,
            end: (load_end + 0xfff) & !0xfff,
            load_end,
            glibc: image.needs_version(|v| v.to_bytes().starts_with(b"GLIBC_")),
            base: image.base(),
            eh_frame: image.segment(PT_GNU_EH_FRAME).unwrap_or(0),
            dynamic: image.segment(PT_DYNAMIC).unwrap_or(0),
        })
    })
}
