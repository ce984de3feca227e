//! `ruserok` and `ruserok_af` (`<netdb.h>`; ruserok(3)), which musl lacks:
//! whether `ruser` on `rhost` may act as local `luser` without a password,
//! by `/etc/hosts.equiv` (not for the superuser) and `luser`'s
//! `~/.rhosts`, as glibc's `inet/rcmd.c` decides (`testbins/netdb/ruserok.c`
//! checks each rule). 0 if allowed, else -1; -1 too when `rhost` does not
//! resolve in family `af`. Each address of `rhost` is tried in turn.
//!
//! A file counts only if it is a regular file (not a link), owned by root
//! or by `luser`, not writable by group or others, and not hard-linked;
//! `~/.rhosts` is read with the effective user ID switched to `luser`'s.
//!
//! A line is `host [user]` (blank lines and lines whose first non-blank is
//! `#` are skipped; a line that starts with a blank ends the file). The
//! host is lower-cased and matched by address (the remote address written
//! numerically, or any address the name resolves to), `+` is any host,
//! `-host` refuses it, `+@group`/`-@group` a netgroup of hosts. The user
//! (the local user when there is none) is `+` for any, `-name` to refuse,
//! `+@group`/`-@group` a netgroup of users, else compared exactly. The
//! user is checked first; the first line whose user and host both match
//! decides, and a refusing host (`-host`, `-@group`) that matches decides
//! whatever the user.

use super::netgroup::innetgr;
use core::ffi::{CStr, c_char, c_int};
use core::ptr::null_mut;

unsafe extern "C" {
    fn getaddrinfo(
        node: *const c_char,
        service: *const c_char,
        hints: *const libc::addrinfo,
        res: *mut *mut libc::addrinfo,
    ) -> c_int;
    fn freeaddrinfo(res: *mut libc::addrinfo);
}

/// glibc's `sysconf(_SC_GETPW_R_SIZE_MAX)`: the buffer it looks up
/// `luser` with.
const PASSWD_BUF: usize = 1024;

/// C's `isspace` in the C locale.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// Opens `path` if it is a file `ruserok` may trust.
fn trusted_open(path: &CStr, owner: libc::uid_t) -> *mut libc::FILE {
    // SAFETY: all-zero is a valid stat buffer.
    let mut st: libc::stat = unsafe { core::mem::zeroed() };
    // SAFETY: a C string and a writable buffer.
    if unsafe { libc::lstat(path.as_ptr(), &mut st) } != 0 || st.st_mode & libc::S_IFMT != libc::S_IFREG {
        return null_mut();
    }
    // SAFETY: C strings.
    let file = unsafe { libc::fopen(path.as_ptr(), c"re".as_ptr()) };
    if file.is_null() {
        return file;
    }
    // SAFETY: an open stream's descriptor and a writable buffer.
    let trusted = unsafe { libc::fstat(libc::fileno(file), &mut st) } == 0
        && (st.st_uid == 0 || st.st_uid == owner)
        && st.st_mode & (libc::S_IWGRP | libc::S_IWOTH) == 0
        && st.st_nlink <= 1;
    if !trusted {
        // SAFETY: ours.
        unsafe { libc::fclose(file) };
        return null_mut();
    }
    file
}

/// The remote address, as `getaddrinfo` gave it.
#[derive(Clone, Copy)]
struct Remote {
    addr: *const libc::sockaddr,
    len: libc::socklen_t,
    /// The name the caller gave (netgroups are matched by it).
    name: *const c_char,
}

/// A host field against the remote host: 1 matches, -1 refuses, 0 does
/// not speak to it.
///
/// # Safety
/// `host` a C string.
unsafe fn check_host(remote: Remote, host: *const c_char) -> c_int {
    // SAFETY: a C string.
    let field = unsafe { CStr::from_ptr(host) }.to_bytes();
    match field {
        // SAFETY: C strings (the group name is the field's tail).
        [b'+', b'@', ..] => return unsafe { innetgr(host.add(2), remote.name, null_mut(), null_mut()) },
        // SAFETY: as above.
        [b'-', b'@', ..] => return -unsafe { innetgr(host.add(2), remote.name, null_mut(), null_mut()) },
        [b'+'] => return 1,
        _ => {}
    }
    let (sign, name) = if field.first() == Some(&b'-') { (-1, &field[1..]) } else { (1, field) };
    // SAFETY: still the same C string, one byte on for `-host`.
    let name_c = unsafe { host.add(field.len() - name.len()) };
    let mut numeric = [0 as c_char; 46];
    // SAFETY: the address getaddrinfo gave and a buffer of its size.
    let written = unsafe {
        libc::getnameinfo(
            remote.addr,
            remote.len,
            numeric.as_mut_ptr(),
            numeric.len() as _,
            null_mut(),
            0,
            libc::NI_NUMERICHOST,
        )
    };
    // SAFETY: getnameinfo wrote a C string.
    if written == 0 && unsafe { CStr::from_ptr(numeric.as_ptr()) }.to_bytes() == name {
        return sign;
    }
    // SAFETY: all-zero hints with the remote address's family.
    let mut hints: libc::addrinfo = unsafe { core::mem::zeroed() };
    // SAFETY: a socket address.
    hints.ai_family = c_int::from(unsafe { (*remote.addr).sa_family });
    let mut list = null_mut();
    // SAFETY: a C string, hints, a writable result.
    if unsafe { getaddrinfo(name_c, null_mut(), &hints, &mut list) } != 0 {
        return 0;
    }
    let mut hit = 0;
    let mut res = list;
    while !res.is_null() {
        // SAFETY: getaddrinfo's list; each address ai_addrlen bytes, the
        // remote one at least as long when the families match.
        let r = unsafe { &*res };
        let same = r.ai_family == hints.ai_family
            // SAFETY: as above: both addresses hold ai_addrlen bytes.
            && unsafe {
                core::slice::from_raw_parts(r.ai_addr.cast::<u8>(), r.ai_addrlen as usize)
                    == core::slice::from_raw_parts(remote.addr.cast::<u8>(), r.ai_addrlen as usize)
            };
        if same {
            hit = 1;
            break;
        }
        res = r.ai_next;
    }
    // SAFETY: getaddrinfo's list.
    unsafe { freeaddrinfo(list) };
    sign * hit
}

/// A user field against the remote user: 1 matches, -1 refuses, 0 does
/// not speak to it.
///
/// # Safety
/// Both C strings.
unsafe fn check_user(user: *const c_char, ruser: *const c_char) -> c_int {
    // SAFETY: C strings.
    let (field, remote) = unsafe { (CStr::from_ptr(user).to_bytes(), CStr::from_ptr(ruser).to_bytes()) };
    match field {
        // SAFETY: C strings (the group name is the field's tail).
        [b'+', b'@', ..] => unsafe { innetgr(user.add(2), null_mut(), ruser, null_mut()) },
        // SAFETY: as above.
        [b'-', b'@', ..] => -unsafe { innetgr(user.add(2), null_mut(), ruser, null_mut()) },
        [b'-', name @ ..] => -c_int::from(name == remote),
        [b'+'] => 1,
        _ => c_int::from(field == remote),
    }
}

/// Whether `file` lets `ruser` from `remote` in as `luser` (glibc's
/// `__validuser2_sa`).
///
/// # Safety
/// `file` open; the strings C strings.
unsafe fn valid_user(file: *mut libc::FILE, remote: Remote, luser: *const c_char, ruser: *const c_char) -> bool {
    let mut line: *mut c_char = null_mut();
    let mut cap = 0usize;
    let mut allowed = false;
    loop {
        // SAFETY: getline manages the buffer.
        let n = unsafe { libc::getline(&mut line, &mut cap, file) };
        if n <= 0 {
            break;
        }
        // SAFETY: getline wrote n bytes and a NUL; the line ends at its
        // first NUL, as a C string.
        let all = unsafe { core::slice::from_raw_parts_mut(line.cast::<u8>(), n as usize + 1) };
        let end = all.iter().position(|&b| b == 0).unwrap_or(n as usize);
        let text = &mut all[..=end];
        let first = text.iter().position(|&b| !is_space(b)).unwrap_or(text.len() - 1);
        if text[first] == 0 || text[first] == b'#' {
            continue;
        }
        let host_end = text.iter().position(|&b| b == 0 || is_space(b)).unwrap_or(0);
        text[..host_end].make_ascii_lowercase();
        let mut user_at = host_end;
        let mut user_end = host_end;
        if matches!(text[host_end], b' ' | b'\t') {
            user_at = host_end + 1 + text[host_end + 1..].iter().position(|&b| b == 0 || !is_space(b)).unwrap_or(0);
            user_end = user_at + text[user_at..].iter().position(|&b| b == 0 || is_space(b)).unwrap_or(0);
        }
        let starts_with_minus = text[0] == b'-';
        text[host_end] = 0;
        text[user_end] = 0;
        if host_end == 0 {
            // A line that starts with a blank ends the file.
            break;
        }
        // SAFETY: inside the line buffer.
        let user = if user_at == user_end { luser } else { unsafe { line.add(user_at) } };
        // SAFETY: C strings.
        let ucheck = unsafe { check_user(user, ruser) };
        if ucheck == 0 && !starts_with_minus {
            continue;
        }
        // SAFETY: the host, NUL-terminated in the line buffer.
        let hcheck = unsafe { check_host(remote, line) };
        if hcheck < 0 || (hcheck > 0 && ucheck < 0) {
            break;
        }
        if hcheck > 0 && ucheck > 0 {
            allowed = true;
            break;
        }
    }
    // SAFETY: getline's allocation (or null).
    unsafe { libc::free(line.cast()) };
    allowed
}

/// One remote address (glibc's `ruserok2_sa`): 0 or -1.
///
/// # Safety
/// The strings C strings; `remote` from getaddrinfo.
unsafe fn ruserok_address(remote: Remote, superuser: c_int, ruser: *const c_char, luser: *const c_char) -> c_int {
    if superuser == 0 {
        let file = trusted_open(c"/etc/hosts.equiv", 0);
        if !file.is_null() {
            // SAFETY: an open stream, the caller's strings.
            let ok = unsafe { valid_user(file, remote, luser, ruser) };
            // SAFETY: ours.
            unsafe { libc::fclose(file) };
            if ok {
                return 0;
            }
        }
    }
    // SAFETY: all-zero is a valid passwd entry.
    let mut pwd: libc::passwd = unsafe { core::mem::zeroed() };
    let mut found = null_mut();
    let mut buf = [0 as c_char; PASSWD_BUF];
    // SAFETY: a C string and writable buffers.
    if unsafe { libc::getpwnam_r(luser, &mut pwd, buf.as_mut_ptr(), buf.len(), &mut found) } != 0 || found.is_null() {
        return -1;
    }
    // SAFETY: the entry's home directory.
    let dir = unsafe { CStr::from_ptr(pwd.pw_dir) }.to_bytes();
    let mut path = [0u8; 4096];
    let suffix = b"/.rhosts";
    if dir.len() + suffix.len() >= path.len() {
        return -1;
    }
    path[..dir.len()].copy_from_slice(dir);
    path[dir.len()..dir.len() + suffix.len()].copy_from_slice(suffix);
    let Ok(path) = CStr::from_bytes_until_nul(&path) else { return -1 };
    // Read as the user, for home directories only the user may read (an
    // unprivileged caller cannot switch: then it reads as itself).
    // SAFETY: plain system calls.
    let euid = unsafe { libc::geteuid() };
    // SAFETY: as above.
    unsafe { libc::seteuid(pwd.pw_uid) };
    let file = trusted_open(path, pwd.pw_uid);
    let mut allowed = false;
    if !file.is_null() {
        // SAFETY: an open stream, the caller's strings.
        allowed = unsafe { valid_user(file, remote, luser, ruser) };
        // SAFETY: ours.
        unsafe { libc::fclose(file) };
    }
    // SAFETY: back to the caller's effective user.
    unsafe { libc::seteuid(euid) };
    if allowed { 0 } else { -1 }
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
    let mut list = null_mut();
    // SAFETY: a C string, valid hints, a writable result.
    if unsafe { getaddrinfo(rhost, null_mut(), &hints, &mut list) } != 0 {
        return -1;
    }
    let mut result = -1;
    let mut res = list;
    while !res.is_null() {
        // SAFETY: getaddrinfo's list.
        let r = unsafe { &*res };
        let remote = Remote { addr: r.ai_addr, len: r.ai_addrlen, name: rhost };
        // SAFETY: the caller's strings; an address getaddrinfo gave.
        if unsafe { ruserok_address(remote, superuser, ruser, luser) } == 0 {
            result = 0;
            break;
        }
        res = r.ai_next;
    }
    // SAFETY: getaddrinfo's list.
    unsafe { freeaddrinfo(list) };
    result
}

/// `ruserok`: `ruserok_af` for IPv4.
///
/// # Safety
/// As `ruserok_af`.
#[export]
pub unsafe extern "C" fn ruserok(
    rhost: *const c_char,
    superuser: c_int,
    ruser: *const c_char,
    luser: *const c_char,
) -> c_int {
    // SAFETY: the caller's arguments.
    unsafe { ruserok_af(rhost, superuser, ruser, luser, libc::AF_INET as libc::sa_family_t) }
}
