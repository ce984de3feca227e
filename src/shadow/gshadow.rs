//! `<gshadow.h>` (glibc 2.10): the group shadow database `/etc/gshadow`,
//! lines `name:password:admin,...:member,...` (`struct sgrp`), which musl
//! has nothing of: `setsgent`, `getsgent(_r)`, `endsgent`, `getsgnam(_r)`,
//! `sgetsgent(_r)`, `fgetsgent(_r)`, `putsgent` (getsgent(3)). Blank lines
//! and `#` comments are skipped; list elements lose leading blanks and
//! empty ones are dropped, as glibc's parser does. The `_r` forms return
//! 0, `ERANGE` (the stream then gives the same entry again) or `ENOENT`
//! at the end, with `*result` null on failure.

use crate::netdb::files::{self, Outcome, Packer, Parsed, StaticEntry, Stream};
use core::ffi::{CStr, c_char, c_int};
use core::ptr::null_mut;

/// glibc's `struct sgrp`.
#[repr(C)]
pub struct Sgrp {
    sg_namp: *mut c_char,
    sg_passwd: *mut c_char,
    sg_adm: *mut *mut c_char,
    sg_mem: *mut *mut c_char,
}

const EMPTY: Sgrp = Sgrp { sg_namp: null_mut(), sg_passwd: null_mut(), sg_adm: null_mut(), sg_mem: null_mut() };

static GSHADOW: Stream = Stream::new(c"/etc/gshadow");

/// The elements of a `,`-separated list, leading blanks skipped, empty
/// ones dropped.
fn elements(list: &[u8]) -> impl Iterator<Item = &[u8]> + Clone {
    list.split(|&b| b == b',')
        .map(|e| &e[e.iter().take_while(|b| b.is_ascii_whitespace()).count()..])
        .filter(|e| !e.is_empty())
}

/// Parses one line into `entry` (strings and lists in `packer`'s buffer).
/// Skip for blank and comment lines.
fn parse(line: &[u8], entry: *mut Sgrp, packer: &mut Packer, want: Option<&[u8]>) -> Parsed {
    let line = &line[..line.iter().position(|&b| b == b'\n').unwrap_or(line.len())];
    let start = line.iter().take_while(|b| b.is_ascii_whitespace()).count();
    let line = &line[start..];
    if line.is_empty() || line[0] == b'#' {
        return Parsed::Skip;
    }
    let mut fields = line.splitn(4, |&b| b == b':');
    let name = fields.next().unwrap_or(b"");
    let passwd = fields.next().unwrap_or(b"");
    let adm = fields.next().unwrap_or(b"");
    let mem = fields.next().unwrap_or(b"");
    if want.is_some_and(|w| w != name) {
        return Parsed::Skip;
    }
    let (adm_list, mem_list) = (elements(adm), elements(mem));
    let packed = (|| {
        let name = packer.string(name)?;
        let passwd = packer.string(passwd)?;
        let adm = packer.list(adm_list)?;
        let mem = packer.list(mem_list)?;
        Some(Sgrp { sg_namp: name, sg_passwd: passwd, sg_adm: adm, sg_mem: mem })
    })();
    match packed {
        Some(sg) => {
            // SAFETY: the caller's writable entry.
            unsafe { *entry = sg };
            Parsed::Found
        }
        None => Parsed::TooSmall,
    }
}

/// `*result`, errno and the return value of an `_r` form.
///
/// # Safety
/// `result` writable.
unsafe fn finish(outcome: Outcome, entry: *mut Sgrp, result: *mut *mut Sgrp, at_end: c_int) -> c_int {
    let status = match outcome {
        Outcome::Found => 0,
        Outcome::TooSmall => libc::ERANGE,
        Outcome::End => at_end,
        Outcome::Unavailable(e) => e,
    };
    // SAFETY: the caller's result pointer.
    unsafe { *result = if status == 0 && outcome == Outcome::Found { entry } else { null_mut() } };
    if status != 0 {
        crate::abi::errno::set(status);
    }
    status
}

/// `setsgent`: back to the first entry of `/etc/gshadow`.
///
/// # Safety
/// None.
#[export]
pub unsafe extern "C" fn setsgent() {
    GSHADOW.rewind(false);
}

/// `endsgent`: closes `/etc/gshadow`.
///
/// # Safety
/// None.
#[export]
pub unsafe extern "C" fn endsgent() {
    GSHADOW.close();
}

/// `getsgent_r`: the next entry of `/etc/gshadow`.
///
/// # Safety
/// `entry` and `result` writable, `buf` for `len` bytes.
#[export]
pub unsafe extern "C" fn getsgent_r(entry: *mut Sgrp, buf: *mut c_char, len: usize, result: *mut *mut Sgrp) -> c_int {
    // SAFETY: the caller's buffer.
    let mut packer = unsafe { Packer::new(buf, len) };
    let outcome = GSHADOW.next(|line| parse(line, entry, &mut packer, None));
    // SAFETY: the caller's result pointer.
    unsafe { finish(outcome, entry, result, libc::ENOENT) }
}

/// `getsgnam_r`: the `/etc/gshadow` entry of group `name`; 0 with a null
/// `*result` if there is none.
///
/// # Safety
/// `name` a C string; otherwise as `getsgent_r`.
#[export]
pub unsafe extern "C" fn getsgnam_r(
    name: *const c_char,
    entry: *mut Sgrp,
    buf: *mut c_char,
    len: usize,
    result: *mut *mut Sgrp,
) -> c_int {
    // SAFETY: a C string.
    let wanted = unsafe { CStr::from_ptr(name) }.to_bytes();
    // SAFETY: the caller's buffer.
    let mut packer = unsafe { Packer::new(buf, len) };
    let outcome = files::lookup(c"/etc/gshadow", |line| parse(line, entry, &mut packer, Some(wanted)));
    // SAFETY: the caller's result pointer.
    unsafe { finish(outcome, entry, result, 0) }
}

/// `fgetsgent_r`: the next entry of the gshadow-format `stream`.
///
/// # Safety
/// `stream` an open stream; otherwise as `getsgent_r`.
#[export]
pub unsafe extern "C" fn fgetsgent_r(
    stream: *mut libc::FILE,
    entry: *mut Sgrp,
    buf: *mut c_char,
    len: usize,
    result: *mut *mut Sgrp,
) -> c_int {
    // SAFETY: the caller's buffer.
    let mut packer = unsafe { Packer::new(buf, len) };
    // SAFETY: the caller's open stream.
    let outcome = unsafe { files::scan(stream, true, |line| parse(line, entry, &mut packer, None)) };
    // SAFETY: the caller's result pointer.
    unsafe { finish(outcome, entry, result, libc::ENOENT) }
}

/// `sgetsgent_r`: parses the gshadow line `string`.
///
/// # Safety
/// `string` a C string; otherwise as `getsgent_r`.
#[export]
pub unsafe extern "C" fn sgetsgent_r(
    string: *const c_char,
    entry: *mut Sgrp,
    buf: *mut c_char,
    len: usize,
    result: *mut *mut Sgrp,
) -> c_int {
    // SAFETY: a C string.
    let line = unsafe { CStr::from_ptr(string) }.to_bytes();
    // SAFETY: the caller's buffer.
    let mut packer = unsafe { Packer::new(buf, len) };
    let outcome = match parse(line, entry, &mut packer, None) {
        Parsed::Found => Outcome::Found,
        Parsed::TooSmall => Outcome::TooSmall,
        Parsed::Skip => Outcome::Unavailable(libc::EINVAL),
    };
    // SAFETY: the caller's result pointer.
    unsafe { finish(outcome, entry, result, libc::ENOENT) }
}

/// The non-reentrant forms' entry and buffer.
static STATIC: StaticEntry<Sgrp> = StaticEntry::new(EMPTY);

fn with_static(f: impl FnMut(*mut Sgrp, *mut c_char, usize, *mut *mut Sgrp) -> c_int) -> *mut Sgrp {
    // SAFETY: the non-reentrant forms are not thread-safe, in glibc either.
    unsafe { STATIC.call(f) }
}

/// `getsgent`: the next `/etc/gshadow` entry, or null.
///
/// # Safety
/// Not thread-safe.
#[export]
pub unsafe extern "C" fn getsgent() -> *mut Sgrp {
    // SAFETY: the static entry and buffer.
    with_static(|e, b, l, r| unsafe { getsgent_r(e, b, l, r) })
}

/// `getsgnam`: the `/etc/gshadow` entry of group `name`, or null.
///
/// # Safety
/// `name` a C string; not thread-safe.
#[export]
pub unsafe extern "C" fn getsgnam(name: *const c_char) -> *mut Sgrp {
    // SAFETY: the static entry and buffer.
    with_static(|e, b, l, r| unsafe { getsgnam_r(name, e, b, l, r) })
}

/// `fgetsgent`: the next entry of `stream`, or null.
///
/// # Safety
/// `stream` an open stream; not thread-safe.
#[export]
pub unsafe extern "C" fn fgetsgent(stream: *mut libc::FILE) -> *mut Sgrp {
    // SAFETY: the static entry and buffer.
    with_static(|e, b, l, r| unsafe { fgetsgent_r(stream, e, b, l, r) })
}

/// `sgetsgent`: parses the gshadow line `string`, or null.
///
/// # Safety
/// `string` a C string; not thread-safe.
#[export]
pub unsafe extern "C" fn sgetsgent(string: *const c_char) -> *mut Sgrp {
    // SAFETY: the static entry and buffer.
    with_static(|e, b, l, r| unsafe { sgetsgent_r(string, e, b, l, r) })
}

/// A field `putsgent` may write: no `:` or newline (and no `,` in a list).
fn valid(p: *const c_char, list: bool) -> bool {
    if p.is_null() {
        return true;
    }
    // SAFETY: a C string of the caller's entry.
    let s = unsafe { CStr::from_ptr(p) }.to_bytes();
    !s.iter().any(|&b| b == b':' || b == b'\n' || (list && b == b','))
}

/// Each element of a null-terminated list (or none for a null list).
///
/// # Safety
/// `list` null or a null-terminated array of C strings.
unsafe fn each(list: *mut *mut c_char, mut f: impl FnMut(*mut c_char) -> bool) -> bool {
    let mut i = 0;
    // SAFETY: null-terminated, per the contract.
    while !list.is_null() && !unsafe { *list.add(i) }.is_null() {
        // SAFETY: as above.
        if !f(unsafe { *list.add(i) }) {
            return false;
        }
        i += 1;
    }
    true
}

/// `putsgent`: writes `g` to `stream` as a gshadow line; 0, or -1 (with
/// `EINVAL` for a field holding `:`, a newline, or `,` in a list).
///
/// # Safety
/// `g` a valid entry; `stream` an open stream.
#[export]
pub unsafe extern "C" fn putsgent(g: *const Sgrp, stream: *mut libc::FILE) -> c_int {
    // SAFETY: the caller's entry.
    let g = unsafe { &*g };
    // SAFETY: the lists are the caller's null-terminated arrays.
    let lists_ok = unsafe { each(g.sg_adm, |p| valid(p, true)) && each(g.sg_mem, |p| valid(p, true)) };
    if g.sg_namp.is_null() || !valid(g.sg_namp, false) || !valid(g.sg_passwd, false) || !lists_ok {
        crate::abi::errno::set(libc::EINVAL);
        return -1;
    }
    let mut ok = true;
    let put = |s: *const c_char, ok: &mut bool| {
        // SAFETY: a C string and the caller's stream.
        if !s.is_null() && unsafe { libc::fputs(s, stream) } < 0 {
            *ok = false;
        }
    };
    let putc = |c: u8, ok: &mut bool| {
        // SAFETY: the caller's stream.
        if unsafe { libc::fputc(c_int::from(c), stream) } < 0 {
            *ok = false;
        }
    };
    // SAFETY: the caller's stream.
    unsafe { crate::abi::musl::flockfile(stream.cast()) };
    put(g.sg_namp, &mut ok);
    putc(b':', &mut ok);
    put(g.sg_passwd, &mut ok);
    putc(b':', &mut ok);
    for (i, list) in [g.sg_adm, g.sg_mem].into_iter().enumerate() {
        let mut first = true;
        // SAFETY: the caller's list.
        unsafe {
            each(list, |p| {
                if !first {
                    putc(b',', &mut ok);
                }
                first = false;
                put(p, &mut ok);
                true
            })
        };
        putc(if i == 0 { b':' } else { b'\n' }, &mut ok);
    }
    // SAFETY: locked above.
    unsafe { crate::abi::musl::funlockfile(stream.cast()) };
    if ok { 0 } else { -1 }
}
