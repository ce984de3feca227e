//! `<execinfo.h>`: `backtrace`, `backtrace_symbols`, `backtrace_symbols_fd`
//! (glibc `debug/backtrace.c`, `debug/backtracesyms.c`,
//! `debug/backtracesymsfd.c`), which musl does not have.
//!
//! `backtrace` walks the stack with libgcc's unwinder (`_Unwind_Backtrace`),
//! loaded on first use with `dlopen("libgcc_s.so.1")` as glibc does: the
//! return addresses of the caller's frames, innermost first, `backtrace`'s
//! own frame skipped. The walk is in `backtrace.c`, which can name its own
//! frame. When libgcc_s cannot be loaded (glibc then returns 0), it falls
//! back to following frame pointers: exact for code built with
//! `-fno-omit-frame-pointer`, short or missing frames for code without
//! (with `GCOMPAT_LOG=warn` it says so once).
//!
//! Which libgcc_s loads: on Alpine, its own musl-built one. A glibc-built
//! `libgcc_s.so.1` (Debian's, or one bundled with a vendor program) needs
//! glibc's `_dl_find_object` (the shim has it, `dlfcn::find_object`) and
//! binds its own `__cpu_indicator_init` and `__cpu_model`, which it defines
//! only at non-default versions (`@GCC_4.8.0`): musl's loader skips those,
//! so it fails to load and `backtrace` follows frame pointers (the test
//! harness's case, whose library path holds Debian's).
//!
//! On musl no unwinder gets through a frame of musl's own `libc.so`: it is
//! built without unwind tables, so a trace taken in a callback from musl
//! (`qsort`, `bsearch`, `atexit` handlers) ends in the libc frame.
//!
//! `backtrace_symbols` and `backtrace_symbols_fd` print glibc's lines from
//! musl's `dladdr`: `file(symbol+0xoff) [0xaddr]`, `file(+0xoff) [0xaddr]`
//! with the offset from the object's load bias when no symbol covers the
//! address, `[0xaddr]` when no object does.

use crate::abi::cstr::write_all;
use crate::abi::objects;
use core::ffi::{CStr, c_char, c_int, c_void};
use core::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};

/// libgcc's unwinder entry points, as `backtrace.c` declares them.
#[repr(C)]
pub struct Unwinder {
    backtrace: usize,
    get_ip: usize,
    get_cfa: usize,
}

const UNTRIED: u8 = 0;
const LOADED: u8 = 1;
const MISSING: u8 = 2;
static STATE: AtomicU8 = AtomicU8::new(UNTRIED);
static BACKTRACE: AtomicUsize = AtomicUsize::new(0);
static GET_IP: AtomicUsize = AtomicUsize::new(0);
static GET_CFA: AtomicUsize = AtomicUsize::new(0);
static WARNED: AtomicBool = AtomicBool::new(false);

/// glibc's stand-in when libgcc has no `_Unwind_GetCFA`: no progress check.
extern "C" fn no_cfa(_ctx: *mut c_void) -> usize {
    0
}

fn load() -> u8 {
    // SAFETY: a constant NUL-terminated name; dlopen has no other precondition.
    let lib = unsafe { libc::dlopen(c"libgcc_s.so.1".as_ptr(), libc::RTLD_LAZY) };
    let sym = |name: &CStr| {
        if lib.is_null() {
            return 0;
        }
        // SAFETY: `lib` is a live handle; the name is NUL-terminated.
        unsafe { libc::dlsym(lib, name.as_ptr()) as usize }
    };
    let (bt, ip, cfa) = (sym(c"_Unwind_Backtrace"), sym(c"_Unwind_GetIP"), sym(c"_Unwind_GetCFA"));
    if bt == 0 || ip == 0 {
        crate::abi::log::warn_once(
            &WARNED,
            "backtrace: libgcc_s.so.1's unwinder is unavailable; following frame pointers instead",
        );
        return MISSING;
    }
    BACKTRACE.store(bt, Ordering::Relaxed);
    GET_IP.store(ip, Ordering::Relaxed);
    GET_CFA.store(if cfa != 0 { cfa } else { no_cfa as *const () as usize }, Ordering::Relaxed);
    LOADED
}

/// Fills `*out` with libgcc's unwinder, loading it on first use; 0 when it
/// cannot be loaded. Two threads may both load it: the same handle and
/// addresses either way.
///
/// # Safety
/// `out` is writable.
#[export(local)]
pub unsafe extern "C" fn gcompat_unwinder(out: *mut Unwinder) -> c_int {
    let mut state = STATE.load(Ordering::Acquire);
    if state == UNTRIED {
        state = load();
        STATE.store(state, Ordering::Release);
    }
    if state != LOADED {
        return 0;
    }
    let u = Unwinder {
        backtrace: BACKTRACE.load(Ordering::Relaxed),
        get_ip: GET_IP.load(Ordering::Relaxed),
        get_cfa: GET_CFA.load(Ordering::Relaxed),
    };
    // SAFETY: `out` is writable (caller).
    unsafe { out.write(u) };
    1
}

/// Where glibc's line text goes: a byte count, a buffer, or a file.
trait Sink {
    fn put(&mut self, bytes: &[u8]);
}

struct Count(usize);
impl Sink for Count {
    fn put(&mut self, bytes: &[u8]) {
        self.0 += bytes.len();
    }
}

/// Appends to memory the caller sized with `Count`.
struct Fill(*mut u8);
impl Sink for Fill {
    fn put(&mut self, bytes: &[u8]) {
        // SAFETY: the block was sized by a `Count` pass over the same text.
        unsafe {
            core::ptr::copy_nonoverlapping(bytes.as_ptr(), self.0, bytes.len());
            self.0 = self.0.add(bytes.len());
        }
    }
}

/// A line for a file descriptor, gathered on the stack (no malloc) and
/// written with one `writev`, as glibc writes each line.
struct Fd {
    fd: c_int,
    pieces: [libc::iovec; 12],
    len: usize,
    /// Copies of the short pieces (hex digits live in the caller's frame).
    small: [[u8; 18]; 12],
}
impl Fd {
    fn flush(&mut self) {
        let total: usize = self.pieces[..self.len].iter().map(|p| p.iov_len).sum();
        // SAFETY: each iovec points at a loader string or into `self.small`,
        // both alive here.
        let n = unsafe { libc::writev(self.fd, self.pieces.as_ptr(), self.len as c_int) };
        if n >= 0 && (n as usize) < total {
            // A short write (a pipe's limit): the rest as plain writes.
            let mut skip = n as usize;
            for p in &self.pieces[..self.len] {
                // SAFETY: as above.
                let bytes = unsafe { core::slice::from_raw_parts(p.iov_base.cast::<u8>(), p.iov_len) };
                let from = skip.min(bytes.len());
                skip -= from;
                write_all(self.fd, &bytes[from..]);
            }
        }
        self.len = 0;
    }
}
impl Sink for Fd {
    fn put(&mut self, bytes: &[u8]) {
        if self.len == self.pieces.len() {
            self.flush();
        }
        let mut base = bytes.as_ptr();
        if bytes.len() <= self.small[0].len() {
            let slot = &mut self.small[self.len];
            slot[..bytes.len()].copy_from_slice(bytes);
            base = slot.as_ptr();
        }
        self.pieces[self.len] = libc::iovec { iov_base: base as *mut c_void, iov_len: bytes.len() };
        self.len += 1;
    }
}

/// `value` in lowercase hex with a `0x` prefix, as `%#x` and `%p` print it
/// (the caller handles the zero cases, which differ).
fn put_hex(out: &mut impl Sink, value: usize) {
    let mut digits = [0u8; 18];
    let mut i = digits.len();
    let mut v = value;
    loop {
        i -= 1;
        digits[i] = b"0123456789abcdef"[v & 15];
        v >>= 4;
        if v == 0 {
            break;
        }
    }
    i -= 2;
    digits[i] = b'0';
    digits[i + 1] = b'x';
    out.put(&digits[i..]);
}

/// `%p`: glibc prints a null pointer as `(nil)`.
fn put_pointer(out: &mut impl Sink, value: usize) {
    if value == 0 { out.put(b"(nil)") } else { put_hex(out, value) }
}

/// What `dladdr` says about an address, the way glibc's functions use it.
enum Place {
    /// In an object: its file name, the symbol's name and address (null if
    /// none covers the address), and the object's load bias (`l_addr`).
    Object {
        file: *const c_char,
        symbol: *const c_char,
        symbol_addr: usize,
        bias: usize,
    },
    Unknown,
}

fn place(addr: usize) -> Place {
    // SAFETY: Dl_info is plain data; all-zero is a valid value.
    let mut info: libc::Dl_info = unsafe { core::mem::zeroed() };
    // SAFETY: `info` is writable; dladdr accepts any address.
    let found = unsafe { libc::dladdr(addr as *const c_void, &mut info) } != 0;
    // SAFETY: a non-null dli_fname is a NUL-terminated string of the loader's.
    if !found || info.dli_fname.is_null() || unsafe { *info.dli_fname } == 0 {
        return Place::Unknown;
    }
    let bias = objects::lookup(addr).map_or(info.dli_fbase as usize, |o| o.base);
    Place::Object { file: info.dli_fname, symbol: info.dli_sname, symbol_addr: info.dli_saddr as usize, bias }
}

/// A loader string as bytes (empty for null).
///
/// # Safety
/// `s` is null or NUL-terminated and lives as long as the loaded object.
unsafe fn text<'a>(s: *const c_char) -> &'a [u8] {
    if s.is_null() {
        &[]
    } else {
        // SAFETY: non-null and NUL-terminated (caller).
        unsafe { CStr::from_ptr(s) }.to_bytes()
    }
}

/// The sign and distance of `addr` from `base`.
fn offset(addr: usize, base: usize) -> (&'static [u8], usize) {
    if addr >= base { (b"+", addr - base) } else { (b"-", base - addr) }
}

/// One line of `backtrace_symbols`, without the terminator:
/// `%s(%s%c%#tx) [%p]`, or `%s(%s) [%p]` when there is neither a symbol
/// nor a load bias, or `[%p]`.
fn put_line(out: &mut impl Sink, addr: usize) {
    match place(addr) {
        Place::Object { file, symbol, symbol_addr, bias } => {
            // glibc: with no symbol, relative to the file's load bias.
            let base = if symbol.is_null() { bias } else { symbol_addr };
            // SAFETY: the loader's strings, or null.
            out.put(unsafe { text(file) });
            out.put(b"(");
            // SAFETY: as above.
            out.put(unsafe { text(symbol) });
            if !(symbol.is_null() && base == 0) {
                // `%c%#tx`: the sign, then a bare 0 or 0x-prefixed hex.
                let (sign, distance) = offset(addr, base);
                out.put(sign);
                if distance == 0 { out.put(b"0") } else { put_hex(out, distance) }
            }
            out.put(b") [");
            put_pointer(out, addr);
            out.put(b"]");
        }
        Place::Unknown => {
            out.put(b"[");
            put_pointer(out, addr);
            out.put(b"]");
        }
    }
}

/// One line of `backtrace_symbols_fd`, glibc 2.41's format: as
/// `backtrace_symbols`' but the offset always 0x-prefixed (`+0x0`) and a
/// null address as `[0x0]`.
///
/// # glibc differences
/// glibc before 2.37 or so printed no space before the bracket, and left out
/// the empty `()`; the shim reports itself as glibc 2.41 and prints its lines.
fn put_fd_line(out: &mut impl Sink, addr: usize) {
    if let Place::Object { file, symbol, symbol_addr, bias } = place(addr) {
        // SAFETY: the loader's strings, or null.
        out.put(unsafe { text(file) });
        out.put(b"(");
        // SAFETY: as above.
        out.put(unsafe { text(symbol) });
        if !symbol.is_null() || bias != 0 {
            let base = if symbol.is_null() { bias } else { symbol_addr };
            let (sign, distance) = offset(addr, base);
            out.put(sign);
            put_hex(out, distance);
        }
        out.put(b") ");
    }
    out.put(b"[");
    put_hex(out, addr);
    out.put(b"]\n");
}

/// The addresses a caller passed: none for a non-positive size.
///
/// # Safety
/// `array` holds `size` addresses when `size > 0`.
unsafe fn addresses<'a>(array: *const *mut c_void, size: c_int) -> &'a [usize] {
    if size <= 0 || array.is_null() {
        return &[];
    }
    // SAFETY: `size` readable pointers (caller); a pointer is a usize.
    unsafe { core::slice::from_raw_parts(array.cast(), size as usize) }
}

/// `backtrace_symbols`: one `malloc`'d block holding `size` pointers and
/// the NUL-terminated lines they point to (the caller frees the block).
/// Returns null when `malloc` fails.
///
/// # Safety
/// `array` holds `size` addresses.
#[export]
pub unsafe extern "C" fn backtrace_symbols(array: *const *mut c_void, size: c_int) -> *mut *mut c_char {
    // SAFETY: forwarded from the caller.
    let addrs = unsafe { addresses(array, size) };
    let mut text = Count(0);
    for &a in addrs {
        put_line(&mut text, a);
        text.put(b"\0");
    }
    let table = core::mem::size_of_val(addrs);
    // SAFETY: plain allocation; glibc also returns a block for size 0.
    let block = unsafe { libc::malloc(table + text.0) }.cast::<*mut c_char>();
    if block.is_null() {
        return block;
    }
    // SAFETY: the text starts after the pointer table, inside the block.
    let mut fill = Fill(unsafe { block.cast::<u8>().add(table) });
    for (i, &a) in addrs.iter().enumerate() {
        // SAFETY: slot i of the table; `fill.0` is where line i starts.
        unsafe { *block.add(i) = fill.0.cast() };
        put_line(&mut fill, a);
        fill.put(b"\0");
    }
    block
}

/// `backtrace_symbols_fd`: a line per address (in glibc's own format for
/// this function, see [`put_fd_line`]) written to `fd` without allocating
/// (it is meant for crash handlers).
///
/// # Safety
/// `array` holds `size` addresses.
#[export]
pub unsafe extern "C" fn backtrace_symbols_fd(array: *const *mut c_void, size: c_int, fd: c_int) {
    // SAFETY: forwarded from the caller.
    let addrs = unsafe { addresses(array, size) };
    let empty = libc::iovec { iov_base: core::ptr::null_mut(), iov_len: 0 };
    let mut out = Fd { fd, pieces: [empty; 12], len: 0, small: [[0; 18]; 12] };
    for &a in addrs {
        put_fd_line(&mut out, a);
        out.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Text(std::vec::Vec<u8>);
    impl Sink for Text {
        fn put(&mut self, bytes: &[u8]) {
            self.0.extend_from_slice(bytes);
        }
    }

    #[test]
    fn hex_as_printf_prints_it() {
        let mut t = Text(vec![]);
        put_hex(&mut t, 0x1d);
        t.put(b" ");
        put_pointer(&mut t, 0);
        t.put(b" ");
        put_hex(&mut t, usize::MAX);
        assert_eq!(t.0, b"0x1d (nil) 0xffffffffffffffff");
    }

    #[test]
    fn unknown_address_is_bare() {
        let mut t = Text(vec![]);
        put_line(&mut t, 0x10);
        assert_eq!(t.0, b"[0x10]");
    }
}
