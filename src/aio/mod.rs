//! `<aio.h>`: the requests musl serves from a thread of its own, which may
//! run the caller's `SIGEV_THREAD` notification: the process is marked
//! multi-threaded first (`sys_single_threaded`), then musl takes the call
//! unchanged. The large-file names (`aio_read64`, ...) are in `lfs64/aio.rs`.

use core::ffi::c_int;

use crate::musl_next;
use crate::sys_single_threaded::mark_multi_threaded;

musl_next!(fn musl_aio_read = "aio_read": unsafe extern "C" fn(*mut libc::aiocb) -> c_int);
musl_next!(fn musl_aio_write = "aio_write": unsafe extern "C" fn(*mut libc::aiocb) -> c_int);
musl_next!(fn musl_aio_fsync = "aio_fsync": unsafe extern "C" fn(c_int, *mut libc::aiocb) -> c_int);
musl_next!(fn musl_lio_listio = "lio_listio":
    unsafe extern "C" fn(c_int, *const *mut libc::aiocb, c_int, *mut libc::sigevent) -> c_int);

/// `aio_read`: musl serves the request from a new thread.
///
/// # Safety
/// As musl's `aio_read`.
#[export]
pub unsafe extern "C" fn aio_read(cb: *mut libc::aiocb) -> c_int {
    mark_multi_threaded();
    // SAFETY: forwarded unchanged.
    unsafe { musl_aio_read()(cb) }
}

/// `aio_write`: musl serves the request from a new thread.
///
/// # Safety
/// As musl's `aio_write`.
#[export]
pub unsafe extern "C" fn aio_write(cb: *mut libc::aiocb) -> c_int {
    mark_multi_threaded();
    // SAFETY: forwarded unchanged.
    unsafe { musl_aio_write()(cb) }
}

/// `aio_fsync`: musl serves the request from a new thread.
///
/// # Safety
/// As musl's `aio_fsync`.
#[export]
pub unsafe extern "C" fn aio_fsync(op: c_int, cb: *mut libc::aiocb) -> c_int {
    mark_multi_threaded();
    // SAFETY: forwarded unchanged.
    unsafe { musl_aio_fsync()(op, cb) }
}

/// `lio_listio`: musl serves each request from a new thread.
///
/// # Safety
/// As musl's `lio_listio`.
#[export]
pub unsafe extern "C" fn lio_listio(
    mode: c_int,
    list: *const *mut libc::aiocb,
    count: c_int,
    sev: *mut libc::sigevent,
) -> c_int {
    mark_multi_threaded();
    // SAFETY: forwarded unchanged.
    unsafe { musl_lio_listio()(mode, list, count, sev) }
}
