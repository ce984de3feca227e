//! `<sys/mman.h>` large-file names (`man 2 mmap`).

use crate::abi::export::forward;
use core::ffi::{c_int, c_void};
use libc::{off_t, size_t};

forward! {
    /// `mmap64`: `mmap` (LFS; `man 2 mmap`).
    #[export]
    pub unsafe extern "C" fn mmap64(addr: *mut c_void, len: size_t, prot: c_int, flags: c_int, fd: c_int, off: off_t) -> *mut c_void = libc::mmap;
}
