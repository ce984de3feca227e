//! ABI plumbing shared by every area: errno, C strings, `va_list`, the one
//! fortify-failure path, the logger, the environment reader, caller
//! classification, and glibc's own type layouts (`glibc_types`, generated
//! by scripts/gen-glibc-types.sh).
//!
//! Anything glibc-internal that an exported function needs lives here, once.
//! This is the ground floor: it uses no glibc area (`src/startup.rs`, above
//! the areas, wires them together).

pub mod caller;
pub mod cstr;
pub mod elf;
pub mod env;
pub mod errno;
pub mod export;
pub mod fatal;
#[cfg(target_arch = "x86_64")]
pub mod glibc_types;
#[cfg(target_arch = "aarch64")]
#[path = "glibc_types_aarch64.rs"]
pub mod glibc_types;
pub mod log;
pub mod musl;
pub mod next;
pub mod objects;
pub mod vec;

/// A C `va_list` as a parameter. On x86_64 `va_list` is an array type that
/// decays to a pointer; on aarch64 it is a 32-byte struct, which AAPCS64 passes
/// by reference. Either way the callee receives one pointer, which the shim
/// hands on unchanged to musl's `v*` function.
pub type VaList = *mut core::ffi::c_void;

/// The page size (glibc's default thread guard; `valloc`'s alignment).
pub fn page_size() -> usize {
    // SAFETY: sysconf has no preconditions.
    unsafe { libc::sysconf(libc::_SC_PAGESIZE) as usize }
}
