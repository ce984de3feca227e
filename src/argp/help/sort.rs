//! The order of the option table (glibc's `hol_entry_cmp` and `hol_sort`):
//! by group (0, 1, ..., n, -m, ..., -1), by cluster, then alphabetically,
//! documentation entries that do not look like options last.

use super::hol::{Entry, Hol, NONE, doc, first_long};
use super::params::is_space;
use super::*;

impl Help {
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

    /// The order of two entries in the help (glibc's `hol_entry_cmp`).
    fn entry_cmp(&self, hol: &Hol, e1: &Entry, e2: &Entry) -> c_int {
        let group_of = |e: &Entry| {
            if e.cluster != NONE { self.clusters[self.base(e.cluster)].group } else { e.group }
        };
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
        let first = |s: u8, l: *const c_char| {
            if s != 0 {
                s
            } else if l.is_null() {
                0
            } else {
                // SAFETY: non-null names are C strings.
                unsafe { *l as u8 }
            }
        };
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
    pub(super) fn sort(&self, hol: &mut Hol) -> Result<(), NoMem> {
        let n = hol.entries.len();
        if n < 2 {
            return Ok(());
        }
        let mut tmp: Vec<Entry> = Vec::with_capacity(n)?;
        for e in hol.entries.iter() {
            tmp.push(*e)?;
        }
        let mut entries = core::mem::take(&mut hol.entries);
        self.msort(hol, &mut entries, &mut tmp);
        hol.entries = entries;
        Ok(())
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
