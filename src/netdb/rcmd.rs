//! `ruserok` and `ruserok_af` (`<netdb.h>`; ruserok(3)), which musl lacks:
//! whether `ruser` on `rhost` may act as local `luser` without a password,
//! by `/etc/hosts.equiv` (not for the superuser) and `luser`'s
//! `~/.rhosts`, as glibc's `inet/rcmd.c` decides. 0 if allowed, else -1;
//! -1 too when `rhost` does not resolve in family `af`.
//!
//! A file counts only if it is a regular file owned by root or by `luser`
//! and not writable by group or others. A line is `host [user]`: `+` for
//! any, `-name` to refuse, `+@group`/`-@group` for a netgroup; with no user
//! field the remote user must be the local one.
//!
//! # glibc differences
//! glibc reads `~/.rhosts` with the effective user ID switched to
//! `luser`'s (for NFS home directories); this reads it as the caller.

use super::netgroup::innetgr;
use core::ffi::{CStr, c_char, c_int};
use core::ptr::null_mut;

unsafe extern "C" {
    fn getaddrinfo(node: *const c_char, service: *const c_char, hints: *const libc::addrinfo, res: *mut *mut libc::addrinfo) -> c_int;
    fn freeaddrinfo(res: *mut libc::addrinfo);
}

/// Opens `path` if it is a file `ruserok` may trust.
fn trusted_open(path: &CStr, owner: libc::uid_t) -> *mut libc::FILE {
    // SAFETY: all-zero is a valid stat buffer.
    let mut st: libc::stat = unsafe { core::mem::zeroed() };
    // SAFETY: a C string and a writable buffer.
    if unsafe { libc::lstat(path.as_ptr(), &mut st) } != 0 {
        return null_mut();
    }
    let regular = st.st_mode & libc::S_IFMT == libc::S_IFREG;
    let owned = st.st_uid == 0 || st.st_uid == owner;
    let private = st.st_mode & (libc::S_IWGRP | libc::S_IWOTH) == 0;
    if !(regular && owned && private) {
        return null_mut();
    }
    // SAFETY: C strings.
    unsafe { libc::fopen(path.as_ptr(), c"re".as_ptr()) }
}

/// A host field against the remote host: `Some(true)` allows, `Some(false)`
/// refuses, `None` does not speak to it.
fn host_matches(field: &[u8], rhost: &[u8], rhost_c: *const c_char) -> Option<bool> {
    let (allow, name) = match field.first() {
        Some(b'-') => (false, &field[1..]),
        Some(b'+') if field.len() > 1 => (true, &field[1..]),
        Some(b'+') => return Some(true),
        _ => (true, field),
    };
    let hit = if let Some(group) = name.strip_prefix(b"@") {
        let mut g = [0u8; 256];
        if group.len() >= g.len() {
            return None;
        }
        g[..group.len()].copy_from_slice(group);
        // SAFETY: C strings (or null).
        unsafe { innetgr(g.as_ptr().cast(), rhost_c, null_mut(), null_mut()) == 1 }
    } else {
        name.eq_ignore_ascii_case(rhost)
    };
    if hit { Some(allow) } else { None }
}

/// A user field against the remote user.
fn user_matches(field: Option<&[u8]>, ruser: &[u8], luser: &[u8], ruser_c: *const c_char) -> Option<bool> {
    let Some(field) = field else { return if ruser == luser { Some(true) } else { None } };
    let (allow, name) = match field.first() {
        Some(b'-') => (false, &field[1..]),
        Some(b'+') if field.len() > 1 => (true, &field[1..]),
        Some(b'+') => return Some(true),
        _ => (true, field),
    };
    let hit = if let Some(group) = name.strip_prefix(b"@") {
        let mut g = [0u8; 256];
        if group.len() >= g.len() {
            return None;
        }
        g[..group.len()].copy_from_slice(group);
        // SAFETY: C strings (or null).
        unsafe { innetgr(g.as_ptr().cast(), null_mut(), ruser_c, null_mut()) == 1 }
    } else {
        name == ruser
    };
    if hit { Some(allow) } else { None }
}

/// Whether `file` lets `ruser`@`rhost` in as `luser` (glibc's
/// `__ivaliduser2`): the first line whose host and user fields both speak
/// decides.
fn valid_user(file: *mut libc::FILE, rhost: *const c_char, ruser: *const c_char, luser: *const c_char) -> bool {
    // SAFETY: C strings from the caller.
    let (rh, ru, lu) = unsafe {
        (CStr::from_ptr(rhost).to_bytes(), CStr::from_ptr(ruser).to_bytes(), CStr::from_ptr(luser).to_bytes())
    };
    let mut allowed = false;
    // SAFETY: an open stream.
    unsafe {
        super::files::scan(file, false, |line| {
            let mut f = [&b""[..]; super::files::MAX_FIELDS];
            let n = super::files::fields(line, &mut f);
            if n == 0 {
                return super::files::Parsed::Skip;
            }
            let Some(host_ok) = host_matches(f[0], rh, rhost) else { return super::files::Parsed::Skip };
            let Some(user_ok) = user_matches(if n > 1 { Some(f[1]) } else { None }, ru, lu, ruser) else {
                return super::files::Parsed::Skip;
            };
            allowed = host_ok && user_ok;
            super::files::Parsed::Found
        })
    };
    allowed
}

/// `ruserok_af`: 0 if `ruser` on `rhost` (resolved in family `af`) may
/// log in as `luser` by hosts.equiv or `~luser/.rhosts`, else -1.
///
/// # Safety
/// The strings are C strings.
#[export]
pub unsafe extern "C" fn ruserok_af(
    rhost: *const c_char,
    superuser: c_int,
    ruser: *const c_char,
    luser: *const c_char,
    af: libc::sa_family_t,
) -> c_int {
    // SAFETY: all-zero hints with a family.
    let mut hints: libc::addrinfo = unsafe { core::mem::zeroed() };
    hints.ai_family = c_int::from(af);
    let mut res = null_mut();
    // SAFETY: a C string, valid hints, a writable result.
    if unsafe { getaddrinfo(rhost, null_mut(), &hints, &mut res) } != 0 {
        return -1;
    }
    // SAFETY: getaddrinfo's list.
    unsafe { freeaddrinfo(res) };
    if superuser == 0 {
        let file = trusted_open(c"/etc/hosts.equiv", 0);
        if !file.is_null() {
            let ok = valid_user(file, rhost, ruser, luser);
            // SAFETY: ours.
            unsafe { libc::fclose(file) };
            if ok {
                return 0;
            }
        }
    }
    // SAFETY: a C string.
    let pw = unsafe { libc::getpwnam(luser) };
    if pw.is_null() {
        return -1;
    }
    // SAFETY: musl's entry.
    let (dir, uid) = unsafe { (CStr::from_ptr((*pw).pw_dir).to_bytes(), (*pw).pw_uid) };
    let mut path = [0u8; 4096];
    let suffix = b"/.rhosts";
    if dir.len() + suffix.len() >= path.len() {
        return -1;
    }
    path[..dir.len()].copy_from_slice(dir);
    path[dir.len()..dir.len() + suffix.len()].copy_from_slice(suffix);
    let Ok(path) = CStr::from_bytes_until_nul(&path) else { return -1 };
    let file = trusted_open(path, uid);
    if file.is_null() {
        return -1;
    }
    let ok = valid_user(file, rhost, ruser, luser);
    // SAFETY: ours.
    unsafe { libc::fclose(file) };
    if ok { 0 } else { -1 }
}

/// `ruserok`: `ruserok_af` for IPv4.
///
/// # Safety
/// As `ruserok_af`.
#[export]
pub unsafe extern "C" fn ruserok(rhost: *const c_char, superuser: c_int, ruser: *const c_char, luser: *const c_char) -> c_int {
    // SAFETY: the caller's arguments.
    unsafe { ruserok_af(rhost, superuser, ruser, luser, libc::AF_INET as libc::sa_family_t) }
}
