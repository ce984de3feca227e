//! `<locale.h>` locale objects with glibc's layout for glibc-built callers.
//!
//! glibc-built code reads fields of `struct __locale_struct` directly:
//! glibc's `<ctype.h>` macros (`isalpha_l`, ...) read `__ctype_b`, and
//! g++'s libstdc++ ("gnu" locale model) takes `ctype<char>`'s tables from
//! `__ctype_b`, `__ctype_toupper` and `__ctype_tolower` of the object
//! `__newlocale` returns. musl's `locale_t` is six category pointers (48
//! bytes), so those reads land past its end: a glibc-built C++ program
//! crashes in its first `std::isspace(c, loc)`.
//!
//! For glibc-built callers, `newlocale`, `duplocale` and `freelocale` (and
//! their `__` names, which libstdc++ calls) hand out one object that is
//! both: its first 48 bytes are musl's category pointers (so every musl
//! `*_l` function and `uselocale` accept it unchanged), and from there on it
//! has glibc's layout, with musl's byte-classification tables (musl's
//! `__ctype_b_loc` tables have glibc's bit layout, and musl classifies bytes
//! the same in every locale) and the category names. glibc's
//! `__locales[6]` slot (its `LC_ALL` slot, never used) marks the shim's
//! objects. musl-built callers get musl's functions.
//!
//! glibc's seven extra categories (`LC_PAPER` ... `LC_IDENTIFICATION`) do
//! not exist in musl: their bits are accepted and their names recorded, as
//! glibc does, and they change nothing else.

use core::ffi::{CStr, c_char, c_int, c_void};

use crate::abi::glibc_types::__locale_struct as GlibcLocale;
use crate::abi::{caller, errno};
use crate::musl_next;

type MuslLocale = *mut c_void;

musl_next!(fn musl_newlocale = "newlocale": unsafe extern "C" fn(c_int, *const c_char, MuslLocale) -> MuslLocale);
musl_next!(fn musl_duplocale = "duplocale": unsafe extern "C" fn(MuslLocale) -> MuslLocale);
musl_next!(fn musl_freelocale = "freelocale": unsafe extern "C" fn(MuslLocale));

unsafe extern "C" {
    fn __ctype_b_loc() -> *mut *const u16;
    fn __ctype_tolower_loc() -> *mut *const i32;
    fn __ctype_toupper_loc() -> *mut *const i32;
}

/// musl's categories (`LC_CTYPE` ... `LC_MESSAGES`), which are glibc's 0-5.
const MUSL_CATEGORIES: usize = 6;
/// glibc's `LC_ALL` and its category count (`__LC_LAST`).
const LC_ALL: usize = 6;
const GLIBC_CATEGORIES: usize = 13;
const GLIBC_ALL_MASK: c_int = ((1 << GLIBC_CATEGORIES) - 1) & !(1 << LC_ALL);
const LC_GLOBAL_LOCALE: *mut GlibcLocale = usize::MAX as *mut GlibcLocale;

/// What marks an object as the shim's: its address, in the unused slot.
static MARK: u8 = 0;

fn mark() -> *mut crate::abi::glibc_types::__locale_data {
    (&raw const MARK).cast_mut().cast()
}

/// Whether `loc` is one of the shim's two-layout objects.
fn is_ours(loc: *mut GlibcLocale) -> bool {
    // SAFETY: a locale_t here is ours (232 bytes) or musl's: a static one in
    // libc.so's data, followed by more data, or a malloc'd 48-byte one in a
    // larger malloc slot. The word at byte 48 is mapped memory either way;
    // only ours holds the shim's own address there.
    !loc.is_null() && loc != LC_GLOBAL_LOCALE && unsafe { (*loc).__locales[LC_ALL] } == mark()
}

/// The name musl keeps for one category of `loc` (`struct __locale_map`
/// has it at byte 16, in musl 1.2.3 and 1.2.5 alike); "C" for none.
///
/// # Safety
/// `loc` is a musl locale object (or ours).
unsafe fn musl_name(loc: *mut GlibcLocale, category: usize) -> *const c_char {
    // SAFETY: the first six words are musl's category map pointers.
    let map = unsafe { (*loc).__locales[category] }.cast::<u8>();
    if map.is_null() { c"C".as_ptr() } else { map.wrapping_add(16).cast() }
}

/// Fills the glibc half of `g`, whose musl half is set; `extra` names
/// glibc's categories 7-12 (musl has none).
///
/// # Safety
/// `g` is one of the shim's objects.
unsafe fn fill(g: *mut GlibcLocale, extra: [*const c_char; GLIBC_CATEGORIES - LC_ALL - 1]) {
    // SAFETY: as the caller promises; musl's table accessors return
    // pointers to static tables.
    unsafe {
        let g = &mut *g;
        for i in MUSL_CATEGORIES..GLIBC_CATEGORIES {
            g.__locales[i] = core::ptr::null_mut();
        }
        g.__locales[LC_ALL] = mark();
        g.__ctype_b = *__ctype_b_loc();
        g.__ctype_tolower = *__ctype_tolower_loc();
        g.__ctype_toupper = *__ctype_toupper_loc();
        for i in 0..MUSL_CATEGORIES {
            g.__names[i] = musl_name(g, i);
        }
        g.__names[LC_ALL] = g.__names[0];
        g.__names[LC_ALL + 1..].copy_from_slice(&extra);
    }
}

/// A new object of the shim's taking musl's categories from `musl`.
///
/// # Safety
/// `musl` is a musl locale object.
unsafe fn wrap(musl: MuslLocale, extra: [*const c_char; 6]) -> *mut GlibcLocale {
    // SAFETY: malloc has no preconditions.
    let g = unsafe { libc::calloc(1, core::mem::size_of::<GlibcLocale>()) }.cast::<GlibcLocale>();
    if g.is_null() {
        return g;
    }
    // SAFETY: musl's object starts with its six category pointers.
    unsafe {
        core::ptr::copy_nonoverlapping(musl.cast::<usize>(), g.cast::<usize>(), MUSL_CATEGORIES);
        fill(g, extra);
    }
    g
}

/// A name that outlives the call: "C" and "POSIX" as static strings, any
/// other the name musl recorded for `LC_CTYPE` (glibc's extra categories
/// follow the name the caller asked for).
fn extra_names(
    mask: c_int,
    name: *const c_char,
    base: *mut GlibcLocale,
    resolved: *const c_char,
) -> [*const c_char; 6] {
    let mut out = [c"C".as_ptr(); 6];
    for (i, slot) in out.iter_mut().enumerate() {
        let category = LC_ALL + 1 + i;
        *slot = if mask & (1 << category) != 0 {
            // SAFETY: a NUL-terminated name from the caller.
            match unsafe { CStr::from_ptr(name) }.to_bytes() {
                b"C" => c"C".as_ptr(),
                b"POSIX" => c"POSIX".as_ptr(),
                _ => resolved,
            }
        } else if is_ours(base) {
            // SAFETY: one of ours.
            unsafe { (*base).__names[category] }
        } else {
            c"C".as_ptr()
        };
    }
    out
}

/// The body of `newlocale` and `__newlocale` (front: `overrides.c`).
///
/// # Safety
/// As `newlocale(3)`.
#[export(local)]
pub unsafe extern "C" fn __gcompat_newlocale(
    mask: c_int,
    name: *const c_char,
    base: *mut GlibcLocale,
    caller: *const c_void,
) -> *mut GlibcLocale {
    if !caller::is_glibc(caller) {
        // SAFETY: musl's own, with the caller's arguments.
        return unsafe { musl_newlocale()(mask, name, base.cast()) }.cast();
    }
    // glibc: 1 << LC_ALL means every category; other stray bits are EINVAL.
    let mask = if mask == 1 << LC_ALL { GLIBC_ALL_MASK } else { mask };
    if mask & !GLIBC_ALL_MASK != 0 || name.is_null() {
        errno::set(libc::EINVAL);
        return core::ptr::null_mut();
    }
    let musl_mask = mask & ((1 << MUSL_CATEGORIES) - 1);
    // SAFETY: musl's newlocale; a base of ours is a valid musl object, which
    // musl (as glibc) modifies in place and returns.
    let result = unsafe { musl_newlocale()(musl_mask, name, base.cast()) }.cast::<GlibcLocale>();
    if result.is_null() {
        return result;
    }
    // SAFETY: `result` is musl's object (ours when `base` was ours).
    let extra = extra_names(mask, name, base, unsafe { musl_name(result, 0) });
    if is_ours(result) {
        // SAFETY: ours, with musl's half just updated.
        unsafe { fill(result, extra) };
        return result;
    }
    // SAFETY: musl's object; the base (consumed, as in glibc) is now
    // `result`, so musl's copy goes once ours is made.
    unsafe {
        let g = wrap(result.cast(), extra);
        if !g.is_null() {
            musl_freelocale()(result.cast());
        }
        g
    }
}

/// The body of `duplocale` and `__duplocale`.
///
/// # Safety
/// As `duplocale(3)`.
#[export(local)]
pub unsafe extern "C" fn __gcompat_duplocale(loc: *mut GlibcLocale, caller: *const c_void) -> *mut GlibcLocale {
    if !caller::is_glibc(caller) {
        // SAFETY: musl's own.
        return unsafe { musl_duplocale()(loc.cast()) }.cast();
    }
    if is_ours(loc) {
        // SAFETY: malloc has no preconditions; `loc` is one of ours.
        unsafe {
            let g = libc::malloc(core::mem::size_of::<GlibcLocale>()).cast::<GlibcLocale>();
            if !g.is_null() {
                g.write(loc.read());
            }
            return g;
        }
    }
    // The global locale, or one of musl's: copy it with musl, then wrap.
    // SAFETY: musl's duplocale accepts both.
    let copy = unsafe { musl_duplocale()(loc.cast()) };
    if copy.is_null() {
        return core::ptr::null_mut();
    }
    // SAFETY: `copy` is musl's object, released once wrapped.
    unsafe {
        let g = wrap(copy, [c"C".as_ptr(); 6]);
        if !g.is_null() {
            musl_freelocale()(copy);
        }
        g
    }
}

/// The body of `freelocale` and `__freelocale`.
///
/// # Safety
/// As `freelocale(3)`.
#[export(local)]
pub unsafe extern "C" fn __gcompat_freelocale(loc: *mut GlibcLocale, caller: *const c_void) {
    if caller::is_glibc(caller) && is_ours(loc) {
        // SAFETY: ours came from malloc/calloc.
        unsafe { libc::free(loc.cast()) };
    } else {
        // SAFETY: musl's own.
        unsafe { musl_freelocale()(loc.cast()) };
    }
}
