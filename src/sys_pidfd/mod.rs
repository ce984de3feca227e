//! `<sys/pidfd.h>` (glibc 2.36, `pidfd_getpid` 2.39): process file
//! descriptors, which musl 1.2.5 does not wrap. Each is the system call,
//! -1 with the kernel's errno on failure, as glibc's wrappers.

use core::ffi::{c_int, c_uint};
use core::fmt::Write as _;
use libc::{pid_t, siginfo_t};

/// `pidfd_open`: a descriptor for process `pid` (pidfd_open(2)).
///
/// # Safety
/// None: integers only.
#[export]
pub unsafe extern "C" fn pidfd_open(pid: pid_t, flags: c_uint) -> c_int {
    // SAFETY: integer arguments; musl's syscall() sets errno.
    unsafe { libc::syscall(libc::SYS_pidfd_open, pid, flags) as c_int }
}

/// `pidfd_send_signal`: sends `sig` to the process `pidfd` refers to,
/// with `info` (or as `kill` does when null) (pidfd_send_signal(2)).
///
/// # Safety
/// `info` is null or points to a readable `siginfo_t`.
#[export]
pub unsafe extern "C" fn pidfd_send_signal(pidfd: c_int, sig: c_int, info: *mut siginfo_t, flags: c_uint) -> c_int {
    // SAFETY: the kernel reads `info` (caller's contract) or nothing.
    unsafe { libc::syscall(libc::SYS_pidfd_send_signal, pidfd, sig, info, flags) as c_int }
}

/// `pidfd_getfd`: a duplicate of descriptor `targetfd` of the process
/// `pidfd` refers to (pidfd_getfd(2)).
///
/// # Safety
/// None: integers only.
#[export]
pub unsafe extern "C" fn pidfd_getfd(pidfd: c_int, targetfd: c_int, flags: c_uint) -> c_int {
    // SAFETY: integer arguments.
    unsafe { libc::syscall(libc::SYS_pidfd_getfd, pidfd, targetfd, flags) as c_int }
}

/// What the `Pid:` line of a descriptor's `/proc/self/fdinfo` entry says.
#[derive(Debug, PartialEq)]
enum FdinfoPid {
    /// No `Pid:` line: not a process descriptor.
    Absent,
    /// A `Pid:` line whose value is not a decimal integer.
    Invalid,
    Pid(i64),
}

/// Reads the `Pid:` field out of fdinfo text, as glibc parses it (no
/// locale: optional spaces, an optional `-`, decimal digits, then the
/// end of the line).
fn fdinfo_pid(text: &[u8]) -> FdinfoPid {
    let Some(line) = text.split(|&b| b == b'\n').find_map(|l| l.strip_prefix(b"Pid:")) else {
        return FdinfoPid::Absent;
    };
    let line = match line.iter().position(|&b| b != b' ' && !(b'\t'..=b'\r').contains(&b)) {
        Some(at) => &line[at..],
        None => return FdinfoPid::Invalid,
    };
    let (negative, digits) = match line.strip_prefix(b"-") {
        Some(rest) => (true, rest),
        None => (false, line),
    };
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return FdinfoPid::Invalid;
    }
    let value = digits.iter().try_fold(0i64, |n, &d| n.checked_mul(10)?.checked_add(i64::from(d - b'0')));
    match value {
        Some(v) if v <= i64::from(i32::MAX) => FdinfoPid::Pid(if negative { -v } else { v }),
        _ => FdinfoPid::Invalid,
    }
}

/// `pidfd_getpid`: the process ID of the process `fd` refers to, read
/// from `/proc/self/fdinfo/<fd>` as glibc does (glibc manual, "Querying a
/// Process"). Fails with `EBADF` for a descriptor that is not open or not
/// a process descriptor, `ESRCH` for a process that has ended (`Pid: -1`),
/// `EREMOTE` for one outside the caller's PID namespace (`Pid: 0`), and
/// with `open`'s errno when procfs cannot be read.
///
/// # Safety
/// None: an integer only.
#[export]
pub unsafe extern "C" fn pidfd_getpid(fd: c_int) -> pid_t {
    match read_fdinfo_pid(fd) {
        Ok(pid) => pid,
        Err(e) => {
            crate::abi::errno::set(e);
            -1
        }
    }
}

fn read_fdinfo_pid(fd: c_int) -> Result<pid_t, c_int> {
    if fd < 0 {
        return Err(libc::EBADF);
    }
    let mut path = crate::abi::cstr::Buf::<32>::new();
    // A Buf never fails; the path and an int's digits fit its 32 bytes.
    let _ = write!(path, "/proc/self/fdinfo/{fd}");
    // SAFETY: a NUL-terminated path.
    let file = unsafe { libc::open(path.as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC) };
    if file < 0 {
        let e = crate::abi::errno::get();
        return Err(if e == libc::ENOENT { libc::EBADF } else { e });
    }
    // fdinfo of a pidfd is a few short lines; `Pid:` comes within the first.
    let mut buf = [0u8; 1024];
    let mut len = 0;
    while len < buf.len() {
        // SAFETY: the rest of `buf` is writable.
        let r = unsafe { libc::read(file, buf[len..].as_mut_ptr().cast(), buf.len() - len) };
        if r <= 0 {
            break;
        }
        len += r as usize;
    }
    // SAFETY: our own descriptor.
    unsafe { libc::close(file) };
    match fdinfo_pid(&buf[..len]) {
        FdinfoPid::Absent | FdinfoPid::Invalid => Err(libc::EBADF),
        FdinfoPid::Pid(0) => Err(libc::EREMOTE),
        FdinfoPid::Pid(p) if p < 0 => Err(libc::ESRCH),
        FdinfoPid::Pid(p) => Ok(p as pid_t),
    }
}

#[cfg(test)]
mod tests {
    use super::{FdinfoPid, fdinfo_pid};

    #[test]
    fn parses_the_pid_line() {
        assert_eq!(fdinfo_pid(b"pos:\t0\nflags:\t02000002\nPid:\t1234\nNSpid:\t1234\n"), FdinfoPid::Pid(1234));
        assert_eq!(fdinfo_pid(b"Pid:\t-1\n"), FdinfoPid::Pid(-1));
        assert_eq!(fdinfo_pid(b"Pid:\t0\n"), FdinfoPid::Pid(0));
        assert_eq!(fdinfo_pid(b"pos:\t0\nflags:\t02\n"), FdinfoPid::Absent);
        assert_eq!(fdinfo_pid(b"Pid:\tx\n"), FdinfoPid::Invalid);
        assert_eq!(fdinfo_pid(b"Pid:\t+5\n"), FdinfoPid::Invalid);
    }
}
