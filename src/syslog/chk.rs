//! Fortified `syslog` (glibc `misc/syslog.c`): `vsyslog` with printf's
//! fortify checks on the format, glibc's `%m` and glibc's default ident.
//! The variadic front is in `chk.c`.

use crate::abi::{VaList, musl::vsyslog};
use crate::stdio::gnu_format::GnuFormat;
use core::ffi::{c_char, c_int};

/// `__vsyslog_chk`: `vsyslog` with the format checks.
///
/// # Safety
/// As `vsyslog`.
#[export]
pub unsafe extern "C" fn __vsyslog_chk(priority: c_int, flag: c_int, fmt: *const c_char, ap: VaList) {
    super::ident::default_for_glibc();
    let mut gnu = GnuFormat::new();
    // SAFETY: forwarded from the caller.
    unsafe {
        let fmt = gnu.prepare(flag, fmt, ap);
        vsyslog(priority, fmt, ap)
    }
}
