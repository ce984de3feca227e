//! `<getopt.h>` (and `<unistd.h>`'s `getopt`): glibc's getopt for glibc-built
//! callers, musl's for musl-built ones.
//!
//! glibc's `getopt` permutes argv so that options may follow operands
//! (`wc FILE -l`), honours `POSIXLY_CORRECT`, `+`/`-` optstring prefixes,
//! `-W foo`, and prints its own messages (`%s: invalid option -- 'c'`);
//! musl's `getopt` is POSIX's (it stops at the first operand) with other
//! messages. The exported names are fronts in `overrides.c` passing their
//! caller's address (see `abi::caller`); glibc's algorithm is in [`gnu`].
//!
//! `optind`, `opterr`, `optopt` and `optarg` are musl's variables, which a
//! glibc program copy-relocates: they are read and written here through
//! their dynamic symbols (the GOT), so the program's copy is the live one.
//! glibc's private scanning state (`nextchar`, the skipped non-options, the
//! ordering) is the shim's own, as it is glibc's own in glibc.

pub mod gnu;

use crate::abi::{caller, musl};
use crate::musl_next;
use core::cell::UnsafeCell;
use core::ffi::{CStr, c_char, c_int, c_void};
use core::sync::atomic::{
    AtomicBool,
    Ordering::{Acquire, Relaxed, Release},
};
use gnu::{Call, Getopt, LongOption};

unsafe extern "C" {
    static mut optind: c_int;
    static mut opterr: c_int;
    static mut optopt: c_int;
    static mut optarg: *mut c_char;
}

type GetoptFn = unsafe extern "C" fn(c_int, *const *mut c_char, *const c_char) -> c_int;
type GetoptLongFn =
    unsafe extern "C" fn(c_int, *const *mut c_char, *const c_char, *const LongOption, *mut c_int) -> c_int;

musl_next!(fn musl_getopt = "getopt": GetoptFn);
musl_next!(fn musl_posix_getopt = "__posix_getopt": GetoptFn);
musl_next!(fn musl_getopt_long = "getopt_long": GetoptLongFn);
musl_next!(fn musl_getopt_long_only = "getopt_long_only": GetoptLongFn);

/// glibc's state: one per process, as glibc's `getopt_data`. getopt is not
/// thread-safe in glibc either; the lock only keeps the shim sound.
struct Shared {
    busy: AtomicBool,
    state: UnsafeCell<Getopt>,
}

// SAFETY: `state` is only reached while `busy` is held (`with_state`).
unsafe impl Sync for Shared {}

static SHARED: Shared = Shared { busy: AtomicBool::new(false), state: UnsafeCell::new(Getopt::new()) };

fn with_state<R>(f: impl FnOnce(&mut Getopt) -> R) -> R {
    while SHARED.busy.compare_exchange_weak(false, true, Acquire, Relaxed).is_err() {
        core::hint::spin_loop();
    }
    // SAFETY: the lock is held, so this is the only reference.
    let result = f(unsafe { &mut *SHARED.state.get() });
    SHARED.busy.store(false, Release);
    result
}

/// A message piece to stderr (glibc writes getopt's messages to stderr,
/// with argv[0] as the program name). argp's parser says its getopt
/// messages through this too.
pub(crate) fn to_stderr(parts: &[&[u8]]) {
    // SAFETY: stderr is musl's stream (or the program's copy of the pointer).
    unsafe {
        let err = musl::stderr;
        musl::flockfile(err);
        for part in parts {
            libc::fwrite(part.as_ptr().cast(), 1, part.len(), err);
        }
        musl::funlockfile(err);
    }
}

/// The long option table up to its terminating entry (a null name).
///
/// # Safety
/// `longopts` is null or points at a table ending in an entry whose name is
/// null, which outlives `'a`.
unsafe fn long_options<'a>(longopts: *const LongOption) -> Option<&'a [LongOption]> {
    if longopts.is_null() {
        return None;
    }
    let mut n = 0;
    // SAFETY: the table is terminated (the caller).
    while !unsafe { (*longopts.add(n)).name }.is_null() {
        n += 1;
    }
    // SAFETY: `n` initialised entries precede the terminator.
    Some(unsafe { core::slice::from_raw_parts(longopts, n) })
}

/// glibc's `_getopt_internal`: the program's variables in, one step of
/// glibc's algorithm, the variables out.
///
/// # Safety
/// As `getopt_long`: `argv` holds `argc` C strings; `optstring` is a C
/// string; `longopts` is null or a terminated table; `longind` is null or
/// writable.
unsafe fn glibc_getopt(
    argc: c_int,
    argv: *const *mut c_char,
    optstring: *const c_char,
    longopts: *const LongOption,
    longind: *mut c_int,
    long_only: bool,
    posixly_correct: bool,
) -> c_int {
    let optstring: &[u8] = if optstring.is_null() {
        b""
    } else {
        // SAFETY: a C string (the caller).
        unsafe { CStr::from_ptr(optstring) }.to_bytes()
    };
    // SAFETY: as the caller's contract.
    let longopts = unsafe { long_options(longopts) };
    with_state(|d| {
        // SAFETY: the variables are the program's live copies (or musl's);
        // glibc's getopt is not thread-safe either.
        unsafe {
            d.optind = optind;
            d.opterr = opterr;
        }
        let result = match usize::try_from(argc) {
            Ok(n) if n >= 1 && !argv.is_null() => {
                // SAFETY: argv holds argc pointers; glibc permutes them in
                // place although the prototype says `char *const *`.
                let argv = unsafe { core::slice::from_raw_parts_mut(argv.cast_mut(), n) };
                let call = Call { optstring, longopts, longind, long_only, posixly_correct };
                // SAFETY: as the caller's contract.
                unsafe { d.next(argv, &call, &mut to_stderr) }
            }
            _ => -1,
        };
        // SAFETY: as above.
        unsafe {
            optind = d.optind;
            optarg = d.optarg;
            optopt = d.optopt;
        }
        result
    })
}

/// `getopt` (glibc manual, "Using Getopt"; POSIX): the next option in argv.
///
/// # Safety
/// As `getopt`.
///
/// # glibc differences
/// None for glibc callers (glibc's algorithm and messages); musl callers get
/// musl's getopt.
#[export(local)]
pub unsafe extern "C" fn __gcompat_getopt(
    argc: c_int,
    argv: *const *mut c_char,
    optstring: *const c_char,
    caller: *const c_void,
) -> c_int {
    if !caller::is_glibc(caller) {
        // SAFETY: musl's own getopt with the caller's arguments.
        return unsafe { musl_getopt()(argc, argv, optstring) };
    }
    // SAFETY: as getopt.
    unsafe { glibc_getopt(argc, argv, optstring, core::ptr::null(), core::ptr::null_mut(), false, false) }
}

/// `__posix_getopt`: glibc's getopt as POSIX has it (no permutation), which
/// glibc's headers call under strict POSIX feature macros.
///
/// # Safety
/// As `getopt`.
#[export(local)]
pub unsafe extern "C" fn __gcompat_posix_getopt(
    argc: c_int,
    argv: *const *mut c_char,
    optstring: *const c_char,
    caller: *const c_void,
) -> c_int {
    if !caller::is_glibc(caller) {
        // SAFETY: musl's own __posix_getopt with the caller's arguments.
        return unsafe { musl_posix_getopt()(argc, argv, optstring) };
    }
    // SAFETY: as getopt.
    unsafe { glibc_getopt(argc, argv, optstring, core::ptr::null(), core::ptr::null_mut(), false, true) }
}

/// `getopt_long` (glibc manual, "Getopt Long Options"): short options and
/// `--name[=value]` long ones, abbreviated to any unique prefix.
///
/// # Safety
/// As `getopt_long`.
#[export(local)]
pub unsafe extern "C" fn __gcompat_getopt_long(
    argc: c_int,
    argv: *const *mut c_char,
    optstring: *const c_char,
    longopts: *const LongOption,
    longind: *mut c_int,
    caller: *const c_void,
) -> c_int {
    if !caller::is_glibc(caller) {
        // SAFETY: musl's own getopt_long with the caller's arguments.
        return unsafe { musl_getopt_long()(argc, argv, optstring, longopts, longind) };
    }
    // SAFETY: as getopt_long.
    unsafe { glibc_getopt(argc, argv, optstring, longopts, longind, false, false) }
}

/// `getopt_long_only` (glibc manual, "Getopt Long Options"): as
/// `getopt_long`, and `-name` is a long option too unless it is a valid
/// single short option.
///
/// # Safety
/// As `getopt_long_only`.
#[export(local)]
pub unsafe extern "C" fn __gcompat_getopt_long_only(
    argc: c_int,
    argv: *const *mut c_char,
    optstring: *const c_char,
    longopts: *const LongOption,
    longind: *mut c_int,
    caller: *const c_void,
) -> c_int {
    if !caller::is_glibc(caller) {
        // SAFETY: musl's own getopt_long_only with the caller's arguments.
        return unsafe { musl_getopt_long_only()(argc, argv, optstring, longopts, longind) };
    }
    // SAFETY: as getopt_long_only.
    unsafe { glibc_getopt(argc, argv, optstring, longopts, longind, true, false) }
}
