//! The layout parameters of the help text (glibc's `uparams`), which a
//! user sets with `ARGP_HELP_FMT` (`name=value,bool,no-bool`, read at each
//! help call).

use super::*;
use core::sync::atomic::{AtomicI32, Ordering::Relaxed};

/// The layout parameters (glibc's `uparams`), in `NAMES` order. Once set
/// from `ARGP_HELP_FMT` they stay set, as in glibc.
static UPARAMS: [AtomicI32; 9] = [
    AtomicI32::new(0),  // dup-args
    AtomicI32::new(1),  // dup-args-note
    AtomicI32::new(2),  // short-opt-col
    AtomicI32::new(6),  // long-opt-col
    AtomicI32::new(2),  // doc-opt-col
    AtomicI32::new(29), // opt-doc-col
    AtomicI32::new(1),  // header-col
    AtomicI32::new(12), // usage-indent
    AtomicI32::new(79), // rmargin
];

/// Each parameter's name and whether it is a boolean.
const NAMES: [(&[u8], bool); 9] = [
    (b"dup-args", true),
    (b"dup-args-note", true),
    (b"short-opt-col", false),
    (b"long-opt-col", false),
    (b"doc-opt-col", false),
    (b"opt-doc-col", false),
    (b"header-col", false),
    (b"usage-indent", false),
    (b"rmargin", false),
];

#[derive(Clone, Copy)]
pub(super) struct Params {
    pub(super) dup_args: bool,
    pub(super) dup_args_note: bool,
    pub(super) short_opt_col: usize,
    pub(super) long_opt_col: usize,
    pub(super) doc_opt_col: usize,
    pub(super) opt_doc_col: usize,
    pub(super) header_col: usize,
    pub(super) usage_indent: usize,
    pub(super) rmargin: usize,
}

pub(super) fn params() -> Params {
    let v = |i: usize| UPARAMS[i].load(Relaxed);
    let col = |i: usize| v(i).max(0) as usize;
    Params {
        dup_args: v(0) != 0,
        dup_args_note: v(1) != 0,
        short_opt_col: col(2),
        long_opt_col: col(3),
        doc_opt_col: col(4),
        opt_doc_col: col(5),
        header_col: col(6),
        usage_indent: col(7),
        rmargin: col(8),
    }
}

pub(super) fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// Reads `ARGP_HELP_FMT` into the parameters, complaining as glibc does
/// about unknown names, missing values and garbage.
///
/// # Safety
/// `state` is null or a live parsing state.
pub(super) unsafe fn fill_in_uparams(state: *const argp_state) {
    // SAFETY: a NUL-terminated name; the value is a C string.
    let var = unsafe { libc::getenv(c"ARGP_HELP_FMT".as_ptr()) };
    if var.is_null() {
        return;
    }
    // SAFETY: a C string from the environment.
    let s = unsafe { text(var) };
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let skip_ws = |mut i: usize| {
        while is_space(at(i)) {
            i += 1;
        }
        i
    };
    let complain = |message: &[u8]| {
        // SAFETY: a live state or null (the caller).
        unsafe { failure_message(state, 0, 0, Some(message)) };
    };
    let mut i = 0;
    while at(i) != 0 {
        i = skip_ws(i);
        if at(i).is_ascii_alphabetic() {
            let mut name = i;
            let mut a = i;
            while at(a).is_ascii_alphanumeric() || at(a) == b'-' || at(a) == b'_' {
                a += 1;
            }
            let mut name_len = a - name;
            a = skip_ws(a);
            let unspec = at(a) == 0 || at(a) == b',';
            let mut val = 0;
            if !unspec && at(a) == b'=' {
                a = skip_ws(a + 1);
            }
            if unspec {
                if s[name..].starts_with(b"no-") {
                    name += 3;
                    name_len -= 3;
                } else {
                    val = 1;
                }
            } else if at(a).is_ascii_digit() {
                // SAFETY: `a` is within the C string.
                val = unsafe { libc::atoi(var.add(a)) };
                while at(a).is_ascii_digit() {
                    a += 1;
                }
                a = skip_ws(a);
            }
            let given = &s[name..name + name_len];
            match NAMES.iter().position(|(n, _)| *n == given) {
                Some(k) if unspec && !NAMES[k].1 => {
                    let mut m = crate::abi::cstr::Buf::<256>::new();
                    m.push(given);
                    m.push(b": ARGP_HELP_FMT parameter requires a value");
                    complain(m.as_bytes());
                }
                Some(k) => UPARAMS[k].store(val, Relaxed),
                None => {
                    let mut m = crate::abi::cstr::Buf::<256>::new();
                    m.push(given);
                    m.push(b": Unknown ARGP_HELP_FMT parameter");
                    complain(m.as_bytes());
                }
            }
            i = a;
            if at(i) == b',' {
                i += 1;
            }
        } else if at(i) != 0 {
            let mut m = crate::abi::cstr::Buf::<512>::new();
            m.push(b"Garbage in ARGP_HELP_FMT: ");
            m.push(&s[i..]);
            complain(m.as_bytes());
            break;
        }
    }
}
