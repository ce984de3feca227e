//! Fortified `<unistd.h>` entry points (glibc `debug/*_chk.c`): the
//! compiler passes the buffer's real size, `(size_t)-1` when unknown; a
//! length argument larger than that is a buffer overflow.

use crate::abi::{errno, fatal::buffer_overflow, musl};
use core::ffi::{c_char, c_int, c_void};
use libc::{gid_t, off_t, size_t, ssize_t};

/// `__read_chk`: `read` of `nbytes` into a buffer of `buflen`; fails when
/// `nbytes > buflen`.
///
/// # Safety
/// As `read`.
#[export]
pub unsafe extern "C" fn __read_chk(fd: c_int, buf: *mut c_void, nbytes: size_t, buflen: size_t) -> ssize_t {
    if nbytes > buflen {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `nbytes` fit the buffer.
    unsafe { libc::read(fd, buf, nbytes) }
}

/// `__pread_chk`: `pread` with `__read_chk`'s rule.
///
/// # Safety
/// As `pread`.
#[export]
pub unsafe extern "C" fn __pread_chk(
    fd: c_int,
    buf: *mut c_void,
    nbytes: size_t,
    offset: off_t,
    buflen: size_t,
) -> ssize_t {
    if nbytes > buflen {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `nbytes` fit the buffer.
    unsafe { libc::pread(fd, buf, nbytes, offset) }
}

/// `__pread64_chk`: `__pread_chk` for `_FILE_OFFSET_BITS=64` (musl's
/// `off_t` is always 64 bits).
///
/// # Safety
/// As `pread`.
#[export]
pub unsafe extern "C" fn __pread64_chk(
    fd: c_int,
    buf: *mut c_void,
    nbytes: size_t,
    offset: off_t,
    buflen: size_t,
) -> ssize_t {
    if nbytes > buflen {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `nbytes` fit the buffer.
    unsafe { libc::pread(fd, buf, nbytes, offset) }
}

/// `__readlink_chk`: `readlink` of up to `len` bytes into a buffer of
/// `buflen`; fails when `len > buflen`.
///
/// # Safety
/// As `readlink`.
#[export]
pub unsafe extern "C" fn __readlink_chk(path: *const c_char, buf: *mut c_char, len: size_t, buflen: size_t) -> ssize_t {
    if len > buflen {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `len` bytes fit the buffer.
    unsafe { libc::readlink(path, buf, len) }
}

/// `__readlinkat_chk`: `readlinkat` with `__readlink_chk`'s rule.
///
/// # Safety
/// As `readlinkat`.
#[export]
pub unsafe extern "C" fn __readlinkat_chk(
    fd: c_int,
    path: *const c_char,
    buf: *mut c_char,
    len: size_t,
    buflen: size_t,
) -> ssize_t {
    if len > buflen {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `len` bytes fit the buffer.
    unsafe { libc::readlinkat(fd, path, buf, len) }
}

/// `__getcwd_chk`: `getcwd` into a buffer of `buflen` bytes; fails when
/// the `size` the caller claims is larger.
///
/// # Safety
/// As `getcwd`.
#[export]
pub unsafe extern "C" fn __getcwd_chk(buf: *mut c_char, size: size_t, buflen: size_t) -> *mut c_char {
    if size > buflen {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `size` bytes fit the buffer.
    unsafe { libc::getcwd(buf, size) }
}

/// `__getwd_chk`: `getwd` (which musl lacks) is `getcwd` into the buffer of
/// `buflen` bytes; a directory name that does not fit (`ERANGE`) is a buffer
/// overflow (glibc `debug/getwd_chk.c`).
///
/// # Safety
/// `buf` is writable for `buflen` bytes.
#[export]
pub unsafe extern "C" fn __getwd_chk(buf: *mut c_char, buflen: size_t) -> *mut c_char {
    // SAFETY: forwarded from the caller.
    let res = unsafe { libc::getcwd(buf, buflen) };
    if res.is_null() && errno::get() == libc::ERANGE {
        buffer_overflow();
    }
    res
}

/// `__confstr_chk`: `confstr` of up to `len` bytes into a buffer of
/// `buflen`; fails when `buflen < len`.
///
/// # Safety
/// As `confstr`.
#[export]
pub unsafe extern "C" fn __confstr_chk(name: c_int, buf: *mut c_char, len: size_t, buflen: size_t) -> size_t {
    if buflen < len {
        buffer_overflow();
    }
    // Callers of a fortified entry point are glibc-built: glibc's answers.
    // SAFETY: forwarded from the caller; `len` bytes fit the buffer.
    unsafe { crate::unistd::confstr::glibc_confstr(name, buf, len) }
}

/// `__getgroups_chk`: `getgroups` of up to `size` IDs into a list of
/// `listlen` bytes; a negative `size` is `EINVAL`, and `size` IDs that do
/// not fit are a buffer overflow.
///
/// # Safety
/// As `getgroups`.
#[export]
pub unsafe extern "C" fn __getgroups_chk(size: c_int, list: *mut gid_t, listlen: size_t) -> c_int {
    if size < 0 {
        errno::set(libc::EINVAL);
        return -1;
    }
    if size as size_t * core::mem::size_of::<gid_t>() > listlen {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `size` IDs fit the list.
    unsafe { libc::getgroups(size, list) }
}

/// `__ttyname_r_chk`: `ttyname_r` into a buffer the caller says holds
/// `buflen` bytes, which must not exceed its real size `nreal`.
///
/// # Safety
/// As `ttyname_r`.
#[export]
pub unsafe extern "C" fn __ttyname_r_chk(fd: c_int, buf: *mut c_char, buflen: size_t, nreal: size_t) -> c_int {
    if buflen > nreal {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `buflen` bytes fit the buffer.
    unsafe { libc::ttyname_r(fd, buf, buflen) }
}

/// `__getlogin_r_chk`: `getlogin_r` with `__ttyname_r_chk`'s rule.
///
/// # Safety
/// As `getlogin_r`.
#[export]
pub unsafe extern "C" fn __getlogin_r_chk(buf: *mut c_char, buflen: size_t, nreal: size_t) -> c_int {
    if buflen > nreal {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `buflen` bytes fit the buffer.
    unsafe { musl::getlogin_r(buf, buflen) }
}

/// `__gethostname_chk`: `gethostname` with `__ttyname_r_chk`'s rule.
///
/// # Safety
/// As `gethostname`.
#[export]
pub unsafe extern "C" fn __gethostname_chk(buf: *mut c_char, buflen: size_t, nreal: size_t) -> c_int {
    if buflen > nreal {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `buflen` bytes fit the buffer.
    unsafe { libc::gethostname(buf, buflen) }
}

/// `__getdomainname_chk`: `getdomainname` with `__ttyname_r_chk`'s rule.
///
/// # Safety
/// As `getdomainname`.
#[export]
pub unsafe extern "C" fn __getdomainname_chk(buf: *mut c_char, buflen: size_t, nreal: size_t) -> c_int {
    if buflen > nreal {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `buflen` bytes fit the buffer.
    unsafe { libc::getdomainname(buf, buflen) }
}
