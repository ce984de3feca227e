//! `<stdlib.h>` large-file names (`man 3 mkstemp`).

use core::ffi::{c_char, c_int};

forward! {
    /// `mkstemp64`: `mkstemp` (LFS; `man 3 mkstemp`).
    pub unsafe extern "C" fn mkstemp64(template: *mut c_char) -> c_int = libc::mkstemp;
    /// `mkostemp64`: `mkostemp` (LFS; `man 3 mkostemp`).
    pub unsafe extern "C" fn mkostemp64(template: *mut c_char, flags: c_int) -> c_int = libc::mkostemp;
    /// `mkstemps64`: `mkstemps` (LFS; `man 3 mkstemps`).
    pub unsafe extern "C" fn mkstemps64(template: *mut c_char, suffixlen: c_int) -> c_int = libc::mkstemps;
    /// `mkostemps64`: `mkostemps` (LFS; `man 3 mkostemps`).
    pub unsafe extern "C" fn mkostemps64(template: *mut c_char, suffixlen: c_int, flags: c_int) -> c_int = libc::mkostemps;
}
