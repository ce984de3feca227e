//! The reentrant `<netdb.h>` database functions glibc has and musl lacks,
//! reading the files glibc's `files` backend reads (`/etc/protocols`,
//! `/etc/services`, `/etc/networks`, `/etc/hosts`; `/etc/rpc` in `rpc`).
//!
//! Returns follow glibc's `_r` conventions: 0 and `*result` set for an
//! entry; `ERANGE` (and `*result` null) when the caller's buffer is too
//! small, the enumeration then giving the same entry again; `ENOENT` at the
//! end of an enumeration; 0 with `*result` null when a lookup finds
//! nothing. The `h_errno`-taking forms set `HOST_NOT_FOUND` for that and
//! `NETDB_INTERNAL` for `ERANGE`.
//!
//! glibc's `set*ent`/`end*ent` rewind and close the stream `get*ent_r`
//! reads, so for protocols, services, networks and hosts the shim
//! overrides musl's (`symbols/overrides.txt`): each rewinds or closes the
//! stream here and then runs musl's own, so musl's non-reentrant
//! `get*ent` and musl-built callers see what they saw before.

use super::files::{self, Fields, Outcome, Packer, Parsed, Stream, fields, number, r_status};
use crate::abi::errno;
use crate::musl_next;
use core::ffi::{c_char, c_int};
use core::ptr::null_mut;

unsafe extern "C" {
    fn inet_network(cp: *const c_char) -> u32;
    fn inet_pton(af: c_int, src: *const c_char, dst: *mut core::ffi::c_void) -> c_int;
}

/// Whether a line's name, aliases and number are the entry looked for.
pub(crate) type Want<'a> = dyn FnMut(&[u8], Fields<'_>, u32) -> bool + 'a;
/// As [`Want`], for services: name, aliases, port, protocol.
type WantService<'a> = dyn FnMut(&[u8], Fields<'_>, u32, &[u8]) -> bool + 'a;
/// Stores a packed name, alias array and number into the caller's entry.
type Store<'a> = dyn FnMut(*mut c_char, *mut *mut c_char, u32) + 'a;

const HOST_NOT_FOUND: c_int = 1;
const NETDB_INTERNAL: c_int = -1;

/// glibc's `struct protoent`.
#[repr(C)]
pub struct Protoent {
    p_name: *mut c_char,
    p_aliases: *mut *mut c_char,
    p_proto: c_int,
}

/// glibc's `struct servent`.
#[repr(C)]
pub struct Servent {
    s_name: *mut c_char,
    s_aliases: *mut *mut c_char,
    s_port: c_int,
    s_proto: *mut c_char,
}

/// glibc's `struct netent`.
#[repr(C)]
pub struct Netent {
    n_name: *mut c_char,
    n_aliases: *mut *mut c_char,
    n_addrtype: c_int,
    n_net: u32,
}

/// glibc's `struct hostent`.
#[repr(C)]
pub struct Hostent {
    h_name: *mut c_char,
    h_aliases: *mut *mut c_char,
    h_addrtype: c_int,
    h_length: c_int,
    h_addr_list: *mut *mut c_char,
}

/// Finishes an `_r` call: `*result`, errno and the return value.
///
/// # Safety
/// `result` is writable.
pub(crate) unsafe fn finish<T>(outcome: Outcome, enumerating: bool, entry: *mut T, result: *mut *mut T) -> c_int {
    let status = r_status(outcome, enumerating);
    // SAFETY: the caller's writable result pointer.
    unsafe { *result = if outcome == Outcome::Found { entry } else { null_mut() } };
    if status != 0 {
        errno::set(status);
    }
    status
}

/// As [`finish`], also setting `*h_errnop` as glibc's backends do.
///
/// # Safety
/// `result` and `h_errnop` are writable.
unsafe fn finish_h<T>(
    outcome: Outcome,
    enumerating: bool,
    entry: *mut T,
    result: *mut *mut T,
    h_errnop: *mut c_int,
) -> c_int {
    let h = match outcome {
        Outcome::Found => None,
        Outcome::TooSmall => Some(NETDB_INTERNAL),
        _ => Some(HOST_NOT_FOUND),
    };
    if let Some(h) = h {
        // SAFETY: the caller's writable h_errno.
        unsafe { *h_errnop = h };
    }
    // SAFETY: as above.
    unsafe { finish(outcome, enumerating, entry, result) }
}

/// Parses a `name number aliases...` line into `entry` when `want` accepts
/// the name, aliases and number.
///
/// # Safety
/// `entry` is writable; the packer's buffer is the caller's.
pub(crate) fn pack_named(
    line: &[u8],
    packer: &mut Packer,
    want: &mut Want<'_>,
    store: &mut Store<'_>,
    number_of: fn(&[u8]) -> Option<u32>,
) -> Parsed {
    let mut f = fields(line);
    let (Some(name), Some(num)) = (f.next(), f.next()) else { return Parsed::Skip };
    let Some(num) = number_of(num) else { return Parsed::Skip };
    if !want(name, f.clone(), num) {
        return Parsed::Skip;
    }
    let (Some(name), Some(aliases)) = (packer.string(name), packer.strings(f)) else {
        return Parsed::TooSmall;
    };
    store(name, aliases, num);
    Parsed::Found
}

pub(crate) fn name_in(name: &[u8], mut aliases: Fields<'_>, wanted: &[u8]) -> bool {
    name == wanted || aliases.any(|a| a == wanted)
}

fn name_in_nocase(name: &[u8], mut aliases: Fields<'_>, wanted: &[u8]) -> bool {
    name.eq_ignore_ascii_case(wanted) || aliases.any(|a| a.eq_ignore_ascii_case(wanted))
}

// ---- protocols ---------------------------------------------------------

static PROTOCOLS: Stream = Stream::new(c"/etc/protocols");

fn proto_line(line: &[u8], entry: *mut Protoent, packer: &mut Packer, want: &mut Want<'_>) -> Parsed {
    pack_named(
        line,
        packer,
        want,
        &mut |name, aliases, num| {
            // SAFETY: the caller's writable entry.
            unsafe { *entry = Protoent { p_name: name, p_aliases: aliases, p_proto: num as c_int } };
        },
        number,
    )
}

/// `getprotoent_r`: the next entry of `/etc/protocols` (getprotoent_r(3)).
///
/// # Safety
/// `entry` writable, `buf` writable for `len` bytes, `result` writable.
#[export]
pub unsafe extern "C" fn getprotoent_r(
    entry: *mut Protoent,
    buf: *mut c_char,
    len: usize,
    result: *mut *mut Protoent,
) -> c_int {
    // SAFETY: the caller's buffer.
    let mut packer = unsafe { Packer::new(buf, len) };
    let outcome = PROTOCOLS.next(|line| proto_line(line, entry, &mut packer, &mut |_, _, _| true));
    // SAFETY: the caller's result pointer.
    unsafe { finish(outcome, true, entry, result) }
}

/// `getprotobyname_r`: the `/etc/protocols` entry named `name` (or with
/// that alias), case-sensitively as glibc (getprotoent_r(3)).
///
/// # Safety
/// As `getprotoent_r`; `name` a C string.
#[export]
pub unsafe extern "C" fn getprotobyname_r(
    name: *const c_char,
    entry: *mut Protoent,
    buf: *mut c_char,
    len: usize,
    result: *mut *mut Protoent,
) -> c_int {
    // SAFETY: a C string.
    let wanted = unsafe { core::ffi::CStr::from_ptr(name) }.to_bytes();
    // SAFETY: the caller's buffer.
    let mut packer = unsafe { Packer::new(buf, len) };
    let outcome = files::lookup(c"/etc/protocols", |line| {
        proto_line(line, entry, &mut packer, &mut |n, a, _| name_in(n, a, wanted))
    });
    // SAFETY: the caller's result pointer.
    unsafe { finish(outcome, false, entry, result) }
}

/// `getprotobynumber_r`: the `/etc/protocols` entry for `proto`.
///
/// # Safety
/// As `getprotoent_r`.
#[export]
pub unsafe extern "C" fn getprotobynumber_r(
    proto: c_int,
    entry: *mut Protoent,
    buf: *mut c_char,
    len: usize,
    result: *mut *mut Protoent,
) -> c_int {
    // SAFETY: the caller's buffer.
    let mut packer = unsafe { Packer::new(buf, len) };
    let outcome = files::lookup(c"/etc/protocols", |line| {
        proto_line(line, entry, &mut packer, &mut |_, _, num| num as c_int == proto)
    });
    // SAFETY: the caller's result pointer.
    unsafe { finish(outcome, false, entry, result) }
}

// ---- services ----------------------------------------------------------

static SERVICES: Stream = Stream::new(c"/etc/services");

/// A `name port/proto aliases...` line, when `want(name, aliases, port,
/// proto)` accepts it.
fn serv_line(line: &[u8], entry: *mut Servent, packer: &mut Packer, want: &mut WantService<'_>) -> Parsed {
    let mut f = fields(line);
    let (Some(name), Some(port_proto)) = (f.next(), f.next()) else { return Parsed::Skip };
    let Some(slash) = port_proto.iter().position(|&b| b == b'/') else { return Parsed::Skip };
    let (port, proto) = (&port_proto[..slash], &port_proto[slash + 1..]);
    let Some(port) = number(port).filter(|&p| p <= 0xffff) else { return Parsed::Skip };
    if proto.is_empty() || !want(name, f.clone(), port, proto) {
        return Parsed::Skip;
    }
    let (Some(name), Some(proto), Some(aliases)) = (packer.string(name), packer.string(proto), packer.strings(f))
    else {
        return Parsed::TooSmall;
    };
    // SAFETY: the caller's writable entry.
    unsafe {
        *entry =
            Servent { s_name: name, s_aliases: aliases, s_port: c_int::from((port as u16).to_be()), s_proto: proto }
    };
    Parsed::Found
}

/// `getservent_r`: the next entry of `/etc/services` (getservent_r(3)).
///
/// # Safety
/// `entry` writable, `buf` writable for `len` bytes, `result` writable.
#[export]
pub unsafe extern "C" fn getservent_r(
    entry: *mut Servent,
    buf: *mut c_char,
    len: usize,
    result: *mut *mut Servent,
) -> c_int {
    // SAFETY: the caller's buffer.
    let mut packer = unsafe { Packer::new(buf, len) };
    let outcome = SERVICES.next(|line| serv_line(line, entry, &mut packer, &mut |_, _, _, _| true));
    // SAFETY: the caller's result pointer.
    unsafe { finish(outcome, true, entry, result) }
}

// ---- networks ----------------------------------------------------------

static NETWORKS: Stream = Stream::new(c"/etc/networks");

/// A network number as glibc's files backend reads it: the field with
/// `.0` appended up to four parts (`inet_network` alone reads `127` as
/// `0x7f`, glibc's backend makes it `127.0.0.0`, `0x7f000000`), then
/// `inet_network`, each part decimal, octal or hex, host byte order. A
/// field that does not parse is `INADDR_NONE` (all ones), an entry all the
/// same, as in glibc.
fn network_number(field: &[u8]) -> Option<u32> {
    let dots = field.iter().filter(|&&b| b == b'.').count().min(3);
    let mut s = crate::abi::vec::Vec::new();
    s.reserve(field.len() + 7).ok()?;
    for &b in field.iter().chain(b".0.0.0".iter().take((3 - dots) * 2)) {
        s.push(b).ok()?;
    }
    s.push(0).ok()?;
    // musl's inet_network leaves strtoul's errno; glibc's backend none.
    let saved = crate::abi::errno::get();
    // SAFETY: a NUL-terminated copy.
    let n = unsafe { inet_network(s.as_ptr().cast()) };
    crate::abi::errno::set(saved);
    Some(n)
}

fn net_line(line: &[u8], entry: *mut Netent, packer: &mut Packer, want: &mut Want<'_>) -> Parsed {
    pack_named(
        line,
        packer,
        want,
        &mut |name, aliases, num| {
            // SAFETY: the caller's writable entry.
            unsafe { *entry = Netent { n_name: name, n_aliases: aliases, n_addrtype: libc::AF_INET, n_net: num } };
        },
        network_number,
    )
}

/// `getnetent_r`: the next entry of `/etc/networks` (getnetent_r(3)).
///
/// # Safety
/// `entry` writable, `buf` writable for `len` bytes, `result` and
/// `h_errnop` writable.
#[export]
pub unsafe extern "C" fn getnetent_r(
    entry: *mut Netent,
    buf: *mut c_char,
    len: usize,
    result: *mut *mut Netent,
    h_errnop: *mut c_int,
) -> c_int {
    // SAFETY: the caller's buffer.
    let mut packer = unsafe { Packer::new(buf, len) };
    let outcome = NETWORKS.next(|line| net_line(line, entry, &mut packer, &mut |_, _, _| true));
    // SAFETY: the caller's pointers.
    unsafe { finish_h(outcome, true, entry, result, h_errnop) }
}

/// `getnetbyname_r`: the `/etc/networks` entry named `name` (or with that
/// alias), case-insensitively as glibc.
///
/// # Safety
/// As `getnetent_r`; `name` a C string.
#[export]
pub unsafe extern "C" fn getnetbyname_r(
    name: *const c_char,
    entry: *mut Netent,
    buf: *mut c_char,
    len: usize,
    result: *mut *mut Netent,
    h_errnop: *mut c_int,
) -> c_int {
    // SAFETY: a C string.
    let wanted = unsafe { core::ffi::CStr::from_ptr(name) }.to_bytes();
    // SAFETY: the caller's buffer.
    let mut packer = unsafe { Packer::new(buf, len) };
    let outcome = files::lookup(c"/etc/networks", |line| {
        net_line(line, entry, &mut packer, &mut |n, a, _| name_in_nocase(n, a, wanted))
    });
    // SAFETY: the caller's pointers.
    unsafe { finish_h(outcome, false, entry, result, h_errnop) }
}

/// `getnetbyaddr_r`: the `/etc/networks` entry for network `net` (host
/// byte order) of family `kind` (`AF_INET`).
///
/// # Safety
/// As `getnetent_r`.
#[export]
pub unsafe extern "C" fn getnetbyaddr_r(
    net: u32,
    kind: c_int,
    entry: *mut Netent,
    buf: *mut c_char,
    len: usize,
    result: *mut *mut Netent,
    h_errnop: *mut c_int,
) -> c_int {
    // SAFETY: the caller's buffer.
    let mut packer = unsafe { Packer::new(buf, len) };
    let outcome = files::lookup(c"/etc/networks", |line| {
        net_line(line, entry, &mut packer, &mut |_, _, num| kind == libc::AF_INET && num == net)
    });
    // SAFETY: the caller's pointers.
    unsafe { finish_h(outcome, false, entry, result, h_errnop) }
}

// ---- hosts -------------------------------------------------------------

static HOSTS: Stream = Stream::new(c"/etc/hosts");

/// An `/etc/hosts` address as glibc's `gethostent_r` gives it (IPv4): an
/// IPv4 address, an IPv4-mapped IPv6 one, or `::1` as 127.0.0.1; other
/// IPv6 lines are skipped.
fn host_address(field: &[u8]) -> Option<[u8; 4]> {
    let mut s = [0u8; 64];
    if field.len() >= s.len() {
        return None;
    }
    s[..field.len()].copy_from_slice(field);
    let mut addr = [0u8; 16];
    // SAFETY: a NUL-terminated string and a 16-byte buffer.
    if unsafe { inet_pton(libc::AF_INET, s.as_ptr().cast(), addr.as_mut_ptr().cast()) } == 1 {
        return Some([addr[0], addr[1], addr[2], addr[3]]);
    }
    // SAFETY: as above.
    if unsafe { inet_pton(libc::AF_INET6, s.as_ptr().cast(), addr.as_mut_ptr().cast()) } != 1 {
        return None;
    }
    if addr[..10].iter().all(|&b| b == 0) && addr[10] == 0xff && addr[11] == 0xff {
        return Some([addr[12], addr[13], addr[14], addr[15]]);
    }
    if addr[..15].iter().all(|&b| b == 0) && addr[15] == 1 {
        return Some([127, 0, 0, 1]);
    }
    None
}

/// `gethostent_r`: the next entry of `/etc/hosts` (gethostent_r(3)), as
/// IPv4.
///
/// # Safety
/// `entry` writable, `buf` writable for `len` bytes, `result` and
/// `h_errnop` writable.
#[export]
pub unsafe extern "C" fn gethostent_r(
    entry: *mut Hostent,
    buf: *mut c_char,
    len: usize,
    result: *mut *mut Hostent,
    h_errnop: *mut c_int,
) -> c_int {
    // SAFETY: the caller's buffer.
    let mut packer = unsafe { Packer::new(buf, len) };
    let outcome = HOSTS.next(|line| {
        let mut f = fields(line);
        let (Some(addr), Some(name)) = (f.next(), f.next()) else { return Parsed::Skip };
        let Some(addr) = host_address(addr) else { return Parsed::Skip };
        let Some(addr) = packer.bytes(&addr) else { return Parsed::TooSmall };
        let (Some(list), Some(name), Some(aliases)) =
            (packer.pointers(&[addr]), packer.string(name), packer.strings(f))
        else {
            return Parsed::TooSmall;
        };
        // SAFETY: the caller's writable entry.
        unsafe {
            *entry =
                Hostent { h_name: name, h_aliases: aliases, h_addrtype: libc::AF_INET, h_length: 4, h_addr_list: list }
        };
        Parsed::Found
    });
    let _ = h_errnop;
    // SAFETY: the caller's result pointer; glibc's gethostent_r leaves
    // h_errno alone at the end and on ERANGE.
    unsafe { finish(outcome, true, entry, result) }
}

// ---- set*ent / end*ent over musl's ------------------------------------

musl_next!(fn musl_setprotoent = "setprotoent": unsafe extern "C" fn(c_int));
musl_next!(fn musl_endprotoent = "endprotoent": unsafe extern "C" fn());

/// `setprotoent`: rewinds `/etc/protocols` for the `_r` enumeration (kept open with a
/// nonzero `stayopen`), then runs musl's, which its own non-reentrant
/// enumeration reads (setprotoent(3)).
///
/// # Safety
/// None: any `stayopen` is accepted.
#[export]
pub unsafe extern "C" fn setprotoent(stayopen: c_int) {
    PROTOCOLS.rewind(stayopen != 0);
    // SAFETY: musl's definition of this very function.
    unsafe { musl_setprotoent()(stayopen) }
}

/// `endprotoent`: closes `/etc/protocols` for the `_r` enumeration, then runs musl's.
///
/// # Safety
/// None.
#[export]
pub unsafe extern "C" fn endprotoent() {
    PROTOCOLS.close();
    // SAFETY: musl's definition of this very function.
    unsafe { musl_endprotoent()() }
}

musl_next!(fn musl_setservent = "setservent": unsafe extern "C" fn(c_int));
musl_next!(fn musl_endservent = "endservent": unsafe extern "C" fn());

/// `setservent`: rewinds `/etc/services` for the `_r` enumeration (kept open with a
/// nonzero `stayopen`), then runs musl's, which its own non-reentrant
/// enumeration reads (setservent(3)).
///
/// # Safety
/// None: any `stayopen` is accepted.
#[export]
pub unsafe extern "C" fn setservent(stayopen: c_int) {
    SERVICES.rewind(stayopen != 0);
    // SAFETY: musl's definition of this very function.
    unsafe { musl_setservent()(stayopen) }
}

/// `endservent`: closes `/etc/services` for the `_r` enumeration, then runs musl's.
///
/// # Safety
/// None.
#[export]
pub unsafe extern "C" fn endservent() {
    SERVICES.close();
    // SAFETY: musl's definition of this very function.
    unsafe { musl_endservent()() }
}

musl_next!(fn musl_setnetent = "setnetent": unsafe extern "C" fn(c_int));
musl_next!(fn musl_endnetent = "endnetent": unsafe extern "C" fn());

/// `setnetent`: rewinds `/etc/networks` for the `_r` enumeration (kept open with a
/// nonzero `stayopen`), then runs musl's, which its own non-reentrant
/// enumeration reads (setnetent(3)).
///
/// # Safety
/// None: any `stayopen` is accepted.
#[export]
pub unsafe extern "C" fn setnetent(stayopen: c_int) {
    NETWORKS.rewind(stayopen != 0);
    // SAFETY: musl's definition of this very function.
    unsafe { musl_setnetent()(stayopen) }
}

/// `endnetent`: closes `/etc/networks` for the `_r` enumeration, then runs musl's.
///
/// # Safety
/// None.
#[export]
pub unsafe extern "C" fn endnetent() {
    NETWORKS.close();
    // SAFETY: musl's definition of this very function.
    unsafe { musl_endnetent()() }
}

musl_next!(fn musl_sethostent = "sethostent": unsafe extern "C" fn(c_int));
musl_next!(fn musl_endhostent = "endhostent": unsafe extern "C" fn());

/// `sethostent`: rewinds `/etc/hosts` for the `_r` enumeration (kept open with a
/// nonzero `stayopen`), then runs musl's, which its own non-reentrant
/// enumeration reads (sethostent(3)).
///
/// # Safety
/// None: any `stayopen` is accepted.
#[export]
pub unsafe extern "C" fn sethostent(stayopen: c_int) {
    HOSTS.rewind(stayopen != 0);
    // SAFETY: musl's definition of this very function.
    unsafe { musl_sethostent()(stayopen) }
}

/// `endhostent`: closes `/etc/hosts` for the `_r` enumeration, then runs musl's.
///
/// # Safety
/// None.
#[export]
pub unsafe extern "C" fn endhostent() {
    HOSTS.close();
    // SAFETY: musl's definition of this very function.
    unsafe { musl_endhostent()() }
}
