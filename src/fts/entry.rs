//! fts's entries (`FTSENT`) and the stream's path buffer: allocation,
//! paths, `stat` and what it makes of the result (`fts_info`), sorting.

use super::header::*;
use crate::abi::errno;
use crate::abi::glibc_types::{FTS, FTSENT};
use core::ffi::{c_char, c_int};
use core::mem::size_of;
use core::ptr::{self, null_mut};

/// The stat buffer after the name is aligned as `long double` is.
pub const STAT_ALIGN: usize = 16;

pub fn is_dot(name: &[u8]) -> bool {
    name == b"." || name == b".."
}

/// The name of `p`, without its NUL.
///
/// # Safety
/// `p` is an entry made by [`alloc_entry`] whose name has not been freed.
pub unsafe fn name_of<'a>(p: *const FTSENT) -> &'a [u8] {
    // SAFETY: fts_name holds fts_namelen bytes and a NUL.
    unsafe { core::slice::from_raw_parts((*p).fts_name.as_ptr().cast::<u8>(), usize::from((*p).fts_namelen)) }
}

/// Where to append a name to `p`'s path: after its length, less a
/// trailing slash, so that a root `a/` gives `a/b`, not `a//b`.
///
/// # Safety
/// `p`'s path is valid for `fts_pathlen` bytes.
pub unsafe fn path_end(p: *const FTSENT) -> usize {
    // SAFETY: as the caller guarantees.
    unsafe {
        let len = usize::from((*p).fts_pathlen);
        if len > 0 && *(*p).fts_path.add(len - 1) == b'/' as c_char { len - 1 } else { len }
    }
}

/// A new entry for `name`, with room for its stat buffer unless
/// `FTS_NOSTAT`: one allocation, freed with `free`.
///
/// # Safety
/// `name` is valid for `namelen` bytes.
pub unsafe fn alloc_entry(sp: &FTS, name: *const c_char, namelen: usize) -> *mut FTSENT {
    let nostat = isset(sp, FTS_NOSTAT);
    let mut len = size_of::<FTSENT>() + namelen;
    if !nostat {
        len += size_of::<libc::stat>() + STAT_ALIGN - 1;
    }
    // SAFETY: a fresh zeroed block of `len` bytes, large enough for the
    // structure, the name and its NUL (fts_name has one byte of its own), and
    // an aligned stat buffer after them.
    unsafe {
        let p = libc::calloc(1, len).cast::<FTSENT>();
        if p.is_null() {
            return p;
        }
        let dst = (&raw mut (*p).fts_name).cast::<c_char>();
        ptr::copy_nonoverlapping(name, dst, namelen);
        *dst.add(namelen) = 0;
        if !nostat {
            let after = dst as usize + namelen + 2;
            (*p).fts_statp = ((after + STAT_ALIGN - 1) & !(STAT_ALIGN - 1)) as *mut _;
        }
        (*p).fts_namelen = namelen as u16;
        (*p).fts_path = sp.fts_path;
        (*p).fts_instr = FTS_NOINSTR as u16;
        p
    }
}

/// Frees a list of entries linked by `fts_link`.
///
/// # Safety
/// Every entry on the list came from [`alloc_entry`] and is on no other list.
pub unsafe fn free_list(mut head: *mut FTSENT) {
    while !head.is_null() {
        // SAFETY: as the caller guarantees.
        unsafe {
            let next = (*head).fts_link;
            libc::free(head.cast());
            head = next;
        }
    }
}

/// Grows the path buffer by `more` bytes and some; ENAMETOOLONG past what
/// an entry's `unsigned short` path length can hold.
pub fn grow_path(sp: &mut FTS, more: usize) -> Result<(), ()> {
    let want = i64::from(sp.fts_pathlen).saturating_add(more as i64).saturating_add(256);
    let fail = |sp: &mut FTS| {
        // SAFETY: fts_path is NULL or a buffer from realloc.
        unsafe { libc::free(sp.fts_path.cast()) };
        sp.fts_path = null_mut();
    };
    if !(0..i64::from(u16::MAX)).contains(&want) {
        fail(sp);
        errno::set(libc::ENAMETOOLONG);
        return Err(());
    }
    sp.fts_pathlen = want as c_int;
    // SAFETY: fts_path is NULL or a buffer from realloc.
    let p = unsafe { libc::realloc(sp.fts_path.cast(), want as usize) };
    if p.is_null() {
        fail(sp);
        return Err(());
    }
    sp.fts_path = p.cast();
    Ok(())
}

/// After the path buffer moved: points the paths of the new children and
/// of the rest of the tree above them into the new buffer.
///
/// # Safety
/// `head` is NULL or the first of a list whose `fts_link`/`fts_parent`
/// chains end at the root's parent; `sp.fts_child` is such a list too.
pub unsafe fn adjust_paths(sp: &FTS, head: *mut FTSENT) {
    let addr = sp.fts_path;
    let adjust = |p: *mut FTSENT| {
        // SAFETY: p is a live entry; an access path that is not the entry's
        // own name points into the old buffer, at the same offset.
        unsafe {
            if (*p).fts_accpath != (&raw mut (*p).fts_name).cast::<c_char>() {
                (*p).fts_accpath = addr.offset((*p).fts_accpath.offset_from((*p).fts_path));
            }
            (*p).fts_path = addr;
        }
    };
    // SAFETY: the lists are as the caller guarantees.
    unsafe {
        let mut p = sp.fts_child;
        while !p.is_null() {
            adjust(p);
            p = (*p).fts_link;
        }
        let mut p = head;
        while !p.is_null() && (*p).fts_level >= FTS_ROOTLEVEL {
            adjust(p);
            p = if (*p).fts_link.is_null() { (*p).fts_parent } else { (*p).fts_link };
        }
    }
}

/// Stats `p` (through a symbolic link with `follow` or `FTS_LOGICAL`) and
/// says what it is: its `fts_info`.
///
/// # Safety
/// `p` is a live entry whose access path is valid and whose parents chain
/// up to the root's parent.
pub unsafe fn stat_entry(sp: &FTS, p: *mut FTSENT, follow: bool) -> u16 {
    // SAFETY: the entry and its parents are live; its stat buffer, when it
    // has one, is an aligned struct stat.
    unsafe {
        let mut local: libc::stat = core::mem::zeroed();
        let sbp: *mut libc::stat = if isset(sp, FTS_NOSTAT) { &raw mut local } else { (*p).fts_statp.cast() };
        let path = (*p).fts_accpath;
        if isset(sp, FTS_LOGICAL) || follow {
            if libc::stat(path, sbp) != 0 {
                let saved = errno::get();
                if libc::lstat(path, sbp) == 0 {
                    errno::set(0);
                    return FTS_SLNONE;
                }
                (*p).fts_errno = saved;
                ptr::write_bytes(sbp, 0, 1);
                return FTS_NS;
            }
        } else if libc::lstat(path, sbp) != 0 {
            (*p).fts_errno = errno::get();
            ptr::write_bytes(sbp, 0, 1);
            return FTS_NS;
        }
        let sb = &*sbp;
        match sb.st_mode & libc::S_IFMT {
            libc::S_IFDIR => {
                (*p).fts_dev = sb.st_dev;
                (*p).fts_ino = sb.st_ino;
                (*p).fts_nlink = sb.st_nlink;
                if is_dot(name_of(p)) {
                    return FTS_DOT;
                }
                let mut t = (*p).fts_parent;
                while (*t).fts_level >= FTS_ROOTLEVEL {
                    if (*t).fts_ino == sb.st_ino && (*t).fts_dev == sb.st_dev {
                        (*p).fts_cycle = t;
                        return FTS_DC;
                    }
                    t = (*t).fts_parent;
                }
                FTS_D
            }
            libc::S_IFLNK => FTS_SL,
            libc::S_IFREG => FTS_F,
            _ => FTS_DEFAULT,
        }
    }
}

/// Sorts a list of `nitems` entries with the user's comparison function;
/// left in its order if the sort array cannot grow.
///
/// # Safety
/// `head` is a list of exactly `nitems` live entries; `fts_compar` is set.
pub unsafe fn sort_list(sp: &mut FTS, head: *mut FTSENT, nitems: usize) -> *mut FTSENT {
    // SAFETY: fts_array holds fts_nitems pointers; the list has nitems.
    unsafe {
        if nitems > sp.fts_nitems as usize {
            let want = nitems + 40;
            let a = libc::realloc(sp.fts_array.cast(), want * size_of::<*mut FTSENT>());
            if a.is_null() {
                libc::free(sp.fts_array.cast());
                sp.fts_array = null_mut();
                sp.fts_nitems = 0;
                return head;
            }
            sp.fts_array = a.cast();
            sp.fts_nitems = want as c_int;
        }
        let array = core::slice::from_raw_parts_mut(sp.fts_array, nitems);
        let mut p = head;
        for slot in array.iter_mut() {
            *slot = p;
            p = (*p).fts_link;
        }
        libc::qsort(sp.fts_array.cast(), nitems, size_of::<*mut FTSENT>(), sp.fts_compar);
        for pair in array.windows(2) {
            (*pair[0]).fts_link = pair[1];
        }
        (*array[nitems - 1]).fts_link = null_mut();
        array[0]
    }
}
