//! `dlvsym`: `dlsym` for one version of a name.
//!
//! # How the version is honoured
//! musl binds by name only, so the version is checked against the object
//! that defines the name: an object with version information (the shim,
//! glibc-built libraries) must define the name at that version, hidden
//! (`name@VER`) definitions included, as glibc would find them; musl's
//! libc has no versions, so there any version glibc has on this
//! architecture is accepted (musl has one definition of each name, the one
//! glibc programs bind to). Any other version fails, as glibc fails for a
//! version no object defines.
//!
//! # glibc differences
//! The shim carries each name at the newest version glibc gives it, so
//! `dlvsym` for an older compatibility version of a shim name fails.

use super::{Find, set_error, with_object};
use crate::abi::elf::Image;
use crate::abi::glibc_types::link_map;
use crate::abi::objects;
use core::ffi::{CStr, c_char, c_void};

/// glibc's symbol versions on x86_64 (from glibc's abilists); aarch64's are
/// those from GLIBC_2.17, its first release there, on.
const X86_64_VERSIONS: &[&[u8]] = &[
    b"GLIBC_2.2.5",
    b"GLIBC_2.2.6",
    b"GLIBC_2.3",
    b"GLIBC_2.3.2",
    b"GLIBC_2.3.3",
    b"GLIBC_2.3.4",
    b"GLIBC_2.4",
    b"GLIBC_2.5",
    b"GLIBC_2.6",
    b"GLIBC_2.7",
    b"GLIBC_2.8",
    b"GLIBC_2.9",
    b"GLIBC_2.10",
    b"GLIBC_2.11",
    b"GLIBC_2.12",
    b"GLIBC_2.13",
    b"GLIBC_2.14",
    b"GLIBC_2.15",
    b"GLIBC_2.16",
    b"GLIBC_2.17",
    b"GLIBC_2.18",
    b"GLIBC_2.22",
    b"GLIBC_2.23",
    b"GLIBC_2.24",
    b"GLIBC_2.25",
    b"GLIBC_2.26",
    b"GLIBC_2.27",
    b"GLIBC_2.28",
    b"GLIBC_2.29",
    b"GLIBC_2.30",
    b"GLIBC_2.31",
    b"GLIBC_2.32",
    b"GLIBC_2.33",
    b"GLIBC_2.34",
    b"GLIBC_2.35",
    b"GLIBC_2.36",
    b"GLIBC_2.38",
    b"GLIBC_2.39",
    b"GLIBC_2.40",
    b"GLIBC_2.41",
    b"GLIBC_2.42",
    b"GLIBC_2.43",
];

#[cfg(target_arch = "x86_64")]
const GLIBC_VERSIONS: &[&[u8]] = X86_64_VERSIONS;
#[cfg(target_arch = "aarch64")]
const GLIBC_VERSIONS: &[&[u8]] = X86_64_VERSIONS.split_at(position(X86_64_VERSIONS, b"GLIBC_2.17")).1;

/// Where `want` is in `list` (at compile time; a missing one fails the build).
#[cfg(target_arch = "aarch64")]
const fn position(list: &[&[u8]], want: &[u8]) -> usize {
    let mut i = 0;
    while i < list.len() {
        let v = list[i];
        let mut same = v.len() == want.len();
        let mut j = 0;
        while same && j < v.len() {
            same = v[j] == want[j];
            j += 1;
        }
        if same {
            return i;
        }
        i += 1;
    }
    panic!("not in the list")
}

/// The object's definition of `name` at `version`: `Err(())` when the
/// object defines no symbols with versions (musl), `Ok(None)` when it has
/// versions and no such definition.
fn versioned(image: &Image, name: &CStr, version: &CStr) -> Result<Option<*mut c_void>, ()> {
    let Some(symbols) = image.symbols() else { return Ok(None) };
    if !symbols.has_versions() {
        return Err(());
    }
    Ok(symbols
        .exports_named(name)
        .find(|&(i, _)| symbols.version(i).and_then(|v| image.version_name(v)) == Some(version))
        .map(|(_, s)| symbols.address(s) as *mut c_void))
}

/// Looks `name@version` up in the object `image` (see the module docs).
fn lookup_in(image: &Image, name: &CStr, version: &CStr, plain: Option<*mut c_void>) -> Option<*mut c_void> {
    match versioned(image, name, version) {
        Ok(found) => found,
        Err(()) => {
            if !GLIBC_VERSIONS.contains(&version.to_bytes()) {
                return None;
            }
            plain.or_else(|| {
                let symbols = image.symbols()?;
                symbols.exports_named(name).next().map(|(_, s)| symbols.address(s) as *mut c_void)
            })
        }
    }
}

fn fail(name: &CStr, version: &CStr) -> *mut c_void {
    // "Symbol not found: dlvsym: NAME version VERSION"
    let mut text = [0u8; 200];
    let mut at = 0;
    for part in [b"dlvsym: ".as_slice(), name.to_bytes(), b" version ", version.to_bytes()] {
        let n = part.len().min(text.len() - 1 - at);
        text[at..at + n].copy_from_slice(&part[..n]);
        at += n;
    }
    set_error(CStr::from_bytes_until_nul(&text).unwrap_or(c"dlvsym: symbol not found"));
    core::ptr::null_mut()
}

/// `dlvsym` (behind the C front in `fronts.c`): the address of `name` at
/// `version` in `handle`'s scope, or NULL with `dlerror` set.
///
/// # Safety
/// As `dlsym`; `version` is a C string; `caller` is the front's return
/// address (the scope of `RTLD_NEXT`).
#[export(local)]
pub unsafe extern "C" fn __gcompat_dlvsym(
    handle: *mut c_void,
    name: *const c_char,
    version: *const c_char,
    caller: *const c_void,
) -> *mut c_void {
    // SAFETY: the caller's C strings.
    let (name_c, version_c) = unsafe { (CStr::from_ptr(name), CStr::from_ptr(version)) };
    if handle == libc::RTLD_NEXT {
        // The objects after the caller's, in load order, as musl's RTLD_NEXT.
        let Some(base) = with_object(Find::Addr(caller as usize), |_, image| image.base()) else {
            return fail(name_c, version_c);
        };
        // SAFETY: entries of musl's list, which stay valid.
        let load_base = |map: *mut link_map| unsafe { (*map).l_addr } as usize;
        let after = objects::link_maps().skip_while(|&map| load_base(map) != base).skip(1);
        for map in after {
            if let Some(Some(p)) =
                with_object(Find::Base(load_base(map)), |_, image| lookup_in(image, name_c, version_c, None))
            {
                return p;
            }
        }
        return fail(name_c, version_c);
    }
    // SAFETY: the caller's arguments.
    let plain = unsafe { libc::dlsym(handle, name) };
    if plain.is_null() {
        return fail(name_c, version_c);
    }
    match with_object(Find::Addr(plain as usize), |_, image| lookup_in(image, name_c, version_c, Some(plain))) {
        Some(Some(p)) => p,
        _ => fail(name_c, version_c),
    }
}
