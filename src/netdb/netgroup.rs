//! Netgroups from `/etc/netgroup`, as glibc's files backend reads them
//! (`innetgr`, `setnetgrent`, `getnetgrent`, `getnetgrent_r`,
//! `endnetgrent`; glibc manual, "Netgroup Database"). musl has none. A
//! line is `group member...`, a member a `(host,user,domain)` triple or
//! another group's name; a `\` at a line's end continues it. An empty
//! triple field is a wildcard (given back as null). No NIS.

use core::cell::UnsafeCell;
use core::ffi::{CStr, c_char, c_int};
use core::ptr::null_mut;

const PATH: &CStr = c"/etc/netgroup";
/// How deep group members may nest (guards against cycles).
const MAX_DEPTH: u32 = 16;
/// The longest logical line (continuations joined) looked at.
const LINE_MAX: usize = 8192;

/// Called with each `(host, user, domain)`; true stops the walk.
type Visit<'a> = dyn FnMut(&[u8], &[u8], &[u8]) -> bool + 'a;

/// Calls `visit` with each triple of `group`, members in file order,
/// nested groups expanded in place; stops when `visit` returns true.
/// Returns whether it was stopped, or None if the group is not there.
fn walk(group: &[u8], depth: u32, visit: &mut Visit<'_>) -> Option<bool> {
    if depth > MAX_DEPTH {
        return Some(false);
    }
    // SAFETY: C strings.
    let file = unsafe { libc::fopen(PATH.as_ptr(), c"re".as_ptr()) };
    if file.is_null() {
        return None;
    }
    let mut logical = [0u8; LINE_MAX];
    let mut len = 0usize;
    let mut line: *mut c_char = null_mut();
    let mut cap = 0usize;
    let mut found = None;
    loop {
        // SAFETY: getline manages the line buffer.
        let n = unsafe { libc::getline(&mut line, &mut cap, file) };
        if n < 0 {
            break;
        }
        // SAFETY: getline wrote n bytes.
        let mut bytes = unsafe { core::slice::from_raw_parts(line.cast::<u8>(), n as usize) };
        if bytes.last() == Some(&b'\n') {
            bytes = &bytes[..bytes.len() - 1];
        }
        let continued = bytes.last() == Some(&b'\\');
        if continued {
            bytes = &bytes[..bytes.len() - 1];
        }
        let take = bytes.len().min(LINE_MAX - 1 - len);
        logical[len..len + take].copy_from_slice(&bytes[..take]);
        len += take;
        if continued {
            logical[len] = b' ';
            len += 1;
            continue;
        }
        let text = &logical[..len];
        len = 0;
        let text = &text[..text.iter().position(|&b| b == b'#').unwrap_or(text.len())];
        let mut words = text.split(|&b| b == b' ' || b == b'\t').filter(|w| !w.is_empty());
        if words.next() != Some(group) {
            continue;
        }
        let rest_start = text.windows(group.len()).position(|w| w == group).unwrap_or(0) + group.len();
        found = Some(members(&text[rest_start..], depth, visit));
        break;
    }
    // SAFETY: getline's allocation and our stream.
    unsafe {
        libc::free(line.cast());
        libc::fclose(file);
    }
    found
}

/// The members of a group's line: triples and nested group names.
fn members(mut text: &[u8], depth: u32, visit: &mut Visit<'_>) -> bool {
    loop {
        while let Some((&b, rest)) = text.split_first() {
            if b == b' ' || b == b'\t' {
                text = rest;
            } else {
                break;
            }
        }
        if text.is_empty() {
            return false;
        }
        if text[0] == b'(' {
            let Some(close) = text.iter().position(|&b| b == b')') else { return false };
            let inner = &text[1..close];
            text = &text[close + 1..];
            let mut parts = inner.splitn(3, |&b| b == b',');
            let (Some(h), Some(u), Some(d)) = (parts.next(), parts.next(), parts.next()) else { continue };
            if visit(strip(h), strip(u), strip(d)) {
                return true;
            }
        } else {
            let end = text.iter().position(|&b| b == b' ' || b == b'\t').unwrap_or(text.len());
            let name = &text[..end];
            text = &text[end..];
            if walk(name, depth + 1, visit) == Some(true) {
                return true;
            }
        }
    }
}

fn strip(s: &[u8]) -> &[u8] {
    let start = s.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(s.len());
    let end = s.iter().rposition(|b| !b.is_ascii_whitespace()).map_or(start, |e| e + 1);
    &s[start..end]
}

/// A field matches a wanted value if either is absent (empty field, null
/// argument); names compare case-insensitively as glibc does for hosts and
/// domains, exactly for users.
fn field_matches(field: &[u8], wanted: *const c_char, nocase: bool) -> bool {
    if field.is_empty() || wanted.is_null() {
        return true;
    }
    // SAFETY: a C string from the caller.
    let wanted = unsafe { CStr::from_ptr(wanted) }.to_bytes();
    if nocase { field.eq_ignore_ascii_case(wanted) } else { field == wanted }
}

/// `innetgr`: 1 if `(host, user, domain)` is in `netgroup` (null arguments
/// match anything), else 0 (innetgr(3)).
///
/// # Safety
/// `netgroup` a C string; the others null or C strings.
#[export]
pub unsafe extern "C" fn innetgr(
    netgroup: *const c_char,
    host: *const c_char,
    user: *const c_char,
    domain: *const c_char,
) -> c_int {
    if netgroup.is_null() {
        return 0;
    }
    // SAFETY: a C string.
    let group = unsafe { CStr::from_ptr(netgroup) }.to_bytes();
    let hit = walk(group, 0, &mut |h, u, d| {
        field_matches(h, host, true) && field_matches(u, user, false) && field_matches(d, domain, true)
    });
    c_int::from(hit == Some(true))
}

/// The enumeration's state: the group's name and how many triples were
/// handed out.
struct Enumeration {
    group: UnsafeCell<[u8; 256]>,
    group_len: UnsafeCell<usize>,
    next: UnsafeCell<usize>,
    active: UnsafeCell<bool>,
    buf: UnsafeCell<[c_char; 1024]>,
}

// SAFETY: glibc's netgroup enumeration is process-wide and not
// thread-safe either (its lock only guards against corruption).
unsafe impl Sync for Enumeration {}

static STATE: Enumeration = Enumeration {
    group: UnsafeCell::new([0; 256]),
    group_len: UnsafeCell::new(0),
    next: UnsafeCell::new(0),
    active: UnsafeCell::new(false),
    buf: UnsafeCell::new([0; 1024]),
};

/// `setnetgrent`: starts enumerating `netgroup`; 1 if it exists, else 0.
///
/// # Safety
/// `netgroup` a C string; not thread-safe.
#[export]
pub unsafe extern "C" fn setnetgrent(netgroup: *const c_char) -> c_int {
    // SAFETY: not thread-safe, as documented.
    unsafe { endnetgrent() };
    if netgroup.is_null() {
        return 0;
    }
    // SAFETY: a C string.
    let group = unsafe { CStr::from_ptr(netgroup) }.to_bytes();
    if group.len() > 256 || walk(group, 0, &mut |_, _, _| true).is_none() {
        return 0;
    }
    // SAFETY: not thread-safe, as documented.
    unsafe {
        (&mut *STATE.group.get())[..group.len()].copy_from_slice(group);
        *STATE.group_len.get() = group.len();
        *STATE.next.get() = 0;
        *STATE.active.get() = true;
    }
    1
}

/// `endnetgrent`: ends the enumeration.
///
/// # Safety
/// Not thread-safe.
#[export]
pub unsafe extern "C" fn endnetgrent() {
    // SAFETY: not thread-safe, as documented.
    unsafe { *STATE.active.get() = false };
}

/// `getnetgrent_r`: the next triple of the group `setnetgrent` chose, its
/// strings in `buf`; 1, or 0 at the end (with `ERANGE` in errno when `buf`
/// is too small; the triple is then given again next time).
///
/// # Safety
/// The three pointers writable, `buf` writable for `len` bytes.
#[export]
pub unsafe extern "C" fn getnetgrent_r(
    hostp: *mut *mut c_char,
    userp: *mut *mut c_char,
    domainp: *mut *mut c_char,
    buf: *mut c_char,
    len: usize,
) -> c_int {
    // SAFETY: not thread-safe, as documented.
    let (active, index, name, name_len) =
        unsafe { (*STATE.active.get(), *STATE.next.get(), *STATE.group.get(), *STATE.group_len.get()) };
    let group = &name[..name_len];
    if !active {
        return 0;
    }
    let mut i = 0usize;
    let mut status = 0;
    walk(group, 0, &mut |h, u, d| {
        if i < index {
            i += 1;
            return false;
        }
        // SAFETY: the caller's buffer.
        let mut packer = unsafe { super::files::Packer::new(buf, len) };
        let mut put = |s: &[u8]| if s.is_empty() { Some(null_mut()) } else { packer.string(s) };
        match (put(h), put(u), put(d)) {
            (Some(h), Some(u), Some(d)) => {
                // SAFETY: the caller's writable pointers.
                unsafe {
                    *hostp = h;
                    *userp = u;
                    *domainp = d;
                }
                status = 1;
            }
            _ => {
                crate::abi::errno::set(libc::ERANGE);
                status = -1;
            }
        }
        true
    });
    if status == 1 {
        // SAFETY: not thread-safe, as documented.
        unsafe { *STATE.next.get() = index + 1 };
        1
    } else {
        0
    }
}

/// `getnetgrent`: as `getnetgrent_r` with a static buffer.
///
/// # Safety
/// The three pointers writable; not thread-safe.
#[export]
pub unsafe extern "C" fn getnetgrent(
    hostp: *mut *mut c_char,
    userp: *mut *mut c_char,
    domainp: *mut *mut c_char,
) -> c_int {
    // SAFETY: the static buffer.
    unsafe { getnetgrent_r(hostp, userp, domainp, STATE.buf.get().cast(), 1024) }
}

#[cfg(test)]
mod tests {
    use super::members;

    #[test]
    fn triples_in_order_with_wildcards() {
        let mut seen = std::vec::Vec::new();
        let stopped = members(b" (h1,u1,d1) (, u2 ,)  (h3,,)", 0, &mut |h, u, d| {
            seen.push((h.to_vec(), u.to_vec(), d.to_vec()));
            false
        });
        assert!(!stopped);
        assert_eq!(
            seen,
            [
                (b"h1".to_vec(), b"u1".to_vec(), b"d1".to_vec()),
                (b"".to_vec(), b"u2".to_vec(), b"".to_vec()),
                (b"h3".to_vec(), b"".to_vec(), b"".to_vec()),
            ]
        );
    }
}
