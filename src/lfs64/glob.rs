//! `<glob.h>` large-file names (`man 3 glob`): `glob64_t` is `glob_t`, and
//! glibc's `glob_t` has musl's size and public fields.

use crate::abi::export::forward;
use core::ffi::{c_char, c_int};
use libc::glob_t;

/// glob's error callback.
type ErrFn = Option<extern "C" fn(*const c_char, c_int) -> c_int>;

forward! {
    /// `glob64`: `glob` (POSIX; `man 3 glob`).
    #[export]
    pub unsafe extern "C" fn glob64(pattern: *const c_char, flags: c_int, errfunc: ErrFn, g: *mut glob_t) -> c_int = libc::glob;
    /// `globfree64`: `globfree` (POSIX; `man 3 globfree`).
    #[export]
    pub unsafe extern "C" fn globfree64(g: *mut glob_t) -> () = libc::globfree;
}
