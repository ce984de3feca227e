//! The C23 scanf engine behind `__isoc23_*scanf` and `__isoc23_*wscanf`
//! (glibc 2.38 `stdio-common/vfscanf-internal.c` with
//! `SCANF_ISOC23_BIN_CST`): `%b` reads binary, and `%i` takes a `0b`/`0B`
//! prefix. Everything else is C99 scanf, which musl has.
//!
//! # Why this shape
//!
//! musl has no `%b` and no hook to add a conversion, and its scanner
//! (`__intscan`, the `FILE` read-ahead) is internal, so the shim cannot
//! extend it. Three ways were weighed:
//!
//! - rewriting the format (`%b` to `%[01]` and parsing afterwards) breaks
//!   widths, signs, `%n` counts and assignment order;
//! - a complete scanf in the shim would be a second copy of every
//!   conversion (floats, scansets, `%m`, wide/multibyte), with every musl
//!   difference reintroduced by hand;
//! - **splitting**, chosen: a format without `%b` or `%i` goes to musl's
//!   `v*scanf` unchanged (the fast path, the common case). Otherwise the
//!   engine walks the format one directive at a time: `%b`, `%i` and `%n`
//!   it does itself, exactly as glibc's integer path does (one character of
//!   look-ahead, pushed back); every other directive, literal text and
//!   whitespace included, goes to musl as a one-directive format followed
//!   by `%n`, which tells how much input it took. Every scanf argument is a
//!   pointer, so the engine can hand each its own; a positional argument
//!   (`%N$`) is fetched from a copy of the list as it started, a plain one
//!   from the list itself, as glibc's `ARG` macro does (so a format may mix
//!   them, and `%0$` is a plain one). Input is shared naturally: a string
//!   advances by the `%n` count, a `FILE` is where musl left it (held under
//!   `flockfile` for the whole call, as glibc holds its lock).
//!
//! The result counts assignments; an input failure before the first one is
//! `EOF`, a matching failure stops with the count, as in both libcs.

use crate::abi::VaList;
use crate::stdlib::isoc23::{Scan, digit};
use core::ffi::{c_int, c_void};

/// A code unit of a format and of input: `c_char` or `wchar_t`.
pub trait Unit: Copy + Eq {
    const NUL: Self;
    fn ascii(b: u8) -> Self;
    /// The unit as a number (a byte is taken unsigned).
    fn code(self) -> u32;
    /// Units before the NUL (`strlen`, `wcslen`).
    ///
    /// # Safety
    /// `s` is NUL-terminated.
    unsafe fn len(s: *const Self) -> usize;
}

impl Unit for core::ffi::c_char {
    const NUL: Self = 0;
    fn ascii(b: u8) -> Self {
        b as Self
    }
    fn code(self) -> u32 {
        u32::from(self as u8)
    }
    unsafe fn len(s: *const Self) -> usize {
        // SAFETY: per the trait's contract.
        unsafe { libc::strlen(s) }
    }
}

impl Unit for libc::wchar_t {
    const NUL: Self = 0;
    fn ascii(b: u8) -> Self {
        Self::from(b)
    }
    fn code(self) -> u32 {
        self as u32
    }
    unsafe fn len(s: *const Self) -> usize {
        // SAFETY: per the trait's contract.
        unsafe { libc::wcslen(s) }
    }
}

/// Where the engine reads: a string or a stream, narrow or wide.
pub trait Input<U: Unit> {
    /// The next unit, or `None` at end of input (or a read error).
    fn get(&mut self) -> Option<U>;
    /// Pushes back the unit `get` just returned.
    fn unget(&mut self, c: U);
    /// Whitespace as this input's scanf sees it (`isspace`/`iswspace`).
    fn is_space(&self, c: u32) -> bool;
    /// musl's scanf over `fmt`, one directive then `%n`; `dest` is the
    /// directive's argument (none when suppressed or for text), `n` the
    /// `%n` target. Returns what musl returns; on success the input is past
    /// what the directive took.
    ///
    /// # Safety
    /// `fmt` is NUL-terminated; `dest` is what the directive needs.
    unsafe fn directive(&mut self, fmt: *const U, dest: Option<*mut c_void>, n: &mut c_int) -> c_int;
}

/// Directive formats up to this long are built on the stack (very long
/// literal runs are split; only a scanset can be longer, and is built in a
/// block from `malloc`).
const CHUNK: usize = 512;

/// How a conversion stores an integer (glibc's `CHAR`/`SHORT`/int/`LONG`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Size {
    Char,
    Short,
    Int,
    Long,
}

/// One `%` conversion specification, as indices into the format.
#[derive(Debug)]
struct Spec {
    /// After `%` and any `N$`: the text musl gets, up to `end`.
    body: usize,
    end: usize,
    position: Option<usize>,
    suppress: bool,
    width: Option<usize>,
    size: Size,
    conv: u32,
}

fn ascii_digit(c: u32) -> Option<usize> {
    (0x30..=0x39).contains(&c).then(|| (c - 0x30) as usize)
}

/// Parses the specification after the `%` at `fmt[start - 1]`.
fn spec<U: Unit>(fmt: &[U], start: usize) -> Spec {
    let at = |i: usize| fmt.get(i).map_or(0, |c| c.code());
    let number = |mut i: usize| {
        let mut n: Option<usize> = None;
        while let Some(d) = ascii_digit(at(i)) {
            n = Some(n.unwrap_or(0).saturating_mul(10).saturating_add(d));
            i += 1;
        }
        (n, i)
    };
    let mut i = start;
    let mut position = None;
    // glibc reads `%0$` as a plain conversion (its `argpos` 0).
    if let (Some(n), j) = number(i)
        && at(j) == u32::from(b'$')
    {
        position = Some(n).filter(|&n| n > 0);
        i = j + 1;
    }
    let body = i;
    let suppress = at(i) == u32::from(b'*');
    if suppress {
        i += 1;
    }
    let (width, j) = number(i);
    i = j;
    if at(i) == u32::from(b'm') {
        i += 1;
    }
    let mut size = Size::Int;
    loop {
        match at(i) as u8 {
            b'h' if size == Size::Short => size = Size::Char,
            b'h' => size = Size::Short,
            b'l' | b'L' | b'j' | b'z' | b't' | b'q' => size = Size::Long,
            _ => break,
        }
        i += 1;
    }
    let conv = at(i);
    if i < fmt.len() {
        i += 1;
    }
    if conv == u32::from(b'[') {
        if at(i) == u32::from(b'^') {
            i += 1;
        }
        if at(i) == u32::from(b']') {
            i += 1;
        }
        while i < fmt.len() && at(i) != u32::from(b']') {
            i += 1;
        }
        i = (i + 1).min(fmt.len());
    }
    // A zero width means none, as in glibc.
    Spec { body, end: i, position, suppress, width: width.filter(|&w| w > 0), size, conv }
}

/// The directives of a format, in order: text runs and conversions.
enum Directive {
    Text { start: usize, end: usize },
    Conversion(Spec),
}

struct Directives<'a, U> {
    fmt: &'a [U],
    i: usize,
}

impl<U: Unit> Iterator for Directives<'_, U> {
    type Item = Directive;
    fn next(&mut self) -> Option<Directive> {
        let fmt = self.fmt;
        let percent = U::ascii(b'%');
        let start = self.i;
        if start >= fmt.len() {
            return None;
        }
        if fmt[start] == percent && fmt.get(start + 1) != Some(&percent) {
            let s = spec(fmt, start + 1);
            self.i = s.end;
            return Some(Directive::Conversion(s));
        }
        let mut i = start;
        // Room for "%n" and the NUL.
        while i < fmt.len() && i - start < CHUNK - 4 {
            if fmt[i] == percent {
                if fmt.get(i + 1) != Some(&percent) {
                    break;
                }
                i += 2;
            } else {
                i += 1;
            }
        }
        self.i = i;
        Some(Directive::Text { start, end: i })
    }
}

/// Whether the format needs the C23 engine: it has `%b`, `%i` or `%N$`.
/// On the fast path of every scanf call, so it looks only at conversions.
pub fn needs_engine<U: Unit>(fmt: &[U]) -> bool {
    let percent = u32::from(b'%');
    let mut i = 0;
    while i < fmt.len() {
        if fmt[i].code() != percent {
            i += 1;
        } else if fmt.get(i + 1).map(|c| c.code()) == Some(percent) {
            i += 2;
        } else {
            let s = spec(fmt, i + 1);
            // A `%N$` one too: musl reads only a one-digit N, and takes
            // `%0$` and plain conversions mixed with `%N$` otherwise.
            if s.conv == u32::from(b'b') || s.conv == u32::from(b'i') || s.body != i + 1 {
                return true;
            }
            i = s.end;
        }
    }
    false
}

unsafe extern "C" {
    /// `va_arg(*ap, void *)`, in `isoc23.c`.
    fn gcompat_va_arg_ptr(ap: VaList) -> *mut c_void;
    /// `va_copy(*dst, *src)` into room for a `va_list`, in `isoc23.c`.
    fn gcompat_va_save(dst: *mut SavedVaList, src: VaList);
    /// The `n`th (0-based) pointer of a copy of `*start`, in `isoc23.c`.
    fn gcompat_va_arg_nth(start: *mut SavedVaList, n: usize) -> *mut c_void;
    /// `va_end` of a saved list.
    fn gcompat_va_drop(saved: *mut SavedVaList);
}

/// Room for a `va_list` (24 bytes on x86_64, 32 on aarch64; `isoc23.c`
/// asserts it fits).
#[repr(C, align(16))]
struct SavedVaList([u64; 4]);

/// The call's pointer arguments: the list itself for plain conversions,
/// and a copy of it as it started for `%N$` ones.
struct Args {
    ap: VaList,
    start: SavedVaList,
}

impl Args {
    /// # Safety
    /// `ap` is the call's argument list, nothing taken from it yet.
    unsafe fn new(ap: VaList) -> Self {
        let mut args = Self { ap, start: SavedVaList([0; 4]) };
        // SAFETY: `start` has room for a va_list; `ap` is live (caller).
        unsafe { gcompat_va_save(&mut args.start, ap) };
        args
    }

    /// # Safety
    /// The caller passed a pointer for this directive.
    unsafe fn next(&mut self, position: Option<usize>) -> *mut c_void {
        match position {
            // SAFETY: the caller passed this pointer (scanf's contract).
            None => unsafe { gcompat_va_arg_ptr(self.ap) },
            // SAFETY: as above; `start` is the saved list, 1-based `p`.
            Some(p) => unsafe { gcompat_va_arg_nth(&mut self.start, p - 1) },
        }
    }
}

impl Drop for Args {
    fn drop(&mut self) {
        // SAFETY: `start` was saved by `new`.
        unsafe { gcompat_va_drop(&mut self.start) };
    }
}

/// How a directive ended.
enum Step {
    /// Took `n` units of input; assigned or not.
    Done { took: usize, assigned: bool },
    /// Matching failure: stop with the count so far.
    Mismatch,
    /// Input failure: stop; `EOF` if nothing was assigned yet.
    InputFailure,
}

/// glibc's `%i`/`%b`: at most `width` units of `[sign][0[xXbB]]digits`,
/// one unit of look-ahead pushed back. `Ok((value, took, range))` or the
/// failure; `value` is the strtol/strtoul result, `range` its `ERANGE`.
fn integer<U: Unit>(input: &mut impl Input<U>, width: Option<usize>, binary: bool) -> Result<(u64, usize, bool), Step> {
    let mut took = 0usize;
    // Leading whitespace, then end of input is an input failure.
    let mut c = loop {
        match input.get() {
            Some(c) if input.is_space(c.code()) => took += 1,
            Some(c) => {
                took += 1;
                break Some(c);
            }
            None => return Err(Step::InputFailure),
        }
    };
    let mut width = width.map_or(-1isize, |w| w.min(isize::MAX as usize) as isize);
    let code = |c: Option<U>| c.map_or(u32::MAX, |c| c.code());
    let signed = !binary;
    let mut base: u32 = if binary { 2 } else { 0 };
    let mut negative = false;
    if matches!(code(c), 0x2b | 0x2d) {
        negative = code(c) == 0x2d;
        if width > 0 {
            width -= 1;
        }
        c = next(input, &mut took);
    }
    let mut digits = 0usize;
    if width != 0 && code(c) == 0x30 {
        if width > 0 {
            width -= 1;
        }
        digits += 1;
        c = next(input, &mut took);
        if width != 0 && code(c) | 0x20 == u32::from(b'x') {
            if base == 0 {
                base = 16;
            }
            if base == 16 {
                if width > 0 {
                    width -= 1;
                }
                c = next(input, &mut took);
            }
        } else if width != 0 && code(c) | 0x20 == u32::from(b'b') && matches!(base, 0 | 2) {
            base = 2;
            if width > 0 {
                width -= 1;
            }
            c = next(input, &mut took);
        } else if base == 0 {
            base = 8;
        }
    }
    if base == 0 {
        base = 10;
    }
    let (mut magnitude, mut overflow) = (0u64, false);
    while width != 0 {
        let Some(d) = c.and_then(|c| digit(c.code(), base)) else {
            break;
        };
        match magnitude.checked_mul(u64::from(base)).and_then(|m| m.checked_add(u64::from(d))) {
            Some(m) => magnitude = m,
            None => overflow = true,
        }
        digits += 1;
        if width > 0 {
            width -= 1;
        }
        c = next(input, &mut took);
    }
    if let Some(c) = c {
        input.unget(c);
        took -= 1;
    }
    if digits == 0 {
        return Err(Step::Mismatch);
    }
    let found = Scan { end: 1, negative, magnitude, overflow };
    let (value, range) = if signed {
        let (v, r) = found.signed();
        (v as u64, r)
    } else {
        found.unsigned()
    };
    Ok((value, took, range))
}

/// The next unit, counted.
fn next<U: Unit>(input: &mut impl Input<U>, took: &mut usize) -> Option<U> {
    let c = input.get();
    if c.is_some() {
        *took += 1;
    }
    c
}

/// Stores an integer conversion's result at its size.
///
/// # Safety
/// `dest` points to an object of the conversion's size.
unsafe fn store(dest: *mut c_void, size: Size, value: u64) {
    // SAFETY: the caller's contract; truncation is C's conversion.
    unsafe {
        match size {
            Size::Char => *dest.cast::<u8>() = value as u8,
            Size::Short => *dest.cast::<u16>() = value as u16,
            Size::Int => *dest.cast::<u32>() = value as u32,
            Size::Long => *dest.cast::<u64>() = value,
        }
    }
}

/// Runs a format that [`needs_engine`] over `input`.
///
/// # Safety
/// `fmt` is the caller's NUL-terminated format of `fmt.len()` units (without
/// the NUL) and `ap` holds the pointers it names, as for `vsscanf`.
pub unsafe fn run<U: Unit>(input: &mut impl Input<U>, fmt: &[U], ap: VaList) -> c_int {
    // SAFETY: the call's list, untouched so far (caller).
    let mut args = unsafe { Args::new(ap) };
    let mut assigned: c_int = 0;
    let mut took_total = 0usize;
    let mut buf = [U::NUL; CHUNK];
    for directive in (Directives { fmt, i: 0 }) {
        let step = match directive {
            Directive::Text { start, end } => {
                // SAFETY: a text directive takes no argument.
                unsafe { delegate(input, &mut buf, &[], &fmt[start..end], None) }
            }
            Directive::Conversion(s) => {
                let dest = if s.suppress || s.conv == u32::from(b'%') {
                    None
                } else {
                    // SAFETY: an assigning directive has its pointer.
                    Some(unsafe { args.next(s.position) })
                };
                match s.conv as u8 {
                    b'n' => {
                        if let Some(dest) = dest {
                            // SAFETY: `%n` points at an integer of its size.
                            unsafe { store(dest, s.size, took_total as u64) };
                        }
                        Step::Done { took: 0, assigned: false }
                    }
                    b'b' | b'i' => match integer(input, s.width, s.conv == u32::from(b'b')) {
                        Ok((value, took, range)) => {
                            if range {
                                crate::abi::errno::set(libc::ERANGE);
                            }
                            if let Some(dest) = dest {
                                // SAFETY: the conversion's pointer, of its size.
                                unsafe { store(dest, s.size, value) };
                            }
                            Step::Done { took, assigned: dest.is_some() }
                        }
                        Err(step) => step,
                    },
                    // SAFETY: `dest` is the directive's own pointer.
                    _ => unsafe { delegate(input, &mut buf, &[U::ascii(b'%')], &fmt[s.body..s.end], dest) },
                }
            }
        };
        match step {
            Step::Done { took, assigned: a } => {
                took_total += took;
                assigned += c_int::from(a);
            }
            Step::Mismatch => return assigned,
            Step::InputFailure => return if assigned == 0 { libc::EOF } else { assigned },
        }
    }
    assigned
}

/// One directive through musl: `prefix` + `text` + `%n`.
///
/// # Safety
/// `dest` is what the directive needs.
unsafe fn delegate<U: Unit>(
    input: &mut impl Input<U>,
    buf: &mut [U; CHUNK],
    prefix: &[U],
    text: &[U],
    dest: Option<*mut c_void>,
) -> Step {
    let len = prefix.len() + text.len();
    let mut heap;
    let buf: &mut [U] = if len + 3 <= CHUNK {
        buf
    } else {
        // glibc takes a scanset of any length.
        match crate::abi::vec::Vec::with_len(len + 3, U::NUL) {
            Ok(v) => {
                heap = v;
                &mut heap
            }
            Err(_) => {
                crate::abi::errno::set(libc::ENOMEM);
                return Step::InputFailure;
            }
        }
    };
    buf[..prefix.len()].copy_from_slice(prefix);
    buf[prefix.len()..len].copy_from_slice(text);
    buf[len] = U::ascii(b'%');
    buf[len + 1] = U::ascii(b'n');
    buf[len + 2] = U::NUL;
    let mut n: c_int = -1;
    // SAFETY: `buf` is NUL-terminated; `dest` per the caller.
    let r = glibc_errno(|| unsafe { input.directive(buf.as_ptr(), dest, &mut n) });
    if r < 0 {
        Step::InputFailure
    } else if n < 0 {
        Step::Mismatch
    } else {
        Step::Done { took: n as usize, assigned: dest.is_some() }
    }
}

/// Runs a scan with glibc's `errno`: musl's number scanner sets `EINVAL`
/// when a conversion finds no digits, which glibc's scanf never does (a
/// matching failure is no error). Both set `ERANGE` on overflow.
pub fn glibc_errno(scan: impl FnOnce() -> c_int) -> c_int {
    let saved = crate::abi::errno::get();
    let r = scan();
    if crate::abi::errno::get() == libc::EINVAL {
        crate::abi::errno::set(saved);
    }
    r
}

/// Length of a NUL-terminated format.
///
/// # Safety
/// `fmt` is NUL-terminated.
pub unsafe fn format<'a, U: Unit>(fmt: *const U) -> &'a [U] {
    // SAFETY: the units before the terminator.
    unsafe { core::slice::from_raw_parts(fmt, U::len(fmt)) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::ffi::c_char;

    fn f(s: &str) -> Vec<c_char> {
        s.bytes().map(|b| b as c_char).collect()
    }

    #[test]
    fn finds_c23_conversions() {
        assert!(needs_engine(&f("%d %b")));
        assert!(needs_engine(&f("%2$i")));
        assert!(needs_engine(&f("%12$d")));
        assert!(!needs_engine(&f("%d %[bi] %%i %s")));
        assert!(!needs_engine(&f("%[]bi]")));
    }

    #[test]
    fn parses_specs() {
        let s = spec(&f("3$*12hhb"), 0);
        assert_eq!(
            (s.position, s.suppress, s.width, s.size, s.conv),
            (Some(3), true, Some(12), Size::Char, u32::from(b'b'))
        );
        let s = spec(&f("[^]x]y"), 0);
        assert_eq!(s.end, 5);
    }
}
