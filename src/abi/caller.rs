//! Telling a glibc-built caller from a musl-built one: the one mechanism
//! behind every name whose glibc meaning differs from musl's (`strerror_r`,
//! `basename`, `getopt`, ...). The rules it follows, and the steps to add
//! an override, are written down here and nowhere else.
//!
//! A preloaded library comes first in symbol lookup for every object in the
//! process, Alpine's own libraries included, so an override must keep musl's
//! meaning for musl-built callers. The exported name is a small C front that
//! passes `__builtin_return_address(0)` to the Rust body (`__gcompat_NAME`,
//! last argument `caller`); this module says which object that address lies
//! in and whether that object was linked against glibc.
//!
//! # Rules
//!
//! - **glibc-built** means: the object's version needs (`DT_VERNEED`) name a
//!   `GLIBC_*` version. Every glibc symbol is versioned, so any object that
//!   calls into glibc has one; musl's libraries carry no symbol versions at
//!   all. The test is per object, never per call site.
//! - **Unknown addresses** (JIT code, the vDSO, code in no loaded object)
//!   count as musl's: the shim then changes nothing.
//! - **Internal calls.** The shim is linked `-Bsymbolic-functions`, so a call
//!   from the shim's own code to an overridden name (`libc::fprintf`,
//!   `libc::pthread_create`) binds to the shim's own front, whose return
//!   address lies in the shim. The shim names no `GLIBC_*` version: such a
//!   call gets musl's meaning. Shim code that needs glibc's meaning on behalf
//!   of a glibc caller calls the glibc implementation directly
//!   (`stdio::printf::glibc_vfprintf`, `string::strerror::describe`), never
//!   the exported name. musl's calls between its own functions bind inside
//!   musl's `libc.so` and never reach an override.
//! - **Names only glibc's headers emit** (`__*_chk`, `__isoc23_*`, `__xstat`,
//!   ...) need no test: their callers are glibc-built by definition.
//! - **Tail calls.** The address read is where the call will return to. A
//!   call in tail position (`return strerror(e);` compiled as a jump) leaves
//!   its function's own return address in place, so the object classified
//!   is the caller's caller. Within one object that is the same answer;
//!   across objects of different libcs (a glibc-built library function,
//!   called by a musl-built program, that ends in a jump to `strerror_r`)
//!   the meaning follows the object returned to, and no front can tell a
//!   jump from a call. The fronts themselves end in a jump to their Rust
//!   body: they read the address first, so that jump carries the right
//!   caller along, and the Rust body may pass `caller` on further.
//! - **The cache** (`objects.rs`, shared with `_dl_find_object`): the first
//!   64 distinct objects looked up keep their answer for the life of the
//!   process (musl never unloads an object, so a span never goes stale),
//!   and the hot path is a scan of those slots. Past 64, a call from any
//!   other object walks `dl_iterate_phdr` each time: the answer is the
//!   same, the cost grows with the number of loaded objects. An address in
//!   no object is never cached, and a miss while another thread is filling
//!   a slot is answered but not cached.
//!
//! # Adding an override
//!
//! 1. `symbols/overrides.txt`: the name, a tab, why glibc's meaning differs
//!    and what musl-built callers get (`tests/exports.rs` fails on an
//!    exported musl name without an entry), and the name in the
//!    `symbols/GLIBC_*.txt` of the version glibc defines it at.
//! 2. A C front in the area's `overrides.c` (or `fronts.c`): musl's
//!    prototype, one call to `__gcompat_NAME(..., __builtin_return_address(0))`.
//!    C, because Rust cannot read its own return address. Keep it out of the
//!    host unit-test build (`#ifndef __GLIBC__`, as `csu/start.c`) when it
//!    would replace a name the test process itself uses.
//! 3. The Rust body: `if !caller::is_glibc(caller)`, musl's own definition,
//!    reached through `musl_next!` (which aborts if musl lacks it) or
//!    `next::Next::find` (where musl may lack it: fts); otherwise glibc's
//!    meaning. If other shim code needs that meaning, expose it as a
//!    function beside the body (the `glibc_*` pattern of `stdio/printf.rs`).
//! 4. A glibc-built testbin in `testbins/<area>/` that shows glibc's meaning
//!    (the differential harness compares it with glibc's own output).
//! 5. A `*.musl.c` testbin beside it, built with musl-gcc and run with the
//!    shim against musl without the shim as the oracle: it proves musl-built
//!    callers keep musl's meaning.

use core::ffi::c_void;

/// Whether the code at `addr` (a return address) belongs to a glibc-built
/// object. Unknown addresses (JIT code, the vDSO) count as musl's: the
/// shim then changes nothing.
#[inline]
pub fn is_glibc(addr: *const c_void) -> bool {
    super::objects::is_glibc(addr as usize).unwrap_or(false)
}
