//! The help option list (glibc's `hol`): one entry per option and its
//! aliases, gathered from the whole argp tree, with the clusters of the
//! children that have a header or a group, and the short option letters
//! that are not shadowed by an earlier option of the same letter.

use super::*;

pub(super) const NONE: usize = usize::MAX;

/// One help entry: an option and its aliases.
#[derive(Clone, Copy)]
pub(super) struct Entry {
    pub(super) opt: *const argp_option,
    /// Options in the entry (the first and its aliases).
    pub(super) num: usize,
    /// Where this entry's unshadowed short options start in the list's
    /// short option string.
    pub(super) short_options: usize,
    pub(super) group: c_int,
    /// Index into `Help::clusters`, or NONE.
    pub(super) cluster: usize,
    pub(super) argp: *const argp,
}

/// The options of a child with a header or a group, kept together.
#[derive(Clone, Copy)]
pub(super) struct Cluster {
    pub(super) header: *const c_char,
    /// The child's index in its parent's children.
    pub(super) index: c_int,
    pub(super) group: c_int,
    pub(super) parent: usize,
    pub(super) argp: *const argp,
    pub(super) depth: c_int,
}

/// A help option list.
pub(super) struct Hol {
    pub(super) entries: Vec<Entry>,
    pub(super) short_options: Vec<u8>,
}

/// The options of `entry`, first to last alias.
///
/// # Safety
/// The entry's options are live.
pub(super) unsafe fn options<'a>(entry: &Entry) -> &'a [argp_option] {
    // SAFETY: `num` entries start at `opt` (built by `make_hol`).
    unsafe { core::slice::from_raw_parts(entry.opt, entry.num) }
}

pub(super) fn visible(o: &argp_option) -> bool {
    o.flags & OPTION_HIDDEN == 0
}

pub(super) fn alias(o: &argp_option) -> bool {
    o.flags & OPTION_ALIAS != 0
}

pub(super) fn doc(o: &argp_option) -> bool {
    o.flags & OPTION_DOC != 0
}

pub(super) fn short(o: &argp_option) -> bool {
    // SAFETY: a live entry.
    unsafe { option_is_short(o) }
}

impl Hol {
    /// The byte at `i` of the short option string (0 past its end).
    pub(super) fn so(&self, i: usize) -> u8 {
        self.short_options.get(i).copied().unwrap_or(0)
    }

    /// Calls `f(opt, real)` for each visible short option of `entry` that
    /// is not shadowed, until it returns nonzero (glibc's
    /// `hol_entry_short_iterate`).
    pub(super) fn short_iterate(&self, entry: &Entry, mut f: impl FnMut(&argp_option, &argp_option) -> c_int) -> c_int {
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
    pub(super) fn long_iterate(&self, entry: &Entry, mut f: impl FnMut(&argp_option, &argp_option)) {
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

    pub(super) fn first_short(&self, entry: &Entry) -> u8 {
        self.short_iterate(entry, |opt, _| if short(opt) { opt.key } else { 0 }) as u8
    }
}

/// The first visible long option name of `entry`.
pub(super) fn first_long(entry: &Entry) -> *const c_char {
    // SAFETY: the entry's options are live.
    unsafe { options(entry) }.iter().find(|o| !o.name.is_null() && visible(o)).map_or(null(), |o| o.name)
}

/// The help option list of `argp`'s own options (glibc's `make_hol`).
///
/// # Safety
/// `argp` is a valid argp.
pub(super) unsafe fn make_hol(argp: *const argp, cluster: usize) -> Result<Hol, NoMem> {
    let mut hol = Hol { entries: Vec::new(), short_options: Vec::new() };
    // SAFETY: a valid argp (the caller).
    let mut o = unsafe { (*argp).options };
    if o.is_null() {
        return Ok(hol);
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
            let mut entry =
                Entry { opt: o, num: 0, short_options: hol.short_options.len(), group: cur_group, cluster, argp };
            loop {
                entry.num += 1;
                let key = (*o).key as u8;
                if option_is_short(o) && !hol.short_options.contains(&key) {
                    hol.short_options.push(key)?;
                }
                o = o.add(1);
                if option_is_end(o) || !alias(&*o) {
                    break;
                }
            }
            hol.entries.push(entry)?;
        }
    }
    Ok(hol)
}

impl Help {
    /// The help option list of the whole tree under `argp` (glibc's
    /// `argp_hol`).
    ///
    /// # Safety
    /// `argp` is null or a valid argp tree.
    pub(super) unsafe fn argp_hol(&mut self, argp: *const argp, cluster: usize) -> Result<Hol, NoMem> {
        if argp.is_null() {
            return Ok(Hol { entries: Vec::new(), short_options: Vec::new() });
        }
        // SAFETY: a valid tree (the caller).
        unsafe {
            let mut hol = make_hol(argp, cluster)?;
            let mut child = (*argp).children;
            let mut index = 0;
            while !child.is_null() && !(*child).argp.is_null() {
                let c = &*child;
                let child_cluster = if c.group != 0 || !c.header.is_null() {
                    let depth = if cluster == NONE { 0 } else { self.clusters[cluster].depth + 1 };
                    self.clusters.push(Cluster {
                        header: c.header,
                        index,
                        group: c.group,
                        parent: cluster,
                        argp,
                        depth,
                    })?;
                    self.clusters.len() - 1
                } else {
                    cluster
                };
                let more = self.argp_hol(c.argp, child_cluster)?;
                append(&mut hol, more)?;
                child = child.add(1);
                index += 1;
            }
            Ok(hol)
        }
    }

    pub(super) fn base(&self, mut cl: usize) -> usize {
        while self.clusters[cl].parent != NONE {
            cl = self.clusters[cl].parent;
        }
        cl
    }

    pub(super) fn is_child(&self, mut cl: usize, ancestor: usize) -> bool {
        while cl != NONE && cl != ancestor {
            cl = self.clusters[cl].parent;
        }
        cl == ancestor
    }
}

/// Appends `more` to `hol`; short options already in `hol` shadow those of
/// `more` (glibc's `hol_append`).
pub(super) fn append(hol: &mut Hol, more: Hol) -> Result<(), NoMem> {
    if more.entries.is_empty() {
        return Ok(());
    }
    if hol.entries.is_empty() {
        *hol = more;
        return Ok(());
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
                    hol.short_options.push(ch)?;
                }
                more_so += 1;
            }
        }
        e.short_options = start;
        hol.entries.push(e)?;
    }
    Ok(())
}
