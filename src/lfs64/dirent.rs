//! `<dirent.h>` large-file names (`man 3 readdir`, `man 3 scandir`):
//! `struct dirent64` is `struct dirent` on x86_64 in both libcs (`d_ino`,
//! `d_off`, `d_reclen`, `d_type`, `d_name[256]`).
//!
//! musl has no `scandirat` and no `getdirentries`, so `scandirat64` and
//! `getdirentries64` are built here from `openat`/`fdopendir` and the
//! `getdents64` system call, as glibc builds them.

use crate::abi::errno;
use crate::abi::export::forward;
use crate::abi::musl::{DirentCompar, DirentFilter, alphasort, scandir, versionsort};
use core::ffi::{c_char, c_int, c_void};
use libc::{DIR, dirent, off_t, size_t, ssize_t};

forward! {
    /// `readdir64`: `readdir` (LFS; `man 3 readdir`).
    #[export]
    pub unsafe extern "C" fn readdir64(dir: *mut DIR) -> *mut dirent = libc::readdir;
    /// `readdir64_r`: `readdir_r` (LFS; `man 3 readdir_r`).
    #[export]
    pub unsafe extern "C" fn readdir64_r(dir: *mut DIR, entry: *mut dirent, result: *mut *mut dirent) -> c_int = libc::readdir_r;
    /// `scandir64`: `scandir` (LFS; `man 3 scandir`).
    #[export]
    pub unsafe extern "C" fn scandir64(path: *const c_char, list: *mut *mut *mut dirent, filter: DirentFilter, compar: DirentCompar) -> c_int = scandir;
    /// `alphasort64`: `alphasort` (LFS; `man 3 alphasort`).
    #[export]
    pub unsafe extern "C" fn alphasort64(a: *mut *const dirent, b: *mut *const dirent) -> c_int = alphasort;
    /// `versionsort64`: `versionsort` (GNU; `man 3 versionsort`).
    #[export]
    pub unsafe extern "C" fn versionsort64(a: *mut *const dirent, b: *mut *const dirent) -> c_int = versionsort;
}

/// `getdents64`: the `getdents64` system call (glibc 2.30; `man 2 getdents`).
/// As in glibc and musl, a size above `INT_MAX` asks for `INT_MAX`.
///
/// # Safety
/// `buf` is writable for `n` bytes.
#[export]
pub unsafe extern "C" fn getdents64(fd: c_int, buf: *mut c_void, n: size_t) -> ssize_t {
    let n = n.min(c_int::MAX as size_t);
    // SAFETY: the kernel writes at most `n` bytes to `buf` (caller).
    unsafe { libc::syscall(libc::SYS_getdents64, fd, buf, n) as ssize_t }
}

/// `getdirentries64`: directory entries and the position they came from
/// (glibc `dirent/getdirentries64.c`; BSD `getdirentries`).
///
/// # Safety
/// `buf` is writable for `n` bytes; `basep` is writable.
#[export]
pub unsafe extern "C" fn getdirentries64(fd: c_int, buf: *mut c_char, n: size_t, basep: *mut off_t) -> ssize_t {
    // SAFETY: lseek takes any descriptor.
    let base = unsafe { libc::lseek(fd, 0, libc::SEEK_CUR) };
    // SAFETY: forwarded from the caller.
    let r = unsafe { getdents64(fd, buf.cast(), n) };
    if r != -1 {
        // SAFETY: `basep` is writable (caller).
        unsafe { *basep = base };
    }
    r
}

/// `scandirat64`: `scandir` relative to a directory descriptor (glibc 2.15;
/// `man 3 scandirat`).
///
/// # Safety
/// As `scandir`, with `dirfd` usable by `openat`.
#[export]
pub unsafe extern "C" fn scandirat64(
    dirfd: c_int,
    path: *const c_char,
    list: *mut *mut *mut dirent,
    filter: DirentFilter,
    compar: DirentCompar,
) -> c_int {
    let flags = libc::O_RDONLY | libc::O_NONBLOCK | libc::O_DIRECTORY | libc::O_CLOEXEC;
    // SAFETY: `path` is a C string (caller).
    let fd = unsafe { libc::openat(dirfd, path, flags) };
    if fd < 0 {
        return -1;
    }
    // SAFETY: `fd` is an open directory; the stream owns it from here.
    let dir = unsafe { libc::fdopendir(fd) };
    if dir.is_null() {
        let saved = errno::get();
        // SAFETY: `fd` is ours.
        unsafe { libc::close(fd) };
        errno::set(saved);
        return -1;
    }
    // SAFETY: `dir` is open and ours; the callbacks are the caller's.
    let r = unsafe { collect(dir, list, filter, compar) };
    let saved = errno::get();
    // SAFETY: `dir` is ours.
    unsafe { libc::closedir(dir) };
    errno::set(saved);
    r
}

/// Reads `dir` into a malloc'd array of malloc'd entries, as `scandir`.
///
/// # Safety
/// `dir` is an open stream; `list` is writable; the callbacks are valid.
unsafe fn collect(dir: *mut DIR, list: *mut *mut *mut dirent, filter: DirentFilter, compar: DirentCompar) -> c_int {
    let old_errno = errno::get();
    let mut names: *mut *mut dirent = core::ptr::null_mut();
    let (mut len, mut cap) = (0usize, 0usize);
    let fail = |names: *mut *mut dirent, len: usize| {
        for i in 0..len {
            // SAFETY: the first `len` entries are ours, from malloc.
            unsafe { libc::free((*names.add(i)).cast()) };
        }
        // SAFETY: `names` is ours, from realloc (or null).
        unsafe { libc::free(names.cast()) };
        -1
    };
    loop {
        errno::set(0);
        // SAFETY: `dir` is open.
        let de = unsafe { libc::readdir(dir) };
        if de.is_null() {
            if errno::get() != 0 {
                return fail(names, len);
            }
            break;
        }
        if let Some(f) = filter {
            // SAFETY: the filter is the caller's, called as scandir calls it.
            if unsafe { f(de) } == 0 {
                continue;
            }
        }
        if len == cap {
            cap = if cap == 0 { 16 } else { cap * 2 };
            // SAFETY: growing our own array.
            let grown = unsafe { libc::realloc(names.cast(), cap * size_of::<*mut dirent>()) };
            if grown.is_null() {
                return fail(names, len);
            }
            names = grown.cast();
        }
        // SAFETY: `de` is a valid entry of `d_reclen` bytes.
        let size = usize::from(unsafe { (*de).d_reclen });
        // SAFETY: a fresh allocation of the entry's size.
        let copy = unsafe { libc::malloc(size) };
        if copy.is_null() {
            return fail(names, len);
        }
        // SAFETY: both hold `size` bytes; `len < cap`.
        unsafe {
            core::ptr::copy_nonoverlapping(de.cast::<u8>(), copy.cast::<u8>(), size);
            *names.add(len) = copy.cast();
        }
        len += 1;
    }
    errno::set(old_errno);
    if let Some(cmp) = compar
        && len > 1
    {
        // SAFETY: `qsort` hands `cmp` pointers to two elements, which is
        // what a scandir comparison takes.
        unsafe {
            let cmp: unsafe extern "C" fn(*const c_void, *const c_void) -> c_int = core::mem::transmute(cmp);
            libc::qsort(names.cast(), len, size_of::<*mut dirent>(), Some(cmp));
        }
    }
    // SAFETY: `list` is writable (caller).
    unsafe { *list = names };
    len as c_int
}

/// `scandirat`: `scandir` relative to a directory descriptor (glibc 2.15;
/// `man 3 scandirat`), which musl lacks; on x86_64 `struct dirent` is
/// `struct dirent64`, so it is `scandirat64`.
///
/// # Safety
/// As `scandirat64`.
#[export]
pub unsafe extern "C" fn scandirat(
    dirfd: c_int,
    path: *const c_char,
    list: *mut *mut *mut dirent,
    filter: DirentFilter,
    compar: DirentCompar,
) -> c_int {
    // SAFETY: the caller's arguments, passed on unchanged.
    unsafe { scandirat64(dirfd, path, list, filter, compar) }
}
