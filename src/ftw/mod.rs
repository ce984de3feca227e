//! `<ftw.h>`: `ftw`, `nftw` and their large-file names `ftw64`, `nftw64`
//! with glibc's meaning (`man 3 ftw`; glibc `io/ftw.c`). The walks and
//! their callback trampolines are in `ftw.c`, whose comment lists how
//! glibc's differ from musl's. `ftw` and `nftw` are musl's names too: here
//! a musl-built caller is sent to musl's own function.

use crate::abi::caller;
use crate::musl_next;
use core::ffi::{c_char, c_int, c_void};

/// A `ftw` callback.
pub type FtwFn = Option<unsafe extern "C" fn(*const c_char, *const libc::stat, c_int) -> c_int>;
/// `struct FTW`, the same in both libcs: where `nftw` found the file.
#[repr(C)]
pub struct Ftw {
    pub base: c_int,
    pub level: c_int,
}
/// A `nftw` callback.
pub type NftwFn = Option<unsafe extern "C" fn(*const c_char, *const libc::stat, c_int, *mut Ftw) -> c_int>;
type MuslFtw = unsafe extern "C" fn(*const c_char, FtwFn, c_int) -> c_int;
type MuslNftw = unsafe extern "C" fn(*const c_char, NftwFn, c_int, c_int) -> c_int;

musl_next!(fn musl_ftw = "ftw": MuslFtw);
musl_next!(fn musl_nftw = "nftw": MuslNftw);

unsafe extern "C" {
    /// glibc's walks, in `ftw.c`.
    fn ftw64(dir: *const c_char, f: FtwFn, fds: c_int) -> c_int;
    fn nftw64(dir: *const c_char, f: NftwFn, fds: c_int, flags: c_int) -> c_int;
}

/// musl's `nftw`, which `ftw.c`'s walks run on.
///
/// # Safety
/// Any caller: it takes nothing.
#[export(local)]
pub extern "C" fn __gcompat_musl_nftw() -> MuslNftw {
    musl_nftw()
}

/// `ftw` for the caller at `caller`: glibc's walk for glibc-built code,
/// musl's `ftw` for the rest.
///
/// # Safety
/// As `ftw`.
#[export(local)]
pub unsafe extern "C" fn __gcompat_ftw(dir: *const c_char, f: FtwFn, fds: c_int, caller: *const c_void) -> c_int {
    if caller::is_glibc(caller) {
        // SAFETY: forwarded from the caller.
        unsafe { ftw64(dir, f, fds) }
    } else {
        // SAFETY: musl's own ftw with the caller's arguments.
        unsafe { musl_ftw()(dir, f, fds) }
    }
}

/// `nftw` for the caller at `caller`: glibc's walk for glibc-built code,
/// musl's `nftw` for the rest.
///
/// # Safety
/// As `nftw`.
#[export(local)]
pub unsafe extern "C" fn __gcompat_nftw(
    dir: *const c_char,
    f: NftwFn,
    fds: c_int,
    flags: c_int,
    caller: *const c_void,
) -> c_int {
    if caller::is_glibc(caller) {
        // SAFETY: forwarded from the caller.
        unsafe { nftw64(dir, f, fds, flags) }
    } else {
        // SAFETY: musl's own nftw with the caller's arguments.
        unsafe { musl_nftw()(dir, f, fds, flags) }
    }
}
