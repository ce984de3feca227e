//! The receiving side of the loader stub's hand-off (`gcompat-handoff`,
//! sent by `stub/src/interp.rs`): outside secure mode the stub starts musl's
//! loader as the program's interpreter, which needs two temporary changes
//! that the shim's constructor, the first code to run after musl's loader,
//! undoes before any other object's constructor:
//!
//! - the `LD_PRELOAD=SHIM[:...]` entry the stub put first in the
//!   environment array leaves `environ` (the rest moves up one place), so
//!   the program and its children see the environment they were given;
//! - the program's `PT_INTERP` header gets its original `p_vaddr` back, and
//!   its page its protection (musl has read its name by now).
//!
//! The stub passes a pointer to a [`Handoff`] in an auxiliary vector entry
//! of type [`AT_GCOMPAT`], which becomes `AT_IGNORE` here. A process the
//! stub did not start (a direct `ld-musl --preload` start, `LD_PRELOAD`)
//! has no such entry, and nothing happens.

use core::ffi::{c_char, c_ulong};
use gcompat_handoff::{AT_GCOMPAT, Handoff};

const AT_IGNORE: c_ulong = 1;

unsafe extern "C" {
    static mut environ: *mut *mut c_char;
}

/// Undoes the stub's changes, once, from the shim's constructor.
pub fn undo_handoff() {
    // SAFETY: getauxval has no preconditions.
    let at = unsafe { libc::getauxval(AT_GCOMPAT as c_ulong) } as *const Handoff;
    if at.is_null() {
        return;
    }
    // SAFETY: the stub's hand-off, in its memory, mapped for good.
    let h = unsafe { &*at };
    if !h.is_filled() {
        return;
    }
    // SAFETY: `environ` is the array musl was started with: the stub's entry
    // first, then the program's, then a null, then the auxiliary vector.
    unsafe {
        let env = environ;
        let mut n = 0;
        while !(*env.add(n)).is_null() {
            n += 1;
        }
        let auxv = env.add(n + 1).cast::<[c_ulong; 2]>();
        if n > 0 && (*env).cast_const().cast::<u8>() == h.env_entry {
            core::ptr::copy(env.add(1), env, n); // the null moves up too
        }
        let mut a = auxv;
        while (*a)[0] != 0 {
            if (*a)[0] == AT_GCOMPAT as c_ulong {
                (*a)[0] = AT_IGNORE;
            }
            a = a.add(1);
        }
        h.field.write(h.value);
        libc::mprotect(h.page as *mut libc::c_void, 4096, h.prot as i32);
    }
}
