//! `_dl_find_object` (glibc 2.35, `dlfcn/dlfcn.h`): the loaded object that
//! contains an address, and its exception-handling data. libgcc's unwinder
//! built against glibc >= 2.35 finds every FDE through it and has no other
//! way: Debian's `libgcc_s.so.1` does not load on musl without it, and with
//! it every C++ throw and every `backtrace` depends on it.
//!
//! Built on musl's `dl_iterate_phdr`; [`object_containing`] is shared with
//! `execinfo` (the load bias for `backtrace_symbols`).

use core::ffi::{c_int, c_void};

/// glibc's `struct dl_find_object` on x86_64 (no `dlfo_eh_dbase`, no
/// `dlfo_eh_count`): 96 bytes.
#[repr(C)]
pub struct DlFindObject {
    pub dlfo_flags: u64,
    pub dlfo_map_start: *mut c_void,
    pub dlfo_map_end: *mut c_void,
    pub dlfo_link_map: *mut c_void,
    pub dlfo_eh_frame: *mut c_void,
    pub __dlfo_reserved: [u64; 7],
}
const _: () = assert!(core::mem::size_of::<DlFindObject>() == 96);

/// A loaded object, as far as its program headers tell.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Object {
    /// The load bias (glibc's `l_addr`, `dlpi_addr`).
    pub bias: usize,
    /// glibc's `l_map_start`/`l_map_end`: the first loadable segment's page
    /// to the last one's end.
    pub map_start: usize,
    pub map_end: usize,
    /// `PT_GNU_EH_FRAME`'s address, 0 if the object has none.
    pub eh_frame: usize,
    /// `PT_DYNAMIC`'s address (a link map's `l_ld`), 0 if none.
    pub dynamic: usize,
}

struct Search {
    pc: usize,
    found: Option<Object>,
}

fn page_size() -> usize {
    // SAFETY: sysconf has no preconditions.
    let n = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    if n > 0 { n as usize } else { 4096 }
}

/// The object whose program headers `phdrs` describe, loaded at `bias`.
fn object_of(bias: usize, phdrs: &[libc::Elf64_Phdr]) -> Option<Object> {
    let page = page_size();
    let mut obj = Object {
        bias,
        ..Object::default()
    };
    let (mut lo, mut hi) = (usize::MAX, 0usize);
    for ph in phdrs {
        let vaddr = ph.p_vaddr as usize;
        match ph.p_type {
            libc::PT_LOAD => {
                lo = lo.min(vaddr & !(page - 1));
                hi = hi.max(vaddr + ph.p_memsz as usize);
            }
            libc::PT_GNU_EH_FRAME => obj.eh_frame = bias.wrapping_add(vaddr),
            libc::PT_DYNAMIC => obj.dynamic = bias.wrapping_add(vaddr),
            _ => {}
        }
    }
    if lo >= hi {
        return None;
    }
    obj.map_start = bias.wrapping_add(lo);
    obj.map_end = bias.wrapping_add(hi);
    Some(obj)
}

unsafe extern "C" fn visit(
    info: *mut libc::dl_phdr_info,
    _size: usize,
    data: *mut c_void,
) -> c_int {
    // SAFETY: musl passes a valid info; `data` is the `Search` below.
    let (info, search) = unsafe { (&*info, &mut *data.cast::<Search>()) };
    if info.dlpi_phdr.is_null() {
        return 0;
    }
    // SAFETY: musl's program headers for this object, dlpi_phnum of them.
    let phdrs = unsafe { core::slice::from_raw_parts(info.dlpi_phdr, info.dlpi_phnum as usize) };
    match object_of(info.dlpi_addr as usize, phdrs) {
        Some(obj) if (obj.map_start..obj.map_end).contains(&search.pc) => {
            search.found = Some(obj);
            1
        }
        _ => 0,
    }
}

/// The loaded object whose mapping contains `pc`.
pub fn object_containing(pc: usize) -> Option<Object> {
    let mut search = Search { pc, found: None };
    // SAFETY: `visit` matches dl_iterate_phdr's callback and only touches
    // `search`, which outlives the call.
    unsafe { libc::dl_iterate_phdr(Some(visit), (&raw mut search).cast()) };
    search.found
}

/// The first fields of musl's `struct dso`, which are glibc's public
/// `struct link_map` (`<link.h>`).
#[repr(C)]
struct LinkMap {
    l_addr: usize,
    l_name: *const u8,
    l_ld: usize,
    l_next: *mut LinkMap,
    l_prev: *mut LinkMap,
}

/// musl's link map entry for `obj`: the list starts at `dlopen(NULL)` (the
/// program), and each entry's `l_ld` is its dynamic section.
fn link_map_of(obj: &Object) -> *mut c_void {
    // SAFETY: dlopen(NULL) returns musl's head of the object list.
    let mut map = unsafe { libc::dlopen(core::ptr::null(), libc::RTLD_LAZY) }.cast::<LinkMap>();
    while !map.is_null() {
        // SAFETY: a live entry of musl's list of loaded objects.
        let m = unsafe { &*map };
        if m.l_ld == obj.dynamic && m.l_addr == obj.bias {
            return map.cast();
        }
        map = m.l_next;
    }
    core::ptr::null_mut()
}

/// `_dl_find_object`: describes the object containing `pc` in `*result`.
/// Returns 0, or -1 when no loaded object contains `pc`.
///
/// # Safety
/// `result` points to writable memory for a `struct dl_find_object`.
///
/// # glibc differences
/// glibc's lookup is lock-free; this one walks `dl_iterate_phdr`, which takes
/// musl's loader lock for reading.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _dl_find_object(pc: *mut c_void, result: *mut DlFindObject) -> c_int {
    let Some(obj) = object_containing(pc as usize) else {
        return -1;
    };
    let found = DlFindObject {
        dlfo_flags: 0,
        dlfo_map_start: obj.map_start as *mut c_void,
        dlfo_map_end: obj.map_end as *mut c_void,
        dlfo_link_map: link_map_of(&obj),
        dlfo_eh_frame: obj.eh_frame as *mut c_void,
        __dlfo_reserved: [0; 7],
    };
    // SAFETY: `result` is writable (caller).
    unsafe { result.write(found) };
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(vaddr: u64, memsz: u64) -> libc::Elf64_Phdr {
        libc::Elf64_Phdr {
            p_type: libc::PT_LOAD,
            p_flags: 0,
            p_offset: 0,
            p_vaddr: vaddr,
            p_paddr: 0,
            p_filesz: memsz,
            p_memsz: memsz,
            p_align: 4096,
        }
    }

    #[test]
    fn bounds_from_loadable_segments() {
        let mut eh = load(0x2100, 0x40);
        eh.p_type = libc::PT_GNU_EH_FRAME;
        let obj = object_of(0x7000_0000, &[load(0x40, 0x1000), eh, load(0x3c30, 0x200)]).unwrap();
        assert_eq!(obj.map_start, 0x7000_0000);
        assert_eq!(obj.map_end, 0x7000_3e30);
        assert_eq!(obj.eh_frame, 0x7000_2100);
        assert_eq!(obj.dynamic, 0);
        assert!(object_of(0, &[eh]).is_none());
    }

    #[test]
    fn finds_this_test_binary() {
        let here = bounds_from_loadable_segments as *const () as usize;
        let obj = object_containing(here).expect("the test binary is loaded");
        assert!(obj.map_start <= here && here < obj.map_end);
        let mut out = core::mem::MaybeUninit::<DlFindObject>::uninit();
        // SAFETY: `out` is writable.
        assert_eq!(
            unsafe { _dl_find_object(here as *mut c_void, out.as_mut_ptr()) },
            0
        );
        // SAFETY: filled on success.
        let out = unsafe { out.assume_init() };
        assert_eq!(out.dlfo_map_start as usize, obj.map_start);
        assert!(!out.dlfo_eh_frame.is_null());
        // SAFETY: a null pc is in no object; `out` is not written.
        assert_eq!(
            unsafe { _dl_find_object(core::ptr::null_mut(), core::ptr::null_mut()) },
            -1
        );
    }
}
