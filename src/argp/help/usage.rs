//! The `Usage:` lines (glibc's `hol_usage` and `argp_args_usage`): the
//! options in short form, then each pattern of the tree's `args_doc`
//! strings, one line per alternative.

use super::hol::Hol;
use super::*;

/// A space, or a newline if `ensure` more columns do not fit.
fn space(fs: &mut FmtStream, ensure: usize) {
    if fs.point() + ensure >= fs.rmargin {
        fs.putc(b'\n');
    } else {
        fs.putc(b' ');
    }
}

/// The options part of a `Usage:` line (glibc's `hol_usage`): `[-abc]`,
/// then `[-x ARG]`, then `[--long=ARG]`.
pub(super) fn hol_usage(fs: &mut FmtStream, hol: &Hol) -> Result<(), NoMem> {
    if hol.entries.is_empty() {
        return Ok(());
    }
    let mut flags_only: Vec<u8> = Vec::new();
    for entry in hol.entries.iter() {
        let full = hol.short_iterate(entry, |opt, real| {
            let flag = opt.arg.is_null() && real.arg.is_null() && (opt.flags | real.flags) & OPTION_NO_USAGE == 0;
            // Nonzero stops the walk.
            c_int::from(flag && flags_only.push(opt.key as u8).is_err())
        });
        if full != 0 {
            return Err(NoMem);
        }
    }
    if !flags_only.is_empty() {
        fs.printf(&[b" [-", &flags_only, b"]"]);
    }
    for entry in hol.entries.iter() {
        // SAFETY: the entry's argp is live.
        let domain = unsafe { (*entry.argp).argp_domain };
        hol.short_iterate(entry, |opt, real| {
            let a = if opt.arg.is_null() { real.arg } else { opt.arg };
            let flags = opt.flags | real.flags;
            if !a.is_null() && flags & OPTION_NO_USAGE == 0 {
                // SAFETY: argument names are C strings.
                let a = unsafe { text(tr(domain, a)) };
                let key = [opt.key as u8];
                if flags & OPTION_ARG_OPTIONAL != 0 {
                    fs.printf(&[b" [-", &key, b"[", a, b"]]"]);
                } else {
                    // Wrap by hand, so as not to break at the inner space.
                    space(fs, 6 + a.len());
                    fs.printf(&[b"[-", &key, b" ", a, b"]"]);
                }
            }
            0
        });
    }
    for entry in hol.entries.iter() {
        // SAFETY: the entry's argp is live.
        let domain = unsafe { (*entry.argp).argp_domain };
        hol.long_iterate(entry, |opt, real| {
            let a = if opt.arg.is_null() { real.arg } else { opt.arg };
            let flags = opt.flags | real.flags;
            if flags & OPTION_NO_USAGE != 0 {
                return;
            }
            // SAFETY: names and argument names are C strings.
            let name = unsafe { text(opt.name) };
            if a.is_null() {
                fs.printf(&[b" [--", name, b"]"]);
            } else {
                // SAFETY: as above.
                let a = unsafe { text(tr(domain, a)) };
                if flags & OPTION_ARG_OPTIONAL != 0 {
                    fs.printf(&[b" [--", name, b"[=", a, b"]]"]);
                } else {
                    fs.printf(&[b" [--", name, b"=", a, b"]"]);
                }
            }
        });
    }
    Ok(())
}

/// How many argps in the tree have alternative `args_doc` lines.
///
/// # Safety
/// `argp` is null or a valid tree.
pub(super) unsafe fn args_levels(argp: *const argp) -> usize {
    if argp.is_null() {
        return 0;
    }
    // SAFETY: a valid tree (the caller).
    unsafe {
        let a = &*argp;
        let mut levels = usize::from(!a.args_doc.is_null() && text(a.args_doc).contains(&b'\n'));
        let mut child = a.children;
        while !child.is_null() && !(*child).argp.is_null() {
            levels += args_levels((*child).argp);
            child = child.add(1);
        }
        levels
    }
}

impl Help {
    /// The operands part of a `Usage:` line: this pattern's line of each
    /// `args_doc` in the tree. `levels[*cursor..]` holds each multi-line
    /// args_doc's current line; returns whether more patterns remain
    /// (glibc's `argp_args_usage`).
    ///
    /// # Safety
    /// `argp` is null or a valid tree.
    pub(super) unsafe fn args_usage(
        &self,
        fs: &mut FmtStream,
        argp: *const argp,
        levels: &mut [u8],
        cursor: &mut usize,
        mut advance: bool,
    ) -> bool {
        if argp.is_null() {
            return !advance;
        }
        let our_level = *cursor;
        let mut multiple = false;
        let mut more_lines = false;
        // SAFETY: a valid tree; the filter's contract.
        unsafe {
            let a = &*argp;
            let tdoc = tr(a.argp_domain, a.args_doc);
            let fdoc = filter_doc(tdoc, ARGP_KEY_HELP_ARGS_DOC, argp, self.state);
            if !fdoc.is_null() {
                let all = text(fdoc);
                let line_end =
                    |from: usize| all[from..].iter().position(|&c| c == b'\n').map_or(all.len(), |i| from + i);
                let mut cp = 0;
                let mut nl = line_end(cp);
                if nl < all.len() {
                    multiple = true;
                    for _ in 0..levels.get(our_level).copied().unwrap_or(0) {
                        cp = (nl + 1).min(all.len());
                        nl = line_end(cp);
                    }
                    *cursor += 1;
                }
                more_lines = nl < all.len();
                space(fs, 1 + nl - cp);
                fs.write(&all[cp..nl]);
            }
            free_filtered(fdoc, tdoc);

            let mut child = a.children;
            while !child.is_null() && !(*child).argp.is_null() {
                advance = !self.args_usage(fs, (*child).argp, levels, cursor, advance);
                child = child.add(1);
            }
        }
        if advance
            && multiple
            && let Some(level) = levels.get_mut(our_level)
        {
            if more_lines {
                *level += 1;
                advance = false;
            } else if *level > 0 {
                *level = 0;
            }
        }
        !advance
    }
}
