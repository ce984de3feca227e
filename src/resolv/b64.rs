//! Base 64 (RFC 4648 section 4) as BIND's resolver library has it:
//! `b64_ntop`/`b64_pton`, which glibc's `<resolv.h>` renames to
//! `__b64_ntop`/`__b64_pton` (libresolv, GLIBC_2.2.5).

use core::ffi::{c_char, c_int};

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const PAD: u8 = b'=';

/// Encodes `src` into `dst` with padding and a NUL; the text length, or
/// None if `dst` is too small.
pub fn encode(src: &[u8], dst: &mut [u8]) -> Option<usize> {
    let mut len = 0usize;
    for chunk in src.chunks(3) {
        if len + 4 > dst.len() {
            return None;
        }
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let quad = [b[0] >> 2, (b[0] & 3) << 4 | b[1] >> 4, (b[1] & 0xf) << 2 | b[2] >> 6, b[2] & 0x3f];
        for (k, &q) in quad.iter().enumerate() {
            dst[len + k] = if k <= chunk.len() { ALPHABET[usize::from(q)] } else { PAD };
        }
        len += 4;
    }
    if len >= dst.len() {
        return None;
    }
    dst[len] = 0;
    Some(len)
}

fn space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// Decodes `src` (white space ignored) into `dst`, or only counts when
/// `dst` is None; the octets, or None if malformed or out of room. As in
/// BIND, a partial last octet must have room in `dst` too.
pub fn decode(src: &[u8], mut dst: Option<&mut [u8]>) -> Option<usize> {
    let (mut state, mut index) = (0u8, 0usize);
    let mut rest = src.iter().copied();
    let mut padded = false;
    for c in rest.by_ref() {
        if space(c) {
            continue;
        }
        if c == PAD {
            padded = true;
            break;
        }
        let v = ALPHABET.iter().position(|&a| a == c)? as u8;
        match state {
            0 => {
                if let Some(d) = dst.as_deref_mut() {
                    *d.get_mut(index)? = v << 2;
                }
                state = 1;
            }
            1 => {
                if let Some(d) = dst.as_deref_mut() {
                    if index + 1 >= d.len() {
                        return None;
                    }
                    d[index] |= v >> 4;
                    d[index + 1] = (v & 0x0f) << 4;
                }
                index += 1;
                state = 2;
            }
            2 => {
                if let Some(d) = dst.as_deref_mut() {
                    if index + 1 >= d.len() {
                        return None;
                    }
                    d[index] |= v >> 2;
                    d[index + 1] = (v & 0x03) << 6;
                }
                index += 1;
                state = 3;
            }
            _ => {
                if let Some(d) = dst.as_deref_mut() {
                    *d.get_mut(index)? |= v;
                }
                index += 1;
                state = 0;
            }
        }
    }
    if !padded {
        return (state == 0).then_some(index);
    }
    match state {
        0 | 1 => return None,
        // A second pad must follow, white space allowed between.
        2 if rest.by_ref().find(|&c| !space(c)) != Some(PAD) => return None,
        _ => {}
    }
    if rest.any(|c| !space(c)) {
        return None;
    }
    // The bits after the last octet must be zero.
    if let Some(d) = dst.as_deref()
        && d.get(index).is_some_and(|&b| b != 0)
    {
        return None;
    }
    Some(index)
}

/// `b64_ntop`: base 64 text of `srclength` octets into `target`; its
/// length, or -1 if `targsize` leaves no room for it and a NUL.
///
/// # Safety
/// `src` is readable for `srclength` octets, `target` writable for
/// `targsize`.
#[export]
pub unsafe extern "C" fn __b64_ntop(src: *const u8, srclength: usize, target: *mut c_char, targsize: usize) -> c_int {
    // SAFETY: the caller's contract.
    let (src, dst) = unsafe {
        (
            core::slice::from_raw_parts(
                if srclength == 0 { core::ptr::NonNull::dangling().as_ptr() } else { src },
                srclength,
            ),
            core::slice::from_raw_parts_mut(target.cast::<u8>(), targsize),
        )
    };
    encode(src, dst).map_or(-1, |n| n as c_int)
}

/// `b64_pton`: decodes base 64 text into `target` (or only counts, when
/// `target` is null); the octets, or -1 if malformed or out of room.
///
/// # Safety
/// `src` is a C string; `target` null or writable for `targsize` octets.
#[export]
pub unsafe extern "C" fn __b64_pton(src: *const c_char, target: *mut u8, targsize: usize) -> c_int {
    // SAFETY: the caller's contract.
    let text = unsafe { core::ffi::CStr::from_ptr(src) }.to_bytes();
    // SAFETY: the caller's contract.
    let dst = (!target.is_null()).then(|| unsafe { core::slice::from_raw_parts_mut(target, targsize) });
    decode(text, dst).map_or(-1, |n| n as c_int)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let mut t = [0u8; 16];
        assert_eq!(encode(b"hello", &mut t), Some(8));
        assert_eq!(&t[..9], b"aGVsbG8=\0");
        let mut d = [0u8; 8];
        assert_eq!(decode(b"aGVs bG8=", Some(&mut d)), Some(5));
        assert_eq!(&d[..5], b"hello");
        assert_eq!(decode(b"aGVsbG8=", None), Some(5));
        assert_eq!(decode(b"aGVsbG8", None), None);
        assert_eq!(encode(b"hello", &mut t[..8]), None);
    }
}
