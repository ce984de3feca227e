//! `<ttyent.h>`: the BSD terminal table `/etc/ttys` (getttyent(3)), which
//! musl has nothing of and util-linux's `agetty` asks for (`getttynam`):
//! `setttyent`, `getttyent`, `getttynam`, `endttyent`. The path is fixed
//! (`_PATH_TTYS`; glibc reads no variable for another). The file is opened
//! close-on-exec on first use and stays open until `endttyent`; each entry
//! lives in one static `struct ttyent` and line buffer that the next call
//! reuses, as glibc's do. The format and its quirks are in [`parse`].

pub mod parse;

use crate::abi::glibc_types::ttyent;
use crate::abi::musl;
use core::cell::UnsafeCell;
use core::ffi::{CStr, c_char, c_int};
use core::ptr::null_mut;

const PATH: &CStr = c"/etc/ttys";

/// The open file and the last entry, which glibc keeps in statics too.
struct State {
    file: *mut libc::FILE,
    line: [u8; parse::LINE],
    entry: ttyent,
}

struct Shared(UnsafeCell<State>);

// SAFETY: the non-reentrant functions are not thread-safe, in glibc either.
unsafe impl Sync for Shared {}

static STATE: Shared = Shared(UnsafeCell::new(State {
    file: null_mut(),
    line: [0; parse::LINE],
    entry: ttyent {
        ty_name: null_mut(),
        ty_getty: null_mut(),
        ty_type: null_mut(),
        ty_status: 0,
        ty_window: null_mut(),
        ty_comment: null_mut(),
    },
}));

fn state() -> *mut State {
    STATE.0.get()
}

/// `setttyent`: opens `/etc/ttys`, or rewinds it if open; 1, or 0 with
/// `fopen`'s errno.
///
/// # Safety
/// Not thread-safe (glibc's is not either).
#[export]
pub unsafe extern "C" fn setttyent() -> c_int {
    // SAFETY: the static state, one caller at a time per the contract.
    let state = unsafe { &mut *state() };
    if !state.file.is_null() {
        // SAFETY: our open stream.
        unsafe { libc::rewind(state.file) };
        return 1;
    }
    // SAFETY: C strings.
    state.file = unsafe { libc::fopen(PATH.as_ptr(), c"re".as_ptr()) };
    c_int::from(!state.file.is_null())
}

/// `endttyent`: closes `/etc/ttys`; 1, or 0 when `fclose` fails (1 when
/// it was not open).
///
/// # Safety
/// Not thread-safe.
#[export]
pub unsafe extern "C" fn endttyent() -> c_int {
    // SAFETY: the static state, one caller at a time per the contract.
    let state = unsafe { &mut *state() };
    if state.file.is_null() {
        return 1;
    }
    // SAFETY: our open stream, forgotten right after.
    let closed = unsafe { libc::fclose(state.file) } != libc::EOF;
    state.file = null_mut();
    c_int::from(closed)
}

/// `getttyent`: the next entry of `/etc/ttys` (opening it first if need
/// be), or null at its end or when it cannot be opened. The entry and its
/// strings are overwritten by the next call.
///
/// # glibc differences
/// glibc's `isspace` (leading white space, the space a flag must be
/// followed by) is the locale's; here it is the C locale's, which agrees
/// with glibc's in the C and UTF-8 locales.
///
/// # Safety
/// Not thread-safe.
#[export]
pub unsafe extern "C" fn getttyent() -> *mut ttyent {
    // SAFETY: the static state, one caller at a time per the contract.
    if unsafe { (*state()).file.is_null() && setttyent() == 0 } {
        return null_mut();
    }
    // SAFETY: as above; setttyent is done with it.
    let state = unsafe { &mut *state() };
    let file = state.file;
    // SAFETY: our open stream, locked while the line is read, as glibc's.
    unsafe { musl::flockfile(file.cast()) };
    let start = parse::next_line(&mut state.line, &mut || {
        // SAFETY: our open stream, locked above.
        let c = unsafe { musl::getc_unlocked(file.cast()) };
        u8::try_from(c).ok()
    });
    // SAFETY: locked above.
    unsafe { musl::funlockfile(file.cast()) };
    let Some(start) = start else { return null_mut() };
    let found = parse::parse(&mut state.line, start);
    let base = state.line.as_mut_ptr().cast::<c_char>();
    // SAFETY: the parser's offsets are inside the line buffer.
    let at = |offset: Option<usize>| offset.map_or(null_mut(), |o| unsafe { base.add(o) });
    state.entry = ttyent {
        ty_name: at(Some(found.name)),
        ty_getty: at(found.getty),
        ty_type: at(found.tty_type),
        ty_status: found.status,
        ty_window: at(found.window),
        ty_comment: at(found.comment),
    };
    &mut state.entry
}

/// `getttynam`: the `/etc/ttys` entry named `tty` (`ty_name`, compared
/// exactly), read from the file's start, which is closed afterwards; null
/// if there is none.
///
/// # Safety
/// `tty` a C string; not thread-safe.
#[export]
pub unsafe extern "C" fn getttynam(tty: *const c_char) -> *mut ttyent {
    let mut wanted: Option<&CStr> = None;
    // SAFETY: one caller at a time per the contract.
    unsafe { setttyent() };
    let found = loop {
        // SAFETY: as above.
        let entry = unsafe { getttyent() };
        if entry.is_null() {
            break entry;
        }
        // SAFETY: the caller's C string, read once there is an entry (as
        // glibc's strcmp does).
        let wanted = *wanted.get_or_insert_with(|| unsafe { CStr::from_ptr(tty) });
        // SAFETY: the entry's name, a C string in the line buffer.
        if unsafe { CStr::from_ptr((*entry).ty_name) } == wanted {
            break entry;
        }
    };
    // SAFETY: as above.
    unsafe { endttyent() };
    found
}
