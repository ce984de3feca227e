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

use crate::abi::glibc_types::link_map;
use core::ffi::{CStr, c_char, c_int, c_long, c_void};

/// `Lmid_t`.
pub type Lmid = c_long;
const LM_ID_BASE: Lmid = 0;

/// Makes `dlerror` report `what` (see the module docs).
pub(crate) fn set_error(what: &CStr) {
    // SAFETY: a lookup of a name no object defines (it has spaces).
    unsafe { libc::dlsym(libc::RTLD_DEFAULT, what.as_ptr()) };
}

/// What `dl_iterate_phdr` tells about one object (musl fills every field).
#[repr(C)]
pub(crate) struct PhdrInfo {
    pub addr: usize,
    pub name: *const c_char,
    pub phdr: *const libc::Elf64_Phdr,
    pub phnum: u16,
    pub adds: u64,
    pub subs: u64,
    pub tls_modid: usize,
    pub tls_data: *mut c_void,
}

/// The loaded object whose load base is `base`, or that contains `addr`.
pub(crate) enum Find {
    Base(usize),
    Addr(usize),
}

/// Calls `f` with the `dl_iterate_phdr` record of the object `find` names.
pub(crate) fn with_object<R, F: FnOnce(&PhdrInfo) -> R>(find: Find, f: F) -> Option<R> {
    struct Search<F, R> {
        find: Find,
        f: Option<F>,
        out: Option<R>,
    }
    unsafe extern "C" fn visit<F: FnOnce(&PhdrInfo) -> R, R>(info: *mut libc::dl_phdr_info, _: usize, data: *mut c_void) -> c_int {
        // SAFETY: musl's record (PhdrInfo is its layout) and our Search.
        let (info, s) = unsafe { (&*info.cast::<PhdrInfo>(), &mut *data.cast::<Search<F, R>>()) };
        let hit = match s.find {
            Find::Base(base) => info.addr == base,
            Find::Addr(addr) => {
                // SAFETY: phdr points at phnum headers.
                let phdrs = unsafe { core::slice::from_raw_parts(info.phdr, usize::from(info.phnum)) };
                phdrs.iter().any(|p| {
                    let lo = info.addr.wrapping_add(p.p_vaddr as usize);
                    p.p_type == libc::PT_LOAD && (lo..lo.wrapping_add(p.p_memsz as usize)).contains(&addr)
                })
            }
        };
        if !hit {
            return 0;
        }
        if let Some(f) = s.f.take() {
            s.out = Some(f(info));
        }
        1
    }
    let mut s = Search { find, f: Some(f), out: None };
    // SAFETY: the callback matches the record and our Search outlives the walk.
    unsafe { libc::dl_iterate_phdr(Some(visit::<F, R>), (&raw mut s).cast()) };
    s.out
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
#[unsafe(no_mangle)]
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

/// The head of musl's list of loaded objects (the main program).
pub(crate) fn first_link_map() -> *mut link_map {
    // SAFETY: dlopen(NULL) is the main program's handle, a link_map.
    unsafe { libc::dlopen(core::ptr::null(), libc::RTLD_LAZY | libc::RTLD_NOLOAD) }.cast()
}

/// The link map of the object loaded at `base`.
pub(crate) fn link_map_at(base: usize) -> *mut link_map {
    let mut map = first_link_map();
    // SAFETY: musl's list of loaded objects, never unlinked.
    unsafe {
        while let Some(m) = map.as_ref() {
            if m.l_addr as usize == base {
                return map;
            }
            map = m.l_next;
        }
    }
    core::ptr::null_mut()
}

/// `Elf64_Dyn`.
#[repr(C)]
pub(crate) struct Dyn {
    pub d_tag: i64,
    pub d_un: u64,
}

const DT_NULL: i64 = 0;
const DT_HASH: i64 = 4;
const DT_STRTAB: i64 = 5;
const DT_SYMTAB: i64 = 6;
const DT_GNU_HASH: i64 = 0x6fff_fef5;

/// The dynamic section of the object at `base` with these headers, as
/// (tag, value) pairs.
pub(crate) fn dynamic(info: &PhdrInfo) -> &'static [Dyn] {
    // SAFETY: musl's record: phdr points at phnum headers.
    let phdrs = unsafe { core::slice::from_raw_parts(info.phdr, usize::from(info.phnum)) };
    let Some(d) = phdrs.iter().find(|p| p.p_type == libc::PT_DYNAMIC) else { return &[] };
    let start = info.addr.wrapping_add(d.p_vaddr as usize) as *const Dyn;
    let mut n = 0;
    // SAFETY: a DT_NULL-terminated array in the loaded object.
    unsafe {
        while (*start.add(n)).d_tag != DT_NULL {
            n += 1;
        }
        core::slice::from_raw_parts(start, n)
    }
}

/// The object's dynamic symbol table: (symbols, strings).
pub(crate) fn symbols(info: &PhdrInfo) -> Option<(&'static [libc::Elf64_Sym], *const c_char)> {
    let dynv = dynamic(info);
    let get = |tag| dynv.iter().find(|d| d.d_tag == tag).map(|d| info.addr.wrapping_add(d.d_un as usize));
    let (symtab, strtab) = (get(DT_SYMTAB)? as *const libc::Elf64_Sym, get(DT_STRTAB)? as *const c_char);
    let count = if let Some(hash) = get(DT_HASH) {
        // SAFETY: DT_HASH's second word is the symbol count.
        unsafe { *(hash as *const u32).add(1) as usize }
    } else {
        // SAFETY: the GNU hash table's layout (nbuckets, symoffset,
        // bloom size, shift, bloom words, buckets, chains).
        unsafe { gnu_hash_count(get(DT_GNU_HASH)? as *const u32) }
    };
    // SAFETY: `count` symbols at DT_SYMTAB.
    Some((unsafe { core::slice::from_raw_parts(symtab, count) }, strtab))
}

/// Symbols a GNU hash table covers: one past the last chain's end.
///
/// # Safety
/// `hash` points at a loaded object's `DT_GNU_HASH` table.
unsafe fn gnu_hash_count(hash: *const u32) -> usize {
    // SAFETY: the caller's contract.
    unsafe {
        let (nbuckets, symoffset, bloom) = (*hash as usize, *hash.add(1) as usize, *hash.add(2) as usize);
        let buckets = hash.add(4 + bloom * 2);
        let chains = buckets.add(nbuckets);
        let mut last = 0usize;
        for i in 0..nbuckets {
            last = last.max(*buckets.add(i) as usize);
        }
        if last < symoffset {
            return symoffset;
        }
        while *chains.add(last - symoffset) & 1 == 0 {
            last += 1;
        }
        last + 1
    }
}

/// `dladdr1`: `dladdr`, and with `RTLD_DL_SYMENT` the symbol's
/// `ElfW(Sym)` entry, with `RTLD_DL_LINKMAP` the object's `link_map`.
///
/// # Safety
/// `info` points at a `Dl_info`, `extra` at a pointer to fill.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dladdr1(addr: *const c_void, info: *mut libc::Dl_info, extra: *mut *mut c_void, flags: c_int) -> c_int {
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
            let sym = with_object(Find::Addr(addr as usize), |o| {
                let (syms, strtab) = symbols(o)?;
                syms.iter()
                    .find(|s| {
                        s.st_shndx != 0
                            && o.addr.wrapping_add(s.st_value as usize) == info.dli_saddr as usize
                            && !info.dli_sname.is_null()
                            // SAFETY: names in the object's string table; dli_sname is a C string.
                            && unsafe { CStr::from_ptr(strtab.add(s.st_name as usize)) == CStr::from_ptr(info.dli_sname) }
                    })
                    .map(|s| (s as *const libc::Elf64_Sym).cast_mut().cast::<c_void>())
            });
            // SAFETY: the caller's pointer to fill.
            unsafe { *extra = sym.flatten().unwrap_or(core::ptr::null_mut()) };
        }
        RTLD_DL_LINKMAP => {
            let load = with_object(Find::Addr(addr as usize), |o| o.addr).unwrap_or(base);
            // SAFETY: the caller's pointer to fill.
            unsafe { *extra = link_map_at(load).cast() };
        }
        _ => {}
    }
    found
}
