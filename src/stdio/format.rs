//! What glibc's printf checks in a format when fortified (`flag > 0`):
//! `%n` only in a read-only format, and positional arguments without gaps.

use crate::abi::fatal::libc_fatal;
use core::ffi::{CStr, c_char, c_int};

/// What a scan of a printf format found.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Scan {
    /// Some conversion is `%n` (any length modifier).
    pub writes_count: bool,
    /// A positional argument (`%N$`, `*N$`) is missing between 1 and the
    /// highest one named, which glibc refuses when fortified.
    pub positional_gap: bool,
}

/// Scans a printf format the way glibc's parser walks it.
pub fn scan(fmt: &[u8]) -> Scan {
    let mut found = Scan::default();
    let mut used: u128 = 0; // positions 1..=128 that some conversion names
    let mut highest = 0usize;
    let mut note = |pos: usize| {
        highest = highest.max(pos);
        if (1..=128).contains(&pos) {
            used |= 1 << (pos - 1);
        }
    };
    let mut i = 0;
    while i < fmt.len() {
        if fmt[i] != b'%' {
            i += 1;
            continue;
        }
        i += 1;
        if fmt.get(i) == Some(&b'%') {
            i += 1;
            continue;
        }
        // %N$
        if let Some((pos, next)) = number_then_dollar(fmt, i) {
            note(pos);
            i = next;
        }
        while i < fmt.len() && b"-+ #0'I".contains(&fmt[i]) {
            i += 1;
        }
        // width and precision: digits, * or *N$
        for part in 0..2 {
            if part == 1 {
                if fmt.get(i) != Some(&b'.') {
                    break;
                }
                i += 1;
            }
            if fmt.get(i) == Some(&b'*') {
                i += 1;
                if let Some((pos, next)) = number_then_dollar(fmt, i) {
                    note(pos);
                    i = next;
                }
            } else {
                while i < fmt.len() && fmt[i].is_ascii_digit() {
                    i += 1;
                }
            }
        }
        while i < fmt.len() && b"hlLqjztZ".contains(&fmt[i]) {
            i += 1;
        }
        if fmt.get(i) == Some(&b'n') {
            found.writes_count = true;
        }
        i += 1;
    }
    if highest > 0 {
        let wanted = if highest >= 128 { u128::MAX } else { (1u128 << highest) - 1 };
        found.positional_gap = used & wanted != wanted;
    }
    found
}

/// Parses `digits$` at `i`: the position and the index after the `$`.
fn number_then_dollar(fmt: &[u8], mut i: usize) -> Option<(usize, usize)> {
    let start = i;
    let mut value = 0usize;
    while i < fmt.len() && fmt[i].is_ascii_digit() {
        value = value.saturating_mul(10).saturating_add(usize::from(fmt[i] - b'0'));
        i += 1;
    }
    (i > start && fmt.get(i) == Some(&b'$') && value > 0).then_some((value, i + 1))
}

/// Whether `[addr, addr+len)` lies in read-only mappings, as glibc's
/// `__readonly_area` decides it from `/proc/self/maps`: `Some(false)` if any
/// part is writable or unmapped, `Some(true)` if all is read-only, and `None` when the
/// maps cannot be read for ENOENT or EACCES (glibc then lets the call pass).
fn readonly_area(addr: usize, len: usize) -> Option<bool> {
    // SAFETY: a NUL-terminated path and plain flags.
    let fd = unsafe { libc::open(c"/proc/self/maps".as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC) };
    if fd < 0 {
        let e = crate::abi::errno::get();
        return if e == libc::ENOENT || e == libc::EACCES { None } else { Some(false) };
    }
    let end = addr.saturating_add(len);
    let mut remaining = len;
    let mut buf = [0u8; 4096];
    let mut have = 0usize;
    let mut writable = false;
    'read: loop {
        // SAFETY: the destination is the unused tail of `buf`.
        let n = unsafe { libc::read(fd, buf[have..].as_mut_ptr().cast(), buf.len() - have) };
        if n <= 0 {
            break;
        }
        have += n as usize;
        let mut consumed = 0;
        while let Some(nl) = buf[consumed..have].iter().position(|&b| b == b'\n') {
            let line = &buf[consumed..consumed + nl];
            consumed += nl + 1;
            let Some((from, to, perms)) = parse_maps_line(line) else { continue };
            if to <= addr || from >= end {
                continue;
            }
            // glibc accepts only "r-" mappings as read-only.
            if perms.get(..2) != Some(b"r-") {
                writable = true;
                break 'read;
            }
            let overlap = to.min(end) - from.max(addr);
            remaining = remaining.saturating_sub(overlap);
            if remaining == 0 {
                break 'read;
            }
        }
        buf.copy_within(consumed..have, 0);
        have -= consumed;
        if have == buf.len() {
            have = 0; // a line longer than the buffer: no mapping line is
        }
    }
    // SAFETY: fd is ours.
    unsafe { libc::close(fd) };
    Some(!writable && remaining == 0)
}

fn parse_maps_line(line: &[u8]) -> Option<(usize, usize, &[u8])> {
    let mut fields = line.split(|&b| b == b' ');
    let range = fields.next()?;
    let perms = fields.next()?;
    let dash = range.iter().position(|&b| b == b'-')?;
    Some((hex(&range[..dash])?, hex(&range[dash + 1..])?, perms))
}

fn hex(digits: &[u8]) -> Option<usize> {
    let mut v = 0usize;
    for &d in digits {
        v = v.checked_mul(16)? + (d as char).to_digit(16)? as usize;
    }
    Some(v)
}

/// glibc's printf checks under `_FORTIFY_SOURCE` (`flag > 0`): a `%n` in a
/// writable format, and gaps in positional arguments, are fatal.
///
/// # Safety
/// `fmt` is a NUL-terminated string.
#[inline]
pub unsafe fn check(flag: c_int, fmt: *const c_char) {
    if flag <= 0 || fmt.is_null() {
        return;
    }
    // SAFETY: guaranteed by the caller.
    let bytes = unsafe { CStr::from_ptr(fmt) }.to_bytes();
    // One linear, allocation-free pass; /proc is read only for a %n.
    let found = scan(bytes);
    if found.writes_count && readonly_area(fmt as usize, bytes.len() + 1) == Some(false) {
        libc_fatal("*** %n in writable segments detected ***\n");
    }
    if found.positional_gap {
        libc_fatal("*** invalid %N$ use detected ***\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_percent_n() {
        assert!(scan(b"abc%n").writes_count);
        assert!(scan(b"%d %5.3lln").writes_count);
        assert!(!scan(b"%%n").writes_count);
        assert!(!scan(b"%s %d").writes_count);
    }

    #[test]
    fn finds_positional_gaps() {
        assert!(!scan(b"%1$d %2$s").positional_gap);
        assert!(scan(b"%1$d %3$s").positional_gap);
        assert!(!scan(b"%2$*1$d").positional_gap);
    }
}
