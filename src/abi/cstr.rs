//! C strings at the ABI edge.

use core::ffi::{CStr, c_char};

/// Borrows a NUL-terminated C string.
///
/// # Safety
/// `ptr` must be non-null and point to a NUL-terminated string that outlives `'a`.
#[inline]
pub unsafe fn borrow<'a>(ptr: *const c_char) -> &'a CStr {
    // SAFETY: guaranteed by the caller.
    unsafe { CStr::from_ptr(ptr) }
}

/// A C `const char *` in a static table that C programs read (`sys_errlist`,
/// `sys_siglist`): a plain pointer, which Rust will not share between
/// threads unless told it is immutable data.
#[repr(transparent)]
#[derive(Clone, Copy)]
pub struct TextPtr(pub *const c_char);

// SAFETY: every `TextPtr` points at an immutable, 'static C string (or is null).
unsafe impl Sync for TextPtr {}

/// `N` C pointers to `texts` (null for `None` and past its end), built at
/// compile time so the table is relocated data a copy relocation can copy.
pub const fn text_table<const N: usize>(texts: &[Option<&'static CStr>]) -> [TextPtr; N] {
    let mut table = [TextPtr(core::ptr::null()); N];
    let mut i = 0;
    while i < N && i < texts.len() {
        if let Some(text) = texts[i] {
            table[i] = TextPtr(text.as_ptr());
        }
        i += 1;
    }
    table
}

/// A fixed buffer that formats into a NUL-terminated C string without
/// allocating; text past the end is dropped (the last byte stays NUL).
pub struct Buf<const N: usize> {
    bytes: [u8; N],
    len: usize,
}

impl<const N: usize> Buf<N> {
    pub const fn new() -> Self {
        Self { bytes: [0; N], len: 0 }
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }

    /// The text so far as a C string (always terminated).
    pub fn as_ptr(&self) -> *const c_char {
        self.bytes.as_ptr().cast()
    }

    pub fn push(&mut self, bytes: &[u8]) {
        let room = N.saturating_sub(1).saturating_sub(self.len);
        let n = bytes.len().min(room);
        self.bytes[self.len..self.len + n].copy_from_slice(&bytes[..n]);
        self.len += n;
        if N > 0 {
            self.bytes[self.len] = 0;
        }
    }
}

impl<const N: usize> Default for Buf<N> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const N: usize> core::fmt::Write for Buf<N> {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        self.push(s.as_bytes());
        Ok(())
    }
}

/// Writes all of `bytes` to file descriptor `fd`, retrying short writes and
/// `EINTR`; errors are dropped (this is the diagnostics path of last resort).
pub fn write_all(fd: core::ffi::c_int, mut bytes: &[u8]) {
    while !bytes.is_empty() {
        // SAFETY: the pointer and length describe the live slice `bytes`.
        let n = unsafe { libc::write(fd, bytes.as_ptr().cast(), bytes.len()) };
        if n > 0 {
            bytes = &bytes[n as usize..];
        } else if n < 0 && super::errno::get() == libc::EINTR {
            continue;
        } else {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Buf;
    use core::fmt::Write;

    #[test]
    fn buf_truncates_and_stays_terminated() {
        let mut b = Buf::<6>::new();
        b.write_str("hello world").unwrap();
        assert_eq!(b.as_bytes(), b"hello");
        // SAFETY: as_ptr is always NUL-terminated.
        assert_eq!(unsafe { core::ffi::CStr::from_ptr(b.as_ptr()) }.to_bytes(), b"hello");
    }
}
