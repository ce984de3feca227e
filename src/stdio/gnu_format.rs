//! glibc's printf conversions that musl prints differently, for glibc-built
//! callers (the fortified entry points, whose callers are glibc-built by
//! definition; the plain printf family's glibc callers, `printf.rs`, and
//! the wide one's, `wchar/printf.rs`; `error` and `argp`'s messages): the
//! format is rewritten into one musl prints the way glibc would, still
//! consuming the same arguments.
//!
//! - `%m` (glibc manual, "Other Output Conversions"): glibc's text for the
//!   errno at entry, with its width, `-` flag and precision, becomes literal
//!   text (musl would print its own, different texts);
//! - a null `%p` prints `(nil)` (musl: `0`), padded to the width (`-`
//!   honoured, every other flag and the precision ignored);
//! - a non-null `%p` is glibc's `%#lx` with the conversion's `+`, space
//!   and precision (musl ignores the flags and takes a precision below 16
//!   as 16), so one with those is printed by the shim;
//! - a null `%s` or `%ls` prints `(null)` when there is no precision or it
//!   is at least 6, else nothing, padded to the width (musl truncates
//!   `(null)`, and dereferences a null `%ls`);
//! - the `Z` length modifier (an old glibc spelling of `z`) becomes `z`,
//!   and `q` (BSD's `ll`) becomes `ll`, or nothing in a `%N$` conversion,
//!   whose argument glibc reads as an int (musl refuses both);
//! - `%%` with flags, a width or a precision (`%-5%`) becomes `%%`:
//!   glibc prints one `%`, musl refuses the format;
//! - `%#m` is the errno's name (`strerrorname_np`), or its number;
//! - the `I` flag (locale digits; the C locale has none) is dropped;
//! - the `0` flag of a wide string or character (`%ls`, `%S`, `%lc`, `%C`)
//!   is dropped: glibc pads them with spaces, musl pads them with nothing
//!   yet counts the padding it did not write.
//!
//! Whether a `%p`/`%s` argument is null is read from a copy of the
//! `va_list`, walked with the types glibc's own parser gives
//! (`printf/parse.rs`; `printf_args.c` does the walk). A replaced conversion
//! becomes literal text plus `%.0s` for each argument it took (its `*`
//! width and precision too): musl consumes the argument and prints nothing
//! (with precision 0 its `%s` reads no byte, null or not). A width becomes
//! that conversion's own width (`%5.0s`), so a wide `%p` costs no room.
//! In a format with `%N$` arguments, the replaced data argument keeps its
//! place as `%N$.0s`, and a `*N$` one no other conversion names does too,
//! so that musl still sees every argument's type.
//!
//! A format without `%p`, `%s`, `%S`, `%m`, `I` or `Z` conversions goes to
//! musl untouched after one scan.
//!
//! A rewrite longer than [`CAPACITY`] units, or a format taking more than
//! [`MAX_ARGS`] arguments, is done in a block from `malloc`: a null `%ls`
//! far into a long format is glibc's `(null)` too, never musl's crash.
//!
//! # glibc differences
//! Left to musl: a format with gaps in its `%N$` arguments or mixing `%N$`
//! with plain conversions (musl refuses both), a non-null `%p` whose zero
//! padding passes 60 bytes, and any format when `malloc` fails for the
//! rewrite of a long one.

use crate::abi::{VaList, cstr::Buf, errno, vec::Vec};
use crate::printf::parse::{self as printf_parse, Spec, Specs};
use core::ffi::{CStr, c_char, c_int};
use core::mem::MaybeUninit;

/// The longest rewritten format, NUL included, that needs no `malloc`.
pub const CAPACITY: usize = 1024;

/// The most arguments whose values the rewrite reads without `malloc`.
pub const MAX_ARGS: usize = 64;

unsafe extern "C" {
    /// `printf_args.c`: the first `n` arguments of `ap` (a copy is walked),
    /// read by their `PA_*` types into `values`.
    fn __gcompat_printf_args(ap: VaList, types: *const c_int, n: usize, values: *mut u64);
}

/// Where a rewritten format lives for the duration of one call.
pub struct GnuFormat {
    buf: MaybeUninit<[u8; CAPACITY]>,
    /// A rewrite that does not fit `buf`.
    heap: Vec<u8>,
}

impl GnuFormat {
    pub const fn new() -> Self {
        Self { buf: MaybeUninit::uninit(), heap: Vec::new() }
    }

    /// Runs glibc's fortify checks on `fmt` when `flag > 0` and returns the
    /// format to hand to musl with `ap`: `fmt` itself, or its rewrite in
    /// `self`. errno is as at entry.
    ///
    /// # Safety
    /// `fmt` is a NUL-terminated string and `ap` the arguments it takes.
    #[inline]
    pub unsafe fn prepare(&mut self, flag: c_int, fmt: *const c_char, ap: VaList) -> *const c_char {
        if fmt.is_null() {
            return fmt;
        }
        let errnum = errno::get();
        // SAFETY: forwarded from the caller.
        let bytes = unsafe { CStr::from_ptr(fmt) }.to_bytes();
        // Nearly every format takes its arguments in order: one pass finds
        // what the fortify check, the rewrite and the argument walk need.
        let mut few = [0; SURVEY_ARGS];
        let survey = survey(bytes, &mut few);
        if flag > 0 && survey.as_ref().is_none_or(|s| s.writes_count) {
            super::format::check_bytes(bytes, fmt as usize);
            errno::set(errnum);
        }
        let need = survey.as_ref().map_or_else(|| needs_rewrite(bytes), |s| s.need);
        if need == Need::Nothing {
            return fmt;
        }
        let typed = survey.map(|s| &few[..s.nargs]);
        // SAFETY: forwarded from the caller.
        let rewritten = unsafe { self.rewrite_with_args(bytes, need, errnum, ap, typed) };
        errno::set(errnum);
        rewritten.unwrap_or(fmt)
    }

    /// The slow path of [`Self::prepare`]: reads the arguments and rewrites.
    ///
    /// # Safety
    /// `ap` holds the arguments `fmt` takes.
    #[inline(never)]
    unsafe fn rewrite_with_args(
        &mut self,
        fmt: &[u8],
        need: Need,
        errnum: c_int,
        ap: VaList,
        typed: Option<&[c_int]>,
    ) -> Option<*const c_char> {
        let mut args = Args::new();
        // SAFETY: forwarded from the caller.
        let values = unsafe { args.read(fmt, need, ap, typed) }?;
        // SAFETY: every byte of `buf` that is read was written first.
        let out = unsafe { &mut *self.buf.as_mut_ptr() };
        let len = rewrite(fmt, errnum, values, out)?;
        if len <= out.len() {
            return Some(out.as_ptr().cast());
        }
        self.heap = Vec::with_len(len, 0).ok()?;
        rewrite(fmt, errnum, values, &mut self.heap)?;
        Some(self.heap.as_ptr().cast())
    }
}

/// The argument values of one call, as far as the rewrite needs them.
struct Args {
    types: MaybeUninit<[c_int; MAX_ARGS]>,
    values: MaybeUninit<[u64; MAX_ARGS]>,
    /// Types and values of a format taking more than [`MAX_ARGS`].
    more_types: Vec<c_int>,
    more_values: Vec<u64>,
}

impl Args {
    fn new() -> Self {
        Self {
            types: MaybeUninit::uninit(),
            values: MaybeUninit::uninit(),
            more_types: Vec::new(),
            more_values: Vec::new(),
        }
    }

    /// Reads the arguments `fmt` takes (of the `typed` types, when known)
    /// from a copy of `ap`: `Some(None)`
    /// when they cannot be known (gaps, or no memory), `None` when nothing
    /// needs rewriting (`need` is [`Need::IfNull`] and no string or
    /// pointer argument is null).
    ///
    /// # Safety
    /// `ap` holds the arguments `fmt` takes.
    unsafe fn read(&mut self, fmt: &[u8], need: Need, ap: VaList, typed: Option<&[c_int]>) -> Option<Option<&[u64]>> {
        // The types [`survey`] found, or glibc's whole parser's.
        let unknown = if need == Need::IfNull { None } else { Some(None) };
        let types: &[c_int] = match typed {
            Some(types) => types,
            None => {
                let types = self.types.write([-1; MAX_ARGS]);
                let n = printf_parse::parse(fmt, types);
                let types = if n <= MAX_ARGS {
                    &types[..n]
                } else {
                    let Ok(more) = Vec::with_len(n, -1) else { return unknown };
                    self.more_types = more;
                    printf_parse::parse(fmt, &mut self.more_types);
                    &self.more_types[..]
                };
                if types.iter().any(|&t| t < 0) {
                    return unknown;
                }
                types
            }
        };
        let values = if types.len() <= MAX_ARGS {
            self.values.as_mut_ptr().cast::<u64>()
        } else {
            let Ok(more) = Vec::with_len(types.len(), 0) else { return unknown };
            self.more_values = more;
            self.more_values.as_mut_ptr()
        };
        // SAFETY: `ap` holds `types.len()` arguments of these types (caller);
        // the walk writes that many values, which are all that is read.
        let values = unsafe {
            __gcompat_printf_args(ap, types.as_ptr(), types.len(), values);
            core::slice::from_raw_parts(values, types.len())
        };
        // The common `%s` with a string: musl prints it as glibc does.
        if need == Need::IfNull && !any_null(types, values) {
            return None;
        }
        Some(Some(values))
    }
}

impl Default for GnuFormat {
    fn default() -> Self {
        Self::new()
    }
}

/// [`GnuFormat`] for the wide printf family (`wprintf`, `__vfwprintf_chk`,
/// ...): the same conversions, in a `wchar_t` format. A format of
/// [`CAPACITY`] units or more is left to musl.
pub struct GnuWideFormat {
    buf: MaybeUninit<[libc::wchar_t; CAPACITY]>,
    bytes: MaybeUninit<[u8; CAPACITY]>,
    /// A format or rewrite that does not fit `bytes` or `buf`.
    heap_bytes: Vec<u8>,
    heap: Vec<libc::wchar_t>,
}

impl GnuWideFormat {
    pub const fn new() -> Self {
        Self { buf: MaybeUninit::uninit(), bytes: MaybeUninit::uninit(), heap_bytes: Vec::new(), heap: Vec::new() }
    }

    /// [`GnuFormat::prepare`] for a wide format.
    ///
    /// # Safety
    /// `fmt` is a NUL-terminated wide string and `ap` the arguments it takes.
    pub unsafe fn prepare(&mut self, flag: c_int, fmt: *const libc::wchar_t, ap: VaList) -> *const libc::wchar_t {
        let errnum = errno::get();
        if flag > 0 {
            // SAFETY: forwarded from the caller.
            unsafe { super::format::check_wide(flag, fmt) };
            errno::set(errnum);
        }
        if fmt.is_null() {
            return fmt;
        }
        // SAFETY: NUL-terminated (caller).
        let units = unsafe { core::slice::from_raw_parts(fmt, libc::wcslen(fmt)) };
        let bytes = if units.len() < CAPACITY {
            // SAFETY: the first `units.len()` bytes are written before being read.
            unsafe { &mut (&mut *self.bytes.as_mut_ptr())[..units.len()] }
        } else {
            let Ok(heap) = Vec::with_len(units.len(), 0) else { return fmt };
            self.heap_bytes = heap;
            &mut self.heap_bytes[..]
        };
        for (b, &u) in bytes.iter_mut().zip(units) {
            *b = u8::try_from(u).ok().filter(u8::is_ascii).unwrap_or(0x80);
        }
        let need = needs_rewrite(bytes);
        if need == Need::Nothing {
            return fmt;
        }
        let mut args = Args::new();
        // SAFETY: forwarded from the caller.
        let Some(values) = (unsafe { args.read(bytes, need, ap, None) }) else {
            return fmt;
        };
        // SAFETY: every unit of `buf` that is read was written first.
        let out = unsafe { &mut *self.buf.as_mut_ptr() };
        let rewritten = match rewrite_units(units, bytes, errnum, values, out) {
            Some(len) if len <= out.len() => out.as_ptr(),
            Some(len) => match Vec::with_len(len, 0) {
                Ok(heap) => {
                    self.heap = heap;
                    rewrite_units(units, bytes, errnum, values, &mut self.heap);
                    self.heap.as_ptr()
                }
                Err(_) => fmt,
            },
            None => fmt,
        };
        errno::set(errnum);
        rewritten
    }
}

impl Default for GnuWideFormat {
    fn default() -> Self {
        Self::new()
    }
}

/// What the cheap scan of a format found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Need {
    /// musl prints it as glibc does.
    Nothing,
    /// Only a null `%p`/`%s`/`%S` argument prints differently.
    IfNull,
    /// `%m`, `I`, `Z`, or a `%p` with a precision, `+` or space.
    Rewrite,
}

/// The one cheap scan: whether some conversion of `fmt` may print
/// differently under glibc. Conservative: it stops at the first byte that
/// is not part of a plain conversion's flags, width, precision or length.
#[inline]
pub fn needs_rewrite(fmt: &[u8]) -> Need {
    let mut need = Need::Nothing;
    let mut i = 0;
    while let Some(p) = fmt[i..].iter().position(|&b| b == b'%') {
        i += p + 1;
        let start = i;
        let (mut pointer_flags, mut zero, mut long) = (false, false, false);
        while i < fmt.len()
            && matches!(
                fmt[i],
                b'0'..=b'9'
                    | b'$'
                    | b'.'
                    | b'*'
                    | b'-'
                    | b'+'
                    | b' '
                    | b'#'
                    | b'\''
                    | b'h'
                    | b'l'
                    | b'L'
                    | b'j'
                    | b'z'
                    | b't'
            )
        {
            pointer_flags |= matches!(fmt[i], b'.' | b'+' | b' ');
            zero |= fmt[i] == b'0';
            long |= fmt[i] == b'l';
            i += 1;
        }
        let spec_len = i - start;
        match fmt.get(i) {
            Some(b'm' | b'I' | b'Z' | b'q') => return Need::Rewrite,
            Some(b'%') if spec_len > 0 => return Need::Rewrite,
            Some(b'p') if pointer_flags => return Need::Rewrite,
            Some(b'S' | b'C') if zero => return Need::Rewrite,
            Some(b's' | b'c') if zero && long => return Need::Rewrite,
            Some(b'p' | b's' | b'S') => need = Need::IfNull,
            Some(_) => {}
            None => break,
        }
        i += 1;
    }
    need
}

/// Arguments [`survey`] types; a format taking more goes the long way.
const SURVEY_ARGS: usize = 8;

/// What [`survey`] found.
pub struct Survey {
    pub need: Need,
    /// Some conversion is `%n` (the fortify check's concern).
    pub writes_count: bool,
    /// Arguments typed.
    pub nargs: usize,
}

/// One pass over a format whose conversions take their arguments in order
/// (no `*`, no `%N$`: nearly every format): what [`needs_rewrite`] and the
/// fortify scan (`format::scan`) would find (less for a narrow `%s` that
/// musl prints as glibc even when null), and the arguments' `PA_*` types
/// as glibc's parser gives them, in `types`. `None` for any other
/// format, or one taking more arguments than `types` holds.
#[inline]
pub fn survey(fmt: &[u8], types: &mut [c_int]) -> Option<Survey> {
    let mut found = Survey { need: Need::Nothing, writes_count: false, nargs: 0 };
    let mut i = 0;
    while let Some(p) = fmt[i..].iter().position(|&b| b == b'%') {
        i += p + 1;
        let start = i;
        let (mut pointer_flags, mut i_flag, mut zero) = (false, false, false);
        while let Some(&b) = fmt.get(i) {
            match b {
                b' ' | b'+' => pointer_flags = true,
                b'I' => i_flag = true,
                b'0' => zero = true,
                b'-' | b'#' | b'\'' => {}
                _ => break,
            }
            i += 1;
        }
        // The precision, when written (saturating: only "below 6" matters).
        let mut precision: Option<u32> = None;
        while let Some(&b) = fmt.get(i) {
            match b {
                b'0'..=b'9' => {
                    if let Some(p) = precision.as_mut() {
                        *p = p.saturating_mul(10).saturating_add(u32::from(b - b'0'));
                    }
                }
                b'.' => {
                    pointer_flags = true;
                    precision = Some(0);
                }
                b'*' | b'$' => return None,
                _ => break,
            }
            i += 1;
        }
        let before_length = i;
        let (ty, conv, z_length) = printf_parse::length_and_type(fmt, &mut i);
        let q_length = i > before_length && fmt[i - 1] == b'q';
        let dressed_percent = conv == b'%' && i > start;
        if let Some(ty) = ty {
            *types.get_mut(found.nargs)? = ty;
            found.nargs += 1;
        }
        let wide = is_wide(fmt, i, conv);
        // A null narrow `%s` prints "(null)" in musl too, padded alike,
        // unless a precision below 6 cuts it (glibc then prints nothing).
        // glibc's parser types `%ls` as `PA_STRING` too, but musl reads
        // it as a wide string, through the null pointer.
        let plain_string = conv == b's' && !wide && precision.is_none_or(|p| p >= 6);
        if i_flag
            || z_length
            || q_length
            || dressed_percent
            || conv == b'm'
            || (conv == b'p' && pointer_flags)
            || (zero && wide)
        {
            found.need = Need::Rewrite;
        } else if matches!(conv, b'p' | b's' | b'S') && !plain_string {
            found.need = found.need.max(Need::IfNull);
        }
        found.writes_count |= conv == b'n';
        if conv == 0 {
            break;
        }
        i += 1;
    }
    Some(found)
}

/// Whether the conversion `conv` at `fmt[at]` prints a wide string or
/// character: `%S`, `%C`, or `%s`/`%c` after an `l` (musl and glibc read
/// `%lls` as `%ls`).
fn is_wide(fmt: &[u8], at: usize, conv: u8) -> bool {
    match conv {
        b'S' | b'C' => true,
        b's' | b'c' => at.checked_sub(1).and_then(|j| fmt.get(j)) == Some(&b'l'),
        _ => false,
    }
}

/// Whether some string or pointer argument (not a `%n` target) is null.
fn any_null(types: &[c_int], values: &[u64]) -> bool {
    use printf_parse::{PA_FLAG_PTR, PA_POINTER, PA_STRING, PA_WSTRING};
    types
        .iter()
        .zip(values)
        .any(|(&t, &v)| v == 0 && t & PA_FLAG_PTR == 0 && matches!(t & 0xff, PA_STRING | PA_WSTRING | PA_POINTER))
}

/// What glibc prints for a conversion the shim prints itself.
struct Replacement {
    text: Buf<64>,
    /// Spaces to reach the width, and on which side.
    pad: usize,
    left: bool,
}

/// glibc's output for `spec` if musl's would differ, given the argument
/// values (`None`: unknown, so only what needs none is replaced).
fn replacement(spec: &Spec, errnum: c_int, values: Option<&[u64]>) -> Option<Replacement> {
    if !matches!(spec.conv, b'm' | b'p' | b's' | b'S') {
        return None;
    }
    let value = |arg: Option<usize>| values.and_then(|v| v.get(arg?).copied());
    let mut left = spec.left;
    let width = match spec.width_arg {
        Some(_) => {
            // An int: glibc takes a negative one as `-` and its magnitude.
            let w = value(spec.width_arg)? as i64 as c_int;
            left |= w < 0;
            w.unsigned_abs() as usize
        }
        None => usize::try_from(spec.width).ok()?,
    };
    let prec = match spec.prec_arg {
        Some(_) => usize::try_from(value(spec.prec_arg)? as i64 as c_int).ok(),
        None => match spec.prec {
            Some(p) => Some(usize::try_from(p).ok()?),
            None => None,
        },
    };
    let mut text = Buf::<64>::new();
    match spec.conv {
        b'm' if spec.alt => {
            // glibc 2.35's `%#m`: the name, or the number without one.
            // The precision cuts the name, not the number.
            match usize::try_from(errnum).ok().and_then(|e| crate::string::errlist::NAMES.get(e).copied().flatten()) {
                Some(name) => {
                    let name = name.to_bytes();
                    text.push(&name[..prec.unwrap_or(usize::MAX).min(name.len())]);
                }
                None => {
                    let _ = core::fmt::Write::write_fmt(&mut text, format_args!("{errnum}"));
                }
            }
        }
        b'm' => {
            let mut full = Buf::<64>::new();
            crate::string::strerror::describe(errnum, &mut full);
            let full = full.as_bytes();
            text.push(&full[..prec.unwrap_or(usize::MAX).min(full.len())]);
        }
        b'p' if value(spec.data_arg)? == 0 => text.push(b"(nil)"),
        // glibc prints a pointer as `%#lx` with the conversion's flags:
        // musl's `%p` ignores `+` and space and takes a precision as 16.
        b'p' if prec.is_some() || spec.plus || spec.space => {
            let mut digits = Buf::<24>::new();
            let _ = core::fmt::Write::write_fmt(&mut digits, format_args!("{:x}", value(spec.data_arg)?));
            let digits = digits.as_bytes();
            let sign: &[u8] = if spec.plus {
                b"+"
            } else if spec.space {
                b" "
            } else {
                b""
            };
            let mut zeros = prec.unwrap_or(0).saturating_sub(digits.len());
            if spec.zero && prec.is_none() && !left {
                zeros = width.saturating_sub(sign.len() + 2 + digits.len());
            }
            if sign.len() + 2 + zeros + digits.len() >= 64 {
                return None;
            }
            text.push(sign);
            text.push(b"0x");
            (0..zeros).for_each(|_| text.push(b"0"));
            text.push(digits);
        }
        b's' | b'S' if value(spec.data_arg)? == 0 => {
            if prec.is_none_or(|p| p >= 6) {
                text.push(b"(null)");
            }
        }
        _ => return None,
    }
    let pad = width.saturating_sub(text.as_bytes().len());
    Some(Replacement { text, pad, left })
}

/// Writes `fmt` rewritten (see the module docs) into `out`, NUL-terminated,
/// for a call with errno `errnum` and the argument values `values` (`None`:
/// unknown); `None` if nothing needed rewriting or the result does not fit.
pub fn rewrite(fmt: &[u8], errnum: c_int, values: Option<&[u64]>, out: &mut [u8]) -> Option<usize> {
    rewrite_units(fmt, fmt, errnum, values, out)
}

/// [`rewrite`] for a format of any code unit (`char`, `wchar_t`): `units`
/// is the format, `fmt` the same format one byte a unit (non-ASCII units
/// as 0x80), which the parser reads.
pub fn rewrite_units<T: Copy + From<u8>>(
    units: &[T],
    fmt: &[u8],
    errnum: c_int,
    values: Option<&[u64]>,
    out: &mut [T],
) -> Option<usize> {
    let (mut positional, mut sequential) = (false, false);
    for spec in Specs::new(fmt) {
        if spec.positional {
            positional = true;
        } else if spec.data_arg.is_some() || spec.width_arg.is_some() || spec.prec_arg.is_some() {
            sequential = true;
        }
    }
    // musl refuses a mix; nothing is replaced that needs a value.
    let values = if positional && sequential { None } else { values };
    // With `%N$`: the arguments the conversions left to musl name (1 bit
    // each; beyond 128, musl's limit of 9 refuses the format anyway).
    let mut named_by_kept: u128 = 0;
    if positional {
        for spec in Specs::new(fmt) {
            if replacement(&spec, errnum, values).is_none() {
                for arg in [spec.width_arg, spec.prec_arg, spec.data_arg].into_iter().flatten() {
                    named_by_kept |= 1u128.checked_shl(arg as u32).unwrap_or(0);
                }
            }
        }
    }
    let mut w = Writer { out, len: 0 };
    debug_assert_eq!(units.len(), fmt.len());
    let mut changed = false;
    let mut copied = 0;
    for spec in Specs::new(fmt) {
        w.copy(&units[copied..spec.start])?;
        copied = spec.end;
        let Some(r) = replacement(&spec, errnum, values) else {
            let conv_at = if spec.conv == 0 { spec.end } else { spec.end - 1 };
            let drop_zero = spec.zero && is_wide(fmt, conv_at, spec.conv);
            if spec.conv == b'%' && spec.end - spec.start > 2 {
                // glibc ignores what dresses a `%%`; musl refuses it.
                w.extend(b"%%")?;
                changed = true;
                continue;
            }
            let q_length = fmt[spec.start..conv_at].contains(&b'q');
            changed |= spec.i_flag || spec.z_length || drop_zero || q_length;
            // The flags run from after the `%` (and `N$`) to the first
            // byte that is no flag: only a `0` there is the flag.
            let mut in_flags = !spec.positional;
            w.push_unit(units[spec.start])?;
            for (&b, &unit) in fmt[spec.start + 1..conv_at].iter().zip(&units[spec.start + 1..conv_at]) {
                if b == b'$' && spec.positional && !in_flags {
                    in_flags = true;
                } else if in_flags && !matches!(b, b' ' | b'+' | b'-' | b'#' | b'0' | b'\'' | b'I') {
                    in_flags = false;
                }
                match b {
                    b'I' => {}
                    b'Z' => w.push(b'z')?,
                    // glibc reads a positional `%N$qd` as an int (its
                    // parser types `q` as PA_INT on LP64), a plain one as
                    // long long.
                    b'q' if spec.positional => {}
                    b'q' => w.extend(b"ll")?,
                    b'0' if in_flags && drop_zero => {}
                    _ => w.push_unit(unit)?,
                }
            }
            w.copy(&units[conv_at..spec.end])?;
            continue;
        };
        changed = true;
        // The `*` arguments are consumed, unprinted.
        for arg in [spec.width_arg, spec.prec_arg].into_iter().flatten() {
            if !positional {
                w.extend(b"%.0s")?;
            } else if named_by_kept & 1u128.checked_shl(arg as u32).unwrap_or(0) == 0 {
                w.consume(Some(arg), 0)?;
            }
        }
        let consumer = spec.data_arg.map(|arg| (positional.then_some(arg), r.pad));
        if !r.left {
            match consumer {
                Some((arg, pad)) => w.consume(arg, pad)?,
                None => w.fill(b' ', r.pad)?,
            }
        }
        w.literal(r.text.as_bytes())?;
        if r.left {
            match consumer {
                Some((arg, pad)) => w.consume(arg, pad)?,
                None => w.fill(b' ', r.pad)?,
            }
        }
    }
    w.copy(&units[copied..])?;
    w.push(0)?;
    changed.then_some(w.len)
}

struct Writer<'a, T> {
    out: &'a mut [T],
    len: usize,
}

impl<T: Copy + From<u8>> Writer<'_, T> {
    /// Past the end of `out` it only counts: the caller sees a length
    /// above `out.len()` and retries with room for it.
    fn push_unit(&mut self, unit: T) -> Option<()> {
        if let Some(slot) = self.out.get_mut(self.len) {
            *slot = unit;
        }
        self.len += 1;
        Some(())
    }

    fn push(&mut self, b: u8) -> Option<()> {
        self.push_unit(T::from(b))
    }

    fn copy(&mut self, units: &[T]) -> Option<()> {
        units.iter().try_for_each(|&u| self.push_unit(u))
    }

    fn extend(&mut self, bytes: &[u8]) -> Option<()> {
        bytes.iter().try_for_each(|&b| self.push(b))
    }

    fn fill(&mut self, b: u8, n: usize) -> Option<()> {
        (0..n).try_for_each(|_| self.push(b))
    }

    /// Text printed as is: `%` doubled.
    fn literal(&mut self, text: &[u8]) -> Option<()> {
        text.iter().try_for_each(|&b| if b == b'%' { self.extend(b"%%") } else { self.push(b) })
    }

    fn number(&mut self, n: usize) -> Option<()> {
        let mut digits = Buf::<24>::new();
        let _ = core::fmt::Write::write_fmt(&mut digits, format_args!("{n}"));
        self.extend(digits.as_bytes())
    }

    /// `%[N$][pad].0s`: consumes one argument (the 0-based `arg` when
    /// positional) and prints `pad` spaces.
    fn consume(&mut self, arg: Option<usize>, pad: usize) -> Option<()> {
        self.push(b'%')?;
        if let Some(arg) = arg {
            self.number(arg + 1)?;
            self.push(b'$')?;
        }
        if pad > 0 {
            self.number(pad)?;
        }
        self.extend(b".0s")
    }
}

#[cfg(test)]
mod tests {
    use super::{Need, needs_rewrite, printf_parse, rewrite, survey};

    #[test]
    fn survey_agrees_with_the_separate_scans() {
        for fmt in [
            "%d %s",
            "%5.2f|%-8s|%p",
            "%lld %hhd %hd %Lf %zu %jd %td",
            "%c%C%S%ls%n%%%m",
            "plain",
            "%'d %I5d %#x %+.3e",
            "%",
            "%l",
            "%5",
            "%.",
            "%y %d",
            "%lc %lls",
            "%.3p",
            "%+p %s",
            "% p",
            "%Zd",
            "%5n",
            "%lln %s",
            "%%n %%s",
            "%-08.3s|%0p",
            "%a%A%g%G%E%F",
        ] {
            let mut all = [-1; 16];
            let n = printf_parse::parse(fmt.as_bytes(), &mut all);
            let mut few = [-1; 16];
            let s = survey(fmt.as_bytes(), &mut few).unwrap_or_else(|| panic!("{fmt}"));
            assert_eq!(s.nargs, n, "{fmt}");
            assert_eq!(few[..n], all[..n], "{fmt}");
            // Only a narrow %s without a precision below 6 may need less.
            let full = needs_rewrite(fmt.as_bytes());
            assert!(s.need == full || (s.need < full && fmt.contains('s')), "{fmt}");
            assert_eq!(s.writes_count, crate::stdio::format::scan(fmt.as_bytes()).writes_count, "{fmt}");
        }
        let mut t = [0; 2];
        for fmt in ["%*d", "%.*s", "%1$d", "%2$s %1$d", "%d%d%d"] {
            assert!(survey(fmt.as_bytes(), &mut t).is_none(), "{fmt}");
        }
    }

    fn run(fmt: &str, errnum: i32, values: Option<&[u64]>) -> Option<String> {
        let mut out = [0u8; 256];
        let n = rewrite(fmt.as_bytes(), errnum, values, &mut out)?;
        Some(String::from_utf8(out[..n - 1].to_vec()).unwrap())
    }

    #[test]
    fn rewrites_glibc_extensions() {
        assert_eq!(run("a %m b", 25, None).as_deref(), Some("a Inappropriate ioctl for device b"));
        assert_eq!(run("[%10.3m|%-6m]", 2, None).as_deref(), Some("[       No |No such file or directory]"));
        assert_eq!(run("%m", 1234, None).as_deref(), Some("Unknown error 1234"));
        assert_eq!(run("%Zu %Id %2$s 100%%", 0, None).as_deref(), Some("%zu %d %2$s 100%%"));
        assert_eq!(run("%d %s", 0, None), None);
        assert_eq!(run("%*m", 2, None), None);
        assert_eq!(
            run("%*m|%-*.*m", 2, Some(&[12, 5, 2])).as_deref(),
            Some("%.0sNo such file or directory|%.0s%.0sNo   ")
        );
    }

    #[test]
    fn rewrites_null_pointers_and_strings() {
        assert_eq!(run("%d %s", 0, Some(&[1, 8])), None);
        assert_eq!(
            run("%d [%10p|%-8p] %s%%", 0, Some(&[1, 0, 0, 7])).as_deref(),
            Some("%d [%5.0s(nil)|(nil)%3.0s] %s%%")
        );
        assert_eq!(
            run("[%s|%.5s|%8.3s|%-*s]", 0, Some(&[0, 0, 0, 0, 0])).as_deref(),
            Some("[%.0s(null)|%.0s|%8.0s|%.0s(null)%.0s]")
        );
        assert_eq!(run("%2$p %1$*3$s %3$d", 0, Some(&[0, 0, 9])).as_deref(), Some("%2$.0s(nil) %1$3.0s(null) %3$d"));
        assert_eq!(run("%2$p %1$*3$s", 0, Some(&[0, 0, 9])).as_deref(), Some("%2$.0s(nil) %3$.0s%1$3.0s(null)"));
        assert_eq!(run("%1$p %s", 0, Some(&[0, 0])), None);
    }

    #[test]
    fn rewrites_wide_formats() {
        let wide: Vec<i32> = "\u{e9} %p|%-7s|%m %d".chars().map(|c| c as i32).collect();
        let bytes: Vec<u8> = wide.iter().map(|&u| u8::try_from(u).ok().filter(u8::is_ascii).unwrap_or(0x80)).collect();
        let mut out = [0i32; 64];
        let n = super::rewrite_units(&wide, &bytes, 2, Some(&[0, 0, 5]), &mut out).unwrap();
        let text: String = out[..n - 1].iter().map(|&u| char::from_u32(u as u32).unwrap()).collect();
        assert_eq!(text, "\u{e9} %.0s(nil)|(null)%1.0s|No such file or directory %d");
    }

    #[test]
    fn scans_cheaply() {
        assert_eq!(needs_rewrite(b"%d %5.2f %% %lx %zu\n"), Need::Nothing);
        assert_eq!(needs_rewrite(b"%-10s"), Need::IfNull);
        assert_eq!(needs_rewrite(b"%2$p %d"), Need::IfNull);
        assert_eq!(needs_rewrite(b"%s %+p"), Need::Rewrite);
        assert_eq!(needs_rewrite(b"%Zu"), Need::Rewrite);
        assert_eq!(needs_rewrite(b"%'Id"), Need::Rewrite);
        assert_eq!(needs_rewrite(b"%s %m"), Need::Rewrite);
        assert_eq!(needs_rewrite(b"spam %d"), Need::Nothing);
    }

    #[test]
    fn counts_what_does_not_fit() {
        let mut out = [0u8; 8];
        assert_eq!(rewrite(b"%m and more", 2, None, &mut out), Some("No such file or directory and more".len() + 1));
    }

    #[test]
    fn drops_the_zero_flag_of_wide_strings_and_characters() {
        assert_eq!(
            run("[%080ls|%05lc|%-05C|%03S|%05s|%1$05ls]", 0, Some(&[1, 2, 3, 4, 5])).as_deref(),
            Some("[%80ls|%5lc|%-5C|%3S|%05s|%1$5ls]")
        );
        assert_eq!(needs_rewrite(b"%05ls"), Need::Rewrite);
        assert_eq!(needs_rewrite(b"%05s %ls"), Need::IfNull);
        let mut t = [0; 4];
        assert_eq!(survey(b"%ls", &mut t).unwrap().need, Need::IfNull);
        assert_eq!(survey(b"%05C", &mut t).unwrap().need, Need::Rewrite);
    }
}
