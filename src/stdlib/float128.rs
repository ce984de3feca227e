//! `_Float128` (IEEE 754 binary128) text conversions glibc 2.26 added and
//! musl lacks: `strtof128` (and `strtof128_l`, `__strtof128_internal`, the
//! wide forms in `wchar/float128.rs`) and `strfromf128` (ISO/IEC TS
//! 18661-3; glibc manual "Parsing of Floats", "Printing of Floats").
//!
//! musl has no binary128 arithmetic (x86_64's `long double` is x87's
//! 80-bit format), and Rust has no stable `f128`, so the value crosses the
//! ABI as its 128 bits: the C fronts (`float128.c`, `src/abi/float128.h`)
//! copy the `_Float128` they receive or return (in `%xmm0`) to or from two
//! 64-bit words and do no arithmetic on it (which would call libgcc's
//! soft-float helpers). Everything here works on those bits with integers.
//!
//! # Parsing: one scanner, exact rounding
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
//!
//! The big integers (`Big`) live on the stack with a fixed capacity:
//! `D < 10^11700` and `5^16667` both fit in 38,900 bits.
//!
//! # Formatting: exact digits, then one rounding
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

use super::floating::{HexParts, Rounding, fill_c_buffer, round_away, strfrom_spec};
use crate::abi::errno;
use core::cmp::Ordering;
use core::ffi::{CStr, c_char, c_int};

/// Fraction bits of binary128 (the leading bit is implicit).
const FRACTION_BITS: u32 = 112;
const FRACTION_MASK: u128 = (1 << FRACTION_BITS) - 1;
const BIAS: i64 = 16383;
/// The biased exponent of infinities and NaNs.
const EXP_SPECIAL: u128 = 0x7fff;
/// The exponent of the smallest normal value, `2^-16382`.
const MIN_NORMAL_EXP: i64 = 1 - BIAS;
/// The exponent of the last bit of a subnormal, `2^-16494`.
const SUBNORMAL_LSB: i64 = MIN_NORMAL_EXP - FRACTION_BITS as i64;
const SIGN: u128 = 1 << 127;
const INFINITY: u128 = EXP_SPECIAL << FRACTION_BITS;
const MAX_FINITE: u128 = INFINITY - 1;
/// glibc's default NaN: quiet, no payload.
const QUIET_NAN: u128 = INFINITY | 1 << (FRACTION_BITS - 1);

/// Significant decimal digits of a parsed significand that are kept
/// exactly (see the module documentation: more than 11564).
pub const MAX_DIGITS: usize = 11_700;
/// 64-bit limbs of a [`Big`]: `10^11700` and `5^16667` need 608.
const LIMBS: usize = 616;

/// x86_64's exception bits (`<fenv.h>`), as the C front raises them.
pub const FE_OVERFLOW: c_int = 0x08;
pub const FE_UNDERFLOW: c_int = 0x10;
pub const FE_INEXACT: c_int = 0x20;

/// A non-negative integer of up to `LIMBS` 64-bit limbs, least significant
/// first, with no zero limbs above `len`.
struct Big {
    limbs: [u64; LIMBS],
    len: usize,
}

impl Big {
    fn new() -> Self {
        Self {
            limbs: [0; LIMBS],
            len: 0,
        }
    }

    fn from_u128(v: u128) -> Self {
        let mut b = Self::new();
        b.limbs[0] = v as u64;
        b.limbs[1] = (v >> 64) as u64;
        b.len = 2;
        b.trim();
        b
    }

    fn trim(&mut self) {
        while self.len > 0 && self.limbs[self.len - 1] == 0 {
            self.len -= 1;
        }
    }

    fn is_zero(&self) -> bool {
        self.len == 0
    }

    /// `self = self * m + a`.
    fn mul_add(&mut self, m: u64, a: u64) {
        let mut carry = u128::from(a);
        for limb in &mut self.limbs[..self.len] {
            let t = u128::from(*limb) * u128::from(m) + carry;
            *limb = t as u64;
            carry = t >> 64;
        }
        if carry != 0 {
            self.limbs[self.len] = carry as u64;
            self.len += 1;
        }
    }

    /// `self *= 5^k`.
    fn mul_pow5(&mut self, mut k: u64) {
        const POW5_27: u64 = 7_450_580_596_923_828_125;
        while k >= 27 {
            self.mul_add(POW5_27, 0);
            k -= 27;
        }
        if k > 0 {
            self.mul_add(5u64.pow(k as u32), 0);
        }
    }

    /// `self <<= bits`.
    fn shl(&mut self, bits: usize) {
        if self.len == 0 || bits == 0 {
            return;
        }
        let (words, rest) = (bits / 64, (bits % 64) as u32);
        let len = self.len;
        if rest == 0 {
            self.limbs.copy_within(0..len, words);
            self.len = len + words;
        } else {
            self.limbs[len + words] = self.limbs[len - 1] >> (64 - rest);
            for i in (1..len).rev() {
                self.limbs[i + words] =
                    (self.limbs[i] << rest) | (self.limbs[i - 1] >> (64 - rest));
            }
            self.limbs[words] = self.limbs[0] << rest;
            self.len = len + words + 1;
        }
        self.limbs[..words].fill(0);
        self.trim();
    }

    /// `self >>= bits`.
    fn shr(&mut self, bits: usize) {
        let (words, rest) = (bits / 64, (bits % 64) as u32);
        if words >= self.len {
            self.len = 0;
            return;
        }
        let len = self.len - words;
        for i in 0..len {
            let low = self.limbs[i + words] >> rest;
            let high = match (rest, self.limbs.get(i + words + 1)) {
                (0, _) | (_, None) => 0,
                (_, Some(&next)) => next << (64 - rest),
            };
            self.limbs[i] = low | if i + words + 1 < self.len { high } else { 0 };
        }
        self.len = len;
        self.trim();
    }

    /// `self = 2 * self + bit`.
    fn push_bit(&mut self, bit: bool) {
        self.shl(1);
        if bit {
            if self.len == 0 {
                self.len = 1;
            }
            self.limbs[0] |= 1;
        }
    }

    fn bit_len(&self) -> usize {
        match self.len {
            0 => 0,
            n => n * 64 - self.limbs[n - 1].leading_zeros() as usize,
        }
    }

    fn cmp(&self, other: &Self) -> Ordering {
        self.len.cmp(&other.len).then_with(|| {
            self.limbs[..self.len]
                .iter()
                .rev()
                .cmp(other.limbs[..other.len].iter().rev())
        })
    }

    /// `self -= other`, for `other <= self`.
    fn sub(&mut self, other: &Self) {
        let mut borrow = false;
        for i in 0..self.len {
            let o = if i < other.len { other.limbs[i] } else { 0 };
            let (d, b1) = self.limbs[i].overflowing_sub(o);
            let (d, b2) = d.overflowing_sub(u64::from(borrow));
            self.limbs[i] = d;
            borrow = b1 || b2;
        }
        self.trim();
    }

    /// The `count <= 128` bits from bit `low` up.
    fn bits(&self, low: usize, count: usize) -> u128 {
        let mut v = 0u128;
        for i in (0..count).rev() {
            let bit = low + i;
            let word = bit / 64;
            let set = word < self.len && (self.limbs[word] >> (bit % 64)) & 1 != 0;
            v = (v << 1) | u128::from(set);
        }
        v
    }

    /// Whether any of the bits below bit `n` is set.
    fn any_below(&self, n: usize) -> bool {
        let words = (n / 64).min(self.len);
        self.limbs[..words].iter().any(|&l| l != 0)
            || (words < self.len && !n.is_multiple_of(64) && self.limbs[words] << (64 - n % 64) != 0)
    }

    /// `self /= d`, returning the remainder.
    fn div_rem(&mut self, d: u64) -> u64 {
        let mut rem = 0u64;
        for limb in self.limbs[..self.len].iter_mut().rev() {
            let n = (u128::from(rem) << 64) | u128::from(*limb);
            *limb = (n / u128::from(d)) as u64;
            rem = (n % u128::from(d)) as u64;
        }
        self.trim();
        rem
    }
}

/// `floor(num / den)` into `q`, and whether the division left a
/// remainder: bit by bit, after shifting `den` up to `num`'s length (the
/// quotients here have at most a few hundred bits). Clobbers both.
fn quotient(num: &mut Big, den: &mut Big, q: &mut Big) -> bool {
    q.len = 0;
    let (a, b) = (num.bit_len(), den.bit_len());
    if a < b {
        return !num.is_zero();
    }
    den.shl(a - b);
    for _ in 0..=a - b {
        let fits = num.cmp(den) != Ordering::Less;
        if fits {
            num.sub(den);
        }
        q.push_bit(fits);
        num.shl(1);
    }
    !num.is_zero()
}

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
        Self {
            bits,
            range_error: false,
            raised: 0,
            end: 0,
        }
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
    if (0x41..=0x5a).contains(&c) {
        c + 0x20
    } else {
        c
    }
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
    word.iter()
        .enumerate()
        .all(|(k, &b)| lower(at(i + k)) == u32::from(b))
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
        value = value
            .and_then(|v| v.checked_mul(u64::from(base)))
            .and_then(|v| v.checked_add(u64::from(d)));
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
            let end = if spells(&at, i + 3, b"inity") {
                i + 8
            } else {
                i + 3
            };
            return Parsed {
                end,
                ..Parsed::exact(sign | INFINITY)
            };
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
            return Parsed {
                end,
                ..Parsed::exact(sign | bits)
            };
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
        return Parsed {
            end,
            ..Parsed::exact(sign)
        };
    }

    let mut sig = Significand {
        hex,
        small: 0,
        big: None,
        chunk: 0,
        chunk_len: 0,
        digits: 0,
        scale: 0,
        sticky: false,
    };
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
        decimal(
            negative,
            &mut Big::from_u128(small),
            digits,
            e,
            sticky,
            mode,
        )
    };
    Parsed { end: i, ..parsed }
}

/// The binary128 nearest `d * 10^e` (+ sticky), `d` a nonzero integer of
/// `digits` decimal digits.
fn decimal(
    negative: bool,
    d: &mut Big,
    digits: usize,
    e: i64,
    sticky: bool,
    mode: Rounding,
) -> Parsed {
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
    pack(
        negative,
        q.bits(0, 128),
        -shift - f as i64,
        sticky || rest,
        mode,
    )
}

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
        (
            fraction | 1 << FRACTION_BITS,
            biased - BIAS - FRACTION_BITS as i64,
        )
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

/// `10^k` as a [`Big`].
fn power_of_ten(k: u64) -> Big {
    let mut p = Big::from_u128(1);
    p.mul_pow5(k);
    p.shl(k as usize);
    p
}

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
            q.limbs[..num.len].copy_from_slice(&num.limbs[..num.len]);
            q.len = num.len;
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
    if index >= 0 && (index as usize) < digits.len() {
        b'0' + digits[index as usize]
    } else {
        b'0'
    }
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
fn write_scientific(
    digits: &[u8],
    x: i64,
    precision: Option<u64>,
    upper: bool,
    out: &mut dyn FnMut(u8),
) {
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
pub fn write_text(
    bits: u128,
    conv: u8,
    precision: Option<c_int>,
    mode: Rounding,
    out: &mut dyn FnMut(u8),
) {
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

/// The rounding direction and exception plumbing shared by the narrow and
/// wide parsers' C fronts: runs [`parse`] over `nptr`, stores the end and
/// the bits, sets `ERANGE`, and returns the exceptions to raise.
///
/// # Safety
/// `nptr` is a NUL-terminated string of `T` units; `endptr` is null or
/// writable; `out` is writable.
pub unsafe fn parse_at<T: Copy + Into<i64>>(
    nptr: *const T,
    endptr: *mut *mut T,
    mode: c_int,
    out: *mut [u64; 2],
    space: impl Fn(u32) -> bool,
) -> c_int {
    // SAFETY: `parse` reads from the start up to the terminator, never past
    // it. A unit outside u32 (a negative wchar_t) is no character it knows.
    let at = |i: usize| u32::try_from(unsafe { (*nptr.add(i)).into() }).unwrap_or(u32::MAX);
    let parsed = parse(at, space, Rounding::from_fenv(mode));
    if !endptr.is_null() {
        // SAFETY: writable (caller); `end` is within the string.
        unsafe { *endptr = nptr.add(parsed.end).cast_mut() };
    }
    if parsed.range_error {
        errno::set(libc::ERANGE);
    }
    // SAFETY: writable (caller).
    unsafe { *out = [parsed.bits as u64, (parsed.bits >> 64) as u64] };
    parsed.raised
}

/// The core of `strtof128`, `strtof128_l` and `__strtof128_internal`
/// (`float128.c`): parses `nptr` in rounding direction `mode`
/// (`fegetround()`), stores the result's bits (low word first) in `out`,
/// and returns the floating-point exceptions glibc's parser raises.
///
/// # Safety
/// `nptr` is a NUL-terminated string; `endptr` is null or writable; `out`
/// is writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __gcompat_strtof128(
    nptr: *const c_char,
    endptr: *mut *mut c_char,
    mode: c_int,
    out: *mut [u64; 2],
) -> c_int {
    // SAFETY: forwarded from the caller. A byte above 0x7f widens to a
    // value that is neither a digit nor a space, as in the C locale.
    unsafe {
        parse_at(
            nptr.cast::<u8>(),
            endptr.cast(),
            mode,
            out,
            super::isoc23::is_space,
        )
    }
}

/// The core of `strfromf128` (`float128.c`): the value's bits are
/// `low | high << 64`, `mode` is `fegetround()`. Aborts on a format glibc
/// rejects.
///
/// # Safety
/// `format` is a NUL-terminated string; `str` is writable for `n` bytes (or
/// `n` is 0).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __gcompat_strfromf128(
    str: *mut c_char,
    n: usize,
    format: *const c_char,
    low: u64,
    high: u64,
    mode: c_int,
) -> c_int {
    // SAFETY: `format` is NUL-terminated (caller).
    let spec = unsafe { CStr::from_ptr(format) }.to_bytes();
    let Some((conv, precision)) = strfrom_spec(spec) else {
        // SAFETY: abort takes no arguments and does not return.
        unsafe { libc::abort() }
    };
    let bits = u128::from(low) | u128::from(high) << 64;
    let mode = Rounding::from_fenv(mode);
    // SAFETY: forwarded from the caller.
    unsafe { fill_c_buffer(str, n, |out| write_text(bits, conv, precision, mode, out)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(s: &str, mode: Rounding) -> Parsed {
        let b = s.as_bytes();
        parse(
            |i| b.get(i).copied().map_or(0, u32::from),
            crate::stdlib::isoc23::is_space,
            mode,
        )
    }

    fn bits(s: &str) -> u128 {
        parse_str(s, Rounding::Nearest).bits
    }

    fn text(bits: u128, conv: u8, precision: Option<c_int>) -> String {
        let mut s = Vec::new();
        write_text(bits, conv, precision, Rounding::Nearest, &mut |b| s.push(b));
        String::from_utf8(s).unwrap()
    }

    #[test]
    fn big_shifts() {
        let mut b = Big::from_u128(0x1234_5678_9abc_def0_1122_3344_5566_7788);
        b.shl(200);
        b.shr(130);
        assert_eq!(
            b.bits(0, 128),
            0x1234_5678_9abc_def0_1122_3344_5566_7788 << 70
        );
        assert_eq!(b.bits(70, 128), 0x1234_5678_9abc_def0_1122_3344_5566_7788);
        b.shr(200);
        assert!(b.is_zero());
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
            let bits = if bits >= INFINITY {
                bits - INFINITY
            } else {
                bits
            };
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
            assert_eq!(
                len,
                if rest { count as usize + 1 } else { full_len },
                "{bits:x}"
            );
        }
    }

    #[test]
    fn small_path_agrees_with_the_big_one() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for i in 0..2000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let d = (u128::from(state) << 64 | u128::from(state.rotate_left(29)))
                >> (1 + (state % 127) as u32);
            let d = d.max(1);
            let e = (i % 70) - 35;
            for mode in [
                Rounding::Nearest,
                Rounding::Down,
                Rounding::Up,
                Rounding::TowardZero,
            ] {
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
        let p = parse_str(
            "0x1.ffffffffffffffffffffffffffff8p-16383",
            Rounding::Nearest,
        );
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
        assert_eq!(
            text(v, b'e', Some(35)),
            "3.14159265358979323846264338327950280e+00"
        );
        let again = text(v, b'e', Some(40));
        assert_eq!(bits(&again), v);
    }
}
