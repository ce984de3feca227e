//! `confstr` (glibc manual, "String-Valued Parameters"): glibc answers
//! `_CS_GNU_LIBC_VERSION` (`"glibc 2.41"`) and `_CS_GNU_LIBPTHREAD_VERSION`
//! (`"NPTL 2.41"`), which musl refuses with `EINVAL`. Programs read these to
//! tell which libc they run on, so glibc-built callers get glibc's answers,
//! with the version `gnu_get_libc_version` reports (`GCOMPAT_GLIBC_VERSION`
//! applies); every other name, and every musl-built caller, gets musl's
//! `confstr`. The front is in `confstr.c`.

use crate::abi::{caller, cstr::Buf};
use crate::musl_next;
use core::ffi::{CStr, c_char, c_int, c_void};
use core::fmt::Write;
use libc::size_t;

/// glibc's (and musl's) values of the names musl does not answer.
const CS_GNU_LIBC_VERSION: c_int = 2;
const CS_GNU_LIBPTHREAD_VERSION: c_int = 3;

musl_next!(fn musl_confstr = "confstr": unsafe extern "C" fn(c_int, *mut c_char, size_t) -> size_t);

/// The text glibc gives for `name`, where musl gives none.
fn glibc_text(name: c_int, out: &mut Buf<48>) -> bool {
    let prefix = match name {
        CS_GNU_LIBC_VERSION => "glibc",
        CS_GNU_LIBPTHREAD_VERSION => "NPTL",
        _ => return false,
    };
    // SAFETY: gnu_get_libc_version returns a static C string.
    let version: &CStr = unsafe { CStr::from_ptr(crate::gnu::libc_version::gnu_get_libc_version()) };
    let _ = write!(out, "{prefix} {}", version.to_str().unwrap_or("2.41"));
    true
}

/// confstr's contract for a known string: return its size with the NUL;
/// copy what fits of it into a non-empty `buf`, always terminated.
fn copy_out(text: &[u8], buf: Option<&mut [u8]>) -> size_t {
    if let Some(buf) = buf.filter(|b| !b.is_empty()) {
        let n = text.len().min(buf.len() - 1);
        buf[..n].copy_from_slice(&text[..n]);
        buf[n] = 0;
    }
    text.len() + 1
}

/// `confstr` with glibc's meaning (for `__confstr_chk`, whose callers are
/// all glibc-built, and for the front's glibc callers).
///
/// # Safety
/// As `confstr`: `buf` is null or valid for `len` bytes.
pub unsafe fn glibc_confstr(name: c_int, buf: *mut c_char, len: size_t) -> size_t {
    let mut text = Buf::<48>::new();
    if !glibc_text(name, &mut text) {
        // SAFETY: musl's own confstr with the caller's arguments.
        return unsafe { musl_confstr()(name, buf, len) };
    }
    // SAFETY: a non-null buf is valid for len bytes (the caller).
    let out = (!buf.is_null()).then(|| unsafe { core::slice::from_raw_parts_mut(buf.cast::<u8>(), len) });
    copy_out(text.as_bytes(), out)
}

/// # Safety
/// As `confstr`.
///
/// # glibc differences
/// None for glibc callers; musl callers get musl's `confstr`.
#[export(local)]
pub unsafe extern "C" fn __gcompat_confstr(
    name: c_int,
    buf: *mut c_char,
    len: size_t,
    caller: *const c_void,
) -> size_t {
    if caller::is_glibc(caller) {
        // SAFETY: as confstr (the caller).
        unsafe { glibc_confstr(name, buf, len) }
    } else {
        // SAFETY: musl's own confstr with the caller's arguments.
        unsafe { musl_confstr()(name, buf, len) }
    }
}

#[cfg(test)]
mod tests {
    use super::copy_out;

    #[test]
    fn returns_size_and_truncates() {
        let mut big = [b'x'; 16];
        assert_eq!(copy_out(b"glibc 2.41", Some(&mut big)), 11);
        assert_eq!(&big[..11], b"glibc 2.41\0");
        let mut small = [b'x'; 4];
        assert_eq!(copy_out(b"glibc 2.41", Some(&mut small)), 11);
        assert_eq!(&small, b"gli\0");
        assert_eq!(copy_out(b"glibc 2.41", Some(&mut [])), 11);
        assert_eq!(copy_out(b"glibc 2.41", None), 11);
    }
}
