//! Name comparisons and TTL text of `<arpa/nameser.h>` (BIND 8, glibc's
//! libresolv, GLIBC_2.9): `ns_makecanon`, `ns_samename`, `ns_samedomain`,
//! `ns_subdomain`, `ns_name_ntol`, `ns_name_rollback`, `ns_parse_ttl`,
//! `ns_format_ttl`.

use crate::abi::errno;
use core::ffi::{CStr, c_char, c_int, c_ulong};

/// Presentation name `src` with its unescaped trailing dots replaced by one.
fn canon(src: &[u8], dst: &mut [u8]) -> Option<usize> {
    let mut n = src.len();
    if n + 2 > dst.len() {
        return None;
    }
    dst[..n].copy_from_slice(src);
    while n >= 1 && dst[n - 1] == b'.' {
        // "\." ends the name (but "\\." does not).
        if n >= 2 && dst[n - 2] == b'\\' && (n < 3 || dst[n - 3] != b'\\') {
            break;
        }
        n -= 1;
    }
    dst[n] = b'.';
    dst[n + 1] = 0;
    Some(n + 1)
}

/// Length of `name` without one unescaped trailing dot.
fn trimmed_len(name: &[u8]) -> usize {
    let mut len = name.len();
    if len != 0 && name[len - 1] == b'.' {
        let backslashes = name[..len - 1].iter().rev().take_while(|&&c| c == b'\\').count();
        if backslashes % 2 == 0 {
            len -= 1;
        }
    }
    len
}

/// Whether `a` is `b` or inside it (BIND's `ns_samedomain`).
fn same_domain(a: &[u8], b: &[u8]) -> bool {
    let (la, lb) = (trimmed_len(a), trimmed_len(b));
    if lb == 0 {
        return true;
    }
    if lb > la {
        return false;
    }
    if lb == la {
        return a[..la].eq_ignore_ascii_case(&b[..lb]);
    }
    let diff = la - lb;
    if diff < 2 || a[diff - 1] != b'.' {
        return false;
    }
    let backslashes = a[..diff - 1].iter().rev().take_while(|&&c| c == b'\\').count();
    if backslashes % 2 == 1 {
        return false;
    }
    a[diff..la].eq_ignore_ascii_case(&b[..lb])
}

/// Whether two presentation names are the same (case and a trailing dot
/// aside); None if either is too long.
pub(crate) fn same_name(a: &[u8], b: &[u8]) -> Option<bool> {
    let (mut ta, mut tb) = ([0u8; super::name::MAXDNAME], [0u8; super::name::MAXDNAME]);
    let la = canon(a, &mut ta)?;
    let lb = canon(b, &mut tb)?;
    Some(ta[..la].eq_ignore_ascii_case(&tb[..lb]))
}

/// # Safety
/// `s` is a C string.
unsafe fn bytes<'a>(s: *const c_char) -> &'a [u8] {
    // SAFETY: the caller's contract.
    unsafe { CStr::from_ptr(s) }.to_bytes()
}

/// `ns_makecanon`: `src` with exactly one trailing dot; -1 (`EMSGSIZE`)
/// if `dst` is too small.
///
/// # Safety
/// `src` a C string, `dst` writable for `dstsize` octets.
#[export]
pub unsafe extern "C" fn ns_makecanon(src: *const c_char, dst: *mut c_char, dstsize: usize) -> c_int {
    // SAFETY: the caller's contract.
    let (s, d) = unsafe { (bytes(src), core::slice::from_raw_parts_mut(dst.cast::<u8>(), dstsize)) };
    match canon(s, d) {
        Some(_) => 0,
        None => {
            errno::set(libc::EMSGSIZE);
            -1
        }
    }
}

/// `ns_samename`: 1 if the two names are the same (case and a trailing
/// dot aside), 0 if not, -1 if either is too long.
///
/// # Safety
/// `a` and `b` are C strings.
#[export]
pub unsafe extern "C" fn ns_samename(a: *const c_char, b: *const c_char) -> c_int {
    // SAFETY: the caller's contract.
    match same_name(unsafe { bytes(a) }, unsafe { bytes(b) }) {
        Some(same) => c_int::from(same),
        None => {
            errno::set(libc::EMSGSIZE);
            -1
        }
    }
}

/// `ns_samedomain`: whether `a` is `b` or a name inside the domain `b`.
///
/// # Safety
/// `a` and `b` are C strings.
#[export]
pub unsafe extern "C" fn ns_samedomain(a: *const c_char, b: *const c_char) -> c_int {
    // SAFETY: the caller's contract.
    c_int::from(same_domain(unsafe { bytes(a) }, unsafe { bytes(b) }))
}

/// `ns_subdomain`: whether `a` is inside the domain `b` and not `b` itself.
///
/// # Safety
/// `a` and `b` are C strings.
#[export]
pub unsafe extern "C" fn ns_subdomain(a: *const c_char, b: *const c_char) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { c_int::from(ns_samename(a, b) != 1 && ns_samedomain(a, b) != 0) }
}

/// `ns_name_ntol`: the wire name `src` with ASCII letters lowered; its
/// length, or -1 (`EMSGSIZE`).
///
/// # Safety
/// `src` is a wire name; `dst` writable for `dstsiz` octets.
#[export]
pub unsafe extern "C" fn ns_name_ntol(src: *const u8, dst: *mut u8, dstsiz: usize) -> c_int {
    // SAFETY: the caller's contract.
    let d = unsafe { core::slice::from_raw_parts_mut(dst, dstsiz) };
    let mut at = 0usize;
    let mut cp = src;
    loop {
        // SAFETY: walks the caller's wire name label by label.
        let n = unsafe { *cp };
        if at >= d.len() || n & 0xc0 != 0 {
            errno::set(libc::EMSGSIZE);
            return -1;
        }
        d[at] = n;
        at += 1;
        if n == 0 {
            return at as c_int;
        }
        let n = usize::from(n);
        if at + n >= d.len() {
            errno::set(libc::EMSGSIZE);
            return -1;
        }
        // SAFETY: the label's octets follow its length.
        let label = unsafe { core::slice::from_raw_parts(cp.add(1), n) };
        for (k, &c) in label.iter().enumerate() {
            d[at + k] = c.to_ascii_lowercase();
        }
        at += n;
        // SAFETY: the next label.
        cp = unsafe { cp.add(n + 1) };
    }
}

/// `ns_name_rollback`: forgets the names `dnptrs` recorded at or after
/// `src` (a failed `ns_name_pack`'s).
///
/// # Safety
/// `dnptrs..lastdnptr` is the caller's NULL-terminated array.
#[export]
pub unsafe extern "C" fn ns_name_rollback(src: *const u8, mut dnptrs: *mut *const u8, lastdnptr: *mut *const u8) {
    // SAFETY: the caller's array, up to its end or its NULL.
    unsafe {
        while dnptrs < lastdnptr && !(*dnptrs).is_null() {
            if *dnptrs >= src {
                *dnptrs = core::ptr::null();
                break;
            }
            dnptrs = dnptrs.add(1);
        }
    }
}

/// A TTL such as `"1W2D3h"` or `"3600"` in seconds.
fn parse_ttl(src: &[u8]) -> Option<c_ulong> {
    let (mut ttl, mut tmp, mut digits, mut dirty) = (0 as c_ulong, 0 as c_ulong, 0, false);
    for &c in src {
        if !(0x20..0x7f).contains(&c) {
            return None;
        }
        if c.is_ascii_digit() {
            tmp = tmp.wrapping_mul(10).wrapping_add(c_ulong::from(c - b'0'));
            digits += 1;
            continue;
        }
        if digits == 0 {
            return None;
        }
        let scale: c_ulong = match c.to_ascii_uppercase() {
            b'W' => 7 * 24 * 3600,
            b'D' => 24 * 3600,
            b'H' => 3600,
            b'M' => 60,
            b'S' => 1,
            _ => return None,
        };
        ttl = ttl.wrapping_add(tmp.wrapping_mul(scale));
        tmp = 0;
        digits = 0;
        dirty = true;
    }
    if digits > 0 {
        if dirty {
            return None;
        }
        ttl = ttl.wrapping_add(tmp);
    } else if !dirty {
        return None;
    }
    Some(ttl)
}

/// `ns_parse_ttl`: a TTL in BIND's text form (`"1W2D"`, `"3600"`) to
/// seconds in `*dst`; 0, or -1 (`EINVAL`).
///
/// # Safety
/// `src` is a C string; `dst` is writable.
#[export]
pub unsafe extern "C" fn ns_parse_ttl(src: *const c_char, dst: *mut c_ulong) -> c_int {
    // SAFETY: the caller's contract.
    match parse_ttl(unsafe { bytes(src) }) {
        Some(ttl) => {
            // SAFETY: the caller's contract.
            unsafe { *dst = ttl };
            0
        }
        None => {
            errno::set(libc::EINVAL);
            -1
        }
    }
}

/// `ns_format_ttl`: seconds as BIND's text (`"1w2d3h"`, `"30S"`); its
/// length, or -1 when `dst` is too small.
///
/// # Safety
/// `dst` is writable for `dstlen` octets.
#[export]
pub unsafe extern "C" fn ns_format_ttl(src: c_ulong, dst: *mut c_char, dstlen: usize) -> c_int {
    // SAFETY: the caller's contract.
    let d = unsafe { core::slice::from_raw_parts_mut(dst.cast::<u8>(), dstlen) };
    let mut src = src;
    let secs = src % 60;
    src /= 60;
    let mins = src % 60;
    src /= 60;
    let hours = src % 24;
    src /= 24;
    let days = src % 7;
    let weeks = src / 7;
    let mut at = 0usize;
    let mut parts = 0;
    for (value, unit) in [(weeks, b'W'), (days, b'D'), (hours, b'H'), (mins, b'M')] {
        if value != 0 {
            let Some(n) = unit_text(value, unit, &mut d[at..]) else { return -1 };
            at += n;
            parts += 1;
        }
    }
    if secs != 0 || (weeks | days | hours | mins) == 0 {
        let Some(n) = unit_text(secs, b'S', &mut d[at..]) else { return -1 };
        at += n;
        parts += 1;
    }
    if parts > 1 {
        d[..at].make_ascii_lowercase();
    }
    at as c_int
}

/// `"<value><unit>"` and a NUL into `out`; the text's length.
fn unit_text(value: c_ulong, unit: u8, out: &mut [u8]) -> Option<usize> {
    let mut digits = [0u8; 24];
    let mut n = 0;
    // glibc formats with %d: the value as a C int.
    let mut v = i64::from(value as c_int);
    let negative = v < 0;
    v = v.abs();
    loop {
        digits[n] = b'0' + (v % 10) as u8;
        n += 1;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    if negative {
        digits[n] = b'-';
        n += 1;
    }
    digits[..n].reverse();
    let len = n + 1;
    if len + 1 > out.len() {
        return None;
    }
    out[..n].copy_from_slice(&digits[..n]);
    out[n] = unit;
    out[n + 1] = 0;
    Some(len)
}
