//! `<envz.h>`: argz vectors of `NAME=VALUE` entries; an entry without `=`
//! is a "null" entry (the name with no value), as in glibc's `envz.c`.

use core::ffi::{c_char, c_int};

use libc::{ENOMEM, size_t};

use super::{argz_add, argz_append, argz_delete};

const SEP: c_char = b'=' as c_char;

/// `envz_entry`: the entry named `name` (up to its `=`), or null.
///
/// # Safety
/// `envz` holds `envz_len` bytes of entries; `name` is NUL-terminated.
#[export]
pub unsafe extern "C" fn envz_entry(mut envz: *const c_char, mut envz_len: size_t, name: *const c_char) -> *mut c_char {
    // SAFETY: within the vector and the name, as glibc walks them.
    unsafe {
        while envz_len > 0 {
            let mut p = name;
            let entry = envz;
            while envz_len > 0 && *p == *envz && *p != 0 && *p != SEP {
                p = p.add(1);
                envz = envz.add(1);
                envz_len -= 1;
            }
            if (*envz == 0 || *envz == SEP) && (*p == 0 || *p == SEP) {
                return entry.cast_mut();
            }
            while envz_len > 0 && *envz != 0 {
                envz = envz.add(1);
                envz_len -= 1;
            }
            if envz_len > 0 {
                envz = envz.add(1);
                envz_len -= 1;
            }
        }
    }
    core::ptr::null_mut()
}

/// `envz_get`: the value of `name`, or null when it is absent or a null
/// entry.
///
/// # Safety
/// As `envz_entry`.
#[export]
pub unsafe extern "C" fn envz_get(envz: *const c_char, envz_len: size_t, name: *const c_char) -> *mut c_char {
    // SAFETY: as envz_entry; the entry is NUL-terminated.
    unsafe {
        let mut entry = envz_entry(envz, envz_len, name);
        if !entry.is_null() {
            while *entry != 0 && *entry != SEP {
                entry = entry.add(1);
            }
            entry = if *entry != 0 { entry.add(1) } else { core::ptr::null_mut() };
        }
        entry
    }
}

/// `envz_remove`: removes the entry named `name`, if any.
///
/// # Safety
/// As `argz_delete`.
#[export]
pub unsafe extern "C" fn envz_remove(envz: *mut *mut c_char, envz_len: *mut size_t, name: *const c_char) {
    // SAFETY: as the caller promises.
    unsafe {
        let entry = envz_entry(*envz, *envz_len, name);
        if !entry.is_null() {
            argz_delete(envz, envz_len, entry);
        }
    }
}

/// `envz_add`: `name=value` replacing any entry of that name; a null
/// `value` adds a null entry.
///
/// # Safety
/// As `argz_add`; `value` null or NUL-terminated.
#[export]
pub unsafe extern "C" fn envz_add(
    envz: *mut *mut c_char,
    envz_len: *mut size_t,
    name: *const c_char,
    value: *const c_char,
) -> c_int {
    // SAFETY: as the caller promises.
    unsafe {
        envz_remove(envz, envz_len, name);
        if value.is_null() {
            return argz_add(envz, envz_len, name);
        }
        let (name_len, value_len) = (libc::strlen(name), libc::strlen(value));
        let old = *envz_len;
        let new_len = old + name_len + 1 + value_len + 1;
        let grown = libc::realloc((*envz).cast(), new_len).cast::<c_char>();
        if grown.is_null() {
            return ENOMEM;
        }
        core::ptr::copy_nonoverlapping(name, grown.add(old), name_len);
        *grown.add(old + name_len) = SEP;
        core::ptr::copy_nonoverlapping(value, grown.add(old + name_len + 1), value_len);
        *grown.add(new_len - 1) = 0;
        *envz = grown;
        *envz_len = new_len;
    }
    0
}

/// `envz_merge`: the entries of `envz2` added to `envz`; an entry whose
/// name is already there replaces it only when `override_` is set.
///
/// # Safety
/// As `argz_append`; `envz2` holds `envz2_len` bytes of entries.
#[export]
pub unsafe extern "C" fn envz_merge(
    envz: *mut *mut c_char,
    envz_len: *mut size_t,
    mut envz2: *const c_char,
    mut envz2_len: size_t,
    override_: c_int,
) -> c_int {
    let mut err = 0;
    // SAFETY: as the caller promises.
    unsafe {
        while envz2_len > 0 && err == 0 {
            let old = envz_entry(*envz, *envz_len, envz2);
            let new_len = libc::strlen(envz2) + 1;
            if old.is_null() {
                err = argz_append(envz, envz_len, envz2, new_len);
            } else if override_ != 0 {
                argz_delete(envz, envz_len, old);
                err = argz_append(envz, envz_len, envz2, new_len);
            }
            envz2 = envz2.add(new_len);
            envz2_len = envz2_len.saturating_sub(new_len);
        }
    }
    err
}

/// `envz_strip`: removes the null entries (those without `=`).
///
/// # Safety
/// As `argz_delete`.
#[export]
pub unsafe extern "C" fn envz_strip(envz: *mut *mut c_char, envz_len: *mut size_t) {
    // SAFETY: within the vector.
    unsafe {
        let mut entry = *envz;
        let mut left = *envz_len;
        while left > 0 {
            let entry_len = libc::strlen(entry) + 1;
            left -= entry_len;
            if libc::strchr(entry, c_int::from(SEP)).is_null() {
                core::ptr::copy(entry.add(entry_len), entry, left);
            } else {
                entry = entry.add(entry_len);
            }
        }
        *envz_len = entry.offset_from(*envz) as usize;
    }
}
