//! binary128's layout: the fields of the 128 bits the parser writes and
//! the formatter reads, and the special values.

/// Fraction bits of binary128 (the leading bit is implicit).
pub const FRACTION_BITS: u32 = 112;
pub const FRACTION_MASK: u128 = (1 << FRACTION_BITS) - 1;
pub const BIAS: i64 = 16383;
/// The biased exponent of infinities and NaNs.
pub const EXP_SPECIAL: u128 = 0x7fff;
/// The exponent of the smallest normal value, `2^-16382`.
pub const MIN_NORMAL_EXP: i64 = 1 - BIAS;
/// The exponent of the last bit of a subnormal, `2^-16494`.
pub const SUBNORMAL_LSB: i64 = MIN_NORMAL_EXP - FRACTION_BITS as i64;
pub const SIGN: u128 = 1 << 127;
pub const INFINITY: u128 = EXP_SPECIAL << FRACTION_BITS;
pub const MAX_FINITE: u128 = INFINITY - 1;
/// glibc's default NaN: quiet, no payload.
pub const QUIET_NAN: u128 = INFINITY | 1 << (FRACTION_BITS - 1);
