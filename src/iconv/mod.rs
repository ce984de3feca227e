//! `<iconv.h>`: glibc's charset names for glibc-built callers.
//!
//! glibc callers name charsets as glibc spells them, often as glibc itself
//! told them: `nl_langinfo(CODESET)` in the C locale is `ANSI_X3.4-1968`
//! (src/langinfo/), which GLib, Python and others pass straight back to
//! `iconv_open`. They also add glibc's `//TRANSLIT` and `//IGNORE` suffixes
//! (glibc manual, "Generic Charset Conversion"). musl's `iconv_open` knows
//! neither and fails with `EINVAL`. For glibc callers the shim drops the
//! suffixes and maps glibc's names of ASCII that musl lacks, then calls
//! musl's; musl callers get musl's `iconv_open` unchanged.
//!
//! # glibc differences
//! The conversion itself is musl's: a character the target charset cannot
//! represent becomes `*` (counted as an irreversible conversion) whatever
//! the suffix, where glibc fails with `EILSEQ` without `//TRANSLIT` and
//! transliterates with it.

use core::ffi::{CStr, c_char, c_void};

use crate::abi::caller;
use crate::musl_next;

type IconvT = *mut c_void;

musl_next!(fn musl_iconv_open = "iconv_open": unsafe extern "C" fn(*const c_char, *const c_char) -> IconvT);

/// glibc's names of ASCII (its `gconv-modules` aliases and `locale -m`'s
/// canonical name) that musl's table lacks, in musl's fuzzy form
/// (lowercase letters and digits only).
const ASCII_NAMES: &[&[u8]] =
    &[b"ansix341968", b"ansix341986", b"iso646irv1991", b"iso646us", b"cp367", b"ibm367", b"us", b"csascii"];

/// Longest name kept (glibc's are far shorter); a longer one goes to musl
/// as it is.
const NAME_MAX: usize = 64;

/// `name` as musl will know it: without glibc's `//...` suffixes, and
/// `ASCII` for glibc's other names of it. `None`: use `name` as it is.
fn musl_name(name: &[u8], out: &mut [u8; NAME_MAX + 1]) -> Option<()> {
    let base = name.windows(2).position(|w| w == b"//").map_or(name, |i| &name[..i]);
    let mut fuzzy = [0u8; NAME_MAX];
    let mut n = 0;
    for &b in base.iter().filter(|b| b.is_ascii_alphanumeric()) {
        *fuzzy.get_mut(n)? = b.to_ascii_lowercase();
        n += 1;
    }
    let chosen: &[u8] = if ASCII_NAMES.contains(&&fuzzy[..n]) { b"ASCII" } else { base };
    if chosen == name || chosen.len() > NAME_MAX {
        return None;
    }
    out[..chosen.len()].copy_from_slice(chosen);
    out[chosen.len()] = 0;
    Some(())
}

/// `iconv_open`, for the C front.
///
/// # Safety
/// As `iconv_open(3)`: `to` and `from` are C strings.
#[export(local)]
pub unsafe extern "C" fn __gcompat_iconv_open(to: *const c_char, from: *const c_char, caller: *const c_void) -> IconvT {
    let open = musl_iconv_open();
    if !caller::is_glibc(caller) || to.is_null() || from.is_null() {
        // SAFETY: forwarded unchanged.
        return unsafe { open(to, from) };
    }
    let (mut to_buf, mut from_buf) = ([0u8; NAME_MAX + 1], [0u8; NAME_MAX + 1]);
    // SAFETY: C strings (caller).
    let (to_name, from_name) = unsafe { (CStr::from_ptr(to).to_bytes(), CStr::from_ptr(from).to_bytes()) };
    let to = musl_name(to_name, &mut to_buf).map_or(to, |()| to_buf.as_ptr().cast());
    let from = musl_name(from_name, &mut from_buf).map_or(from, |()| from_buf.as_ptr().cast());
    // SAFETY: C strings: the caller's, or ours until the call returns (musl
    // keeps no pointer to them).
    unsafe { open(to, from) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapped(name: &str) -> Option<String> {
        let mut out = [0u8; NAME_MAX + 1];
        musl_name(name.as_bytes(), &mut out)?;
        Some(CStr::from_bytes_until_nul(&out).unwrap().to_str().unwrap().to_string())
    }

    #[test]
    fn glibc_names_and_suffixes() {
        assert_eq!(mapped("ANSI_X3.4-1968").as_deref(), Some("ASCII"));
        assert_eq!(mapped("ansi_x3.4-1968//TRANSLIT").as_deref(), Some("ASCII"));
        assert_eq!(mapped("UTF-8//IGNORE").as_deref(), Some("UTF-8"));
        assert_eq!(mapped("UTF-8//TRANSLIT//IGNORE").as_deref(), Some("UTF-8"));
        assert_eq!(mapped("ISO-8859-1//"), Some("ISO-8859-1".into()));
        assert_eq!(mapped("UTF-8"), None);
        assert_eq!(mapped("ISO-8859-1"), None);
        assert_eq!(mapped("CP367").as_deref(), Some("ASCII"));
    }
}
