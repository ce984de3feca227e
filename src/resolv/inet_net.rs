//! Network numbers with CIDR widths: `inet_net_pton`, `inet_net_ntop`,
//! `inet_neta` (BIND, glibc's libresolv; `<arpa/inet.h>`). IPv4 only, as
//! glibc: other families fail with `EAFNOSUPPORT`.

use crate::abi::errno;
use core::ffi::{c_char, c_int, c_void};

/// Parses a dotted (or `0x` hex) network number with an optional `/bits`
/// into `dst`; the width, given or inferred from the address class.
pub fn pton4(src: &[u8], dst: &mut [u8]) -> Result<c_int, c_int> {
    let at = |i: usize| src.get(i).copied().unwrap_or(0);
    let mut out = 0usize;
    fn put(dst: &mut [u8], b: u8, out: &mut usize) -> Result<(), c_int> {
        *dst.get_mut(*out).ok_or(libc::EMSGSIZE)? = b;
        *out += 1;
        Ok(())
    }
    let mut i = 0usize;
    let mut ch = at(i);
    i += 1;
    if ch == b'0' && matches!(at(i), b'x' | b'X') && at(i + 1).is_ascii_hexdigit() {
        if dst.is_empty() {
            return Err(libc::EMSGSIZE);
        }
        i += 1;
        let (mut dirty, mut tmp) = (0, 0u8);
        loop {
            ch = at(i);
            i += 1;
            let Some(n) = (ch as char).to_digit(16) else { break };
            tmp = if dirty == 0 { n as u8 } else { tmp << 4 | n as u8 };
            dirty += 1;
            if dirty == 2 {
                put(dst, tmp, &mut out)?;
                dirty = 0;
            }
        }
        if dirty != 0 {
            put(dst, tmp << 4, &mut out)?;
        }
    } else if ch.is_ascii_digit() {
        loop {
            let mut tmp = 0u32;
            loop {
                tmp = tmp * 10 + u32::from(ch - b'0');
                if tmp > 255 {
                    return Err(libc::ENOENT);
                }
                ch = at(i);
                i += 1;
                if !ch.is_ascii_digit() {
                    break;
                }
            }
            put(dst, tmp as u8, &mut out)?;
            if ch == 0 || ch == b'/' {
                break;
            }
            if ch != b'.' {
                return Err(libc::ENOENT);
            }
            ch = at(i);
            i += 1;
            if !ch.is_ascii_digit() {
                return Err(libc::ENOENT);
            }
        }
    } else {
        return Err(libc::ENOENT);
    }
    let mut bits: c_int = -1;
    if ch == b'/' && at(i).is_ascii_digit() && out > 0 {
        ch = at(i);
        i += 1;
        bits = 0;
        loop {
            bits = bits * 10 + c_int::from(ch - b'0');
            if bits > 32 {
                return Err(libc::EMSGSIZE);
            }
            ch = at(i);
            i += 1;
            if !ch.is_ascii_digit() {
                break;
            }
        }
        if ch != 0 {
            return Err(libc::ENOENT);
        }
    }
    if ch != 0 || out == 0 {
        return Err(libc::ENOENT);
    }
    if bits == -1 {
        let first = dst[0];
        bits = match first {
            240.. => 32,
            224.. => 4,
            192.. => 24,
            128.. => 16,
            _ => 8,
        };
        // A class D width (4) stays narrower than the octets given.
        if bits >= 8 {
            bits = bits.max(out as c_int * 8);
        }
    }
    while bits > out as c_int * 8 {
        put(dst, 0, &mut out)?;
    }
    Ok(bits)
}

/// Writes `bits` bits of `src` as `a.b.c/bits` into `dst` (NUL included).
pub fn ntop4(src: &[u8], bits: c_int, dst: &mut [u8]) -> Result<(), c_int> {
    if !(0..=32).contains(&bits) {
        return Err(libc::EINVAL);
    }
    let mut w = Writer { buf: dst, len: 0 };
    let bits = bits as usize;
    if bits == 0 {
        w.room(2)?;
        w.push(b"0");
    }
    let whole = bits / 8;
    let part = bits % 8;
    for (k, &b) in src.iter().take(whole + usize::from(part > 0)).enumerate() {
        w.room(5)?;
        if w.len != 0 {
            w.push(b".");
        }
        let v = if k < whole { b } else { b & (((1u16 << part) - 1) << (8 - part)) as u8 };
        w.decimal(u32::from(v));
    }
    w.room(4)?;
    w.push(b"/");
    w.decimal(bits as u32);
    w.finish()
}

/// A bounded text buffer: `room` checks the space glibc checks before each
/// piece (its `sizeof ".255"` tests, which count the NUL).
struct Writer<'a> {
    buf: &'a mut [u8],
    len: usize,
}

impl Writer<'_> {
    fn room(&self, n: usize) -> Result<(), c_int> {
        if self.buf.len() - self.len.min(self.buf.len()) < n { Err(libc::EMSGSIZE) } else { Ok(()) }
    }
    fn push(&mut self, s: &[u8]) {
        for &c in s {
            if self.len < self.buf.len() {
                self.buf[self.len] = c;
            }
            self.len += 1;
        }
    }
    fn decimal(&mut self, v: u32) {
        let mut digits = [0u8; 10];
        let mut n = 0;
        let mut v = v;
        loop {
            digits[n] = b'0' + (v % 10) as u8;
            n += 1;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        digits[..n].reverse();
        self.push(&digits[..n]);
    }
    fn finish(mut self) -> Result<(), c_int> {
        if self.len >= self.buf.len() {
            return Err(libc::EMSGSIZE);
        }
        self.push(b"\0");
        Ok(())
    }
}

/// `inet_net_pton`: a network number in presentation form to `dst`; its
/// width in bits, or -1 with errno (`ENOENT` malformed, `EMSGSIZE` too big,
/// `EAFNOSUPPORT`).
///
/// # Safety
/// `src` is a C string; `dst` is writable for `size` octets.
#[export]
pub unsafe extern "C" fn inet_net_pton(af: c_int, src: *const c_char, dst: *mut c_void, size: usize) -> c_int {
    if af != libc::AF_INET {
        errno::set(libc::EAFNOSUPPORT);
        return -1;
    }
    // SAFETY: the caller's contract.
    let (text, out) =
        unsafe { (core::ffi::CStr::from_ptr(src).to_bytes(), core::slice::from_raw_parts_mut(dst.cast::<u8>(), size)) };
    pton4(text, out).unwrap_or_else(|e| {
        errno::set(e);
        -1
    })
}

/// `inet_net_ntop`: `bits` bits of the network number at `src` as text;
/// `dst`, or NULL with errno.
///
/// # Safety
/// `src` is readable for the octets `bits` covers; `dst` writable for `size`.
#[export]
pub unsafe extern "C" fn inet_net_ntop(
    af: c_int,
    src: *const c_void,
    bits: c_int,
    dst: *mut c_char,
    size: usize,
) -> *mut c_char {
    if af != libc::AF_INET {
        errno::set(libc::EAFNOSUPPORT);
        return core::ptr::null_mut();
    }
    let octets = (bits.clamp(0, 32) as usize).div_ceil(8);
    // SAFETY: the caller's contract.
    let (bytes, out) = unsafe {
        (core::slice::from_raw_parts(src.cast::<u8>(), octets), core::slice::from_raw_parts_mut(dst.cast::<u8>(), size))
    };
    match ntop4(bytes, bits, out) {
        Ok(()) => dst,
        Err(e) => {
            errno::set(e);
            core::ptr::null_mut()
        }
    }
}

/// `inet_neta`: the network number `src` (host order) as dotted text,
/// leaving out zero octets, `"0.0.0.0"` for zero; `dst`, or NULL
/// (`EMSGSIZE`).
///
/// # Safety
/// `dst` is writable for `size` octets.
#[export]
pub unsafe extern "C" fn inet_neta(src: u32, dst: *mut c_char, size: usize) -> *mut c_char {
    // SAFETY: the caller's contract.
    let out = unsafe { core::slice::from_raw_parts_mut(dst.cast::<u8>(), size) };
    let mut w = Writer { buf: out, len: 0 };
    let mut v = src;
    while v != 0 {
        let b = (v >> 24) as u8;
        v <<= 8;
        if b != 0 {
            if w.room(5).is_err() {
                errno::set(libc::EMSGSIZE);
                return core::ptr::null_mut();
            }
            w.decimal(u32::from(b));
            if v != 0 {
                w.push(b".");
            }
            // glibc keeps the text NUL-terminated as it goes.
            let end = w.len;
            w.push(b"\0");
            w.len = end;
        }
    }
    if w.len == 0 {
        if w.room(8).is_err() {
            errno::set(libc::EMSGSIZE);
            return core::ptr::null_mut();
        }
        w.push(b"0.0.0.0");
    }
    w.push(b"\0");
    dst
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classful_widths() {
        let mut d = [0u8; 4];
        assert_eq!(pton4(b"10", &mut d), Ok(8));
        assert_eq!(pton4(b"192.168.1", &mut d), Ok(24));
        assert_eq!(pton4(b"10.1.2.0/23", &mut d), Ok(23));
        assert_eq!(pton4(b"0x0a01", &mut d), Ok(16));
        assert_eq!(pton4(b"1.2.3.4.5", &mut d), Err(libc::EMSGSIZE));
        let mut t = [0u8; 32];
        ntop4(&[10, 1, 2, 3], 23, &mut t).unwrap();
        assert_eq!(&t[..10], b"10.1.2/23\0");
    }
}
