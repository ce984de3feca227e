//! `<stdlib.h>` large-file names (`man 3 mkstemp`).

use crate::abi::export::forward;
use core::ffi::{c_char, c_int};

forward! {
    /// `mkstemp64`: `mkstemp` (LFS; `man 3 mkstemp`).
    #[export]
    pub unsafe extern "C" fn mkstemp64(template: *mut c_char) -> c_int = libc::mkstemp;
    /// `mkostemp64`: `mkostemp` (LFS; `man 3 mkostemp`).
    #[export]
    pub unsafe extern "C" fn mkostemp64(template: *mut c_char, flags: c_int) -> c_int = libc::mkostemp;
    /// `mkstemps64`: `mkstemps` (LFS; `man 3 mkstemps`).
    #[export]
    pub unsafe extern "C" fn mkstemps64(template: *mut c_char, suffixlen: c_int) -> c_int = libc::mkstemps;
    /// `mkostemps64`: `mkostemps` (LFS; `man 3 mkostemps`).
    #[export]
    pub unsafe extern "C" fn mkostemps64(template: *mut c_char, suffixlen: c_int, flags: c_int) -> c_int = libc::mkostemps;
}
