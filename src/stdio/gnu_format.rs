//! glibc's printf extensions that musl's printf lacks, for the fortified
//! entry points (whose callers are glibc-built by definition: musl has no
//! `__printf_chk`): the format is rewritten into one musl prints the same way.
//!
//! - `%m` (glibc manual, "Other Output Conversions"): glibc's text for the
//!   errno at entry, with its flags, width and precision, becomes literal
//!   text (musl would print its own, different texts);
//! - the `Z` length modifier (an old glibc spelling of `z`) becomes `z`;
//! - the `I` flag (locale digits; the C locale has none) is dropped.
//!
//! # glibc differences
//! A `%m` whose width or precision is `*` is left to musl, as is a format
//! whose rewrite does not fit [`CAPACITY`] bytes; glibc's `(nil)` for a null
//! `%p` and its handling of a null `%s` with a precision need the arguments
//! and are not rewritten (see testbins/divergences.txt).

use crate::abi::{cstr::Buf, errno};
use core::ffi::{CStr, c_char, c_int};
use core::mem::MaybeUninit;

/// The longest rewritten format, NUL included.
pub const CAPACITY: usize = 1024;

/// Where a rewritten format lives for the duration of one call.
pub struct GnuFormat {
    buf: MaybeUninit<[u8; CAPACITY]>,
}

impl GnuFormat {
    pub const fn new() -> Self {
        Self { buf: MaybeUninit::uninit() }
    }

    /// Runs glibc's fortify checks on `fmt` and returns the format to hand
    /// to musl: `fmt` itself, or its rewrite in `self`. errno is as at entry.
    ///
    /// # Safety
    /// `fmt` is a NUL-terminated string.
    #[inline]
    pub unsafe fn prepare(&mut self, flag: c_int, fmt: *const c_char) -> *const c_char {
        let errnum = errno::get();
        // SAFETY: forwarded from the caller.
        unsafe { super::format::check(flag, fmt) };
        errno::set(errnum);
        if fmt.is_null() {
            return fmt;
        }
        // SAFETY: forwarded from the caller.
        let bytes = unsafe { CStr::from_ptr(fmt) }.to_bytes();
        // The common case costs one pass over bytes that are rarely these.
        if !bytes.iter().any(|&b| matches!(b, b'm' | b'Z' | b'I')) {
            return fmt;
        }
        // SAFETY: every byte of `buf` that `rewrite` reads it wrote first.
        let out = unsafe { &mut *self.buf.as_mut_ptr() };
        match rewrite(bytes, errnum, out) {
            Some(_) => out.as_ptr().cast(),
            None => fmt,
        }
    }
}

impl Default for GnuFormat {
    fn default() -> Self {
        Self::new()
    }
}

/// Writes `fmt` rewritten (see the module docs) into `out`, NUL-terminated;
/// `None` if nothing needed rewriting or the result does not fit.
pub fn rewrite(fmt: &[u8], errnum: c_int, out: &mut [u8]) -> Option<usize> {
    let mut w = Writer { out, len: 0 };
    let mut changed = false;
    let mut i = 0;
    while i < fmt.len() {
        if fmt[i] != b'%' {
            w.push(fmt[i])?;
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        if fmt.get(i) == Some(&b'%') {
            w.extend(b"%%")?;
            i += 1;
            continue;
        }
        // %N$
        let mut j = i;
        while j < fmt.len() && fmt[j].is_ascii_digit() {
            j += 1;
        }
        if j > i && fmt.get(j) == Some(&b'$') {
            i = j + 1;
        }
        let position = &fmt[start + 1..i];
        let flags_start = i;
        while i < fmt.len() && b"-+ #0'I".contains(&fmt[i]) {
            i += 1;
        }
        let flags = &fmt[flags_start..i];
        let width_start = i;
        let mut star = false;
        if fmt.get(i) == Some(&b'*') {
            star = true;
            i += 1;
            while i < fmt.len() && (fmt[i].is_ascii_digit() || fmt[i] == b'$') {
                i += 1;
            }
        } else {
            while i < fmt.len() && fmt[i].is_ascii_digit() {
                i += 1;
            }
        }
        let width = &fmt[width_start..i];
        let mut precision: Option<&[u8]> = None;
        if fmt.get(i) == Some(&b'.') {
            let p = i + 1;
            i = p;
            if fmt.get(i) == Some(&b'*') {
                star = true;
                i += 1;
                while i < fmt.len() && (fmt[i].is_ascii_digit() || fmt[i] == b'$') {
                    i += 1;
                }
            } else {
                while i < fmt.len() && fmt[i].is_ascii_digit() {
                    i += 1;
                }
            }
            precision = Some(&fmt[p..i]);
        }
        let length_start = i;
        while i < fmt.len() && b"hlLqjztZ".contains(&fmt[i]) {
            i += 1;
        }
        let length = &fmt[length_start..i];
        let conv = fmt.get(i).copied();
        i = (i + 1).min(fmt.len());
        if conv == Some(b'm') && !star {
            let mut text = Buf::<64>::new();
            crate::string::strerror::describe(errnum, &mut text);
            let mut text = text.as_bytes();
            if let Some(p) = precision {
                text = &text[..number(p).min(text.len())];
            }
            let pad = number(width).saturating_sub(text.len());
            let left = flags.contains(&b'-');
            if !left {
                w.fill(b' ', pad)?;
            }
            for &b in text {
                if b == b'%' {
                    w.extend(b"%%")?;
                } else {
                    w.push(b)?;
                }
            }
            if left {
                w.fill(b' ', pad)?;
            }
            changed = true;
            continue;
        }
        changed |= flags.contains(&b'I') || length.contains(&b'Z');
        w.push(b'%')?;
        w.extend(position)?;
        for &f in flags.iter().filter(|&&f| f != b'I') {
            w.push(f)?;
        }
        w.extend(width)?;
        if let Some(p) = precision {
            w.push(b'.')?;
            w.extend(p)?;
        }
        for &l in length {
            w.push(if l == b'Z' { b'z' } else { l })?;
        }
        if let Some(c) = conv {
            w.push(c)?;
        }
    }
    w.push(0)?;
    changed.then_some(w.len)
}

fn number(digits: &[u8]) -> usize {
    digits.iter().fold(0usize, |v, d| v.saturating_mul(10).saturating_add(usize::from(d - b'0')))
}

struct Writer<'a> {
    out: &'a mut [u8],
    len: usize,
}

impl Writer<'_> {
    fn push(&mut self, b: u8) -> Option<()> {
        *self.out.get_mut(self.len)? = b;
        self.len += 1;
        Some(())
    }

    fn extend(&mut self, bytes: &[u8]) -> Option<()> {
        bytes.iter().try_for_each(|&b| self.push(b))
    }

    fn fill(&mut self, b: u8, n: usize) -> Option<()> {
        (0..n).try_for_each(|_| self.push(b))
    }
}

#[cfg(test)]
mod tests {
    use super::rewrite;

    fn run(fmt: &str, errnum: i32) -> Option<String> {
        let mut out = [0u8; 256];
        let n = rewrite(fmt.as_bytes(), errnum, &mut out)?;
        Some(String::from_utf8(out[..n - 1].to_vec()).unwrap())
    }

    #[test]
    fn rewrites_glibc_extensions() {
        assert_eq!(run("a %m b", 25).as_deref(), Some("a Inappropriate ioctl for device b"));
        assert_eq!(run("[%10.3m|%-6m]", 2).as_deref(), Some("[       No |No such file or directory]"));
        assert_eq!(run("%m", 1234).as_deref(), Some("Unknown error 1234"));
        assert_eq!(run("%Zu %Id %2$s 100%%", 0).as_deref(), Some("%zu %d %2$s 100%%"));
        assert_eq!(run("%d %s", 0), None);
        assert_eq!(run("%*m", 2), None);
    }

    #[test]
    fn refuses_what_does_not_fit() {
        let mut out = [0u8; 8];
        assert_eq!(rewrite(b"%m and more", 2, &mut out), None);
    }
}
