//! `<libintl.h>`: glibc's internal name `__dcgettext`, which glibc's own
//! `<libintl.h>` makes `dcgettext` calls into when optimising (the
//! `__OPTIMIZE__` macro form), and `_nl_msg_cat_cntr`, glibc's count of
//! catalog changes (`catalogs.c`). musl has `dcgettext` itself.
//!
//! glibc counts a change at every successful `textdomain` with a name, at
//! a `bindtextdomain` or `bind_textdomain_codeset` that changes a binding
//! (intl/textdomain.c, intl/bindtextdom.c), and when it loads a catalog;
//! the shim counts the first two, for every caller (musl-built code never
//! reads the variable).
//!
//! # glibc differences
//! musl loads catalogs inside `dcngettext`, unseen: a catalog's first load
//! is not counted. musl's `bind_textdomain_codeset` binds nothing (musl's
//! catalogs are UTF-8) and returns null, so it changes no count either.

use core::ffi::{CStr, c_char, c_int};

use crate::musl_next;

unsafe extern "C" {
    fn dcgettext(domain: *const c_char, msgid: *const c_char, category: c_int) -> *mut c_char;
    static mut _nl_msg_cat_cntr: c_int;
}

musl_next!(fn musl_textdomain = "textdomain": unsafe extern "C" fn(*const c_char) -> *mut c_char);
musl_next!(fn musl_bindtextdomain = "bindtextdomain": unsafe extern "C" fn(*const c_char, *const c_char) -> *mut c_char);

fn count_change() {
    // SAFETY: the program's copy of the variable (or the shim's), through
    // its dynamic symbol; glibc updates it without synchronization too.
    unsafe { _nl_msg_cat_cntr = _nl_msg_cat_cntr.wrapping_add(1) };
}

/// Whether two C strings, either null, differ.
///
/// # Safety
/// Each is null or a C string.
unsafe fn differ(a: *const c_char, b: *const c_char) -> bool {
    match (a.is_null(), b.is_null()) {
        (false, false) => {
            // SAFETY: as the caller promises.
            unsafe { CStr::from_ptr(a) != CStr::from_ptr(b) }
        }
        (x, y) => x != y,
    }
}

/// `textdomain`: musl's, counting a change when a domain is set.
///
/// # Safety
/// As `textdomain(3)`.
#[export]
pub unsafe extern "C" fn textdomain(domain: *const c_char) -> *mut c_char {
    // SAFETY: forwarded.
    let r = unsafe { musl_textdomain()(domain) };
    if !domain.is_null() && !r.is_null() {
        count_change();
    }
    r
}

/// `bindtextdomain`: musl's, counting a change when the binding changes.
///
/// # Safety
/// As `bindtextdomain(3)`.
#[export]
pub unsafe extern "C" fn bindtextdomain(domain: *const c_char, dir: *const c_char) -> *mut c_char {
    // SAFETY: forwarded; a null directory only asks.
    unsafe {
        let before = if dir.is_null() || domain.is_null() {
            core::ptr::null_mut()
        } else {
            musl_bindtextdomain()(domain, core::ptr::null())
        };
        let r = musl_bindtextdomain()(domain, dir);
        if !dir.is_null() && !r.is_null() && differ(before, r) {
            count_change();
        }
        r
    }
}

/// `__dcgettext`: `dcgettext` under glibc's internal name (glibc manual,
/// "Translation with gettext"; LSB lists it as `dcgettext`'s alias).
///
/// # Safety
/// As `dcgettext`: `domain` null or a C string, `msgid` a C string.
#[export]
pub unsafe extern "C" fn __dcgettext(domain: *const c_char, msgid: *const c_char, category: c_int) -> *mut c_char {
    // SAFETY: the caller's arguments, passed on unchanged.
    unsafe { dcgettext(domain, msgid, category) }
}
