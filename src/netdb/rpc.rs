//! `<rpc/netdb.h>`: `/etc/rpc`, the ONC RPC program numbers (`name number
//! aliases...`), which musl has no functions for: `getrpcbyname`,
//! `getrpcbynumber`, `getrpcent`, `setrpcent`, `endrpcent` and their `_r`
//! forms (getrpcent(3)), glibc's files backend's way.

use super::ent::{Want, finish, name_in, pack_named};
use super::files::{self, Packer, Parsed, StaticEntry, Stream};
use core::ffi::{c_char, c_int};
use core::ptr::null_mut;

/// glibc's `struct rpcent`.
#[repr(C)]
pub struct Rpcent {
    r_name: *mut c_char,
    r_aliases: *mut *mut c_char,
    r_number: c_int,
}

static RPC: Stream = Stream::new(c"/etc/rpc");

fn rpc_line(line: &[u8], entry: *mut Rpcent, packer: &mut Packer, want: &mut Want<'_>) -> Parsed {
    pack_named(
        line,
        packer,
        want,
        &mut |name, aliases, num| {
            // SAFETY: the caller's writable entry.
            unsafe { *entry = Rpcent { r_name: name, r_aliases: aliases, r_number: num as c_int } };
        },
        files::number,
    )
}

/// `setrpcent`: back to the first entry; nonzero `stayopen` keeps the
/// file open between lookups (getrpcent(3)).
///
/// # Safety
/// None.
#[export]
pub unsafe extern "C" fn setrpcent(stayopen: c_int) {
    RPC.rewind(stayopen != 0);
}

/// `endrpcent`: closes `/etc/rpc`.
///
/// # Safety
/// None.
#[export]
pub unsafe extern "C" fn endrpcent() {
    RPC.close();
}

/// `getrpcent_r`: the next entry of `/etc/rpc`; 0, `ERANGE` or `ENOENT`.
///
/// # Safety
/// `entry` writable, `buf` writable for `len` bytes, `result` writable.
#[export]
pub unsafe extern "C" fn getrpcent_r(
    entry: *mut Rpcent,
    buf: *mut c_char,
    len: usize,
    result: *mut *mut Rpcent,
) -> c_int {
    // SAFETY: the caller's buffer.
    let mut packer = unsafe { Packer::new(buf, len) };
    let outcome = RPC.next(|line| rpc_line(line, entry, &mut packer, &mut |_, _, _| true));
    // SAFETY: the caller's result pointer.
    unsafe { finish(outcome, true, entry, result) }
}

/// `getrpcbyname_r`: the `/etc/rpc` entry named `name` (or with that alias).
///
/// # Safety
/// As `getrpcent_r`; `name` a C string.
#[export]
pub unsafe extern "C" fn getrpcbyname_r(
    name: *const c_char,
    entry: *mut Rpcent,
    buf: *mut c_char,
    len: usize,
    result: *mut *mut Rpcent,
) -> c_int {
    // SAFETY: a C string.
    let wanted = unsafe { core::ffi::CStr::from_ptr(name) }.to_bytes();
    // SAFETY: the caller's buffer.
    let mut packer = unsafe { Packer::new(buf, len) };
    let outcome =
        files::lookup(c"/etc/rpc", |line| rpc_line(line, entry, &mut packer, &mut |n, a, _| name_in(n, a, wanted)));
    // SAFETY: the caller's result pointer.
    unsafe { finish(outcome, false, entry, result) }
}

/// `getrpcbynumber_r`: the `/etc/rpc` entry for program `number`.
///
/// # Safety
/// As `getrpcent_r`.
#[export]
pub unsafe extern "C" fn getrpcbynumber_r(
    number: c_int,
    entry: *mut Rpcent,
    buf: *mut c_char,
    len: usize,
    result: *mut *mut Rpcent,
) -> c_int {
    // SAFETY: the caller's buffer.
    let mut packer = unsafe { Packer::new(buf, len) };
    let outcome =
        files::lookup(c"/etc/rpc", |line| rpc_line(line, entry, &mut packer, &mut |_, _, num| num as c_int == number));
    // SAFETY: the caller's result pointer.
    unsafe { finish(outcome, false, entry, result) }
}

/// The non-reentrant forms' entry and buffer (glibc's are static too).
static STATIC: StaticEntry<Rpcent> =
    StaticEntry::new(Rpcent { r_name: null_mut(), r_aliases: null_mut(), r_number: 0 });

/// Runs an `_r` form on the static entry and buffer.
fn with_static(f: impl FnMut(*mut Rpcent, *mut c_char, usize, *mut *mut Rpcent) -> c_int) -> *mut Rpcent {
    // SAFETY: the non-reentrant forms are not thread-safe, in glibc either.
    unsafe { STATIC.call(f) }
}

/// `getrpcent`: the next `/etc/rpc` entry, or null at the end.
///
/// # Safety
/// Not thread-safe: the entry is overwritten by the next call.
#[export]
pub unsafe extern "C" fn getrpcent() -> *mut Rpcent {
    // SAFETY: the static entry and buffer.
    with_static(|e, b, l, r| unsafe { getrpcent_r(e, b, l, r) })
}

/// `getrpcbyname`: the `/etc/rpc` entry named `name`, or null.
///
/// # Safety
/// `name` a C string; not thread-safe.
#[export]
pub unsafe extern "C" fn getrpcbyname(name: *const c_char) -> *mut Rpcent {
    // SAFETY: the static entry and buffer, the caller's name.
    with_static(|e, b, l, r| unsafe { getrpcbyname_r(name, e, b, l, r) })
}

/// `getrpcbynumber`: the `/etc/rpc` entry for `number`, or null.
///
/// # Safety
/// Not thread-safe.
#[export]
pub unsafe extern "C" fn getrpcbynumber(number: c_int) -> *mut Rpcent {
    // SAFETY: the static entry and buffer.
    with_static(|e, b, l, r| unsafe { getrpcbynumber_r(number, e, b, l, r) })
}
