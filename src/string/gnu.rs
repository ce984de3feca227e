//! `<string.h>` GNU extensions musl lacks: glibc's internal aliases that old
//! binaries still reference (`__stpcpy`, `__strdup`, ...), the helpers
//! glibc's pre-2.24 `<bits/string2.h>` inlined calls to (`__strsep_1c`,
//! `__strcspn_c1`, ...), `strerrorname_np`/`strerrordesc_np`, and the
//! copy-relocated `sys_errlist`/`sys_nerr` (and their `_sys_*` twins).
//!
//! The `bits/string2.h` helpers are reproduced from glibc's
//! `string/string-inlines.c`, including their compare of a (signed) `char`
//! with an `int` argument.

use super::errlist::{DESCRIPTIONS, NAMES};
use crate::abi::cstr::{TextPtr, text_table};
use crate::abi::musl;
use core::ffi::{CStr, c_char, c_int, c_void};
use libc::size_t;

/// `__rawmemchr`: glibc's internal name for `rawmemchr` (glibc manual,
/// "Search Functions").
///
/// # Safety
/// As `rawmemchr`: `s` contains the byte `c`.
#[export]
pub unsafe extern "C" fn __rawmemchr(s: *const c_void, c: c_int) -> *mut c_void {
    // SAFETY: same contract.
    unsafe { super::rawmemchr(s, c) }
}

/// `__stpcpy`: glibc's internal name for `stpcpy` (glibc manual, "Copying
/// Strings and Arrays").
///
/// # Safety
/// As `stpcpy`.
#[export]
pub unsafe extern "C" fn __stpcpy(dst: *mut c_char, src: *const c_char) -> *mut c_char {
    // SAFETY: same contract.
    unsafe { libc::stpcpy(dst, src) }
}

/// `__strdup`: glibc's internal name for `strdup` (strdup(3)).
///
/// # Safety
/// As `strdup`.
#[export]
pub unsafe extern "C" fn __strdup(s: *const c_char) -> *mut c_char {
    // SAFETY: same contract.
    unsafe { libc::strdup(s) }
}

/// `__strndup`: glibc's internal name for `strndup` (strndup(3)).
///
/// # Safety
/// As `strndup`.
#[export]
pub unsafe extern "C" fn __strndup(s: *const c_char, n: size_t) -> *mut c_char {
    // SAFETY: same contract.
    unsafe { libc::strndup(s, n) }
}

/// `__mempcpy`: glibc's internal name for `mempcpy` (mempcpy(3)).
///
/// # Safety
/// As `mempcpy`.
#[export]
pub unsafe extern "C" fn __mempcpy(dst: *mut c_void, src: *const c_void, n: size_t) -> *mut c_void {
    // SAFETY: same contract.
    unsafe { musl::mempcpy(dst, src, n) }
}

/// `__strtok_r`: glibc's internal name for `strtok_r` (strtok_r(3)).
///
/// # Safety
/// As `strtok_r`.
#[export]
pub unsafe extern "C" fn __strtok_r(s: *mut c_char, delim: *const c_char, save: *mut *mut c_char) -> *mut c_char {
    // SAFETY: same contract.
    unsafe { libc::strtok_r(s, delim, save) }
}

/// `__strsep_g`: the general case of glibc's inlined `strsep` (strsep(3)).
///
/// # Safety
/// As `strsep`.
#[export]
pub unsafe extern "C" fn __strsep_g(s: *mut *mut c_char, delim: *const c_char) -> *mut c_char {
    // SAFETY: same contract.
    unsafe { musl::strsep(s, delim) }
}

/// glibc's `__strsep_2c`/`__strsep_3c`: cut `*s` at the first byte in
/// `delims` (a NUL delimiter never matches).
///
/// # Safety
/// `s` is valid; `*s` is null or a writable NUL-terminated string.
unsafe fn strsep_bytes(s: *mut *mut c_char, delims: &[c_char]) -> *mut c_char {
    // SAFETY: `s` is valid (caller).
    let start = unsafe { *s };
    if start.is_null() {
        return start;
    }
    let mut cp = start;
    // SAFETY: the walk stops at the string's terminator (caller).
    unsafe {
        loop {
            if *cp == 0 {
                cp = core::ptr::null_mut();
                break;
            }
            if delims.contains(&*cp) {
                *cp = 0;
                cp = cp.add(1);
                break;
            }
            cp = cp.add(1);
        }
        *s = cp;
    }
    start
}

/// `__strsep_1c`: glibc's inlined `strsep` with one delimiter (strsep(3)).
///
/// # Safety
/// As `strsep`.
///
/// # glibc differences
/// None: as glibc's, a NUL `reject` cuts at the terminator and leaves `*s`
/// just past it.
#[export]
pub unsafe extern "C" fn __strsep_1c(s: *mut *mut c_char, reject: c_char) -> *mut c_char {
    // SAFETY: `s` is valid (caller).
    let start = unsafe { *s };
    if !start.is_null() {
        // SAFETY: `start` is a writable C string (caller); strchr stays in it.
        unsafe {
            let cut = libc::strchr(start, c_int::from(reject));
            *s = cut;
            if !cut.is_null() {
                *cut = 0;
                *s = cut.add(1);
            }
        }
    }
    start
}

/// `__strsep_2c`: glibc's inlined `strsep` with two delimiters (strsep(3)).
///
/// # Safety
/// As `strsep`.
#[export]
pub unsafe extern "C" fn __strsep_2c(s: *mut *mut c_char, reject1: c_char, reject2: c_char) -> *mut c_char {
    // SAFETY: same contract.
    unsafe { strsep_bytes(s, &[reject1, reject2]) }
}

/// `__strsep_3c`: glibc's inlined `strsep` with three delimiters (strsep(3)).
///
/// # Safety
/// As `strsep`.
#[export]
pub unsafe extern "C" fn __strsep_3c(
    s: *mut *mut c_char,
    reject1: c_char,
    reject2: c_char,
    reject3: c_char,
) -> *mut c_char {
    // SAFETY: same contract.
    unsafe { strsep_bytes(s, &[reject1, reject2, reject3]) }
}

/// The bytes of the C string at `s`, as glibc's inlines see them: each a
/// `char` promoted to `int`.
///
/// # Safety
/// `s` is a NUL-terminated string.
unsafe fn chars<'a>(s: *const c_char) -> impl Iterator<Item = c_int> + 'a {
    // SAFETY: guaranteed by the caller.
    let bytes = unsafe { CStr::from_ptr(s) }.to_bytes();
    bytes.iter().map(|&b| c_int::from(b as c_char))
}

/// The length of the prefix of `s` made of characters `keep` accepts.
///
/// # Safety
/// `s` is a NUL-terminated string.
unsafe fn span(s: *const c_char, keep: impl Fn(c_int) -> bool) -> size_t {
    // SAFETY: guaranteed by the caller.
    unsafe { chars(s) }.take_while(|&c| keep(c)).count()
}

/// `__strcspn_c1`: glibc's inlined `strcspn` with one reject character
/// (strcspn(3)).
///
/// # Safety
/// `s` is a NUL-terminated string.
#[export]
pub unsafe extern "C" fn __strcspn_c1(s: *const c_char, reject: c_int) -> size_t {
    // SAFETY: same contract.
    unsafe { span(s, |c| c != reject) }
}

/// `__strcspn_c2`: glibc's inlined `strcspn` with two reject characters.
///
/// # Safety
/// `s` is a NUL-terminated string.
#[export]
pub unsafe extern "C" fn __strcspn_c2(s: *const c_char, reject1: c_int, reject2: c_int) -> size_t {
    // SAFETY: same contract.
    unsafe { span(s, |c| c != reject1 && c != reject2) }
}

/// `__strcspn_c3`: glibc's inlined `strcspn` with three reject characters.
///
/// # Safety
/// `s` is a NUL-terminated string.
#[export]
pub unsafe extern "C" fn __strcspn_c3(s: *const c_char, reject1: c_int, reject2: c_int, reject3: c_int) -> size_t {
    // SAFETY: same contract.
    unsafe { span(s, |c| c != reject1 && c != reject2 && c != reject3) }
}

/// `__strspn_c1`: glibc's inlined `strspn` with one accepted character
/// (strspn(3)).
///
/// # Safety
/// `s` is a NUL-terminated string.
#[export]
pub unsafe extern "C" fn __strspn_c1(s: *const c_char, accept: c_int) -> size_t {
    // SAFETY: same contract.
    unsafe { span(s, |c| c == accept) }
}

/// `__strspn_c2`: glibc's inlined `strspn` with two accepted characters.
///
/// # Safety
/// `s` is a NUL-terminated string.
#[export]
pub unsafe extern "C" fn __strspn_c2(s: *const c_char, accept1: c_int, accept2: c_int) -> size_t {
    // SAFETY: same contract.
    unsafe { span(s, |c| c == accept1 || c == accept2) }
}

/// `__strspn_c3`: glibc's inlined `strspn` with three accepted characters.
///
/// # Safety
/// `s` is a NUL-terminated string.
#[export]
pub unsafe extern "C" fn __strspn_c3(s: *const c_char, accept1: c_int, accept2: c_int, accept3: c_int) -> size_t {
    // SAFETY: same contract.
    unsafe { span(s, |c| c == accept1 || c == accept2 || c == accept3) }
}

/// `s` advanced past the prefix `keep` accepts, or null at the terminator.
///
/// # Safety
/// `s` is a NUL-terminated string.
unsafe fn break_at(s: *const c_char, keep: impl Fn(c_int) -> bool) -> *mut c_char {
    // SAFETY: guaranteed by the caller.
    let (n, len) = unsafe { (span(s, keep), CStr::from_ptr(s).count_bytes()) };
    if n == len {
        core::ptr::null_mut()
    } else {
        // SAFETY: `n < len`, inside the string.
        unsafe { s.add(n).cast_mut() }
    }
}

/// `__strpbrk_c2`: glibc's inlined `strpbrk` with two accepted characters
/// (strpbrk(3)).
///
/// # Safety
/// `s` is a NUL-terminated string.
#[export]
pub unsafe extern "C" fn __strpbrk_c2(s: *const c_char, accept1: c_int, accept2: c_int) -> *mut c_char {
    // SAFETY: same contract.
    unsafe { break_at(s, |c| c != accept1 && c != accept2) }
}

/// `__strpbrk_c3`: glibc's inlined `strpbrk` with three accepted characters.
///
/// # Safety
/// `s` is a NUL-terminated string.
#[export]
pub unsafe extern "C" fn __strpbrk_c3(s: *const c_char, accept1: c_int, accept2: c_int, accept3: c_int) -> *mut c_char {
    // SAFETY: same contract.
    unsafe { break_at(s, |c| c != accept1 && c != accept2 && c != accept3) }
}

/// The entry for `errnum` in `table`, or null where glibc has none.
fn lookup(table: &[Option<&'static CStr>], errnum: c_int) -> *const c_char {
    usize::try_from(errnum).ok().and_then(|i| table.get(i).copied().flatten()).map_or(core::ptr::null(), CStr::as_ptr)
}

/// `strerrorname_np`: the name of the errno value (`"EINVAL"`), or null if
/// glibc has none (glibc manual, "Error Messages"; strerror(3)).
///
/// # Safety
/// None: any `errnum` is accepted.
#[export]
pub unsafe extern "C" fn strerrorname_np(errnum: c_int) -> *const c_char {
    lookup(&NAMES, errnum)
}

/// `strerrordesc_np`: glibc's untranslated text for the errno value, or
/// null if it has none (glibc manual, "Error Messages"; strerror(3)).
///
/// # Safety
/// None: any `errnum` is accepted.
#[export]
pub unsafe extern "C" fn strerrordesc_np(errnum: c_int) -> *const c_char {
    lookup(&DESCRIPTIONS, errnum)
}

/// Entries in glibc's `sys_errlist` at `GLIBC_2.12` (0x438 bytes in
/// glibc's `libc.abilist`; the last, 134, is null).
const SYS_NERR: usize = 135;

/// glibc's `sys_errlist` at `GLIBC_2.12`, which programs copy-relocate with
/// exactly glibc's size (perror(3); compat-only since glibc 2.32, still
/// referenced by older binaries).
#[export]
pub static sys_errlist: [TextPtr; SYS_NERR] = text_table(&DESCRIPTIONS);

/// glibc's `sys_nerr` at `GLIBC_2.12`: the entries in `sys_errlist`.
#[export]
pub static sys_nerr: c_int = SYS_NERR as c_int;

/// `_sys_errlist`: glibc's other name for `sys_errlist`, with its own copy
/// (a program copy-relocates each name it uses separately).
#[export]
pub static _sys_errlist: [TextPtr; SYS_NERR] = text_table(&DESCRIPTIONS);

/// `_sys_nerr`: glibc's other name for `sys_nerr`.
#[export]
pub static _sys_nerr: c_int = SYS_NERR as c_int;

const _: () = assert!(core::mem::size_of::<[TextPtr; SYS_NERR]>() == 0x438);
