//! Domain names in DNS messages (RFC 1035 section 3.1 and 4.1.4): the
//! `ns_name_*` family of `<arpa/nameser.h>` and the `dn_*` names of
//! `<resolv.h>` built on it, with BIND's (and glibc's) semantics.
//!
//! Three forms: *presentation* (`"www.example."`, with `\.` and `\DDD`
//! escapes), *wire* (length-prefixed labels ending in a zero octet), and
//! *compressed* wire, where a name may end in a pointer (two octets, top
//! bits `11`) to an earlier name in the message.
//!
//! musl 1.2.5 has `dn_comp`, `dn_expand`, `dn_skipname` and
//! `ns_name_uncompress`; glibc 2.34+ programs call those names and get
//! musl's. The shim gives the rest, and the `__dn_*` names older programs
//! call, here.

use crate::abi::errno;
use core::ffi::{c_char, c_int};
use core::ptr;

/// Longest name in wire form (RFC 1035 section 2.3.4), `NS_MAXCDNAME`.
pub const MAXCDNAME: usize = 255;
/// Longest presentation form, `NS_MAXDNAME`.
pub const MAXDNAME: usize = 1025;
const CMPRSFLGS: u8 = 0xc0;

fn fail<T>(code: c_int, value: T) -> T {
    errno::set(code);
    value
}

/// Characters escaped with a backslash in presentation form.
fn special(c: u8) -> bool {
    matches!(c, b'"' | b'.' | b';' | b'\\' | b'(' | b')' | b'@' | b'$')
}

fn printable(c: u8) -> bool {
    c > 0x20 && c < 0x7f
}

/// Wire `src` to presentation form in `dst`; the length written, NUL
/// included.
pub fn ntop(src: &[u8], dst: &mut [u8]) -> Result<usize, c_int> {
    let mut out = 0usize;
    let mut put = |b: u8, out: &mut usize| -> Result<(), c_int> {
        *dst.get_mut(*out).ok_or(libc::EMSGSIZE)? = b;
        *out += 1;
        Ok(())
    };
    let mut i = 0usize;
    loop {
        let n = *src.get(i).ok_or(libc::EMSGSIZE)?;
        i += 1;
        if n == 0 {
            break;
        }
        if n & CMPRSFLGS != 0 {
            return Err(libc::EMSGSIZE);
        }
        if out != 0 {
            put(b'.', &mut out)?;
        }
        let label = src.get(i..i + usize::from(n)).ok_or(libc::EMSGSIZE)?;
        i += usize::from(n);
        for &c in label {
            if special(c) {
                put(b'\\', &mut out)?;
                put(c, &mut out)?;
            } else if !printable(c) {
                put(b'\\', &mut out)?;
                put(b'0' + c / 100, &mut out)?;
                put(b'0' + c / 10 % 10, &mut out)?;
                put(b'0' + c % 10, &mut out)?;
            } else {
                put(c, &mut out)?;
            }
        }
    }
    if out == 0 {
        put(b'.', &mut out)?;
    }
    put(0, &mut out)?;
    Ok(out)
}

/// Presentation `src` (no NUL) to wire form in `dst`: `Ok(true)` when the
/// name was fully qualified (ended in a dot), and the wire length.
pub fn pton(src: &[u8], dst: &mut [u8]) -> Result<(bool, usize), c_int> {
    let mut label = 0usize; // index of the current label's length octet
    let mut out = 1usize;
    let mut i = 0usize;
    let next = |i: &mut usize| -> u8 {
        let c = src.get(*i).copied().unwrap_or(0);
        *i += 1;
        c
    };
    let close = |dst: &mut [u8], label: usize, out: usize| -> Result<u8, c_int> {
        let len = out - label - 1;
        if len > 63 {
            return Err(libc::EMSGSIZE);
        }
        *dst.get_mut(label).ok_or(libc::EMSGSIZE)? = len as u8;
        Ok(len as u8)
    };
    loop {
        let mut c = next(&mut i);
        if c == 0 {
            break;
        }
        if c == b'\\' {
            c = next(&mut i);
            if c.is_ascii_digit() {
                let mut n = u32::from(c - b'0') * 100;
                for scale in [10, 1] {
                    let d = next(&mut i);
                    if !d.is_ascii_digit() {
                        return Err(libc::EMSGSIZE);
                    }
                    n += u32::from(d - b'0') * scale;
                }
                if n > 255 {
                    return Err(libc::EMSGSIZE);
                }
                c = n as u8;
            } else if c == 0 {
                // A backslash escaping nothing: glibc refuses the name.
                return Err(libc::EMSGSIZE);
            }
        } else if c == b'.' {
            let len = close(dst, label, out)?;
            if src.get(i).copied().unwrap_or(0) == 0 {
                if len != 0 {
                    *dst.get_mut(out).ok_or(libc::EMSGSIZE)? = 0;
                    out += 1;
                }
                if out > MAXCDNAME {
                    return Err(libc::EMSGSIZE);
                }
                return Ok((true, out));
            }
            if len == 0 || src[i] == b'.' {
                return Err(libc::EMSGSIZE);
            }
            label = out;
            out += 1;
            continue;
        }
        *dst.get_mut(out).ok_or(libc::EMSGSIZE)? = c;
        out += 1;
    }
    let len = close(dst, label, out)?;
    if len != 0 {
        *dst.get_mut(out).ok_or(libc::EMSGSIZE)? = 0;
        out += 1;
    }
    if out > MAXCDNAME {
        return Err(libc::EMSGSIZE);
    }
    Ok((false, out))
}

/// Unpacks the possibly compressed name at `msg[at..]` into wire form in
/// `dst`: the octets the name takes at `at`.
pub fn unpack(msg: &[u8], at: usize, dst: &mut [u8]) -> Result<usize, c_int> {
    if at >= msg.len() {
        return Err(libc::EMSGSIZE);
    }
    let (mut src, mut out, mut len, mut checked) = (at, 0usize, None, 0usize);
    loop {
        let n = msg[src];
        src += 1;
        if n == 0 {
            break;
        }
        match n & CMPRSFLGS {
            0 => {
                let n = usize::from(n);
                if out + n + 1 >= dst.len() || src + n >= msg.len() {
                    return Err(libc::EMSGSIZE);
                }
                checked += n + 1;
                dst[out] = n as u8;
                dst[out + 1..out + 1 + n].copy_from_slice(&msg[src..src + n]);
                out += n + 1;
                src += n;
            }
            CMPRSFLGS => {
                let low = *msg.get(src).ok_or(libc::EMSGSIZE)?;
                if len.is_none() {
                    len = Some(src - at + 1);
                }
                src = usize::from(n & 0x3f) << 8 | usize::from(low);
                if src >= msg.len() {
                    return Err(libc::EMSGSIZE);
                }
                // Every octet of the message visited once at most: a loop.
                checked += 2;
                if checked >= msg.len() {
                    return Err(libc::EMSGSIZE);
                }
            }
            _ => return Err(libc::EMSGSIZE),
        }
    }
    *dst.get_mut(out).ok_or(libc::EMSGSIZE)? = 0;
    Ok(len.unwrap_or(src - at))
}

/// Octets the possibly compressed name at the start of `msg` takes: its
/// labels up to the root label or a whole compression pointer, inside the
/// message (a name the message ends in the middle of is `EMSGSIZE`).
pub fn skip(msg: &[u8]) -> Result<usize, c_int> {
    let mut cp = 0usize;
    while let Some(&n) = msg.get(cp) {
        cp += 1;
        match n & CMPRSFLGS {
            0 if n == 0 => return Ok(cp),
            0 => cp += usize::from(n),
            CMPRSFLGS if cp < msg.len() => return Ok(cp + 1),
            _ => break,
        }
    }
    Err(libc::EMSGSIZE)
}

/// The offset in `msg` of a name already in the message (listed in
/// `dnptrs`) equal to the wire name `domain`, ignoring ASCII case.
///
/// # Safety
/// `dnptrs` points at pointers into the message at `msg` up to `last`, each
/// at a name whose pointers stay inside the message.
unsafe fn find(domain: &[u8], msg: *const u8, dnptrs: *const *mut u8, last: *const *mut u8) -> Option<usize> {
    let mut cpp = dnptrs;
    while cpp < last {
        // SAFETY: `cpp` is below `last` in the caller's array; the names
        // are in the message (the caller's contract).
        unsafe {
            let mut sp = (*cpp).cast_const();
            while *sp != 0 && *sp & CMPRSFLGS == 0 && (sp.offset_from(msg) as usize) < 0x4000 {
                if same_name(domain, msg, sp) {
                    return Some(sp.offset_from(msg) as usize);
                }
                sp = sp.add(usize::from(*sp) + 1);
            }
            cpp = cpp.add(1);
        }
    }
    None
}

/// Whether the message name at `cp` (following pointers) equals `domain`.
///
/// # Safety
/// As in [`find`].
unsafe fn same_name(domain: &[u8], msg: *const u8, mut cp: *const u8) -> bool {
    let mut dn = 0usize;
    let mut hops = 0;
    // SAFETY: the caller's contract: `cp` walks a name inside the message.
    unsafe {
        loop {
            let n = *cp;
            cp = cp.add(1);
            if n == 0 {
                return domain.get(dn) == Some(&0);
            }
            match n & CMPRSFLGS {
                0 => {
                    if domain.get(dn) != Some(&n) {
                        return false;
                    }
                    dn += 1;
                    for k in 0..usize::from(n) {
                        let a = domain.get(dn + k).copied().unwrap_or(0);
                        if !a.eq_ignore_ascii_case(&*cp.add(k)) {
                            return false;
                        }
                    }
                    dn += usize::from(n);
                    cp = cp.add(usize::from(n));
                }
                CMPRSFLGS => {
                    hops += 1;
                    if hops > 127 {
                        return false;
                    }
                    cp = msg.add(usize::from(n & 0x3f) << 8 | usize::from(*cp));
                }
                _ => return false,
            }
        }
    }
}

/// Packs the wire name `src` into `dst`, compressed against the names
/// `dnptrs` lists (BIND's `ns_name_pack`); the octets written.
///
/// # Safety
/// `dst` is writable for `dstsiz` octets; `dnptrs`, if not null, is the
/// array `dn_comp` documents (message start, then names, NULL-terminated)
/// with room up to `lastdnptr`.
unsafe fn pack(
    src: &[u8],
    dst: *mut u8,
    dstsiz: usize,
    dnptrs: *mut *mut u8,
    lastdnptr: *mut *mut u8,
) -> Result<usize, c_int> {
    // Check the name first: labels, total length.
    let mut total = 0usize;
    let mut i = 0usize;
    loop {
        let n = *src.get(i).ok_or(libc::EMSGSIZE)?;
        if n & CMPRSFLGS != 0 {
            return Err(libc::EMSGSIZE);
        }
        total += usize::from(n) + 1;
        if total > MAXCDNAME {
            return Err(libc::EMSGSIZE);
        }
        i += usize::from(n) + 1;
        if n == 0 {
            break;
        }
    }
    let (mut msg, mut cpp, mut lpp): (*mut u8, *mut *mut u8, *mut *mut u8) =
        (ptr::null_mut(), ptr::null_mut(), ptr::null_mut());
    if !dnptrs.is_null() {
        // SAFETY: the caller's array: dnptrs[0] is the message start, then
        // a NULL-terminated list.
        unsafe {
            msg = *dnptrs;
            if !msg.is_null() {
                cpp = dnptrs.add(1);
                while !(*cpp).is_null() {
                    cpp = cpp.add(1);
                }
                lpp = cpp;
            }
        }
    }
    let (mut s, mut d) = (0usize, 0usize);
    loop {
        let n = src[s];
        if n != 0 && !msg.is_null() {
            // SAFETY: the list between dnptrs+1 and lpp holds names in the
            // message (the caller's contract).
            if let Some(off) = unsafe { find(&src[s..], msg, dnptrs.add(1), lpp) } {
                if d + 2 > dstsiz {
                    break;
                }
                // SAFETY: d + 2 <= dstsiz.
                unsafe {
                    *dst.add(d) = (off >> 8) as u8 | CMPRSFLGS;
                    *dst.add(d + 1) = off as u8;
                }
                return Ok(d + 2);
            }
            // SAFETY: pointers into the same message buffer.
            let offset = unsafe { dst.add(d).offset_from(msg) };
            if !lastdnptr.is_null() && cpp < lastdnptr.wrapping_sub(1) && offset < 0x4000 {
                // SAFETY: cpp + 1 < lastdnptr, inside the caller's array.
                unsafe {
                    *cpp = dst.add(d);
                    cpp = cpp.add(1);
                    *cpp = ptr::null_mut();
                }
            }
        }
        let len = usize::from(n) + 1;
        if d + len > dstsiz {
            break;
        }
        // SAFETY: d + len <= dstsiz; the label is in `src`.
        unsafe { ptr::copy_nonoverlapping(src[s..].as_ptr(), dst.add(d), len) };
        s += len;
        d += len;
        if n == 0 {
            return Ok(d);
        }
    }
    // Out of room: forget the names recorded for this call.
    if !msg.is_null() {
        // SAFETY: lpp is the list's end the caller gave room for.
        unsafe { *lpp = ptr::null_mut() };
    }
    Err(libc::EMSGSIZE)
}

/// The message between `msg` and `eom`, or an empty one.
///
/// # Safety
/// `msg..eom` is readable.
unsafe fn message<'a>(msg: *const u8, eom: *const u8) -> &'a [u8] {
    if msg.is_null() || eom <= msg {
        return &[];
    }
    // SAFETY: the caller's contract.
    unsafe { core::slice::from_raw_parts(msg, eom.offset_from(msg) as usize) }
}

/// # Safety
/// `src` is a NUL-terminated string.
unsafe fn cstr<'a>(src: *const c_char) -> &'a [u8] {
    // SAFETY: the caller's contract.
    unsafe { core::ffi::CStr::from_ptr(src).to_bytes() }
}

/// # Safety
/// `dst` is writable for `len` octets.
unsafe fn out<'a>(dst: *mut u8, len: usize) -> &'a mut [u8] {
    // SAFETY: the caller's contract.
    unsafe { core::slice::from_raw_parts_mut(dst, len) }
}

/// The wire name at `src`, bounded by the longest legal one.
///
/// # Safety
/// `src` points at a wire name (or at least 255 readable octets).
unsafe fn wire<'a>(src: *const u8) -> &'a [u8] {
    let mut len = 0usize;
    // SAFETY: walks the labels of a wire name, stopping at its end.
    unsafe {
        while len < MAXCDNAME {
            let n = *src.add(len);
            len += usize::from(n & 0x3f) + 1;
            if n == 0 || n & CMPRSFLGS != 0 {
                break;
            }
        }
        core::slice::from_raw_parts(src, len.min(MAXCDNAME + 64))
    }
}

/// `ns_name_ntop`: a wire name to presentation form (BIND, `<arpa/nameser.h>`).
///
/// # Safety
/// `src` is a wire name; `dst` is writable for `dstsiz` octets.
#[export]
pub unsafe extern "C" fn ns_name_ntop(src: *const u8, dst: *mut c_char, dstsiz: usize) -> c_int {
    // SAFETY: the caller's contract.
    match ntop(unsafe { wire(src) }, unsafe { out(dst.cast(), dstsiz) }) {
        Ok(n) => n as c_int,
        Err(e) => fail(e, -1),
    }
}

/// `ns_name_pton`: presentation form to a wire name; 1 if fully qualified,
/// 0 if not, -1 (`EMSGSIZE`) if malformed or too long.
///
/// # Safety
/// `src` is a C string; `dst` is writable for `dstsiz` octets.
#[export]
pub unsafe extern "C" fn ns_name_pton(src: *const c_char, dst: *mut u8, dstsiz: usize) -> c_int {
    // SAFETY: the caller's contract.
    match pton(unsafe { cstr(src) }, unsafe { out(dst, dstsiz) }) {
        Ok((qualified, _)) => c_int::from(qualified),
        Err(e) => fail(e, -1),
    }
}

/// `ns_name_unpack`: the possibly compressed name at `src` in the message
/// `msg..eom` to a wire name; the octets it takes at `src`.
///
/// # Safety
/// `msg..eom` is readable, `src` inside it; `dst` writable for `dstsiz`.
#[export]
pub unsafe extern "C" fn ns_name_unpack(
    msg: *const u8,
    eom: *const u8,
    src: *const u8,
    dst: *mut u8,
    dstsiz: usize,
) -> c_int {
    // SAFETY: the caller's contract.
    let m = unsafe { message(msg, eom) };
    if src < msg || src >= eom {
        return fail(libc::EMSGSIZE, -1);
    }
    // SAFETY: src is inside the message.
    let at = unsafe { src.offset_from(msg) } as usize;
    // SAFETY: the caller's contract.
    match unpack(m, at, unsafe { out(dst, dstsiz) }) {
        Ok(n) => n as c_int,
        Err(e) => fail(e, -1),
    }
}

/// `ns_name_pack`: a wire name into a message, compressed against `dnptrs`.
///
/// # Safety
/// As `dn_comp`: `src` a wire name, `dst` writable for `dstsiz`, `dnptrs`
/// null or the documented array ending before `lastdnptr`.
#[export]
pub unsafe extern "C" fn ns_name_pack(
    src: *const u8,
    dst: *mut u8,
    dstsiz: c_int,
    dnptrs: *mut *mut u8,
    lastdnptr: *mut *mut u8,
) -> c_int {
    // SAFETY: the caller's contract.
    match unsafe { pack(wire(src), dst, dstsiz.max(0) as usize, dnptrs, lastdnptr) } {
        Ok(n) => n as c_int,
        Err(e) => fail(e, -1),
    }
}

/// `ns_name_compress`: presentation form into a message, compressed.
///
/// # Safety
/// As [`ns_name_pack`], with `src` a C string.
#[export]
pub unsafe extern "C" fn ns_name_compress(
    src: *const c_char,
    dst: *mut u8,
    dstsiz: usize,
    dnptrs: *mut *const u8,
    lastdnptr: *mut *const u8,
) -> c_int {
    let mut tmp = [0u8; MAXCDNAME];
    // SAFETY: the caller's contract.
    let name = match pton(unsafe { cstr(src) }, &mut tmp) {
        Ok((_, len)) => &tmp[..len],
        Err(e) => return fail(e, -1),
    };
    // SAFETY: the caller's contract.
    match unsafe { pack(name, dst, dstsiz, dnptrs.cast(), lastdnptr.cast()) } {
        Ok(n) => n as c_int,
        Err(e) => fail(e, -1),
    }
}

/// `ns_name_skip`: advances `*ptrptr` past the name there.
///
/// # Safety
/// `*ptrptr..eom` is readable.
#[export]
pub unsafe extern "C" fn ns_name_skip(ptrptr: *mut *const u8, eom: *const u8) -> c_int {
    // SAFETY: the caller's contract.
    let start = unsafe { *ptrptr };
    // SAFETY: the caller's contract.
    match skip(unsafe { message(start, eom) }) {
        Ok(n) => {
            // SAFETY: n octets of the message.
            unsafe { *ptrptr = start.add(n) };
            0
        }
        Err(e) => fail(e, -1),
    }
}

/// glibc's `dn_expand` over a message: the name at `msg[at..]` as text in
/// `dst` (the root as `""`); the octets it takes.
pub fn expand(msg: &[u8], at: usize, dst: &mut [u8]) -> Result<usize, c_int> {
    let n = uncompress(msg, at, dst)?;
    if dst[0] == b'.' {
        dst[0] = 0;
    }
    Ok(n)
}

fn uncompress(msg: &[u8], at: usize, dst: &mut [u8]) -> Result<usize, c_int> {
    let mut tmp = [0u8; MAXCDNAME];
    let n = unpack(msg, at, &mut tmp)?;
    ntop(&tmp, dst)?;
    Ok(n)
}

/// `__dn_expand` (`dn_expand` before glibc 2.34): the compressed name at
/// `src` to presentation form, the root as `""`; the octets it takes.
///
/// # Safety
/// `msg..eom` is readable, `src` inside it; `dst` writable for `length`.
#[export]
pub unsafe extern "C" fn __dn_expand(
    msg: *const u8,
    eom: *const u8,
    src: *const u8,
    dst: *mut c_char,
    length: c_int,
) -> c_int {
    if src < msg || src >= eom || length < 0 {
        return fail(libc::EMSGSIZE, -1);
    }
    // SAFETY: the caller's contract.
    let (m, d) = unsafe { (message(msg, eom), out(dst.cast(), length as usize)) };
    // SAFETY: src is inside the message.
    let at = unsafe { src.offset_from(msg) } as usize;
    match uncompress(m, at, d) {
        Ok(n) => {
            if d[0] == b'.' {
                d[0] = 0;
            }
            n as c_int
        }
        Err(e) => fail(e, -1),
    }
}

crate::musl_next!(fn musl_dn_comp = "dn_comp": unsafe extern "C" fn(*const c_char, *mut u8, c_int, *mut *mut u8, *mut *mut u8) -> c_int);
crate::musl_next!(fn musl_dn_expand = "dn_expand": unsafe extern "C" fn(*const u8, *const u8, *const u8, *mut c_char, c_int) -> c_int);
crate::musl_next!(fn musl_ns_name_uncompress = "ns_name_uncompress": unsafe extern "C" fn(*const u8, *const u8, *const u8, *mut c_char, usize) -> c_int);

/// `dn_comp` (behind the C front in `overrides.c`): glibc's for glibc-built
/// callers (names matched ignoring case), musl's for the others.
///
/// # Safety
/// As [`ns_name_compress`]; `caller` is the front's return address.
#[export(local)]
pub unsafe extern "C" fn __gcompat_dn_comp(
    src: *const c_char,
    dst: *mut u8,
    length: c_int,
    dnptrs: *mut *mut u8,
    lastdnptr: *mut *mut u8,
    caller: *const core::ffi::c_void,
) -> c_int {
    if !crate::abi::caller::is_glibc(caller) {
        // SAFETY: musl's dn_comp with the caller's arguments.
        return unsafe { musl_dn_comp()(src, dst, length, dnptrs, lastdnptr) };
    }
    // SAFETY: the caller's contract.
    unsafe { __dn_comp(src, dst, length, dnptrs, lastdnptr) }
}

/// `dn_expand` (behind the C front): glibc's for glibc-built callers
/// (special characters escaped), musl's for the others.
///
/// # Safety
/// As [`__dn_expand`]; `caller` is the front's return address.
#[export(local)]
pub unsafe extern "C" fn __gcompat_dn_expand(
    msg: *const u8,
    eom: *const u8,
    src: *const u8,
    dst: *mut c_char,
    length: c_int,
    caller: *const core::ffi::c_void,
) -> c_int {
    if !crate::abi::caller::is_glibc(caller) {
        // SAFETY: musl's dn_expand with the caller's arguments.
        return unsafe { musl_dn_expand()(msg, eom, src, dst, length) };
    }
    // SAFETY: the caller's contract.
    unsafe { __dn_expand(msg, eom, src, dst, length) }
}

/// `ns_name_uncompress` (behind the C front): glibc's for glibc-built
/// callers (escapes, the root as `"."`), musl's for the others.
///
/// # Safety
/// As [`__dn_expand`]; `caller` is the front's return address.
#[export(local)]
pub unsafe extern "C" fn __gcompat_ns_name_uncompress(
    msg: *const u8,
    eom: *const u8,
    src: *const u8,
    dst: *mut c_char,
    dstsiz: usize,
    caller: *const core::ffi::c_void,
) -> c_int {
    if !crate::abi::caller::is_glibc(caller) {
        // SAFETY: musl's ns_name_uncompress with the caller's arguments.
        return unsafe { musl_ns_name_uncompress()(msg, eom, src, dst, dstsiz) };
    }
    if src < msg || src >= eom {
        return fail(libc::EMSGSIZE, -1);
    }
    // SAFETY: the caller's contract.
    let (m, d) = unsafe { (message(msg, eom), out(dst.cast(), dstsiz)) };
    // SAFETY: src is inside the message.
    let at = unsafe { src.offset_from(msg) } as usize;
    match uncompress(m, at, d) {
        Ok(n) => n as c_int,
        Err(e) => fail(e, -1),
    }
}

/// `__dn_comp` (`dn_comp` before glibc 2.34): a presentation name into a
/// message, compressed against `dnptrs`.
///
/// # Safety
/// As [`ns_name_compress`].
#[export]
pub unsafe extern "C" fn __dn_comp(
    src: *const c_char,
    dst: *mut u8,
    length: c_int,
    dnptrs: *mut *mut u8,
    lastdnptr: *mut *mut u8,
) -> c_int {
    // SAFETY: the caller's contract; glibc's dn_comp passes its
    // `unsigned char **` list to ns_name_compress's `const` one as well.
    unsafe { ns_name_compress(src, dst, length.max(0) as usize, dnptrs.cast(), lastdnptr.cast()) }
}

/// `__dn_skipname` (`dn_skipname` before glibc 2.34): the octets the
/// compressed name at `ptr` takes, or -1.
///
/// # Safety
/// `ptr..eom` is readable.
#[export]
pub unsafe extern "C" fn __dn_skipname(ptr: *const u8, eom: *const u8) -> c_int {
    // SAFETY: the caller's contract.
    match skip(unsafe { message(ptr, eom) }) {
        Ok(n) => n as c_int,
        Err(e) => fail(e, -1),
    }
}

/// `__dn_count_labels` (`dn_count_labels`): labels in a presentation name,
/// not counting a leading `*` label or the root.
///
/// # Safety
/// `name` is a C string.
#[export]
pub unsafe extern "C" fn __dn_count_labels(name: *const c_char) -> c_int {
    // SAFETY: the caller's contract.
    let s = unsafe { cstr(name) };
    let mut count = s.iter().filter(|&&c| c == b'.').count();
    // glibc takes the wildcard off the dots first: "*" alone is 1.
    if s.first() == Some(&b'*') && count > 0 {
        count -= 1;
    }
    // A name not ending in a dot has one more label than dots.
    if s.last().is_some_and(|&c| c != b'.') {
        count += 1;
    }
    count as c_int
}

/// Host name syntax checks (RFC 952/1123, glibc's `res_hnok` family):
/// the name must be printable (no space) and parse as a domain name; host
/// names have labels of letters, digits, `-` and `_`, the first label not
/// starting with `-`.
mod check {
    fn wire(dn: &[u8], buf: &mut [u8; super::MAXCDNAME]) -> bool {
        dn.iter().all(|&c| c > b' ' && c <= b'~') && super::pton(dn, buf).is_ok()
    }
    fn leading_dash(name: &[u8]) -> bool {
        name[0] > 0 && name[1] == b'-'
    }
    fn binary_hnok(name: &[u8]) -> bool {
        let mut i = 0;
        loop {
            let n = usize::from(name[i]);
            if n == 0 {
                return true;
            }
            let ok = |c: &u8| c.is_ascii_alphanumeric() || *c == b'-' || *c == b'_';
            if !name[i + 1..i + 1 + n].iter().all(ok) {
                return false;
            }
            i += n + 1;
        }
    }
    pub fn hnok(dn: &[u8]) -> bool {
        let mut buf = [0u8; super::MAXCDNAME];
        wire(dn, &mut buf) && !leading_dash(&buf) && binary_hnok(&buf)
    }
    pub fn ownok(dn: &[u8]) -> bool {
        let mut buf = [0u8; super::MAXCDNAME];
        if !wire(dn, &mut buf) || leading_dash(&buf) {
            return false;
        }
        // A leading "*" label is a wildcard.
        if buf[0] == 1 && buf[1] == b'*' { binary_hnok(&buf[2..]) } else { binary_hnok(&buf) }
    }
    pub fn mailok(dn: &[u8]) -> bool {
        let mut buf = [0u8; super::MAXCDNAME];
        if !wire(dn, &mut buf) {
            return false;
        }
        // The first label is a mailbox: anything printable.
        if buf[0] == 0 {
            return true;
        }
        let domain = &buf[usize::from(buf[0]) + 1..];
        // A mailbox needs a domain: one label alone is not a mail name.
        domain[0] != 0 && binary_hnok(domain)
    }
    pub fn dnok(dn: &[u8]) -> bool {
        let mut buf = [0u8; super::MAXCDNAME];
        wire(dn, &mut buf)
    }
}

/// `res_hnok`: whether `dn` is a valid host name (letters, digits, inner `-`).
///
/// # Safety
/// `dn` is a C string.
#[export]
pub unsafe extern "C" fn res_hnok(dn: *const c_char) -> c_int {
    // SAFETY: the caller's contract.
    c_int::from(check::hnok(unsafe { cstr(dn) }))
}

/// `__res_hnok`: [`res_hnok`] under its pre-2.34 name.
///
/// # Safety
/// `dn` is a C string.
#[export]
pub unsafe extern "C" fn __res_hnok(dn: *const c_char) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { res_hnok(dn) }
}

/// `res_ownok`: as `res_hnok`, a leading `*` label allowed.
///
/// # Safety
/// `dn` is a C string.
#[export]
pub unsafe extern "C" fn res_ownok(dn: *const c_char) -> c_int {
    // SAFETY: the caller's contract.
    c_int::from(check::ownok(unsafe { cstr(dn) }))
}

/// `__res_ownok`: [`res_ownok`] under its pre-2.34 name.
///
/// # Safety
/// `dn` is a C string.
#[export]
pub unsafe extern "C" fn __res_ownok(dn: *const c_char) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { res_ownok(dn) }
}

/// `res_mailok`: a mailbox name: any first label, then a host name.
///
/// # Safety
/// `dn` is a C string.
#[export]
pub unsafe extern "C" fn res_mailok(dn: *const c_char) -> c_int {
    // SAFETY: the caller's contract.
    c_int::from(check::mailok(unsafe { cstr(dn) }))
}

/// `__res_mailok`: [`res_mailok`] under its pre-2.34 name.
///
/// # Safety
/// `dn` is a C string.
#[export]
pub unsafe extern "C" fn __res_mailok(dn: *const c_char) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { res_mailok(dn) }
}

/// `res_dnok`: whether `dn` is a valid domain name at all.
///
/// # Safety
/// `dn` is a C string.
#[export]
pub unsafe extern "C" fn res_dnok(dn: *const c_char) -> c_int {
    // SAFETY: the caller's contract.
    c_int::from(check::dnok(unsafe { cstr(dn) }))
}

/// `__res_dnok`: [`res_dnok`] under its pre-2.34 name.
///
/// # Safety
/// `dn` is a C string.
#[export]
pub unsafe extern "C" fn __res_dnok(dn: *const c_char) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { res_dnok(dn) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pton_ntop_round_trip() {
        let mut w = [0u8; 255];
        assert_eq!(pton(b"www.Example.", &mut w), Ok((true, 13)));
        assert_eq!(&w[..13], b"\x03www\x07Example\x00");
        let mut p = [0u8; 64];
        assert_eq!(ntop(&w, &mut p), Ok(12));
        assert_eq!(&p[..12], b"www.Example\0");
        assert_eq!(pton(b"a\\.b.c", &mut w), Ok((false, 7)));
        assert_eq!(ntop(&w, &mut p), Ok(7));
        assert_eq!(&p[..7], b"a\\.b.c\0");
        assert_eq!(pton(b".", &mut w), Ok((true, 1)));
        assert_eq!(pton(b"a..b", &mut w), Err(libc::EMSGSIZE));
    }

    #[test]
    fn unpack_follows_pointers_and_refuses_loops() {
        let msg = b"\x01a\x00\x01b\xc0\x00\xc0\x07";
        let mut w = [0u8; 255];
        assert_eq!(unpack(msg, 3, &mut w), Ok(4));
        assert_eq!(&w[..5], b"\x01b\x01a\x00");
        assert_eq!(unpack(msg, 7, &mut w), Err(libc::EMSGSIZE));
    }
}
