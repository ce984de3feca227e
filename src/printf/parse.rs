//! `parse_printf_format`, glibc's parser of a printf format into argument
//! types (glibc manual, "Parsing a Template String"), reproduced from
//! glibc's `stdio-common/printf-parsemb.c` and `printf-prs.c`: the same
//! grammar, argument numbering and `PA_*` codes. Registrations are refused
//! (`register.rs`), so only glibc's built-in conversions exist. The same
//! parser finds the conversions the shim's printf rewrites for glibc
//! callers (`stdio/gnu_format.rs`).

use core::ffi::{CStr, c_char, c_int};
use libc::size_t;

pub const PA_INT: c_int = 0;
pub const PA_CHAR: c_int = 1;
pub const PA_WCHAR: c_int = 2;
pub const PA_STRING: c_int = 3;
pub const PA_WSTRING: c_int = 4;
pub const PA_POINTER: c_int = 5;
pub const PA_DOUBLE: c_int = 7;
pub const PA_FLAG_LONG_LONG: c_int = 1 << 8;
pub const PA_FLAG_LONG_DOUBLE: c_int = PA_FLAG_LONG_LONG;
pub const PA_FLAG_LONG: c_int = 1 << 9;
pub const PA_FLAG_SHORT: c_int = 1 << 10;
pub const PA_FLAG_PTR: c_int = 1 << 11;

/// One conversion as glibc's `__parse_one_specmb` sees it: which argument
/// (0-based) holds the width, the precision and the data, and the data's
/// type (`None`: the conversion takes no argument); and, for rewriting it
/// (`gnu_format.rs`), where it lies and what it says.
pub struct Spec {
    pub width_arg: Option<usize>,
    pub prec_arg: Option<usize>,
    pub data_arg: Option<usize>,
    pub data_type: Option<c_int>,
    /// The `%`, and the byte after the conversion character.
    pub start: usize,
    pub end: usize,
    /// The conversion character (0 at the end of the format).
    pub conv: u8,
    /// The data argument is named `%N$`.
    pub positional: bool,
    /// The `-`, `+`, space and `0` flags; the `I` flag; the `Z` length
    /// modifier.
    pub left: bool,
    pub plus: bool,
    pub space: bool,
    pub zero: bool,
    /// The `#` flag.
    pub alt: bool,
    pub i_flag: bool,
    pub z_length: bool,
    /// The width and precision written as digits (`width` 0 when absent;
    /// -1 past `INT_MAX`), when not `*`.
    pub width: i64,
    pub prec: Option<i64>,
    /// Where the text after this conversion starts.
    pub next: usize,
}

/// glibc's `read_int`: the digits at `*i` as an int, -1 past `INT_MAX`
/// (every digit is consumed either way).
fn read_int(fmt: &[u8], i: &mut usize) -> i64 {
    let mut n: i64 = 0;
    while let Some(d) = fmt.get(*i).filter(|b| b.is_ascii_digit()) {
        if n >= 0 {
            n = n * 10 + i64::from(d - b'0');
            if n > i64::from(c_int::MAX) {
                n = -1;
            }
        }
        *i += 1;
    }
    n
}

/// `N$` at `*i`: the 1-based position `N` if the digits end in `$`
/// (`*i` moves past it; an overflowing `N` is skipped, as in glibc), else
/// `*i` is left alone.
fn positional(fmt: &[u8], i: &mut usize, max_ref: &mut usize) -> Option<usize> {
    if !fmt.get(*i).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let begin = *i;
    let n = read_int(fmt, i);
    if n != 0 && fmt.get(*i) == Some(&b'$') {
        *i += 1;
        if n != -1 {
            *max_ref = (*max_ref).max(n as usize);
            return Some(n as usize - 1);
        }
        return None;
    }
    *i = begin;
    None
}

/// `*` or `*N$` at `*i` for a width or precision: the argument it names,
/// taking the next sequential one (`*posn`) when not positional.
fn star_arg(fmt: &[u8], i: &mut usize, posn: &mut usize, nargs: &mut usize, max_ref: &mut usize) -> usize {
    *i += 1; // '*'
    let begin = *i;
    let mut at = *i;
    if let Some(n) = positional(fmt, &mut at, max_ref) {
        *i = at;
        return n;
    }
    // `*N$` with an overflowing N still consumed its digits and `$` in
    // glibc, but then rereads from after the `*`.
    *i = begin;
    let n = *posn;
    *posn += 1;
    *nargs += 1;
    n
}

/// glibc's `__parse_one_specmb` for the conversion whose `%` is at
/// `start`; `posn` is the number of sequential arguments consumed so far.
/// Returns the spec and how many sequential arguments it consumed.
fn parse_one(fmt: &[u8], start: usize, mut posn: usize, max_ref: &mut usize) -> (Spec, usize) {
    let at = |i: usize| fmt.get(i).copied().unwrap_or(0);
    let mut nargs = 0;
    let mut i = start + 1;
    let mut data_arg = positional(fmt, &mut i, max_ref);
    let positional = data_arg.is_some();
    let (mut left, mut plus, mut space, mut zero) = (false, false, false, false);
    let (mut i_flag, mut alt) = (false, false);
    while matches!(at(i), b' ' | b'+' | b'-' | b'#' | b'0' | b'\'' | b'I') {
        left |= at(i) == b'-';
        plus |= at(i) == b'+';
        space |= at(i) == b' ';
        zero |= at(i) == b'0';
        i_flag |= at(i) == b'I';
        alt |= at(i) == b'#';
        i += 1;
    }
    let mut width_arg = None;
    let mut width = 0;
    if at(i) == b'*' {
        width_arg = Some(star_arg(fmt, &mut i, &mut posn, &mut nargs, max_ref));
    } else {
        width = read_int(fmt, &mut i);
    }
    let mut prec_arg = None;
    let mut prec = None;
    if at(i) == b'.' {
        i += 1;
        if at(i) == b'*' {
            prec_arg = Some(star_arg(fmt, &mut i, &mut posn, &mut nargs, max_ref));
        } else {
            prec = Some(read_int(fmt, &mut i));
        }
    }
    let (data_type, conv, z_length) = length_and_type(fmt, &mut i);
    if data_arg.is_none() && data_type.is_some() {
        data_arg = Some(posn);
        nargs += 1;
    }
    let end = if conv == 0 { i } else { i + 1 };
    let next = find_spec(fmt, end);
    (
        Spec {
            width_arg,
            prec_arg,
            data_arg,
            data_type,
            start,
            end,
            conv,
            positional,
            left,
            plus,
            space,
            zero,
            alt,
            i_flag,
            z_length,
            width,
            prec,
            next,
        },
        nargs,
    )
}

/// The length modifier and conversion at `*i` (moved past the modifier,
/// onto the conversion character): the data argument's `PA_*` type (`None`:
/// the conversion takes none), the conversion character (0 at the end), and
/// whether the modifier was glibc's old `Z`.
#[inline]
pub fn length_and_type(fmt: &[u8], i: &mut usize) -> (Option<c_int>, u8, bool) {
    let at = |i: usize| fmt.get(i).copied().unwrap_or(0);
    let mut z_length = false;
    let (mut is_long_double, mut is_long, mut is_short, mut is_char) = (false, false, false, false);
    match at(*i) {
        b'h' if at(*i + 1) == b'h' => {
            is_char = true;
            *i += 2;
        }
        b'h' => {
            is_short = true;
            *i += 1;
        }
        b'l' if at(*i + 1) == b'l' => {
            is_long = true;
            is_long_double = true;
            *i += 2;
        }
        b'l' => {
            is_long = true;
            *i += 1;
        }
        b'L' | b'q' => {
            is_long_double = true;
            *i += 1;
        }
        // size_t, ptrdiff_t and intmax_t are all long on LP64.
        b'z' | b'Z' | b't' | b'j' => {
            z_length = at(*i) == b'Z';
            is_long = true;
            *i += 1;
        }
        _ => {}
    }
    let conv = at(*i);
    let data_type = match conv {
        // glibc flags `long long` only where it is wider than `long`: on
        // LP64 `%lld` is PA_FLAG_LONG and `%qd`/`%Ld` (no `l`) plain PA_INT.
        b'd' | b'i' | b'u' | b'o' | b'x' | b'X' | b'b' | b'B' => Some(if is_long {
            PA_INT | PA_FLAG_LONG
        } else if is_short {
            PA_INT | PA_FLAG_SHORT
        } else if is_char {
            PA_CHAR
        } else {
            PA_INT
        }),
        b'e' | b'E' | b'f' | b'F' | b'g' | b'G' | b'a' | b'A' => {
            Some(if is_long_double { PA_DOUBLE | PA_FLAG_LONG_DOUBLE } else { PA_DOUBLE })
        }
        b'c' => Some(PA_CHAR),
        b'C' => Some(PA_WCHAR),
        b's' => Some(PA_STRING),
        b'S' => Some(PA_WSTRING),
        b'p' => Some(PA_POINTER),
        b'n' => Some(PA_INT | PA_FLAG_PTR),
        _ => None, // %m, %%, unknown: no argument
    };
    (data_type, conv, z_length)
}

/// glibc's `__find_specmb`: the next `%` from `from`, or the end.
fn find_spec(fmt: &[u8], from: usize) -> usize {
    fmt[from.min(fmt.len())..].iter().position(|&b| b == b'%').map_or(fmt.len(), |p| from + p)
}

/// The conversions of a format in order, as glibc's parser numbers their
/// arguments.
pub struct Specs<'a> {
    fmt: &'a [u8],
    at: usize,
    /// Sequential arguments consumed so far; the highest `N$` seen.
    nargs: usize,
    max_ref: usize,
}

impl<'a> Specs<'a> {
    pub fn new(fmt: &'a [u8]) -> Self {
        Self { fmt, at: find_spec(fmt, 0), nargs: 0, max_ref: 0 }
    }

    /// How many arguments the conversions seen so far take.
    pub fn nargs(&self) -> usize {
        self.nargs.max(self.max_ref)
    }
}

impl Iterator for Specs<'_> {
    type Item = Spec;

    fn next(&mut self) -> Option<Spec> {
        if self.at >= self.fmt.len() {
            return None;
        }
        let (spec, consumed) = parse_one(self.fmt, self.at, self.nargs, &mut self.max_ref);
        self.nargs += consumed;
        self.at = spec.next;
        Some(spec)
    }
}

/// `parse_printf_format` over a format: stores the types of the first
/// `argtypes.len()` arguments and returns how many the format takes.
pub fn parse(fmt: &[u8], argtypes: &mut [c_int]) -> usize {
    let mut specs = Specs::new(fmt);
    for spec in specs.by_ref() {
        for arg in [spec.width_arg, spec.prec_arg].into_iter().flatten() {
            if let Some(slot) = argtypes.get_mut(arg) {
                *slot = PA_INT;
            }
        }
        if let (Some(arg), Some(ty)) = (spec.data_arg, spec.data_type)
            && let Some(slot) = argtypes.get_mut(arg)
        {
            *slot = ty;
        }
    }
    specs.nargs()
}

/// `parse_printf_format`: the number of arguments `fmt` takes, and the
/// `PA_*` type of each of the first `n` in `argtypes` (glibc manual,
/// "Parsing a Template String").
///
/// # Safety
/// `fmt` is a NUL-terminated string; `argtypes` is writable for `n` ints
/// (or `n` is 0).
#[export]
pub unsafe extern "C" fn parse_printf_format(fmt: *const c_char, n: size_t, argtypes: *mut c_int) -> size_t {
    // SAFETY: NUL-terminated (caller).
    let fmt = unsafe { CStr::from_ptr(fmt) }.to_bytes();
    let argtypes: &mut [c_int] = if n == 0 || argtypes.is_null() {
        &mut []
    } else {
        // SAFETY: writable for `n` ints (caller).
        unsafe { core::slice::from_raw_parts_mut(argtypes, n) }
    };
    parse(fmt, argtypes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn types(fmt: &str) -> (usize, Vec<c_int>) {
        let mut t = vec![-1; 8];
        let n = parse(fmt.as_bytes(), &mut t);
        (n, t)
    }

    #[test]
    fn sequential_and_positional() {
        assert_eq!(types("%d %s %p").0, 3);
        assert_eq!(types("%*.*lf").1[..3], [PA_INT, PA_INT, PA_DOUBLE]);
        assert_eq!(types("%2$s %1$lld %3$qd").1[..3], [PA_INT | PA_FLAG_LONG, PA_STRING, PA_INT]);
        assert_eq!(types("%% %m %").0, 0);
        assert_eq!(types("%3$d").0, 3);
        assert_eq!(
            types("%hhd %hd %zu %Lg %n").1[..5],
            [
                PA_CHAR,
                PA_INT | PA_FLAG_SHORT,
                PA_INT | PA_FLAG_LONG,
                PA_DOUBLE | PA_FLAG_LONG_DOUBLE,
                PA_INT | PA_FLAG_PTR
            ]
        );
    }
}
