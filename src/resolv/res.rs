//! The resolver entry points glibc has and musl lacks: the `res_n*` forms
//! over an explicit `res_state` (glibc's `struct __res_state`, whose layout
//! musl's matches: both are BIND's), the `__res_*` names glibc's
//! `<resolv.h>` (before 2.34, and still for `res_init`/`res_ninit`/...)
//! renames to, and `res_nmkquery`.
//!
//! Queries go to musl's resolver (`res_query`, `res_search`, `res_send`,
//! which read `/etc/resolv.conf` themselves): a state's name servers are
//! informational here, as they are to every musl program.

use super::name;
use crate::abi::glibc_types::__res_state;
use core::ffi::{c_char, c_int, c_uint, c_ulong};

/// glibc's `res_state`.
pub type ResState = *mut __res_state;

const RES_INIT: c_ulong = 0x1;
const RES_RECURSE: c_ulong = 0x40;
const RES_DEFNAMES: c_ulong = 0x80;
const RES_DNSRCH: c_ulong = 0x200;
const RES_ROTATE: c_ulong = 0x4000;
const RES_USE_EDNS0: c_ulong = 0x0010_0000;
const RES_SNGLKUP: c_ulong = 0x0020_0000;
const RES_SNGLKUPREOP: c_ulong = 0x0040_0000;
const RES_NOTLDQUERY: c_ulong = 0x0100_0000;
const RES_NORELOAD: c_ulong = 0x0200_0000;
const RES_TRUSTAD: c_ulong = 0x0400_0000;
const RES_NOAAAA: c_ulong = 0x0800_0000;
const RES_DEFAULT: c_ulong = RES_RECURSE | RES_DEFNAMES | RES_DNSRCH;
const RES_TIMEOUT: c_int = 5;
const RES_DFLRETRY: c_int = 2;
const MAXNS: usize = 3;
const MAXDNSRCH: usize = 6;
const NS_PORT: u16 = 53;

unsafe extern "C" {
    fn res_query(dname: *const c_char, class: c_int, type_: c_int, answer: *mut u8, anslen: c_int) -> c_int;
    fn res_search(dname: *const c_char, class: c_int, type_: c_int, answer: *mut u8, anslen: c_int) -> c_int;
    fn res_querydomain(
        name: *const c_char,
        domain: *const c_char,
        class: c_int,
        type_: c_int,
        answer: *mut u8,
        anslen: c_int,
    ) -> c_int;
    fn res_send(msg: *const u8, msglen: c_int, answer: *mut u8, anslen: c_int) -> c_int;
    fn __res_state() -> ResState;
    fn __h_errno_location() -> *mut c_int;
    fn inet_pton(af: c_int, src: *const c_char, dst: *mut core::ffi::c_void) -> c_int;
}

/// A random 16-bit query id, as glibc's `res_randomid`.
fn random_id() -> u16 {
    let mut id = [0u8; 2];
    // SAFETY: a 2-octet buffer; GRND_NONBLOCK never blocks.
    let got = unsafe { libc::getrandom(id.as_mut_ptr().cast(), 2, libc::GRND_NONBLOCK) };
    if got != 2 {
        let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
        // SAFETY: a valid timespec.
        unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
        return (ts.tv_nsec as u32 ^ ts.tv_sec as u32 ^ (ts.tv_nsec as u32 >> 16)) as u16;
    }
    u16::from_ne_bytes(id)
}

/// `/etc/resolv.conf` (or the first 4 KiB of it), as musl reads it.
fn read_conf(buf: &mut [u8; 4096]) -> &[u8] {
    // SAFETY: a C string path; the buffer is ours.
    let fd = unsafe { libc::open(c"/etc/resolv.conf".as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC) };
    if fd < 0 {
        return &[];
    }
    let mut len = 0usize;
    while len < buf.len() {
        // SAFETY: reads into the unused tail of `buf`.
        let n = unsafe { libc::read(fd, buf[len..].as_mut_ptr().cast(), buf.len() - len) };
        if n <= 0 {
            break;
        }
        len += n as usize;
    }
    // SAFETY: our descriptor.
    unsafe { libc::close(fd) };
    &buf[..len]
}

fn number(s: &[u8]) -> Option<c_int> {
    let digits = s.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 {
        return None;
    }
    Some(s[..digits].iter().fold(0i32, |n, &d| n.saturating_mul(10).saturating_add(c_int::from(d - b'0'))))
}

/// Applies one `options` word of resolv.conf or `RES_OPTIONS`.
fn apply_option(st: &mut __res_state, word: &[u8]) {
    if let Some(v) = word.strip_prefix(b"ndots:").and_then(number) {
        st.set_ndots(v.min(15) as c_uint);
    } else if let Some(v) = word.strip_prefix(b"timeout:").and_then(number) {
        st.retrans = v.min(30);
    } else if let Some(v) = word.strip_prefix(b"attempts:").and_then(number) {
        st.retry = v.min(5);
    } else {
        let (flag, set) = match word {
            b"rotate" => (RES_ROTATE, true),
            b"edns0" => (RES_USE_EDNS0, true),
            b"single-request" => (RES_SNGLKUP, true),
            b"single-request-reopen" => (RES_SNGLKUPREOP, true),
            b"no-tld-query" => (RES_NOTLDQUERY, true),
            b"no-reload" => (RES_NORELOAD, true),
            b"trust-ad" => (RES_TRUSTAD, true),
            b"no-aaaa" => (RES_NOAAAA, true),
            _ => return,
        };
        if set {
            st.options |= flag;
        }
    }
}

/// Sets the search list from the words of a `search`/`domain` line, kept in
/// `defdname` (NUL-separated), as glibc keeps them.
fn set_search<'a>(st: &mut __res_state, words: impl Iterator<Item = &'a [u8]>) {
    st.defdname = [0; 256];
    st.dnsrch = [core::ptr::null_mut(); MAXDNSRCH + 1];
    let (mut at, mut n) = (0usize, 0usize);
    for w in words {
        if n == MAXDNSRCH || at + w.len() + 1 > st.defdname.len() {
            break;
        }
        for (k, &c) in w.iter().enumerate() {
            st.defdname[at + k] = c as c_char;
        }
        st.dnsrch[n] = st.defdname[at..].as_mut_ptr();
        at += w.len() + 1;
        n += 1;
    }
}

fn add_nameserver(st: &mut __res_state, text: &[u8]) {
    let count = st.nscount as usize;
    if count >= MAXNS {
        return;
    }
    let mut s = [0u8; 64];
    if text.len() >= s.len() {
        return;
    }
    s[..text.len()].copy_from_slice(text);
    let mut v4 = libc::in_addr { s_addr: 0 };
    // SAFETY: a NUL-terminated copy and a 4-octet result.
    if unsafe { inet_pton(libc::AF_INET, s.as_ptr().cast(), (&raw mut v4).cast()) } == 1 {
        let sin = &mut st.nsaddr_list[count];
        sin.sin_family = libc::AF_INET as u16;
        sin.sin_port = NS_PORT.to_be();
        sin.sin_addr.s_addr = v4.s_addr;
        st.nscount += 1;
        return;
    }
    let mut v6 = [0u8; 16];
    // SAFETY: as above, a 16-octet result.
    if unsafe { inet_pton(libc::AF_INET6, s.as_ptr().cast(), v6.as_mut_ptr().cast()) } != 1 {
        return;
    }
    // An IPv6 server: glibc keeps it outside nsaddr_list, whose entry it
    // leaves with family AF_UNSPEC.
    // SAFETY: the union's `_ext` view is the one glibc uses.
    let ext = unsafe { &mut st._u._ext };
    // SAFETY: malloc of a plain struct, freed by res_nclose.
    let sin6 = unsafe { libc::calloc(1, size_of::<libc::sockaddr_in6>()) }.cast::<libc::sockaddr_in6>();
    if sin6.is_null() {
        return;
    }
    // SAFETY: freshly allocated.
    unsafe {
        (*sin6).sin6_family = libc::AF_INET6 as u16;
        (*sin6).sin6_port = NS_PORT.to_be();
        (*sin6).sin6_addr.s6_addr = v6;
    }
    ext.nsaddrs[count] = sin6.cast();
    st.nsaddr_list[count].sin_family = 0;
    st.nscount += 1;
}

/// glibc's `res_ninit`: a fresh state from `/etc/resolv.conf`,
/// `LOCALDOMAIN` and `RES_OPTIONS`.
fn init(st: &mut __res_state) -> c_int {
    // SAFETY: __res_state is plain data; all-zero is a valid value.
    *st = unsafe { core::mem::zeroed() };
    st.retrans = RES_TIMEOUT;
    st.retry = RES_DFLRETRY;
    st.options = RES_DEFAULT;
    st.id = random_id();
    st.set_ndots(1);
    st._vcsock = -1;
    let mut buf = [0u8; 4096];
    let conf = read_conf(&mut buf);
    let mut have_search = false;
    for line in conf.split(|&c| c == b'\n') {
        let mut words = line.split(|&c| c == b' ' || c == b'\t' || c == b'\r').filter(|w| !w.is_empty());
        match words.next() {
            Some(b"nameserver") => {
                if let Some(addr) = words.next() {
                    add_nameserver(st, addr);
                }
            }
            Some(b"domain") => {
                set_search(st, words.take(1));
                have_search = true;
            }
            Some(b"search") => {
                set_search(st, words);
                have_search = true;
            }
            Some(b"options") => words.for_each(|w| apply_option(st, w)),
            _ => {}
        }
    }
    if st.nscount == 0 {
        // No server configured: the local one, as glibc.
        st.nsaddr_list[0].sin_family = libc::AF_INET as u16;
        st.nsaddr_list[0].sin_port = NS_PORT.to_be();
        st.nsaddr_list[0].sin_addr.s_addr = u32::from_be_bytes([127, 0, 0, 1]).to_be();
        st.nscount = 1;
    }
    if let Some(local) = env(c"LOCALDOMAIN") {
        set_search(st, local.split(|&c| c == b' ' || c == b'\t').filter(|w| !w.is_empty()));
    } else if !have_search {
        // glibc takes the domain part of the host name.
        let mut host = [0u8; 256];
        // SAFETY: a writable buffer of that size.
        if unsafe { libc::gethostname(host.as_mut_ptr().cast(), host.len() - 1) } == 0 {
            let len = host.iter().position(|&c| c == 0).unwrap_or(0);
            if let Some(dot) = host[..len].iter().position(|&c| c == b'.') {
                set_search(st, core::iter::once(&host[dot + 1..len]));
            }
        }
    }
    if let Some(options) = env(c"RES_OPTIONS") {
        options.split(|&c| c == b' ' || c == b'\t').for_each(|w| apply_option(st, w));
    }
    st.options |= RES_INIT;
    0
}

fn env(name: &core::ffi::CStr) -> Option<&'static [u8]> {
    // SAFETY: getenv with a C string; the environment outlives the call's use.
    let v = unsafe { libc::getenv(name.as_ptr()) };
    // SAFETY: a non-null getenv result is a C string.
    (!v.is_null()).then(|| unsafe { core::ffi::CStr::from_ptr(v) }.to_bytes())
}

/// Frees what a state owns (IPv6 server addresses) and closes its socket.
fn close(st: &mut __res_state) {
    if st._vcsock >= 0 {
        // SAFETY: the state's own descriptor.
        unsafe { libc::close(st._vcsock) };
        st._vcsock = -1;
    }
    // SAFETY: the union's `_ext` view, as glibc uses it.
    let ext = unsafe { &mut st._u._ext };
    for p in &mut ext.nsaddrs {
        if !p.is_null() {
            // SAFETY: allocated by add_nameserver.
            unsafe { libc::free(p.cast()) };
            *p = core::ptr::null_mut();
        }
    }
}

/// The state behind `_res` (musl's, the same layout), initialised once.
fn global() -> ResState {
    // SAFETY: musl's per-process state.
    let st = unsafe { __res_state() };
    // SAFETY: musl's state is valid for the process's life.
    unsafe {
        if (*st).options & RES_INIT == 0 {
            init(&mut *st);
        }
    }
    st
}

/// `__res_ninit` (`res_ninit`): initialises `statp` from the configuration.
///
/// # Safety
/// `statp` points at a writable `struct __res_state`.
#[export]
pub unsafe extern "C" fn __res_ninit(statp: ResState) -> c_int {
    // SAFETY: the caller's contract.
    init(unsafe { &mut *statp })
}

/// `__res_init` (`res_init`): (re)initialises the state behind `_res`.
///
/// # Safety
/// Always safe.
#[export]
pub unsafe extern "C" fn __res_init() -> c_int {
    // SAFETY: musl's per-process state.
    let st = unsafe { &mut *__res_state() };
    if st.options & RES_INIT != 0 {
        close(st);
    }
    init(st)
}

/// `__res_nclose` (`res_nclose`): releases what `statp` holds.
///
/// # Safety
/// `statp` points at a state `res_ninit` filled.
#[export]
pub unsafe extern "C" fn __res_nclose(statp: ResState) {
    // SAFETY: the caller's contract.
    close(unsafe { &mut *statp });
}

/// `__res_close` (`res_close`): `res_nclose` on `_res`.
///
/// # Safety
/// Always safe.
#[export]
pub unsafe extern "C" fn __res_close() {
    // SAFETY: musl's per-process state.
    close(unsafe { &mut *__res_state() });
}

/// `__res_randomid` (`res_randomid`): a random query id.
///
/// # Safety
/// Always safe.
#[export]
pub unsafe extern "C" fn __res_randomid() -> c_uint {
    c_uint::from(random_id())
}

const HFIXEDSZ: usize = 12;
const QFIXEDSZ: usize = 4;
const RRFIXEDSZ: usize = 10;
const NS_QUERY: c_int = 0;
const NS_NOTIFY_OP: c_int = 4;
const T_NULL: u16 = 10;

/// glibc's `res_nmkquery` over a state's options: a query message for
/// `dname` in `buf`; its length, or -1.
///
/// # Safety
/// `dname` a C string, `data` null or a C string, `buf` writable for
/// `buflen` octets.
#[allow(clippy::too_many_arguments)] // the C interface
unsafe fn mkquery(
    options: c_ulong,
    op: c_int,
    dname: *const c_char,
    class: c_int,
    type_: c_int,
    data: *const u8,
    buf: *mut u8,
    buflen: c_int,
) -> c_int {
    if !(0..=65535).contains(&class) || !(0..=65535).contains(&type_) {
        return -1;
    }
    if buf.is_null() || buflen < HFIXEDSZ as c_int {
        return -1;
    }
    let buflen = buflen as usize;
    // SAFETY: the caller's contract.
    let out = unsafe { core::slice::from_raw_parts_mut(buf, buflen) };
    out[..HFIXEDSZ].fill(0);
    out[..2].copy_from_slice(&random_id().to_be_bytes());
    out[2] = ((op as u8) & 0xf) << 3 | u8::from(options & RES_RECURSE != 0);
    out[3] = if options & RES_TRUSTAD != 0 { 0x20 } else { 0 };
    let mut dnptrs: [*const u8; 20] = [core::ptr::null(); 20];
    dnptrs[0] = buf;
    let last = dnptrs.as_mut_ptr().wrapping_add(dnptrs.len());
    let mut room = buflen - HFIXEDSZ;
    let need = match op {
        NS_QUERY => QFIXEDSZ,
        NS_NOTIFY_OP => QFIXEDSZ + if data.is_null() { 0 } else { RRFIXEDSZ },
        _ => return -1,
    };
    if room < need {
        return -1;
    }
    room -= need;
    let mut at = HFIXEDSZ;
    // SAFETY: `at..at + room` is inside `buf`; dnptrs is our own array.
    let n = unsafe { name::ns_name_compress(dname, buf.add(at), room, dnptrs.as_mut_ptr(), last) };
    if n < 0 {
        return -1;
    }
    at += n as usize;
    room -= n as usize;
    out[at..at + 2].copy_from_slice(&(type_ as u16).to_be_bytes());
    out[at + 2..at + 4].copy_from_slice(&(class as u16).to_be_bytes());
    at += 4;
    out[5] = 1; // qdcount
    if op == NS_NOTIFY_OP && !data.is_null() {
        // The completion domain as an additional record.
        // SAFETY: as above.
        let n = unsafe { name::ns_name_compress(data.cast(), buf.add(at), room, dnptrs.as_mut_ptr(), last) };
        if n < 0 {
            return -1;
        }
        at += n as usize;
        out[at..at + 2].copy_from_slice(&T_NULL.to_be_bytes());
        out[at + 2..at + 4].copy_from_slice(&(class as u16).to_be_bytes());
        out[at + 4..at + 10].fill(0);
        at += RRFIXEDSZ;
        out[11] = 1; // arcount
    }
    at as c_int
}

/// `res_nmkquery`: a query message built with `statp`'s options.
/// Also `__res_nmkquery`, its name before glibc 2.34.
///
/// # Safety
/// `statp` a state; the rest as `res_mkquery`.
#[export(alias = "__res_nmkquery")]
pub unsafe extern "C" fn res_nmkquery(
    statp: ResState,
    op: c_int,
    dname: *const c_char,
    class: c_int,
    type_: c_int,
    data: *const u8,
    _datalen: c_int,
    _newrr: *const u8,
    buf: *mut u8,
    buflen: c_int,
) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { mkquery((*statp).options, op, dname, class, type_, data, buf, buflen) }
}

/// `__res_mkquery` (`res_mkquery` before 2.34): a query with `_res`'s
/// options.
///
/// # glibc differences
/// None; musl's own `res_mkquery` (which glibc 2.34+ programs call) refuses
/// types above 255.
///
/// # Safety
/// As `res_mkquery`.
#[export]
pub unsafe extern "C" fn __res_mkquery(
    op: c_int,
    dname: *const c_char,
    class: c_int,
    type_: c_int,
    data: *const u8,
    datalen: c_int,
    newrr: *const u8,
    buf: *mut u8,
    buflen: c_int,
) -> c_int {
    // SAFETY: the caller's contract; global() is musl's state.
    unsafe { res_nmkquery(global(), op, dname, class, type_, data, datalen, newrr, buf, buflen) }
}

/// Records the outcome's `h_errno` in the state, as glibc does.
fn finish(statp: ResState, r: c_int) -> c_int {
    if !statp.is_null() {
        // SAFETY: a caller's state, and musl's h_errno.
        unsafe { (*statp).res_h_errno = *__h_errno_location() };
    }
    r
}

/// `res_nquery`: sends a query for `dname` and waits for the answer.
/// Also `__res_nquery`, its name before glibc 2.34.
///
/// # Safety
/// `statp` a state; the rest as musl's `res_query`.
#[export(alias = "__res_nquery")]
pub unsafe extern "C" fn res_nquery(
    statp: ResState,
    dname: *const c_char,
    class: c_int,
    type_: c_int,
    answer: *mut u8,
    anslen: c_int,
) -> c_int {
    // SAFETY: the caller's contract; musl's resolver.
    finish(statp, unsafe { res_query(dname, class, type_, answer, anslen) })
}

/// `__res_query` (`res_query` before 2.34): [`res_nquery`] on `_res`.
///
/// # Safety
/// As musl's `res_query`.
#[export]
pub unsafe extern "C" fn __res_query(
    dname: *const c_char,
    class: c_int,
    type_: c_int,
    answer: *mut u8,
    anslen: c_int,
) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { res_nquery(global(), dname, class, type_, answer, anslen) }
}

/// `res_nsearch`: as `res_nquery`, through the search list.
/// Also `__res_nsearch`, its name before glibc 2.34.
///
/// # Safety
/// `statp` a state; the rest as musl's `res_search`.
#[export(alias = "__res_nsearch")]
pub unsafe extern "C" fn res_nsearch(
    statp: ResState,
    dname: *const c_char,
    class: c_int,
    type_: c_int,
    answer: *mut u8,
    anslen: c_int,
) -> c_int {
    // SAFETY: the caller's contract; musl's resolver.
    finish(statp, unsafe { res_search(dname, class, type_, answer, anslen) })
}

/// `__res_search` (`res_search` before 2.34): [`res_nsearch`] on `_res`.
///
/// # Safety
/// As musl's `res_search`.
#[export]
pub unsafe extern "C" fn __res_search(
    dname: *const c_char,
    class: c_int,
    type_: c_int,
    answer: *mut u8,
    anslen: c_int,
) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { res_nsearch(global(), dname, class, type_, answer, anslen) }
}

/// `res_nquerydomain`: queries `name.domain`.
/// Also `__res_nquerydomain`, its name before glibc 2.34.
///
/// # Safety
/// `statp` a state; the rest as musl's `res_querydomain`.
#[export(alias = "__res_nquerydomain")]
pub unsafe extern "C" fn res_nquerydomain(
    statp: ResState,
    name: *const c_char,
    domain: *const c_char,
    class: c_int,
    type_: c_int,
    answer: *mut u8,
    anslen: c_int,
) -> c_int {
    // SAFETY: the caller's contract; musl's resolver.
    finish(statp, unsafe { res_querydomain(name, domain, class, type_, answer, anslen) })
}

/// `__res_querydomain` (`res_querydomain` before 2.34): [`res_nquerydomain`] on `_res`.
///
/// # Safety
/// As musl's `res_querydomain`.
#[export]
pub unsafe extern "C" fn __res_querydomain(
    name: *const c_char,
    domain: *const c_char,
    class: c_int,
    type_: c_int,
    answer: *mut u8,
    anslen: c_int,
) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { res_nquerydomain(global(), name, domain, class, type_, answer, anslen) }
}

/// `res_nsend`: sends a query message and waits for the answer.
/// Also `__res_nsend`, its name before glibc 2.34.
///
/// # Safety
/// `statp` a state; the rest as musl's `res_send`.
#[export(alias = "__res_nsend")]
pub unsafe extern "C" fn res_nsend(
    statp: ResState,
    msg: *const u8,
    msglen: c_int,
    answer: *mut u8,
    anslen: c_int,
) -> c_int {
    // SAFETY: the caller's contract; musl's resolver.
    finish(statp, unsafe { res_send(msg, msglen, answer, anslen) })
}

/// `__res_send` (`res_send` before 2.34): [`res_nsend`] on `_res`.
///
/// # Safety
/// As musl's `res_send`.
#[export]
pub unsafe extern "C" fn __res_send(msg: *const u8, msglen: c_int, answer: *mut u8, anslen: c_int) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { res_nsend(global(), msg, msglen, answer, anslen) }
}

/// `_getshort`: a big-endian 16-bit value.
///
/// # Safety
/// `src` is readable for 2 octets.
#[export]
pub unsafe extern "C" fn _getshort(src: *const u8) -> u16 {
    // SAFETY: the caller's contract.
    u16::from_be_bytes(unsafe { src.cast::<[u8; 2]>().read_unaligned() })
}

/// `_getlong`: a big-endian 32-bit value.
///
/// # Safety
/// `src` is readable for 4 octets.
#[export]
pub unsafe extern "C" fn _getlong(src: *const u8) -> c_ulong {
    // SAFETY: the caller's contract.
    c_ulong::from(u32::from_be_bytes(unsafe { src.cast::<[u8; 4]>().read_unaligned() }))
}

/// `__putshort` (`putshort`): stores a big-endian 16-bit value.
///
/// # Safety
/// `dst` is writable for 2 octets.
#[export]
pub unsafe extern "C" fn __putshort(src: u16, dst: *mut u8) {
    // SAFETY: the caller's contract.
    unsafe { dst.cast::<[u8; 2]>().write_unaligned(src.to_be_bytes()) }
}

/// `__putlong` (`putlong`): stores a big-endian 32-bit value.
///
/// # Safety
/// `dst` is writable for 4 octets.
#[export]
pub unsafe extern "C" fn __putlong(src: u32, dst: *mut u8) {
    // SAFETY: the caller's contract.
    unsafe { dst.cast::<[u8; 4]>().write_unaligned(src.to_be_bytes()) }
}

/// `ns_msg` of `<arpa/nameser.h>` (glibc's and musl's layout are BIND's).
#[repr(C)]
pub struct NsMsg {
    msg: *const u8,
    eom: *const u8,
    id: u16,
    flags: u16,
    counts: [u16; 4],
    sections: [*const u8; 4],
    sect: c_int,
    rrnum: c_int,
    msg_ptr: *const u8,
}

/// `ns_msg_getflag`: one header field (`ns_f_qr` ... `ns_f_rcode`) of a
/// parsed message, shifted down.
///
/// # Safety
/// Always safe: `handle` is passed by value.
#[export]
pub unsafe extern "C" fn ns_msg_getflag(handle: NsMsg, flag: c_int) -> c_int {
    // (mask, shift) for qr, opcode, aa, tc, rd, ra, z, ad, cd, rcode.
    const FIELDS: [(u16, u32); 10] = [
        (0x8000, 15),
        (0x7800, 11),
        (0x0400, 10),
        (0x0200, 9),
        (0x0100, 8),
        (0x0080, 7),
        (0x0040, 6),
        (0x0020, 5),
        (0x0010, 4),
        (0x000f, 0),
    ];
    let Some(&(mask, shift)) = usize::try_from(flag).ok().and_then(|f| FIELDS.get(f)) else { return 0 };
    c_int::from((handle.flags & mask) >> shift)
}

/// Whether `name`/`type_`/`class` is one of the questions of the message
/// `buf..eom`: 1, 0, or -1 for a malformed message.
fn name_in_query(name: &[u8], type_: c_int, class: c_int, msg: &[u8]) -> c_int {
    if msg.len() < HFIXEDSZ {
        return -1;
    }
    let mut count = u16::from_be_bytes([msg[4], msg[5]]);
    let mut at = HFIXEDSZ;
    while count > 0 {
        count -= 1;
        let mut text = [0u8; name::MAXDNAME + 1];
        let Ok(n) = name::expand(msg, at, &mut text) else { return -1 };
        at += n;
        if at + 4 > msg.len() {
            return -1;
        }
        let t = c_int::from(u16::from_be_bytes([msg[at], msg[at + 1]]));
        let c = c_int::from(u16::from_be_bytes([msg[at + 2], msg[at + 3]]));
        at += 4;
        let len = text.iter().position(|&b| b == 0).unwrap_or(0);
        if t == type_ && c == class && super::compare::same_name(&text[..len], name) == Some(true) {
            return 1;
        }
    }
    0
}

/// # Safety
/// `buf..eom` is readable.
unsafe fn msg<'a>(buf: *const u8, eom: *const u8) -> &'a [u8] {
    if buf.is_null() || eom <= buf {
        return &[];
    }
    // SAFETY: the caller's contract.
    unsafe { core::slice::from_raw_parts(buf, eom.offset_from(buf) as usize) }
}

/// `__res_nameinquery` (`res_nameinquery`): whether a question of the
/// message `buf..eom` asks for `name`, `type_`, `class`.
///
/// # Safety
/// `name` a C string; `buf..eom` readable.
#[export]
pub unsafe extern "C" fn __res_nameinquery(
    name: *const c_char,
    type_: c_int,
    class: c_int,
    buf: *const u8,
    eom: *const u8,
) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { name_in_query(core::ffi::CStr::from_ptr(name).to_bytes(), type_, class, msg(buf, eom)) }
}

/// `__res_queriesmatch` (`res_queriesmatch`): whether two messages ask
/// the same questions: 1, 0, or -1 for a malformed message.
///
/// # Safety
/// `buf1..eom1` and `buf2..eom2` are readable.
#[export]
pub unsafe extern "C" fn __res_queriesmatch(
    buf1: *const u8,
    eom1: *const u8,
    buf2: *const u8,
    eom2: *const u8,
) -> c_int {
    // SAFETY: the caller's contract.
    let (a, b) = unsafe { (msg(buf1, eom1), msg(buf2, eom2)) };
    if a.len() < HFIXEDSZ || b.len() < HFIXEDSZ {
        return -1;
    }
    // Replies to dynamic updates (opcode 5) carry only the header.
    if (a[2] >> 3) & 0xf == 5 && (b[2] >> 3) & 0xf == 5 {
        return 1;
    }
    if a[4..6] != b[4..6] {
        return 0;
    }
    let mut count = u16::from_be_bytes([a[4], a[5]]);
    let mut at = HFIXEDSZ;
    while count > 0 {
        count -= 1;
        let mut text = [0u8; name::MAXDNAME + 1];
        let Ok(n) = name::expand(a, at, &mut text) else { return -1 };
        at += n;
        if at + 4 > a.len() {
            return -1;
        }
        let t = c_int::from(u16::from_be_bytes([a[at], a[at + 1]]));
        let c = c_int::from(u16::from_be_bytes([a[at + 2], a[at + 3]]));
        at += 4;
        let len = text.iter().position(|&x| x == 0).unwrap_or(0);
        if name_in_query(&text[..len], t, c, b) == 0 {
            return 0;
        }
    }
    1
}
