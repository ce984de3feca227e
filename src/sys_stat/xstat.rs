//! The old stat ABI (LSB "Interfaces for libc": `__xstat`, `__fxstat`,
//! `__lxstat`, `__fxstatat`, `__xmknod`, `__xmknodat` and the `*64` forms;
//! glibc `io/xstat64.c`, `io/xmknod.c`). Before glibc 2.33 the headers
//! inlined `stat(p, b)` as `__xstat(_STAT_VER, p, b)`, so every program
//! built against an older glibc calls these. glibc 2.33 keeps them as
//! compat symbols only; the shim exports them as default versions because
//! musl's loader skips hidden ones.
//!
//! The version argument names the `struct stat` layout the caller expects.
//! On x86_64 glibc takes `_STAT_VER_KERNEL` (0) and `_STAT_VER_LINUX` (1),
//! both the kernel's `struct stat`, which is musl's; on aarch64 only 0; any
//! other is `EINVAL`, with nothing done. `__xmknod` takes only `_MKNOD_VER` (0).
//!
//! musl 1.2.5 exports the plain six itself but ignores the version; the
//! shim's definitions add glibc's check (`symbols/overrides.txt`). No
//! musl-built program calls them: musl's headers never did.

use crate::abi::errno;
use core::ffi::{c_char, c_int};
use libc::{dev_t, mode_t, stat};

/// `_STAT_VER_KERNEL` and `_STAT_VER_LINUX` on x86_64; on aarch64 only
/// `_STAT_VER_KERNEL` (0), the generic kernel `struct stat` (glibc's
/// `STAT_IS_KERNEL_STAT`).
fn stat_version_ok(vers: c_int) -> bool {
    if cfg!(target_arch = "x86_64") { matches!(vers, 0 | 1) } else { vers == 0 }
}

/// `_MKNOD_VER` on x86_64 and aarch64.
const MKNOD_VER: c_int = 0;

fn einval() -> c_int {
    errno::set(libc::EINVAL);
    -1
}

/// Defines a version-checked stat function: each row is the export's
/// declaration and the plain function it calls after the check. On x86_64
/// `struct stat64` is `struct stat`, so each `*64` name is an alias.
macro_rules! xstat {
    ($($(#[$meta:meta])+ pub unsafe extern "C" fn $name:ident(
        $vers:ident: c_int, $($arg:ident: $ty:ty),*
    ) -> c_int = $base:path;)*) => {$(
        $(#[$meta])+
        ///
        /// # Safety
        /// As the plain function named, after the version.
        pub unsafe extern "C" fn $name($vers: c_int, $($arg: $ty),*) -> c_int {
            if !stat_version_ok($vers) {
                return einval();
            }
            // SAFETY: forwarded from the caller; `struct stat` is the
            // layout both accepted versions name.
            unsafe { $base($($arg),*) }
        }
    )*};
}

xstat! {
    /// `__xstat`: `stat` with a layout version (LSB; glibc `io/xstat.c`);
    /// `__xstat64` (`io/xstat64.c`) is the same function.
    #[export(alias = "__xstat64")]
    pub unsafe extern "C" fn __xstat(vers: c_int, path: *const c_char, buf: *mut stat) -> c_int = libc::stat;
    /// `__lxstat`: `lstat` with a layout version (LSB; glibc `io/lxstat.c`);
    /// `__lxstat64` (`io/lxstat64.c`) is the same function.
    #[export(alias = "__lxstat64")]
    pub unsafe extern "C" fn __lxstat(vers: c_int, path: *const c_char, buf: *mut stat) -> c_int = libc::lstat;
    /// `__fxstat`: `fstat` with a layout version (LSB; glibc `io/fxstat.c`);
    /// `__fxstat64` (`io/fxstat64.c`) is the same function.
    #[export(alias = "__fxstat64")]
    pub unsafe extern "C" fn __fxstat(vers: c_int, fd: c_int, buf: *mut stat) -> c_int = libc::fstat;
    /// `__fxstatat`: `fstatat` with a layout version (LSB; glibc
    /// `io/fxstatat.c`); `__fxstatat64` (`io/fxstatat64.c`) is the same
    /// function.
    #[export(alias = "__fxstatat64")]
    pub unsafe extern "C" fn __fxstatat(vers: c_int, dirfd: c_int, path: *const c_char, buf: *mut stat, flags: c_int) -> c_int = libc::fstatat;
}

/// `__xmknod`: `mknod` with a version (LSB; glibc `io/xmknod.c`).
///
/// # Safety
/// As `mknod`; `dev` points to the device number.
#[export]
pub unsafe extern "C" fn __xmknod(vers: c_int, path: *const c_char, mode: mode_t, dev: *mut dev_t) -> c_int {
    if vers != MKNOD_VER {
        return einval();
    }
    // SAFETY: forwarded from the caller.
    unsafe { libc::mknod(path, mode, *dev) }
}

/// `__xmknodat`: `mknodat` with a version (LSB; glibc `io/xmknodat.c`).
///
/// # Safety
/// As `mknodat`; `dev` points to the device number.
#[export]
pub unsafe extern "C" fn __xmknodat(
    vers: c_int,
    dirfd: c_int,
    path: *const c_char,
    mode: mode_t,
    dev: *mut dev_t,
) -> c_int {
    if vers != MKNOD_VER {
        return einval();
    }
    // SAFETY: forwarded from the caller.
    unsafe { libc::mknodat(dirfd, path, mode, *dev) }
}
