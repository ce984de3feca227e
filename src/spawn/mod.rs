//! `<spawn.h>`: `pidfd_spawn` and `pidfd_spawnp` (glibc 2.39), which musl
//! 1.2.5 lacks: `posix_spawn` that gives a process descriptor for the
//! child instead of its ID. The file actions and attributes are musl's
//! (a glibc program's `posix_spawn*` calls bind to musl; the structures
//! have glibc's sizes).

use core::ffi::{c_char, c_int};
use libc::{pid_t, posix_spawn_file_actions_t, posix_spawnattr_t};

type Spawn = unsafe extern "C" fn(
    *mut pid_t,
    *const c_char,
    *const posix_spawn_file_actions_t,
    *const posix_spawnattr_t,
    *const *mut c_char,
    *const *mut c_char,
) -> c_int;

/// Spawns with musl's `spawn`, then opens a descriptor (close-on-exec, as
/// glibc's `CLONE_PIDFD` one) for the child, which cannot have been
/// reaped yet unless something else reaps children (below).
///
/// # Safety
/// As `posix_spawn`.
unsafe fn spawn_pidfd(
    spawn: Spawn,
    pidfd: *mut c_int,
    path: *const c_char,
    actions: *const posix_spawn_file_actions_t,
    attr: *const posix_spawnattr_t,
    argv: *const *mut c_char,
    envp: *const *mut c_char,
) -> c_int {
    let mut pid: pid_t = 0;
    // SAFETY: the caller's arguments, as posix_spawn takes them.
    let err = unsafe { spawn(&mut pid, path, actions, attr, argv, envp) };
    if err != 0 {
        return err;
    }
    // SAFETY: integer arguments.
    let fd = unsafe { crate::sys_pidfd::pidfd_open(pid, 0) };
    if fd < 0 {
        return crate::abi::errno::get();
    }
    // SAFETY: the caller's out-parameter (non-null in glibc's prototype).
    unsafe { *pidfd = fd };
    0
}

/// `pidfd_spawn`: `posix_spawn` of `path` that stores a process
/// descriptor for the child in `*pidfd` (glibc manual, "Creating a
/// Process"). Returns 0 or an error number, as `posix_spawn`.
///
/// # Safety
/// As `posix_spawn`; `pidfd` is writable.
///
/// # glibc differences
/// glibc creates the child with its descriptor (`clone3`,
/// `CLONE_PIDFD`); this opens it just after. Where children are reaped
/// behind the caller's back (`SIGCHLD` ignored, `SA_NOCLDWAIT`, another
/// thread in `wait(-1)`) a child that ended at once may be gone by then:
/// the call fails with `ESRCH` where glibc's gives a descriptor of an
/// ended process.
#[export]
pub unsafe extern "C" fn pidfd_spawn(
    pidfd: *mut c_int,
    path: *const c_char,
    actions: *const posix_spawn_file_actions_t,
    attr: *const posix_spawnattr_t,
    argv: *const *mut c_char,
    envp: *const *mut c_char,
) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { spawn_pidfd(libc::posix_spawn, pidfd, path, actions, attr, argv, envp) }
}

/// `pidfd_spawnp`: `pidfd_spawn` that searches `PATH` for `file`, as
/// `posix_spawnp`.
///
/// # Safety
/// As `pidfd_spawn`.
///
/// # glibc differences
/// As `pidfd_spawn`.
#[export]
pub unsafe extern "C" fn pidfd_spawnp(
    pidfd: *mut c_int,
    file: *const c_char,
    actions: *const posix_spawn_file_actions_t,
    attr: *const posix_spawnattr_t,
    argv: *const *mut c_char,
    envp: *const *mut c_char,
) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { spawn_pidfd(libc::posix_spawnp, pidfd, file, actions, attr, argv, envp) }
}
