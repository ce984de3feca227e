//! `<utmp.h>`: the reentrant `getutent_r`, `getutid_r`, `getutline_r` and
//! `logwtmp`, which musl lacks.
//!
//! musl keeps no login records: its `utmpname`, `setutent`, `getutent`,
//! `pututline` and `updwtmp` do nothing, so a program under musl always
//! sees an empty utmp database. The `_r` forms here give what glibc gives
//! for an empty utmp file (`symbols/unimplemented.txt`): `getutent_r` -1 with
//! errno untouched, `getutid_r` `EINVAL` for an `ut_type` it cannot search
//! for and else `ESRCH`, `getutline_r` `ESRCH`; `*result` null in each.
//! `logwtmp` does write its record to `/var/log/wtmp`, as glibc does (if
//! that file exists and is writable), in glibc's `struct utmp` layout.

use crate::abi::errno;
use core::ffi::{CStr, c_char, c_int, c_short, c_void};
use core::ptr::null_mut;

/// glibc's `struct utmp`: on x86_64 (384 bytes) `ut_session` and `ut_tv`
/// are 32-bit (`__WORDSIZE_TIME64_COMPAT32`), on aarch64 (400 bytes) a
/// `long` and a `struct timeval`.
#[repr(C)]
pub struct Utmp {
    ut_type: c_short,
    ut_pid: c_int,
    ut_line: [c_char; 32],
    ut_id: [c_char; 4],
    ut_user: [c_char; 32],
    ut_host: [c_char; 256],
    ut_exit: [c_short; 2],
    ut_session: UtWord,
    ut_tv: [UtWord; 2],
    ut_addr_v6: [i32; 4],
    reserved: [c_char; 20],
}

#[cfg(target_arch = "x86_64")]
type UtWord = i32;
#[cfg(target_arch = "aarch64")]
type UtWord = i64;

const _: () = assert!(core::mem::size_of::<Utmp>() == if cfg!(target_arch = "aarch64") { 400 } else { 384 });

const RUN_LVL: c_short = 1;
const DEAD_PROCESS: c_short = 8;
const USER_PROCESS: c_short = 7;

/// `getutent_r`: the next utmp record; with musl's empty database, -1 and
/// a null `*result` (getutent(3)).
///
/// # Safety
/// `result` writable.
#[export]
pub unsafe extern "C" fn getutent_r(_buffer: *mut Utmp, result: *mut *mut Utmp) -> c_int {
    // SAFETY: the caller's result pointer.
    unsafe { *result = null_mut() };
    -1
}

/// `getutid_r`: the record matching `id`; `EINVAL` for an `ut_type`
/// glibc does not search by (not `RUN_LVL`..`DEAD_PROCESS`), else `ESRCH`
/// as no record matches in musl's empty database.
///
/// # Safety
/// `id` readable, `result` writable.
#[export]
pub unsafe extern "C" fn getutid_r(id: *const Utmp, _buffer: *mut Utmp, result: *mut *mut Utmp) -> c_int {
    // SAFETY: the caller's result pointer and record.
    let kind = unsafe {
        *result = null_mut();
        (*id).ut_type
    };
    errno::set(if (RUN_LVL..=DEAD_PROCESS).contains(&kind) { libc::ESRCH } else { libc::EINVAL });
    -1
}

/// `getutline_r`: the login record for `line->ut_line`; `ESRCH`, as no
/// record matches in musl's empty database.
///
/// # Safety
/// `result` writable.
#[export]
pub unsafe extern "C" fn getutline_r(_line: *const Utmp, _buffer: *mut Utmp, result: *mut *mut Utmp) -> c_int {
    // SAFETY: the caller's result pointer.
    unsafe { *result = null_mut() };
    errno::set(libc::ESRCH);
    -1
}

fn copy_field(dst: &mut [c_char], src: *const c_char) {
    if src.is_null() {
        return;
    }
    // SAFETY: a C string from the caller.
    let bytes = unsafe { CStr::from_ptr(src) }.to_bytes();
    for (d, &s) in dst.iter_mut().zip(bytes) {
        *d = s as c_char;
    }
}

/// `logwtmp`: appends a login (`name` non-empty: `USER_PROCESS`) or logout
/// (`DEAD_PROCESS`) record for terminal `line` to `/var/log/wtmp`
/// (logwtmp(3)); does nothing if the file cannot be opened, as glibc, and
/// keeps the file a whole number of records.
///
/// # Safety
/// The three arguments are C strings.
#[export]
pub unsafe extern "C" fn logwtmp(line: *const c_char, name: *const c_char, host: *const c_char) {
    // SAFETY: all-zero is a valid record.
    let mut ut: Utmp = unsafe { core::mem::zeroed() };
    // SAFETY: a C string.
    let logging_in = !name.is_null() && unsafe { *name } != 0;
    ut.ut_type = if logging_in { USER_PROCESS } else { DEAD_PROCESS };
    // SAFETY: no arguments.
    ut.ut_pid = unsafe { libc::getpid() };
    // The line as given: glibc's logwtmp keeps a leading "/dev/" (login(3)
    // is the one that drops it).
    copy_field(&mut ut.ut_line, line);
    copy_field(&mut ut.ut_user, name);
    copy_field(&mut ut.ut_host, host);
    let mut now = libc::timeval { tv_sec: 0, tv_usec: 0 };
    // SAFETY: a writable timeval.
    unsafe { libc::gettimeofday(&mut now, null_mut()) };
    ut.ut_tv = [now.tv_sec as UtWord, now.tv_usec as UtWord];
    // SAFETY: a C string path.
    let fd = unsafe { libc::open(c"/var/log/wtmp".as_ptr(), libc::O_WRONLY | libc::O_APPEND | libc::O_CLOEXEC) };
    if fd < 0 {
        return;
    }
    let record = core::mem::size_of::<Utmp>() as libc::off_t;
    // SAFETY: our descriptor; the lock is released by close.
    unsafe {
        let saved = errno::get();
        libc::flock(fd, libc::LOCK_EX);
        // As glibc's updwtmp: a partial record at the end is cut off first,
        // and a short write is undone, so the file stays whole records.
        let mut size = libc::lseek(fd, 0, libc::SEEK_END);
        if size >= 0 && size % record != 0 {
            size -= size % record;
            libc::ftruncate(fd, size);
        }
        if size >= 0 && libc::write(fd, (&raw const ut).cast::<c_void>(), record as usize) != record as isize {
            libc::ftruncate(fd, size);
        }
        libc::close(fd);
        errno::set(saved);
    }
}
