//! `getaddrinfo` for glibc-built callers: glibc's IDN flags accepted.
//!
//! glibc encodes a non-ASCII `node` with IDNA 2008 under `AI_IDN`, and
//! decodes the canonical name under `AI_CANONIDN`; an ASCII name is the same
//! with or without them. musl refuses every flag it does not know with
//! `EAI_BADFLAGS`, so a glibc program that passes `AI_IDN` (curl, wget and
//! others do) could resolve nothing.
//!
//! # glibc differences
//! A non-ASCII `node` is passed to musl as it is (UTF-8), not as its
//! `xn--` form: it resolves only where `/etc/hosts` or DNS carries the raw
//! bytes.

use core::ffi::{c_char, c_int, c_void};

/// `AI_IDN | AI_CANONIDN | AI_IDN_ALLOW_UNASSIGNED | AI_IDN_USE_STD3_ASCII_RULES`.
pub const IDN_FLAGS: c_int = 0x0040 | 0x0080 | 0x0100 | 0x0200;

crate::musl_next!(pub fn musl_getaddrinfo = "getaddrinfo":
    unsafe extern "C" fn(*const c_char, *const c_char, *const libc::addrinfo, *mut *mut libc::addrinfo) -> c_int);

/// glibc's `getaddrinfo`: musl's with the IDN flags taken off.
///
/// # Safety
/// As `getaddrinfo`.
pub unsafe fn glibc_getaddrinfo(
    node: *const c_char,
    service: *const c_char,
    hints: *const libc::addrinfo,
    res: *mut *mut libc::addrinfo,
) -> c_int {
    // SAFETY: hints is null or the caller's valid addrinfo.
    if let Some(h) = unsafe { hints.as_ref() }
        && h.ai_flags & IDN_FLAGS != 0
    {
        let masked = libc::addrinfo { ai_flags: h.ai_flags & !IDN_FLAGS, ..*h };
        // SAFETY: musl's getaddrinfo with a copy of the hints.
        return unsafe { musl_getaddrinfo()(node, service, &masked, res) };
    }
    // SAFETY: the caller's arguments, unchanged.
    unsafe { musl_getaddrinfo()(node, service, hints, res) }
}

/// `getaddrinfo` (behind the C front in `overrides.c`): glibc's flags for
/// glibc-built callers, musl's `getaddrinfo` unchanged for the others.
///
/// # Safety
/// As `getaddrinfo`; `caller` is the front's return address.
#[export(local)]
pub unsafe extern "C" fn __gcompat_getaddrinfo(
    node: *const c_char,
    service: *const c_char,
    hints: *const libc::addrinfo,
    res: *mut *mut libc::addrinfo,
    caller: *const c_void,
) -> c_int {
    if !crate::abi::caller::is_glibc(caller) {
        // SAFETY: musl's getaddrinfo with the caller's arguments.
        return unsafe { musl_getaddrinfo()(node, service, hints, res) };
    }
    // SAFETY: the caller's contract.
    unsafe { glibc_getaddrinfo(node, service, hints, res) }
}
