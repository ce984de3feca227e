//! Fortified `syslog` (glibc `misc/syslog.c`): `vsyslog` with printf's
//! fortify checks on the format. The variadic front is in `chk.c`.

use crate::abi::{VaList, musl::vsyslog};
use crate::stdio::format;
use core::ffi::{c_char, c_int};

/// `__vsyslog_chk`: `vsyslog` with the format checks.
///
/// # Safety
/// As `vsyslog`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __vsyslog_chk(priority: c_int, flag: c_int, fmt: *const c_char, ap: VaList) {
    // SAFETY: forwarded from the caller.
    unsafe {
        format::check(flag, fmt);
        vsyslog(priority, fmt, ap)
    }
}
