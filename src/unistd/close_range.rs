//! `close_range` and `closefrom` (glibc 2.34), which musl 1.2.5 lacks.

use crate::abi::{errno, fatal};
use core::ffi::{c_int, c_long, c_uint};

/// `close_range(2)`'s system call number on x86_64 and aarch64 (the
/// generic table and x86_64 share 436).
const SYS_CLOSE_RANGE: c_long = 436;

/// `close_range`: closes descriptors `first..=last`; `flags` may hold
/// `CLOSE_RANGE_CLOEXEC` and `CLOSE_RANGE_UNSHARE` (close_range(2)). Returns
/// 0, or -1 with the kernel's errno (`EINVAL` for `first > last` or unknown
/// flags, `ENOSYS` before Linux 5.9), as glibc's wrapper does.
///
/// # Safety
/// Closing descriptors other code still uses is the caller's business.
#[export]
pub unsafe extern "C" fn close_range(first: c_uint, last: c_uint, flags: c_int) -> c_int {
    // SAFETY: close_range takes three integers; musl's syscall() sets errno.
    unsafe { libc::syscall(SYS_CLOSE_RANGE, first, last, flags) as c_int }
}

/// `closefrom`: closes every descriptor from `lowfd` up (closefrom(3);
/// glibc 2.34). Uses `close_range`; where that fails (an old kernel), walks
/// `/proc/self/fd` as glibc's fallback does, and where even that fails dies
/// with glibc's message.
///
/// # Safety
/// As `close_range`.
#[export]
pub unsafe extern "C" fn closefrom(lowfd: c_int) {
    let low = lowfd.max(0);
    let saved = errno::get();
    // SAFETY: as above.
    if unsafe { close_range(low as c_uint, c_uint::MAX, 0) } == 0 {
        return;
    }
    if !close_listed(low) {
        fatal::fortify_fail("closefrom failed to close a file descriptor");
    }
    errno::set(saved);
}

/// glibc's `__closefrom_fallback`: closes the descriptors `/proc/self/fd`
/// lists from `low` up, rereading it until none is left.
fn close_listed(low: c_int) -> bool {
    loop {
        // SAFETY: a NUL-terminated path.
        let dir =
            unsafe { libc::open(c"/proc/self/fd".as_ptr(), libc::O_RDONLY | libc::O_DIRECTORY | libc::O_CLOEXEC) };
        if dir < 0 {
            return false;
        }
        let mut closed_any = false;
        let mut buf = [0u8; 1024];
        loop {
            // SAFETY: the buffer is writable for its length.
            let n = unsafe { libc::syscall(libc::SYS_getdents64, dir, buf.as_mut_ptr(), buf.len()) };
            if n <= 0 {
                break;
            }
            let mut at = 0usize;
            while at < n as usize {
                // linux_dirent64: d_ino u64, d_off i64, d_reclen u16, d_type u8, d_name.
                let reclen = usize::from(u16::from_ne_bytes([buf[at + 16], buf[at + 17]]));
                let name = &buf[at + 19..at + reclen];
                let name = &name[..name.iter().position(|&b| b == 0).unwrap_or(name.len())];
                if let Some(fd) = parse_fd(name)
                    && fd >= low
                    && fd != dir
                {
                    // SAFETY: closing a descriptor the caller asked to close.
                    unsafe { libc::close(fd) };
                    closed_any = true;
                }
                at += reclen;
            }
        }
        // SAFETY: our own descriptor.
        unsafe { libc::close(dir) };
        if !closed_any {
            return true;
        }
    }
}

fn parse_fd(name: &[u8]) -> Option<c_int> {
    if name.is_empty() || !name.iter().all(u8::is_ascii_digit) {
        return None;
    }
    name.iter().try_fold(0 as c_int, |n, &d| n.checked_mul(10)?.checked_add(c_int::from(d - b'0')))
}
