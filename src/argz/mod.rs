//! `<argz.h>` and `<envz.h>` (`envz.rs`): glibc's argz vectors, a run of
//! NUL-terminated strings in one malloc'd block with its total length, and
//! envz, argz vectors of `NAME=VALUE` entries. musl has neither.
//!
//! Each function follows glibc's `string/argz-*.c` and `string/envz.c` to
//! the letter where callers can see it: an empty vector is `NULL`/0,
//! `argz_create_sep` and `argz_add_sep` drop empty fields but keep glibc's
//! trailing empty entry after a final separator, `argz_insert` moves a
//! `before` that points into an entry back to the entry's start, errors are
//! `ENOMEM` (and `EINVAL` for a `before` outside the vector).

pub mod envz;

use core::ffi::{c_char, c_int, c_uint};

use libc::{EINVAL, ENOMEM, size_t};

type ErrorT = c_int;

/// `strlen`.
///
/// # Safety
/// `s` is NUL-terminated.
unsafe fn len(s: *const c_char) -> usize {
    // SAFETY: as the caller promises.
    unsafe { libc::strlen(s) }
}

/// `argz_create`: a vector of the strings of the null-terminated `argv`.
///
/// # Safety
/// `argv` is a null-terminated array of strings; `argz`/`len` writable.
#[export]
pub unsafe extern "C" fn argz_create(
    argv: *const *const c_char,
    argz: *mut *mut c_char,
    argz_len: *mut size_t,
) -> ErrorT {
    // SAFETY: walking the caller's array and copying its strings.
    unsafe {
        let mut total = 0;
        let mut argc = 0;
        while !(*argv.add(argc)).is_null() {
            total += len(*argv.add(argc)) + 1;
            argc += 1;
        }
        if total == 0 {
            *argz = core::ptr::null_mut();
        } else {
            let block = libc::malloc(total).cast::<c_char>();
            if block.is_null() {
                return ENOMEM;
            }
            let mut p = block;
            for i in 0..argc {
                let s = *argv.add(i);
                let n = len(s) + 1;
                core::ptr::copy_nonoverlapping(s, p, n);
                p = p.add(n);
            }
            *argz = block;
        }
        *argz_len = total;
    }
    0
}

/// Copies `string` to `wp`, splitting at `delim`: glibc's loop shared by
/// `argz_create_sep` and `argz_add_sep`. `start` is the vector's start
/// (empty fields are dropped by looking at the previous byte); returns how
/// many bytes of `strlen(string) + 1` were dropped.
///
/// # Safety
/// `wp` has room for `strlen(string) + 1` bytes; `start <= wp`.
unsafe fn split_into(start: *mut c_char, mut wp: *mut c_char, string: *const c_char, delim: c_int) -> usize {
    let mut dropped = 0;
    let mut rp = string;
    // SAFETY: as the caller promises.
    unsafe {
        loop {
            let c = *rp;
            if c_int::from(c) == delim {
                if wp > start && *wp.sub(1) != 0 {
                    *wp = 0;
                    wp = wp.add(1);
                } else {
                    dropped += 1;
                }
            } else {
                *wp = c;
                wp = wp.add(1);
            }
            rp = rp.add(1);
            if c == 0 {
                break;
            }
        }
    }
    dropped
}

/// `argz_create_sep`: a vector of the fields of `string` between `delim`s.
///
/// # Safety
/// `string` is NUL-terminated; `argz`/`len` writable.
#[export]
pub unsafe extern "C" fn argz_create_sep(
    string: *const c_char,
    delim: c_int,
    argz: *mut *mut c_char,
    argz_len: *mut size_t,
) -> ErrorT {
    // SAFETY: as the caller promises; the block holds the whole string.
    unsafe {
        let mut nlen = len(string) + 1;
        if nlen > 1 {
            let block = libc::malloc(nlen).cast::<c_char>();
            if block.is_null() {
                return ENOMEM;
            }
            nlen -= split_into(block, block, string, delim);
            if nlen == 0 {
                libc::free(block.cast());
                *argz = core::ptr::null_mut();
            } else {
                *argz = block;
            }
            *argz_len = nlen;
        } else {
            *argz = core::ptr::null_mut();
            *argz_len = 0;
        }
    }
    0
}

/// `argz_count`: the number of entries.
///
/// # Safety
/// `argz` holds `len` bytes of NUL-terminated entries.
#[export]
pub unsafe extern "C" fn argz_count(mut argz: *const c_char, mut argz_len: size_t) -> size_t {
    let mut count = 0;
    while argz_len > 0 {
        // SAFETY: an entry of the vector.
        let part = unsafe { len(argz) } + 1;
        argz = argz.wrapping_add(part);
        argz_len = argz_len.saturating_sub(part);
        count += 1;
    }
    count
}

/// `__argz_count`.
///
/// # Safety
/// As `argz_count`.
#[export]
pub unsafe extern "C" fn __argz_count(argz: *const c_char, argz_len: size_t) -> size_t {
    // SAFETY: the same function.
    unsafe { argz_count(argz, argz_len) }
}

/// `argz_extract`: the entries into `argv` (which has room for
/// `argz_count + 1` pointers), then a null pointer.
///
/// # Safety
/// As `argz_count`; `argv` as above.
#[export]
pub unsafe extern "C" fn argz_extract(mut argz: *const c_char, mut argz_len: size_t, mut argv: *mut *mut c_char) {
    // SAFETY: as the caller promises.
    unsafe {
        while argz_len > 0 {
            let part = len(argz) + 1;
            *argv = argz.cast_mut();
            argv = argv.add(1);
            argz = argz.add(part);
            argz_len = argz_len.saturating_sub(part);
        }
        *argv = core::ptr::null_mut();
    }
}

/// `argz_stringify`: the NULs between entries become `sep`.
///
/// # Safety
/// As `argz_count`, writable.
#[export]
pub unsafe extern "C" fn argz_stringify(mut argz: *mut c_char, mut argz_len: size_t, sep: c_int) {
    if argz_len == 0 {
        return;
    }
    // SAFETY: within the vector's `len` bytes.
    unsafe {
        loop {
            let part = libc::strnlen(argz, argz_len);
            argz = argz.add(part);
            argz_len -= part;
            if argz_len <= 1 {
                break;
            }
            argz_len -= 1;
            *argz = sep as c_char;
            argz = argz.add(1);
        }
    }
}

/// `__argz_stringify`.
///
/// # Safety
/// As `argz_stringify`.
#[export]
pub unsafe extern "C" fn __argz_stringify(argz: *mut c_char, argz_len: size_t, sep: c_int) {
    // SAFETY: the same function.
    unsafe { argz_stringify(argz, argz_len, sep) }
}

/// `argz_append`: `buf_len` bytes of entries appended.
///
/// # Safety
/// `*argz` is null or malloc'd with `*argz_len` bytes; `buf` has `buf_len`.
#[export]
pub unsafe extern "C" fn argz_append(
    argz: *mut *mut c_char,
    argz_len: *mut size_t,
    buf: *const c_char,
    buf_len: size_t,
) -> ErrorT {
    // SAFETY: as the caller promises.
    unsafe {
        let new_len = *argz_len + buf_len;
        let grown = libc::realloc((*argz).cast(), new_len).cast::<c_char>();
        if grown.is_null() {
            return ENOMEM;
        }
        core::ptr::copy_nonoverlapping(buf, grown.add(*argz_len), buf_len);
        *argz = grown;
        *argz_len = new_len;
    }
    0
}

/// `argz_add`: `str` appended as one entry.
///
/// # Safety
/// As `argz_append`; `str` is NUL-terminated.
#[export]
pub unsafe extern "C" fn argz_add(argz: *mut *mut c_char, argz_len: *mut size_t, str: *const c_char) -> ErrorT {
    // SAFETY: the string with its NUL.
    unsafe { argz_append(argz, argz_len, str, len(str) + 1) }
}

/// `argz_add_sep`: the fields of `string` between `delim`s appended.
///
/// # Safety
/// As `argz_add`.
#[export]
pub unsafe extern "C" fn argz_add_sep(
    argz: *mut *mut c_char,
    argz_len: *mut size_t,
    string: *const c_char,
    delim: c_int,
) -> ErrorT {
    // SAFETY: as the caller promises; the block grows by the whole string.
    unsafe {
        let nlen = len(string) + 1;
        if nlen > 1 {
            let grown = libc::realloc((*argz).cast(), *argz_len + nlen).cast::<c_char>();
            if grown.is_null() {
                return ENOMEM;
            }
            *argz = grown;
            let dropped = split_into(grown, grown.add(*argz_len), string, delim);
            *argz_len += nlen - dropped;
        }
    }
    0
}

/// `argz_delete`: removes the entry starting at `entry` (a null `entry`
/// changes nothing); an emptied vector is freed and null.
///
/// # Safety
/// As `argz_append`; `entry` is null or the start of an entry.
#[export]
pub unsafe extern "C" fn argz_delete(argz: *mut *mut c_char, argz_len: *mut size_t, entry: *mut c_char) {
    if entry.is_null() {
        return;
    }
    // SAFETY: within the vector.
    unsafe {
        let entry_len = len(entry) + 1;
        *argz_len -= entry_len;
        let offset = entry.offset_from(*argz) as usize;
        core::ptr::copy(entry.add(entry_len), entry, *argz_len - offset);
        if *argz_len == 0 {
            libc::free((*argz).cast());
            *argz = core::ptr::null_mut();
        }
    }
}

/// `argz_insert`: `entry` inserted before the entry holding `before`
/// (appended when `before` is null); `EINVAL` when `before` lies outside.
///
/// # Safety
/// As `argz_add`; `before` is null or points into the vector.
#[export]
pub unsafe extern "C" fn argz_insert(
    argz: *mut *mut c_char,
    argz_len: *mut size_t,
    mut before: *mut c_char,
    entry: *const c_char,
) -> ErrorT {
    if before.is_null() {
        // SAFETY: as argz_add.
        return unsafe { argz_add(argz, argz_len, entry) };
    }
    // SAFETY: as the caller promises.
    unsafe {
        let start = *argz;
        if before < start || before >= start.wrapping_add(*argz_len) {
            return EINVAL;
        }
        while before > start && *before.sub(1) != 0 {
            before = before.sub(1);
        }
        let offset = before.offset_from(start) as usize;
        let after = *argz_len - offset;
        let entry_len = len(entry) + 1;
        let new_len = *argz_len + entry_len;
        let grown = libc::realloc(start.cast(), new_len).cast::<c_char>();
        if grown.is_null() {
            return ENOMEM;
        }
        let at = grown.add(offset);
        core::ptr::copy(at, at.add(entry_len), after);
        core::ptr::copy(entry, at, entry_len);
        *argz = grown;
        *argz_len = new_len;
    }
    0
}

/// `argz_next`: the entry after `entry`, the first for a null `entry`,
/// null after the last.
///
/// # Safety
/// As `argz_count`; `entry` null or an entry of it.
#[export]
pub unsafe extern "C" fn argz_next(argz: *const c_char, argz_len: size_t, entry: *const c_char) -> *mut c_char {
    let end = argz.wrapping_add(argz_len);
    if !entry.is_null() {
        let mut entry = entry;
        if entry < end {
            // SAFETY: an entry of the vector, NUL-terminated inside it.
            entry = unsafe { entry.add(len(entry) + 1) };
        }
        if entry >= end { core::ptr::null_mut() } else { entry.cast_mut() }
    } else if argz_len > 0 {
        argz.cast_mut()
    } else {
        core::ptr::null_mut()
    }
}

/// `__argz_next`.
///
/// # Safety
/// As `argz_next`.
#[export]
pub unsafe extern "C" fn __argz_next(argz: *const c_char, argz_len: size_t, entry: *const c_char) -> *mut c_char {
    // SAFETY: the same function.
    unsafe { argz_next(argz, argz_len, entry) }
}

/// glibc's `str_append`: `buf_len` bytes appended to the NUL-terminated
/// `*to` of length `*to_len`; on failure `*to` is freed and null.
///
/// # Safety
/// `*to` is malloc'd (or null after a failure).
unsafe fn str_append(to: &mut *mut c_char, to_len: &mut usize, buf: *const c_char, buf_len: usize) {
    let new_len = *to_len + buf_len;
    // SAFETY: as the caller promises.
    unsafe {
        let grown = libc::realloc((*to).cast(), new_len + 1).cast::<c_char>();
        if grown.is_null() {
            libc::free((*to).cast());
            *to = core::ptr::null_mut();
            return;
        }
        core::ptr::copy_nonoverlapping(buf, grown.add(*to_len), buf_len);
        *grown.add(new_len) = 0;
        *to = grown;
        *to_len = new_len;
    }
}

/// `argz_replace`: every occurrence of `str` in the entries replaced by
/// `with`, counting replacements into `*replace_count` when non-null.
///
/// # Safety
/// As `argz_add`; `with` is NUL-terminated.
#[export]
pub unsafe extern "C" fn argz_replace(
    argz: *mut *mut c_char,
    argz_len: *mut size_t,
    str: *const c_char,
    with: *const c_char,
    replace_count: *mut c_uint,
) -> ErrorT {
    // SAFETY: as the caller promises; the structure is glibc's algorithm.
    unsafe {
        if str.is_null() || *str == 0 {
            return 0;
        }
        let mut err = 0;
        let (src, src_len) = (*argz, *argz_len);
        let mut dst: *mut c_char = core::ptr::null_mut();
        let mut dst_len = 0;
        let mut delayed_copy = true;
        let (str_len, with_len) = (len(str), len(with));
        let mut arg: *mut c_char = core::ptr::null_mut();
        while err == 0 {
            arg = argz_next(src, src_len, arg);
            if arg.is_null() {
                break;
            }
            let mut found = libc::strstr(arg, str);
            if !found.is_null() {
                let mut from = found.add(str_len);
                let mut to_len = found.offset_from(arg) as usize;
                let mut to = libc::strndup(arg, to_len);
                while !to.is_null() && !from.is_null() {
                    str_append(&mut to, &mut to_len, with, with_len);
                    if !to.is_null() {
                        found = libc::strstr(from, str);
                        if !found.is_null() {
                            str_append(&mut to, &mut to_len, from, found.offset_from(from) as usize);
                            from = found.add(str_len);
                        } else {
                            str_append(&mut to, &mut to_len, from, len(from));
                            from = core::ptr::null_mut();
                        }
                    }
                }
                if !to.is_null() {
                    if delayed_copy {
                        if arg > src {
                            err = argz_append(&mut dst, &mut dst_len, src, arg.offset_from(src) as usize);
                        }
                        delayed_copy = false;
                    }
                    if err == 0 {
                        err = argz_add(&mut dst, &mut dst_len, to);
                    }
                    libc::free(to.cast());
                } else {
                    err = ENOMEM;
                }
                if !replace_count.is_null() {
                    *replace_count += 1;
                }
            } else if !delayed_copy {
                err = argz_add(&mut dst, &mut dst_len, arg);
            }
        }
        if err == 0 {
            if !delayed_copy {
                libc::free(src.cast());
                *argz = dst;
                *argz_len = dst_len;
            }
        } else if dst_len > 0 {
            libc::free(dst.cast());
        }
        err
    }
}
