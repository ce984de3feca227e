//! `<regex.h>`: glibc's regular expressions, POSIX and GNU interfaces, with
//! glibc's layouts (`regex_t` is glibc's 64-byte `struct re_pattern_buffer`,
//! `regmatch_t` has `int` offsets), syntax bits, error codes and messages.
//!
//! musl has no GNU interface (`re_compile_pattern`, `re_search`, ...,
//! `re_syntax_options`), which Debian's grep, sed, find and diff call, and
//! its `regcomp`/`regexec` use other layouts (`re_nsub` first, 16-byte
//! `regmatch_t`). So the POSIX four are overrides: fronts in `overrides.c`
//! pass their caller's address and musl-built callers get musl's own
//! (`abi::caller`, `musl_next!`).
//!
//! The engine is the shim's own, not musl's TRE: TRE knows none of glibc's
//! syntax bits and fills registers by other rules. Design (see
//! [`compile`], [`dfa`] and [`exec`]): the pattern is parsed by glibc's
//! grammar into a tree and compiled to an NFA program. Without
//! back-references, a lazily built DFA (cached in the compiled pattern)
//! decides in one linear pass whether and where the earliest match ends,
//! then finds the leftmost start and its longest end; a Pike-style
//! simulation (O(n·m), no backtracking) is the fallback when the DFA cache
//! overflows or another thread holds it. Registers come from a
//! preference-ordered backtracking search constrained to end at that end,
//! with visited (instruction, position) pairs memoized, and glibc's
//! `update_regs` rule for empty matches of optional groups: it picks the
//! path glibc's `set_regs` picks. Patterns with back-references are
//! searched by full backtracking (a step budget gives `REG_ESPACE`).
//!
//! Byte-oriented, as glibc is in the C locale; in a UTF-8 locale glibc
//! matches multibyte characters where this matches bytes.
//!
//! `re_syntax_options` is data a glibc program copy-relocates: it is defined
//! in `overrides.c` and read through its dynamic symbol (the GOT), so the
//! program's copy is the live one.

pub mod compile;
pub mod dfa;
pub mod exec;

use crate::abi::caller;
use crate::abi::glibc_types::{re_pattern_buffer, re_registers, regmatch_t};
use crate::abi::vec::Vec;
use crate::musl_next;
use compile::*;
use core::ffi::{c_char, c_int, c_uint, c_void};
use exec::Input;

unsafe extern "C" {
    fn __gcompat_get_re_syntax_options() -> u64;
    fn __gcompat_set_re_syntax_options(value: u64);
}

const REG_EXTENDED: c_int = 1;
const REG_ICASE: c_int = 2;
const REG_NEWLINE: c_int = 4;
const REG_NOSUB: c_int = 8;
const REG_NOTBOL: c_int = 1;
const REG_NOTEOL: c_int = 2;
const REG_STARTEND: c_int = 4;
const REG_NOMATCH: c_int = 1;

const REGS_UNALLOCATED: u8 = 0;
const REGS_REALLOCATE: u8 = 1;
const REGS_FIXED: u8 = 2;

/// glibc's `__re_error_msgid`, indexed by error code.
const MESSAGES: [&[u8]; 17] = [
    b"Success\0",
    b"No match\0",
    b"Invalid regular expression\0",
    b"Invalid collation character\0",
    b"Invalid character class name\0",
    b"Trailing backslash\0",
    b"Invalid back reference\0",
    b"Unmatched [, [^, [:, [., or [=\0",
    b"Unmatched ( or \\(\0",
    b"Unmatched \\{\0",
    b"Invalid content of \\{\\}\0",
    b"Invalid range end\0",
    b"Memory exhausted\0",
    b"Invalid preceding regular expression\0",
    b"Premature end of regular expression\0",
    b"Regular expression too big\0",
    b"Unmatched ) or \\)\0",
];

fn message(code: c_int) -> *const c_char {
    MESSAGES[code as usize].as_ptr().cast()
}

// The bitfield byte after re_nsub (x86_64 little-endian bit order).
const CAN_BE_NULL: u8 = 1;
const REGS_SHIFT: u8 = 1;
const FASTMAP_ACCURATE: u8 = 1 << 3;
const NO_SUB: u8 = 1 << 4;
const NOT_BOL: u8 = 1 << 5;
const NOT_EOL: u8 = 1 << 6;
const NEWLINE_ANCHOR: u8 = 1 << 7;

/// # Safety
/// `buf` points at a glibc pattern buffer.
unsafe fn bits(buf: *mut re_pattern_buffer) -> *mut u8 {
    // SAFETY: the bitfield unit is byte 56 of the 64-byte struct.
    unsafe { (&raw mut (*buf)._bitfield_1).cast::<u8>() }
}

/// # Safety
/// `buf` points at a glibc pattern buffer.
unsafe fn set_bit(buf: *mut re_pattern_buffer, bit: u8, on: bool) {
    // SAFETY: per the caller.
    unsafe {
        let b = bits(buf);
        *b = if on { *b | bit } else { *b & !bit };
    }
}

/// # Safety
/// `buf` points at a glibc pattern buffer.
unsafe fn get_bit(buf: *mut re_pattern_buffer, bit: u8) -> bool {
    // SAFETY: per the caller.
    unsafe { *bits(buf) & bit != 0 }
}

/// # Safety
/// `buf` points at a glibc pattern buffer.
unsafe fn regs_allocated(buf: *mut re_pattern_buffer) -> u8 {
    // SAFETY: per the caller.
    unsafe { (*bits(buf) >> REGS_SHIFT) & 3 }
}

/// # Safety
/// `buf` points at a glibc pattern buffer.
unsafe fn set_regs_allocated(buf: *mut re_pattern_buffer, value: u8) {
    // SAFETY: per the caller.
    unsafe {
        let b = bits(buf);
        *b = (*b & !(3 << REGS_SHIFT)) | (value & 3) << REGS_SHIFT;
    }
}

/// The compiled program a buffer holds, if any.
///
/// # Safety
/// `buf` points at a glibc pattern buffer this module compiled (or one
/// whose `used` is 0).
unsafe fn program<'a>(buf: *mut re_pattern_buffer) -> Option<&'a Prog> {
    // SAFETY: per the caller; `used` is set only once a Prog is in place.
    unsafe {
        if (*buf).buffer.is_null() || (*buf).used as usize != core::mem::size_of::<Prog>() {
            return None;
        }
        Some(&*(*buf).buffer.cast::<Prog>())
    }
}

/// glibc's re_compile_internal: the Prog lives in `buffer` (reallocated if
/// `allocated` is too small, reused otherwise, as glibc reuses its dfa).
///
/// # Safety
/// `buf` points at a glibc pattern buffer; `translate` null or 256 bytes.
unsafe fn compile_internal(buf: *mut re_pattern_buffer, pat: &[u8], syntax: u64) -> c_int {
    // SAFETY: per the caller.
    unsafe {
        set_bit(buf, FASTMAP_ACCURATE | NOT_BOL | NOT_EOL | CAN_BE_NULL, false);
        set_regs_allocated(buf, REGS_UNALLOCATED);
        (*buf).syntax = syntax;
        (*buf).used = 0;
        (*buf).re_nsub = 0;
        let size = core::mem::size_of::<Prog>();
        if ((*buf).allocated as usize) < size {
            let p = libc::realloc((*buf).buffer.cast(), size);
            if p.is_null() {
                return REG_ESPACE;
            }
            (*buf).buffer = p.cast();
            (*buf).allocated = size as _;
        }
        let translate = (*buf).translate;
        let table = if translate.is_null() { None } else { Some(&*translate.cast::<[u8; 256]>()) };
        let mut nsub = 0;
        let result = compile(pat, syntax, table, &mut nsub);
        (*buf).re_nsub = nsub;
        match result {
            Ok(prog) => {
                (*buf).buffer.cast::<Prog>().write(prog);
                (*buf).used = size as _;
                0
            }
            Err(code) => {
                libc::free((*buf).buffer.cast());
                (*buf).buffer = core::ptr::null_mut();
                (*buf).allocated = 0;
                code
            }
        }
    }
}

/// glibc's re_compile_fastmap body.
///
/// # Safety
/// `buf` points at a glibc pattern buffer.
unsafe fn compile_fastmap(buf: *mut re_pattern_buffer) {
    // SAFETY: per the caller; `fastmap` is the caller's 256 bytes.
    unsafe {
        let fastmap = (*buf).fastmap;
        if fastmap.is_null() {
            return;
        }
        let Some(prog) = program(buf) else { return };
        for b in 0..=255u8 {
            *fastmap.add(usize::from(b)) = c_char::from(set_has(&prog.first, b));
        }
        set_bit(buf, CAN_BE_NULL, prog.can_be_null);
        set_bit(buf, FASTMAP_ACCURATE, true);
    }
}

// ---------------------------------------------------------------- POSIX

type RegcompFn = unsafe extern "C" fn(*mut c_void, *const c_char, c_int) -> c_int;
type RegexecFn = unsafe extern "C" fn(*const c_void, *const c_char, usize, *mut c_void, c_int) -> c_int;
type RegerrorFn = unsafe extern "C" fn(c_int, *const c_void, *mut c_char, usize) -> usize;
type RegfreeFn = unsafe extern "C" fn(*mut c_void);
musl_next!(fn musl_regcomp = "regcomp": RegcompFn);
musl_next!(fn musl_regexec = "regexec": RegexecFn);
musl_next!(fn musl_regerror = "regerror": RegerrorFn);
musl_next!(fn musl_regfree = "regfree": RegfreeFn);

/// `regcomp` (POSIX; glibc manual "POSIX Regular Expression Compilation").
///
/// # Safety
/// `preg` points at a `regex_t` of the caller's libc; `pattern` is a C string.
#[export(local)]
pub unsafe extern "C" fn __gcompat_regcomp(
    preg: *mut c_void,
    pattern: *const c_char,
    cflags: c_int,
    caller: *const c_void,
) -> c_int {
    if !caller::is_glibc(caller) {
        // SAFETY: musl's regcomp with the caller's arguments.
        return unsafe { musl_regcomp()(preg, pattern, cflags) };
    }
    let buf = preg.cast::<re_pattern_buffer>();
    let mut syntax = if cflags & REG_EXTENDED != 0 { RE_SYNTAX_POSIX_EXTENDED } else { RE_SYNTAX_POSIX_BASIC };
    // SAFETY: a glibc caller passes a glibc regex_t and a C string.
    unsafe {
        (*buf).buffer = core::ptr::null_mut();
        (*buf).allocated = 0;
        (*buf).used = 0;
        (*buf).fastmap = libc::malloc(256).cast();
        if (*buf).fastmap.is_null() {
            return REG_ESPACE;
        }
        if cflags & REG_ICASE != 0 {
            syntax |= RE_ICASE;
        }
        if cflags & REG_NEWLINE != 0 {
            syntax &= !RE_DOT_NEWLINE;
            syntax |= RE_HAT_LISTS_NOT_NEWLINE;
        }
        set_bit(buf, NEWLINE_ANCHOR, cflags & REG_NEWLINE != 0);
        set_bit(buf, NO_SUB, cflags & REG_NOSUB != 0);
        (*buf).translate = core::ptr::null_mut();
        let pat = core::ffi::CStr::from_ptr(pattern).to_bytes();
        let mut ret = compile_internal(buf, pat, syntax);
        if ret == REG_ERPAREN {
            ret = REG_EPAREN;
        }
        if ret == 0 {
            compile_fastmap(buf);
        } else {
            libc::free((*buf).fastmap.cast());
            (*buf).fastmap = core::ptr::null_mut();
        }
        ret
    }
}

/// `regexec` (POSIX; glibc manual "Matching a Compiled POSIX Regular
/// Expression"), glibc's GLIBC_2.3.4 version (honours `REG_STARTEND`).
///
/// # Safety
/// `preg` was compiled by the same libc's regcomp; `string` is a C string
/// (or, with `REG_STARTEND`, `pmatch[0]` bounds it); `pmatch` has `nmatch`
/// entries.
#[export(local)]
pub unsafe extern "C" fn __gcompat_regexec(
    preg: *const c_void,
    string: *const c_char,
    nmatch: usize,
    pmatch: *mut c_void,
    eflags: c_int,
    caller: *const c_void,
) -> c_int {
    if !caller::is_glibc(caller) {
        // SAFETY: musl's regexec with the caller's arguments.
        return unsafe { musl_regexec()(preg, string, nmatch, pmatch, eflags) };
    }
    if eflags & !(REG_NOTBOL | REG_NOTEOL | REG_STARTEND) != 0 {
        return REG_BADPAT;
    }
    let buf = preg.cast_mut().cast::<re_pattern_buffer>();
    let pmatch = pmatch.cast::<regmatch_t>();
    // SAFETY: a glibc caller's regex_t, string and pmatch array.
    unsafe {
        let (start, length) = if eflags & REG_STARTEND != 0 {
            ((*pmatch).rm_so as isize, (*pmatch).rm_eo as isize)
        } else {
            (0, libc::strlen(string) as isize)
        };
        if start < 0 || length < start {
            return REG_NOMATCH;
        }
        let Some(prog) = program(buf) else { return REG_NOMATCH };
        let nmatch = if get_bit(buf, NO_SUB) { 0 } else { nmatch };
        let text = core::slice::from_raw_parts(string.cast::<u8>(), length as usize);
        let inp = Input {
            text,
            stop: text.len(),
            not_bol: eflags & REG_NOTBOL != 0,
            not_eol: eflags & REG_NOTEOL != 0,
            newline_anchor: get_bit(buf, NEWLINE_ANCHOR),
        };
        let used = nmatch.min(prog.nsub + 1);
        // Registers on the stack for the usual few; the heap beyond.
        let mut small = [-1isize; 20];
        let mut heap: Vec<isize>;
        let out: &mut [isize] = if 2 * used.max(1) <= small.len() {
            &mut small[..2 * used.max(1)]
        } else {
            match Vec::with_len(2 * used, -1isize) {
                Ok(v) => heap = v,
                Err(_) => return REG_ESPACE,
            }
            &mut heap
        };
        match exec::search(prog, &inp, start as usize, length as usize, out) {
            Ok(true) => {
                for i in 0..nmatch {
                    let m = &mut *pmatch.add(i);
                    if i < used {
                        m.rm_so = out[2 * i] as c_int;
                        m.rm_eo = out[2 * i + 1] as c_int;
                    } else {
                        m.rm_so = -1;
                        m.rm_eo = -1;
                    }
                }
                0
            }
            Ok(false) => REG_NOMATCH,
            // Out of memory or over the step budget: glibc's REG_ESPACE,
            // never a "no match" a deny-if-it-matches filter would pass.
            Err(_) => REG_ESPACE,
        }
    }
}

/// `regerror` (POSIX): glibc's message for `errcode`, truncated to
/// `errbuf_size`; returns the message's size with its NUL. glibc aborts on
/// an unknown code.
///
/// # Safety
/// `errbuf` has `errbuf_size` bytes.
#[export(local)]
pub unsafe extern "C" fn __gcompat_regerror(
    errcode: c_int,
    preg: *const c_void,
    errbuf: *mut c_char,
    errbuf_size: usize,
    caller: *const c_void,
) -> usize {
    if !caller::is_glibc(caller) {
        // SAFETY: musl's regerror with the caller's arguments.
        return unsafe { musl_regerror()(errcode, preg, errbuf, errbuf_size) };
    }
    if !(0..MESSAGES.len() as c_int).contains(&errcode) {
        // SAFETY: glibc aborts here too.
        unsafe { libc::abort() };
    }
    let msg = MESSAGES[errcode as usize];
    if errbuf_size != 0 {
        let n = msg.len().min(errbuf_size);
        // SAFETY: the caller's buffer holds errbuf_size bytes.
        unsafe {
            core::ptr::copy_nonoverlapping(msg.as_ptr(), errbuf.cast::<u8>(), n);
            *errbuf.add(n - 1) = 0;
        }
    }
    msg.len()
}

/// `regfree` (POSIX): frees the program, the fastmap and the translate table.
///
/// # Safety
/// `preg` was compiled by the same libc's regcomp.
#[export(local)]
pub unsafe extern "C" fn __gcompat_regfree(preg: *mut c_void, caller: *const c_void) {
    if !caller::is_glibc(caller) {
        // SAFETY: musl's regfree with the caller's argument.
        return unsafe { musl_regfree()(preg) };
    }
    // SAFETY: a glibc regex_t.
    unsafe { free_buffer(preg.cast()) }
}

/// # Safety
/// `buf` points at a glibc pattern buffer.
unsafe fn free_buffer(buf: *mut re_pattern_buffer) {
    // SAFETY: per the caller; the pointers are null or malloc'd.
    unsafe {
        if program(buf).is_some() {
            core::ptr::drop_in_place((*buf).buffer.cast::<Prog>());
        }
        libc::free((*buf).buffer.cast());
        (*buf).buffer = core::ptr::null_mut();
        (*buf).allocated = 0;
        (*buf).used = 0;
        libc::free((*buf).fastmap.cast());
        (*buf).fastmap = core::ptr::null_mut();
        libc::free((*buf).translate.cast());
        (*buf).translate = core::ptr::null_mut();
    }
}

// ------------------------------------------------------------------ GNU

/// `re_set_syntax` (glibc manual "GNU Regular Expression Syntax"): sets
/// `re_syntax_options`, returns the old value.
///
/// # Safety
/// None beyond the C contract.
#[export]
pub unsafe extern "C" fn re_set_syntax(syntax: u64) -> u64 {
    // SAFETY: the accessors read and write the live copy.
    unsafe {
        let old = __gcompat_get_re_syntax_options();
        __gcompat_set_re_syntax_options(syntax);
        old
    }
}

/// `re_compile_pattern` (GNU): compiles `length` bytes under
/// `re_syntax_options`; NULL on success, else glibc's message.
///
/// # Safety
/// `bufp` is a glibc pattern buffer; `pattern` has `length` bytes.
#[export]
pub unsafe extern "C" fn re_compile_pattern(
    pattern: *const c_char,
    length: usize,
    bufp: *mut re_pattern_buffer,
) -> *const c_char {
    // SAFETY: per the contract.
    unsafe {
        let syntax = __gcompat_get_re_syntax_options();
        set_bit(bufp, NO_SUB, syntax & RE_NO_SUB != 0);
        set_bit(bufp, NEWLINE_ANCHOR, true);
        let pat = if length == 0 { &[][..] } else { core::slice::from_raw_parts(pattern.cast::<u8>(), length) };
        let ret = compile_internal(bufp, pat, syntax);
        if ret == 0 { core::ptr::null() } else { message(ret) }
    }
}

/// `re_compile_fastmap` (GNU): fills `bufp->fastmap` with the bytes that
/// can begin a match. Returns 0.
///
/// # Safety
/// `bufp` is a compiled glibc pattern buffer.
#[export]
pub unsafe extern "C" fn re_compile_fastmap(bufp: *mut re_pattern_buffer) -> c_int {
    // SAFETY: per the contract.
    unsafe { compile_fastmap(bufp) };
    0
}

/// `re_set_registers` (GNU): hands the caller's register arrays to later
/// searches (REGS_REALLOCATE), or none (REGS_UNALLOCATED).
///
/// # Safety
/// `bufp` and `regs` are valid; `starts`/`ends` are malloc'd arrays of
/// `num_regs` entries or null.
#[export]
pub unsafe extern "C" fn re_set_registers(
    bufp: *mut re_pattern_buffer,
    regs: *mut re_registers,
    num_regs: c_uint,
    starts: *mut c_int,
    ends: *mut c_int,
) {
    // SAFETY: per the contract.
    unsafe {
        if num_regs != 0 {
            set_regs_allocated(bufp, REGS_REALLOCATE);
            (*regs).num_regs = num_regs;
            (*regs).start = starts;
            (*regs).end = ends;
        } else {
            set_regs_allocated(bufp, REGS_UNALLOCATED);
            (*regs).num_regs = 0;
            (*regs).start = core::ptr::null_mut();
            (*regs).end = core::ptr::null_mut();
        }
    }
}

/// glibc's re_copy_regs: returns the new regs_allocated state.
///
/// # Safety
/// `regs` is valid; its arrays are as `allocated` says.
unsafe fn copy_regs(regs: *mut re_registers, pm: &[isize], allocated: u8) -> u8 {
    let nregs = pm.len() / 2;
    let need = nregs + 1;
    // SAFETY: per the caller.
    unsafe {
        let r = &mut *regs;
        let mut state = allocated;
        if allocated == REGS_UNALLOCATED {
            r.start = libc::malloc(need * 4).cast();
            r.end = libc::malloc(need * 4).cast();
            if r.start.is_null() || r.end.is_null() {
                libc::free(r.start.cast());
                libc::free(r.end.cast());
                return REGS_UNALLOCATED;
            }
            r.num_regs = need as c_uint;
            state = REGS_REALLOCATE;
        } else if allocated == REGS_REALLOCATE {
            if need > r.num_regs as usize {
                let s = libc::realloc(r.start.cast(), need * 4);
                if s.is_null() {
                    return REGS_UNALLOCATED;
                }
                r.start = s.cast();
                let e = libc::realloc(r.end.cast(), need * 4);
                if e.is_null() {
                    return REGS_UNALLOCATED;
                }
                r.end = e.cast();
                r.num_regs = need as c_uint;
            }
        } else {
            state = REGS_FIXED;
        }
        let mut i = 0;
        while i < nregs {
            *r.start.add(i) = pm[2 * i] as c_int;
            *r.end.add(i) = pm[2 * i + 1] as c_int;
            i += 1;
        }
        while i < r.num_regs as usize {
            *r.start.add(i) = -1;
            *r.end.add(i) = -1;
            i += 1;
        }
        state
    }
}

/// glibc's re_search_stub.
///
/// # Safety
/// `bufp` is a glibc pattern buffer; `text` its subject.
unsafe fn search_stub(
    bufp: *mut re_pattern_buffer,
    text: &[u8],
    start: isize,
    range: isize,
    stop: isize,
    mut regs: *mut re_registers,
    ret_len: bool,
) -> isize {
    let length = text.len() as isize;
    if start < 0 || start > length {
        return -1;
    }
    let last_start = match start.checked_add(range) {
        Some(e) if e > length => length,
        Some(e) if e < 0 => 0,
        Some(e) => e,
        None => {
            if range > 0 {
                length
            } else {
                0
            }
        }
    };
    // SAFETY: per the caller.
    unsafe {
        if start < last_start && !(*bufp).fastmap.is_null() && !get_bit(bufp, FASTMAP_ACCURATE) {
            compile_fastmap(bufp);
        }
        if get_bit(bufp, NO_SUB) {
            regs = core::ptr::null_mut();
        }
        let nsub = (*bufp).re_nsub;
        let nregs = if regs.is_null() {
            1
        } else if regs_allocated(bufp) == REGS_FIXED && ((*regs).num_regs as usize) <= nsub {
            let n = (*regs).num_regs as usize;
            if n < 1 {
                regs = core::ptr::null_mut();
                1
            } else {
                n
            }
        } else {
            nsub + 1
        };
        let Some(prog) = program(bufp) else { return -1 };
        let stop = stop.clamp(0, length) as usize;
        let inp = Input {
            text,
            stop,
            not_bol: get_bit(bufp, NOT_BOL),
            not_eol: get_bit(bufp, NOT_EOL),
            newline_anchor: get_bit(bufp, NEWLINE_ANCHOR),
        };
        let mut small = [-1isize; 20];
        let mut heap: Vec<isize>;
        let pm: &mut [isize] = if 2 * nregs <= small.len() {
            &mut small[..2 * nregs]
        } else {
            match Vec::with_len(2 * nregs, -1isize) {
                Ok(v) => heap = v,
                Err(_) => return -2,
            }
            &mut heap
        };
        // glibc gives registers beyond the pattern's groups -1.
        let k = (2 * (prog.nsub + 1)).min(pm.len());
        let found = exec::search(prog, &inp, start as usize, last_start as usize, &mut pm[..k]);
        match found {
            Err(_) => return -2,
            Ok(false) => return -1,
            Ok(true) => {}
        }
        if !regs.is_null() {
            let state = copy_regs(regs, pm, regs_allocated(bufp));
            set_regs_allocated(bufp, state);
            if state == REGS_UNALLOCATED {
                return -2;
            }
        }
        if ret_len { pm[1] - start } else { pm[0] }
    }
}

/// # Safety
/// `p` has `n` bytes (or n is 0).
unsafe fn bytes<'a>(p: *const c_char, n: usize) -> &'a [u8] {
    if n == 0 {
        &[]
    } else {
        // SAFETY: per the caller.
        unsafe { core::slice::from_raw_parts(p.cast(), n) }
    }
}

/// `re_search` (GNU): the first match starting in `start..=start+range`
/// (searching backwards for a negative range); its start, -1, or -2.
///
/// # Safety
/// `bufp` is a glibc pattern buffer, `string` has `length` bytes, `regs`
/// null or valid.
#[export]
pub unsafe extern "C" fn re_search(
    bufp: *mut re_pattern_buffer,
    string: *const c_char,
    length: c_int,
    start: c_int,
    range: c_int,
    regs: *mut re_registers,
) -> c_int {
    if length < 0 {
        return -1;
    }
    // SAFETY: per the contract.
    unsafe {
        let text = bytes(string, length as usize);
        search_stub(bufp, text, start as isize, range as isize, length as isize, regs, false) as c_int
    }
}

/// `re_match` (GNU): the length of the match anchored at `start`, -1, or -2.
///
/// # Safety
/// As [`re_search`].
#[export]
pub unsafe extern "C" fn re_match(
    bufp: *mut re_pattern_buffer,
    string: *const c_char,
    length: c_int,
    start: c_int,
    regs: *mut re_registers,
) -> c_int {
    if length < 0 {
        return -1;
    }
    // SAFETY: per the contract.
    unsafe {
        let text = bytes(string, length as usize);
        search_stub(bufp, text, start as isize, 0, length as isize, regs, true) as c_int
    }
}

/// glibc's re_search_2_stub: the two strings joined.
///
/// # Safety
/// The strings have their lengths.
#[allow(clippy::too_many_arguments)]
unsafe fn search_2(
    bufp: *mut re_pattern_buffer,
    s1: *const c_char,
    l1: c_int,
    s2: *const c_char,
    l2: c_int,
    start: c_int,
    range: c_int,
    regs: *mut re_registers,
    stop: c_int,
    ret_len: bool,
) -> c_int {
    if l1 < 0 || l2 < 0 || stop < 0 || l1.checked_add(l2).is_none() {
        return -2;
    }
    let total = (l1 + l2) as usize;
    let Ok(mut joined) = Vec::<u8>::with_len(total, 0) else { return -2 };
    // SAFETY: per the contract.
    unsafe {
        joined[..l1 as usize].copy_from_slice(bytes(s1, l1 as usize));
        joined[l1 as usize..].copy_from_slice(bytes(s2, l2 as usize));
        search_stub(bufp, &joined, start as isize, range as isize, stop as isize, regs, ret_len) as c_int
    }
}

/// `re_search_2` (GNU): `re_search` over two strings taken as one, not
/// matching past `stop`.
///
/// # Safety
/// As [`re_search`], for both strings.
#[export]
pub unsafe extern "C" fn re_search_2(
    bufp: *mut re_pattern_buffer,
    string1: *const c_char,
    length1: c_int,
    string2: *const c_char,
    length2: c_int,
    start: c_int,
    range: c_int,
    regs: *mut re_registers,
    stop: c_int,
) -> c_int {
    // SAFETY: per the contract.
    unsafe { search_2(bufp, string1, length1, string2, length2, start, range, regs, stop, false) }
}

/// `re_match_2` (GNU): `re_match` over two strings taken as one.
///
/// # Safety
/// As [`re_search_2`].
#[export]
pub unsafe extern "C" fn re_match_2(
    bufp: *mut re_pattern_buffer,
    string1: *const c_char,
    length1: c_int,
    string2: *const c_char,
    length2: c_int,
    start: c_int,
    regs: *mut re_registers,
    stop: c_int,
) -> c_int {
    // SAFETY: per the contract.
    unsafe { search_2(bufp, string1, length1, string2, length2, start, 0, regs, stop, true) }
}

/// BSD's `re_comp`/`re_exec` buffer (glibc keeps one, as here).
struct CompBuf(core::cell::UnsafeCell<re_pattern_buffer>);
// SAFETY: re_comp is not thread-safe in glibc either; the buffer is only
// touched by re_comp/re_exec.
unsafe impl Sync for CompBuf {}
// SAFETY: an all-zero pattern buffer is glibc's initial state.
static RE_COMP_BUF: CompBuf = CompBuf(core::cell::UnsafeCell::new(unsafe { core::mem::zeroed() }));

/// `re_comp` (BSD, in glibc): compiles into a static buffer under
/// `re_syntax_options`; NULL or the error message. NULL `s` keeps the
/// previous pattern.
///
/// # Safety
/// `s` is a C string or null.
#[export]
pub unsafe extern "C" fn re_comp(s: *const c_char) -> *const c_char {
    let buf = RE_COMP_BUF.0.get();
    // SAFETY: the static buffer; `s` per the contract.
    unsafe {
        if s.is_null() {
            return if (*buf).buffer.is_null() {
                c"No previous regular expression".as_ptr()
            } else {
                core::ptr::null()
            };
        }
        if !(*buf).buffer.is_null() {
            let fastmap = (*buf).fastmap;
            (*buf).fastmap = core::ptr::null_mut();
            free_buffer(buf);
            core::ptr::write_bytes(buf, 0, 1);
            (*buf).fastmap = fastmap;
        }
        if (*buf).fastmap.is_null() {
            (*buf).fastmap = libc::malloc(256).cast();
            if (*buf).fastmap.is_null() {
                return message(REG_ESPACE);
            }
        }
        set_bit(buf, NEWLINE_ANCHOR, true);
        let pat = core::ffi::CStr::from_ptr(s).to_bytes();
        let ret = compile_internal(buf, pat, __gcompat_get_re_syntax_options());
        if ret == 0 { core::ptr::null() } else { message(ret) }
    }
}

/// `re_exec` (BSD, in glibc): 1 if `s` matches the last `re_comp` pattern.
///
/// # Safety
/// `s` is a C string.
#[export]
pub unsafe extern "C" fn re_exec(s: *const c_char) -> c_int {
    // SAFETY: per the contract.
    unsafe {
        let len = libc::strlen(s) as c_int;
        c_int::from(re_search(RE_COMP_BUF.0.get(), s, len, 0, len, core::ptr::null_mut()) >= 0)
    }
}
