//! Parsing binary128 (`strtof128`): one scanner, exact rounding.
//!
//! [`parse`] reads units through `at(i)` (bytes or `wchar_t`s widened to
//! `u32`), so the narrow and wide functions share one grammar, glibc's
//! `strtod_l.c` in the C locale: leading space, a sign, then `inf` /
//! `infinity` / `nan` / `nan(n-char-sequence)` (case-insensitive), or a
//! decimal significand with an optional `e` exponent, or `0x` with a hex
//! significand and an optional `p` exponent. Its corner cases, as glibc
//! has them: `"0x"` not followed by a hex digit (or by `.` and a hex digit)
//! is the `0` alone; an exponent marker without digits is not consumed;
//! `"1."` consumes the point; `nan(...)` with anything but letters, digits
//! and `_` before the `)` is `nan` alone, and its payload is the sequence
//! read as `strtoull(s, &end, 0)` when that reads all of it (the low 64
//! fraction bits, kept quiet; overflow gives `ULLONG_MAX`, errno is kept).
//! Where glibc 2.36 and 2.41 differ (those two corners, see `pack` and
//! `nan_payload`), this follows 2.41.
//!
//! The value is rounded exactly, in the rounding direction the caller's
//! `fegetround()` gives, as glibc's `round_and_return` does:
//!
//! - Hex: the first 31 significant hex digits (at least 121 bits) are
//!   kept in a `u128`; later nonzero digits only set a sticky bit. 121 bits
//!   are more than the 113 + 1 needed, so rounding the kept bits with the
//!   sticky bit is rounding the exact value.
//! - Decimal: the significand `D` (its first [`MAX_DIGITS`] significant
//!   digits; the rest again only a sticky bit) and exponent `E` give the
//!   value `D * 10^E`. Truncating the digits is exact: every number the
//!   rounding decision compares against (a representable value, or a
//!   midpoint between two, `(2m+1) * 2^k` with `2m+1 < 2^114` and
//!   `k >= -16495`) has at most 11564 significant decimal digits, fewer
//!   than [`MAX_DIGITS`], so none lies strictly between the truncated
//!   value and the truncated value plus one unit of its last digit.
//!   With `E >= 0`, `D * 10^E` is an integer (below `10^4934` or it
//!   overflows) whose top 128 bits and a sticky bit are read off. With
//!   `E < 0`, `D / 10^-E = (D / 5^-E) * 2^E`: a long division of big
//!   integers gives 126 bits of `D / 5^-E`, and a nonzero remainder is the
//!   sticky bit. Inputs far outside the range (`D * 10^E >= 10^4933` or
//!   `< 10^-4967`) overflow or underflow without that work.
//! - `pack` rounds `sig * 2^exp` (+ sticky) to 113 bits, or to the
//!   subnormal grid below `2^-16382`, in the current direction: overflow
//!   gives infinity or the largest finite value by direction, with
//!   `ERANGE`; a result that is tiny after rounding (x86's tininess rule,
//!   glibc's `TININESS_AFTER_ROUNDING`) and inexact sets `ERANGE`. It also
//!   reports the exceptions glibc's computation raises (inexact,
//!   underflow, overflow), which the C front raises with `feraiseexcept`.

use super::big::{Big, quotient};
use super::binary128::{
    BIAS, EXP_SPECIAL, FRACTION_BITS, FRACTION_MASK, INFINITY, MAX_FINITE, MIN_NORMAL_EXP, QUIET_NAN, SIGN,
    SUBNORMAL_LSB,
};
use crate::stdlib::floating::{Rounding, round_away};
use core::ffi::c_int;

/// Significant decimal digits of a parsed significand that are kept
/// exactly (see the module documentation: more than 11564).
pub const MAX_DIGITS: usize = 11_700;

/// x86_64's exception bits (`<fenv.h>`), as the C front raises them.
pub const FE_OVERFLOW: c_int = 0x08;
pub const FE_UNDERFLOW: c_int = 0x10;
pub const FE_INEXACT: c_int = 0x20;

/// A parse's outcome: the value's bits, whether glibc sets `ERANGE`, the
/// floating-point exceptions glibc raises, and the end offset (0 when
/// nothing was converted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parsed {
    pub bits: u128,
    pub range_error: bool,
    pub raised: c_int,
    pub end: usize,
}

impl Parsed {
    fn exact(bits: u128) -> Self {
        Self { bits, range_error: false, raised: 0, end: 0 }
    }
}

/// Overflow: infinity, or the largest finite value when the direction
/// rounds toward zero for this sign, with `ERANGE`.
fn overflow(negative: bool, mode: Rounding) -> Parsed {
    let to_infinity = match mode {
        Rounding::Nearest => true,
        Rounding::Up => !negative,
        Rounding::Down => negative,
        Rounding::TowardZero => false,
    };
    let magnitude = if to_infinity { INFINITY } else { MAX_FINITE };
    Parsed {
        bits: magnitude | if negative { SIGN } else { 0 },
        range_error: true,
        raised: FE_OVERFLOW | FE_INEXACT,
        end: 0,
    }
}

/// `sig * 2^exp` (plus less than `2^exp` more when `sticky`) in units of
/// `2^lsb`: the whole units, the half bit below them, and whether anything
/// below the half bit is nonzero.
fn cut(sig: u128, exp: i64, lsb: i64, sticky: bool) -> (u128, bool, bool) {
    if lsb <= exp {
        return (sig << (exp - lsb), false, sticky);
    }
    let drop = (lsb - exp) as u64;
    if drop > 128 {
        return (0, false, sig != 0 || sticky);
    }
    let kept = if drop == 128 { 0 } else { sig >> drop };
    let half = (sig >> (drop - 1)) & 1 != 0;
    let below = drop > 1 && sig & ((1u128 << (drop - 1)) - 1) != 0;
    (kept, half, below || sticky)
}

/// The binary128 nearest (in direction `mode`) to `sig * 2^exp`, where
/// `sticky` says the exact value is a little more than that. `sig` is
/// nonzero; when `sticky`, it has at least 114 bits or the value is far
/// below the subnormal range.
///
/// glibc before 2.41 rounded hexadecimal input below `2^-16382` without
/// the first bit after the 113 significant ones (`0x1.fffffffffffffffffffffffffffe8p-16383`
/// was exact to it); this is glibc 2.41's exact rounding.
fn pack(negative: bool, sig: u128, exp: i64, sticky: bool, mode: Rounding) -> Parsed {
    let sign = if negative { SIGN } else { 0 };
    let top = exp + 127 - i64::from(sig.leading_zeros());
    if top > BIAS {
        return overflow(negative, mode);
    }
    let lsb = (top - FRACTION_BITS as i64).max(SUBNORMAL_LSB);
    let (mut kept, half, more) = cut(sig, exp, lsb, sticky);
    let inexact = half || more;
    let mut lsb = lsb;
    if round_away(negative, kept & 1 != 0, half, more, mode) {
        kept += 1;
        if kept >> (FRACTION_BITS + 1) != 0 {
            kept >>= 1;
            lsb += 1;
        }
    }
    let bits = if kept >> FRACTION_BITS != 0 {
        let biased = lsb + FRACTION_BITS as i64 + BIAS;
        if biased >= EXP_SPECIAL as i64 {
            return overflow(negative, mode);
        }
        ((biased as u128) << FRACTION_BITS) | (kept & FRACTION_MASK)
    } else {
        // Subnormal or zero: the units are 2^-16494, the field's own.
        kept
    };
    let mut parsed = Parsed::exact(sign | bits);
    if inexact {
        parsed.raised = FE_INEXACT;
        // Tiny after rounding: would the value, rounded to 113 bits with an
        // unbounded exponent, still be below 2^-16382?
        let tiny = top < MIN_NORMAL_EXP
            && (top < MIN_NORMAL_EXP - 1 || {
                let (k, h, m) = cut(sig, exp, top - FRACTION_BITS as i64, sticky);
                let k = k + u128::from(round_away(negative, k & 1 != 0, h, m, mode));
                k >> (FRACTION_BITS + 1) == 0
            });
        if tiny {
            parsed.range_error = true;
            parsed.raised |= FE_UNDERFLOW;
        }
    }
    parsed
}

/// A value too small for any work: rounds to zero or the smallest
/// subnormal by direction, with `ERANGE`.
fn underflow(negative: bool, mode: Rounding) -> Parsed {
    pack(negative, 1, -100_000, true, mode)
}

fn lower(c: u32) -> u32 {
    if (0x41..=0x5a).contains(&c) { c + 0x20 } else { c }
}

fn decimal_digit(c: u32) -> Option<u32> {
    (0x30..=0x39).contains(&c).then(|| c - 0x30)
}

fn hex_digit(c: u32) -> Option<u32> {
    match lower(c) {
        c @ 0x30..=0x39 => Some(c - 0x30),
        c @ 0x61..=0x66 => Some(c - 0x61 + 10),
        _ => None,
    }
}

/// Whether the units from `i` spell `word` (lowercase ASCII), ignoring case.
fn spells(at: &impl Fn(usize) -> u32, i: usize, word: &[u8]) -> bool {
    word.iter().enumerate().all(|(k, &b)| lower(at(i + k)) == u32::from(b))
}

/// The significand being read: hex digits into a `u128`; decimal digits
/// into a `u128` while they fit (38 of them), then into a [`Big`]; digits
/// past the kept ones into a sticky bit.
struct Significand {
    hex: bool,
    /// Hex: the kept bits; decimal: the first 38 digits' value.
    small: u128,
    /// Decimal beyond 38 digits: the kept digits, the last few still in
    /// `chunk`. Made only then: it is 5 KB to clear.
    big: Option<Big>,
    chunk: u64,
    chunk_len: u32,
    digits: usize,
    /// Power of the base (2 for hex) the kept digits are scaled by.
    scale: i64,
    sticky: bool,
}

/// Decimal digits that always fit a `u128` (`10^38 < 2^127`).
const SMALL_DIGITS: usize = 38;

impl Significand {
    fn push(&mut self, d: u32, fraction: bool) {
        if self.hex {
            if self.small == 0 && d == 0 {
                self.scale -= if fraction { 4 } else { 0 };
            } else if self.small >> 120 == 0 {
                self.small = (self.small << 4) | u128::from(d);
                self.scale -= if fraction { 4 } else { 0 };
            } else {
                self.sticky |= d != 0;
                self.scale += if fraction { 0 } else { 4 };
            }
            return;
        }
        if self.digits == 0 && d == 0 {
            self.scale -= i64::from(fraction);
        } else if self.digits < MAX_DIGITS {
            if self.digits < SMALL_DIGITS {
                self.small = self.small * 10 + u128::from(d);
            } else {
                self.chunk = self.chunk * 10 + u64::from(d);
                self.chunk_len += 1;
                if self.chunk_len == 19 {
                    self.flush();
                }
            }
            self.digits += 1;
            self.scale -= i64::from(fraction);
        } else {
            self.sticky |= d != 0;
            self.scale += i64::from(!fraction);
        }
    }

    fn flush(&mut self) {
        if self.chunk_len > 0 {
            let small = self.small;
            let big = self.big.get_or_insert_with(|| Big::from_u128(small));
            big.mul_add(10u64.pow(self.chunk_len), self.chunk);
            self.chunk = 0;
            self.chunk_len = 0;
        }
    }
}

/// `d * 10^e` when that is quick to get exactly from a `d` below `2^127`:
/// as a `u128` product, or (for `-27 <= e < 0`) as 127 or 128 bits of
/// `d / 5^-e` from a 192-by-64-bit division, with the remainder as the
/// sticky bit. Returns the significand, its binary exponent and sticky.
fn small_decimal(d: u128, e: i64) -> Option<(u128, i64, bool)> {
    if e >= 0 {
        let scale = 10u128.checked_pow(u32::try_from(e).ok()?)?;
        return Some((d.checked_mul(scale)?, 0, false));
    }
    let f = u32::try_from(-e).ok().filter(|&f| f <= 27)?;
    let divisor = 5u64.pow(f);
    // d << k has 127 + bits(5^f) bits, so the quotient is in [2^126, 2^128).
    let k = 127 + 64 - divisor.leading_zeros() - (128 - d.leading_zeros());
    let mut num = [0u64; 3];
    for (i, limb) in num.iter_mut().enumerate() {
        let start = 64 * i as i64 - i64::from(k);
        *limb = match start {
            128.. => 0,
            0.. => (d >> start) as u64,
            -63..=-1 => (d << -start) as u64,
            _ => 0,
        };
    }
    let (mut q, mut rem) = (0u128, 0u64);
    for &limb in num.iter().rev() {
        let cur = (u128::from(rem) << 64) | u128::from(limb);
        q = (q << 64) | (cur / u128::from(divisor));
        rem = (cur % u128::from(divisor)) as u64;
    }
    Some((q, -i64::from(k) - i64::from(f), rem != 0))
}

/// The NaN `nan(...)` gives: glibc reads the n-char-sequence from `from`
/// to `to` (exclusive) with `strtoull(s, &end, 0)` and makes the result the
/// payload (the low 64 fraction bits) when that read all of it; an
/// overflowing sequence gives `ULLONG_MAX`. (glibc before 2.41 also left
/// that `strtoull`'s `ERANGE` in errno; 2.41 keeps errno.)
fn nan_payload(at: &impl Fn(usize) -> u32, from: usize, to: usize) -> u128 {
    let mut i = from;
    let mut base = 10;
    if at(i) == 0x30 {
        if lower(at(i + 1)) == 0x78 && i + 2 < to && hex_digit(at(i + 2)).is_some() {
            base = 16;
            i += 2;
        } else {
            base = 8;
        }
    }
    let digits_start = i;
    let mut value = Some(0u64);
    while i < to {
        let Some(d) = hex_digit(at(i)).filter(|&d| d < base) else {
            break;
        };
        value = value.and_then(|v| v.checked_mul(u64::from(base))).and_then(|v| v.checked_add(u64::from(d)));
        i += 1;
    }
    // No digits at all: strtoull's end is its start.
    let end = if i == digits_start { from } else { i };
    if end != to {
        return QUIET_NAN;
    }
    QUIET_NAN | u128::from(value.unwrap_or(u64::MAX))
}

/// Parses a binary128 from `at(0), at(1), ...` (`at` yields 0 at the
/// terminator and is never asked past it) as glibc's `strtof128` does,
/// with `space` as the whitespace class and `mode` the rounding direction.
pub fn parse(at: impl Fn(usize) -> u32, space: impl Fn(u32) -> bool, mode: Rounding) -> Parsed {
    let mut i = 0;
    while space(at(i)) {
        i += 1;
    }
    let negative = at(i) == 0x2d;
    if matches!(at(i), 0x2b | 0x2d) {
        i += 1;
    }
    let sign = if negative { SIGN } else { 0 };
    let c = at(i);
    let number = decimal_digit(c).is_some() || (c == 0x2e && decimal_digit(at(i + 1)).is_some());
    if !number {
        if spells(&at, i, b"inf") {
            let end = if spells(&at, i + 3, b"inity") { i + 8 } else { i + 3 };
            return Parsed { end, ..Parsed::exact(sign | INFINITY) };
        }
        if spells(&at, i, b"nan") {
            let mut end = i + 3;
            let mut bits = QUIET_NAN;
            if at(end) == 0x28 {
                let mut close = end + 1;
                while matches!(at(close), 0x30..=0x39 | 0x41..=0x5a | 0x61..=0x7a | 0x5f) {
                    close += 1;
                }
                if at(close) == 0x29 {
                    bits = nan_payload(&at, end + 1, close);
                    end = close + 1;
                }
            }
            return Parsed { end, ..Parsed::exact(sign | bits) };
        }
        return Parsed::exact(0);
    }

    let hex = c == 0x30 && lower(at(i + 1)) == 0x78;
    if hex {
        i += 2;
    }
    let digit = |c: u32| if hex { hex_digit(c) } else { decimal_digit(c) };
    let start = i;
    while at(i) == 0x30 {
        i += 1;
    }
    let c = at(i);
    let exp_marker = if hex { 0x70 } else { 0x65 };
    let accepted = digit(c).is_some()
        || (c == 0x2e && (!hex || i != start || hex_digit(at(i + 1)).is_some()))
        || (lower(c) == exp_marker && (!hex || i != start));
    if !accepted {
        // Only zeros, or for "0x" not even those: the "0" before the "x".
        let end = if i == start && hex { start - 1 } else { i };
        return Parsed { end, ..Parsed::exact(sign) };
    }

    let mut sig = Significand { hex, small: 0, big: None, chunk: 0, chunk_len: 0, digits: 0, scale: 0, sticky: false };
    while let Some(d) = digit(at(i)) {
        sig.push(d, false);
        i += 1;
    }
    if at(i) == 0x2e {
        i += 1;
        while let Some(d) = digit(at(i)) {
            sig.push(d, true);
            i += 1;
        }
    }
    let mut exponent = 0i64;
    if lower(at(i)) == exp_marker {
        let mut j = i + 1;
        let exp_negative = at(j) == 0x2d;
        if matches!(at(j), 0x2b | 0x2d) {
            j += 1;
        }
        if decimal_digit(at(j)).is_some() {
            while let Some(d) = decimal_digit(at(j)) {
                // Far beyond any range; saturating keeps the sums exact.
                exponent = (exponent * 10 + i64::from(d)).min(1 << 40);
                j += 1;
            }
            if exp_negative {
                exponent = -exponent;
            }
            i = j;
        }
    }
    sig.flush();
    let (small, digits, sticky) = (sig.small, sig.digits, sig.sticky);
    let e = sig.scale + exponent;
    let parsed = if small == 0 {
        Parsed::exact(sign)
    } else if hex {
        pack(negative, small, e, sticky, mode)
    } else if let Some(big) = sig.big.as_mut() {
        decimal(negative, big, digits, e, sticky, mode)
    } else if let Some((q, exp, rest)) = small_decimal(small, e) {
        pack(negative, q, exp, rest, mode)
    } else {
        decimal(negative, &mut Big::from_u128(small), digits, e, sticky, mode)
    };
    Parsed { end: i, ..parsed }
}

/// The binary128 nearest `d * 10^e` (+ sticky), `d` a nonzero integer of
/// `digits` decimal digits.
fn decimal(negative: bool, d: &mut Big, digits: usize, e: i64, sticky: bool, mode: Rounding) -> Parsed {
    let magnitude = digits as i64 + e; // 10^(magnitude-1) <= value < 10^magnitude
    if magnitude > 4933 {
        return overflow(negative, mode);
    }
    if magnitude < -4966 {
        return underflow(negative, mode);
    }
    if e >= 0 {
        d.mul_pow5(e as u64);
        d.shl(e as usize);
        let len = d.bit_len();
        if len <= 128 {
            return pack(negative, d.bits(0, 128), 0, sticky, mode);
        }
        let low = len - 128;
        let rest = d.any_below(low);
        return pack(negative, d.bits(low, 128), low as i64, sticky || rest, mode);
    }
    // d / 10^f = (d / 5^f) * 2^-f: scaled by 2^shift, the quotient of
    // d / 5^f has 125 or 126 bits; a remainder is the sticky bit.
    let f = e.unsigned_abs();
    let mut divisor = Big::from_u128(1);
    divisor.mul_pow5(f);
    let shift = 125 - (d.bit_len() as i64 - divisor.bit_len() as i64);
    if shift >= 0 {
        d.shl(shift as usize);
    } else {
        divisor.shl(shift.unsigned_abs() as usize);
    }
    let mut q = Big::new();
    let rest = quotient(d, &mut divisor, &mut q);
    pack(negative, q.bits(0, 128), -shift - f as i64, sticky || rest, mode)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub fn parse_str(s: &str, mode: Rounding) -> Parsed {
        let b = s.as_bytes();
        parse(|i| b.get(i).copied().map_or(0, u32::from), crate::stdlib::isoc23::is_space, mode)
    }

    pub fn bits(s: &str) -> u128 {
        parse_str(s, Rounding::Nearest).bits
    }

    #[test]
    fn small_path_agrees_with_the_big_one() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for i in 0..2000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let d = (u128::from(state) << 64 | u128::from(state.rotate_left(29))) >> (1 + (state % 127) as u32);
            let d = d.max(1);
            let e = (i % 70) - 35;
            for mode in [Rounding::Nearest, Rounding::Down, Rounding::Up, Rounding::TowardZero] {
                let digits = d.to_string().len();
                let slow = decimal(false, &mut Big::from_u128(d), digits, e, false, mode);
                if let Some((q, exp, rest)) = small_decimal(d, e) {
                    assert_eq!(pack(false, q, exp, rest, mode), slow, "{d}e{e}");
                }
            }
        }
    }

    #[test]
    fn parses_exact_and_rounded_values() {
        assert_eq!(bits("1.5"), 0x3fff_8000_0000_0000_0000_0000_0000_0000);
        assert_eq!(bits("0x1.8p3"), 0x4002_8000_0000_0000_0000_0000_0000_0000);
        assert_eq!(bits("0.1"), 0x3ffb_9999_9999_9999_9999_9999_9999_999a);
        assert_eq!(bits("-0"), SIGN);
        assert_eq!(bits("1e-4966"), 0);
        assert_eq!(bits("1e-4965"), 2);
        assert_eq!(bits("0x1p-16494"), 1);
        assert_eq!(bits("1e4933"), INFINITY);
        assert_eq!(bits("nan(0x123)"), QUIET_NAN | 0x123);
        assert_eq!(bits("-nan(7)"), SIGN | QUIET_NAN | 7);
        assert_eq!(bits("nan(abc)"), QUIET_NAN);
        let p = parse_str("0x1.ffffffffffffffffffffffffffffp-16383", Rounding::Nearest);
        assert_eq!((p.bits, p.range_error), (1 << 112, true));
        let p = parse_str("0x1.ffffffffffffffffffffffffffff8p-16383", Rounding::Nearest);
        assert_eq!((p.bits, p.range_error), (1 << 112, false));
        assert_eq!(parse_str("1e4933", Rounding::TowardZero).bits, MAX_FINITE);
        assert_eq!(parse_str("1e-5000", Rounding::Up).bits, 1);
    }

    #[test]
    fn end_offsets_follow_glibc() {
        let end = |s: &str| parse_str(s, Rounding::Nearest).end;
        assert_eq!(end("0xg"), 1);
        assert_eq!(end("0x."), 1);
        assert_eq!(end("0x0p"), 3);
        assert_eq!(end(".e5"), 0);
        assert_eq!(end("0.e5"), 4);
        assert_eq!(end("  infinityx"), 10);
        assert_eq!(end("infinit"), 3);
        assert_eq!(end("nan("), 3);
        assert_eq!(end("nan(1 )"), 3);
        assert_eq!(end("1e+"), 1);
    }
}
