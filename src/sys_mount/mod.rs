//! `<sys/mount.h>`: the new mount API's system call wrappers glibc 2.36
//! added (`fsopen`, `fsmount`, `fsconfig`, `fspick`, `move_mount`,
//! `open_tree`, `mount_setattr`), which musl 1.2.5 lacks. Each is the bare
//! system call, -1 with the kernel's errno on failure, as glibc's are.

use core::ffi::{c_char, c_int, c_long, c_uint, c_void};

// x86_64 system call numbers (the generic table shares them).
const SYS_OPEN_TREE: c_long = 428;
const SYS_MOVE_MOUNT: c_long = 429;
const SYS_FSOPEN: c_long = 430;
const SYS_FSCONFIG: c_long = 431;
const SYS_FSMOUNT: c_long = 432;
const SYS_FSPICK: c_long = 433;
const SYS_MOUNT_SETATTR: c_long = 442;

/// `fsopen`: a filesystem context for `fsname` (fsopen(2)).
///
/// # Safety
/// `fsname` is a C string.
#[export]
pub unsafe extern "C" fn fsopen(fsname: *const c_char, flags: c_uint) -> c_int {
    // SAFETY: the caller's arguments; musl's syscall() sets errno.
    unsafe { libc::syscall(SYS_FSOPEN, fsname, flags) as c_int }
}

/// `fsmount`: a mount object for a configured context (fsmount(2)).
///
/// # Safety
/// None beyond the kernel's checks.
#[export]
pub unsafe extern "C" fn fsmount(fd: c_int, flags: c_uint, ms_flags: c_uint) -> c_int {
    // SAFETY: integers only.
    unsafe { libc::syscall(SYS_FSMOUNT, fd, flags, ms_flags) as c_int }
}

/// `fsconfig`: configures a filesystem context (fsconfig(2)).
///
/// # Safety
/// `key` and `value` as the command requires.
#[export]
pub unsafe extern "C" fn fsconfig(
    fd: c_int,
    cmd: c_uint,
    key: *const c_char,
    value: *const c_void,
    aux: c_int,
) -> c_int {
    // SAFETY: the caller's arguments, passed on unchanged.
    unsafe { libc::syscall(SYS_FSCONFIG, fd, cmd, key, value, aux) as c_int }
}

/// `fspick`: a filesystem context for an existing mount (fspick(2)).
///
/// # Safety
/// `path` is a C string.
#[export]
pub unsafe extern "C" fn fspick(dfd: c_int, path: *const c_char, flags: c_uint) -> c_int {
    // SAFETY: the caller's arguments, passed on unchanged.
    unsafe { libc::syscall(SYS_FSPICK, dfd, path, flags) as c_int }
}

/// `move_mount`: moves or attaches a mount (move_mount(2)).
///
/// # Safety
/// Both paths are C strings.
#[export]
pub unsafe extern "C" fn move_mount(
    from_dfd: c_int,
    from_path: *const c_char,
    to_dfd: c_int,
    to_path: *const c_char,
    flags: c_uint,
) -> c_int {
    // SAFETY: the caller's arguments, passed on unchanged.
    unsafe { libc::syscall(SYS_MOVE_MOUNT, from_dfd, from_path, to_dfd, to_path, flags) as c_int }
}

/// `open_tree`: a descriptor for a mount or a detached copy (open_tree(2)).
///
/// # Safety
/// `path` is a C string.
#[export]
pub unsafe extern "C" fn open_tree(dfd: c_int, path: *const c_char, flags: c_uint) -> c_int {
    // SAFETY: the caller's arguments, passed on unchanged.
    unsafe { libc::syscall(SYS_OPEN_TREE, dfd, path, flags) as c_int }
}

/// `mount_setattr`: changes a mount tree's properties (mount_setattr(2)).
///
/// # Safety
/// `path` is a C string, `attr` readable for `size` bytes.
#[export]
pub unsafe extern "C" fn mount_setattr(
    dfd: c_int,
    path: *const c_char,
    flags: c_uint,
    attr: *mut c_void,
    size: usize,
) -> c_int {
    // SAFETY: the caller's arguments, passed on unchanged.
    unsafe { libc::syscall(SYS_MOUNT_SETATTR, dfd, path, flags, attr, size) as c_int }
}
