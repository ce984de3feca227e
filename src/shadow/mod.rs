//! `<shadow.h>` and `<gshadow.h>`: what glibc has and musl lacks. From
//! `<shadow.h>`, `sgetspent` and `sgetspent_r` (parse one shadow line); the
//! group shadow database (`gshadow`) entirely.

pub mod gshadow;

use crate::netdb::files::{Packer, StaticEntry};
use core::ffi::{c_char, c_int, c_long, c_ulong};
use core::ptr::null_mut;

/// glibc's `struct spwd`.
#[repr(C)]
pub struct Spwd {
    sp_namp: *mut c_char,
    sp_pwdp: *mut c_char,
    sp_lstchg: c_long,
    sp_min: c_long,
    sp_max: c_long,
    sp_warn: c_long,
    sp_inact: c_long,
    sp_expire: c_long,
    sp_flag: c_ulong,
}

/// `strtoul` base 10 as glibc's field parser uses it: optional blanks and
/// sign, digits; returns the value and the bytes used (0: no number).
pub(crate) fn strtoul(s: &[u8]) -> (u64, usize) {
    let mut i = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    let negative = match s.get(i) {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let digits = s[i..].iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 {
        return (0, 0);
    }
    let mut v: u64 = 0;
    let mut overflow = false;
    for &d in &s[i..i + digits] {
        match v.checked_mul(10).and_then(|v| v.checked_add(u64::from(d - b'0'))) {
            Some(n) => v = n,
            None => overflow = true,
        }
    }
    let v = if overflow {
        u64::MAX
    } else if negative {
        v.wrapping_neg()
    } else {
        v
    };
    (v, i + digits)
}

/// glibc's `INT_FIELD_MAYBE_NULL` with `:` as terminator: None when the
/// line ends before the field, the number runs into something else, or
/// it is negative or wider than 32 bits.
fn int_field(line: &mut &[u8]) -> Option<Option<u64>> {
    if line.is_empty() {
        return None;
    }
    let (v, used) = strtoul(line);
    // glibc's 32-bit reading refuses a negative number or one past 32 bits.
    let negative = line.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'-');
    if used != 0 && (negative || v > u64::from(u32::MAX)) {
        return None;
    }
    let value = if used == 0 { None } else { Some(v) };
    match line.get(used) {
        Some(b':') => *line = &line[used + 1..],
        None => *line = &line[used..],
        Some(_) => return None,
    }
    Some(value)
}

/// A field up to the next `:` (or the end).
fn string_field<'a>(line: &mut &'a [u8]) -> &'a [u8] {
    let end = line.iter().position(|&b| b == b':').unwrap_or(line.len());
    let field = &line[..end];
    *line = if end < line.len() { &line[end + 1..] } else { &line[end..] };
    field
}

/// A shadow line's fields, as glibc's `sgetspent_r` parses it.
struct Parsed<'a> {
    name: &'a [u8],
    passwd: &'a [u8],
    numbers: [c_long; 6],
    flag: c_ulong,
}

fn parse_spwd(line: &[u8]) -> Option<Parsed<'_>> {
    let mut line = &line[..line.iter().position(|&b| b == b'\n').unwrap_or(line.len())];
    let name = string_field(&mut line);
    let passwd = string_field(&mut line);
    let as_long = |v: Option<u64>| v.map_or(-1, |v| c_long::from(v as u32 as i32));
    let mut numbers = [-1 as c_long; 6];
    for slot in numbers.iter_mut().take(3) {
        *slot = as_long(int_field(&mut line)?);
    }
    let skip = line.iter().take_while(|b| b.is_ascii_whitespace()).count();
    line = &line[skip..];
    let mut flag = c_ulong::MAX;
    if !line.is_empty() {
        for slot in numbers.iter_mut().skip(3) {
            *slot = as_long(int_field(&mut line)?);
        }
        if !line.is_empty() {
            flag = int_field(&mut line)?.unwrap_or(c_ulong::MAX);
        }
    }
    Some(Parsed { name, passwd, numbers, flag })
}

/// `sgetspent_r`: parses the shadow line `string` into `result_buf`, its
/// strings in `buf`. 0 with `*result` set; `ERANGE` when `buf` is too
/// small; an error with `*result` null for a line that does not parse.
///
/// # Safety
/// `string` a C string; `result_buf` and `result` writable, `buf` for
/// `len` bytes.
#[export]
pub unsafe extern "C" fn sgetspent_r(
    string: *const c_char,
    result_buf: *mut Spwd,
    buf: *mut c_char,
    len: usize,
    result: *mut *mut Spwd,
) -> c_int {
    // SAFETY: the caller's result pointer.
    unsafe { *result = null_mut() };
    // SAFETY: a C string.
    let line = unsafe { core::ffi::CStr::from_ptr(string) }.to_bytes();
    if line.len() >= len {
        crate::abi::errno::set(libc::ERANGE);
        return libc::ERANGE;
    }
    let Some(p) = parse_spwd(line) else {
        crate::abi::errno::set(libc::EINVAL);
        return libc::EINVAL;
    };
    // SAFETY: the caller's buffer.
    let mut packer = unsafe { Packer::new(buf, len) };
    let (Some(name), Some(passwd)) = (packer.string(p.name), packer.string(p.passwd)) else {
        crate::abi::errno::set(libc::ERANGE);
        return libc::ERANGE;
    };
    let n = p.numbers;
    // SAFETY: the caller's writable entry and result.
    unsafe {
        *result_buf = Spwd {
            sp_namp: name,
            sp_pwdp: passwd,
            sp_lstchg: n[0],
            sp_min: n[1],
            sp_max: n[2],
            sp_warn: n[3],
            sp_inact: n[4],
            sp_expire: n[5],
            sp_flag: p.flag,
        };
        *result = result_buf;
    }
    0
}

/// sgetspent's entry and buffer, grown as glibc's is for a long line.
static STATIC: StaticEntry<Spwd> = StaticEntry::new(Spwd {
    sp_namp: null_mut(),
    sp_pwdp: null_mut(),
    sp_lstchg: 0,
    sp_min: 0,
    sp_max: 0,
    sp_warn: 0,
    sp_inact: 0,
    sp_expire: 0,
    sp_flag: 0,
});

/// `sgetspent`: parses the shadow line `string` into a static entry; null
/// if it does not parse (sgetspent(3)).
///
/// # Safety
/// `string` a C string; not thread-safe.
#[export]
pub unsafe extern "C" fn sgetspent(string: *const c_char) -> *mut Spwd {
    // SAFETY: the static entry and buffer (not thread-safe, in glibc
    // either); the caller's string.
    unsafe { STATIC.call(|e, b, l, r| sgetspent_r(string, e, b, l, r)) }
}

#[cfg(test)]
mod tests {
    use super::parse_spwd;

    #[test]
    fn glibc_field_rules() {
        let p = parse_spwd(b"root:*:19000:0:99999:7:::\n").unwrap();
        assert_eq!((p.name, p.passwd), (&b"root"[..], &b"*"[..]));
        assert_eq!(p.numbers, [19000, 0, 99999, 7, -1, -1]);
        assert_eq!(p.flag, !0);
        // The old five-field form; a number past 32 bits or negative fails.
        assert_eq!(parse_spwd(b"old:x:1:2:3").unwrap().numbers, [1, 2, 3, -1, -1, -1]);
        assert!(parse_spwd(b"n:x:4294967296:1:2").is_none());
        assert!(parse_spwd(b"n:x:1:-2:3").is_none());
        assert!(parse_spwd(b"short:x:100:2").is_none());
        assert_eq!(parse_spwd(b"n:x:2147483648:1:2").unwrap().numbers[0], -2147483648);
    }
}
