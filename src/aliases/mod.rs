//! `<aliases.h>`: the mail alias database `/etc/aliases` (glibc manual,
//! "Mail Aliases"), which musl has nothing of: `setaliasent`,
//! `getaliasent(_r)`, `endaliasent`, `getaliasbyname(_r)`, read as glibc's
//! files backend reads it (`nss/nss_files/files-alias.c`), in the
//! caller's buffer, so that the same entries fit or do not
//! (`testbins/aliases/aliases.c` checks each rule):
//! - an entry is `name: member, member, ...`; the name is everything
//!   before the `:` after leading blanks (trailing blanks kept, compared
//!   without case); a member is what lies between commas after leading
//!   blanks (trailing blanks kept); `#` ends a line; a line that starts
//!   with a blank continues the entry, any other line (a comment, a blank
//!   line) ends it; a line without a `:` or a name is skipped, and so is
//!   an entry without members;
//! - a `:include:path` member is replaced by the members of that file
//!   (comma-separated, `#` ends a line, its own `:include:` kept as a
//!   member); a file that cannot be opened adds nothing;
//! - each line is read into the caller's buffer: a line that does not fit
//!   it, even one of an entry not looked for, gives `ERANGE`, and the
//!   enumeration goes on after it; `getaliasent` and `getaliasbyname`
//!   retry with their own buffer doubled from 1024 bytes, as glibc's
//!   `nss/getXXent.c` and `getXXbyYY.c` do.
//!
//! `_r` forms: `getaliasent_r` returns 0, `ERANGE`, or `ENOENT` at the
//! end or with no file (errno then as the read left it); `getaliasbyname_r`
//! returns 0 whether found or not (errno 0), `ERANGE`, or the `fopen`
//! error. `*result` is null on failure.
//!
//! # glibc differences
//! An empty member between two commas (`a, ,b`) makes glibc loop forever;
//! here it is skipped.

use crate::abi::errno;
use core::cell::UnsafeCell;
use core::ffi::{CStr, c_char, c_int};
use core::ptr::null_mut;
use core::sync::atomic::{AtomicBool, Ordering};

const PATH: &CStr = c"/etc/aliases";
/// The size glibc's `getaliasent` and `getaliasbyname` start with.
const FIRST_BUFFER: usize = 1024;
const PTR: usize = core::mem::size_of::<*mut c_char>();

/// glibc's `struct aliasent`.
#[repr(C)]
pub struct Aliasent {
    alias_name: *mut c_char,
    alias_members_len: usize,
    alias_members: *mut *mut c_char,
    alias_local: c_int,
}

/// C's `isspace` in the C locale.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// What reading one entry gave (glibc's `nss_status` for it).
#[derive(PartialEq, Eq, Clone, Copy)]
enum Read {
    Found,
    /// An entry without members: read on.
    NoMembers,
    End,
    /// Something did not fit the caller's buffer.
    TooSmall,
}

/// One line by `fgets` into `buf[at..at + room]`: Ok(true) read, Ok(false)
/// at the end of the file, Err if it filled the room (too long).
///
/// # Safety
/// `file` is an open stream.
unsafe fn read_line(file: *mut libc::FILE, buf: &mut [u8], at: usize, room: usize) -> Result<bool, ()> {
    let last = at + room - 1;
    buf[last] = 0xff;
    // SAFETY: `room` bytes of the buffer from `at`.
    let got = unsafe { libc::fgets(buf.as_mut_ptr().add(at).cast(), room as c_int, file) };
    if got.is_null() {
        return Ok(false);
    }
    if buf[last] != 0xff { Err(()) } else { Ok(true) }
}

/// Ends the C string at `at` at its first `#` or newline.
fn cut(buf: &mut [u8], at: usize) {
    if let Some(i) = buf[at..].iter().take_while(|&&b| b != 0).position(|&b| b == b'#' || b == b'\n') {
        buf[at + i] = 0;
    }
}

fn c_len(buf: &[u8], at: usize) -> usize {
    buf[at..].iter().position(|&b| b == 0).unwrap_or(buf.len() - at)
}

/// The buffer being filled: strings from the front, then the pointer
/// array; `room` is what glibc counts as left (each member also reserves
/// its pointer).
struct Fill<'a> {
    buf: &'a mut [u8],
    at: usize,
    room: usize,
    members: usize,
}

impl Fill<'_> {
    /// Copies the member that starts at `*line` (up to a `,` or the end)
    /// to `at`, NUL-terminated; moves `*line` past it and its comma.
    /// Returns the member's start, or None if it is empty (where glibc,
    /// outside an included file, loops forever).
    fn copy_member(&mut self, line: &mut usize) -> Option<usize> {
        while is_space(self.buf[*line]) {
            *line += 1;
        }
        let start = self.at;
        while self.buf[*line] != 0 && self.buf[*line] != b',' {
            self.buf[self.at] = self.buf[*line];
            self.at += 1;
            *line += 1;
        }
        if self.buf[*line] != 0 {
            *line += 1;
        }
        if self.at == start {
            return None;
        }
        self.buf[self.at] = 0;
        self.at += 1;
        Some(start)
    }

    /// Counts the member just copied, with its pointer.
    fn count(&mut self, start: usize) -> Result<(), ()> {
        let need = (self.at - start) + PTR;
        if self.room < need {
            return Err(());
        }
        self.room -= need;
        self.members += 1;
        Ok(())
    }

    /// A `:include:` member at `start`: that file's members in its place;
    /// the rest of the entry's line, from `*line`, copied after them.
    fn include(&mut self, start: usize, line: &mut usize) -> Result<(), ()> {
        self.at = start;
        // SAFETY: a C string inside the buffer (the member, NUL-terminated).
        let list = unsafe { libc::fopen(self.buf.as_ptr().add(start + 9).cast(), c"re".as_ptr()) };
        if list.is_null() {
            return Ok(());
        }
        // The rest of the line, which the included members overwrite.
        let rest_len = c_len(self.buf, *line);
        // SAFETY: a fresh allocation, filled below.
        let rest = unsafe { libc::malloc(rest_len + 1) }.cast::<u8>();
        let result = if rest.is_null() {
            Ok(())
        } else {
            // SAFETY: rest_len bytes of the buffer into the allocation.
            unsafe { core::ptr::copy_nonoverlapping(self.buf.as_ptr().add(*line), rest, rest_len) };
            let read = self.include_lines(list);
            // SAFETY: the allocation, rest_len bytes long.
            let rest_bytes = unsafe { core::slice::from_raw_parts(rest, rest_len) };
            let restored = read.and_then(|()| {
                // As strncpy(at, rest, room): it must leave room for a NUL.
                if self.room == 0 || rest_len >= self.room {
                    return Err(());
                }
                self.buf[self.at..self.at + rest_len].copy_from_slice(rest_bytes);
                self.buf[self.at + rest_len] = 0;
                *line = self.at;
                Ok(())
            });
            // SAFETY: ours.
            unsafe { libc::free(rest.cast()) };
            restored
        };
        // SAFETY: ours.
        unsafe { libc::fclose(list) };
        result
    }

    /// Every line of an included file, its members counted.
    fn include_lines(&mut self, list: *mut libc::FILE) -> Result<(), ()> {
        // SAFETY: an open stream.
        while unsafe { libc::feof(list) } == 0 {
            if self.room < 2 {
                return Err(());
            }
            // SAFETY: an open stream.
            if !unsafe { read_line(list, self.buf, self.at, self.room) }? {
                break;
            }
            cut(self.buf, self.at);
            let mut line = self.at;
            loop {
                if let Some(start) = self.copy_member(&mut line) {
                    self.count(start)?;
                }
                if self.buf[line] == 0 {
                    break;
                }
            }
        }
        Ok(())
    }
}

/// Reads the next entry of `file` into `out` and the caller's buffer;
/// with `want`, skips entries of other names (glibc's `get_next_alias`).
///
/// # Safety
/// `file` open; `buf` writable for `len` bytes.
unsafe fn next_alias(
    file: *mut libc::FILE,
    want: Option<&[u8]>,
    out: &mut Aliasent,
    buf: *mut c_char,
    len: usize,
) -> Read {
    out.alias_members_len = 0;
    if len < 2 {
        return Read::TooSmall;
    }
    // SAFETY: the caller's buffer.
    let bytes = unsafe { core::slice::from_raw_parts_mut(buf.cast::<u8>(), len) };
    let mut skipping = false;
    loop {
        let mut fill = Fill { buf: &mut *bytes, at: 0, room: len - len % PTR, members: 0 };
        if fill.room < 2 {
            return Read::TooSmall;
        }
        // SAFETY: an open stream.
        match unsafe { read_line(file, fill.buf, 0, fill.room) } {
            Ok(false) => return Read::End,
            Err(()) => return Read::TooSmall,
            Ok(true) => {}
        }
        // While skipping an entry, its continuation lines are not read.
        if skipping && is_space(fill.buf[0]) {
            continue;
        }
        cut(fill.buf, 0);
        let mut line = 0;
        while is_space(fill.buf[line]) {
            line += 1;
        }
        while fill.buf[line] != 0 && fill.buf[line] != b':' {
            fill.buf[fill.at] = fill.buf[line];
            fill.at += 1;
            line += 1;
        }
        if fill.buf[line] == 0 || fill.at == 0 {
            continue;
        }
        let name_len = fill.at;
        fill.buf[fill.at] = 0;
        fill.at += 1;
        if fill.room < fill.at {
            return Read::TooSmall;
        }
        fill.room -= fill.at;
        line += 1;
        skipping = want.is_some_and(|w| !fill.buf[..name_len].eq_ignore_ascii_case(w));
        if skipping {
            continue;
        }
        loop {
            if let Some(start) = fill.copy_member(&mut line) {
                let done = if fill.buf[start..].starts_with(b":include:") {
                    fill.include(start, &mut line)
                } else {
                    fill.count(start)
                };
                if done.is_err() {
                    return Read::TooSmall;
                }
            }
            if fill.buf[line] != 0 {
                continue;
            }
            // The next line continues the entry if it starts with a blank.
            // SAFETY: an open stream.
            let ch = unsafe { libc::fgetc(file) };
            if ch == libc::EOF || ch == c_int::from(b'\n') || !is_space(ch as u8) {
                if ch != libc::EOF {
                    // SAFETY: the character just read.
                    unsafe { libc::ungetc(ch, file) };
                }
                // SAFETY: within the caller's buffer (checked below).
                let at = fill.at + unsafe { buf.add(fill.at) }.align_offset(PTR);
                if at + fill.members * PTR > len {
                    return Read::TooSmall;
                }
                // SAFETY: aligned, and inside the buffer (checked above).
                let list = unsafe { buf.add(at) }.cast::<*mut c_char>();
                let mut s = 0;
                for i in 0..fill.members {
                    s += c_len(fill.buf, s) + 1;
                    // SAFETY: the array's slot i.
                    unsafe { *list.add(i) = buf.add(s) };
                }
                *out =
                    Aliasent { alias_name: buf, alias_members_len: fill.members, alias_members: list, alias_local: 1 };
                return if fill.members == 0 { Read::NoMembers } else { Read::Found };
            }
            // SAFETY: an open stream.
            match unsafe { read_line(file, fill.buf, fill.at, fill.room) } {
                Err(()) => return Read::TooSmall,
                // The file ends in a blank: an empty line, then the end.
                Ok(false) => fill.buf[fill.at] = 0,
                Ok(true) => cut(fill.buf, fill.at),
            }
            line = fill.at;
        }
    }
}

/// Reads entries until one has members (or none is left).
///
/// # Safety
/// As `next_alias`.
unsafe fn next_with_members(
    file: *mut libc::FILE,
    want: Option<&[u8]>,
    out: *mut Aliasent,
    buf: *mut c_char,
    len: usize,
) -> Read {
    // SAFETY: the caller's entry.
    let out = unsafe { &mut *out };
    out.alias_local = 1;
    loop {
        // SAFETY: as this function's.
        let read = unsafe { next_alias(file, want, out, buf, len) };
        if read != Read::NoMembers {
            return read;
        }
    }
}

/// The enumeration's stream.
struct Stream {
    locked: AtomicBool,
    file: UnsafeCell<*mut libc::FILE>,
}

// SAFETY: `file` is only touched with `locked` held.
unsafe impl Sync for Stream {}

static STREAM: Stream = Stream { locked: AtomicBool::new(false), file: UnsafeCell::new(null_mut()) };

fn with_stream<R>(f: impl FnOnce(&mut *mut libc::FILE) -> R) -> R {
    while STREAM.locked.compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed).is_err() {
        core::hint::spin_loop();
    }
    // SAFETY: the lock is held.
    let r = f(unsafe { &mut *STREAM.file.get() });
    STREAM.locked.store(false, Ordering::Release);
    r
}

fn open() -> *mut libc::FILE {
    // SAFETY: C strings.
    unsafe { libc::fopen(PATH.as_ptr(), c"re".as_ptr()) }
}

/// `setaliasent`: back to the first entry of `/etc/aliases`.
///
/// # Safety
/// None.
#[export]
pub unsafe extern "C" fn setaliasent() {
    with_stream(|file| {
        if file.is_null() {
            *file = open();
        } else {
            // SAFETY: an open stream.
            unsafe { libc::rewind(*file) };
        }
    });
}

/// `endaliasent`: closes `/etc/aliases`.
///
/// # Safety
/// None.
#[export]
pub unsafe extern "C" fn endaliasent() {
    with_stream(|file| {
        if !file.is_null() {
            // SAFETY: ours.
            unsafe { libc::fclose(*file) };
            *file = null_mut();
        }
    });
}

/// `getaliasent_r`: the next entry of `/etc/aliases`.
///
/// # Safety
/// `entry` and `result` writable, `buf` for `len` bytes.
#[export]
pub unsafe extern "C" fn getaliasent_r(
    entry: *mut Aliasent,
    buf: *mut c_char,
    len: usize,
    result: *mut *mut Aliasent,
) -> c_int {
    let saved = errno::get();
    let read = with_stream(|file| {
        if file.is_null() {
            *file = open();
            if file.is_null() {
                // No file: glibc's files backend leaves errno alone.
                errno::set(saved);
                return Read::End;
            }
        }
        // SAFETY: an open stream; the caller's pointers.
        unsafe { next_with_members(*file, None, entry, buf, len) }
    });
    let status = match read {
        Read::Found => 0,
        Read::TooSmall => {
            errno::set(libc::ERANGE);
            libc::ERANGE
        }
        Read::End | Read::NoMembers => libc::ENOENT,
    };
    // SAFETY: the caller's result pointer.
    unsafe { *result = if status == 0 { entry } else { null_mut() } };
    status
}

/// `getaliasbyname_r`: the entry for alias `name` (without case).
///
/// # Safety
/// `name` a C string; otherwise as `getaliasent_r`.
#[export]
pub unsafe extern "C" fn getaliasbyname_r(
    name: *const c_char,
    entry: *mut Aliasent,
    buf: *mut c_char,
    len: usize,
    result: *mut *mut Aliasent,
) -> c_int {
    // SAFETY: the caller's result pointer.
    unsafe { *result = null_mut() };
    if name.is_null() {
        errno::set(libc::EINVAL);
        return libc::EINVAL;
    }
    let file = open();
    if file.is_null() {
        return errno::get();
    }
    // SAFETY: a C string.
    let wanted = unsafe { CStr::from_ptr(name) }.to_bytes();
    // SAFETY: just opened; the caller's pointers.
    let read = unsafe { next_with_members(file, Some(wanted), entry, buf, len) };
    // SAFETY: ours.
    unsafe { libc::fclose(file) };
    let status = match read {
        Read::Found => {
            // SAFETY: the caller's result pointer.
            unsafe { *result = entry };
            0
        }
        Read::TooSmall => libc::ERANGE,
        Read::End | Read::NoMembers => 0,
    };
    errno::set(status);
    status
}

/// The buffer of a non-reentrant form: grown by doubling, kept.
struct Static {
    entry: UnsafeCell<Aliasent>,
    buf: UnsafeCell<(*mut c_char, usize)>,
}

// SAFETY: the non-reentrant functions are not thread-safe, in glibc either.
unsafe impl Sync for Static {}

impl Static {
    const fn new() -> Self {
        Static {
            entry: UnsafeCell::new(Aliasent {
                alias_name: null_mut(),
                alias_members_len: 0,
                alias_members: null_mut(),
                alias_local: 0,
            }),
            buf: UnsafeCell::new((null_mut(), 0)),
        }
    }

    /// Runs an `_r` form on the static entry, the buffer doubled while it
    /// says `ERANGE`.
    ///
    /// # Safety
    /// Not thread-safe.
    unsafe fn call(&self, f: impl Fn(*mut Aliasent, *mut c_char, usize, *mut *mut Aliasent) -> c_int) -> *mut Aliasent {
        // SAFETY: not thread-safe, as documented.
        let (buf, size) = unsafe { &mut *self.buf.get() };
        if buf.is_null() {
            *size = FIRST_BUFFER;
            // SAFETY: an allocation.
            *buf = unsafe { libc::malloc(*size) }.cast();
        }
        let mut result = null_mut();
        while !buf.is_null() && f(self.entry.get(), *buf, *size, &mut result) == libc::ERANGE {
            *size *= 2;
            // SAFETY: our allocation.
            let grown = unsafe { libc::realloc((*buf).cast(), *size) }.cast::<c_char>();
            if grown.is_null() {
                let e = errno::get();
                // SAFETY: our allocation.
                unsafe { libc::free((*buf).cast()) };
                errno::set(e);
            }
            *buf = grown;
        }
        if buf.is_null() { null_mut() } else { result }
    }
}

static ENT: Static = Static::new();
static BYNAME: Static = Static::new();

/// `getaliasent`: the next `/etc/aliases` entry, or null.
///
/// # Safety
/// Not thread-safe.
#[export]
pub unsafe extern "C" fn getaliasent() -> *mut Aliasent {
    // SAFETY: not thread-safe, as documented; the static entry and buffer.
    unsafe { ENT.call(|e, b, l, r| getaliasent_r(e, b, l, r)) }
}

/// `getaliasbyname`: the entry for alias `name`, or null.
///
/// # Safety
/// `name` a C string; not thread-safe.
#[export]
pub unsafe extern "C" fn getaliasbyname(name: *const c_char) -> *mut Aliasent {
    // SAFETY: not thread-safe, as documented; the static entry and buffer.
    unsafe { BYNAME.call(|e, b, l, r| getaliasbyname_r(name, e, b, l, r)) }
}
