//! What glibc's `<fts.h>` defines beyond the structures (which are in
//! `abi::glibc_types`): the option, `fts_info`, `fts_flags` and `fts_set`
//! values, the shim's private options, and the comparison function's type.

use crate::abi::glibc_types::{FTS, FTSENT, FTSENT64};
use core::ffi::c_int;

// fts_open options (glibc <fts.h>).
pub const FTS_COMFOLLOW: c_int = 0x0001;
pub const FTS_LOGICAL: c_int = 0x0002;
pub const FTS_NOCHDIR: c_int = 0x0004;
pub const FTS_NOSTAT: c_int = 0x0008;
pub const FTS_PHYSICAL: c_int = 0x0010;
pub const FTS_SEEDOT: c_int = 0x0020;
pub const FTS_XDEV: c_int = 0x0040;
pub const FTS_OPTIONMASK: c_int = 0x00ff;
/// Private: the children list holds names only (`fts_children`).
pub const FTS_NAMEONLY: c_int = 0x0100;
/// Private: an unrecoverable error; `fts_read` returns NULL from now on.
pub const FTS_STOP: c_int = 0x0200;

pub const FTS_ROOTPARENTLEVEL: i16 = -1;
pub const FTS_ROOTLEVEL: i16 = 0;

// fts_info values.
pub const FTS_D: u16 = 1;
pub const FTS_DC: u16 = 2;
pub const FTS_DEFAULT: u16 = 3;
pub const FTS_DNR: u16 = 4;
pub const FTS_DOT: u16 = 5;
pub const FTS_DP: u16 = 6;
pub const FTS_ERR: u16 = 7;
pub const FTS_F: u16 = 8;
pub const FTS_INIT: u16 = 9;
pub const FTS_NS: u16 = 10;
pub const FTS_NSOK: u16 = 11;
pub const FTS_SL: u16 = 12;
pub const FTS_SLNONE: u16 = 13;

// fts_flags values.
pub const FTS_DONTCHDIR: u16 = 0x01;
pub const FTS_SYMFOLLOW: u16 = 0x02;

// fts_set instructions.
pub const FTS_AGAIN: c_int = 1;
pub const FTS_FOLLOW: c_int = 2;
pub const FTS_NOINSTR: c_int = 3;
pub const FTS_SKIP: c_int = 4;

/// The user's comparison function, as `<fts.h>` declares it.
pub type Compar = Option<unsafe extern "C" fn(*const *const FTSENT, *const *const FTSENT) -> c_int>;
pub type Compar64 = Option<unsafe extern "C" fn(*const *const FTSENT64, *const *const FTSENT64) -> c_int>;

/// Whether the stream has option `opt`.
pub fn isset(sp: &FTS, opt: c_int) -> bool {
    sp.fts_options & opt != 0
}
