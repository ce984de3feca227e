//! `<grp.h>`: `getgrent_r` (glibc manual, "Scanning All Groups"), which
//! musl lacks. As `getpwent_r` (`crate::pwd`): musl's `getgrent`'s entries
//! copied into the caller's buffer; 0, `ERANGE` (the entry given again
//! next time), or `ENOENT` at the end.

use crate::netdb::files::Packer;
use core::ffi::{c_char, c_int};
use core::ptr::null_mut;
use core::sync::atomic::{AtomicPtr, Ordering};

/// musl's entry that did not fit the caller's buffer, given again next.
static PENDING: AtomicPtr<libc::group> = AtomicPtr::new(null_mut());

fn text(p: *const c_char) -> &'static [u8] {
    if p.is_null() {
        return b"";
    }
    // SAFETY: a C string of musl's entry.
    unsafe { core::ffi::CStr::from_ptr(p) }.to_bytes()
}

/// Copies `e` into the caller's buffer.
fn pack(e: &libc::group, packer: &mut Packer) -> Option<libc::group> {
    let name = packer.string(text(e.gr_name))?;
    let passwd = packer.string(text(e.gr_passwd))?;
    let mut count = 0usize;
    // SAFETY: musl's null-terminated member list.
    while !e.gr_mem.is_null() && !unsafe { *e.gr_mem.add(count) }.is_null() {
        count += 1;
    }
    // SAFETY: i < count, inside musl's list.
    let array = packer.list((0..count).map(|i| text(unsafe { *e.gr_mem.add(i) })))?;
    Some(libc::group { gr_name: name, gr_passwd: passwd, gr_gid: e.gr_gid, gr_mem: array })
}

/// `getgrent_r`: the next entry of the group database.
///
/// # Safety
/// `grp` writable, `buf` writable for `len` bytes, `result` writable.
#[export]
pub unsafe extern "C" fn getgrent_r(
    grp: *mut libc::group,
    buf: *mut c_char,
    len: usize,
    result: *mut *mut libc::group,
) -> c_int {
    // SAFETY: the caller's result pointer.
    unsafe { *result = null_mut() };
    let mut entry = PENDING.swap(null_mut(), Ordering::AcqRel);
    if entry.is_null() {
        // SAFETY: musl's getgrent.
        entry = unsafe { libc::getgrent() };
    }
    if entry.is_null() {
        crate::abi::errno::set(libc::ENOENT);
        return libc::ENOENT;
    }
    // SAFETY: the caller's buffer.
    let mut packer = unsafe { Packer::new(buf, len) };
    // SAFETY: musl's entry, live until its next call.
    let Some(copy) = pack(unsafe { &*entry }, &mut packer) else {
        PENDING.store(entry, Ordering::Release);
        crate::abi::errno::set(libc::ERANGE);
        return libc::ERANGE;
    };
    // SAFETY: the caller's writable entry and result.
    unsafe {
        *grp = copy;
        *result = grp;
    }
    0
}
