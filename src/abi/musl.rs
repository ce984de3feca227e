//! musl functions and data the `libc` crate does not declare (the `v*` family
//! takes a `va_list`, which stable Rust cannot name) or declares for other
//! targets only.
//!
//! Data here (`stdout`, `stderr`, `program_invocation_name`) is reached through
//! the dynamic symbol, via the GOT: a glibc program copy-relocates these, and
//! the program's copy is the live one.

use super::VaList;
use core::ffi::{c_char, c_int};
use libc::{FILE, size_t};

unsafe extern "C" {
    pub static mut stdout: *mut FILE;
    pub static mut stderr: *mut FILE;
    pub static mut program_invocation_name: *mut c_char;

    pub fn vprintf(fmt: *const c_char, ap: VaList) -> c_int;
    pub fn vfprintf(stream: *mut FILE, fmt: *const c_char, ap: VaList) -> c_int;
    pub fn vsprintf(s: *mut c_char, fmt: *const c_char, ap: VaList) -> c_int;
    pub fn vsnprintf(s: *mut c_char, n: size_t, fmt: *const c_char, ap: VaList) -> c_int;
    pub fn vdprintf(fd: c_int, fmt: *const c_char, ap: VaList) -> c_int;
    pub fn vasprintf(strp: *mut *mut c_char, fmt: *const c_char, ap: VaList) -> c_int;
    pub fn vsyslog(priority: c_int, fmt: *const c_char, ap: VaList);
}
