//! The option table of `--help` (glibc's `hol_help`): each entry's short
//! and long names with their arguments, its doc string at the doc column,
//! the cluster headers, and the note on arguments shared by short and long
//! options.

use super::hol::{Entry, Hol, NONE, doc, options, short, visible};
use super::*;

fn indent_to(fs: &mut FmtStream, col: usize) {
    let point = fs.point();
    for _ in point..col {
        fs.putc(b' ');
    }
}

/// The option's argument name in `req`'s or `opt`'s shape (prefix, suffix).
///
/// # Safety
/// `real` is a live option; `domain` null or a C string.
unsafe fn arg(fs: &mut FmtStream, real: &argp_option, req: (&[u8], &[u8]), opt: (&[u8], &[u8]), domain: *const c_char) {
    if real.arg.is_null() {
        return;
    }
    // SAFETY: as the contract.
    let name = unsafe { text(tr(domain, real.arg)) };
    let (pre, post) = if real.flags & OPTION_ARG_OPTIONAL != 0 { opt } else { req };
    fs.printf(&[pre, name, post]);
}

/// Printing state across entries (glibc's `hol_help_state`).
struct HelpState {
    prev_entry: Option<Entry>,
    sep_groups: bool,
    suppressed_dup_arg: bool,
}

impl Help {
    /// The domain option texts are translated in: the root argp's.
    fn root_domain(&self) -> *const c_char {
        if self.state.is_null() {
            return null();
        }
        // SAFETY: a live state whose root is null or valid.
        unsafe {
            let root = (*self.state).root_argp;
            if root.is_null() { null() } else { (*root).argp_domain }
        }
    }

    /// A header line (glibc's `print_header`).
    ///
    /// # Safety
    /// `argp` is valid; `s` null or a C string.
    unsafe fn print_header(&self, fs: &mut FmtStream, hh: &mut HelpState, s: *const c_char, argp: *const argp) {
        // SAFETY: as the contract.
        unsafe {
            let tstr = tr((*argp).argp_domain, s);
            let fstr = filter_doc(tstr, ARGP_KEY_HELP_HEADER, argp, self.state);
            if !fstr.is_null() {
                if *fstr != 0 {
                    if hh.prev_entry.is_some() {
                        fs.putc(b'\n');
                    }
                    let col = self.uparams.header_col;
                    indent_to(fs, col);
                    fs.set_lmargin(col);
                    fs.set_wmargin(col as isize);
                    fs.puts(text(fstr));
                    fs.set_lmargin(0);
                    fs.putc(b'\n');
                }
                hh.sep_groups = true;
            }
            free_filtered(fstr, tstr);
        }
    }

    /// Before each name of an entry: ", " or, for the first, the blank line
    /// and the cluster header that should precede the entry.
    fn comma(&self, fs: &mut FmtStream, hh: &mut HelpState, entry: &Entry, first: &mut bool, col: usize) {
        if *first {
            let pe = hh.prev_entry;
            if hh.sep_groups && pe.is_some_and(|pe| entry.group != pe.group) {
                fs.putc(b'\n');
            }
            let cl = entry.cluster;
            if cl != NONE {
                let c = self.clusters[cl];
                if !c.header.is_null()
                    // SAFETY: a non-null header is a C string.
                    && unsafe { *c.header } != 0
                    && pe.is_none_or(|pe| pe.cluster != cl && !self.is_child(pe.cluster, cl))
                {
                    let old_wm = fs.wmargin;
                    // SAFETY: the cluster's header and argp are live.
                    unsafe { self.print_header(fs, hh, c.header, c.argp) };
                    fs.set_wmargin(old_wm);
                }
            }
            *first = false;
        } else {
            fs.puts(b", ");
        }
        indent_to(fs, col);
    }

    /// One entry of the option table (glibc's `hol_entry_help`).
    fn entry_help(&self, fs: &mut FmtStream, hol: &Hol, entry: &Entry, hh: &mut HelpState) {
        let u = self.uparams;
        // SAFETY: the entry's options are live.
        let opts = unsafe { options(entry) };
        let real = &opts[0];
        let domain = self.root_domain();
        let old_lm = fs.set_lmargin(0);
        let old_wm = fs.wmargin;
        let mut first = true;
        let have_long_opt = !doc(real) && opts.iter().any(|o| !o.name.is_null() && visible(o));

        fs.set_wmargin(u.short_opt_col as isize);
        let mut so = entry.short_options;
        for opt in opts {
            if short(opt) && opt.key == c_int::from(hol.so(so)) {
                if visible(opt) {
                    self.comma(fs, hh, entry, &mut first, u.short_opt_col);
                    fs.putc(b'-');
                    fs.putc(hol.so(so));
                    if !have_long_opt || u.dup_args {
                        // SAFETY: a live option.
                        unsafe { arg(fs, real, (b" ", b""), (b"[", b"]"), domain) };
                    } else if !real.arg.is_null() {
                        hh.suppressed_dup_arg = true;
                    }
                }
                so += 1;
            }
        }

        if doc(real) {
            fs.set_wmargin(u.doc_opt_col as isize);
            for opt in opts.iter().filter(|o| !o.name.is_null() && visible(o)) {
                self.comma(fs, hh, entry, &mut first, u.doc_opt_col);
                // SAFETY: a C string name.
                fs.puts(unsafe { text(tr(domain, opt.name)) });
            }
        } else {
            fs.set_wmargin(u.long_opt_col as isize);
            for opt in opts.iter().filter(|o| !o.name.is_null() && visible(o)) {
                self.comma(fs, hh, entry, &mut first, u.long_opt_col);
                // SAFETY: a C string name; a live option.
                unsafe {
                    fs.printf(&[b"--", text(opt.name)]);
                    arg(fs, real, (b"=", b""), (b"[=", b"]"), domain);
                }
            }
        }

        fs.set_lmargin(0);
        if first {
            // Nothing printed: a group header, or an option all shadowed.
            if !short(real) && real.name.is_null() {
                // SAFETY: the entry's argp is live.
                unsafe { self.print_header(fs, hh, real.doc, entry.argp) };
            } else {
                fs.set_lmargin(old_lm);
                fs.set_wmargin(old_wm);
                return;
            }
        } else {
            // SAFETY: doc strings are C strings; the filter's contract.
            unsafe {
                let tstr = tr(domain, real.doc);
                let fstr = filter_doc(tstr, real.key, entry.argp, self.state);
                if !fstr.is_null() && *fstr != 0 {
                    let col = fs.point();
                    fs.set_lmargin(u.opt_doc_col);
                    fs.set_wmargin(u.opt_doc_col as isize);
                    if col > u.opt_doc_col + 3 {
                        fs.putc(b'\n');
                    } else if col >= u.opt_doc_col {
                        fs.puts(b"   ");
                    } else {
                        indent_to(fs, u.opt_doc_col);
                    }
                    fs.puts(text(fstr));
                }
                free_filtered(fstr, tstr);
            }
            fs.set_lmargin(0);
            fs.putc(b'\n');
        }
        hh.prev_entry = Some(*entry);
        fs.set_lmargin(old_lm);
        fs.set_wmargin(old_wm);
    }

    /// The option table (glibc's `hol_help`).
    pub(super) fn hol_help(&self, fs: &mut FmtStream, hol: &Hol) {
        let mut hh = HelpState { prev_entry: None, sep_groups: false, suppressed_dup_arg: false };
        for entry in hol.entries.iter() {
            self.entry_help(fs, hol, entry, &mut hh);
        }
        if hh.suppressed_dup_arg && self.uparams.dup_args_note {
            let note = c"Mandatory or optional arguments to long options are also mandatory or optional for any corresponding short options.";
            // SAFETY: a static text; the filter's contract.
            unsafe {
                let tstr = tr(self.root_domain(), note.as_ptr());
                let root = if self.state.is_null() { null() } else { (*self.state).root_argp };
                let fstr = filter_doc(tstr, ARGP_KEY_HELP_DUP_ARGS_NOTE, root, self.state);
                if !fstr.is_null() && *fstr != 0 {
                    fs.putc(b'\n');
                    fs.puts(text(fstr));
                    fs.putc(b'\n');
                }
                free_filtered(fstr, tstr);
            }
        }
    }
}
