//! `<langinfo.h>`: glibc's answers in the C/POSIX locale, for glibc-built
//! callers. musl's C locale answers a few items differently (`CODESET` is
//! `"ASCII"` where glibc says `"ANSI_X3.4-1968"`, which programs compare
//! against; `D_T_FMT` spells `%T` out; the `ERA_*` and `ALT_DIGITS` items are
//! empty in glibc; `CRNCYSTR` is `"-"`). An answer equal to musl's C-locale
//! one becomes glibc's; any other answer (a UTF-8 `CODESET`, a translated
//! locale's formats) is musl's unchanged, as is every answer to a
//! musl-built caller.

use core::ffi::{CStr, c_char, c_int, c_void};

use crate::abi::caller;
use crate::musl_next;
use libc::locale_t;

musl_next!(fn musl_nl_langinfo = "nl_langinfo": unsafe extern "C" fn(c_int) -> *mut c_char);
musl_next!(fn musl_nl_langinfo_l = "nl_langinfo_l": unsafe extern "C" fn(c_int, locale_t) -> *mut c_char);

/// `(item, musl's C-locale answer, glibc's)`; items are encoded the same
/// way by both (category << 16 | index).
const C_LOCALE: [(c_int, &CStr, &CStr); 7] = [
    (14, c"ASCII", c"ANSI_X3.4-1968"),                      // CODESET
    (0x2_0028, c"%a %b %e %T %Y", c"%a %b %e %H:%M:%S %Y"), // D_T_FMT
    (0x2_002e, c"%m/%d/%y", c""),                           // ERA_D_FMT
    (0x2_002f, c"0123456789", c""),                         // ALT_DIGITS
    (0x2_0030, c"%a %b %e %T %Y", c""),                     // ERA_D_T_FMT
    (0x2_0031, c"%H:%M:%S", c""),                           // ERA_T_FMT
    (0x4_000f, c"", c"-"),                                  // CRNCYSTR
];

/// The body of `nl_langinfo`, `nl_langinfo_l` and `__nl_langinfo_l`
/// (fronts: `overrides.c`).
///
/// # Safety
/// As `nl_langinfo_l(3)`; `loc` is used only when `with_locale` is set.
#[export(local)]
pub unsafe extern "C" fn __gcompat_nl_langinfo_l(
    item: c_int,
    loc: locale_t,
    with_locale: c_int,
    caller: *const c_void,
) -> *mut c_char {
    // SAFETY: musl's own, with the caller's arguments.
    let answer = unsafe { if with_locale != 0 { musl_nl_langinfo_l()(item, loc) } else { musl_nl_langinfo()(item) } };
    if answer.is_null() || !caller::is_glibc(caller) {
        return answer;
    }
    // SAFETY: musl answers with a NUL-terminated string.
    let text = unsafe { CStr::from_ptr(answer) };
    match C_LOCALE.iter().find(|(i, musl, _)| *i == item && *musl == text) {
        Some((_, _, glibc)) => glibc.as_ptr().cast_mut(),
        None => answer,
    }
}
