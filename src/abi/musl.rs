//! musl functions and data the `libc` crate does not declare (the `v*` family
//! takes a `va_list`, which stable Rust cannot name) or declares for other
//! targets only.
//!
//! Data here (`stdout`, `stderr`, `program_invocation_name`) is reached through
//! the dynamic symbol, via the GOT: a glibc program copy-relocates these, and
//! the program's copy is the live one.

use super::VaList;
use core::ffi::{c_char, c_int, c_void};
use libc::{FILE, size_t, wchar_t};

/// C's `wint_t` (the `libc` crate has none for musl).
#[allow(non_camel_case_types)]
pub type wint_t = u32;

unsafe extern "C" {
    pub static mut stdout: *mut FILE;
    pub static mut stderr: *mut FILE;
    pub static mut program_invocation_name: *mut c_char;
    pub static mut program_invocation_short_name: *mut c_char;

    // The narrow v*printf family is the shim's own (overridden for glibc
    // callers): musl's definitions are in stdio/printf.rs (`musl_next!`).
    pub fn vsyslog(priority: c_int, fmt: *const c_char, ap: VaList);
    pub fn dgettext(domain: *const c_char, msgid: *const c_char) -> *mut c_char;
}

// The bases the fortified entry points forward to (`chk.rs` in each area).
unsafe extern "C" {
    pub static mut stdin: *mut FILE;

    pub fn fgets_unlocked(s: *mut c_char, n: c_int, stream: *mut FILE) -> *mut c_char;
    pub fn fgetws(s: *mut wchar_t, n: c_int, stream: *mut FILE) -> *mut wchar_t;
    pub fn fgetws_unlocked(s: *mut wchar_t, n: c_int, stream: *mut FILE) -> *mut wchar_t;
    pub fn getc_unlocked(stream: *mut FILE) -> c_int;
    pub fn getwc_unlocked(stream: *mut FILE) -> wint_t;
    pub fn flockfile(stream: *mut FILE);
    pub fn funlockfile(stream: *mut FILE);
    pub fn ferror_unlocked(stream: *mut FILE) -> c_int;

    // Exit-time registration (stdlib/at_exit.rs builds glibc's on_exit and
    // __cxa_at_quick_exit on these).
    pub fn __cxa_atexit(func: unsafe extern "C" fn(*mut c_void), arg: *mut c_void, dso: *mut c_void) -> c_int;
    pub fn at_quick_exit(func: extern "C" fn()) -> c_int;

    // The wide v*printf family is the shim's own too: wchar/printf.rs.

    pub fn strlcpy(dst: *mut c_char, src: *const c_char, size: size_t) -> size_t;
    pub fn strlcat(dst: *mut c_char, src: *const c_char, size: size_t) -> size_t;
    pub fn mempcpy(dst: *mut c_void, src: *const c_void, n: size_t) -> *mut c_void;

    pub fn wmemcpy(d: *mut wchar_t, s: *const wchar_t, n: size_t) -> *mut wchar_t;
    pub fn wmemmove(d: *mut wchar_t, s: *const wchar_t, n: size_t) -> *mut wchar_t;
    pub fn wmemset(d: *mut wchar_t, c: wchar_t, n: size_t) -> *mut wchar_t;
    pub fn wcsncpy(d: *mut wchar_t, s: *const wchar_t, n: size_t) -> *mut wchar_t;
    pub fn wcpncpy(d: *mut wchar_t, s: *const wchar_t, n: size_t) -> *mut wchar_t;

    pub fn __ctype_get_mb_cur_max() -> size_t;
    pub fn wcrtomb(s: *mut c_char, wc: wchar_t, ps: *mut mbstate_t) -> size_t;
    pub fn wctomb(s: *mut c_char, wc: wchar_t) -> c_int;
    pub fn mbsrtowcs(d: *mut wchar_t, s: *mut *const c_char, n: size_t, ps: *mut mbstate_t) -> size_t;
    pub fn mbsnrtowcs(d: *mut wchar_t, s: *mut *const c_char, nmc: size_t, n: size_t, ps: *mut mbstate_t) -> size_t;
    pub fn wcsrtombs(d: *mut c_char, s: *mut *const wchar_t, n: size_t, ps: *mut mbstate_t) -> size_t;
    pub fn wcsnrtombs(d: *mut c_char, s: *mut *const wchar_t, nwc: size_t, n: size_t, ps: *mut mbstate_t) -> size_t;
    pub fn mbstowcs(d: *mut wchar_t, s: *const c_char, n: size_t) -> size_t;

    pub fn getlogin_r(buf: *mut c_char, size: size_t) -> c_int;
    pub fn recvfrom(
        fd: c_int,
        buf: *mut c_void,
        n: size_t,
        flags: c_int,
        addr: *mut libc::sockaddr,
        addrlen: *mut libc::socklen_t,
    ) -> libc::ssize_t;
    pub fn ppoll(
        fds: *mut libc::pollfd,
        nfds: libc::nfds_t,
        timeout: *const libc::timespec,
        sigmask: *const libc::sigset_t,
    ) -> c_int;
    pub fn inet_ntop(af: c_int, src: *const c_void, dst: *mut c_char, size: libc::socklen_t) -> *const c_char;
    pub fn inet_pton(af: c_int, src: *const c_char, dst: *mut c_void) -> c_int;
    pub fn longjmp(env: *mut c_void, val: c_int) -> !;
}

// The scanf family the C23 scanners forward to (`stdio/isoc23.rs`,
// `wchar/isoc23.rs`).
unsafe extern "C" {
    pub fn vsscanf(s: *const c_char, fmt: *const c_char, ap: VaList) -> c_int;
    pub fn vfscanf(stream: *mut FILE, fmt: *const c_char, ap: VaList) -> c_int;
    pub fn vswscanf(s: *const wchar_t, fmt: *const wchar_t, ap: VaList) -> c_int;
    pub fn vfwscanf(stream: *mut FILE, fmt: *const wchar_t, ap: VaList) -> c_int;
    pub fn swscanf(s: *const wchar_t, fmt: *const wchar_t, ...) -> c_int;
    pub fn fwscanf(stream: *mut FILE, fmt: *const wchar_t, ...) -> c_int;
    pub fn fgetwc(stream: *mut FILE) -> wint_t;
    pub fn ungetwc(c: wint_t, stream: *mut FILE) -> wint_t;
    pub fn iswspace(c: wint_t) -> c_int;
}

/// `scandir`'s filter and comparison.
pub type DirentFilter = Option<unsafe extern "C" fn(*const libc::dirent) -> c_int>;
pub type DirentCompar = Option<unsafe extern "C" fn(*mut *const libc::dirent, *mut *const libc::dirent) -> c_int>;

// The plain functions the LFS64 names forward to (`lfs64/`).
unsafe extern "C" {
    pub fn scandir(
        path: *const c_char,
        list: *mut *mut *mut libc::dirent,
        filter: DirentFilter,
        compar: DirentCompar,
    ) -> c_int;
    pub fn alphasort(a: *mut *const libc::dirent, b: *mut *const libc::dirent) -> c_int;
    pub fn versionsort(a: *mut *const libc::dirent, b: *mut *const libc::dirent) -> c_int;
}

/// musl's `mbstate_t` (8 bytes; glibc's is 8 too), zero for the initial state.
#[repr(C)]
#[derive(Default)]
#[allow(non_camel_case_types)]
pub struct mbstate_t {
    pub opaque: [u32; 2],
}

// GNU extensions the `libc` crate does not declare for musl.
unsafe extern "C" {
    pub fn strsep(s: *mut *mut c_char, delim: *const c_char) -> *mut c_char;
    pub fn wcstol(s: *const wchar_t, end: *mut *mut wchar_t, base: c_int) -> core::ffi::c_long;
    pub fn wcstoul(s: *const wchar_t, end: *mut *mut wchar_t, base: c_int) -> core::ffi::c_ulong;
    pub fn wcstoll(s: *const wchar_t, end: *mut *mut wchar_t, base: c_int) -> core::ffi::c_longlong;
    pub fn wcstoull(s: *const wchar_t, end: *mut *mut wchar_t, base: c_int) -> core::ffi::c_ulonglong;
}
