//! ABI plumbing shared by every area: errno, C strings, `va_list`, the one
//! fortify-failure path, the logger and the start-up constructor.
//!
//! Anything glibc-internal that an exported function needs lives here, once.

pub mod cstr;
pub mod errno;
pub mod fatal;
pub mod init;
pub mod log;
pub mod musl;

/// A C `va_list` as a parameter. On x86_64 `va_list` is an array type that
/// decays to a pointer; on aarch64 it is a 32-byte struct, which AAPCS64 passes
/// by reference. Either way the callee receives one pointer, which the shim
/// hands on unchanged to musl's `v*` function.
pub type VaList = *mut core::ffi::c_void;
