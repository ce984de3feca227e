//! What glibc's printf checks in a format when fortified (`flag > 0`):
//! `%n` only in a read-only format, and positional arguments without gaps.

use crate::abi::fatal::libc_fatal;
use core::ffi::c_int;

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
    scan_units(fmt.len(), |i| fmt.get(i).copied())
}

/// [`scan`] for a wide (`wchar_t`) format: glibc's `vfwprintf` walks it with
/// the same parser. Only ASCII units are special; others stand in as 0x80.
pub fn scan_wide(fmt: &[libc::wchar_t]) -> Scan {
    scan_units(fmt.len(), |i| fmt.get(i).map(|&c| u8::try_from(c).ok().filter(u8::is_ascii).unwrap_or(0x80)))
}

/// The scan over a format of `len` units, each read as a byte by `at`.
fn scan_units(len: usize, at: impl Fn(usize) -> Option<u8>) -> Scan {
    let mut found = Scan::default();
    let mut used: u128 = 0; // positions 1..=128 that some conversion names
    let mut highest = 0usize;
    let mut note = |pos: usize| {
        highest = highest.max(pos);
        if (1..=128).contains(&pos) {
            used |= 1 << (pos - 1);
        }
    };
    let is = |i: usize, set: &[u8]| at(i).is_some_and(|b| set.contains(&b));
    let mut i = 0;
    while i < len {
        if at(i) != Some(b'%') {
            i += 1;
            continue;
        }
        i += 1;
        if at(i) == Some(b'%') {
            i += 1;
            continue;
        }
        // %N$
        if let Some((pos, next)) = number_then_dollar(&at, i) {
            note(pos);
            i = next;
        }
        while is(i, b"-+ #0'I") {
            i += 1;
        }
        // width and precision: digits, * or *N$
        for part in 0..2 {
            if part == 1 {
                if at(i) != Some(b'.') {
                    break;
                }
                i += 1;
            }
            if at(i) == Some(b'*') {
                i += 1;
                if let Some((pos, next)) = number_then_dollar(&at, i) {
                    note(pos);
                    i = next;
                }
            } else {
                while at(i).is_some_and(|b| b.is_ascii_digit()) {
                    i += 1;
                }
            }
        }
        while is(i, b"hlLqjztZ") {
            i += 1;
        }
        if at(i) == Some(b'n') {
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
fn number_then_dollar(at: &impl Fn(usize) -> Option<u8>, mut i: usize) -> Option<(usize, usize)> {
    let start = i;
    let mut value = 0usize;
    while let Some(d) = at(i).filter(u8::is_ascii_digit) {
        value = value.saturating_mul(10).saturating_add(usize::from(d - b'0'));
        i += 1;
    }
    (i > start && at(i) == Some(b'$') && value > 0).then_some((value, i + 1))
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

/// glibc's printf checks under `_FORTIFY_SOURCE` (`flag > 0`), on a format
/// already measured (its bytes without the NUL, and its address): a `%n`
/// in a writable format, and gaps in positional arguments, are fatal.
#[inline]
pub fn check_bytes(bytes: &[u8], addr: usize) {
    // One linear, allocation-free pass; /proc is read only for a %n.
    enforce(scan(bytes), addr, bytes.len() + 1);
}

/// [`check_bytes`] for a wide format, as glibc's `vfwprintf` makes it.
///
/// # Safety
/// `fmt` is a NUL-terminated wide string.
#[inline]
pub unsafe fn check_wide(flag: c_int, fmt: *const libc::wchar_t) {
    if flag <= 0 || fmt.is_null() {
        return;
    }
    // SAFETY: guaranteed by the caller: the units up to the NUL are readable.
    let units = unsafe { core::slice::from_raw_parts(fmt, libc::wcslen(fmt)) };
    let size = (units.len() + 1) * core::mem::size_of::<libc::wchar_t>();
    enforce(scan_wide(units), fmt as usize, size);
}

fn enforce(found: Scan, addr: usize, size: usize) {
    if found.writes_count && readonly_area(addr, size) == Some(false) {
        libc_fatal("*** %n in writable segment detected ***\n");
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
    fn scans_wide_formats_alike() {
        let wide = |s: &str| s.chars().map(|c| c as libc::wchar_t).collect::<Vec<_>>();
        assert!(scan_wide(&wide("\u{20ac}%5.3lln")).writes_count);
        assert!(!scan_wide(&wide("%%n \u{6e}")).writes_count);
        assert!(scan_wide(&wide("%1$d %3$d")).positional_gap);
        assert!(!scan_wide(&wide("%2$d%1$d")).positional_gap);
    }

    #[test]
    fn finds_positional_gaps() {
        assert!(!scan(b"%1$d %2$s").positional_gap);
        assert!(scan(b"%1$d %3$s").positional_gap);
        assert!(!scan(b"%2$*1$d").positional_gap);
    }
}
