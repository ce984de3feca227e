//! `sprofil`: `profil` over several regions of text at once (glibc
//! `sysdeps/posix/sprofil.c`, after Irix's `sprofil(2)`).
//!
//! Each `struct prof` describes one histogram: `pr_base`, `pr_size` bytes
//! of counters (16-bit, or 32-bit with `PROF_UINT`), the PC `pr_off` it
//! starts at, and `pr_scale` in `profil`'s fixed point (a scale below 2
//! leaves the entry out). Entries are laid out by decreasing `pr_off`, and
//! one that overlaps an earlier (higher) one is split around it, so the
//! result is a sorted list of disjoint regions that the `SIGPROF` handler
//! binary-searches. An entry with `pr_off` 0 and `pr_scale` 2 is the
//! overflow bin: a sample outside every region, or past a region's
//! counters, adds one to its first counter. Counters saturate instead of
//! wrapping. The timer asks for the shortest period, which the kernel
//! rounds up to its tick.

use core::cell::UnsafeCell;
use core::ffi::{c_int, c_uint, c_ulong, c_ushort, c_void};
use core::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};

/// `struct prof` (`<sys/profil.h>`).
#[repr(C)]
pub struct Prof {
    pub pr_base: *mut c_void,
    pub pr_size: usize,
    pub pr_off: usize,
    pub pr_scale: c_ulong,
}

/// `PROF_UINT`: 32-bit counters.
const PROF_UINT: c_uint = 1;

/// One region of text and the counters it is charged to (glibc's `struct
/// region`): `[start, end)` is the part of `offset`'s histogram that no
/// higher entry covers.
#[derive(Clone, Copy)]
struct Region {
    offset: usize,
    nsamples: usize,
    scale: c_uint,
    sample: *mut c_void,
    start: usize,
    end: usize,
}

/// The regions (a `malloc`ed array sorted by `start`), and what profiling
/// replaced.
struct Info {
    region: *mut Region,
    num_regions: usize,
    /// Region 0 is an overflow bin (glibc keeps a pointer to the array).
    overflow: bool,
    saved_timer: libc::itimerval,
    saved_action: libc::sigaction,
}

struct Shared {
    info: UnsafeCell<Info>,
    /// The region the last sample fell in: the handler's fast path.
    last: AtomicUsize,
    /// The counters are 32-bit (`PROF_UINT`).
    uint: AtomicBool,
}

// SAFETY: `info` is written by `sprofil` only while its handler is not
// installed (callers do not run `sprofil` in two threads at once: it is
// MT-Unsafe in glibc); the handler reads it and writes only `last`.
unsafe impl Sync for Shared {}

static SHARED: Shared = Shared {
    // SAFETY: null pointers, zero counts, a disarmed timer and SIG_DFL are
    // what all-zero bytes mean for these types.
    info: UnsafeCell::new(unsafe { core::mem::zeroed() }),
    last: AtomicUsize::new(0),
    uint: AtomicBool::new(false),
};

fn bin_size(uint: bool) -> usize {
    if uint { 4 } else { 2 }
}

/// The counter `pc` falls in (glibc's `pc_to_index`).
fn pc_to_index(pc: usize, offset: usize, scale: c_uint, uint: bool) -> usize {
    let i = pc.wrapping_sub(offset) / bin_size(uint);
    let scale = scale as usize;
    (i / 65536).wrapping_mul(scale).wrapping_add(i % 65536 * scale / 65536)
}

/// The first PC past counter `n - 1` (glibc's `index_to_pc`): the end of a
/// histogram of `n` counters.
fn index_to_pc(n: usize, offset: usize, scale: c_uint, uint: bool) -> usize {
    let bin = bin_size(uint);
    let scale_ = scale as usize;
    let mut pc = offset
        .wrapping_add(n.wrapping_mul(bin) / scale_ * 65536)
        .wrapping_add(n.wrapping_mul(bin) % scale_ * 65536 / scale_);
    if pc_to_index(pc, offset, scale, uint) < n {
        // Rounding.
        pc = pc.wrapping_add(1);
    }
    pc
}

/// Adds one to counter `i` of `r`, which must hold it; saturates.
///
/// # Safety
/// `r.sample` holds `r.nsamples > i` counters of the width `uint` says.
unsafe fn bump(r: &Region, i: usize, uint: bool) {
    // SAFETY: as the caller guarantees; volatile because the program may
    // read the counters at any time.
    unsafe {
        if uint {
            let slot = r.sample.cast::<c_uint>().add(i);
            let v = slot.read_volatile();
            if v < c_uint::MAX {
                slot.write_volatile(v + 1);
            }
        } else {
            let slot = r.sample.cast::<c_ushort>().add(i);
            let v = slot.read_volatile();
            if v < c_ushort::MAX {
                slot.write_volatile(v + 1);
            }
        }
    }
}

/// Charges one sample at `pc` (glibc's `profil_count`).
///
/// # Safety
/// Called from the handler `sprofil` installed, while its regions live.
unsafe fn count(pc: usize) {
    // SAFETY: the handler is installed only while the regions live.
    let info = unsafe { &*SHARED.info.get() };
    // SAFETY: `region` holds `num_regions` entries.
    let regions = unsafe { core::slice::from_raw_parts(info.region, info.num_regions) };
    let uint = SHARED.uint.load(Relaxed);
    let contains = |r: &Region| pc >= r.start && pc < r.end;
    let last = SHARED.last.load(Relaxed);
    let hit = if regions.get(last).is_some_and(contains) {
        Some(last)
    } else {
        let found = regions.binary_search_by(|r| {
            if contains(r) {
                core::cmp::Ordering::Equal
            } else if r.start > pc {
                core::cmp::Ordering::Greater
            } else {
                core::cmp::Ordering::Less
            }
        });
        found.ok().inspect(|&k| SHARED.last.store(k, Relaxed))
    };
    if let Some(r) = hit.map(|k| &regions[k]) {
        let i = pc_to_index(pc, r.offset, r.scale, uint);
        if i < r.nsamples {
            // SAFETY: the caller's counters, index in range.
            unsafe { bump(r, i, uint) };
            return;
        }
    }
    if info.overflow && regions[0].nsamples > 0 {
        // glibc increments the overflow counter without saturating.
        // SAFETY: the overflow bin's first counter.
        unsafe {
            if uint {
                let slot = regions[0].sample.cast::<c_uint>();
                slot.write_volatile(slot.read_volatile().wrapping_add(1));
            } else {
                let slot = regions[0].sample.cast::<c_ushort>();
                slot.write_volatile(slot.read_volatile().wrapping_add(1));
            }
        }
    }
}

extern "C" fn sprofil_counter(_signo: c_int, _info: *mut libc::siginfo_t, ctx: *mut c_void) {
    // SAFETY: installed as an SA_SIGINFO handler, while the regions live.
    unsafe { count(super::interrupted_pc(ctx)) }
}

/// Inserts region `[start, end)` of `p` at index `i` (glibc's `insert`);
/// empty ones are left out. Returns false when memory runs out.
fn insert(info: &mut Info, i: usize, start: usize, end: usize, p: &Prof, uint: bool) -> bool {
    if start >= end {
        return true;
    }
    let size = (info.num_regions + 1) * core::mem::size_of::<Region>();
    // SAFETY: `region` is null or a malloc'ed array of num_regions entries.
    let r = unsafe { libc::realloc(info.region.cast(), size) }.cast::<Region>();
    if r.is_null() {
        return false;
    }
    // SAFETY: `r` holds num_regions + 1 entries; the first num_regions are
    // initialised and i <= num_regions.
    unsafe {
        core::ptr::copy(r.add(i), r.add(i + 1), info.num_regions - i);
        r.add(i).write(Region {
            offset: p.pr_off,
            nsamples: p.pr_size / bin_size(uint),
            scale: p.pr_scale as c_uint,
            sample: p.pr_base,
            start,
            end,
        });
    }
    info.region = r;
    info.num_regions += 1;
    if p.pr_off == 0 && p.pr_scale == 2 {
        info.overflow = true;
    }
    true
}

/// Adds `p`'s histogram, split around the regions already there, which all
/// start at or above it (glibc's `add_region`).
fn add_region(info: &mut Info, p: &Prof, uint: bool) -> bool {
    if p.pr_scale < 2 {
        return true;
    }
    let nsamples = p.pr_size / bin_size(uint);
    let mut start = p.pr_off;
    let end = index_to_pc(nsamples, p.pr_off, p.pr_scale as c_uint, uint);
    let mut i = 0;
    while i < info.num_regions {
        // SAFETY: i < num_regions.
        let existing = unsafe { *info.region.add(i) };
        if start < existing.start {
            if end < existing.start {
                break;
            }
            if !insert(info, i, start, existing.start, p, uint) {
                return false;
            }
        }
        // SAFETY: i < num_regions (which an insert only grew).
        start = unsafe { (*info.region.add(i)).end };
        i += 1;
    }
    insert(info, i, start, end, p, uint)
}

/// Frees the regions.
fn clear(info: &mut Info) {
    // SAFETY: null or the malloc'ed array.
    unsafe { libc::free(info.region.cast()) };
    info.region = core::ptr::null_mut();
    info.num_regions = 0;
    info.overflow = false;
}

/// `sprofil`: starts profiling into the `profcnt` histograms at `profp`
/// (see the module documentation), or stops it when it is running (the
/// arguments are then unused). `tvp`, when not null, receives the sampling
/// period. Returns 0, or -1 with errno from `malloc`, `sigaction` or
/// `setitimer`. (glibc `<sys/profil.h>`.)
///
/// # Safety
/// `profp` points to `profcnt` entries whose buffers stay valid until
/// profiling stops; `tvp` is null or writable. Uses `ITIMER_PROF` and
/// `SIGPROF`, as glibc's does.
///
/// # glibc differences
/// - glibc leaves its region count set after stopping, so a second stop
///   frees the regions again (a double free) and nothing can start
///   profiling again; here stopping resets, and the next call starts anew.
/// - glibc's handler, once its binary search has found a sample's region,
///   charges the sample with the overflow bin's offset and scale (its
///   result is overwritten), so the first sample after a move between
///   regions is usually lost to the overflow bin; here it counts in its
///   region. Samples outside every region are dropped when there is no
///   overflow bin, where glibc counts them in a private counter.
/// - A `pr_scale` whose end address glibc's `assert` rejects (a scale far
///   above one counter per bin) aborts glibc; here the region ends where
///   the arithmetic puts it.
#[export]
pub unsafe extern "C" fn sprofil(profp: *mut Prof, profcnt: c_int, tvp: *mut libc::timeval, flags: c_uint) -> c_int {
    if !tvp.is_null() {
        let period = 1_000_000 / core::ffi::c_long::from(super::profile_frequency());
        // SAFETY: the caller's writable timeval.
        unsafe { *tvp = libc::timeval { tv_sec: period / 1_000_000, tv_usec: period % 1_000_000 } };
    }
    // SAFETY: `sprofil` is not run in two threads at once (see `Shared`);
    // the handler, when installed, only reads.
    let info = unsafe { &mut *SHARED.info.get() };
    if info.num_regions > 0 {
        if super::set_prof_timer(&info.saved_timer, core::ptr::null_mut()) < 0 {
            return -1;
        }
        // SAFETY: the action saved when profiling started.
        if unsafe { libc::sigaction(libc::SIGPROF, &info.saved_action, core::ptr::null_mut()) } < 0 {
            return -1;
        }
        clear(info);
        return 0;
    }
    clear(info);
    let uint = flags & PROF_UINT != 0;
    let count = usize::try_from(profcnt).unwrap_or(0);
    if count > 0 {
        // Entries by decreasing pr_off, stably (glibc's qsort of pointers).
        // SAFETY: malloc of `count` pointers, checked below.
        let order = unsafe { libc::malloc(count * core::mem::size_of::<*const Prof>()) }.cast::<*const Prof>();
        if order.is_null() {
            return -1;
        }
        // SAFETY: `order` holds `count` pointers, written before they are read.
        let order = unsafe {
            for k in 0..count {
                order.add(k).write(profp.add(k));
            }
            core::slice::from_raw_parts_mut(order, count)
        };
        for k in 1..count {
            let mut j = k;
            // SAFETY: every pointer is one of the caller's `count` entries.
            while j > 0 && unsafe { (*order[j - 1]).pr_off < (*order[j]).pr_off } {
                order.swap(j - 1, j);
                j -= 1;
            }
        }
        let mut ok = true;
        for &p in order.iter() {
            // SAFETY: one of the caller's entries.
            if !add_region(info, unsafe { &*p }, uint) {
                ok = false;
                break;
            }
        }
        // SAFETY: the array malloc'ed above.
        unsafe { libc::free(order.as_mut_ptr().cast()) };
        if !ok {
            clear(info);
            return -1;
        }
    }
    if info.num_regions == 0 {
        return 0;
    }
    SHARED.last.store(0, Relaxed);
    SHARED.uint.store(uint, Relaxed);
    let act = super::counter_action(sprofil_counter);
    // SAFETY: a valid action; the old one is saved in `info`.
    if unsafe { libc::sigaction(libc::SIGPROF, &act, &mut info.saved_action) } < 0 {
        return -1;
    }
    super::set_prof_timer(&super::profil::tick_timer(1), &mut info.saved_timer)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prof(off: usize, size: usize, scale: c_ulong) -> Prof {
        Prof { pr_base: core::ptr::null_mut(), pr_size: size, pr_off: off, pr_scale: scale }
    }

    #[test]
    fn index_and_pc_agree() {
        for &(n, scale) in &[(1usize, 0x10000u32), (100, 0x10000), (100, 0x8000), (7, 0x20000), (33, 3)] {
            let end = index_to_pc(n, 0x1000, scale, false);
            assert!(pc_to_index(end - 1, 0x1000, scale, false) < n, "n {n} scale {scale:#x}");
            assert!(pc_to_index(end, 0x1000, scale, false) >= n, "n {n} scale {scale:#x}");
        }
    }

    #[test]
    fn overlapping_entries_split_around_higher_ones() {
        // SAFETY: zeroed Info is the empty state.
        let mut info: Info = unsafe { core::mem::zeroed() };
        // Higher entry [0x2000, 0x2100) first, then [0x1000, 0x3000) around it.
        assert!(add_region(&mut info, &prof(0x2000, 0x100, 0x10000), false));
        assert!(add_region(&mut info, &prof(0x1000, 0x2000, 0x10000), false));
        // SAFETY: num_regions entries.
        let r = unsafe { core::slice::from_raw_parts(info.region, info.num_regions) };
        let spans: Vec<(usize, usize, usize)> = r.iter().map(|r| (r.start, r.end, r.offset)).collect();
        assert_eq!(spans, vec![(0x1000, 0x2000, 0x1000), (0x2000, 0x2100, 0x2000), (0x2100, 0x3000, 0x1000)]);
        assert!(!info.overflow);
        clear(&mut info);
    }
}
