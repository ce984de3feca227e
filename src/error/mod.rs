//! `<error.h>`: `error`, `error_at_line` and their variables, printing exactly
//! what glibc prints (glibc manual, "Error Messages"; misc/error.c).
//!
//! The variadic entry points and the variables are in `error.c`; the
//! variables are read here through their dynamic symbols (see there).

use crate::abi::musl::{program_invocation_name, stderr, stdout};
use crate::abi::{VaList, cstr::Buf};
use crate::stdio::printf::glibc_vfprintf;
use core::ffi::{c_char, c_int, c_uint};
use core::sync::atomic::{AtomicPtr, AtomicU32, Ordering::Relaxed};

unsafe extern "C" {
    static mut error_message_count: c_uint;
    static mut error_one_per_line: c_int;
    static mut error_print_progname: Option<unsafe extern "C" fn()>;
}

/// The last position `error_at_line` reported, for `error_one_per_line`.
static LAST_FILE: AtomicPtr<c_char> = AtomicPtr::new(core::ptr::null_mut());
static LAST_LINE: AtomicU32 = AtomicU32::new(0);

/// Whether `error_at_line` should stay silent because `error_one_per_line` is
/// set and this position is the one it reported last; records the position.
///
/// # Safety
/// `file` is null or a C string, as is the remembered one if it is still live
/// (glibc makes the same assumption).
unsafe fn repeated_position(file: *const c_char, line: c_uint) -> bool {
    let last = LAST_FILE.load(Relaxed);
    let same_file = file == last.cast_const()
        || (!file.is_null()
            && !last.is_null()
            // SAFETY: both are C strings (see above).
            && unsafe { libc::strcmp(file, last) } == 0);
    if LAST_LINE.load(Relaxed) == line && same_file {
        return true;
    }
    LAST_FILE.store(file.cast_mut(), Relaxed);
    LAST_LINE.store(line, Relaxed);
    false
}

/// glibc flushes stdout first, if it is an open descriptor, so that the
/// message lands after what the program printed.
fn flush_stdout() {
    // SAFETY: stdout is musl's FILE pointer (or the program's copy of it).
    unsafe {
        let fd = libc::fileno(stdout);
        if fd != -1 && libc::fcntl(fd, libc::F_GETFL) >= 0 {
            libc::fflush(stdout);
        }
    }
}

/// The body of `error` (`at_line == 0`) and `error_at_line`.
///
/// # Safety
/// `fmt` and `ap` form a valid printf call; `file` is null or a C string.
#[export(local)]
pub unsafe extern "C" fn __gcompat_verror(
    status: c_int,
    errnum: c_int,
    file: *const c_char,
    line: c_uint,
    at_line: c_int,
    fmt: *const c_char,
    ap: VaList,
) {
    // SAFETY: the variables are the program's live copies (or ours); reads
    // race only with a program that changes them from another thread, as in
    // glibc.
    unsafe {
        if at_line != 0 && error_one_per_line != 0 && repeated_position(file, line) {
            return;
        }
        flush_stdout();
        let err = stderr;
        match error_print_progname {
            Some(print) => print(),
            None if at_line != 0 => {
                libc::fprintf(err, c"%s:".as_ptr(), program_invocation_name);
            }
            None => {
                libc::fprintf(err, c"%s: ".as_ptr(), program_invocation_name);
            }
        }
        if at_line != 0 {
            if file.is_null() {
                libc::fputs(c" ".as_ptr(), err);
            } else {
                libc::fprintf(err, c"%s:%u: ".as_ptr(), file, line);
            }
        }
        glibc_vfprintf(err, 0, fmt, ap);
        error_message_count = error_message_count.wrapping_add(1);
        if errnum != 0 {
            let mut text = Buf::<64>::new();
            crate::string::strerror::describe(errnum, &mut text);
            libc::fprintf(err, c": %s".as_ptr(), text.as_ptr());
        }
        libc::fputc(c_int::from(b'\n'), err);
        libc::fflush(err);
        if status != 0 {
            libc::exit(status);
        }
    }
}
