//! The C23 scanf family (ISO C23 7.23.6.2; glibc 2.38 `__isoc23_scanf`
//! and friends, which glibc >= 2.38 headers call for `scanf` under
//! `_GNU_SOURCE` or `-std=c2x`): `%b` and `0b` in `%i`. A format with
//! neither goes straight to musl; otherwise [`super::scan`] runs it (its
//! module doc says why that shape).
//!
//! The variadic fronts are in `isoc23.c`.

use super::scan::{self, Input};
use crate::abi::VaList;
use crate::abi::musl::{flockfile, funlockfile, stdin, vfscanf, vsscanf};
use crate::stdlib::isoc23::is_space;
use core::ffi::{c_char, c_int, c_void};
use libc::FILE;

/// A NUL-terminated string as scanf input.
struct Str {
    s: *const c_char,
}

impl Input<c_char> for Str {
    fn get(&mut self) -> Option<c_char> {
        // SAFETY: `s` stays within the caller's NUL-terminated string: it
        // advances only past units that are not the NUL.
        let c = unsafe { *self.s };
        (c != 0).then(|| {
            // SAFETY: as above.
            self.s = unsafe { self.s.add(1) };
            c
        })
    }
    fn unget(&mut self, _c: c_char) {
        // SAFETY: only after a `get` that advanced.
        self.s = unsafe { self.s.sub(1) };
    }
    fn is_space(&self, c: u32) -> bool {
        is_space(c)
    }
    unsafe fn directive(&mut self, fmt: *const c_char, dest: Option<*mut c_void>, n: &mut c_int) -> c_int {
        // SAFETY: per the trait's contract.
        let r = unsafe {
            match dest {
                Some(d) => libc::sscanf(self.s, fmt, d, n as *mut c_int),
                None => libc::sscanf(self.s, fmt, n as *mut c_int),
            }
        };
        if *n > 0 {
            // SAFETY: musl took `n` units of the string.
            self.s = unsafe { self.s.add(*n as usize) };
        }
        r
    }
}

/// A narrow stream as scanf input.
struct Stream {
    f: *mut FILE,
}

impl Input<c_char> for Stream {
    fn get(&mut self) -> Option<c_char> {
        // SAFETY: `f` is the caller's open stream.
        let c = unsafe { libc::fgetc(self.f) };
        (c >= 0).then_some(c as c_char)
    }
    fn unget(&mut self, c: c_char) {
        // SAFETY: as above; one unit of push-back always fits.
        unsafe { libc::ungetc(c_int::from(c as u8), self.f) };
    }
    fn is_space(&self, c: u32) -> bool {
        is_space(c)
    }
    unsafe fn directive(&mut self, fmt: *const c_char, dest: Option<*mut c_void>, n: &mut c_int) -> c_int {
        // SAFETY: per the trait's contract.
        unsafe {
            match dest {
                Some(d) => libc::fscanf(self.f, fmt, d, n as *mut c_int),
                None => libc::fscanf(self.f, fmt, n as *mut c_int),
            }
        }
    }
}

/// `__isoc23_vsscanf`: C23 `vsscanf` (ISO C23 7.23.6.14).
///
/// # Safety
/// As `vsscanf`.
#[export]
pub unsafe extern "C" fn __isoc23_vsscanf(s: *const c_char, fmt: *const c_char, ap: VaList) -> c_int {
    // SAFETY: `fmt` is the caller's NUL-terminated format.
    let format = unsafe { scan::format(fmt) };
    if !scan::needs_engine(format) {
        // SAFETY: forwarded from the caller.
        return scan::glibc_errno(|| unsafe { vsscanf(s, fmt, ap) });
    }
    // SAFETY: forwarded from the caller.
    unsafe { scan::run(&mut Str { s }, format, ap) }
}

/// `__isoc23_vfscanf`: C23 `vfscanf` (ISO C23 7.23.6.9).
///
/// # Safety
/// As `vfscanf`.
#[export]
pub unsafe extern "C" fn __isoc23_vfscanf(f: *mut FILE, fmt: *const c_char, ap: VaList) -> c_int {
    // SAFETY: `fmt` is the caller's NUL-terminated format.
    let format = unsafe { scan::format(fmt) };
    if !scan::needs_engine(format) {
        // SAFETY: forwarded from the caller.
        return scan::glibc_errno(|| unsafe { vfscanf(f, fmt, ap) });
    }
    // SAFETY: `f` is the caller's stream; locked for the whole call as
    // glibc does (musl's lock is recursive for its owner).
    unsafe {
        flockfile(f);
        let r = scan::run(&mut Stream { f }, format, ap);
        funlockfile(f);
        r
    }
}

/// `__isoc23_vscanf`: C23 `vscanf` (ISO C23 7.23.6.12).
///
/// # Safety
/// As `vscanf`.
#[export]
pub unsafe extern "C" fn __isoc23_vscanf(fmt: *const c_char, ap: VaList) -> c_int {
    // SAFETY: `stdin` is musl's, read through the GOT; forwarded.
    unsafe { __isoc23_vfscanf(stdin, fmt, ap) }
}
