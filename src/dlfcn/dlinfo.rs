//! `dlinfo` with glibc's requests. musl's `dlinfo` answers
//! `RTLD_DI_LINKMAP` only (the same answer: the handle is the link map);
//! glibc-built callers get every request glibc answers, musl-built ones
//! musl's `dlinfo` unchanged (abi::caller).

use super::{Find, set_error, with_object};
use crate::abi::glibc_types::{Dl_serinfo, Dl_serpath, link_map};
use core::ffi::{CStr, c_char, c_int, c_uint, c_void};

const RTLD_DI_LMID: c_int = 1;
const RTLD_DI_LINKMAP: c_int = 2;
const RTLD_DI_SERINFO: c_int = 4;
const RTLD_DI_SERINFOSIZE: c_int = 5;
const RTLD_DI_ORIGIN: c_int = 6;
const RTLD_DI_TLS_MODID: c_int = 9;
const RTLD_DI_TLS_DATA: c_int = 10;
const RTLD_DI_PHDR: c_int = 11;

crate::musl_next!(fn musl_dlinfo = "dlinfo": unsafe extern "C" fn(*mut c_void, c_int, *mut c_void) -> c_int);

/// musl's path file (`/etc/ld-musl-<arch>.path`).
#[cfg(target_arch = "x86_64")]
const MUSL_PATH_FILE: &core::ffi::CStr = c"/etc/ld-musl-x86_64.path";
#[cfg(target_arch = "aarch64")]
const MUSL_PATH_FILE: &core::ffi::CStr = c"/etc/ld-musl-aarch64.path";

/// musl's library search path after `LD_LIBRARY_PATH`: its path file, else
/// its built-in default.
fn system_path(buf: &mut [u8; 512]) -> &[u8] {
    // SAFETY: a C string path and our buffer.
    let fd = unsafe { libc::open(MUSL_PATH_FILE.as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC) };
    if fd >= 0 {
        // SAFETY: reads into our buffer.
        let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
        // SAFETY: our descriptor.
        unsafe { libc::close(fd) };
        if n > 0 {
            return &buf[..n as usize];
        }
    }
    b"/lib:/usr/local/lib:/usr/lib"
}

/// The directories searched for a library, in order, each once.
fn search_dirs(mut each: impl FnMut(&[u8])) {
    // SAFETY: getenv with a C string; secure mode ignores the variable.
    let env = unsafe {
        if libc::getauxval(libc::AT_SECURE) != 0 {
            core::ptr::null_mut()
        } else {
            libc::getenv(c"LD_LIBRARY_PATH".as_ptr())
        }
    };
    if !env.is_null() {
        // SAFETY: a getenv result is a C string.
        for dir in unsafe { CStr::from_ptr(env) }.to_bytes().split(|&c| c == b':').filter(|d| !d.is_empty()) {
            each(dir);
        }
    }
    let mut buf = [0u8; 512];
    for dir in system_path(&mut buf).split(|&c| c == b':' || c == b'\n').filter(|d| !d.is_empty()) {
        each(dir);
    }
}

/// glibc's `RTLD_DI_SERINFO`/`RTLD_DI_SERINFOSIZE`.
///
/// # Safety
/// `info` points at a `Dl_serinfo`, for `RTLD_DI_SERINFO` one of the size
/// `RTLD_DI_SERINFOSIZE` gave.
unsafe fn serinfo(info: *mut Dl_serinfo, fill: bool) -> c_int {
    let (mut count, mut strings) = (0usize, 0usize);
    search_dirs(|d| {
        count += 1;
        strings += d.len() + 1;
    });
    let array = size_of::<Dl_serinfo>() - size_of::<Dl_serpath>() + count * size_of::<Dl_serpath>();
    if !fill {
        // SAFETY: the caller's Dl_serinfo.
        unsafe {
            (*info).dls_size = array.max(size_of::<Dl_serinfo>()) + strings;
            (*info).dls_cnt = count as c_uint;
        }
        return 0;
    }
    // SAFETY: the caller's buffer, sized by RTLD_DI_SERINFOSIZE.
    unsafe {
        if ((*info).dls_cnt as usize) < count {
            set_error(c"dlinfo: Dl_serinfo too small");
            return -1;
        }
        let paths = (&raw mut (*info).__bindgen_anon_1).cast::<Dl_serpath>();
        let mut text = info.cast::<u8>().add(array.max(size_of::<Dl_serinfo>()));
        let mut i = 0;
        search_dirs(|d| {
            core::ptr::copy_nonoverlapping(d.as_ptr(), text, d.len());
            *text.add(d.len()) = 0;
            (*paths.add(i)).dls_name = text.cast::<c_char>();
            (*paths.add(i)).dls_flags = 0;
            text = text.add(d.len() + 1);
            i += 1;
        });
        (*info).dls_cnt = count as c_uint;
    }
    0
}

/// glibc's `RTLD_DI_ORIGIN`: the directory the object was loaded from.
///
/// # Safety
/// `map` is a loaded object's link map; `out` has room for a path.
unsafe fn origin(map: *mut link_map, out: *mut c_char) -> c_int {
    let mut path = [0u8; libc::PATH_MAX as usize];
    // SAFETY: musl's link map; l_name is a C string.
    let name = unsafe { CStr::from_ptr((*map).l_name) }.to_bytes();
    // The main program's name is the path it was started by (musl's loader
    // run as a command, or AT_EXECFN); /proc/self/exe when it has none.
    let len = if name.is_empty() {
        // SAFETY: our buffer.
        let n = unsafe { libc::readlink(c"/proc/self/exe".as_ptr(), path.as_mut_ptr().cast(), path.len() - 1) };
        if n < 0 {
            set_error(c"dlinfo: cannot find the program's origin");
            return -1;
        }
        n as usize
    } else if name.first() == Some(&b'/') {
        let n = name.len().min(path.len() - 1);
        path[..n].copy_from_slice(&name[..n]);
        n
    } else {
        // SAFETY: our buffer.
        if unsafe { libc::getcwd(path.as_mut_ptr().cast(), path.len()) }.is_null() {
            set_error(c"dlinfo: cannot find the object's origin");
            return -1;
        }
        let mut n = path.iter().position(|&c| c == 0).unwrap_or(0);
        for part in [b"/".as_slice(), name] {
            let k = part.len().min(path.len() - 1 - n);
            path[n..n + k].copy_from_slice(&part[..k]);
            n += k;
        }
        n
    };
    let dir = path[..len].iter().rposition(|&c| c == b'/').map_or(1, |i| i.max(1));
    // SAFETY: the caller's buffer (glibc's contract: PATH_MAX is enough).
    unsafe {
        core::ptr::copy_nonoverlapping(path.as_ptr(), out.cast::<u8>(), dir);
        *out.add(dir) = 0;
    }
    0
}

/// `dlinfo` (behind the C front in `fronts.c`).
///
/// # Safety
/// As `dlinfo`: `handle` from `dlopen`, `arg` the request's type;
/// `caller` is the front's return address.
#[export(local)]
pub unsafe extern "C" fn __gcompat_dlinfo(
    handle: *mut c_void,
    request: c_int,
    arg: *mut c_void,
    caller: *const c_void,
) -> c_int {
    if !crate::abi::caller::is_glibc(caller) || request == RTLD_DI_LINKMAP {
        // SAFETY: musl's dlinfo with the caller's arguments.
        return unsafe { musl_dlinfo()(handle, request, arg) };
    }
    let map = handle.cast::<link_map>();
    // SAFETY: a handle is musl's link map (checked by musl for LINKMAP;
    // glibc does not check either).
    let base = unsafe { (*map).l_addr } as usize;
    // SAFETY: each request writes the type glibc documents for it to `arg`.
    unsafe {
        match request {
            RTLD_DI_LMID => {
                *arg.cast::<super::Lmid>() = 0;
                0
            }
            RTLD_DI_SERINFO | RTLD_DI_SERINFOSIZE => serinfo(arg.cast(), request == RTLD_DI_SERINFO),
            RTLD_DI_ORIGIN => origin(map, arg.cast()),
            RTLD_DI_TLS_MODID => {
                *arg.cast::<usize>() = with_object(Find::Base(base), |o, _| o.dlpi_tls_modid).unwrap_or(0);
                0
            }
            RTLD_DI_TLS_DATA => {
                *arg.cast::<*mut c_void>() =
                    with_object(Find::Base(base), |o, _| o.dlpi_tls_data).unwrap_or(core::ptr::null_mut());
                0
            }
            RTLD_DI_PHDR => match with_object(Find::Base(base), |o, _| (o.dlpi_phdr, o.dlpi_phnum)) {
                Some((phdr, phnum)) => {
                    *arg.cast::<*const libc::Elf64_Phdr>() = phdr;
                    c_int::from(phnum)
                }
                None => {
                    set_error(c"dlinfo: unknown object");
                    -1
                }
            },
            _ => {
                set_error(c"dlinfo: unsupported dlinfo request");
                -1
            }
        }
    }
}
