//! Telling a glibc-built caller from a musl-built one: the one mechanism
//! behind every name whose glibc meaning differs from musl's (`strerror_r`,
//! `basename`, `getopt`, ...).
//!
//! A preloaded library comes first in symbol lookup for every object in the
//! process, Alpine's own libraries included, so an override must keep musl's
//! meaning for musl-built callers. The exported name is a small C front that
//! passes `__builtin_return_address(0)`; this module says which object that
//! address lies in and whether that object was linked against glibc: an
//! object is glibc-built when its version needs (`DT_VERNEED`) name a
//! `GLIBC_*` version. musl's libraries carry no symbol versions at all.
//!
//! The answer is cached per object (`objects.rs`): the hot path is a scan of
//! a few pairs of atomics; a miss walks `dl_iterate_phdr` once.

use core::ffi::c_void;

/// Whether the code at `addr` (a return address) belongs to a glibc-built
/// object. Unknown addresses (JIT code, the vDSO) count as musl's: the
/// shim then changes nothing.
#[inline]
pub fn is_glibc(addr: *const c_void) -> bool {
    super::objects::is_glibc(addr as usize).unwrap_or(false)
}
