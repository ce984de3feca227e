//! `<dlfcn.h>`'s GNU extensions musl lacks: `dlvsym`, `dlmopen`, `dladdr1`,
//! and glibc's `dlinfo` requests (musl's `dlinfo` knows `RTLD_DI_LINKMAP`
//! only).
//!
//! musl's handle for an object is its `struct dso`, whose first fields are
//! the public `struct link_map` (`l_addr`, `l_name`, `l_ld`, `l_next`,
//! `l_prev`) in glibc's order, so a handle is a `link_map *` for both.
//!
//! Errors reach `dlerror` through musl's own error state: the shim has no
//! way to set musl's message directly, so it makes musl fail a lookup of a
//! name that says what went wrong (`dlerror` then reads
//! "Symbol not found: dlmopen: invalid target namespace").

pub mod dlinfo;
pub mod dlvsym;

use crate::abi::elf::{Image, Sym};
use crate::abi::glibc_types::link_map;
use crate::abi::objects;
use core::ffi::{CStr, c_char, c_int, c_long, c_void};

/// `Lmid_t`.
pub type Lmid = c_long;
const LM_ID_BASE: Lmid = 0;

/// Makes `dlerror` report `what` (see the module docs).
pub(crate) fn set_error(what: &CStr) {
    // SAFETY: a lookup of a name no object defines (it has spaces).
    unsafe { libc::dlsym(libc::RTLD_DEFAULT, what.as_ptr()) };
}

/// The loaded object whose load base is `base`, or that contains `addr`.
pub(crate) enum Find {
    Base(usize),
    Addr(usize),
}

/// Calls `f` with the `dl_iterate_phdr` record and the image of the object
/// `find` names.
pub(crate) fn with_object<R>(find: Find, f: impl FnOnce(&libc::dl_phdr_info, &Image) -> R) -> Option<R> {
    let mut f = Some(f);
    objects::walk(|info, image| {
        let hit = match find {
            Find::Base(base) => image.base() == base,
            Find::Addr(addr) => image.contains(addr),
        };
        if hit { f.take().map(|f| f(info, image)) } else { None }
    })
}

/// `dlmopen`: `dlopen` into a link-map namespace. musl has one namespace,
/// `LM_ID_BASE`; any other fails as glibc fails for a namespace it does not
/// have.
///
/// # Safety
/// As `dlopen`.
///
/// # glibc differences
/// `LM_ID_NEWLM` (a fresh namespace) fails too: musl's loader cannot load
/// an object twice.
#[export]
pub unsafe extern "C" fn dlmopen(lmid: Lmid, file: *const c_char, mode: c_int) -> *mut c_void {
    if lmid != LM_ID_BASE {
        set_error(c"dlmopen: invalid target namespace in dlmopen()");
        return core::ptr::null_mut();
    }
    // SAFETY: the caller's arguments.
    unsafe { libc::dlopen(file, mode) }
}

const RTLD_DL_SYMENT: c_int = 1;
const RTLD_DL_LINKMAP: c_int = 2;

/// The link map of the object loaded at `base`, or null.
pub(crate) fn link_map_at(base: usize) -> *mut link_map {
    // SAFETY: entries of musl's list, which stay valid.
    objects::link_maps().find(|&map| unsafe { (*map).l_addr } as usize == base).unwrap_or(core::ptr::null_mut())
}

/// `dladdr1`: `dladdr`, and with `RTLD_DL_SYMENT` the symbol's
/// `ElfW(Sym)` entry, with `RTLD_DL_LINKMAP` the object's `link_map`.
///
/// # Safety
/// `info` points at a `Dl_info`, `extra` at a pointer to fill.
#[export]
pub unsafe extern "C" fn dladdr1(
    addr: *const c_void,
    info: *mut libc::Dl_info,
    extra: *mut *mut c_void,
    flags: c_int,
) -> c_int {
    // SAFETY: the caller's arguments.
    let found = unsafe { libc::dladdr(addr, info) };
    if found == 0 {
        return 0;
    }
    // SAFETY: dladdr filled `info`.
    let info = unsafe { &*info };
    let base = info.dli_fbase as usize;
    match flags {
        RTLD_DL_SYMENT => {
            let sym = with_object(Find::Addr(addr as usize), |_, image| {
                let symbols = image.symbols()?;
                if info.dli_sname.is_null() {
                    return None;
                }
                // SAFETY: dladdr's name, a C string.
                let name = unsafe { CStr::from_ptr(info.dli_sname) };
                symbols
                    .exports_named(name)
                    .find(|(_, s)| symbols.address(s) == info.dli_saddr as usize)
                    .map(|(_, s)| (s as *const Sym).cast_mut().cast::<c_void>())
            });
            // SAFETY: the caller's pointer to fill.
            unsafe { *extra = sym.flatten().unwrap_or(core::ptr::null_mut()) };
        }
        RTLD_DL_LINKMAP => {
            let load = with_object(Find::Addr(addr as usize), |_, image| image.base()).unwrap_or(base);
            // SAFETY: the caller's pointer to fill.
            unsafe { *extra = link_map_at(load).cast() };
        }
        _ => {}
    }
    found
}
