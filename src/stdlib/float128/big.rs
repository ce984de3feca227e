//! The big integers of the exact conversions ([`Big`]), on the stack with
//! a fixed capacity: the parser's `D < 10^11700` and the formatter's
//! `5^16667` both fit in 38,900 bits. Only what the two need: multiply-add
//! by a word, powers of five and ten, shifts, comparison, subtraction and
//! long division.

use core::cmp::Ordering;

/// 64-bit limbs of a [`Big`]: `10^11700` and `5^16667` need 608.
const LIMBS: usize = 616;

/// A non-negative integer of up to `LIMBS` 64-bit limbs, least significant
/// first, with no zero limbs above `len`.
pub struct Big {
    limbs: [u64; LIMBS],
    len: usize,
}

impl Big {
    pub fn new() -> Self {
        Self { limbs: [0; LIMBS], len: 0 }
    }

    /// Becomes a copy of `other`, limbs in use only.
    pub fn assign(&mut self, other: &Big) {
        self.limbs[..other.len].copy_from_slice(&other.limbs[..other.len]);
        self.len = other.len;
    }

    pub fn from_u128(v: u128) -> Self {
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

    pub fn is_zero(&self) -> bool {
        self.len == 0
    }

    /// `self = self * m + a`.
    pub fn mul_add(&mut self, m: u64, a: u64) {
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
    pub fn mul_pow5(&mut self, mut k: u64) {
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
    pub fn shl(&mut self, bits: usize) {
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
                self.limbs[i + words] = (self.limbs[i] << rest) | (self.limbs[i - 1] >> (64 - rest));
            }
            self.limbs[words] = self.limbs[0] << rest;
            self.len = len + words + 1;
        }
        self.limbs[..words].fill(0);
        self.trim();
    }

    /// `self >>= bits`.
    pub fn shr(&mut self, bits: usize) {
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
    pub fn push_bit(&mut self, bit: bool) {
        self.shl(1);
        if bit {
            if self.len == 0 {
                self.len = 1;
            }
            self.limbs[0] |= 1;
        }
    }

    pub fn bit_len(&self) -> usize {
        match self.len {
            0 => 0,
            n => n * 64 - self.limbs[n - 1].leading_zeros() as usize,
        }
    }

    pub fn cmp(&self, other: &Self) -> Ordering {
        self.len
            .cmp(&other.len)
            .then_with(|| self.limbs[..self.len].iter().rev().cmp(other.limbs[..other.len].iter().rev()))
    }

    /// `self -= other`, for `other <= self`.
    pub fn sub(&mut self, other: &Self) {
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
    pub fn bits(&self, low: usize, count: usize) -> u128 {
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
    pub fn any_below(&self, n: usize) -> bool {
        let words = (n / 64).min(self.len);
        self.limbs[..words].iter().any(|&l| l != 0)
            || (words < self.len && !n.is_multiple_of(64) && self.limbs[words] << (64 - n % 64) != 0)
    }

    /// `self /= d`, returning the remainder.
    pub fn div_rem(&mut self, d: u64) -> u64 {
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
pub fn quotient(num: &mut Big, den: &mut Big, q: &mut Big) -> bool {
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

/// `10^k` as a [`Big`].
pub fn power_of_ten(k: u64) -> Big {
    let mut p = Big::from_u128(1);
    p.mul_pow5(k);
    p.shl(k as usize);
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_shifts() {
        let mut b = Big::from_u128(0x1234_5678_9abc_def0_1122_3344_5566_7788);
        b.shl(200);
        b.shr(130);
        assert_eq!(b.bits(0, 128), 0x1234_5678_9abc_def0_1122_3344_5566_7788 << 70);
        assert_eq!(b.bits(70, 128), 0x1234_5678_9abc_def0_1122_3344_5566_7788);
        b.shr(200);
        assert!(b.is_zero());
    }
}
