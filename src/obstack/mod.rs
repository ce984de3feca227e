//! `<obstack.h>`: glibc's obstacks, for the programs built against it (git,
//! dpkg, gettext's tools, ...). musl has none.
//!
//! The program's inline macros (`obstack_grow`, `obstack_alloc`,
//! `obstack_finish`, ...) read and write `struct obstack` themselves and call
//! in here only for a new chunk, to free, and to begin, so everything follows
//! glibc's installed `<obstack.h>` exactly (`glibc_types::obstack`: `long`
//! chunk size, `int` alignment mask, the three flag bits) and glibc's
//! `malloc/obstack.c` rules: the default chunk of 4064 bytes and alignment of
//! 16, the growth formula of a new chunk, freeing the old chunk when the
//! growing object was all it held, `obstack_free` aborting on an object no
//! chunk holds. The data symbols and the variadic fronts are in `obstack.c`.

use core::ffi::{c_char, c_int, c_long, c_void};

use crate::abi::VaList;
use crate::abi::glibc_types::{_obstack_chunk as Chunk, obstack as Obstack};

unsafe extern "C" {
    /// Calls the live `obstack_alloc_failed_handler` (obstack.c).
    fn __gcompat_obstack_alloc_failed() -> !;
}

/// glibc's `DEFAULT_ALIGNMENT` and `DEFAULT_ROUNDING` on x86_64 and
/// aarch64: those of `union { uintmax_t; long double; void * }`.
const DEFAULT_ALIGNMENT: c_int = 16;
const DEFAULT_ROUNDING: c_int = 16;

/// The chunk size `_obstack_begin` takes for 0: what fits a 4096-byte
/// malloc block after malloc's own overhead, by glibc's formula.
const DEFAULT_CHUNK: c_int = 4096
    - ((((12 + DEFAULT_ROUNDING - 1) & !(DEFAULT_ROUNDING - 1)) + 4 + DEFAULT_ROUNDING - 1) & !(DEFAULT_ROUNDING - 1));

/// glibc's `__PTR_ALIGN(base, p, mask)` where pointers and `ptrdiff_t` are
/// the same size: `p` rounded up to `mask + 1`.
fn align(p: *mut c_char, mask: c_int) -> *mut c_char {
    let mask = mask as usize;
    p.wrapping_add(((p as usize + mask) & !mask) - p as usize)
}

/// `CALL_CHUNKFUN`.
///
/// # Safety
/// `h` is a begun obstack.
unsafe fn call_chunkfun(h: *mut Obstack, size: c_long) -> *mut Chunk {
    // SAFETY: the functions the caller registered, called as it declared
    // them: with the extra argument or without.
    unsafe {
        let chunkfun = (*h).chunkfun.expect("obstack without a chunk function");
        if (*h).use_extra_arg() != 0 {
            chunkfun((*h).extra_arg, size)
        } else {
            let plain: unsafe extern "C" fn(c_long) -> *mut Chunk = core::mem::transmute(chunkfun);
            plain(size)
        }
    }
}

/// `CALL_FREEFUN`.
///
/// # Safety
/// `h` is a begun obstack and `chunk` one of its chunks.
unsafe fn call_freefun(h: *mut Obstack, chunk: *mut Chunk) {
    // SAFETY: as call_chunkfun.
    unsafe {
        let freefun = (*h).freefun.expect("obstack without a free function");
        if (*h).use_extra_arg() != 0 {
            freefun((*h).extra_arg, chunk)
        } else {
            let plain: unsafe extern "C" fn(*mut Chunk) = core::mem::transmute(freefun);
            plain(chunk)
        }
    }
}

/// The body both `_obstack_begin`s share.
///
/// # Safety
/// `h` is writable; the chunk functions are set.
unsafe fn begin(h: *mut Obstack, size: c_int, alignment: c_int) -> c_int {
    let alignment = if alignment == 0 { DEFAULT_ALIGNMENT } else { alignment };
    let size = if size == 0 { DEFAULT_CHUNK } else { size };
    // SAFETY: as the caller promises.
    unsafe {
        (*h).chunk_size = c_long::from(size);
        (*h).alignment_mask = alignment - 1;
        let chunk = call_chunkfun(h, (*h).chunk_size);
        (*h).chunk = chunk;
        if chunk.is_null() {
            __gcompat_obstack_alloc_failed();
        }
        let base = align((&raw mut (*chunk).contents).cast(), alignment - 1);
        (*h).object_base = base;
        (*h).next_free = base;
        let limit = chunk.cast::<c_char>().wrapping_add(size as usize);
        (*chunk).limit = limit;
        (*h).chunk_limit = limit;
        (*chunk).prev = core::ptr::null_mut();
        (*h).set_maybe_empty_object(0);
        (*h).set_alloc_failed(0);
    }
    1
}

/// The allocation functions as glibc's structure declares them (with the
/// extra argument first), and as `_obstack_begin_1` receives them.
type ChunkFun = Option<unsafe extern "C" fn(*mut c_void, c_long) -> *mut Chunk>;
type FreeFun = Option<unsafe extern "C" fn(*mut c_void, *mut Chunk)>;
type ChunkFunArg = Option<unsafe extern "C" fn(*mut c_void, c_long) -> *mut c_void>;
type FreeFunArg = Option<unsafe extern "C" fn(*mut c_void, *mut c_void)>;

/// `_obstack_begin`: what `obstack_init`, `obstack_begin` and
/// `obstack_specify_allocation` expand to. Returns 1; when the first chunk
/// cannot be had, `obstack_alloc_failed_handler` runs (and does not return).
///
/// # Safety
/// `h` is writable; the functions are a malloc-like allocator and its free.
#[export]
pub unsafe extern "C" fn _obstack_begin(
    h: *mut Obstack,
    size: c_int,
    alignment: c_int,
    chunkfun: Option<unsafe extern "C" fn(c_long) -> *mut c_void>,
    freefun: Option<unsafe extern "C" fn(*mut c_void)>,
) -> c_int {
    // SAFETY: stored with glibc's casts; called back as declared.
    unsafe {
        (*h).chunkfun = core::mem::transmute::<Option<unsafe extern "C" fn(c_long) -> *mut c_void>, ChunkFun>(chunkfun);
        (*h).freefun = core::mem::transmute::<Option<unsafe extern "C" fn(*mut c_void)>, FreeFun>(freefun);
        (*h).set_use_extra_arg(0);
        begin(h, size, alignment)
    }
}

/// `_obstack_begin_1`: `_obstack_begin` with allocation functions that take
/// `arg` first (`obstack_specify_allocation_with_arg`).
///
/// # Safety
/// As `_obstack_begin`.
#[export]
pub unsafe extern "C" fn _obstack_begin_1(
    h: *mut Obstack,
    size: c_int,
    alignment: c_int,
    chunkfun: ChunkFunArg,
    freefun: FreeFunArg,
    arg: *mut c_void,
) -> c_int {
    // SAFETY: as _obstack_begin.
    unsafe {
        (*h).chunkfun = core::mem::transmute::<ChunkFunArg, ChunkFun>(chunkfun);
        (*h).freefun = core::mem::transmute::<FreeFunArg, FreeFun>(freefun);
        (*h).extra_arg = arg;
        (*h).set_use_extra_arg(1);
        begin(h, size, alignment)
    }
}

/// `_obstack_newchunk`: a chunk with room for the growing object and
/// `length` more bytes; the object moves there. The old chunk is freed when
/// the object was all it held (and no empty object may lie in it).
///
/// # Safety
/// `h` is a begun obstack.
#[export]
pub unsafe extern "C" fn _obstack_newchunk(h: *mut Obstack, length: c_int) {
    // SAFETY: the obstack's own chunks and pointers, kept consistent.
    unsafe {
        let old = (*h).chunk;
        let obj_size = (*h).next_free.offset_from((*h).object_base) as c_long;
        let mut new_size = obj_size + c_long::from(length) + (obj_size >> 3) + c_long::from((*h).alignment_mask) + 100;
        if new_size < (*h).chunk_size {
            new_size = (*h).chunk_size;
        }
        let chunk = call_chunkfun(h, new_size);
        if chunk.is_null() {
            __gcompat_obstack_alloc_failed();
        }
        (*h).chunk = chunk;
        (*chunk).prev = old;
        let limit = chunk.cast::<c_char>().wrapping_add(new_size as usize);
        (*chunk).limit = limit;
        (*h).chunk_limit = limit;
        let base = align((&raw mut (*chunk).contents).cast(), (*h).alignment_mask);
        core::ptr::copy_nonoverlapping((*h).object_base, base, obj_size as usize);
        let old_first = align((&raw mut (*old).contents).cast(), (*h).alignment_mask);
        if (*h).maybe_empty_object() == 0 && (*h).object_base == old_first {
            (*chunk).prev = (*old).prev;
            call_freefun(h, old);
        }
        (*h).object_base = base;
        (*h).next_free = base.wrapping_add(obj_size as usize);
        (*h).set_maybe_empty_object(0);
    }
}

/// Whether `obj` lies in a chunk of `h`: above the chunk header, at most at
/// its limit (glibc's test).
///
/// # Safety
/// `chunk` is null or one of the obstack's chunks.
unsafe fn holds(chunk: *mut Chunk, obj: *mut c_void) -> bool {
    // SAFETY: as the caller promises.
    !chunk.is_null() && (chunk.cast::<c_void>() < obj && unsafe { (*chunk).limit }.cast::<c_void>() >= obj)
}

/// `_obstack_allocated_p`: 1 if `obj` lies in one of the chunks of `h`.
///
/// # Safety
/// `h` is a begun obstack.
#[export]
pub unsafe extern "C" fn _obstack_allocated_p(h: *mut Obstack, obj: *mut c_void) -> c_int {
    // SAFETY: walking the obstack's own chain.
    unsafe {
        let mut chunk = (*h).chunk;
        while !chunk.is_null() && !holds(chunk, obj) {
            chunk = (*chunk).prev;
        }
        c_int::from(!chunk.is_null())
    }
}

/// `obstack_free`: frees `obj` and everything allocated after it in `h`
/// (every chunk above the one holding it); a null `obj` frees everything.
/// An `obj` that no chunk holds aborts, as in glibc.
///
/// # Safety
/// `h` is a begun obstack; `obj` is null or an object allocated in it.
#[export]
pub unsafe extern "C" fn obstack_free(h: *mut Obstack, obj: *mut c_void) {
    // SAFETY: the obstack's own chain; freed chunks are not touched again.
    unsafe {
        let mut chunk = (*h).chunk;
        while !chunk.is_null() && !holds(chunk, obj) {
            let prev = (*chunk).prev;
            call_freefun(h, chunk);
            chunk = prev;
            // An empty object may now lie at the start of the chunk below.
            (*h).set_maybe_empty_object(1);
        }
        if !chunk.is_null() {
            (*h).object_base = obj.cast();
            (*h).next_free = obj.cast();
            (*h).chunk_limit = (*chunk).limit;
            (*h).chunk = chunk;
        } else if !obj.is_null() {
            libc::abort();
        }
    }
}

/// `_obstack_free`: glibc's other name for [`obstack_free`].
///
/// # Safety
/// As `obstack_free`.
#[export]
pub unsafe extern "C" fn _obstack_free(h: *mut Obstack, obj: *mut c_void) {
    // SAFETY: the same function.
    unsafe { obstack_free(h, obj) }
}

/// `_obstack_memory_used`: the bytes of every chunk of `h`.
///
/// # Safety
/// `h` is a begun obstack.
#[export]
pub unsafe extern "C" fn _obstack_memory_used(h: *mut Obstack) -> c_int {
    let mut total: c_long = 0;
    // SAFETY: walking the obstack's own chain.
    unsafe {
        let mut chunk = (*h).chunk;
        while !chunk.is_null() {
            total += (*chunk).limit.offset_from(chunk.cast::<c_char>()) as c_long;
            chunk = (*chunk).prev;
        }
    }
    total as c_int
}

/// The body of `obstack_printf`/`obstack_vprintf` and their `_chk` forms:
/// the formatted text (glibc's printf, with the fortify checks when
/// `flag > 0`) appended to the growing object, without a NUL, as
/// `obstack_grow` would. Returns the length, or -1.
///
/// # Safety
/// `h` is a begun obstack; the format and arguments are printf's.
#[export(local)]
pub unsafe extern "C" fn __gcompat_obstack_vprintf(
    h: *mut Obstack,
    flag: c_int,
    format: *const c_char,
    ap: VaList,
) -> c_int {
    let mut text: *mut c_char = core::ptr::null_mut();
    // SAFETY: glibc's vasprintf with the caller's format and arguments.
    let len = unsafe { crate::stdio::printf::glibc_vasprintf(&mut text, flag, format, ap) };
    if len < 0 {
        return len;
    }
    // SAFETY: `text` holds `len` bytes; the obstack grows as obstack_grow does.
    unsafe {
        if (*h).chunk_limit.offset_from((*h).next_free) < len as isize {
            _obstack_newchunk(h, len);
        }
        core::ptr::copy_nonoverlapping(text, (*h).next_free, len as usize);
        (*h).next_free = (*h).next_free.add(len as usize);
        libc::free(text.cast());
    }
    len
}

/// `obstack_vprintf`.
///
/// # Safety
/// As `__gcompat_obstack_vprintf`.
#[export]
pub unsafe extern "C" fn obstack_vprintf(h: *mut Obstack, format: *const c_char, ap: VaList) -> c_int {
    // SAFETY: forwarded.
    unsafe { __gcompat_obstack_vprintf(h, 0, format, ap) }
}

/// `__obstack_vprintf_chk`: `obstack_vprintf` with glibc's format checks
/// for `flag > 0` (`%n` in a writable format is fatal).
///
/// # Safety
/// As `__gcompat_obstack_vprintf`.
#[export]
pub unsafe extern "C" fn __obstack_vprintf_chk(
    h: *mut Obstack,
    flag: c_int,
    format: *const c_char,
    ap: VaList,
) -> c_int {
    // SAFETY: forwarded.
    unsafe { __gcompat_obstack_vprintf(h, flag, format, ap) }
}
