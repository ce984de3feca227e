//! glibc's walk (`io/fts.c`, 4.4BSD's): `fts_open`, `fts_read`,
//! `fts_set`, `fts_children`, `fts_close` over glibc's structures. What a
//! program sees of it is listed in `fts/mod.rs`.

use super::entry::*;
use super::header::*;
use crate::abi::errno;
use crate::abi::glibc_types::{FTS, FTSENT};
use core::ffi::{CStr, c_char, c_int, c_void};
use core::mem::size_of;
use core::ptr::{self, null_mut};

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
pub unsafe fn walk_open(argv: *const *mut c_char, options: c_int, compar: Compar) -> *mut FTS {
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
pub unsafe fn walk_read(ftsp: *mut FTS) -> *mut FTSENT {
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
pub unsafe fn walk_set(_ftsp: *mut FTS, p: *mut FTSENT, instr: c_int) -> c_int {
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
pub unsafe fn walk_children(ftsp: *mut FTS, instr: c_int) -> *mut FTSENT {
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
pub unsafe fn walk_close(ftsp: *mut FTS) -> c_int {
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
