//! Formatting binary128 (`strfromf128`): exact digits, then one rounding.
//!
//! [`write_text`] rounds exact decimal digits once, as glibc's
//! `printf_fp.c` does: it cuts the digit string at the precision and rounds
//! with glibc's rule (`round_away` with the first dropped digit and whether
//! any later one is nonzero). A finite value is `m * 2^e` with `m` odd, and
//! the digits come from one of two exact sources:
//!
//! - `leading_digits`, when the text needs at most `FAST_DIGITS`
//!   digits (the kept ones and the first dropped one): for an estimate `x`
//!   of the decimal exponent, `floor(m * 2^e * 10^(count - x))` is a
//!   product and a shift, or one long division by a power of five, and its
//!   remainder says whether anything nonzero follows (passed on as a final
//!   digit 1, which rounds exactly as the full tail would). A wrong
//!   estimate shows as one digit too many or too few and is corrected.
//! - `exact_digits` otherwise (`%.50f` of a large value, thousands of
//!   digits): `m << e` when `e >= 0`, else `(m * 5^-e) * 10^e`, converted
//!   to decimal whole, at most 11,563 significant digits.
//!
//! `%a` is glibc's `printf_fphex.c` layout (`floating.rs`,
//! [`HexParts::binary128`]).

use super::big::{Big, power_of_ten, quotient};
use super::binary128::{BIAS, EXP_SPECIAL, FRACTION_BITS, FRACTION_MASK, INFINITY, SIGN, SUBNORMAL_LSB};
use crate::stdlib::floating::{HexParts, Rounding, round_away};
use core::cmp::Ordering;
use core::ffi::c_int;

/// Most significant decimal digits of a binary128 (11,563 for the
/// smallest subnormals), with room for a 19-digit chunk.
const DIGIT_ROOM: usize = 11_600;

/// The exact decimal digits of a finite nonzero binary128's magnitude:
/// fills `buf` with `0.d1 d2 ... dn` (no trailing zeros) and returns `n` and
/// the decimal exponent `x`, the value being `0.d1...dn * 10^x`.
fn exact_digits(bits: u128, buf: &mut [u8; DIGIT_ROOM]) -> (usize, i64) {
    let (m, e) = odd_significand(bits);
    let mut n = Big::from_u128(m);
    let point = if e >= 0 {
        n.shl(e as usize);
        0
    } else {
        n.mul_pow5(e.unsigned_abs());
        e
    };
    // Nineteen digits at a time from the least significant end.
    let mut pos = DIGIT_ROOM;
    while !n.is_zero() {
        let mut chunk = n.div_rem(10_000_000_000_000_000_000);
        for slot in buf[pos - 19..pos].iter_mut().rev() {
            *slot = (chunk % 10) as u8;
            chunk /= 10;
        }
        pos -= 19;
    }
    let first = pos + buf[pos..].iter().take_while(|&&d| d == 0).count();
    let len = DIGIT_ROOM - first;
    buf.copy_within(first.., 0);
    let used = len - buf[..len].iter().rev().take_while(|&&d| d == 0).count();
    (used, len as i64 + point)
}

/// The odd integer `m` and exponent `e` of a finite nonzero binary128's
/// magnitude, `m * 2^e`.
fn odd_significand(bits: u128) -> (u128, i64) {
    let biased = ((bits >> FRACTION_BITS) & EXP_SPECIAL) as i64;
    let fraction = bits & FRACTION_MASK;
    let (m, e) = if biased == 0 {
        (fraction, SUBNORMAL_LSB)
    } else {
        (fraction | 1 << FRACTION_BITS, biased - BIAS - FRACTION_BITS as i64)
    };
    let zeros = m.trailing_zeros();
    (m >> zeros, e + i64::from(zeros))
}

/// An estimate of `x` for `0.d1d2... * 10^x` (the number of integer digits)
/// of a finite nonzero binary128, within one: `floor(t * log10(2)) + 1` for
/// the value's binary exponent `t`, with log10(2) ~ 78913 / 2^18.
fn decimal_exponent_estimate(bits: u128) -> i64 {
    let (m, e) = odd_significand(bits);
    let t = e + 127 - i64::from(m.leading_zeros());
    ((t * 78913) >> 18) + 1
}

/// Most digits [`leading_digits`] computes; longer texts use the full
/// expansion ([`exact_digits`]).
const FAST_DIGITS: i64 = 120;

/// The first `count` (at most [`FAST_DIGITS`]) significant decimal digits
/// of a finite nonzero binary128's magnitude, exactly, followed by a digit
/// 1 when anything nonzero comes after them (enough for [`round_digits`]
/// to round as with every digit), without trailing zeros otherwise.
/// Returns the length and `x` as [`exact_digits`] does. One scaled
/// division (`m * 2^e * 10^s` for `s = count - x`) replaces the full
/// expansion, whose cost grows with the exponent.
fn leading_digits(bits: u128, count: i64, buf: &mut [u8; DIGIT_ROOM]) -> (usize, i64) {
    let (m, e) = odd_significand(bits);
    let mut x = decimal_exponent_estimate(bits);
    let low = power_of_ten(count as u64 - 1);
    let high = power_of_ten(count as u64);
    let mut q = Big::new();
    loop {
        let s = count - x;
        let two = e + s;
        let mut num = Big::from_u128(m);
        let mut sticky = false;
        if s >= 0 {
            num.mul_pow5(s as u64);
            if two >= 0 {
                num.shl(two as usize);
            } else {
                let k = two.unsigned_abs() as usize;
                sticky = num.any_below(k);
                num.shr(k);
            }
            q.assign(&num);
        } else {
            let mut den = Big::from_u128(1);
            den.mul_pow5(s.unsigned_abs());
            if two >= 0 {
                num.shl(two as usize);
            } else {
                den.shl(two.unsigned_abs() as usize);
            }
            sticky = quotient(&mut num, &mut den, &mut q);
        }
        if q.cmp(&low) == Ordering::Less {
            x -= 1;
            continue;
        }
        while q.cmp(&high) != Ordering::Less {
            sticky |= q.div_rem(10) != 0;
            x += 1;
        }
        let count = count as usize;
        let mut pos = count;
        while pos > 0 {
            let mut chunk = q.div_rem(10_000_000_000_000_000_000);
            let from = pos.saturating_sub(19);
            for slot in buf[from..pos].iter_mut().rev() {
                *slot = (chunk % 10) as u8;
                chunk /= 10;
            }
            pos = from;
        }
        let len = if sticky {
            buf[count] = 1;
            count + 1
        } else {
            count - buf[..count].iter().rev().take_while(|&&d| d == 0).count()
        };
        return (len, x);
    }
}

/// Rounds `0.digits[..len] * 10^x` to its first `keep` digits (`keep` may
/// be 0 or negative: rounding at a position above the first digit) in
/// direction `mode`; returns the new length (without trailing zeros; 0 for
/// a zero result) and decimal exponent.
fn round_digits(
    digits: &mut [u8; DIGIT_ROOM],
    len: usize,
    x: i64,
    keep: i64,
    negative: bool,
    mode: Rounding,
) -> (usize, i64) {
    if keep >= len as i64 {
        return (len, x);
    }
    let (next, rest) = if keep < 0 {
        (0, true)
    } else {
        let k = keep as usize;
        (digits[k], k + 1 < len)
    };
    let last_odd = keep > 0 && digits[keep as usize - 1] & 1 != 0;
    let half = next >= 5;
    let more = (next != 0 && next != 5) || rest;
    if !round_away(negative, last_odd, half, more, mode) {
        let mut len = keep.max(0) as usize;
        while len > 0 && digits[len - 1] == 0 {
            len -= 1;
        }
        return (len, x);
    }
    if keep <= 0 {
        // One unit at the rounding position, 10^(x - keep - 1).
        digits[0] = 1;
        return (1, x - keep + 1);
    }
    let mut len = keep as usize;
    loop {
        if len == 0 {
            digits[0] = 1;
            return (1, x + 1);
        }
        if digits[len - 1] < 9 {
            digits[len - 1] += 1;
            return (len, x);
        }
        len -= 1;
    }
}

/// Writes the decimal exponent part of `%e` (`e+05`, `E-4931`).
fn write_exponent(exp: i64, upper: bool, out: &mut dyn FnMut(u8)) {
    out(if upper { b'E' } else { b'e' });
    out(if exp < 0 { b'-' } else { b'+' });
    let mut text = [0u8; 8];
    let mut n = exp.unsigned_abs();
    let mut k = text.len();
    while n > 0 || text.len() - k < 2 {
        k -= 1;
        text[k] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    text[k..].iter().for_each(|&b| out(b));
}

/// The digit at `0.digits * 10^x`'s position for `10^(place)`, 0 outside.
fn digit_at(digits: &[u8], x: i64, place: i64) -> u8 {
    let index = x - 1 - place;
    if index >= 0 && (index as usize) < digits.len() { b'0' + digits[index as usize] } else { b'0' }
}

/// `%f` of `0.digits * 10^x` with `precision` fraction digits (all of the
/// digits when `None`, as `%g` without trailing zeros).
fn write_fixed(digits: &[u8], x: i64, precision: Option<u64>, out: &mut dyn FnMut(u8)) {
    if x <= 0 {
        out(b'0');
    } else {
        for place in (0..x).rev() {
            out(digit_at(digits, x, place));
        }
    }
    let fraction = precision.unwrap_or_else(|| (digits.len() as i64 - x).max(0) as u64);
    if fraction > 0 {
        out(b'.');
        for k in 1..=fraction {
            out(digit_at(digits, x, -(k as i64)));
        }
    }
}

/// `%e` of `0.digits * 10^x` with `precision` fraction digits (all of the
/// digits when `None`).
fn write_scientific(digits: &[u8], x: i64, precision: Option<u64>, upper: bool, out: &mut dyn FnMut(u8)) {
    out(b'0' + digits.first().copied().unwrap_or(0));
    let fraction = precision.unwrap_or(digits.len().saturating_sub(1) as u64);
    if fraction > 0 {
        out(b'.');
        for k in 1..=fraction {
            out(b'0' + digits.get(k as usize).copied().unwrap_or(0));
        }
    }
    write_exponent(if digits.is_empty() { 0 } else { x - 1 }, upper, out);
}

/// glibc's `strfromf128` text for `bits` with conversion `conv` (one of
/// `aAeEfFgG`) and `precision` (`None`: the default), rounded in direction
/// `mode`.
pub fn write_text(bits: u128, conv: u8, precision: Option<c_int>, mode: Rounding, out: &mut dyn FnMut(u8)) {
    let negative = bits & SIGN != 0;
    let upper = conv.is_ascii_uppercase();
    let magnitude = bits & !SIGN;
    if magnitude >= INFINITY {
        if negative {
            out(b'-');
        }
        let text: &[u8] = match (magnitude == INFINITY, upper) {
            (true, false) => b"inf",
            (true, true) => b"INF",
            (false, false) => b"nan",
            (false, true) => b"NAN",
        };
        text.iter().for_each(|&b| out(b));
        return;
    }
    if conv.eq_ignore_ascii_case(&b'a') {
        let precision = precision.and_then(|p| usize::try_from(p).ok());
        HexParts::binary128(bits).write(precision, upper, mode, &mut |b| out(b));
        return;
    }
    let precision = precision.and_then(|p| u64::try_from(p).ok());
    // Digits needed: the ones kept and the first dropped one.
    let wanted = match conv.to_ascii_lowercase() {
        b'e' => precision.unwrap_or(6).saturating_add(2),
        b'f' => {
            let x = decimal_exponent_estimate(magnitude).max(0) as u64;
            // One more for the estimate's error.
            x.saturating_add(precision.unwrap_or(6)).saturating_add(3)
        }
        _ => precision.unwrap_or(6).max(1).saturating_add(1),
    };
    let mut digits = [0u8; DIGIT_ROOM];
    let (mut len, mut x) = if magnitude == 0 {
        (0, 0)
    } else if wanted <= FAST_DIGITS as u64 {
        leading_digits(magnitude, wanted as i64, &mut digits)
    } else {
        exact_digits(magnitude, &mut digits)
    };
    if negative {
        out(b'-');
    }
    match conv.to_ascii_lowercase() {
        b'e' => {
            let p = precision.unwrap_or(6);
            if len > 0 {
                let keep = p.saturating_add(1).min(i64::MAX as u64) as i64;
                (len, x) = round_digits(&mut digits, len, x, keep, negative, mode);
            }
            write_scientific(&digits[..len], x, Some(p), upper, out);
        }
        b'f' => {
            let p = precision.unwrap_or(6);
            if len > 0 {
                let keep = x.saturating_add(p.min(i64::MAX as u64) as i64);
                (len, x) = round_digits(&mut digits, len, x, keep, negative, mode);
            }
            write_fixed(&digits[..len], x, Some(p), out);
        }
        _ => {
            let p = match precision {
                None => 6,
                Some(0) => 1,
                Some(p) => p.min(i64::MAX as u64) as i64,
            };
            if len > 0 {
                (len, x) = round_digits(&mut digits, len, x, p, negative, mode);
            }
            // The exponent %e would print decides the style (C11 7.21.6.1).
            let exp = if len == 0 { 0 } else { x - 1 };
            if exp < p && exp >= -4 {
                write_fixed(&digits[..len], x, None, out);
            } else {
                write_scientific(&digits[..len], x, None, upper, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse::tests::bits;
    use super::*;

    fn text(bits: u128, conv: u8, precision: Option<c_int>) -> String {
        let mut s = Vec::new();
        write_text(bits, conv, precision, Rounding::Nearest, &mut |b| s.push(b));
        String::from_utf8(s).unwrap()
    }

    #[test]
    fn fast_digits_agree_with_the_full_expansion() {
        let mut a = [0u8; DIGIT_ROOM];
        let mut b = [0u8; DIGIT_ROOM];
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for i in 0..300 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let bits = (u128::from(state) << 64 | u128::from(state.rotate_left(17))) & !SIGN;
            let bits = if bits >= INFINITY { bits - INFINITY } else { bits };
            if bits == 0 {
                continue;
            }
            let count = [1, 2, 7, 36, 37, 80, 120][i % 7];
            let (full_len, full_x) = exact_digits(bits, &mut a);
            let (len, x) = leading_digits(bits, count, &mut b);
            assert_eq!(x, full_x, "{bits:x}");
            let n = (count as usize).min(full_len);
            assert_eq!(&b[..n], &a[..n], "{bits:x}");
            let rest = full_len > count as usize;
            assert_eq!(len, if rest { count as usize + 1 } else { full_len }, "{bits:x}");
        }
    }

    #[test]
    fn formats_like_glibc() {
        let third = bits("0.333333333333333333333333333333333333333");
        assert_eq!(text(third, b'g', None), "0.333333");
        assert_eq!(text(bits("1.25e42"), b'e', Some(1)), "1.2e+42");
        assert_eq!(text(bits("0.5"), b'f', Some(0)), "0");
        assert_eq!(text(bits("1.5"), b'f', Some(0)), "2");
        assert_eq!(text(bits("999.5"), b'g', Some(3)), "1e+03");
        assert_eq!(text(bits("0.0001"), b'g', None), "0.0001");
        assert_eq!(text(bits("-0"), b'g', None), "-0");
        assert_eq!(text(bits("0"), b'e', None), "0.000000e+00");
        assert_eq!(text(bits("123.456"), b'f', Some(2)), "123.46");
        assert_eq!(text(bits("1e100"), b'E', Some(3)), "1.000E+100");
        assert_eq!(text(1, b'e', Some(3)), "6.475e-4966");
        assert_eq!(text(bits("-inf"), b'F', None), "-INF");
        assert_eq!(text(bits("0x1.8p3"), b'a', None), "0x1.8p+3");
    }

    #[test]
    fn round_trips_many_digits() {
        let v = bits("3.14159265358979323846264338327950288");
        assert_eq!(text(v, b'e', Some(35)), "3.14159265358979323846264338327950280e+00");
        let again = text(v, b'e', Some(40));
        assert_eq!(bits(&again), v);
    }
}
