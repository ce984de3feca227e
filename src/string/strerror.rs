//! glibc's errno texts, where musl's differ (musl says "Not a tty" for
//! ENOTTY, glibc "Inappropriate ioctl for device"; musl says "No error
//! information" for an unknown value, glibc "Unknown error N").

use super::errlist::DESCRIPTIONS;
use core::ffi::c_int;
use core::fmt::Write;

/// glibc's text for `errnum`, or `None` where glibc has none.
pub fn description(errnum: c_int) -> Option<&'static str> {
    usize::try_from(errnum).ok().and_then(|i| DESCRIPTIONS.get(i).copied().flatten())
}

/// Writes what glibc's `strerror(errnum)` says: the text, or `Unknown error N`.
pub fn describe(errnum: c_int, out: &mut impl Write) {
    let _ = match description(errnum) {
        Some(text) => out.write_str(text),
        None => write!(out, "Unknown error {errnum}"),
    };
}
