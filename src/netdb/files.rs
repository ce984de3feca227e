//! The files backend the `<netdb.h>`-style databases share, as glibc's
//! `nss_files` reads them: one entry a line, `#` starts a comment, fields
//! split by blanks; lines that do not parse are skipped. An entry is
//! packed into the caller's buffer (strings, then pointer arrays); when it
//! does not fit, the `_r` function returns `ERANGE` and an enumeration
//! reads the same line again next time, as glibc's does.

use core::cell::UnsafeCell;
use core::ffi::{c_char, c_int};
use core::ptr::null_mut;
use core::sync::atomic::{AtomicBool, Ordering};

/// What a line gave.
pub enum Parsed {
    /// Not an entry, or not the one looked for.
    Skip,
    /// Packed into the caller's buffer.
    Found,
    /// The entry does not fit the caller's buffer.
    TooSmall,
}

/// What a scan gave.
#[derive(PartialEq, Eq, Clone, Copy)]
pub enum Outcome {
    Found,
    End,
    TooSmall,
    /// The file could not be opened (its errno).
    Unavailable(c_int),
}

/// The blank-separated fields of `line` before any `#`, all of them (a
/// line may name any number of aliases, and glibc returns them all).
pub fn fields(line: &[u8]) -> Fields<'_> {
    Fields { rest: &line[..line.iter().position(|&b| b == b'#' || b == b'\n').unwrap_or(line.len())] }
}

/// The iterator [`fields`] gives; a clone walks the same fields again.
#[derive(Clone)]
pub struct Fields<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for Fields<'a> {
    type Item = &'a [u8];
    fn next(&mut self) -> Option<&'a [u8]> {
        let blank = |b: &u8| matches!(b, b' ' | b'\t' | b'\r');
        let start = self.rest.iter().position(|b| !blank(b))?;
        let rest = &self.rest[start..];
        let len = rest.iter().position(blank).unwrap_or(rest.len());
        self.rest = &rest[len..];
        Some(&rest[..len])
    }
}

/// A decimal number as glibc's parsers take it (`strtoul` base 10 over the
/// whole field).
pub fn number(field: &[u8]) -> Option<u32> {
    if field.is_empty() || !field.iter().all(u8::is_ascii_digit) {
        return None;
    }
    field.iter().try_fold(0u32, |n, &d| n.checked_mul(10)?.checked_add(u32::from(d - b'0')))
}

/// Fills the caller's buffer from the front: strings, then aligned arrays.
pub struct Packer {
    at: *mut u8,
    left: usize,
}

impl Packer {
    /// # Safety
    /// `buf` is writable for `len` bytes.
    pub unsafe fn new(buf: *mut c_char, len: usize) -> Self {
        Packer { at: buf.cast(), left: len }
    }

    fn take(&mut self, align: usize, size: usize) -> Option<*mut u8> {
        let pad = self.at.align_offset(align);
        if pad.checked_add(size)? > self.left {
            return None;
        }
        // SAFETY: pad + size bytes are inside the buffer (checked above).
        let p = unsafe { self.at.add(pad) };
        // SAFETY: as above.
        self.at = unsafe { p.add(size) };
        self.left -= pad + size;
        Some(p)
    }

    /// A NUL-terminated copy of `s`.
    pub fn string(&mut self, s: &[u8]) -> Option<*mut c_char> {
        let p = self.take(1, s.len() + 1)?;
        // SAFETY: `take` gave s.len() + 1 writable bytes.
        unsafe {
            core::ptr::copy_nonoverlapping(s.as_ptr(), p, s.len());
            *p.add(s.len()) = 0;
        }
        Some(p.cast())
    }

    /// Raw bytes (an address), aligned for a 32-bit word.
    pub fn bytes(&mut self, s: &[u8]) -> Option<*mut c_char> {
        let p = self.take(8, s.len())?;
        // SAFETY: `take` gave s.len() writable bytes.
        unsafe { core::ptr::copy_nonoverlapping(s.as_ptr(), p, s.len()) };
        Some(p.cast())
    }

    /// Copies of `items` (the strings, then a null-terminated array of
    /// them), however many: the array is filled by walking `items` again
    /// over the strings just packed one after another.
    pub fn strings<'a>(&mut self, items: impl Iterator<Item = &'a [u8]> + Clone) -> Option<*mut *mut c_char> {
        let first = self.at;
        let mut count = 0usize;
        for item in items.clone() {
            self.string(item)?;
            count += 1;
        }
        let size = core::mem::size_of::<*mut c_char>();
        let array = self.take(size, count.checked_add(1)?.checked_mul(size)?)?.cast::<*mut c_char>();
        let mut at = first;
        for (i, item) in items.enumerate() {
            // SAFETY: the array has count + 1 slots; the strings were
            // packed from `first` on, each its bytes and a NUL (alignment 1).
            unsafe {
                *array.add(i) = at.cast();
                at = at.add(item.len() + 1);
            }
        }
        // SAFETY: as above.
        unsafe { *array.add(count) = null_mut() };
        Some(array)
    }

    /// A null-terminated array of copies of `items` (the array first, then
    /// the strings), in one pass over them after counting.
    pub fn list<'a>(&mut self, items: impl Iterator<Item = &'a [u8]> + Clone) -> Option<*mut *mut c_char> {
        let count = items.clone().count();
        let size = core::mem::size_of::<*mut c_char>();
        let array = self.take(size, count.checked_add(1)?.checked_mul(size)?)?.cast::<*mut c_char>();
        for (i, item) in items.enumerate() {
            let copy = self.string(item)?;
            // SAFETY: the array has count + 1 slots.
            unsafe { *array.add(i) = copy };
        }
        // SAFETY: as above.
        unsafe { *array.add(count) = null_mut() };
        Some(array)
    }

    /// A null-terminated array of the pointers `items`.
    pub fn pointers(&mut self, items: &[*mut c_char]) -> Option<*mut *mut c_char> {
        let size = core::mem::size_of::<*mut c_char>();
        let array = self.take(size, (items.len() + 1) * size)?.cast::<*mut c_char>();
        for (i, &item) in items.iter().enumerate() {
            // SAFETY: the array has items.len() + 1 slots.
            unsafe { *array.add(i) = item };
        }
        // SAFETY: as above.
        unsafe { *array.add(items.len()) = null_mut() };
        Some(array)
    }
}

/// Reads `file` line by line until `on_line` finds an entry. On
/// `TooSmall`, the stream is put back at that line's start when `rewind`.
///
/// # Safety
/// `file` is an open stream.
pub unsafe fn scan(file: *mut libc::FILE, rewind: bool, mut on_line: impl FnMut(&[u8]) -> Parsed) -> Outcome {
    let mut line: *mut c_char = null_mut();
    let mut cap = 0usize;
    let outcome = loop {
        // SAFETY: an open stream.
        let start = unsafe { libc::ftello(file) };
        // SAFETY: getline manages the line buffer.
        let n = unsafe { libc::getline(&mut line, &mut cap, file) };
        if n < 0 {
            break Outcome::End;
        }
        // SAFETY: getline wrote n bytes.
        let bytes = unsafe { core::slice::from_raw_parts(line.cast::<u8>(), n as usize) };
        match on_line(bytes) {
            Parsed::Skip => {}
            Parsed::Found => break Outcome::Found,
            Parsed::TooSmall => {
                if rewind && start >= 0 {
                    // SAFETY: an open stream; a position it gave.
                    unsafe { libc::fseeko(file, start, libc::SEEK_SET) };
                }
                break Outcome::TooSmall;
            }
        }
    };
    // SAFETY: getline's allocation (or null).
    unsafe { libc::free(line.cast()) };
    outcome
}

/// Opens `path` for reading, close-on-exec, as glibc's backend does.
fn open(path: &core::ffi::CStr) -> Result<*mut libc::FILE, c_int> {
    // SAFETY: C strings.
    let file = unsafe { libc::fopen(path.as_ptr(), c"re".as_ptr()) };
    if file.is_null() { Err(crate::abi::errno::get()) } else { Ok(file) }
}

/// Looks through the whole file at `path` once, from its start.
pub fn lookup(path: &core::ffi::CStr, on_line: impl FnMut(&[u8]) -> Parsed) -> Outcome {
    match open(path) {
        Err(e) => Outcome::Unavailable(e),
        Ok(file) => {
            // SAFETY: just opened.
            let outcome = unsafe { scan(file, false, on_line) };
            // SAFETY: ours.
            unsafe { libc::fclose(file) };
            outcome
        }
    }
}

/// A database's enumeration stream (`set*ent`, `get*ent_r`, `end*ent`),
/// one per database and process, behind a lock as glibc's.
pub struct Stream {
    path: &'static core::ffi::CStr,
    locked: AtomicBool,
    file: UnsafeCell<*mut libc::FILE>,
    stay_open: UnsafeCell<bool>,
}

// SAFETY: the cells are only touched with `locked` held.
unsafe impl Sync for Stream {}

impl Stream {
    pub const fn new(path: &'static core::ffi::CStr) -> Self {
        Stream {
            path,
            locked: AtomicBool::new(false),
            file: UnsafeCell::new(null_mut()),
            stay_open: UnsafeCell::new(false),
        }
    }

    fn with<R>(&self, f: impl FnOnce(&mut *mut libc::FILE, &mut bool) -> R) -> R {
        while self.locked.compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed).is_err() {
            core::hint::spin_loop();
        }
        // SAFETY: the lock is held.
        let r = unsafe { f(&mut *self.file.get(), &mut *self.stay_open.get()) };
        self.locked.store(false, Ordering::Release);
        r
    }

    /// `set*ent`: back to the first entry (the file opened if need be).
    pub fn rewind(&self, stay_open: bool) {
        self.with(|file, stay| {
            *stay |= stay_open;
            if file.is_null() {
                if let Ok(f) = open(self.path) {
                    *file = f;
                }
            } else {
                // SAFETY: an open stream.
                unsafe { libc::rewind(*file) };
            }
        });
    }

    /// `end*ent`: closes the stream.
    pub fn close(&self) {
        self.with(|file, stay| {
            if !file.is_null() {
                // SAFETY: ours.
                unsafe { libc::fclose(*file) };
                *file = null_mut();
            }
            *stay = false;
        });
    }

    /// `get*ent_r`: the next entry.
    pub fn next(&self, on_line: impl FnMut(&[u8]) -> Parsed) -> Outcome {
        self.with(|file, _| {
            if file.is_null() {
                match open(self.path) {
                    Ok(f) => *file = f,
                    Err(e) => return Outcome::Unavailable(e),
                }
            }
            // SAFETY: an open stream.
            unsafe { scan(*file, true, on_line) }
        })
    }

    /// Whether `set*ent(1)` asked to keep the file open (glibc then keeps
    /// using the enumeration's stream for lookups; here lookups always read
    /// the file afresh, which finds the same entries).
    pub fn stays_open(&self) -> bool {
        self.with(|_, stay| *stay)
    }
}

/// The `_r` convention of glibc's `get*ent_r` and `get*by*_r` for
/// databases without `h_errno`: 0 with `*result` set, or an errno value
/// with `*result` null (`ENOENT` at the end of an enumeration, `ERANGE`
/// when the buffer is too small, the `fopen` error when the file cannot
/// be read); a lookup that finds nothing returns 0.
pub fn r_status(outcome: Outcome, enumerating: bool) -> c_int {
    match outcome {
        Outcome::Found => 0,
        Outcome::TooSmall => libc::ERANGE,
        Outcome::Unavailable(e) => e,
        Outcome::End if enumerating => libc::ENOENT,
        Outcome::End => 0,
    }
}

/// The entry and buffer behind a non-reentrant form (`getsgent`,
/// `getrpcent`, `sgetspent`, ...). glibc's grow their buffer while the
/// `_r` form says `ERANGE` (nss's `getXXent`/`getXXbyYY` double it), so an
/// entry of any size comes back whole; so does this one, from `malloc`.
pub struct StaticEntry<T> {
    entry: UnsafeCell<T>,
    buf: UnsafeCell<*mut c_char>,
    len: UnsafeCell<usize>,
}

// SAFETY: the non-reentrant forms are not thread-safe, in glibc either.
unsafe impl<T> Sync for StaticEntry<T> {}

impl<T> StaticEntry<T> {
    pub const fn new(empty: T) -> Self {
        StaticEntry { entry: UnsafeCell::new(empty), buf: UnsafeCell::new(null_mut()), len: UnsafeCell::new(0) }
    }

    /// Runs `f`, an `_r` form, on the entry and buffer, doubling the
    /// buffer while `f` returns `ERANGE`: its result, or null with errno
    /// `ENOMEM` when the buffer cannot grow.
    ///
    /// # Safety
    /// Not thread-safe: no other call on `self` runs at the same time.
    pub unsafe fn call(&self, mut f: impl FnMut(*mut T, *mut c_char, usize, *mut *mut T) -> c_int) -> *mut T {
        // SAFETY: only this call touches the cells (caller).
        let (buf, len) = unsafe { (&mut *self.buf.get(), &mut *self.len.get()) };
        loop {
            if *len > 0 {
                let mut result = null_mut();
                if f(self.entry.get(), *buf, *len, &mut result) != libc::ERANGE {
                    return result;
                }
            }
            let want = if *len == 0 { 1024 } else { len.saturating_mul(2) };
            // SAFETY: our own block (or null).
            let grown = unsafe { libc::realloc((*buf).cast(), want) };
            if grown.is_null() || want == *len {
                crate::abi::errno::set(libc::ENOMEM);
                return null_mut();
            }
            *buf = grown.cast();
            *len = want;
        }
    }
}
