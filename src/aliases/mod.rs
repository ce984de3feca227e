//! `<aliases.h>`: the mail alias database `/etc/aliases` (glibc manual,
//! "Mail Aliases"), which musl has nothing of: `setaliasent`,
//! `getaliasent(_r)`, `endaliasent`, `getaliasbyname(_r)`. An entry is
//! `name: member, member, ...`, continued on lines that start with a blank;
//! `#` starts a comment; names compare case-insensitively, as glibc's
//! files backend does. `_r` forms return 0, `ERANGE` (the enumeration then
//! gives the same entry again), `ENOENT` at the end or when the file is
//! missing (errno set by the lookup, left alone by the enumeration, as
//! glibc), with `*result` null on failure.
//!
//! # glibc differences
//! glibc expands a `:include:file` member into that file's members; here
//! it stays one member as written.

use crate::abi::errno;
use crate::netdb::files::{Outcome, Packer};
use core::cell::UnsafeCell;
use core::ffi::{CStr, c_char, c_int};
use core::ptr::null_mut;
use core::sync::atomic::{AtomicBool, Ordering};

const PATH: &CStr = c"/etc/aliases";
/// The longest entry (continuations joined) looked at.
const ENTRY_MAX: usize = 8192;

/// glibc's `struct aliasent`.
#[repr(C)]
pub struct Aliasent {
    alias_name: *mut c_char,
    alias_members_len: usize,
    alias_members: *mut *mut c_char,
    alias_local: c_int,
}

/// Reads the next entry of `file` (continuation lines joined, comments
/// cut) into `out`; returns its length and the offset it began at, or
/// None at the end.
///
/// # Safety
/// `file` is an open stream.
unsafe fn read_entry(file: *mut libc::FILE, out: &mut [u8; ENTRY_MAX]) -> Option<(usize, i64)> {
    let mut line: *mut c_char = null_mut();
    let mut cap = 0usize;
    let mut len = 0usize;
    let mut begin = -1i64;
    loop {
        // SAFETY: an open stream.
        let start = unsafe { libc::ftello(file) };
        // SAFETY: getline manages the buffer.
        let n = unsafe { libc::getline(&mut line, &mut cap, file) };
        if n < 0 {
            break;
        }
        // SAFETY: getline wrote n bytes.
        let bytes = unsafe { core::slice::from_raw_parts(line.cast::<u8>(), n as usize) };
        let bytes = &bytes[..bytes.iter().position(|&b| b == b'#' || b == b'\n').unwrap_or(bytes.len())];
        let continuation = bytes.first().is_some_and(|&b| b == b' ' || b == b'\t');
        if begin >= 0 && !continuation {
            // The next entry: read it again next time.
            // SAFETY: a position the stream gave.
            unsafe { libc::fseeko(file, start, libc::SEEK_SET) };
            break;
        }
        if begin < 0 {
            if bytes.iter().all(u8::is_ascii_whitespace) || continuation {
                continue;
            }
            begin = start;
        }
        let take = bytes.len().min(ENTRY_MAX - 1 - len);
        out[len..len + take].copy_from_slice(&bytes[..take]);
        len += take;
        if len < ENTRY_MAX - 1 {
            out[len] = b' ';
            len += 1;
        }
    }
    // SAFETY: getline's allocation.
    unsafe { libc::free(line.cast()) };
    if begin < 0 { None } else { Some((len, begin)) }
}

fn trim(s: &[u8]) -> &[u8] {
    let start = s.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(s.len());
    let end = s.iter().rposition(|b| !b.is_ascii_whitespace()).map_or(start, |e| e + 1);
    &s[start..end]
}

/// Splits an entry into its name and members; None if it has no `:`.
fn split(entry: &[u8]) -> Option<(&[u8], impl Iterator<Item = &[u8]> + Clone)> {
    let colon = entry.iter().position(|&b| b == b':')?;
    let name = trim(&entry[..colon]);
    if name.is_empty() {
        return None;
    }
    let members = entry[colon + 1..].split(|&b| b == b',').map(trim).filter(|m| !m.is_empty());
    Some((name, members))
}

/// Packs an entry into the caller's structure and buffer.
fn pack(entry: &[u8], out: *mut Aliasent, buf: *mut c_char, len: usize) -> Option<Result<(), ()>> {
    let (name, members) = split(entry)?;
    // SAFETY: the caller's buffer.
    let mut packer = unsafe { Packer::new(buf, len) };
    let count = members.clone().count();
    let packed = (|| {
        let name = packer.string(name)?;
        let list = packer.list(count, |i| members.clone().nth(i).unwrap_or(b""))?;
        Some((name, list))
    })();
    let Some((name, list)) = packed else { return Some(Err(())) };
    // SAFETY: the caller's writable entry.
    unsafe { *out = Aliasent { alias_name: name, alias_members_len: count, alias_members: list, alias_local: 1 } };
    Some(Ok(()))
}

/// Reads entries of `file` until `want` accepts one and it is packed.
///
/// # Safety
/// `file` open; the caller's pointers as in the `_r` functions.
unsafe fn search(
    file: *mut libc::FILE,
    want: &dyn Fn(&[u8]) -> bool,
    out: *mut Aliasent,
    buf: *mut c_char,
    len: usize,
) -> Outcome {
    let mut text = [0u8; ENTRY_MAX];
    // SAFETY: an open stream.
    while let Some((n, begin)) = unsafe { read_entry(file, &mut text) } {
        let entry = &text[..n];
        if !split(entry).is_some_and(|(name, _)| want(name)) {
            continue;
        }
        match pack(entry, out, buf, len) {
            Some(Ok(())) => return Outcome::Found,
            Some(Err(())) => {
                // SAFETY: a position the stream gave.
                unsafe { libc::fseeko(file, begin, libc::SEEK_SET) };
                return Outcome::TooSmall;
            }
            None => {}
        }
    }
    Outcome::End
}

/// `*result`, errno and the return value.
///
/// # Safety
/// `result` writable.
unsafe fn finish(outcome: Outcome, out: *mut Aliasent, result: *mut *mut Aliasent) -> c_int {
    let status = match outcome {
        Outcome::Found => 0,
        Outcome::TooSmall => libc::ERANGE,
        Outcome::End => libc::ENOENT,
        // No file for the enumeration: glibc says ENOENT and leaves errno.
        Outcome::Unavailable(0) => {
            // SAFETY: the caller's result pointer.
            unsafe { *result = null_mut() };
            return libc::ENOENT;
        }
        Outcome::Unavailable(e) => e,
    };
    // SAFETY: the caller's result pointer.
    unsafe { *result = if status == 0 { out } else { null_mut() } };
    if status != 0 {
        errno::set(status);
    }
    status
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

fn open() -> Result<*mut libc::FILE, c_int> {
    // SAFETY: C strings.
    let file = unsafe { libc::fopen(PATH.as_ptr(), c"re".as_ptr()) };
    if file.is_null() { Err(errno::get()) } else { Ok(file) }
}

/// `setaliasent`: back to the first entry of `/etc/aliases`.
///
/// # Safety
/// None.
#[export]
pub unsafe extern "C" fn setaliasent() {
    with_stream(|file| {
        if file.is_null() {
            *file = open().unwrap_or(null_mut());
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
    let outcome = with_stream(|file| {
        if file.is_null() {
            match open() {
                Ok(f) => *file = f,
                Err(_) => {
                    errno::set(saved);
                    return Outcome::Unavailable(0);
                }
            }
        }
        // SAFETY: an open stream; the caller's pointers.
        unsafe { search(*file, &|_| true, entry, buf, len) }
    });
    // SAFETY: the caller's result pointer.
    unsafe { finish(outcome, entry, result) }
}

/// `getaliasbyname_r`: the entry for alias `name` (case-insensitive).
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
    // SAFETY: a C string.
    let wanted = unsafe { CStr::from_ptr(name) }.to_bytes();
    let outcome = match open() {
        Err(e) => Outcome::Unavailable(e),
        Ok(file) => {
            // SAFETY: just opened; the caller's pointers.
            let o = unsafe { search(file, &|n| n.eq_ignore_ascii_case(wanted), entry, buf, len) };
            // SAFETY: ours.
            unsafe { libc::fclose(file) };
            o
        }
    };
    // SAFETY: the caller's result pointer.
    unsafe { finish(outcome, entry, result) }
}

struct Static {
    entry: UnsafeCell<Aliasent>,
    buf: UnsafeCell<[c_char; ENTRY_MAX]>,
}

// SAFETY: the non-reentrant functions are not thread-safe, in glibc either.
unsafe impl Sync for Static {}

static STATIC: Static = Static {
    entry: UnsafeCell::new(Aliasent {
        alias_name: null_mut(),
        alias_members_len: 0,
        alias_members: null_mut(),
        alias_local: 0,
    }),
    buf: UnsafeCell::new([0; ENTRY_MAX]),
};

/// Runs an `_r` form on the static entry.
fn with_static(f: impl FnOnce(*mut Aliasent, *mut c_char, usize, *mut *mut Aliasent) -> c_int) -> *mut Aliasent {
    let mut result = null_mut();
    f(STATIC.entry.get(), STATIC.buf.get().cast(), ENTRY_MAX, &mut result);
    result
}

/// `getaliasent`: the next `/etc/aliases` entry, or null.
///
/// # Safety
/// Not thread-safe.
#[export]
pub unsafe extern "C" fn getaliasent() -> *mut Aliasent {
    // SAFETY: the static entry and buffer.
    with_static(|e, b, l, r| unsafe { getaliasent_r(e, b, l, r) })
}

/// `getaliasbyname`: the entry for alias `name`, or null.
///
/// # Safety
/// `name` a C string; not thread-safe.
#[export]
pub unsafe extern "C" fn getaliasbyname(name: *const c_char) -> *mut Aliasent {
    // SAFETY: the static entry and buffer.
    with_static(|e, b, l, r| unsafe { getaliasbyname_r(name, e, b, l, r) })
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn name_and_members() {
        let (name, members) = split(b"postmaster :  root, admin ,, ops  ").unwrap();
        assert_eq!(name, b"postmaster");
        assert_eq!(members.collect::<std::vec::Vec<_>>(), [&b"root"[..], b"admin", b"ops"]);
        assert!(split(b"no colon here").is_none());
        assert!(split(b" : x").is_none());
    }
}
