//! Raw Linux system calls (x86_64, aarch64), and the memory primitives the
//! compiler expects: the stub links no libc at all.

use core::arch::asm;

pub const O_RDONLY: usize = 0;
pub const O_CLOEXEC: usize = 0o2_000_000;
pub const PROT_READ: usize = 1;
pub const PROT_WRITE: usize = 2;
pub const PROT_EXEC: usize = 4;
pub const MAP_PRIVATE: usize = 0x02;
pub const MAP_FIXED: usize = 0x10;
pub const MAP_ANONYMOUS: usize = 0x20;

const AT_FDCWD: usize = -100isize as usize;
#[cfg(target_arch = "x86_64")]
mod nr {
    pub const SYS_WRITE: usize = 1;
    pub const SYS_CLOSE: usize = 3;
    pub const SYS_MMAP: usize = 9;
    pub const SYS_MPROTECT: usize = 10;
    pub const SYS_MUNMAP: usize = 11;
    pub const SYS_PREAD64: usize = 17;
    pub const SYS_EXIT_GROUP: usize = 231;
    pub const SYS_OPENAT: usize = 257;
    pub const SYS_READLINKAT: usize = 267;
}
// The generic table (asm-generic/unistd.h).
#[cfg(target_arch = "aarch64")]
mod nr {
    pub const SYS_WRITE: usize = 64;
    pub const SYS_CLOSE: usize = 57;
    pub const SYS_MMAP: usize = 222;
    pub const SYS_MPROTECT: usize = 226;
    pub const SYS_MUNMAP: usize = 215;
    pub const SYS_PREAD64: usize = 67;
    pub const SYS_EXIT_GROUP: usize = 94;
    pub const SYS_OPENAT: usize = 56;
    pub const SYS_READLINKAT: usize = 78;
}
use nr::*;

/// An errno value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Errno(pub usize);

pub const EINTR: Errno = Errno(4);

/// # Safety
/// The arguments must be valid for system call `nr`.
#[inline(always)]
unsafe fn syscall6(nr: usize, a: usize, b: usize, c: usize, d: usize, e: usize, f: usize) -> Result<usize, Errno> {
    let ret: usize;
    // SAFETY: the caller vouches for the arguments; `syscall` clobbers rcx
    // and r11 only, and touches no stack.
    #[cfg(target_arch = "x86_64")]
    unsafe {
        asm!(
            "syscall",
            inlateout("rax") nr => ret,
            in("rdi") a, in("rsi") b, in("rdx") c, in("r10") d, in("r8") e, in("r9") f,
            lateout("rcx") _, lateout("r11") _,
            options(nostack),
        );
    }
    // SAFETY: the caller vouches for the arguments; `svc #0` returns in x0
    // and clobbers nothing else.
    #[cfg(target_arch = "aarch64")]
    unsafe {
        asm!(
            "svc #0",
            in("x8") nr,
            inlateout("x0") a => ret,
            in("x1") b, in("x2") c, in("x3") d, in("x4") e, in("x5") f,
            options(nostack),
        );
    }
    if ret > -4096isize as usize { Err(Errno(ret.wrapping_neg())) } else { Ok(ret) }
}

/// Writes all of `bytes` to `fd`, giving up quietly on error (diagnostics only).
pub fn write_all(fd: usize, mut bytes: &[u8]) {
    while !bytes.is_empty() {
        // SAFETY: `bytes` is a live slice.
        match unsafe { syscall6(SYS_WRITE, fd, bytes.as_ptr() as usize, bytes.len(), 0, 0, 0) } {
            Ok(n) => bytes = &bytes[n.min(bytes.len())..],
            Err(EINTR) => {}
            Err(_) => return,
        }
    }
}

/// Opens a NUL-terminated path read-only, close-on-exec.
pub fn open(path: &[u8]) -> Result<usize, Errno> {
    assert!(path.last() == Some(&0));
    // SAFETY: `path` is NUL-terminated.
    unsafe { syscall6(SYS_OPENAT, AT_FDCWD, path.as_ptr() as usize, O_RDONLY | O_CLOEXEC, 0, 0, 0) }
}

pub fn close(fd: usize) {
    // SAFETY: closing a descriptor this stub opened.
    let _ = unsafe { syscall6(SYS_CLOSE, fd, 0, 0, 0, 0, 0) };
}

/// Reads up to `buf.len()` bytes at `offset`.
pub fn pread(fd: usize, buf: &mut [u8], offset: usize) -> Result<usize, Errno> {
    loop {
        // SAFETY: `buf` is a live, writable slice.
        match unsafe { syscall6(SYS_PREAD64, fd, buf.as_mut_ptr() as usize, buf.len(), offset, 0, 0) } {
            Err(EINTR) => continue,
            r => return r,
        }
    }
}

/// Reads a symbolic link's target into `buf` (not NUL-terminated).
pub fn readlink(path: &[u8], buf: &mut [u8]) -> Result<usize, Errno> {
    assert!(path.last() == Some(&0));
    // SAFETY: `path` is NUL-terminated, `buf` writable.
    unsafe { syscall6(SYS_READLINKAT, AT_FDCWD, path.as_ptr() as usize, buf.as_mut_ptr() as usize, buf.len(), 0, 0) }
}

/// # Safety
/// With `MAP_FIXED`, whatever lies at `addr..addr+len` is replaced.
pub unsafe fn mmap(addr: usize, len: usize, prot: usize, flags: usize, fd: usize, off: usize) -> Result<usize, Errno> {
    // SAFETY: the caller vouches for replacing what lies at a fixed address.
    unsafe { syscall6(SYS_MMAP, addr, len, prot, flags, fd, off) }
}

/// # Safety
/// Nothing may use `addr..addr+len` afterwards.
pub unsafe fn munmap(addr: usize, len: usize) -> Result<usize, Errno> {
    // SAFETY: the caller vouches that the range is dead.
    unsafe { syscall6(SYS_MUNMAP, addr, len, 0, 0, 0, 0) }
}

/// # Safety
/// Code relying on the old protection of `addr..addr+len` must not run.
pub unsafe fn mprotect(addr: usize, len: usize, prot: usize) -> Result<usize, Errno> {
    // SAFETY: the caller vouches for the range.
    unsafe { syscall6(SYS_MPROTECT, addr, len, prot, 0, 0, 0) }
}

pub fn exit(code: usize) -> ! {
    loop {
        // SAFETY: exit_group does not return.
        let _ = unsafe { syscall6(SYS_EXIT_GROUP, code, 0, 0, 0, 0, 0) };
    }
}

/// glibc's wording for the errors the stub can meet.
pub fn strerror(e: Errno) -> &'static [u8] {
    match e.0 {
        1 => b"Operation not permitted",
        2 => b"No such file or directory",
        5 => b"Input/output error",
        8 => b"Exec format error",
        12 => b"Cannot allocate memory",
        13 => b"Permission denied",
        16 => b"Device or resource busy",
        20 => b"Not a directory",
        21 => b"Is a directory",
        22 => b"Invalid argument",
        24 => b"Too many open files",
        36 => b"File name too long",
        40 => b"Too many levels of symbolic links",
        _ => b"Unknown error",
    }
}

// The compiler lowers copies and fills to these. They are written with
// string instructions (x86_64) or volatile byte loops (aarch64) so that no
// loop here can be turned back into a call to itself.

/// # Safety
/// As C's `memcpy`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memcpy(dst: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    // SAFETY: the caller passes valid, non-overlapping ranges.
    #[cfg(target_arch = "x86_64")]
    unsafe {
        asm!("rep movsb", inout("rdi") dst => _, inout("rsi") src => _, inout("rcx") n => _,
             options(nostack, preserves_flags));
    }
    #[cfg(target_arch = "aarch64")]
    for i in 0..n {
        // SAFETY: the caller passes valid ranges; volatile keeps this a loop.
        unsafe { dst.add(i).write_volatile(src.add(i).read_volatile()) };
    }
    dst
}

/// # Safety
/// As C's `memmove`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memmove(dst: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    if (dst as usize) <= (src as usize) || (dst as usize) >= (src as usize).wrapping_add(n) {
        // SAFETY: a forward copy is correct when dst does not start inside src.
        return unsafe { memcpy(dst, src, n) };
    }
    // SAFETY: the caller passes valid ranges; a backward copy handles the overlap.
    #[cfg(target_arch = "x86_64")]
    unsafe {
        asm!("std", "rep movsb", "cld",
             inout("rdi") dst.wrapping_add(n).wrapping_sub(1) => _,
             inout("rsi") src.wrapping_add(n).wrapping_sub(1) => _,
             inout("rcx") n => _, options(nostack));
    }
    #[cfg(target_arch = "aarch64")]
    for i in (0..n).rev() {
        // SAFETY: the caller passes valid ranges; backward handles the overlap.
        unsafe { dst.add(i).write_volatile(src.add(i).read_volatile()) };
    }
    dst
}

/// # Safety
/// As C's `memset`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memset(dst: *mut u8, c: i32, n: usize) -> *mut u8 {
    // SAFETY: the caller passes a valid range.
    #[cfg(target_arch = "x86_64")]
    unsafe {
        asm!("rep stosb", inout("rdi") dst => _, inout("rcx") n => _, in("al") c as u8,
             options(nostack, preserves_flags));
    }
    #[cfg(target_arch = "aarch64")]
    for i in 0..n {
        // SAFETY: the caller passes a valid range; volatile keeps this a loop.
        unsafe { dst.add(i).write_volatile(c as u8) };
    }
    dst
}

/// # Safety
/// As C's `memcmp`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    let mut i = 0;
    while i < n {
        // SAFETY: both ranges are valid for `n` bytes; volatile keeps this a loop.
        let (x, y) = unsafe { (a.add(i).read_volatile(), b.add(i).read_volatile()) };
        if x != y {
            return x as i32 - y as i32;
        }
        i += 1;
    }
    0
}

/// # Safety
/// As C's `bcmp`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    // SAFETY: same contract.
    unsafe { memcmp(a, b, n) }
}

/// # Safety
/// As C's `strlen`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strlen(s: *const u8) -> usize {
    let mut n = 0;
    // SAFETY: `s` is NUL-terminated; volatile keeps this a loop.
    while unsafe { s.add(n).read_volatile() } != 0 {
        n += 1;
    }
    n
}
