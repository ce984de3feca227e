//! argp's help text (glibc manual, "Argp Help Output"; "argp_help"): the
//! `Usage:` lines, the option table and the doc strings, laid out as glibc
//! lays them out.
//!
//! The options of the whole tree are gathered into a "help option list":
//! one entry per option and its aliases, clustered under the children that
//! have a header or a group, sorted by group (0, 1, ..., n, -m, ..., -1),
//! cluster, and then alphabetically, with short options shadowing later
//! ones of the same letter. Layout columns come from `ARGP_HELP_FMT`
//! (`name=value,bool,no-bool`, read at each help call).
//!
//! - [`params`]: the layout parameters and `ARGP_HELP_FMT`;
//! - [`hol`]: the help option list built from the tree;
//! - [`sort`]: the order of its entries;
//! - [`usage`]: the `Usage:` lines;
//! - [`table`]: the option table;
//! - [`doc`]: the doc strings before and after it.

mod doc;
mod hol;
mod params;
mod sort;
mod table;
mod usage;

use super::fmtstream::FmtStream;
use super::parse::{input_of, option_is_end, option_is_short};
use super::*;
use crate::abi::glibc_types::{argp, argp_option, argp_state};
use crate::abi::vec::{NoMem, Vec};
use core::ffi::{c_char, c_int, c_uint};
use core::ptr::null;
use hol::{Cluster, NONE, options, visible};
use params::{Params, fill_in_uparams, params};
use usage::{args_levels, hol_usage};

/// One help call's working data.
struct Help {
    clusters: Vec<Cluster>,
    state: *const argp_state,
    uparams: Params,
}

/// Hands a text to `argp`'s help filter, if it has one.
///
/// # Safety
/// `argp` is null or valid; `state` null or live; `doc` null or a C string.
unsafe fn filter_doc(doc: *const c_char, key: c_int, argp: *const argp, state: *const argp_state) -> *const c_char {
    if argp.is_null() {
        return doc;
    }
    // SAFETY: as the contract.
    unsafe {
        match (*argp).help_filter {
            Some(filter) => filter(key, doc, input_of(argp, state)),
            None => doc,
        }
    }
}

/// Frees what a help filter returned, if it is not the text it was given.
///
/// # Safety
/// `filtered` is `given` or a malloc'd string (argp's filter contract).
unsafe fn free_filtered(filtered: *const c_char, given: *const c_char) {
    if !filtered.is_null() && filtered != given {
        // SAFETY: the filter's own allocation.
        unsafe { libc::free(filtered.cast_mut().cast()) };
    }
}

/// glibc's `_help`: everything `argp_help` and `argp_state_help` print.
///
/// # Safety
/// `argp` is null or a valid tree; `state` null or live; `stream` null or
/// open; `name` null or a C string.
pub(crate) unsafe fn help(
    argp: *const argp,
    state: *const argp_state,
    stream: *mut FILE,
    flags: c_uint,
    name: *const c_char,
) {
    if stream.is_null() {
        return;
    }
    // SAFETY: an open stream (the caller).
    unsafe { musl::flockfile(stream) };
    // SAFETY: a live state or null (the caller).
    unsafe { fill_in_uparams(state) };
    let uparams = params();
    let Some(mut fs) = FmtStream::new(stream, 0, uparams.rmargin, 0) else {
        // SAFETY: locked above.
        unsafe { musl::funlockfile(stream) };
        return;
    };
    let mut h = Help { clusters: Vec::new(), state, uparams };
    // SAFETY: the caller's tree and name.
    let printed = unsafe { h.print(&mut fs, argp, flags, name) };
    // SAFETY: locked above.
    unsafe { musl::funlockfile(stream) };
    // What is left in the buffer goes out after the unlock, as in glibc.
    drop(fs);
    if printed.is_err() {
        // glibc asserts that its help tables were allocated.
        crate::abi::fatal::libc_fatal("libgcompat: argp: out of memory\n");
    }
}

impl Help {
    /// The help text `flags` ask for, through `fs`.
    ///
    /// # Safety
    /// As [`help`].
    unsafe fn print(
        &mut self,
        fs: &mut FmtStream,
        argp: *const argp,
        mut flags: c_uint,
        name: *const c_char,
    ) -> Result<(), NoMem> {
        let uparams = self.uparams;
        // SAFETY: a C string or null.
        let name = unsafe { text(name) };
        let mut anything = false;

        let mut hol = None;
        if flags & (ARGP_HELP_USAGE | ARGP_HELP_SHORT_USAGE | ARGP_HELP_LONG) != 0 {
            // SAFETY: a valid tree (the caller).
            let mut list = unsafe { self.argp_hol(argp, NONE) }?;
            // --help and --version always come last.
            for last in [c"help", c"version"] {
                let found = list.entries.iter().position(|e| {
                    // SAFETY: the entries' options are live.
                    unsafe { options(e) }.iter().any(|o| {
                        // SAFETY: a non-null name is a C string.
                        !o.name.is_null() && visible(o) && unsafe { CStr::from_ptr(o.name) } == last
                    })
                });
                if let Some(i) = found {
                    list.entries[i].group = -1;
                }
            }
            self.sort(&mut list)?;
            hol = Some(list);
        }
        let domain = if argp.is_null() {
            null()
        } else {
            // SAFETY: a valid argp.
            unsafe { (*argp).argp_domain }
        };
        // SAFETY: static texts.
        let say = |s: &'static CStr| unsafe { text(tr(domain, s.as_ptr())) };

        if let Some(list) = hol.as_ref().filter(|_| flags & (ARGP_HELP_USAGE | ARGP_HELP_SHORT_USAGE) != 0) {
            // SAFETY: a valid tree.
            let mut levels: Vec<u8> = Vec::with_len(unsafe { args_levels(argp) }, 0)?;
            let mut first_pattern = true;
            loop {
                let old_wm = fs.set_wmargin(uparams.usage_indent as isize);
                let lead = if first_pattern { say(c"Usage:") } else { say(c"  or: ") };
                fs.printf(&[lead, b" ", name]);
                let old_lm = fs.set_lmargin(uparams.usage_indent);
                if flags & ARGP_HELP_SHORT_USAGE != 0 {
                    if !list.entries.is_empty() {
                        fs.puts(say(c" [OPTION...]"));
                    }
                } else {
                    hol_usage(fs, list)?;
                    flags |= ARGP_HELP_SHORT_USAGE; // the options only once
                }
                let mut cursor = 0;
                // SAFETY: a valid tree.
                let more = unsafe { self.args_usage(fs, argp, &mut levels, &mut cursor, true) };
                fs.set_wmargin(old_wm);
                fs.set_lmargin(old_lm);
                fs.putc(b'\n');
                anything = true;
                first_pattern = false;
                if !more {
                    break;
                }
            }
        }

        if flags & ARGP_HELP_PRE_DOC != 0 {
            // SAFETY: a valid tree.
            anything |= unsafe { self.argp_doc(fs, argp, false, false, true) };
        }
        if flags & ARGP_HELP_SEE != 0 {
            fs.printf(&[b"Try `", name, b" --help' or `", name, b" --usage' for more information.\n"]);
            anything = true;
        }
        if flags & ARGP_HELP_LONG != 0
            && let Some(list) = hol.as_ref()
            && !list.entries.is_empty()
        {
            if anything {
                fs.putc(b'\n');
            }
            self.hol_help(fs, list);
            anything = true;
        }
        if flags & ARGP_HELP_POST_DOC != 0 {
            // SAFETY: a valid tree.
            anything |= unsafe { self.argp_doc(fs, argp, true, anything, false) };
        }
        // SAFETY: the program's variable, read through the GOT.
        let bug_address = unsafe { argp_program_bug_address };
        if flags & ARGP_HELP_BUG_ADDR != 0 && !bug_address.is_null() {
            if anything {
                fs.putc(b'\n');
            }
            // SAFETY: a C string.
            fs.printf(&[b"Report bugs to ", unsafe { text(bug_address) }, b".\n"]);
        }
        Ok(())
    }
}
