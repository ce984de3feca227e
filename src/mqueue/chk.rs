//! `__mq_open_2` (glibc `rt/mq_open.c`): glibc's headers call it when
//! `mq_open` gets no mode and attributes, and refuse `O_CREAT` at run time,
//! since those would be stack garbage.

use crate::abi::fatal::fortify_fail;
use core::ffi::{c_char, c_int};
use libc::mqd_t;

/// `__mq_open_2`: `mq_open(name, oflag)` without a mode and attributes.
///
/// # Safety
/// As `mq_open`.
#[export]
pub unsafe extern "C" fn __mq_open_2(name: *const c_char, oflag: c_int) -> mqd_t {
    if oflag & libc::O_CREAT != 0 {
        fortify_fail("invalid mq_open call: O_CREAT without mode and attr");
    }
    // SAFETY: forwarded from the caller; no mode is read without O_CREAT.
    unsafe { libc::mq_open(name, oflag) }
}
