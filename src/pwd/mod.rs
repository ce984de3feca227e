//! `<pwd.h>`: `getpwent_r` (glibc manual, "Scanning All Users"), which
//! musl lacks. It takes the entries from musl's `getpwent`, so `setpwent`
//! and `endpwent` move the same enumeration as in glibc, and copies each
//! into the caller's buffer: 0; `ERANGE` when it does not fit (the same
//! entry is given again next time, as glibc's); `ENOENT` at the end.

use crate::netdb::files::Packer;
use core::ffi::{c_char, c_int};
use core::ptr::null_mut;
use core::sync::atomic::{AtomicPtr, Ordering};

/// musl's entry that did not fit the caller's buffer, given again next.
static PENDING: AtomicPtr<libc::passwd> = AtomicPtr::new(null_mut());

fn text(p: *const c_char) -> &'static [u8] {
    if p.is_null() {
        return b"";
    }
    // SAFETY: a C string of musl's entry.
    unsafe { core::ffi::CStr::from_ptr(p) }.to_bytes()
}

/// `getpwent_r`: the next entry of the user database.
///
/// # Safety
/// `pwd` writable, `buf` writable for `len` bytes, `result` writable.
#[export]
pub unsafe extern "C" fn getpwent_r(
    pwd: *mut libc::passwd,
    buf: *mut c_char,
    len: usize,
    result: *mut *mut libc::passwd,
) -> c_int {
    // SAFETY: the caller's result pointer.
    unsafe { *result = null_mut() };
    let mut entry = PENDING.swap(null_mut(), Ordering::AcqRel);
    if entry.is_null() {
        // SAFETY: musl's getpwent.
        entry = unsafe { libc::getpwent() };
    }
    if entry.is_null() {
        crate::abi::errno::set(libc::ENOENT);
        return libc::ENOENT;
    }
    // SAFETY: musl's entry, live until its next call.
    let e = unsafe { &*entry };
    // SAFETY: the caller's buffer.
    let mut packer = unsafe { Packer::new(buf, len) };
    let packed = (|| {
        Some((
            packer.string(text(e.pw_name))?,
            packer.string(text(e.pw_passwd))?,
            packer.string(text(e.pw_gecos))?,
            packer.string(text(e.pw_dir))?,
            packer.string(text(e.pw_shell))?,
        ))
    })();
    let Some((name, passwd, gecos, dir, shell)) = packed else {
        PENDING.store(entry, Ordering::Release);
        crate::abi::errno::set(libc::ERANGE);
        return libc::ERANGE;
    };
    // SAFETY: the caller's writable entry and result.
    unsafe {
        *pwd = libc::passwd {
            pw_name: name,
            pw_passwd: passwd,
            pw_uid: e.pw_uid,
            pw_gid: e.pw_gid,
            pw_gecos: gecos,
            pw_dir: dir,
            pw_shell: shell,
        };
        *result = pwd;
    }
    0
}
