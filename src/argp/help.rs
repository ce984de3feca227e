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

use super::fmtstream::FmtStream;
use super::parse::{input_of, option_is_end, option_is_short};
use super::vec::CVec;
use super::*;
use crate::abi::glibc_types::{argp, argp_option, argp_state};
use core::ffi::{c_char, c_int, c_uint};
use core::ptr::null;
use core::sync::atomic::{AtomicI32, Ordering::Relaxed};

/// The layout parameters (glibc's `uparams`), in `NAMES` order. Once set
/// from `ARGP_HELP_FMT` they stay set, as in glibc.
static UPARAMS: [AtomicI32; 9] = [
    AtomicI32::new(0),  // dup-args
    AtomicI32::new(1),  // dup-args-note
    AtomicI32::new(2),  // short-opt-col
    AtomicI32::new(6),  // long-opt-col
    AtomicI32::new(2),  // doc-opt-col
    AtomicI32::new(29), // opt-doc-col
    AtomicI32::new(1),  // header-col
    AtomicI32::new(12), // usage-indent
    AtomicI32::new(79), // rmargin
];

/// Each parameter's name and whether it is a boolean.
const NAMES: [(&[u8], bool); 9] = [
    (b"dup-args", true),
    (b"dup-args-note", true),
    (b"short-opt-col", false),
    (b"long-opt-col", false),
    (b"doc-opt-col", false),
    (b"opt-doc-col", false),
    (b"header-col", false),
    (b"usage-indent", false),
    (b"rmargin", false),
];

#[derive(Clone, Copy)]
struct Params {
    dup_args: bool,
    dup_args_note: bool,
    short_opt_col: usize,
    long_opt_col: usize,
    doc_opt_col: usize,
    opt_doc_col: usize,
    header_col: usize,
    usage_indent: usize,
    rmargin: usize,
}

fn params() -> Params {
    let v = |i: usize| UPARAMS[i].load(Relaxed);
    let col = |i: usize| v(i).max(0) as usize;
    Params {
        dup_args: v(0) != 0,
        dup_args_note: v(1) != 0,
        short_opt_col: col(2),
        long_opt_col: col(3),
        doc_opt_col: col(4),
        opt_doc_col: col(5),
        header_col: col(6),
        usage_indent: col(7),
        rmargin: col(8),
    }
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// Reads `ARGP_HELP_FMT` into the parameters, complaining as glibc does
/// about unknown names, missing values and garbage.
///
/// # Safety
/// `state` is null or a live parsing state.
unsafe fn fill_in_uparams(state: *const argp_state) {
    // SAFETY: a NUL-terminated name; the value is a C string.
    let var = unsafe { libc::getenv(c"ARGP_HELP_FMT".as_ptr()) };
    if var.is_null() {
        return;
    }
    // SAFETY: a C string from the environment.
    let s = unsafe { text(var) };
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let skip_ws = |mut i: usize| {
        while is_space(at(i)) {
            i += 1;
        }
        i
    };
    let complain = |message: &[u8]| {
        // SAFETY: a live state or null (the caller).
        unsafe { failure_message(state, 0, 0, Some(message)) };
    };
    let mut i = 0;
    while at(i) != 0 {
        i = skip_ws(i);
        if at(i).is_ascii_alphabetic() {
            let mut name = i;
            let mut a = i;
            while at(a).is_ascii_alphanumeric() || at(a) == b'-' || at(a) == b'_' {
                a += 1;
            }
            let mut name_len = a - name;
            a = skip_ws(a);
            let unspec = at(a) == 0 || at(a) == b',';
            let mut val = 0;
            if !unspec && at(a) == b'=' {
                a = skip_ws(a + 1);
            }
            if unspec {
                if s[name..].starts_with(b"no-") {
                    name += 3;
                    name_len -= 3;
                } else {
                    val = 1;
                }
            } else if at(a).is_ascii_digit() {
                // SAFETY: `a` is within the C string.
                val = unsafe { libc::atoi(var.add(a)) };
                while at(a).is_ascii_digit() {
                    a += 1;
                }
                a = skip_ws(a);
            }
            let given = &s[name..name + name_len];
            match NAMES.iter().position(|(n, _)| *n == given) {
                Some(k) if unspec && !NAMES[k].1 => {
                    let mut m = crate::abi::cstr::Buf::<256>::new();
                    m.push(given);
                    m.push(b": ARGP_HELP_FMT parameter requires a value");
                    complain(m.as_bytes());
                }
                Some(k) => UPARAMS[k].store(val, Relaxed),
                None => {
                    let mut m = crate::abi::cstr::Buf::<256>::new();
                    m.push(given);
                    m.push(b": Unknown ARGP_HELP_FMT parameter");
                    complain(m.as_bytes());
                }
            }
            i = a;
            if at(i) == b',' {
                i += 1;
            }
        } else if at(i) != 0 {
            let mut m = crate::abi::cstr::Buf::<512>::new();
            m.push(b"Garbage in ARGP_HELP_FMT: ");
            m.push(&s[i..]);
            complain(m.as_bytes());
            break;
        }
    }
}

const NONE: usize = usize::MAX;

/// One help entry: an option and its aliases.
#[derive(Clone, Copy)]
struct Entry {
    opt: *const argp_option,
    /// Options in the entry (the first and its aliases).
    num: usize,
    /// Where this entry's unshadowed short options start in the list's
    /// short option string.
    short_options: usize,
    group: c_int,
    /// Index into `Help::clusters`, or NONE.
    cluster: usize,
    argp: *const argp,
}

/// The options of a child with a header or a group, kept together.
#[derive(Clone, Copy)]
struct Cluster {
    header: *const c_char,
    /// The child's index in its parent's children.
    index: c_int,
    group: c_int,
    parent: usize,
    argp: *const argp,
    depth: c_int,
}

/// A help option list.
struct Hol {
    entries: CVec<Entry>,
    short_options: CVec<u8>,
}

/// One help call's working data.
struct Help {
    clusters: CVec<Cluster>,
    state: *const argp_state,
    uparams: Params,
}

/// The options of `entry`, first to last alias.
///
/// # Safety
/// The entry's options are live.
unsafe fn options<'a>(entry: &Entry) -> &'a [argp_option] {
    // SAFETY: `num` entries start at `opt` (built by `make_hol`).
    unsafe { core::slice::from_raw_parts(entry.opt, entry.num) }
}

fn visible(o: &argp_option) -> bool {
    o.flags & OPTION_HIDDEN == 0
}

fn alias(o: &argp_option) -> bool {
    o.flags & OPTION_ALIAS != 0
}

fn doc(o: &argp_option) -> bool {
    o.flags & OPTION_DOC != 0
}

fn short(o: &argp_option) -> bool {
    // SAFETY: a live entry.
    unsafe { option_is_short(o) }
}

impl Hol {
    /// The byte at `i` of the short option string (0 past its end).
    fn so(&self, i: usize) -> u8 {
        self.short_options.get(i).copied().unwrap_or(0)
    }

    /// Calls `f(opt, real)` for each visible short option of `entry` that
    /// is not shadowed, until it returns nonzero (glibc's
    /// `hol_entry_short_iterate`).
    fn short_iterate(&self, entry: &Entry, mut f: impl FnMut(&argp_option, &argp_option) -> c_int) -> c_int {
        // SAFETY: the entry's options are live during the help call.
        let opts = unsafe { options(entry) };
        let mut real = &opts[0];
        let mut so = entry.short_options;
        for opt in opts {
            if short(opt) && c_int::from(self.so(so)) == opt.key {
                if !alias(opt) {
                    real = opt;
                }
                if visible(opt) {
                    let v = f(opt, real);
                    if v != 0 {
                        return v;
                    }
                }
                so += 1;
            }
        }
        0
    }

    /// The same for long options (glibc's `hol_entry_long_iterate`).
    fn long_iterate(&self, entry: &Entry, mut f: impl FnMut(&argp_option, &argp_option)) {
        // SAFETY: as above.
        let opts = unsafe { options(entry) };
        let mut real = &opts[0];
        for opt in opts {
            if !opt.name.is_null() {
                if !alias(opt) {
                    real = opt;
                }
                if visible(opt) {
                    f(opt, real);
                }
            }
        }
    }

    fn first_short(&self, entry: &Entry) -> u8 {
        self.short_iterate(entry, |opt, _| if short(opt) { opt.key } else { 0 }) as u8
    }
}

/// The first visible long option name of `entry`.
fn first_long(entry: &Entry) -> *const c_char {
    // SAFETY: the entry's options are live.
    unsafe { options(entry) }.iter().find(|o| !o.name.is_null() && visible(o)).map_or(null(), |o| o.name)
}

/// The help option list of `argp`'s own options (glibc's `make_hol`).
///
/// # Safety
/// `argp` is a valid argp.
unsafe fn make_hol(argp: *const argp, cluster: usize) -> Hol {
    let mut hol = Hol { entries: CVec::new(), short_options: CVec::new() };
    // SAFETY: a valid argp (the caller).
    let mut o = unsafe { (*argp).options };
    if o.is_null() {
        return hol;
    }
    let mut cur_group = 0;
    // SAFETY: the array ends with an end entry; `o` stays within it.
    unsafe {
        while !option_is_end(o) {
            let first = &*o;
            cur_group = if first.group != 0 {
                first.group
            } else if first.name.is_null() && first.key == 0 {
                cur_group + 1
            } else {
                cur_group
            };
            let mut entry = Entry { opt: o, num: 0, short_options: hol.short_options.len(), group: cur_group, cluster, argp };
            loop {
                entry.num += 1;
                let key = (*o).key as u8;
                if option_is_short(o) && !hol.short_options.contains(&key) {
                    hol.short_options.push(key);
                }
                o = o.add(1);
                if option_is_end(o) || !alias(&*o) {
                    break;
                }
            }
            hol.entries.push(entry);
        }
    }
    hol
}

impl Help {
    /// The help option list of the whole tree under `argp` (glibc's
    /// `argp_hol`).
    ///
    /// # Safety
    /// `argp` is null or a valid argp tree.
    unsafe fn argp_hol(&mut self, argp: *const argp, cluster: usize) -> Hol {
        if argp.is_null() {
            return Hol { entries: CVec::new(), short_options: CVec::new() };
        }
        // SAFETY: a valid tree (the caller).
        unsafe {
            let mut hol = make_hol(argp, cluster);
            let mut child = (*argp).children;
            let mut index = 0;
            while !child.is_null() && !(*child).argp.is_null() {
                let c = &*child;
                let child_cluster = if c.group != 0 || !c.header.is_null() {
                    let depth = if cluster == NONE { 0 } else { self.clusters[cluster].depth + 1 };
                    self.clusters.push(Cluster { header: c.header, index, group: c.group, parent: cluster, argp, depth });
                    self.clusters.len() - 1
                } else {
                    cluster
                };
                let more = self.argp_hol(c.argp, child_cluster);
                append(&mut hol, more);
                child = child.add(1);
                index += 1;
            }
            hol
        }
    }

    fn base(&self, mut cl: usize) -> usize {
        while self.clusters[cl].parent != NONE {
            cl = self.clusters[cl].parent;
        }
        cl
    }

    fn sibling_cmp(&self, a: usize, b: usize) -> c_int {
        let (c1, c2) = (&self.clusters[a], &self.clusters[b]);
        let cmp = group_cmp(c1.group, c2.group);
        if cmp != 0 { cmp } else { c2.index - c1.index }
    }

    fn cousin_cmp(&self, a: usize, b: usize) -> c_int {
        let (p1, p2) = (self.clusters[a].parent, self.clusters[b].parent);
        if p1 == p2 {
            return self.sibling_cmp(a, b);
        }
        let cmp = self.cousin_cmp(p1, p2);
        if cmp != 0 {
            return cmp;
        }
        self.sibling_cmp(a, b)
    }

    fn cluster_cmp(&self, mut a: usize, mut b: usize) -> c_int {
        let (da, db) = (self.clusters[a].depth, self.clusters[b].depth);
        if da > db {
            while self.clusters[a].depth > db {
                a = self.clusters[a].parent;
            }
            let cmp = self.cousin_cmp(a, b);
            if cmp != 0 { cmp } else { 1 }
        } else if da < db {
            while self.clusters[b].depth > da {
                b = self.clusters[b].parent;
            }
            let cmp = self.cousin_cmp(a, b);
            if cmp != 0 { cmp } else { -1 }
        } else {
            self.cousin_cmp(a, b)
        }
    }

    fn is_child(&self, mut cl: usize, ancestor: usize) -> bool {
        while cl != NONE && cl != ancestor {
            cl = self.clusters[cl].parent;
        }
        cl == ancestor
    }

    /// The order of two entries in the help (glibc's `hol_entry_cmp`).
    fn entry_cmp(&self, hol: &Hol, e1: &Entry, e2: &Entry) -> c_int {
        let group_of = |e: &Entry| if e.cluster != NONE { self.clusters[self.base(e.cluster)].group } else { e.group };
        let cmp = group_cmp(group_of(e1), group_of(e2));
        if cmp != 0 {
            return cmp;
        }
        let cmp = c_int::from(e1.cluster != NONE) - c_int::from(e2.cluster != NONE);
        if cmp != 0 {
            return cmp;
        }
        if e1.cluster != NONE {
            let cmp = self.cluster_cmp(e1.cluster, e2.cluster);
            if cmp != 0 {
                return cmp;
            }
        }
        let cmp = group_cmp(e1.group, e2.group);
        if cmp != 0 {
            return cmp;
        }
        // Documentation entries that do not look like options go last.
        let (mut long1, mut long2) = (first_long(e1), first_long(e2));
        // SAFETY: the entries' options are live.
        let (o1, o2) = unsafe { (&*e1.opt, &*e2.opt) };
        let doc1 = doc(o1) && !long1.is_null() && canon_doc_option(&mut long1);
        let doc2 = doc(o2) && !long2.is_null() && canon_doc_option(&mut long2);
        let cmp = c_int::from(doc1) - c_int::from(doc2);
        if cmp != 0 {
            return cmp;
        }
        let short1 = hol.first_short(e1);
        let short2 = hol.first_short(e2);
        // SAFETY: non-null names are C strings.
        let first = |s: u8, l: *const c_char| if s != 0 { s } else if l.is_null() { 0 } else { unsafe { *l as u8 } };
        let (first1, first2) = (first(short1, long1), first(short2, long2));
        let cmp = c_int::from(first1.to_ascii_lowercase()) - c_int::from(first2.to_ascii_lowercase());
        if cmp != 0 {
            return cmp;
        }
        let cmp = c_int::from(first2) - c_int::from(first1);
        if cmp != 0 {
            return cmp;
        }
        let cmp = c_int::from(short1 != 0) - c_int::from(short2 != 0);
        if cmp != 0 {
            return cmp;
        }
        if short1 == 0 {
            let cmp = c_int::from(!long1.is_null()) - c_int::from(!long2.is_null());
            if cmp != 0 {
                return cmp;
            }
            if !long1.is_null() {
                // SAFETY: C strings.
                return unsafe { libc::strcasecmp(long1, long2) };
            }
        }
        0
    }

    /// Sorts the entries as glibc's qsort does: its stable top-down merge
    /// sort, so that equal entries keep their order.
    fn sort(&self, hol: &mut Hol) {
        let n = hol.entries.len();
        if n < 2 {
            return;
        }
        let mut tmp: CVec<Entry> = CVec::with_capacity(n);
        for e in hol.entries.iter() {
            tmp.push(*e);
        }
        let mut entries = core::mem::take(&mut hol.entries);
        self.msort(hol, &mut entries, &mut tmp);
        hol.entries = entries;
    }

    fn msort(&self, hol: &Hol, b: &mut [Entry], tmp: &mut [Entry]) {
        let n = b.len();
        if n <= 1 {
            return;
        }
        let n1 = n / 2;
        {
            let (b1, b2) = b.split_at_mut(n1);
            self.msort(hol, b1, tmp);
            self.msort(hol, b2, tmp);
        }
        let (mut i, mut j, mut k) = (0, n1, 0);
        while i < n1 && j < n {
            if self.entry_cmp(hol, &b[i], &b[j]) <= 0 {
                tmp[k] = b[i];
                i += 1;
            } else {
                tmp[k] = b[j];
                j += 1;
            }
            k += 1;
        }
        while i < n1 {
            tmp[k] = b[i];
            i += 1;
            k += 1;
        }
        b[..k].copy_from_slice(&tmp[..k]);
    }
}

/// Order by group: 0, 1, 2, ..., n, -m, ..., -2, -1.
fn group_cmp(g1: c_int, g2: c_int) -> c_int {
    if (g1 < 0) == (g2 < 0) { g1.wrapping_sub(g2) } else { g2.wrapping_sub(g1) }
}

/// Moves `name` to the part of a documentation entry's name used for
/// sorting; true if it does not look like an option.
fn canon_doc_option(name: &mut *const c_char) -> bool {
    // SAFETY: `name` is a C string; the walk stops at its NUL.
    unsafe {
        while is_space(**name as u8) {
            *name = name.add(1);
        }
        let non_opt = **name as u8 != b'-';
        while **name != 0 && !(**name as u8).is_ascii_alphanumeric() {
            *name = name.add(1);
        }
        non_opt
    }
}

/// Appends `more` to `hol`; short options already in `hol` shadow those of
/// `more` (glibc's `hol_append`).
fn append(hol: &mut Hol, more: Hol) {
    if more.entries.is_empty() {
        return;
    }
    if hol.entries.is_empty() {
        *hol = more;
        return;
    }
    let hol_so_len = hol.short_options.len();
    let mut more_so = 0;
    for e in more.entries.iter() {
        let mut e = *e;
        let start = hol.short_options.len();
        // SAFETY: the entry's options are live.
        for opt in unsafe { options(&e) } {
            let ch = more.so(more_so);
            if short(opt) && c_int::from(ch) == opt.key {
                if !hol.short_options[..hol_so_len].contains(&ch) {
                    hol.short_options.push(ch);
                }
                more_so += 1;
            }
        }
        e.short_options = start;
        hol.entries.push(e);
    }
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

fn indent_to(fs: &mut FmtStream, col: usize) {
    let point = fs.point();
    for _ in point..col {
        fs.putc(b' ');
    }
}

/// A space, or a newline if `ensure` more columns do not fit.
fn space(fs: &mut FmtStream, ensure: usize) {
    if fs.point() + ensure >= fs.rmargin {
        fs.putc(b'\n');
    } else {
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
    fn hol_help(&self, fs: &mut FmtStream, hol: &Hol) {
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

/// The options part of a `Usage:` line (glibc's `hol_usage`): `[-abc]`,
/// then `[-x ARG]`, then `[--long=ARG]`.
fn hol_usage(fs: &mut FmtStream, hol: &Hol) {
    if hol.entries.is_empty() {
        return;
    }
    let mut flags_only: CVec<u8> = CVec::new();
    for entry in hol.entries.iter() {
        hol.short_iterate(entry, |opt, real| {
            if opt.arg.is_null() && real.arg.is_null() && (opt.flags | real.flags) & OPTION_NO_USAGE == 0 {
                flags_only.push(opt.key as u8);
            }
            0
        });
    }
    if !flags_only.is_empty() {
        fs.printf(&[b" [-", flags_only.as_slice(), b"]"]);
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
}

/// How many argps in the tree have alternative `args_doc` lines.
///
/// # Safety
/// `argp` is null or a valid tree.
unsafe fn args_levels(argp: *const argp) -> usize {
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
    unsafe fn args_usage(
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
                let line_end = |from: usize| all[from..].iter().position(|&c| c == b'\n').map_or(all.len(), |i| from + i);
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
        if advance && multiple
            && let Some(level) = levels.get_mut(our_level) {
                if more_lines {
                    *level += 1;
                    advance = false;
                } else if *level > 0 {
                    *level = 0;
                }
            }
        !advance
    }

    /// The doc strings of the tree: the part before '\v' (`post` false,
    /// first one only if `first_only`) or after it; returns whether anything
    /// was printed (glibc's `argp_doc`).
    ///
    /// # Safety
    /// `argp` is null or a valid tree.
    unsafe fn argp_doc(&self, fs: &mut FmtStream, argp: *const argp, post: bool, pre_blank: bool, first_only: bool) -> bool {
        if argp.is_null() {
            return false;
        }
        let mut anything = false;
        // SAFETY: a valid tree; the filter's contract.
        unsafe {
            let a = &*argp;
            let docstr = tr(a.argp_domain, a.doc);
            let mut inp_text: *const c_char = null();
            let mut limit = 0;
            if !docstr.is_null() {
                let vt = libc::strchr(docstr, 0x0b);
                inp_text = if post {
                    if vt.is_null() { null() } else { vt.add(1) }
                } else {
                    docstr
                };
                limit = if !post && !vt.is_null() { vt.offset_from(docstr) as usize } else { 0 };
            }
            let mut input = core::ptr::null_mut();
            let t = if let Some(filter) = a.help_filter {
                if limit != 0 {
                    inp_text = libc::strndup(inp_text, limit);
                }
                input = input_of(argp, self.state);
                let key = if post { ARGP_KEY_HELP_POST_DOC } else { ARGP_KEY_HELP_PRE_DOC };
                filter(key, inp_text, input).cast_const()
            } else {
                inp_text
            };
            if !t.is_null() {
                if pre_blank {
                    fs.putc(b'\n');
                }
                if t == inp_text && limit != 0 {
                    fs.write(&text(inp_text)[..limit]);
                } else {
                    fs.puts(text(t));
                }
                if fs.point() > fs.lmargin {
                    fs.putc(b'\n');
                }
                anything = true;
            }
            if !t.is_null() && t != inp_text {
                libc::free(t.cast_mut().cast());
            }
            if !inp_text.is_null() && limit != 0 && a.help_filter.is_some() {
                libc::free(inp_text.cast_mut().cast());
            }
            if post && let Some(filter) = a.help_filter {
                let extra = filter(ARGP_KEY_HELP_EXTRA, null(), input);
                if !extra.is_null() {
                    if anything || pre_blank {
                        fs.putc(b'\n');
                    }
                    fs.puts(text(extra));
                    libc::free(extra.cast());
                    if fs.point() > fs.lmargin {
                        fs.putc(b'\n');
                    }
                    anything = true;
                }
            }
            let mut child = a.children;
            while !(child.is_null() || (*child).argp.is_null() || (first_only && anything)) {
                anything |= self.argp_doc(fs, (*child).argp, post, anything || pre_blank, first_only);
                child = child.add(1);
            }
        }
        anything
    }
}

/// glibc's `_help`: everything `argp_help` and `argp_state_help` print.
///
/// # Safety
/// `argp` is null or a valid tree; `state` null or live; `stream` null or
/// open; `name` null or a C string.
pub(crate) unsafe fn help(argp: *const argp, state: *const argp_state, stream: *mut FILE, mut flags: c_uint, name: *const c_char) {
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
    let mut h = Help { clusters: CVec::new(), state, uparams };
    // SAFETY: a C string or null.
    let name = unsafe { text(name) };
    let mut anything = false;

    let mut hol = None;
    if flags & (ARGP_HELP_USAGE | ARGP_HELP_SHORT_USAGE | ARGP_HELP_LONG) != 0 {
        // SAFETY: a valid tree (the caller).
        let mut list = unsafe { h.argp_hol(argp, NONE) };
        // --help and --version always come last.
        for last in [c"help", c"version"] {
            let found = list.entries.iter().position(|e| {
                // SAFETY: the entries' options are live; names are C strings.
                unsafe { options(e) }.iter().any(|o| !o.name.is_null() && visible(o) && unsafe { CStr::from_ptr(o.name) } == last)
            });
            if let Some(i) = found {
                list.entries[i].group = -1;
            }
        }
        h.sort(&mut list);
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
        let nlevels = unsafe { args_levels(argp) };
        let mut levels: CVec<u8> = CVec::with_capacity(nlevels);
        for _ in 0..nlevels {
            levels.push(0);
        }
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
                hol_usage(&mut fs, list);
                flags |= ARGP_HELP_SHORT_USAGE; // the options only once
            }
            let mut cursor = 0;
            // SAFETY: a valid tree.
            let more = unsafe { h.args_usage(&mut fs, argp, levels.as_mut_slice(), &mut cursor, true) };
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
        anything |= unsafe { h.argp_doc(&mut fs, argp, false, false, true) };
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
        h.hol_help(&mut fs, list);
        anything = true;
    }
    if flags & ARGP_HELP_POST_DOC != 0 {
        // SAFETY: a valid tree.
        anything |= unsafe { h.argp_doc(&mut fs, argp, true, anything, false) };
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
    // SAFETY: locked above.
    unsafe { musl::funlockfile(stream) };
    drop(hol);
    drop(fs);
}
