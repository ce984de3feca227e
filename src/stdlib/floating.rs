//! The checks behind the floating-point fronts in `floating.c`: glibc's
//! strfrom format grammar (`stdlib/strfrom-skeleton.c`), glibc's `%a`
//! layout, and the rounding-mode rule glibc's parsers and printf share
//! (`round_away`, `include/rounding-mode.h`).

use core::ffi::{CStr, c_char, c_int};

/// What a strfrom format asks for: its conversion letter and precision
/// (`None` when absent or too large for an `int`, which glibc reads as
/// absent), or `None` when glibc aborts on it.
pub fn strfrom_spec(format: &[u8]) -> Option<(u8, Option<c_int>)> {
    let rest = format.strip_prefix(b"%")?;
    let (precision, rest) = match rest.strip_prefix(b".") {
        Some(after) => {
            let digits = after.iter().take_while(|b| b.is_ascii_digit()).count();
            let value = after[..digits]
                .iter()
                .try_fold(0 as c_int, |n, &d| n.checked_mul(10)?.checked_add(c_int::from(d - b'0')));
            (if digits == 0 { Some(0) } else { value }, &after[digits..])
        }
        None => (None, rest),
    };
    // What follows the conversion letter is ignored, as glibc ignores it.
    let conv = *rest.first()?;
    b"aAeEfFgG".contains(&conv).then_some((conv, precision))
}

/// The conversion letter of a strfrom format and its precision (-1 for
/// none); aborts on any other format, as glibc's `strfromd` does.
///
/// # Safety
/// `format` is a NUL-terminated string; `precision` is writable.
#[export(local)]
pub unsafe extern "C" fn __gcompat_strfrom_spec(format: *const c_char, precision: *mut c_int) -> c_char {
    // SAFETY: `format` is NUL-terminated (caller).
    let format = unsafe { CStr::from_ptr(format) }.to_bytes();
    let Some((conv, given)) = strfrom_spec(format) else {
        // SAFETY: abort takes no arguments and does not return.
        unsafe { libc::abort() }
    };
    // SAFETY: writable (caller).
    unsafe { *precision = given.unwrap_or(-1) };
    conv as c_char
}

/// The C library's current rounding direction, as `fegetround()` reports
/// it: on x86_64 `FE_TONEAREST` 0, `FE_DOWNWARD` 0x400, `FE_UPWARD` 0x800,
/// `FE_TOWARDZERO` 0xc00; on aarch64 FPCR's RMode bits, 0, 0x800000,
/// 0x400000, 0xc00000. The C fronts read it and pass it in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    Nearest,
    Down,
    Up,
    TowardZero,
}

impl Rounding {
    #[cfg(not(target_arch = "aarch64"))]
    pub fn from_fenv(mode: c_int) -> Self {
        match mode & 0xc00 {
            0x400 => Self::Down,
            0x800 => Self::Up,
            0xc00 => Self::TowardZero,
            _ => Self::Nearest,
        }
    }

    #[cfg(target_arch = "aarch64")]
    pub fn from_fenv(mode: c_int) -> Self {
        match mode & 0xc0_0000 {
            0x80_0000 => Self::Down,
            0x40_0000 => Self::Up,
            0xc0_0000 => Self::TowardZero,
            _ => Self::Nearest,
        }
    }
}

/// glibc's `round_away`: whether a value cut after some digit rounds away
/// from zero, given its sign, whether the last kept digit is odd, whether
/// the first dropped digit is at least half (`half`) and whether anything
/// below half is nonzero (`more`).
pub fn round_away(negative: bool, odd: bool, half: bool, more: bool, mode: Rounding) -> bool {
    match mode {
        Rounding::Nearest => half && (odd || more),
        Rounding::Up => !negative && (half || more),
        Rounding::Down => negative && (half || more),
        Rounding::TowardZero => false,
    }
}

#[cfg(test)]
mod tests {
    use super::strfrom_spec;

    #[test]
    fn glibc_grammar() {
        assert_eq!(strfrom_spec(b"%g"), Some((b'g', None)));
        assert_eq!(strfrom_spec(b"%.3f"), Some((b'f', Some(3))));
        assert_eq!(strfrom_spec(b"%.e"), Some((b'e', Some(0))));
        assert_eq!(strfrom_spec(b"%.99999999999g"), Some((b'g', None)));
        assert_eq!(strfrom_spec(b"%gxyz"), Some((b'g', None)));
        assert_eq!(strfrom_spec(b"g"), None);
        assert_eq!(strfrom_spec(b"%5g"), None);
        assert_eq!(strfrom_spec(b"%d"), None);
        assert_eq!(strfrom_spec(b"%"), None);
    }
}

/// A finite binary float as glibc's `%a` (`stdio-common/printf_fphex.c`)
/// lays it out: a leading hex digit, the fraction's hex digits, and a
/// binary exponent.
pub struct HexParts {
    pub negative: bool,
    pub leading: u8,
    /// Digit values (0..=15) after the point, most significant first.
    pub digits: [u8; 28],
    pub ndigits: usize,
    pub exponent: i32,
}

impl HexParts {
    /// A `double` from its bits: leading 1 (0 for zero and subnormals,
    /// whose exponent glibc prints as -1022 rather than normalizing).
    pub fn double(bits: u64) -> Self {
        let biased = ((bits >> 52) & 0x7ff) as i32;
        let mantissa = bits & ((1 << 52) - 1);
        let exponent = match (biased, mantissa) {
            (0, 0) => 0,
            (0, _) => -1022,
            _ => biased - 1023,
        };
        Self::from_mantissa(bits >> 63 != 0, u8::from(biased != 0), u128::from(mantissa) << 76, 13, exponent)
    }

    /// An x87 80-bit `long double` from its 64-bit mantissa (explicit
    /// integer bit) and sign/exponent word: glibc prints the mantissa's top
    /// nibble as the leading digit (3.25 is `0xdp-2`).
    pub fn x87(mantissa: u64, sign_exponent: u16) -> Self {
        let biased = i32::from(sign_exponent & 0x7fff);
        let exponent = match (biased, mantissa) {
            (0, 0) => 0,
            (0, _) => -(16382 + 3),
            _ => biased - (16383 + 3),
        };
        Self::from_mantissa(sign_exponent >> 15 != 0, (mantissa >> 60) as u8, u128::from(mantissa) << 68, 15, exponent)
    }

    /// An IEEE binary128 (`_Float128`) from its bits: leading 1 (0 for zero
    /// and subnormals, printed with exponent -16382), 28 fraction digits.
    pub fn binary128(bits: u128) -> Self {
        let biased = ((bits >> 112) & 0x7fff) as i32;
        let fraction = bits & ((1 << 112) - 1);
        let exponent = match (biased, fraction) {
            (0, 0) => 0,
            (0, _) => -16382,
            _ => biased - 16383,
        };
        Self::from_mantissa(bits >> 127 != 0, u8::from(biased != 0), fraction << 16, 28, exponent)
    }

    /// `ndigits` hex digits from the top of `fraction`.
    fn from_mantissa(negative: bool, leading: u8, fraction: u128, ndigits: usize, exponent: i32) -> Self {
        let mut digits = [0u8; 28];
        for (i, d) in digits.iter_mut().take(ndigits).enumerate() {
            *d = ((fraction >> (124 - 4 * i)) & 0xf) as u8;
        }
        Self { negative, leading, digits, ndigits, exponent }
    }

    /// glibc's `%a` text for `precision` (`None`: as many digits as the
    /// value needs), rounding in the current direction `mode` as glibc's
    /// `printf_fphex.c` does.
    pub fn write(mut self, precision: Option<usize>, upper: bool, mode: Rounding, out: &mut impl FnMut(u8)) {
        let mut used = self.digits[..self.ndigits].iter().rposition(|&d| d != 0).map_or(0, |p| p + 1);
        if let Some(p) = precision.filter(|&p| p < used) {
            let last = if p > 0 { self.digits[p - 1] } else { self.leading };
            let next = self.digits[p];
            let more = next & 7 != 0 || p + 1 < used;
            if round_away(self.negative, last & 1 != 0, next >= 8, more, mode) {
                let mut carry = true;
                for d in self.digits[..p].iter_mut().rev() {
                    if *d < 15 {
                        *d += 1;
                        carry = false;
                        break;
                    }
                    *d = 0;
                }
                if carry {
                    if self.leading < 15 {
                        self.leading += 1;
                    } else {
                        self.leading = 1;
                        self.exponent += 4;
                    }
                }
            }
            used = p;
        }
        let precision = precision.unwrap_or(used);
        let hex = |d: u8| match (d, upper) {
            (0..=9, _) => b'0' + d,
            (_, false) => b'a' + d - 10,
            (_, true) => b'A' + d - 10,
        };
        if self.negative {
            out(b'-');
        }
        out(b'0');
        out(if upper { b'X' } else { b'x' });
        out(hex(self.leading));
        if precision > 0 {
            out(b'.');
        }
        for i in 0..precision {
            out(if i < used { hex(self.digits[i]) } else { b'0' });
        }
        out(if upper { b'P' } else { b'p' });
        out(if self.exponent < 0 { b'-' } else { b'+' });
        let mut text = crate::abi::cstr::Buf::<12>::new();
        let _ = core::fmt::Write::write_fmt(&mut text, format_args!("{}", self.exponent.unsigned_abs()));
        text.as_bytes().iter().for_each(|&b| out(b));
    }
}

/// Runs `write` with a byte sink over the C buffer `str` of `n` bytes,
/// filled as snprintf fills it (truncated, NUL-terminated when `n > 0`);
/// returns the full length, as the strfrom family does.
///
/// # Safety
/// `str` is writable for `n` bytes (or `n` is 0).
pub unsafe fn fill_c_buffer(str: *mut c_char, n: usize, write: impl FnOnce(&mut dyn FnMut(u8))) -> c_int {
    let dst: &mut [u8] = if n == 0 || str.is_null() {
        &mut []
    } else {
        // SAFETY: writable for `n` bytes (caller).
        unsafe { core::slice::from_raw_parts_mut(str.cast::<u8>(), n) }
    };
    let mut len = 0usize;
    write(&mut |b| {
        if len + 1 < dst.len() {
            dst[len] = b;
        }
        len += 1;
    });
    if let Some(last) = dst.len().checked_sub(1) {
        dst[len.min(last)] = 0;
    }
    c_int::try_from(len).unwrap_or(c_int::MAX)
}

/// Writes `parts` as glibc's `%a`/`%A` into `str` (`n` bytes, truncated and
/// terminated as snprintf does); returns the full length.
///
/// # Safety
/// `str` is writable for `n` bytes (or `n` is 0).
pub unsafe fn write_hex(
    str: *mut c_char,
    n: usize,
    parts: HexParts,
    precision: c_int,
    conv: c_char,
    mode: c_int,
) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe {
        fill_c_buffer(str, n, |out| {
            parts.write(usize::try_from(precision).ok(), conv as u8 == b'A', Rounding::from_fenv(mode), &mut |b| out(b))
        })
    }
}

/// `strfromd`'s `%a`/`%A` for a finite `double` given by its bits, rounded
/// in the direction `mode` (`fegetround()`).
///
/// # Safety
/// `str` is writable for `n` bytes (or `n` is 0).
#[export(local)]
pub unsafe extern "C" fn __gcompat_strfrom_hex_double(
    str: *mut c_char,
    n: usize,
    bits: u64,
    precision: c_int,
    conv: c_char,
    mode: c_int,
) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { write_hex(str, n, HexParts::double(bits), precision, conv, mode) }
}

/// `strfroml`'s `%a`/`%A` for a finite x87 `long double`, rounded in the
/// direction `mode` (`fegetround()`).
///
/// # Safety
/// `str` is writable for `n` bytes (or `n` is 0).
#[export(local)]
pub unsafe extern "C" fn __gcompat_strfrom_hex_x87(
    str: *mut c_char,
    n: usize,
    mantissa: u64,
    sign_exponent: u16,
    precision: c_int,
    conv: c_char,
    mode: c_int,
) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { write_hex(str, n, HexParts::x87(mantissa, sign_exponent), precision, conv, mode) }
}

#[cfg(test)]
mod hex_tests {
    use super::{HexParts, Rounding};

    fn text(parts: HexParts, precision: Option<usize>) -> String {
        let mut s = Vec::new();
        parts.write(precision, false, Rounding::Nearest, &mut |b| s.push(b));
        String::from_utf8(s).unwrap()
    }

    #[test]
    fn glibc_layouts() {
        assert_eq!(text(HexParts::double(1.0f64.to_bits()), None), "0x1p+0");
        assert_eq!(text(HexParts::double(0.0f64.to_bits()), Some(2)), "0x0.00p+0");
        assert_eq!(text(HexParts::double((-2.5e-310f64).to_bits()), None), "-0x0.02e055c9a3f6cp-1022");
        assert_eq!(text(HexParts::double((1.0f64 / 3.0).to_bits()), Some(0)), "0x1p-2");
        assert_eq!(text(HexParts::double(1.5f64.to_bits()), Some(0)), "0x2p+0");
        assert_eq!(text(HexParts::x87(0xd000_0000_0000_0000, 16384), None), "0xdp-2");
        assert_eq!(text(HexParts::x87(0xf800_0000_0000_0000, 16383), Some(0)), "0x1p+1");
        let third = 0x3ffd_5555_5555_5555_5555_5555_5555_5555u128;
        assert_eq!(text(HexParts::binary128(third), None), "0x1.5555555555555555555555555555p-2");
        assert_eq!(text(HexParts::binary128(third), Some(3)), "0x1.555p-2");
        assert_eq!(text(HexParts::binary128(2), None), "0x0.0000000000000000000000000002p-16382");
        assert_eq!(text(HexParts::binary128(0x3fff_ffff << 96), Some(0)), "0x2p+0");
    }

    #[test]
    fn hex_rounding_follows_the_mode() {
        let mut s = Vec::new();
        let parts = HexParts::double((-1.0f64 / 3.0).to_bits());
        parts.write(Some(1), false, Rounding::Down, &mut |b| s.push(b));
        assert_eq!(s, b"-0x1.6p-2");
        let mut s = Vec::new();
        let parts = HexParts::double((1.0f64 / 3.0).to_bits());
        parts.write(Some(1), false, Rounding::Up, &mut |b| s.push(b));
        assert_eq!(s, b"0x1.6p-2");
    }
}
