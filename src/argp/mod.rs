//! `<argp.h>`: glibc's hierarchical argument parser (glibc manual, "Argp"),
//! which musl lacks: `argp_parse`, the help and usage formatter, the error
//! helpers and the program's variables.
//!
//! - [`parse`]: `argp_parse` over the project's GNU getopt engine
//!   (`getopt::gnu`, one private scanning state per parse, as glibc's
//!   `_getopt_long_r`), the parser tree (children, inputs, keys), the
//!   default `--help`/`--usage`/`--version` options.
//! - [`help`]: the `--help` and `--usage` text, laid out as glibc lays it
//!   out (option sorting, groups, headers, doc strings, `ARGP_HELP_FMT`).
//! - [`fmtstream`]: the word-wrapping stream the help text goes through.
//!
//! The variables (`argp_program_version`, `argp_program_version_hook`,
//! `argp_program_bug_address`, `argp_err_exit_status`) and the variadic
//! `argp_error` and `argp_failure` are in `argp.c`: a glibc program defines
//! or copy-relocates the variables, so the shim reads them through their
//! dynamic symbols (the GOT), where the program's copy is the live one.

pub mod fmtstream;
pub mod help;
pub mod parse;

use crate::abi::VaList;
use crate::abi::glibc_types::{argp, argp_state};
use crate::abi::musl;
use crate::stdio::printf::glibc_vasprintf;
use core::ffi::{CStr, c_char, c_int, c_uint};
use libc::FILE;

unsafe extern "C" {
    static mut argp_program_version: *const c_char;
    static mut argp_program_version_hook: Option<unsafe extern "C" fn(*mut FILE, *mut argp_state)>;
    static mut argp_program_bug_address: *const c_char;
    static mut argp_err_exit_status: c_int;
}

// `struct argp_option` flags.
pub const OPTION_ARG_OPTIONAL: c_int = 0x1;
pub const OPTION_HIDDEN: c_int = 0x2;
pub const OPTION_ALIAS: c_int = 0x4;
pub const OPTION_DOC: c_int = 0x8;
pub const OPTION_NO_USAGE: c_int = 0x10;

// `argp_parse` flags.
pub const ARGP_PARSE_ARGV0: c_uint = 0x01;
pub const ARGP_NO_ERRS: c_uint = 0x02;
pub const ARGP_NO_ARGS: c_uint = 0x04;
pub const ARGP_IN_ORDER: c_uint = 0x08;
pub const ARGP_NO_HELP: c_uint = 0x10;
pub const ARGP_NO_EXIT: c_uint = 0x20;
pub const ARGP_LONG_ONLY: c_uint = 0x40;

// `argp_help` flags.
pub const ARGP_HELP_USAGE: c_uint = 0x01;
pub const ARGP_HELP_SHORT_USAGE: c_uint = 0x02;
pub const ARGP_HELP_SEE: c_uint = 0x04;
pub const ARGP_HELP_LONG: c_uint = 0x08;
pub const ARGP_HELP_PRE_DOC: c_uint = 0x10;
pub const ARGP_HELP_POST_DOC: c_uint = 0x20;
pub const ARGP_HELP_DOC: c_uint = ARGP_HELP_PRE_DOC | ARGP_HELP_POST_DOC;
pub const ARGP_HELP_BUG_ADDR: c_uint = 0x40;
pub const ARGP_HELP_LONG_ONLY: c_uint = 0x80;
pub const ARGP_HELP_EXIT_ERR: c_uint = 0x100;
pub const ARGP_HELP_EXIT_OK: c_uint = 0x200;
pub const ARGP_HELP_STD_ERR: c_uint = ARGP_HELP_SEE | ARGP_HELP_EXIT_ERR;
pub const ARGP_HELP_STD_USAGE: c_uint = ARGP_HELP_SHORT_USAGE | ARGP_HELP_SEE | ARGP_HELP_EXIT_ERR;
pub const ARGP_HELP_STD_HELP: c_uint =
    ARGP_HELP_SHORT_USAGE | ARGP_HELP_LONG | ARGP_HELP_EXIT_OK | ARGP_HELP_DOC | ARGP_HELP_BUG_ADDR;

// Parser keys.
pub const ARGP_KEY_ARG: c_int = 0;
pub const ARGP_KEY_END: c_int = 0x1000001;
pub const ARGP_KEY_NO_ARGS: c_int = 0x1000002;
pub const ARGP_KEY_INIT: c_int = 0x1000003;
pub const ARGP_KEY_SUCCESS: c_int = 0x1000004;
pub const ARGP_KEY_ERROR: c_int = 0x1000005;
pub const ARGP_KEY_ARGS: c_int = 0x1000006;
pub const ARGP_KEY_FINI: c_int = 0x1000007;

// Help filter keys.
pub const ARGP_KEY_HELP_PRE_DOC: c_int = 0x2000001;
pub const ARGP_KEY_HELP_POST_DOC: c_int = 0x2000002;
pub const ARGP_KEY_HELP_HEADER: c_int = 0x2000003;
pub const ARGP_KEY_HELP_EXTRA: c_int = 0x2000004;
pub const ARGP_KEY_HELP_DUP_ARGS_NOTE: c_int = 0x2000005;
pub const ARGP_KEY_HELP_ARGS_DOC: c_int = 0x2000006;

/// `ARGP_ERR_UNKNOWN`: a parser does not know the key.
pub const ARGP_ERR_UNKNOWN: c_int = libc::E2BIG;

/// The bytes of a C string; a null pointer reads as glibc's printf shows it.
///
/// # Safety
/// `p` is null or a C string that outlives `'a`.
pub(crate) unsafe fn text<'a>(p: *const c_char) -> &'a [u8] {
    if p.is_null() {
        return b"(null)";
    }
    // SAFETY: a C string (the caller).
    unsafe { CStr::from_ptr(p) }.to_bytes()
}

/// `dgettext(domain, msgid)`, as glibc translates every text argp prints
/// (musl's catalogs use the same format); null stays null.
///
/// # Safety
/// `domain` is null or a C string; `msgid` is null or a C string.
pub(crate) unsafe fn tr(domain: *const c_char, msgid: *const c_char) -> *const c_char {
    if msgid.is_null() {
        return msgid;
    }
    // SAFETY: C strings (the caller).
    unsafe { musl::dgettext(domain, msgid) }
}

/// What glibc prints as the program name when there is no state.
fn short_program_name() -> *mut c_char {
    // SAFETY: musl's variable (or the program's copy of it).
    unsafe { musl::program_invocation_short_name }
}

/// The part of `name` after its last '/'.
///
/// # Safety
/// `name` is a C string.
pub(crate) unsafe fn base_name(name: *mut c_char) -> *mut c_char {
    // SAFETY: a C string (the caller).
    let slash = unsafe { libc::strrchr(name, c_int::from(b'/')) };
    if slash.is_null() {
        name
    } else {
        // SAFETY: one past the '/' is within the string.
        unsafe { slash.add(1) }
    }
}

/// Writes `pieces` to `stream` (unlocked: callers hold the lock).
///
/// # Safety
/// `stream` is an open stream.
unsafe fn put(stream: *mut FILE, pieces: &[&[u8]]) {
    for piece in pieces {
        // SAFETY: a live slice and an open stream (the caller).
        unsafe { libc::fwrite(piece.as_ptr().cast(), 1, piece.len(), stream) };
    }
}

/// The name messages about `state` start with.
///
/// # Safety
/// `state` is null or a live parsing state.
unsafe fn state_name(state: *const argp_state) -> *const c_char {
    if state.is_null() {
        short_program_name()
    } else {
        // SAFETY: a live state (the caller).
        unsafe { (*state).name }
    }
}

/// `argp_error` with its message already formatted: "NAME: MESSAGE", then
/// the "Try ... --help" hint, exiting with `argp_err_exit_status` unless
/// the state says not to.
///
/// # Safety
/// `state` is null or a live parsing state.
pub(crate) unsafe fn error_message(state: *const argp_state, message: &[&[u8]]) {
    // SAFETY: a live state or null (the caller).
    unsafe {
        if !state.is_null() && (*state).flags & ARGP_NO_ERRS != 0 {
            return;
        }
        let stream = if state.is_null() { musl::stderr } else { (*state).err_stream.cast::<FILE>() };
        if stream.is_null() {
            return;
        }
        musl::flockfile(stream);
        put(stream, &[text(state_name(state)), b": "]);
        put(stream, message);
        put(stream, &[b"\n"]);
        state_help(state, stream, ARGP_HELP_STD_ERR);
        musl::funlockfile(stream);
    }
}

/// `argp_failure` with its message already formatted (None: no message).
///
/// # Safety
/// `state` is null or a live parsing state.
pub(crate) unsafe fn failure_message(state: *const argp_state, status: c_int, errnum: c_int, message: Option<&[u8]>) {
    // SAFETY: a live state or null (the caller).
    unsafe {
        if !state.is_null() && (*state).flags & ARGP_NO_ERRS != 0 {
            return;
        }
        let stream = if state.is_null() { musl::stderr } else { (*state).err_stream.cast::<FILE>() };
        if stream.is_null() {
            return;
        }
        musl::flockfile(stream);
        put(stream, &[text(state_name(state))]);
        if let Some(message) = message {
            put(stream, &[b": ", message]);
        }
        if errnum != 0 {
            let mut description = crate::abi::cstr::Buf::<200>::new();
            crate::string::strerror::describe(errnum, &mut description);
            put(stream, &[b": ", description.as_bytes()]);
        }
        put(stream, &[b"\n"]);
        musl::funlockfile(stream);
        if status != 0 && (state.is_null() || (*state).flags & ARGP_NO_EXIT == 0) {
            libc::exit(status);
        }
    }
}

/// The body of `argp_state_help` (and of `argp_usage`).
///
/// # Safety
/// `state` is null or a live parsing state; `stream` is null or open.
pub(crate) unsafe fn state_help(state: *const argp_state, stream: *mut FILE, mut flags: c_uint) {
    // SAFETY: a live state or null (the caller).
    unsafe {
        if (!state.is_null() && (*state).flags & ARGP_NO_ERRS != 0) || stream.is_null() {
            return;
        }
        if !state.is_null() && (*state).flags & ARGP_LONG_ONLY != 0 {
            flags |= ARGP_HELP_LONG_ONLY;
        }
        let (root, name) = if state.is_null() {
            (core::ptr::null(), short_program_name().cast_const())
        } else {
            ((*state).root_argp, (*state).name.cast_const())
        };
        help::help(root, state, stream, flags, name);
        if state.is_null() || (*state).flags & ARGP_NO_EXIT == 0 {
            if flags & ARGP_HELP_EXIT_ERR != 0 {
                libc::exit(argp_err_exit_status);
            }
            if flags & ARGP_HELP_EXIT_OK != 0 {
                libc::exit(0);
            }
        }
    }
}

/// `argp_parse` (glibc manual, "Parsing Program Options with Argp"): parses
/// `argv` with the options and parsers of `argp` and its children.
///
/// # Safety
/// `argp` is null or a valid argp tree; `argv` holds `argc` C strings (it
/// may be permuted); `end_index` is null or writable.
#[export]
pub unsafe extern "C" fn argp_parse(
    argp: *const argp,
    argc: c_int,
    argv: *mut *mut c_char,
    flags: c_uint,
    end_index: *mut c_int,
    input: *mut core::ffi::c_void,
) -> c_int {
    // SAFETY: as this function's contract.
    unsafe { parse::argp_parse(argp, argc, argv, flags, end_index, input) }
}

/// `argp_help` (glibc manual, "The argp_help Function"): prints the help
/// parts `flags` selects for `argp` to `stream`, naming the program `name`.
///
/// # Safety
/// `argp` is a valid argp tree; `stream` is null or open; `name` a C string.
#[export]
pub unsafe extern "C" fn argp_help(argp: *const argp, stream: *mut FILE, flags: c_uint, name: *mut c_char) {
    // SAFETY: as this function's contract.
    unsafe { help::help(argp, core::ptr::null(), stream, flags, name) }
}

/// `argp_state_help` (glibc manual, "Functions For Use in Argp Parsers"):
/// help for the parse in progress, then maybe exit.
///
/// # Safety
/// `state` is null or the state argp passed to a parser; `stream` is null or
/// open.
#[export]
pub unsafe extern "C" fn argp_state_help(state: *const argp_state, stream: *mut FILE, flags: c_uint) {
    // SAFETY: as this function's contract.
    unsafe { state_help(state, stream, flags) }
}

/// `argp_usage` (glibc manual, "Functions For Use in Argp Parsers"): the
/// standard usage message on stderr, then exit (an inline in glibc's header
/// when optimising, a function otherwise).
///
/// # Safety
/// `state` is null or the state argp passed to a parser.
#[export]
pub unsafe extern "C" fn argp_usage(state: *const argp_state) {
    // SAFETY: as this function's contract; stderr is musl's stream.
    unsafe { state_help(state, musl::stderr, ARGP_HELP_STD_USAGE) }
}

/// The body of `argp_error` (in `argp.c`).
///
/// # Safety
/// `state` is null or a live parsing state; `fmt` and `ap` form a valid
/// printf call.
#[export(local)]
pub unsafe extern "C" fn __gcompat_argp_verror(state: *const argp_state, fmt: *const c_char, ap: VaList) {
    // SAFETY: as this function's contract.
    unsafe {
        if !state.is_null() && (*state).flags & ARGP_NO_ERRS != 0 {
            return;
        }
        let mut buf: *mut c_char = core::ptr::null_mut();
        if glibc_vasprintf(&mut buf, 0, fmt, ap) < 0 {
            buf = core::ptr::null_mut();
        }
        error_message(state, &[text(buf)]);
        libc::free(buf.cast());
    }
}

/// The body of `argp_failure` (in `argp.c`).
///
/// # Safety
/// `state` is null or a live parsing state; `fmt` is null or forms a valid
/// printf call with `ap`.
#[export(local)]
pub unsafe extern "C" fn __gcompat_argp_vfailure(
    state: *const argp_state,
    status: c_int,
    errnum: c_int,
    fmt: *const c_char,
    ap: VaList,
) {
    // SAFETY: as this function's contract.
    unsafe {
        if !state.is_null() && (*state).flags & ARGP_NO_ERRS != 0 {
            return;
        }
        let mut buf: *mut c_char = core::ptr::null_mut();
        if !fmt.is_null() && glibc_vasprintf(&mut buf, 0, fmt, ap) < 0 {
            buf = core::ptr::null_mut();
        }
        let message = if fmt.is_null() { None } else { Some(text(buf)) };
        failure_message(state, status, errnum, message);
        libc::free(buf.cast());
    }
}
