//! `<fts.h>`: `fts_open`, `fts_read`, `fts_children`, `fts_set`,
//! `fts_close` and their large-file names `fts64_*` (glibc 2.23), with
//! glibc's structures and glibc's walk (`man 3 fts`; glibc `io/fts.c`,
//! which is 4.4BSD's). musl has no fts at all.
//!
//! The caller reads `FTS` and `FTSENT` directly, so both are glibc's
//! layouts ([`glibc_types`]). On x86_64 `struct stat` is `struct stat64`
//! and `ino_t` is `ino64_t`, in glibc and in musl alike, so `FTS64` and
//! `FTSENT64` are the same structures under other names and one walk
//! serves both sets of names (checked below at compile time).
//!
//! What a program can see, and so what this keeps as glibc does it:
//! preorder `FTS_D` then postorder `FTS_DP` for each directory, an empty
//! directory's second visit coming straight after its first; an unreadable
//! directory seen as `FTS_D` then `FTS_DNR`, with no `FTS_DP`; children in
//! `readdir` order unless a comparison function is given; roots in the
//! order given; with `FTS_NOCHDIR` (implied by `FTS_LOGICAL`) `fts_accpath`
//! is the full path, otherwise the walk changes directory and `fts_accpath`
//! is the name; a root's `fts_name` is its last component; `FTS_NOSTAT`
//! in a physical walk skips `stat` for entries whose `d_type` says they are
//! not directories and for all entries once the parent's link count says
//! no subdirectory is left; `FTS_NS` with `fts_errno` when `stat` fails,
//! `FTS_SLNONE` (with `fts_errno` 0) when following a symbolic link fails
//! but `lstat` works; `FTS_DC` with `fts_cycle` for a directory that is its
//! own ancestor; errno 0 when `fts_read` returns NULL at the end and when
//! `fts_children` finds no children; EINVAL for unknown options and
//! instructions; ENOENT for an empty root path.
//!
//! `header.rs` holds `<fts.h>`'s values, `entry.rs` the entries and the
//! path buffer, `walk.rs` the walk; here are the exported names, the
//! large-file ones and, for the plain ones, the choice between glibc's walk
//! and the fts a musl-built caller was linked against.
//!
//! [`glibc_types`]: crate::abi::glibc_types

mod entry;
mod header;
mod walk;

use crate::abi::caller;
use crate::abi::glibc_types::{FTS, FTS64, FTSENT, FTSENT64};
use crate::abi::next::Next;
use core::ffi::{c_char, c_int, c_void};
use core::mem::{align_of, offset_of, size_of};
use entry::STAT_ALIGN;
use header::{Compar, Compar64};
use walk::{walk_children, walk_close, walk_open, walk_read, walk_set};

// One walk serves both names: the 64-bit structures are the plain ones.
const _: () = {
    assert!(size_of::<FTS>() == size_of::<FTS64>());
    assert!(offset_of!(FTS, fts_options) == offset_of!(FTS64, fts_options));
    assert!(size_of::<FTSENT>() == size_of::<FTSENT64>());
    assert!(offset_of!(FTSENT, fts_ino) == offset_of!(FTSENT64, fts_ino));
    assert!(offset_of!(FTSENT, fts_statp) == offset_of!(FTSENT64, fts_statp));
    assert!(offset_of!(FTSENT, fts_name) == offset_of!(FTSENT64, fts_name));
    // glibc's struct stat, which musl's matches: 144 bytes on x86_64, the
    // generic 128 on aarch64.
    let glibc_stat = if cfg!(target_arch = "aarch64") { 128 } else { 144 };
    assert!(size_of::<libc::stat>() == glibc_stat && align_of::<libc::stat>() <= STAT_ALIGN);
    assert!(size_of::<Compar>() == size_of::<Compar64>());
};

/// `fts64_open`: `fts_open` for `-D_FILE_OFFSET_BITS=64` callers (glibc
/// 2.23); the structures are the same on x86_64.
///
/// # Safety
/// As `fts_open`.
#[export]
pub unsafe extern "C" fn fts64_open(argv: *const *mut c_char, options: c_int, compar: Compar64) -> *mut FTS64 {
    // SAFETY: FTSENT64 is FTSENT (checked above), so the comparison's type
    // is the same.
    unsafe { walk_open(argv, options, core::mem::transmute::<Compar64, Compar>(compar)).cast() }
}

/// `fts64_read`: `fts_read` on an `FTS64`.
///
/// # Safety
/// As `fts_read`.
#[export]
pub unsafe extern "C" fn fts64_read(ftsp: *mut FTS64) -> *mut FTSENT64 {
    // SAFETY: FTS64 is FTS.
    unsafe { walk_read(ftsp.cast()).cast() }
}

/// `fts64_set`: `fts_set` on an `FTSENT64`.
///
/// # Safety
/// As `fts_set`.
#[export]
pub unsafe extern "C" fn fts64_set(ftsp: *mut FTS64, p: *mut FTSENT64, instr: c_int) -> c_int {
    // SAFETY: FTS64 is FTS, FTSENT64 is FTSENT.
    unsafe { walk_set(ftsp.cast(), p.cast(), instr) }
}

/// `fts64_children`: `fts_children` on an `FTS64`.
///
/// # Safety
/// As `fts_children`.
#[export]
pub unsafe extern "C" fn fts64_children(ftsp: *mut FTS64, instr: c_int) -> *mut FTSENT64 {
    // SAFETY: FTS64 is FTS.
    unsafe { walk_children(ftsp.cast(), instr).cast() }
}

/// `fts64_close`: `fts_close` on an `FTS64`.
///
/// # Safety
/// As `fts_close`.
#[export]
pub unsafe extern "C" fn fts64_close(ftsp: *mut FTS64) -> c_int {
    // SAFETY: FTS64 is FTS.
    unsafe { walk_close(ftsp.cast()) }
}

// The plain names for the caller at `caller` (the fronts in `fts.c`):
// glibc's walk for glibc-built code. A musl-built caller gets the fts it
// was linked against, with its own (NetBSD) structures: Debian's musl
// carries one in libc.so, Alpine's `musl-fts` is libfts.so. Only if there
// is none does it get glibc's walk, as before the shim it could not run.

type OpenFn = unsafe extern "C" fn(*const *mut c_char, c_int, *mut c_void) -> *mut c_void;
type ReadFn = unsafe extern "C" fn(*mut c_void) -> *mut c_void;
type SetFn = unsafe extern "C" fn(*mut c_void, *mut c_void, c_int) -> c_int;
type ChildrenFn = unsafe extern "C" fn(*mut c_void, c_int) -> *mut c_void;
type CloseFn = unsafe extern "C" fn(*mut c_void) -> c_int;

static NEXT_OPEN: Next = Next::new(c"fts_open");
static NEXT_READ: Next = Next::new(c"fts_read");
static NEXT_SET: Next = Next::new(c"fts_set");
static NEXT_CHILDREN: Next = Next::new(c"fts_children");
static NEXT_CLOSE: Next = Next::new(c"fts_close");

/// The definition a musl-built caller at `caller` binds to, if it has one.
fn musl_caller(caller: *const c_void, next: &Next) -> Option<*mut c_void> {
    if caller::is_glibc(caller) { None } else { next.find() }
}

/// `fts_open` for the caller at `caller`.
///
/// # Safety
/// As `fts_open`.
#[export(local)]
pub unsafe extern "C" fn __gcompat_fts_open(
    argv: *const *mut c_char,
    options: c_int,
    compar: Compar,
    caller: *const c_void,
) -> *mut FTS {
    // SAFETY: the caller's arguments, to the fts its object was linked
    // against (whose `fts_open` has this C type) or to glibc's walk.
    unsafe {
        match musl_caller(caller, &NEXT_OPEN) {
            Some(f) => core::mem::transmute::<*mut c_void, OpenFn>(f)(
                argv,
                options,
                core::mem::transmute::<Compar, *mut c_void>(compar),
            )
            .cast(),
            None => walk_open(argv, options, compar),
        }
    }
}

/// `fts_read` for the caller at `caller`.
///
/// # Safety
/// As `fts_read`.
#[export(local)]
pub unsafe extern "C" fn __gcompat_fts_read(ftsp: *mut FTS, caller: *const c_void) -> *mut FTSENT {
    // SAFETY: as in `__gcompat_fts_open`.
    unsafe {
        match musl_caller(caller, &NEXT_READ) {
            Some(f) => core::mem::transmute::<*mut c_void, ReadFn>(f)(ftsp.cast()).cast(),
            None => walk_read(ftsp),
        }
    }
}

/// `fts_set` for the caller at `caller`.
///
/// # Safety
/// As `fts_set`.
#[export(local)]
pub unsafe extern "C" fn __gcompat_fts_set(
    ftsp: *mut FTS,
    p: *mut FTSENT,
    instr: c_int,
    caller: *const c_void,
) -> c_int {
    // SAFETY: as in `__gcompat_fts_open`.
    unsafe {
        match musl_caller(caller, &NEXT_SET) {
            Some(f) => core::mem::transmute::<*mut c_void, SetFn>(f)(ftsp.cast(), p.cast(), instr),
            None => walk_set(ftsp, p, instr),
        }
    }
}

/// `fts_children` for the caller at `caller`.
///
/// # Safety
/// As `fts_children`.
#[export(local)]
pub unsafe extern "C" fn __gcompat_fts_children(ftsp: *mut FTS, instr: c_int, caller: *const c_void) -> *mut FTSENT {
    // SAFETY: as in `__gcompat_fts_open`.
    unsafe {
        match musl_caller(caller, &NEXT_CHILDREN) {
            Some(f) => core::mem::transmute::<*mut c_void, ChildrenFn>(f)(ftsp.cast(), instr).cast(),
            None => walk_children(ftsp, instr),
        }
    }
}

/// `fts_close` for the caller at `caller`.
///
/// # Safety
/// As `fts_close`.
#[export(local)]
pub unsafe extern "C" fn __gcompat_fts_close(ftsp: *mut FTS, caller: *const c_void) -> c_int {
    // SAFETY: as in `__gcompat_fts_open`.
    unsafe {
        match musl_caller(caller, &NEXT_CLOSE) {
            Some(f) => core::mem::transmute::<*mut c_void, CloseFn>(f)(ftsp.cast()),
            None => walk_close(ftsp),
        }
    }
}
