//! `<libintl.h>`: glibc's internal name `__dcgettext`, which glibc's own
//! `<libintl.h>` makes `dcgettext` calls into when optimising (the
//! `__OPTIMIZE__` macro form). musl has `dcgettext` itself.

use core::ffi::{c_char, c_int};

unsafe extern "C" {
    fn dcgettext(domain: *const c_char, msgid: *const c_char, category: c_int) -> *mut c_char;
}

/// `__dcgettext`: `dcgettext` under glibc's internal name (glibc manual,
/// "Translation with gettext"; LSB lists it as `dcgettext`'s alias).
///
/// # Safety
/// As `dcgettext`: `domain` null or a C string, `msgid` a C string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __dcgettext(
    domain: *const c_char,
    msgid: *const c_char,
    category: c_int,
) -> *mut c_char {
    // SAFETY: the caller's arguments, passed on unchanged.
    unsafe { dcgettext(domain, msgid, category) }
}
