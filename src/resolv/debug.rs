//! libresolv's names for DNS numbers (`p_type`, `p_class`, `p_rcode`,
//! `p_option`, `p_time`; `<resolv.h>` renames them to `__p_*`). The names
//! are glibc's own, read off glibc 2.36 and 2.41 (both give the same);
//! a number without a name comes back as decimal text in a static buffer,
//! as in glibc (not thread-safe there either).

use core::cell::UnsafeCell;
use core::ffi::{c_char, c_int, c_ulong};

const TYPES: &[(c_int, &str)] = &[
    (1, "A\0"),
    (2, "NS\0"),
    (3, "MD\0"),
    (4, "MF\0"),
    (5, "CNAME\0"),
    (6, "SOA\0"),
    (7, "MB\0"),
    (8, "MG\0"),
    (9, "MR\0"),
    (10, "NULL\0"),
    (11, "WKS\0"),
    (12, "PTR\0"),
    (13, "HINFO\0"),
    (14, "MINFO\0"),
    (15, "MX\0"),
    (16, "TXT\0"),
    (17, "RP\0"),
    (18, "AFSDB\0"),
    (19, "X25\0"),
    (20, "ISDN\0"),
    (21, "RT\0"),
    (22, "NSAP\0"),
    (23, "NSAP_PTR\0"),
    (24, "SIG\0"),
    (25, "KEY\0"),
    (26, "PX\0"),
    (27, "GPOS\0"),
    (28, "AAAA\0"),
    (29, "LOC\0"),
    (30, "NXT\0"),
    (31, "EID\0"),
    (32, "NIMLOC\0"),
    (33, "SRV\0"),
    (34, "ATMA\0"),
    (35, "NAPTR\0"),
    (36, "KX\0"),
    (37, "CERT\0"),
    (39, "DNAME\0"),
    (250, "TSIG\0"),
    (251, "IXFR\0"),
    (252, "AXFR\0"),
    (253, "MAILB\0"),
    (254, "MAILA\0"),
    (255, "ANY\0"),
];
const CLASSES: &[(c_int, &str)] = &[(1, "IN\0"), (3, "CHAOS\0"), (4, "HS\0"), (254, "NONE\0"), (255, "ANY\0")];
const RCODES: &[(c_int, &str)] = &[
    (0, "NOERROR\0"),
    (1, "FORMERR\0"),
    (2, "SERVFAIL\0"),
    (3, "NXDOMAIN\0"),
    (4, "NOTIMP\0"),
    (5, "REFUSED\0"),
    (6, "YXDOMAIN\0"),
    (7, "YXRRSET\0"),
    (8, "NXRRSET\0"),
    (9, "NOTAUTH\0"),
    (10, "NOTZONE\0"),
    (11, "\0"),
    (16, "BADSIG\0"),
    (17, "BADKEY\0"),
    (18, "BADTIME\0"),
];
/// `RES_*` option bits and their names.
const OPTIONS: &[(c_ulong, &str)] = &[
    (0x1, "init\0"),
    (0x2, "debug\0"),
    (0x8, "use-vc\0"),
    (0x20, "igntc\0"),
    (0x40, "recurs\0"),
    (0x80, "defnam\0"),
    (0x100, "styopn\0"),
    (0x200, "dnsrch\0"),
    (0x1000, "noaliases\0"),
    (0x4000, "rotate\0"),
    (0x10_0000, "edns0\0"),
    (0x20_0000, "single-request\0"),
    (0x40_0000, "single-request-reopen\0"),
    (0x80_0000, "dnssec\0"),
    (0x100_0000, "no-tld-query\0"),
    (0x200_0000, "no-reload\0"),
    (0x400_0000, "trust-ad\0"),
    (0x800_0000, "no-aaaa\0"),
];

/// A static text buffer, as glibc's.
struct Buffer(UnsafeCell<[u8; 40]>);

// SAFETY: glibc's contract for these functions: the result is overwritten
// by the next call; callers do not share it between threads.
unsafe impl Sync for Buffer {}

static NUMBER: Buffer = Buffer(UnsafeCell::new([0; 40]));
static OPTION: Buffer = Buffer(UnsafeCell::new([0; 40]));
static TIME: Buffer = Buffer(UnsafeCell::new([0; 40]));

/// Writes the pieces into `buf` with a NUL and returns it.
fn write(buf: &Buffer, pieces: &[&[u8]]) -> *const c_char {
    // SAFETY: see `Buffer`.
    let b = unsafe { &mut *buf.0.get() };
    let mut at = 0;
    for p in pieces {
        let n = p.len().min(b.len() - 1 - at);
        b[at..at + n].copy_from_slice(&p[..n]);
        at += n;
    }
    b[at] = 0;
    b.as_ptr().cast()
}

fn decimal(v: i64, out: &mut [u8; 24]) -> &[u8] {
    let mut n = out.len();
    let mut u = v.unsigned_abs();
    loop {
        n -= 1;
        out[n] = b'0' + (u % 10) as u8;
        u /= 10;
        if u == 0 {
            break;
        }
    }
    if v < 0 {
        n -= 1;
        out[n] = b'-';
    }
    &out[n..]
}

fn name(table: &[(c_int, &'static str)], value: c_int) -> *const c_char {
    if let Some((_, s)) = table.iter().find(|(v, _)| *v == value) {
        return s.as_ptr().cast();
    }
    let mut digits = [0u8; 24];
    write(&NUMBER, &[decimal(i64::from(value), &mut digits)])
}

/// `__p_type` (`p_type`): the mnemonic of a resource record type.
///
/// # Safety
/// Always safe; the result may be a static buffer the next call reuses.
#[export]
pub unsafe extern "C" fn __p_type(type_: c_int) -> *const c_char {
    name(TYPES, type_)
}

/// `__p_class` (`p_class`): the mnemonic of a class.
///
/// # Safety
/// As [`__p_type`].
#[export]
pub unsafe extern "C" fn __p_class(class: c_int) -> *const c_char {
    name(CLASSES, class)
}

/// `__p_rcode` (`p_rcode`): the mnemonic of a response code.
///
/// # Safety
/// As [`__p_type`].
#[export]
pub unsafe extern "C" fn __p_rcode(rcode: c_int) -> *const c_char {
    name(RCODES, rcode)
}

/// `__p_option` (`p_option`): the name of one `RES_*` option bit, else
/// `"?0x…?"`.
///
/// # Safety
/// As [`__p_type`].
#[export]
pub unsafe extern "C" fn __p_option(option: c_ulong) -> *const c_char {
    if let Some((_, s)) = OPTIONS.iter().find(|(v, _)| *v == option) {
        return s.as_ptr().cast();
    }
    let mut hex = [0u8; 16];
    let mut n = hex.len();
    let mut v = option;
    loop {
        n -= 1;
        hex[n] = b"0123456789abcdef"[(v & 0xf) as usize];
        v >>= 4;
        if v == 0 {
            break;
        }
    }
    write(&OPTION, &[b"?0x", &hex[n..], b"?"])
}

/// `__p_time` (`p_time`): seconds as `ns_format_ttl` text.
///
/// # Safety
/// As [`__p_type`].
#[export]
pub unsafe extern "C" fn __p_time(value: u32) -> *const c_char {
    // SAFETY: see `Buffer`.
    let b = unsafe { &mut *TIME.0.get() };
    // SAFETY: our buffer and its size.
    if unsafe { super::compare::ns_format_ttl(c_ulong::from(value), b.as_mut_ptr().cast(), b.len()) } < 0 {
        let mut digits = [0u8; 24];
        return write(&TIME, &[decimal(i64::from(value), &mut digits)]);
    }
    b.as_ptr().cast()
}
