//! `monstartup`, `moncontrol`, `_mcleanup`: the profiling tables and
//! `gmon.out` (glibc `gmon/gmon.c`, `<sys/gmon.h>`, `<sys/gmon_out.h>`).
//!
//! `monstartup(lowpc, highpc)` allocates, in one zeroed block, the call-arc
//! table (`tos`: `tolimit` records of callee, count and chain link; the
//! text size times `ARCDENSITY` percent, clamped to `[MINARCS, MAXARCS]`),
//! the histogram (one 16-bit counter per `HISTFRACTION` bytes of text) and
//! the hash from call sites to arc chains (`froms`: one index per
//! `HASHFRACTION * sizeof(long)` bytes), then starts the histogram with
//! `profil` at the scale that fits the text into it. `mcount` (see
//! `mcount.rs`) fills the arcs. `_mcleanup` stops, writes `gmon.out` and
//! frees everything:
//!
//! - the file is `$GMON_OUT_PREFIX.<pid>` when that variable is set (and
//!   the process is not in secure mode) and the file can be created, else
//!   `gmon.out` in the working directory;
//! - a 20-byte header: the cookie `gmon`, version 1 as a native `int`, 12
//!   zero bytes;
//! - one `GMON_TAG_TIME_HIST` record: the tag byte, `low_pc` and `high_pc`
//!   (pointers), the number of counters and the profiling rate (`int`s),
//!   `"seconds"` in 15 bytes and `'s'`, then the counters;
//! - one `GMON_TAG_CG_ARC` record per arc, in the order of the hash and of
//!   each chain: the tag byte, the call site rounded down to its hash slot,
//!   the callee's PC after its `mcount` call (pointers), the count (`int`).
//!
//! Addresses are relative to the main program's load address (0 for a
//! non-PIE program), as glibc writes them for gprof to read PIE programs.

use super::profil;
use core::cell::UnsafeCell;
use core::ffi::{CStr, c_int, c_long, c_ulong, c_ushort};
use core::fmt::Write as _;
use core::sync::atomic::{AtomicI64, Ordering::Relaxed};

pub(super) const GMON_PROF_ON: c_long = 0;
pub(super) const GMON_PROF_BUSY: c_long = 1;
pub(super) const GMON_PROF_ERROR: c_long = 2;
pub(super) const GMON_PROF_OFF: c_long = 3;

/// Bytes of text per histogram counter.
const HISTFRACTION: usize = 2;
/// Bytes of text per `froms` slot, in units of `sizeof(ARCINDEX)`.
const HASHFRACTION: usize = 2;
/// Arcs allowed per 100 bytes of text.
const ARCDENSITY: usize = 3;
const MINARCS: c_long = 50;
const MAXARCS: c_long = 1 << 20;
/// `profil`'s scale that gives each two bytes of text their own counter.
const SCALE_1_TO_1: c_int = 0x10000;
const HISTCOUNTER: usize = core::mem::size_of::<c_ushort>();
const ARCINDEX: usize = core::mem::size_of::<usize>();

const GMON_TAG_TIME_HIST: u8 = 0;
const GMON_TAG_CG_ARC: u8 = 1;
const GMON_VERSION: i32 = 1;

/// `struct tostruct`: one arc, chained from its call site's `froms` slot.
#[repr(C)]
pub(super) struct ToStruct {
    pub selfpc: usize,
    pub count: c_long,
    pub link: usize,
}

/// `struct gmonparam` without `state`.
#[derive(Clone, Copy)]
pub(super) struct Tables {
    pub kcount: *mut c_ushort,
    pub kcountsize: usize,
    pub froms: *mut usize,
    pub fromssize: usize,
    pub tos: *mut ToStruct,
    pub tolimit: c_long,
    pub lowpc: usize,
    pub highpc: usize,
    pub textsize: usize,
    /// `froms` slot of a call site: its offset in the text shifted by this.
    pub log_hashfraction: u32,
    /// The `profil` scale of the histogram (glibc's `s_scale`).
    pub scale: c_int,
}

impl Tables {
    const EMPTY: Tables = Tables {
        kcount: core::ptr::null_mut(),
        kcountsize: 0,
        froms: core::ptr::null_mut(),
        fromssize: 0,
        tos: core::ptr::null_mut(),
        tolimit: 0,
        lowpc: 0,
        highpc: 0,
        textsize: 0,
        log_hashfraction: 0,
        scale: 0,
    };
}

/// glibc's `_gmonparam`: `state` says whether `mcount` may record
/// (`GMON_PROF_ON`), is recording (`BUSY`, which also keeps a signal
/// handler's or another thread's `mcount` out), is stopped, or gave up.
pub(super) struct GmonParam {
    pub state: AtomicI64,
    pub tables: UnsafeCell<Tables>,
}

// SAFETY: `mcount` touches `tables` only between winning the ON -> BUSY
// exchange and storing the next state; `monstartup` and `_mcleanup` change
// them, as in glibc, only while `mcount` does not record (they are
// MT-Unsafe there: a program calls them at start-up and exit).
unsafe impl Sync for GmonParam {}

pub(super) static GMON: GmonParam =
    GmonParam { state: AtomicI64::new(GMON_PROF_OFF), tables: UnsafeCell::new(Tables::EMPTY) };

const fn round_down(x: usize, y: usize) -> usize {
    x / y * y
}

const fn round_up(x: usize, y: usize) -> usize {
    x.wrapping_add(y - 1) / y * y
}

/// The table sizes `monstartup` allocates for `[lowpc, highpc)`, with no
/// memory yet.
fn layout(lowpc: usize, highpc: usize, minarcs: c_long, maxarcs: c_long) -> Tables {
    let lowpc = round_down(lowpc, HISTFRACTION * HISTCOUNTER);
    let highpc = round_up(highpc, HISTFRACTION * HISTCOUNTER);
    let textsize = highpc.wrapping_sub(lowpc);
    // glibc rounds the histogram up to a whole number of `froms` entries,
    // which follow it in the block.
    let kcountsize = round_up(textsize / HISTFRACTION, ARCINDEX);
    let fromssize = round_up(textsize / HASHFRACTION, ARCINDEX);
    let mut tolimit = (textsize.wrapping_mul(ARCDENSITY) / 100) as c_long;
    if tolimit < minarcs {
        tolimit = minarcs;
    } else if tolimit > maxarcs {
        tolimit = maxarcs;
    }
    // glibc's int `o`, and its float arithmetic for the scale.
    let o = textsize as c_int;
    let scale = if (kcountsize as u64) < o as i64 as u64 {
        (kcountsize as f32 / o as f32 * SCALE_1_TO_1 as f32) as c_int
    } else {
        SCALE_1_TO_1
    };
    Tables {
        kcountsize,
        fromssize,
        tolimit,
        lowpc,
        highpc,
        textsize,
        log_hashfraction: (HASHFRACTION * ARCINDEX).trailing_zeros(),
        scale,
        ..Tables::EMPTY
    }
}

/// glibc >= 2.39's tunables `glibc.gmon.minarcs` and `glibc.gmon.maxarcs`
/// (each at least 50, at most `INT_MAX`; defaults `MINARCS` and `MAXARCS`),
/// from `GLIBC_TUNABLES` outside secure mode.
fn arc_limits() -> (c_long, c_long) {
    let mut minarcs = MINARCS;
    let mut maxarcs = MAXARCS;
    if let Some(tunables) = crate::abi::env::var(c"GLIBC_TUNABLES") {
        for (name, value) in tunables.to_bytes().split(|&b| b == b':').filter_map(|t| {
            let eq = t.iter().position(|&b| b == b'=')?;
            Some((&t[..eq], &t[eq + 1..]))
        }) {
            let slot = match name {
                b"glibc.gmon.minarcs" => &mut minarcs,
                b"glibc.gmon.maxarcs" => &mut maxarcs,
                _ => continue,
            };
            if let Some(v) = tunable_number(value).filter(|v| (50..=c_int::MAX as u64).contains(v)) {
                *slot = v as c_long;
            }
        }
    }
    (minarcs, maxarcs)
}

/// A tunable's number as glibc's `_dl_strtoul` reads it: after blanks and
/// an optional `+`, decimal, or hex after `0x`, or octal after `0`; the
/// whole value must be read. (A `-` makes it negative, which every bound
/// here rejects.)
fn tunable_number(text: &[u8]) -> Option<u64> {
    let start = text.iter().position(|&b| b != b' ' && b != b'\t').unwrap_or(text.len());
    let text = text[start..].strip_prefix(b"+").unwrap_or(&text[start..]);
    let (digits, radix) = match text {
        [b'0', b'x' | b'X', rest @ ..] => (rest, 16),
        [b'0', rest @ ..] if !rest.is_empty() => (rest, 8),
        _ => (text, 10),
    };
    if digits.is_empty() {
        return None;
    }
    digits.iter().try_fold(0u64, |n, &d| {
        let v = (d as char).to_digit(radix)?;
        n.checked_mul(u64::from(radix))?.checked_add(u64::from(v))
    })
}

/// `__monstartup`: allocates the profiling tables for the text in
/// `[lowpc, highpc)` and starts profiling (see the module documentation).
/// A second call before `_mcleanup` does nothing. When memory runs out it
/// says `monstartup: out of memory` on fd 2 and profiling stays off.
/// (glibc `gmon/gmon.c`.)
///
/// # Safety
/// Not to be called while another thread is in `monstartup`, `moncontrol`
/// or `_mcleanup`.
///
/// # glibc differences
/// The tunables `glibc.gmon.minarcs` and `glibc.gmon.maxarcs` (glibc >=
/// 2.39; 2.36 has neither) are read from `GLIBC_TUNABLES` when
/// `monstartup` runs; glibc reads them once, at start-up.
#[export]
pub unsafe extern "C" fn __monstartup(lowpc: c_ulong, highpc: c_ulong) {
    let (minarcs, mut maxarcs) = arc_limits();
    if maxarcs < minarcs {
        crate::abi::cstr::write_all(2, b"monstartup: maxarcs < minarcs, setting maxarcs = minarcs\n");
        maxarcs = minarcs;
    }
    // SAFETY: no other thread changes the tables now (see GmonParam), and
    // mcount only records once moncontrol below turns it on.
    let tables = unsafe { &mut *GMON.tables.get() };
    if !tables.tos.is_null() {
        return;
    }
    let mut t = layout(lowpc as usize, highpc as usize, minarcs, maxarcs);
    let tossize = (t.tolimit as usize).wrapping_mul(core::mem::size_of::<ToStruct>());
    let size = t.kcountsize.wrapping_add(t.fromssize).wrapping_add(tossize);
    // SAFETY: calloc with a size; checked for null.
    let block = unsafe { libc::calloc(size, 1) }.cast::<u8>();
    if block.is_null() {
        crate::abi::cstr::write_all(2, b"monstartup: out of memory\n");
        tables.tos = core::ptr::null_mut();
        GMON.state.store(GMON_PROF_ERROR, Relaxed);
        return;
    }
    t.tos = block.cast();
    // SAFETY: the block holds tossize + kcountsize + fromssize bytes, in that
    // order; each part's size is a multiple of 8, so each is aligned.
    unsafe {
        t.kcount = block.add(tossize).cast();
        t.froms = block.add(tossize + t.kcountsize).cast();
    }
    *tables = t;
    // SAFETY: the tables are in place.
    unsafe { moncontrol(1) };
}

/// `monstartup`: the same as [`__monstartup`].
///
/// # Safety
/// As `__monstartup`.
#[export]
pub unsafe extern "C" fn monstartup(lowpc: c_ulong, highpc: c_ulong) {
    // SAFETY: as documented.
    unsafe { __monstartup(lowpc, highpc) }
}

/// `moncontrol`: a nonzero `mode` starts profiling (the histogram and the
/// call arcs) if `monstartup` set it up and it has not failed; 0 stops it.
/// (glibc `gmon/gmon.c`.)
///
/// # Safety
/// As `__monstartup`.
#[export]
pub unsafe extern "C" fn moncontrol(mode: c_int) {
    // SAFETY: see GmonParam.
    let t = unsafe { *GMON.tables.get() };
    let state = GMON.state.load(Relaxed);
    if mode != 0 && state != GMON_PROF_ERROR && !t.tos.is_null() {
        // SAFETY: the histogram lives until _mcleanup stops profiling.
        unsafe { profil::start_or_stop(t.kcount, t.kcountsize, t.lowpc, t.scale as u32) };
        GMON.state.store(GMON_PROF_ON, Relaxed);
    } else {
        // SAFETY: stopping takes no buffer.
        unsafe { profil::start_or_stop(core::ptr::null_mut(), 0, 0, 0) };
        if state != GMON_PROF_ERROR {
            GMON.state.store(GMON_PROF_OFF, Relaxed);
        }
    }
}

/// `_mcleanup`: stops profiling, writes `gmon.out` (see the module
/// documentation) unless profiling failed or was never set up, and frees
/// the tables, so that `monstartup` may start again. When the file cannot
/// be created it says `_mcleanup: gmon.out: <error>` on stderr. A `-pg`
/// program's start-up registers it with `atexit`. (glibc `gmon/gmon.c`.)
///
/// # Safety
/// As `__monstartup`.
#[export]
pub unsafe extern "C" fn _mcleanup() {
    // SAFETY: as documented.
    unsafe { moncontrol(0) };
    // SAFETY: profiling is off, so mcount no longer touches the tables.
    let tables = unsafe { &mut *GMON.tables.get() };
    if GMON.state.load(Relaxed) != GMON_PROF_ERROR && !tables.tos.is_null() {
        write_gmon(tables);
    }
    // SAFETY: null or the block monstartup allocated.
    unsafe { libc::free(tables.tos.cast()) };
    *tables = Tables::EMPTY;
    GMON.state.store(GMON_PROF_OFF, Relaxed);
}

/// Creates `path` for writing, not following a symbolic link.
fn create(path: &CStr) -> c_int {
    let flags = libc::O_CREAT | libc::O_TRUNC | libc::O_WRONLY | libc::O_NOFOLLOW | libc::O_CLOEXEC;
    // SAFETY: a NUL-terminated path. A raw system call, as glibc's
    // `__open_nocancel`: writing the profile is no cancellation point.
    unsafe { libc::syscall(libc::SYS_openat, libc::AT_FDCWD, path.as_ptr(), flags, 0o666) as c_int }
}

/// Writes all of `bytes`, as glibc's `__write_nocancel` (no cancellation
/// point; errors are dropped, as glibc drops them).
fn write_raw(fd: c_int, mut bytes: &[u8]) {
    while !bytes.is_empty() {
        // SAFETY: the pointer and length describe the live slice.
        let n = unsafe { libc::syscall(libc::SYS_write, fd, bytes.as_ptr(), bytes.len()) };
        if n <= 0 {
            if n < 0 && crate::abi::errno::get() == libc::EINTR {
                continue;
            }
            return;
        }
        bytes = &bytes[n as usize..];
    }
}

/// Opens the profile: `$GMON_OUT_PREFIX.<pid>`, else `gmon.out`.
fn open_profile() -> Option<c_int> {
    if let Some(prefix) = crate::abi::env::var(c"GMON_OUT_PREFIX") {
        let prefix = prefix.to_bytes();
        let mut pid = crate::abi::cstr::Buf::<16>::new();
        // SAFETY: getpid has no preconditions.
        let _ = write!(pid, ".{}", unsafe { libc::getpid() } as u32);
        let len = prefix.len() + pid.as_bytes().len();
        // SAFETY: malloc of the name and its NUL; checked for null.
        let name = unsafe { libc::malloc(len + 1) }.cast::<u8>();
        if !name.is_null() {
            // SAFETY: `name` holds len + 1 bytes, filled here.
            let path = unsafe {
                let room = core::slice::from_raw_parts_mut(name, len + 1);
                room[..prefix.len()].copy_from_slice(prefix);
                room[prefix.len()..len].copy_from_slice(pid.as_bytes());
                room[len] = 0;
                CStr::from_bytes_with_nul_unchecked(room)
            };
            let fd = create(path);
            // SAFETY: the buffer malloc'ed above.
            unsafe { libc::free(name.cast()) };
            if fd >= 0 {
                return Some(fd);
            }
        }
    }
    let fd = create(c"gmon.out");
    if fd < 0 {
        let errnum = crate::abi::errno::get();
        let mut line = crate::abi::cstr::Buf::<320>::new();
        let _ = line.write_str("_mcleanup: gmon.out: ");
        crate::string::strerror::describe(errnum, &mut line);
        let _ = line.write_str("\n");
        crate::abi::cstr::write_all(2, line.as_bytes());
        return None;
    }
    Some(fd)
}

/// The main program's load address (glibc asks `dl_iterate_phdr` for the
/// object with the empty name; musl names it, and lists it first).
fn load_address() -> usize {
    // SAFETY: musl's link map of the main program.
    crate::abi::objects::link_maps().next().map_or(0, |map| unsafe { (*map).l_addr } as usize)
}

/// Writes the profile `tables` describe.
fn write_gmon(t: &Tables) {
    let Some(fd) = open_profile() else { return };
    let mut header = [0u8; 20];
    header[..4].copy_from_slice(b"gmon");
    header[4..8].copy_from_slice(&GMON_VERSION.to_ne_bytes());
    write_raw(fd, &header);
    let load = load_address();
    write_hist(fd, t, load);
    write_call_graph(fd, t, load);
    // glibc then writes the basic-block counts of `gcc -a`, a list nothing
    // has filled since GCC 3 dropped that option: always empty.
    // SAFETY: the descriptor opened above.
    unsafe { libc::syscall(libc::SYS_close, fd) };
}

fn write_hist(fd: c_int, t: &Tables, load: usize) {
    if t.kcountsize == 0 {
        return;
    }
    let mut record = [0u8; 1 + 40];
    record[0] = GMON_TAG_TIME_HIST;
    record[1..9].copy_from_slice(&t.lowpc.wrapping_sub(load).to_ne_bytes());
    record[9..17].copy_from_slice(&t.highpc.wrapping_sub(load).to_ne_bytes());
    record[17..21].copy_from_slice(&((t.kcountsize / HISTCOUNTER) as i32).to_ne_bytes());
    record[21..25].copy_from_slice(&super::profile_frequency().to_ne_bytes());
    record[25..32].copy_from_slice(b"seconds");
    record[40] = b's';
    write_raw(fd, &record);
    // SAFETY: the histogram holds kcountsize bytes.
    write_raw(fd, unsafe { core::slice::from_raw_parts(t.kcount.cast::<u8>(), t.kcountsize) });
}

/// One arc record: tag, `from_pc`, `self_pc`, `count`.
const ARC_RECORD: usize = 1 + 8 + 8 + 4;
/// Arcs per write, as glibc's `NARCS_PER_WRITEV`.
const ARCS_PER_WRITE: usize = 32;

fn write_call_graph(fd: c_int, t: &Tables, load: usize) {
    // SAFETY: the tables monstartup allocated, which profiling no longer
    // changes: fromssize bytes of froms, tolimit arcs.
    let (froms, tos) = unsafe {
        (
            core::slice::from_raw_parts(t.froms, t.fromssize / ARCINDEX),
            core::slice::from_raw_parts(t.tos, t.tolimit as usize),
        )
    };
    let mut batch = [0u8; ARC_RECORD * ARCS_PER_WRITE];
    let mut filled = 0;
    for (from_index, &head) in froms.iter().enumerate() {
        let frompc = t.lowpc.wrapping_add(from_index * HASHFRACTION * ARCINDEX);
        let mut to_index = head;
        while to_index != 0 {
            let arc = &tos[to_index];
            let record = &mut batch[filled * ARC_RECORD..(filled + 1) * ARC_RECORD];
            record[0] = GMON_TAG_CG_ARC;
            record[1..9].copy_from_slice(&frompc.wrapping_sub(load).to_ne_bytes());
            record[9..17].copy_from_slice(&arc.selfpc.wrapping_sub(load).to_ne_bytes());
            record[17..21].copy_from_slice(&(arc.count as i32).to_ne_bytes());
            filled += 1;
            if filled == ARCS_PER_WRITE {
                write_raw(fd, &batch);
                filled = 0;
            }
            to_index = arc.link;
        }
    }
    write_raw(fd, &batch[..filled * ARC_RECORD]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_matches_glibcs_arithmetic() {
        let t = layout(0x1001, 0x2003, MINARCS, MAXARCS);
        assert_eq!((t.lowpc, t.highpc, t.textsize), (0x1000, 0x2004, 0x1004));
        assert_eq!(t.kcountsize, 0x808);
        assert_eq!(t.fromssize, 0x808);
        // 3% of 4100 bytes is 123 arcs.
        assert_eq!(t.tolimit, 123);
        assert_eq!(t.log_hashfraction, 4);
        // Half as many counters as bytes: glibc's float scale.
        assert_eq!(t.scale, (0x808 as f32 / 0x1004 as f32 * 65536.0) as c_int);
        assert_eq!(layout(0, 0x100, MINARCS, MAXARCS).tolimit, MINARCS);
        assert_eq!(layout(0, 1 << 30, MINARCS, MAXARCS).tolimit, MAXARCS);
    }

    #[test]
    fn tunable_numbers() {
        assert_eq!(tunable_number(b"100"), Some(100));
        assert_eq!(tunable_number(b"0x40"), Some(64));
        assert_eq!(tunable_number(b"010"), Some(8));
        assert_eq!(tunable_number(b"0"), Some(0));
        assert_eq!(tunable_number(b"1k"), None);
        assert_eq!(tunable_number(b""), None);
    }
}
