//! `<fts.h>`: `fts_open`, `fts_read`, `fts_children`, `fts_set`,
//! `fts_close` and their large-file names `fts64_*` (glibc 2.23), with
//! glibc's structures and glibc's walk (`man 3 fts`; glibc `io/fts.c`,
//! which is 4.4BSD's). musl has no fts at all.
//!
//! The caller reads `FTS` and `FTSENT` directly, so both are glibc's
//! layouts ([`glibc_types`]). On x86_64 `struct stat` is `struct stat64`
//! and `ino_t` is `ino64_t`, in glibc and in musl alike, so `FTS64` and
//! `FTSENT64` are the same structures under other names and one walk
//! serves both sets of names (checked below at compile time).
//!
//! What a program can see, and so what this keeps as glibc does it:
//! preorder `FTS_D` then postorder `FTS_DP` for each directory, an empty
//! directory's second visit coming straight after its first; an unreadable
//! directory seen as `FTS_D` then `FTS_DNR`, with no `FTS_DP`; children in
//! `readdir` order unless a comparison function is given; roots in the
//! order given; with `FTS_NOCHDIR` (implied by `FTS_LOGICAL`) `fts_accpath`
//! is the full path, otherwise the walk changes directory and `fts_accpath`
//! is the name; a root's `fts_name` is its last component; `FTS_NOSTAT`
//! in a physical walk skips `stat` for entries whose `d_type` says they are
//! not directories and for all entries once the parent's link count says
//! no subdirectory is left; `FTS_NS` with `fts_errno` when `stat` fails,
//! `FTS_SLNONE` (with `fts_errno` 0) when following a symbolic link fails
//! but `lstat` works; `FTS_DC` with `fts_cycle` for a directory that is its
//! own ancestor; errno 0 when `fts_read` returns NULL at the end and when
//! `fts_children` finds no children; EINVAL for unknown options and
//! instructions; ENOENT for an empty root path.
//!
//! [`glibc_types`]: crate::abi::glibc_types

use crate::abi::caller;
use crate::abi::errno;
use crate::abi::glibc_types::{FTS, FTS64, FTSENT, FTSENT64};
use crate::abi::next::Next;
use core::ffi::{CStr, c_char, c_int, c_void};
use core::mem::{align_of, offset_of, size_of};
use core::ptr::{self, null_mut};

// fts_open options (glibc <fts.h>).
const FTS_COMFOLLOW: c_int = 0x0001;
const FTS_LOGICAL: c_int = 0x0002;
const FTS_NOCHDIR: c_int = 0x0004;
const FTS_NOSTAT: c_int = 0x0008;
const FTS_PHYSICAL: c_int = 0x0010;
const FTS_SEEDOT: c_int = 0x0020;
const FTS_XDEV: c_int = 0x0040;
const FTS_OPTIONMASK: c_int = 0x00ff;
/// Private: the children list holds names only (`fts_children`).
const FTS_NAMEONLY: c_int = 0x0100;
/// Private: an unrecoverable error; `fts_read` returns NULL from now on.
const FTS_STOP: c_int = 0x0200;

const FTS_ROOTPARENTLEVEL: i16 = -1;
const FTS_ROOTLEVEL: i16 = 0;

// fts_info values.
const FTS_D: u16 = 1;
const FTS_DC: u16 = 2;
const FTS_DEFAULT: u16 = 3;
const FTS_DNR: u16 = 4;
const FTS_DOT: u16 = 5;
const FTS_DP: u16 = 6;
const FTS_ERR: u16 = 7;
const FTS_F: u16 = 8;
const FTS_INIT: u16 = 9;
const FTS_NS: u16 = 10;
const FTS_NSOK: u16 = 11;
const FTS_SL: u16 = 12;
const FTS_SLNONE: u16 = 13;

// fts_flags values.
const FTS_DONTCHDIR: u16 = 0x01;
const FTS_SYMFOLLOW: u16 = 0x02;

// fts_set instructions.
const FTS_AGAIN: c_int = 1;
const FTS_FOLLOW: c_int = 2;
const FTS_NOINSTR: c_int = 3;
const FTS_SKIP: c_int = 4;

/// How `build` was asked for the children: by `fts_children`, by
/// `fts_children(FTS_NAMEONLY)`, or by `fts_read` descending.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Build {
    Child,
    Names,
    Read,
}

/// glibc sizes its first path buffer for `MAXPATHLEN` (`PATH_MAX`).
const MAXPATHLEN: usize = 4096;
/// The stat buffer after the name is aligned as `long double` is.
const STAT_ALIGN: usize = 16;

/// The user's comparison function, as `<fts.h>` declares it.
type Compar = Option<unsafe extern "C" fn(*const *const FTSENT, *const *const FTSENT) -> c_int>;
type Compar64 = Option<unsafe extern "C" fn(*const *const FTSENT64, *const *const FTSENT64) -> c_int>;

// One walk serves both names: the 64-bit structures are the plain ones.
const _: () = {
    assert!(size_of::<FTS>() == size_of::<FTS64>());
    assert!(offset_of!(FTS, fts_options) == offset_of!(FTS64, fts_options));
    assert!(size_of::<FTSENT>() == size_of::<FTSENT64>());
    assert!(offset_of!(FTSENT, fts_ino) == offset_of!(FTSENT64, fts_ino));
    assert!(offset_of!(FTSENT, fts_statp) == offset_of!(FTSENT64, fts_statp));
    assert!(offset_of!(FTSENT, fts_name) == offset_of!(FTSENT64, fts_name));
    assert!(size_of::<libc::stat>() == 144 && align_of::<libc::stat>() <= STAT_ALIGN);
    assert!(size_of::<Compar>() == size_of::<Compar64>());
};

fn isset(sp: &FTS, opt: c_int) -> bool {
    sp.fts_options & opt != 0
}

fn is_dot(name: &[u8]) -> bool {
    name == b"." || name == b".."
}

/// The name of `p`, without its NUL.
///
/// # Safety
/// `p` is an entry made by [`alloc_entry`] whose name has not been freed.
unsafe fn name_of<'a>(p: *const FTSENT) -> &'a [u8] {
    // SAFETY: fts_name holds fts_namelen bytes and a NUL.
    unsafe { core::slice::from_raw_parts((*p).fts_name.as_ptr().cast::<u8>(), usize::from((*p).fts_namelen)) }
}

/// Where to append a name to `p`'s path: after its length, less a
/// trailing slash, so that a root `a/` gives `a/b`, not `a//b`.
///
/// # Safety
/// `p`'s path is valid for `fts_pathlen` bytes.
unsafe fn path_end(p: *const FTSENT) -> usize {
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
unsafe fn alloc_entry(sp: &FTS, name: *const c_char, namelen: usize) -> *mut FTSENT {
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
unsafe fn free_list(mut head: *mut FTSENT) {
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
fn grow_path(sp: &mut FTS, more: usize) -> Result<(), ()> {
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
unsafe fn adjust_paths(sp: &FTS, head: *mut FTSENT) {
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
unsafe fn stat_entry(sp: &FTS, p: *mut FTSENT, follow: bool) -> u16 {
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
unsafe fn sort_list(sp: &mut FTS, head: *mut FTSENT, nitems: usize) -> *mut FTSENT {
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

/// Changes into the directory `p` by `fd` (or by opening `path`), only if
/// it is still the directory `p` was (same device and inode): ENOENT if
/// not. Nothing to do with `FTS_NOCHDIR`.
///
/// # Safety
/// `path` is a C string when `fd` is negative.
unsafe fn safe_chdir(sp: &FTS, p: *const FTSENT, fd: c_int, path: *const c_char) -> Result<(), ()> {
    if isset(sp, FTS_NOCHDIR) {
        return Ok(());
    }
    // SAFETY: `path` is a C string; `p` is a live entry.
    unsafe {
        let newfd = if fd < 0 { libc::open(path, libc::O_RDONLY) } else { fd };
        if newfd < 0 {
            return Err(());
        }
        let mut sb: libc::stat = core::mem::zeroed();
        let ret = if libc::fstat(newfd, &mut sb) != 0 {
            -1
        } else if (*p).fts_dev != sb.st_dev || (*p).fts_ino != sb.st_ino {
            errno::set(libc::ENOENT);
            -1
        } else {
            libc::fchdir(newfd)
        };
        if fd < 0 {
            let saved = errno::get();
            libc::close(newfd);
            errno::set(saved);
        }
        if ret == 0 { Ok(()) } else { Err(()) }
    }
}

/// `fchdir(fd)` unless `FTS_NOCHDIR`: whether it failed.
fn fchdir_failed(sp: &FTS, fd: c_int) -> bool {
    // SAFETY: fchdir takes any descriptor.
    !isset(sp, FTS_NOCHDIR) && unsafe { libc::fchdir(fd) } != 0
}

/// Reads the directory `sp.fts_cur` into a list of children (sorted if
/// there is a comparison function), stat'ing them unless names only or
/// `FTS_NOSTAT` lets it skip. NULL for an empty or unreadable directory
/// (`fts_info` says which when `fts_read` asked) or a fatal error
/// (`FTS_STOP`).
///
/// # Safety
/// `sp` is a stream from `fts_open` whose current entry is a directory.
unsafe fn build(sp: &mut FTS, kind: Build) -> *mut FTSENT {
    let cur = sp.fts_cur;
    // SAFETY: cur is the live current entry with a valid access path; the
    // entries made here are linked to it; the path buffer has fts_pathlen
    // bytes and holds cur's path.
    unsafe {
        let mut dirp = libc::opendir((*cur).fts_accpath);
        if dirp.is_null() {
            if kind == Build::Read {
                (*cur).fts_info = FTS_DNR;
                (*cur).fts_errno = errno::get();
            }
            return null_mut();
        }
        // The number of subdirectories still to find when cheating on stat
        // calls (FTS_NOSTAT, physical walk), 0 when not stat'ing at all,
        // -1 when stat'ing everything.
        let (mut nlinks, nostat): (c_int, bool) = if kind == Build::Names {
            (0, false)
        } else if isset(sp, FTS_NOSTAT) && isset(sp, FTS_PHYSICAL) {
            let dots = if isset(sp, FTS_SEEDOT) { 0 } else { 2 };
            (((*cur).fts_nlink as c_int).wrapping_sub(dots), true)
        } else {
            (-1, false)
        };

        // Change into the directory to stat its entries or to stay there
        // for the descent. If that fails the names still come back, but
        // the parent is not re-entered after the postorder visit.
        let descend = if nlinks != 0 || kind == Build::Read {
            if safe_chdir(sp, cur, libc::dirfd(dirp), ptr::null()).is_err() {
                if nlinks != 0 && kind == Build::Read {
                    (*cur).fts_errno = errno::get();
                }
                (*cur).fts_flags |= FTS_DONTCHDIR;
                libc::closedir(dirp);
                dirp = null_mut();
                false
            } else {
                true
            }
        } else {
            false
        };

        // Without chdir, each child's path is built after cur's.
        let mut len = path_end(cur);
        let mut cp: *mut c_char = null_mut();
        if isset(sp, FTS_NOCHDIR) {
            cp = sp.fts_path.add(len);
            *cp = b'/' as c_char;
            cp = cp.add(1);
        }
        len += 1;
        let mut maxlen = (sp.fts_pathlen as usize).saturating_sub(len);
        let level = (*cur).fts_level + 1;

        let (mut head, mut tail): (*mut FTSENT, *mut FTSENT) = (null_mut(), null_mut());
        let mut nitems = 0usize;
        let mut moved = false;
        let fatal = |head: *mut FTSENT, dirp: *mut libc::DIR, err: c_int, sp: &mut FTS| {
            free_list(head);
            libc::closedir(dirp);
            (*cur).fts_info = FTS_ERR;
            sp.fts_options |= FTS_STOP;
            errno::set(err);
            null_mut()
        };
        while !dirp.is_null() {
            let dp = libc::readdir(dirp);
            if dp.is_null() {
                break;
            }
            let dname = CStr::from_ptr((*dp).d_name.as_ptr());
            let namelen = dname.to_bytes().len();
            if !isset(sp, FTS_SEEDOT) && is_dot(dname.to_bytes()) {
                continue;
            }
            let p = alloc_entry(sp, dname.as_ptr(), namelen);
            if p.is_null() {
                return fatal(head, dirp, errno::get(), sp);
            }
            if namelen >= maxlen {
                let old = sp.fts_path;
                if grow_path(sp, namelen + len + 1).is_err() {
                    let err = errno::get();
                    libc::free(p.cast());
                    return fatal(head, dirp, err, sp);
                }
                if old != sp.fts_path {
                    moved = true;
                    if isset(sp, FTS_NOCHDIR) {
                        cp = sp.fts_path.add(len);
                    }
                }
                maxlen = sp.fts_pathlen as usize - len;
            }
            if len + namelen >= usize::from(u16::MAX) {
                libc::free(p.cast());
                return fatal(head, dirp, libc::ENAMETOOLONG, sp);
            }
            (*p).fts_level = level;
            (*p).fts_parent = sp.fts_cur;
            (*p).fts_pathlen = (len + namelen) as u16;

            let not_dir = (*dp).d_type != libc::DT_DIR && (*dp).d_type != libc::DT_UNKNOWN;
            if nlinks == 0 || (nostat && not_dir) {
                (*p).fts_accpath = if isset(sp, FTS_NOCHDIR) { (*p).fts_path } else { (&raw mut (*p).fts_name).cast() };
                (*p).fts_info = FTS_NSOK;
            } else {
                if isset(sp, FTS_NOCHDIR) {
                    (*p).fts_accpath = (*p).fts_path;
                    ptr::copy(dname.as_ptr(), cp, namelen + 1);
                } else {
                    (*p).fts_accpath = (&raw mut (*p).fts_name).cast();
                }
                (*p).fts_info = stat_entry(sp, p, false);
                if nlinks > 0 && matches!((*p).fts_info, FTS_D | FTS_DC | FTS_DOT) {
                    nlinks -= 1;
                }
            }

            // Directory order, so that `ls -f` keeps its meaning.
            if head.is_null() {
                head = p;
            } else {
                (*tail).fts_link = p;
            }
            tail = p;
            nitems += 1;
        }
        if !dirp.is_null() {
            libc::closedir(dirp);
        }
        if moved {
            adjust_paths(sp, head);
        }
        if isset(sp, FTS_NOCHDIR) {
            if len == sp.fts_pathlen as usize || nitems == 0 {
                cp = cp.sub(1);
            }
            *cp = 0;
        }

        // Back out of the directory if only listing it for fts_children,
        // or if there is nothing to descend into.
        if descend && (kind == Build::Child || nitems == 0) {
            let failed = if (*cur).fts_level == FTS_ROOTLEVEL {
                fchdir_failed(sp, sp.fts_rfd)
            } else {
                safe_chdir(sp, (*cur).fts_parent, -1, c"..".as_ptr()).is_err()
            };
            if failed {
                (*cur).fts_info = FTS_ERR;
                sp.fts_options |= FTS_STOP;
                free_list(head);
                return null_mut();
            }
        }

        if nitems == 0 {
            if kind == Build::Read {
                (*cur).fts_info = FTS_DP;
            }
            return null_mut();
        }
        if sp.fts_compar.is_some() && nitems > 1 {
            head = sort_list(sp, head, nitems);
        }
        head
    }
}

/// Makes root `p` the current path: the path buffer holds its whole
/// argument, its name becomes the last component.
///
/// # Safety
/// `p` is a live root entry; the path buffer is large enough (fts_open
/// sized it for the longest argument).
unsafe fn load_root(sp: &mut FTS, p: *mut FTSENT) {
    // SAFETY: as the caller guarantees.
    unsafe {
        let len = usize::from((*p).fts_namelen);
        (*p).fts_pathlen = len as u16;
        let name = (&raw mut (*p).fts_name).cast::<c_char>();
        ptr::copy(name, sp.fts_path, len + 1);
        let bytes = core::slice::from_raw_parts(name.cast::<u8>(), len);
        if let Some(slash) = bytes.iter().rposition(|&b| b == b'/') {
            // "/" stays "/"; "a/b" and "a/" become "b" and "".
            if slash != 0 || slash + 1 < len {
                let rest = len - slash - 1;
                ptr::copy(name.add(slash + 1), name, rest + 1);
                (*p).fts_namelen = rest as u16;
            }
        }
        (*p).fts_path = sp.fts_path;
        (*p).fts_accpath = sp.fts_path;
        sp.fts_dev = (*p).fts_dev;
    }
}

/// Frees what `fts_open` built before failing.
///
/// # Safety
/// The pointers are NULL or `fts_open`'s own allocations.
unsafe fn open_failed(sp: *mut FTS, root: *mut FTSENT, parent: *mut FTSENT) -> *mut FTS {
    // SAFETY: as the caller guarantees.
    unsafe {
        free_list(root);
        libc::free(parent.cast());
        libc::free((*sp).fts_path.cast());
        libc::free(sp.cast());
    }
    null_mut()
}

/// `fts_open`: starts a walk of the trees named by the NULL-terminated
/// `argv` (`man 3 fts`).
///
/// # Safety
/// `argv` is a NULL-terminated array of C strings; `compar` is NULL or a
/// function taking two `const FTSENT **`.
unsafe fn walk_open(argv: *const *mut c_char, options: c_int, compar: Compar) -> *mut FTS {
    if options & !FTS_OPTIONMASK != 0 {
        errno::set(libc::EINVAL);
        return null_mut();
    }
    // SAFETY: argv is a NULL-terminated array of C strings; the stream and
    // its entries are allocated here and owned by the caller from here on.
    unsafe {
        let sp = libc::calloc(1, size_of::<FTS>()).cast::<FTS>();
        if sp.is_null() {
            return sp;
        }
        let s = &mut *sp;
        // qsort hands the comparison pointers to array elements, which are
        // the `const FTSENT **` it takes.
        s.fts_compar =
            core::mem::transmute::<Compar, Option<unsafe extern "C" fn(*const c_void, *const c_void) -> c_int>>(compar);
        s.fts_options = options;
        // Logical walks never chdir: symbolic links make the way back hard.
        if isset(s, FTS_LOGICAL) {
            s.fts_options |= FTS_NOCHDIR;
        }

        let mut count = 0;
        let mut maxarglen = 0;
        while !(*argv.add(count)).is_null() {
            maxarglen = maxarglen.max(libc::strlen(*argv.add(count)));
            count += 1;
        }
        if grow_path(s, (maxarglen + 1).max(MAXPATHLEN)).is_err() {
            libc::free(sp.cast());
            return null_mut();
        }

        let mut parent = null_mut();
        if count > 0 {
            parent = alloc_entry(s, c"".as_ptr(), 0);
            if parent.is_null() {
                return open_failed(sp, null_mut(), null_mut());
            }
            (*parent).fts_level = FTS_ROOTPARENTLEVEL;
        }

        let (mut root, mut tail): (*mut FTSENT, *mut FTSENT) = (null_mut(), null_mut());
        for i in 0..count {
            let arg = *argv.add(i);
            let len = libc::strlen(arg);
            if len == 0 {
                errno::set(libc::ENOENT);
                return open_failed(sp, root, parent);
            }
            let p = alloc_entry(s, arg, len);
            if p.is_null() {
                return open_failed(sp, root, parent);
            }
            (*p).fts_level = FTS_ROOTLEVEL;
            (*p).fts_parent = parent;
            (*p).fts_accpath = (&raw mut (*p).fts_name).cast();
            (*p).fts_info = stat_entry(s, p, isset(s, FTS_COMFOLLOW));
            // "." and ".." on the command line are real directories.
            if (*p).fts_info == FTS_DOT {
                (*p).fts_info = FTS_D;
            }
            // Sorted later if there is a comparison, else in the given order.
            if compar.is_some() {
                (*p).fts_link = root;
                root = p;
            } else {
                if root.is_null() {
                    root = p;
                } else {
                    (*tail).fts_link = p;
                }
                tail = p;
            }
        }
        if compar.is_some() && count > 1 {
            root = sort_list(s, root, count);
        }

        // A dummy current entry, as if the one before the roots had just
        // been finished.
        let cur = alloc_entry(s, c"".as_ptr(), 0);
        if cur.is_null() {
            return open_failed(sp, root, parent);
        }
        (*cur).fts_link = root;
        (*cur).fts_info = FTS_INIT;
        s.fts_cur = cur;

        // The way back to where the walk started; without it, no chdir.
        if !isset(s, FTS_NOCHDIR) {
            s.fts_rfd = libc::open(c".".as_ptr(), libc::O_RDONLY);
            if s.fts_rfd < 0 {
                s.fts_options |= FTS_NOCHDIR;
            }
        }
        sp
    }
}

/// After `fts_set(FTS_FOLLOW)`: re-stats `p` through its link, keeping a
/// way back if it is a directory the walk will change into.
///
/// # Safety
/// `p` is the live current entry.
unsafe fn follow_link(sp: &FTS, p: *mut FTSENT) {
    // SAFETY: as the caller guarantees.
    unsafe {
        (*p).fts_info = stat_entry(sp, p, true);
        if (*p).fts_info == FTS_D && !isset(sp, FTS_NOCHDIR) {
            (*p).fts_symfd = libc::open(c".".as_ptr(), libc::O_RDONLY);
            if (*p).fts_symfd < 0 {
                (*p).fts_errno = errno::get();
                (*p).fts_info = FTS_ERR;
            } else {
                (*p).fts_flags |= FTS_SYMFOLLOW;
            }
        }
    }
}

/// Puts `p`'s path in the path buffer (its parent's, a slash, its name)
/// and returns it.
///
/// # Safety
/// `p` is a live entry below a root; the buffer holds its parent's path
/// and has room for its own (`build` made sure).
unsafe fn with_path(sp: &FTS, p: *mut FTSENT) -> *mut FTSENT {
    // SAFETY: as the caller guarantees.
    unsafe {
        let t = sp.fts_path.add(path_end((*p).fts_parent));
        *t = b'/' as c_char;
        ptr::copy((&raw const (*p).fts_name).cast::<c_char>(), t.add(1), usize::from((*p).fts_namelen) + 1);
    }
    p
}

/// `fts_read`: the next entry of the walk; NULL with errno 0 at the end
/// (`man 3 fts`).
///
/// # Safety
/// `ftsp` is a stream from `fts_open` not yet closed.
unsafe fn walk_read(ftsp: *mut FTS) -> *mut FTSENT {
    // SAFETY: the stream and the entries reachable from it are live and
    // owned by it; the path buffer holds the current path.
    unsafe {
        let sp = &mut *ftsp;
        if sp.fts_cur.is_null() || isset(sp, FTS_STOP) {
            return null_mut();
        }
        let mut p = sp.fts_cur;
        let instr = c_int::from((*p).fts_instr);
        (*p).fts_instr = FTS_NOINSTR as u16;

        // Any entry may be visited again: re-stat it and return it.
        if instr == FTS_AGAIN {
            (*p).fts_info = stat_entry(sp, p, false);
            return p;
        }
        // Following a symbolic link (a dangling one comes back as SLNONE).
        if instr == FTS_FOLLOW && matches!((*p).fts_info, FTS_SL | FTS_SLNONE) {
            follow_link(sp, p);
            return p;
        }

        if (*p).fts_info == FTS_D {
            // Skipped, or across a mount point with FTS_XDEV: postorder now.
            if instr == FTS_SKIP || (isset(sp, FTS_XDEV) && (*p).fts_dev != sp.fts_dev) {
                if (*p).fts_flags & FTS_SYMFOLLOW != 0 {
                    libc::close((*p).fts_symfd);
                }
                if !sp.fts_child.is_null() {
                    free_list(sp.fts_child);
                    sp.fts_child = null_mut();
                }
                (*p).fts_info = FTS_DP;
                return p;
            }
            // Names read by fts_children(FTS_NAMEONLY) are not enough now.
            if !sp.fts_child.is_null() && isset(sp, FTS_NAMEONLY) {
                sp.fts_options &= !FTS_NAMEONLY;
                free_list(sp.fts_child);
                sp.fts_child = null_mut();
            }
            if !sp.fts_child.is_null() {
                // Read already by fts_children: change into the directory;
                // if that fails, the children are reached through the
                // parent's access path and the parent reports the error.
                if safe_chdir(sp, p, -1, (*p).fts_accpath).is_err() {
                    (*p).fts_errno = errno::get();
                    (*p).fts_flags |= FTS_DONTCHDIR;
                    let mut c = sp.fts_child;
                    while !c.is_null() {
                        (*c).fts_accpath = (*(*c).fts_parent).fts_accpath;
                        c = (*c).fts_link;
                    }
                }
            } else {
                sp.fts_child = build(sp, Build::Read);
                if sp.fts_child.is_null() {
                    return if isset(sp, FTS_STOP) { null_mut() } else { p };
                }
            }
            p = sp.fts_child;
            sp.fts_child = null_mut();
            sp.fts_cur = p;
            return with_path(sp, p);
        }

        // The next entry at this level, past those the user skipped.
        while !(*p).fts_link.is_null() {
            let done = p;
            p = (*p).fts_link;
            sp.fts_cur = p;
            libc::free(done.cast());

            // Back at the top: to the starting directory, next root.
            if (*p).fts_level == FTS_ROOTLEVEL {
                if fchdir_failed(sp, sp.fts_rfd) {
                    sp.fts_options |= FTS_STOP;
                    return null_mut();
                }
                load_root(sp, p);
                return p;
            }
            // The user's fts_set on a sibling not yet returned.
            match c_int::from((*p).fts_instr) {
                FTS_SKIP => continue,
                FTS_FOLLOW => {
                    follow_link(sp, p);
                    (*p).fts_instr = FTS_NOINSTR as u16;
                }
                _ => {}
            }
            return with_path(sp, p);
        }

        // Up to the parent, for its postorder visit.
        let done = p;
        p = (*done).fts_parent;
        sp.fts_cur = p;
        libc::free(done.cast());
        // (No parent: a walk of no roots, where glibc follows an unset one.)
        if p.is_null() || (*p).fts_level == FTS_ROOTPARENTLEVEL {
            // The end; errno 0 tells it from an error.
            libc::free(p.cast());
            sp.fts_cur = null_mut();
            errno::set(0);
            return null_mut();
        }
        *sp.fts_path.add(usize::from((*p).fts_pathlen)) = 0;

        // Back to the parent directory: by the saved descriptor at a root
        // or after following a link, else by "..".
        if (*p).fts_level == FTS_ROOTLEVEL {
            if fchdir_failed(sp, sp.fts_rfd) {
                sp.fts_options |= FTS_STOP;
                return null_mut();
            }
        } else if (*p).fts_flags & FTS_SYMFOLLOW != 0 {
            if fchdir_failed(sp, (*p).fts_symfd) {
                let saved = errno::get();
                libc::close((*p).fts_symfd);
                errno::set(saved);
                sp.fts_options |= FTS_STOP;
                return null_mut();
            }
            libc::close((*p).fts_symfd);
        } else if (*p).fts_flags & FTS_DONTCHDIR == 0 && safe_chdir(sp, (*p).fts_parent, -1, c"..".as_ptr()).is_err() {
            sp.fts_options |= FTS_STOP;
            return null_mut();
        }
        (*p).fts_info = if (*p).fts_errno != 0 { FTS_ERR } else { FTS_DP };
        p
    }
}

/// `fts_set`: an instruction for the next `fts_read` of `p` (`FTS_AGAIN`,
/// `FTS_FOLLOW`, `FTS_SKIP`, `FTS_NOINSTR`, or 0); EINVAL otherwise.
///
/// # Safety
/// `p` is an entry returned by `fts_read` or `fts_children` and still live.
unsafe fn walk_set(_ftsp: *mut FTS, p: *mut FTSENT, instr: c_int) -> c_int {
    if !matches!(instr, 0 | FTS_AGAIN | FTS_FOLLOW | FTS_NOINSTR | FTS_SKIP) {
        errno::set(libc::EINVAL);
        return 1;
    }
    // SAFETY: as the caller guarantees.
    unsafe { (*p).fts_instr = instr as u16 };
    0
}

/// `fts_children`: the entries of the directory `fts_read` last returned
/// (or the roots, before the first `fts_read`); NULL with errno 0 when
/// there are none (`man 3 fts`).
///
/// # Safety
/// `ftsp` is a stream from `fts_open` not yet closed.
unsafe fn walk_children(ftsp: *mut FTS, instr: c_int) -> *mut FTSENT {
    if instr != 0 && instr != FTS_NAMEONLY {
        errno::set(libc::EINVAL);
        return null_mut();
    }
    // SAFETY: the stream and its entries are live.
    unsafe {
        let sp = &mut *ftsp;
        let p = sp.fts_cur;
        errno::set(0);
        if isset(sp, FTS_STOP) || p.is_null() {
            return null_mut();
        }
        if (*p).fts_info == FTS_INIT {
            return (*p).fts_link;
        }
        if (*p).fts_info != FTS_D {
            return null_mut();
        }
        free_list(sp.fts_child);
        sp.fts_child = null_mut();
        let kind = if instr == FTS_NAMEONLY {
            sp.fts_options |= FTS_NAMEONLY;
            Build::Names
        } else {
            Build::Child
        };
        // A relative root not yet entered by fts_read: build changes into
        // it, and only a descriptor to here gets back.
        if (*p).fts_level != FTS_ROOTLEVEL || *(*p).fts_accpath == b'/' as c_char || isset(sp, FTS_NOCHDIR) {
            sp.fts_child = build(sp, kind);
            return sp.fts_child;
        }
        let fd = libc::open(c".".as_ptr(), libc::O_RDONLY);
        if fd < 0 {
            return null_mut();
        }
        sp.fts_child = build(sp, kind);
        if libc::fchdir(fd) != 0 {
            return null_mut();
        }
        libc::close(fd);
        sp.fts_child
    }
}

/// `fts_close`: ends the walk, frees everything and goes back to the
/// directory `fts_open` started in (`man 3 fts`).
///
/// # Safety
/// `ftsp` is a stream from `fts_open` not yet closed; no entry of it is
/// used afterwards.
unsafe fn walk_close(ftsp: *mut FTS) -> c_int {
    // SAFETY: the stream owns every entry reachable from fts_cur (up to the
    // root's parent), the children list, the sort array and the path.
    unsafe {
        let sp = &mut *ftsp;
        if !sp.fts_cur.is_null() {
            let mut p = sp.fts_cur;
            while !p.is_null() && (*p).fts_level >= FTS_ROOTLEVEL {
                let done = p;
                p = if (*p).fts_link.is_null() { (*p).fts_parent } else { (*p).fts_link };
                libc::free(done.cast());
            }
            libc::free(p.cast());
        }
        free_list(sp.fts_child);
        libc::free(sp.fts_array.cast());
        libc::free(sp.fts_path.cast());
        let mut ret = 0;
        if !isset(sp, FTS_NOCHDIR) {
            let saved = if libc::fchdir(sp.fts_rfd) != 0 { errno::get() } else { 0 };
            libc::close(sp.fts_rfd);
            if saved != 0 {
                errno::set(saved);
                ret = -1;
            }
        }
        libc::free(ftsp.cast());
        ret
    }
}

/// `fts64_open`: `fts_open` for `-D_FILE_OFFSET_BITS=64` callers (glibc
/// 2.23); the structures are the same on x86_64.
///
/// # Safety
/// As `fts_open`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fts64_open(argv: *const *mut c_char, options: c_int, compar: Compar64) -> *mut FTS64 {
    // SAFETY: FTSENT64 is FTSENT (checked above), so the comparison's type
    // is the same.
    unsafe { walk_open(argv, options, core::mem::transmute::<Compar64, Compar>(compar)).cast() }
}

/// `fts64_read`: `fts_read` on an `FTS64`.
///
/// # Safety
/// As `fts_read`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fts64_read(ftsp: *mut FTS64) -> *mut FTSENT64 {
    // SAFETY: FTS64 is FTS.
    unsafe { walk_read(ftsp.cast()).cast() }
}

/// `fts64_set`: `fts_set` on an `FTSENT64`.
///
/// # Safety
/// As `fts_set`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fts64_set(ftsp: *mut FTS64, p: *mut FTSENT64, instr: c_int) -> c_int {
    // SAFETY: FTS64 is FTS, FTSENT64 is FTSENT.
    unsafe { walk_set(ftsp.cast(), p.cast(), instr) }
}

/// `fts64_children`: `fts_children` on an `FTS64`.
///
/// # Safety
/// As `fts_children`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fts64_children(ftsp: *mut FTS64, instr: c_int) -> *mut FTSENT64 {
    // SAFETY: FTS64 is FTS.
    unsafe { walk_children(ftsp.cast(), instr).cast() }
}

/// `fts64_close`: `fts_close` on an `FTS64`.
///
/// # Safety
/// As `fts_close`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fts64_close(ftsp: *mut FTS64) -> c_int {
    // SAFETY: FTS64 is FTS.
    unsafe { walk_close(ftsp.cast()) }
}

// The plain names for the caller at `caller` (the fronts in `fts.c`):
// glibc's walk for glibc-built code. A musl-built caller gets the fts it
// was linked against, with its own (NetBSD) structures: Debian's musl
// carries one in libc.so, Alpine's `musl-fts` is libfts.so. Only if there
// is none does it get glibc's walk, as before the shim it could not run.

type OpenFn = unsafe extern "C" fn(*const *mut c_char, c_int, *mut c_void) -> *mut c_void;
type ReadFn = unsafe extern "C" fn(*mut c_void) -> *mut c_void;
type SetFn = unsafe extern "C" fn(*mut c_void, *mut c_void, c_int) -> c_int;
type ChildrenFn = unsafe extern "C" fn(*mut c_void, c_int) -> *mut c_void;
type CloseFn = unsafe extern "C" fn(*mut c_void) -> c_int;

static NEXT_OPEN: Next = Next::new(c"fts_open");
static NEXT_READ: Next = Next::new(c"fts_read");
static NEXT_SET: Next = Next::new(c"fts_set");
static NEXT_CHILDREN: Next = Next::new(c"fts_children");
static NEXT_CLOSE: Next = Next::new(c"fts_close");

/// The definition a musl-built caller at `caller` binds to, if it has one.
fn musl_caller(caller: *const c_void, next: &Next) -> Option<*mut c_void> {
    if caller::is_glibc(caller) { None } else { next.find() }
}

/// `fts_open` for the caller at `caller`.
///
/// # Safety
/// As `fts_open`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __gcompat_fts_open(
    argv: *const *mut c_char,
    options: c_int,
    compar: Compar,
    caller: *const c_void,
) -> *mut FTS {
    // SAFETY: the caller's arguments, to the fts its object was linked
    // against (whose `fts_open` has this C type) or to glibc's walk.
    unsafe {
        match musl_caller(caller, &NEXT_OPEN) {
            Some(f) => core::mem::transmute::<*mut c_void, OpenFn>(f)(
                argv,
                options,
                core::mem::transmute::<Compar, *mut c_void>(compar),
            )
            .cast(),
            None => walk_open(argv, options, compar),
        }
    }
}

/// `fts_read` for the caller at `caller`.
///
/// # Safety
/// As `fts_read`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __gcompat_fts_read(ftsp: *mut FTS, caller: *const c_void) -> *mut FTSENT {
    // SAFETY: as in `__gcompat_fts_open`.
    unsafe {
        match musl_caller(caller, &NEXT_READ) {
            Some(f) => core::mem::transmute::<*mut c_void, ReadFn>(f)(ftsp.cast()).cast(),
            None => walk_read(ftsp),
        }
    }
}

/// `fts_set` for the caller at `caller`.
///
/// # Safety
/// As `fts_set`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __gcompat_fts_set(
    ftsp: *mut FTS,
    p: *mut FTSENT,
    instr: c_int,
    caller: *const c_void,
) -> c_int {
    // SAFETY: as in `__gcompat_fts_open`.
    unsafe {
        match musl_caller(caller, &NEXT_SET) {
            Some(f) => core::mem::transmute::<*mut c_void, SetFn>(f)(ftsp.cast(), p.cast(), instr),
            None => walk_set(ftsp, p, instr),
        }
    }
}

/// `fts_children` for the caller at `caller`.
///
/// # Safety
/// As `fts_children`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __gcompat_fts_children(ftsp: *mut FTS, instr: c_int, caller: *const c_void) -> *mut FTSENT {
    // SAFETY: as in `__gcompat_fts_open`.
    unsafe {
        match musl_caller(caller, &NEXT_CHILDREN) {
            Some(f) => core::mem::transmute::<*mut c_void, ChildrenFn>(f)(ftsp.cast(), instr).cast(),
            None => walk_children(ftsp, instr),
        }
    }
}

/// `fts_close` for the caller at `caller`.
///
/// # Safety
/// As `fts_close`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __gcompat_fts_close(ftsp: *mut FTS, caller: *const c_void) -> c_int {
    // SAFETY: as in `__gcompat_fts_open`.
    unsafe {
        match musl_caller(caller, &NEXT_CLOSE) {
            Some(f) => core::mem::transmute::<*mut c_void, CloseFn>(f)(ftsp.cast()),
            None => walk_close(ftsp),
        }
    }
}
