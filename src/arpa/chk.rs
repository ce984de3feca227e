//! Fortified `inet_ntop` and `inet_pton` (glibc 2.42 `debug/inet_ntop_chk.c`,
//! `debug/inet_pton_chk.c`).

use crate::abi::{fatal::buffer_overflow, musl};
use core::ffi::{c_char, c_int, c_void};
use libc::{size_t, socklen_t};

/// `__inet_ntop_chk`: `inet_ntop` into a buffer of `dst_size` bytes, which
/// must not be smaller than the `size` the caller claims.
///
/// # Safety
/// As `inet_ntop`.
#[export]
pub unsafe extern "C" fn __inet_ntop_chk(
    af: c_int,
    src: *const c_void,
    dst: *mut c_char,
    size: socklen_t,
    dst_size: size_t,
) -> *const c_char {
    if size as size_t > dst_size {
        buffer_overflow();
    }
    // SAFETY: forwarded from the caller; `size` bytes fit the buffer.
    unsafe { musl::inet_ntop(af, src, dst, size) }
}

/// `__inet_pton_chk`: `inet_pton` into a destination of `dst_size` bytes,
/// which must hold an address of the family: 4 bytes for `AF_INET`, 16 for
/// `AF_INET6`. As glibc's `inet_pton`, the destination is written only
/// when the text is a valid address (musl's writes the bytes it parsed
/// before failing on `10.1.2`).
///
/// # Safety
/// As `inet_pton`.
#[export]
pub unsafe extern "C" fn __inet_pton_chk(af: c_int, src: *const c_char, dst: *mut c_void, dst_size: size_t) -> c_int {
    let len = match af {
        libc::AF_INET => 4,
        libc::AF_INET6 => 16,
        // SAFETY: forwarded from the caller; musl fails without writing.
        _ => return unsafe { musl::inet_pton(af, src, dst) },
    };
    if dst_size < len {
        buffer_overflow();
    }
    let mut parsed = [0u8; 16];
    // SAFETY: the caller's string; 16 bytes hold either family.
    let r = unsafe { musl::inet_pton(af, src, parsed.as_mut_ptr().cast()) };
    if r == 1 {
        // SAFETY: the destination holds `len` bytes (checked above).
        unsafe { core::ptr::copy_nonoverlapping(parsed.as_ptr(), dst.cast::<u8>(), len) };
    }
    r
}

// No glibc the differential harness runs (2.36, 2.41) has these two yet:
// testbins/arpa/documented/inet_chk.c checks them against glibc 2.42's
// documented behaviour (failures included); valid calls are checked here too.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_calls_convert() {
        let mut addr = [0u8; 4];
        // SAFETY: a terminated string and a 4-byte destination.
        let r = unsafe { __inet_pton_chk(libc::AF_INET, c"10.1.2.3".as_ptr(), addr.as_mut_ptr().cast(), 4) };
        assert_eq!((r, addr), (1, [10, 1, 2, 3]));
        let mut text = [0 as c_char; 16];
        // SAFETY: a 4-byte address and a 16-byte destination.
        let p = unsafe { __inet_ntop_chk(libc::AF_INET, addr.as_ptr().cast(), text.as_mut_ptr(), 16, 16) };
        assert_eq!(p, text.as_ptr());
        // SAFETY: inet_ntop terminated the text.
        assert_eq!(unsafe { core::ffi::CStr::from_ptr(p) }.to_bytes(), b"10.1.2.3");
        // AF_INET6 into 16 bytes; unknown families are not checked.
        let mut addr6 = [0u8; 16];
        // SAFETY: as above, 16 bytes.
        let r = unsafe { __inet_pton_chk(libc::AF_INET6, c"::1".as_ptr(), addr6.as_mut_ptr().cast(), 16) };
        assert_eq!((r, addr6[15]), (1, 1));
    }
}
