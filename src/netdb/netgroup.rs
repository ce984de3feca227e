//! Netgroups from `/etc/netgroup`, as glibc's files backend reads them
//! (`innetgr`, `setnetgrent`, `getnetgrent`, `getnetgrent_r`,
//! `endnetgrent`; glibc manual, "Netgroup Database"; glibc's
//! `inet/getnetgrent_r.c`, `nss/nss_files/files-netgrp.c`). musl has none.
//! No NIS.
//!
//! The file's rules are glibc's, which `testbins/netdb/netgroup.c` checks:
//! - a group's line starts with its name in the first column, then one
//!   blank; the first such line wins; there are no comments (`#` is a
//!   character like any other);
//! - a line ending in `\` and a newline continues on the next, joined by a
//!   blank; a line of any length is read whole;
//! - a member is a `(host,user,domain)` triple or another group's name;
//!   each triple field is its first blank-separated word, an empty field
//!   a wildcard (given back as null); a triple scans for its `,`, `,` and
//!   `)` across blanks and parentheses, and one that lacks them ends the
//!   group;
//! - nested groups are read after the group that names them, the last
//!   named first, each group once (cycles and repeats are skipped);
//! - `getnetgrent_r` copies a triple's text (from after `(` to its `)`)
//!   whole into the caller's buffer: `ERANGE` when it does not fit, and
//!   the same triple again next time; `innetgr` and `getnetgrent` use
//!   1024 bytes, and stop the group at a longer triple.

use crate::abi::errno;
use core::cell::UnsafeCell;
use core::ffi::{CStr, c_char, c_int};
use core::ptr::null_mut;

const PATH: &CStr = c"/etc/netgroup";
/// The buffer glibc's `innetgr` and `getnetgrent` give each triple.
const TRIPLE_BUF: usize = 1024;

/// C's `isspace` in the C locale.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// A malloc'd byte string: a group's members, or a group's name.
struct Bytes {
    ptr: *mut u8,
    len: usize,
}

impl Bytes {
    fn as_slice(&self) -> &[u8] {
        if self.ptr.is_null() {
            return &[];
        }
        // SAFETY: `len` bytes written by open_memstream or `copy`.
        unsafe { core::slice::from_raw_parts(self.ptr, self.len) }
    }

    fn copy(s: &[u8]) -> Option<Bytes> {
        // SAFETY: a fresh allocation of s.len() + 1 bytes, filled below.
        let ptr = unsafe { libc::malloc(s.len() + 1) }.cast::<u8>();
        if ptr.is_null() {
            return None;
        }
        // SAFETY: as above.
        unsafe { core::ptr::copy_nonoverlapping(s.as_ptr(), ptr, s.len()) };
        Some(Bytes { ptr, len: s.len() })
    }
}

impl Drop for Bytes {
    fn drop(&mut self) {
        // SAFETY: our allocation, or null.
        unsafe { libc::free(self.ptr.cast()) };
    }
}

/// The members of `group` (glibc's `_nss_files_setnetgrent`): the rest of
/// the first line that starts with the name and a blank, continuation
/// lines joined; None if there is no such line or no file.
fn load(group: &[u8]) -> Option<Bytes> {
    if group.is_empty() {
        return None;
    }
    // SAFETY: C strings.
    let file = unsafe { libc::fopen(PATH.as_ptr(), c"re".as_ptr()) };
    if file.is_null() {
        return None;
    }
    let mut out = Bytes { ptr: null_mut(), len: 0 };
    // SAFETY: out-pointers that live until the fclose below.
    let sink = unsafe { libc::open_memstream((&raw mut out.ptr).cast(), &mut out.len) };
    let mut line: *mut c_char = null_mut();
    let mut cap = 0usize;
    let mut found = false;
    let mut read = || {
        // SAFETY: getline manages the line buffer.
        let n = unsafe { libc::getline(&mut line, &mut cap, file) };
        // SAFETY: getline wrote n bytes.
        (n > 0).then(|| unsafe { core::slice::from_raw_parts(line.cast::<u8>(), n as usize) })
    };
    let put = |s: &[u8]| {
        // SAFETY: a memory stream and bytes to write.
        unsafe { libc::fwrite(s.as_ptr().cast(), 1, s.len(), sink) };
    };
    while !sink.is_null() {
        let Some(mut bytes) = read() else { break };
        found = bytes.len() > group.len() && bytes.starts_with(group) && is_space(bytes[group.len()]);
        let mut rest = if found { &bytes[group.len() + 1..] } else { &b""[..] };
        while bytes.ends_with(b"\\\n") {
            // Written before the next read reuses the line buffer.
            put(&rest[..rest.len().saturating_sub(2)]);
            let Some(next) = read() else {
                // glibc keeps the `\` and newline of a last line.
                rest = if found { b"\\\n" } else { b"" };
                break;
            };
            if found {
                put(b" ");
                rest = next;
            }
            bytes = next;
        }
        if found {
            put(rest);
            break;
        }
    }
    // SAFETY: getline's allocation; our streams (the memory stream's
    // buffer and length are final after fclose).
    unsafe {
        libc::free(line.cast());
        libc::fclose(file);
        if !sink.is_null() {
            libc::fclose(sink);
        }
    }
    // A NUL byte ends the members, as in glibc's C string.
    if let Some(nul) = out.as_slice().iter().position(|&b| b == 0) {
        out.len = nul;
    }
    (found && !sink.is_null()).then_some(out)
}

/// One member, as glibc's `_nss_netgroup_parseline` reads it.
enum Member<'a> {
    /// The text from after `(` to the `)`, and where the `,`s are in it.
    Triple {
        text: &'a [u8],
        comma1: usize,
        comma2: usize,
    },
    Group(&'a [u8]),
    /// No more members (or a triple without its `,`, `,` and `)`).
    End,
}

/// The member at `*cursor`; the cursor moves past it. A triple too long
/// for the caller moves it only once it fits (`commit`).
fn parse<'a>(members: &'a [u8], cursor: &mut usize) -> (Member<'a>, usize) {
    let at = |i: usize| members.get(i).copied().unwrap_or(0);
    let mut cp = *cursor;
    while is_space(at(cp)) {
        cp += 1;
    }
    if at(cp) != b'(' {
        let start = cp;
        while at(cp) != 0 && !is_space(at(cp)) {
            cp += 1;
        }
        if start == cp {
            return (Member::End, cp);
        }
        let name = &members[start..cp];
        if at(cp) != 0 {
            cp += 1;
        }
        *cursor = cp;
        return (Member::Group(name), cp);
    }
    let host = cp + 1;
    let mut seps = [0usize; 3];
    cp = host;
    for (sep, wanted) in seps.iter_mut().zip([b',', b',', b')']) {
        while at(cp) != wanted {
            if at(cp) == 0 {
                return (Member::End, cp);
            }
            cp += 1;
        }
        *sep = cp - host;
        cp += 1;
    }
    (Member::Triple { text: &members[host..cp], comma1: seps[0], comma2: seps[1] }, cp)
}

/// A triple field: its first blank-separated word, None if empty.
fn word(field: &[u8]) -> Option<&[u8]> {
    let start = field.iter().position(|&b| !is_space(b))?;
    let len = field[start..].iter().position(|&b| is_space(b)).unwrap_or(field.len() - start);
    Some(&field[start..start + len])
}

/// The triple's three fields.
fn fields(text: &[u8], comma1: usize, comma2: usize) -> [Option<&[u8]>; 3] {
    [word(&text[..comma1]), word(&text[comma1 + 1..comma2]), word(&text[comma2 + 1..text.len() - 1])]
}

/// A list of group names, newest first (glibc's `struct name_list`).
struct Names {
    head: *mut Node,
}

struct Node {
    next: *mut Node,
    name: Bytes,
}

impl Names {
    const fn new() -> Self {
        Names { head: null_mut() }
    }

    fn contains(&self, name: &[u8]) -> bool {
        let mut n = self.head;
        while !n.is_null() {
            // SAFETY: nodes of this list.
            let node = unsafe { &*n };
            if node.name.as_slice() == name {
                return true;
            }
            n = node.next;
        }
        false
    }

    /// Puts `node` in front; a null node (out of memory) is dropped.
    fn push(&mut self, node: *mut Node) {
        if !node.is_null() {
            // SAFETY: a node no list holds.
            unsafe { (*node).next = self.head };
            self.head = node;
        }
    }

    fn pop(&mut self) -> *mut Node {
        let n = self.head;
        if !n.is_null() {
            // SAFETY: a node of this list.
            self.head = unsafe { (*n).next };
        }
        n
    }

    fn clear(&mut self) {
        loop {
            let n = self.pop();
            if n.is_null() {
                break;
            }
            // SAFETY: a node `node` made; its name is dropped in place.
            unsafe {
                core::ptr::drop_in_place(&raw mut (*n).name);
                libc::free(n.cast());
            }
        }
    }
}

/// A new node for `name`, or null when out of memory.
fn node(name: &[u8]) -> *mut Node {
    let Some(name) = Bytes::copy(name) else { return null_mut() };
    // SAFETY: a fresh allocation the size of a node.
    let n = unsafe { libc::malloc(core::mem::size_of::<Node>()) }.cast::<Node>();
    if !n.is_null() {
        // SAFETY: as above.
        unsafe { n.write(Node { next: null_mut(), name }) };
    }
    n
}

/// A walk over a group and the groups it names, as glibc's
/// `struct __netgrent`.
struct Walk {
    members: Option<Bytes>,
    cursor: usize,
    /// Groups read or being read.
    known: Names,
    /// Groups named and not read yet.
    needed: Names,
}

/// What the walk gave next.
enum Next<'a> {
    Triple { text: &'a [u8], comma1: usize, comma2: usize, end: usize },
    End,
}

impl Walk {
    const fn new() -> Self {
        Walk { members: None, cursor: 0, known: Names::new(), needed: Names::new() }
    }

    fn clear(&mut self) {
        self.members = None;
        self.cursor = 0;
        self.known.clear();
        self.needed.clear();
    }

    /// Starts reading `group` (glibc's `__internal_setnetgrent_reuse`);
    /// whether it exists.
    fn open(&mut self, group: &[u8], known: *mut Node) -> bool {
        self.members = load(group);
        self.cursor = 0;
        self.known.push(known);
        self.members.is_some()
    }

    /// Keeps a nested group's name for later, unless it was seen.
    fn note(&mut self, name: *mut Node) {
        if name.is_null() {
            return;
        }
        // SAFETY: a node just made, that no list holds.
        let seen =
            unsafe { self.known.contains((*name).name.as_slice()) || self.needed.contains((*name).name.as_slice()) };
        if seen {
            Names { head: name }.clear();
        } else {
            self.needed.push(name);
        }
    }

    /// The next triple, across nested groups; the cursor stays on it until
    /// `advance` (so that a triple too long is given again).
    fn next(&mut self) -> Next<'_> {
        loop {
            let members = self.members.as_ref().map_or(&[][..], Bytes::as_slice);
            let mut cursor = self.cursor;
            match parse(members, &mut cursor) {
                (Member::Triple { .. }, _) => break,
                (Member::Group(name), _) => {
                    // Copied out first: `name` borrows the members.
                    let name = node(name);
                    self.cursor = cursor;
                    self.note(name);
                }
                (Member::End, _) => {
                    let mut found = false;
                    while !found {
                        let n = self.needed.pop();
                        if n.is_null() {
                            break;
                        }
                        // SAFETY: a node of ours; its name lives on in `known`.
                        let name = unsafe { core::slice::from_raw_parts((*n).name.ptr, (*n).name.len) };
                        found = self.open(name, n);
                    }
                    if !found {
                        return Next::End;
                    }
                }
            }
        }
        let members = self.members.as_ref().map_or(&[][..], Bytes::as_slice);
        let mut cursor = self.cursor;
        match parse(members, &mut cursor) {
            (Member::Triple { text, comma1, comma2 }, end) => Next::Triple { text, comma1, comma2, end },
            _ => Next::End,
        }
    }
}

/// Copies a triple's text into `buf` and points at its fields there;
/// false if it does not fit.
///
/// # Safety
/// `buf` writable for `len` bytes; the three pointers writable.
unsafe fn give(
    text: &[u8],
    comma1: usize,
    comma2: usize,
    buf: *mut c_char,
    len: usize,
    out: [*mut *mut c_char; 3],
) -> bool {
    if text.len() > len {
        return false;
    }
    // SAFETY: text.len() <= len bytes of the caller's buffer.
    let copy = unsafe {
        core::ptr::copy_nonoverlapping(text.as_ptr(), buf.cast::<u8>(), text.len());
        core::slice::from_raw_parts_mut(buf.cast::<u8>(), text.len())
    };
    let fields = fields(text, comma1, comma2);
    let starts = [0, comma1 + 1, comma2 + 1];
    for ((field, start), out) in fields.into_iter().zip(starts).zip(out) {
        let p = match field {
            None => null_mut(),
            Some(word) => {
                // The word's offset in the text, and its end made a NUL (a
                // separator or a blank, inside the copy).
                let at = start + text[start..].windows(word.len()).position(|w| w == word).unwrap_or(0);
                copy[at + word.len()] = 0;
                // SAFETY: inside the copy.
                unsafe { buf.add(at) }
            }
        };
        // SAFETY: the caller's writable pointer.
        unsafe { *out = p };
    }
    true
}

/// A field against a wanted value: either absent matches.
fn field_matches(field: Option<&[u8]>, wanted: *const c_char, nocase: bool) -> bool {
    let Some(field) = field else { return true };
    if wanted.is_null() {
        return true;
    }
    // SAFETY: a C string from the caller.
    let wanted = unsafe { CStr::from_ptr(wanted) }.to_bytes();
    if nocase { field.eq_ignore_ascii_case(wanted) } else { field == wanted }
}

/// `innetgr`: 1 if `(host, user, domain)` is in `netgroup` or a group it
/// names (null arguments match anything; hosts and domains compare without
/// case), else 0 (innetgr(3)).
///
/// # Safety
/// `netgroup` a C string; the others null or C strings.
#[export]
pub unsafe extern "C" fn innetgr(
    netgroup: *const c_char,
    host: *const c_char,
    user: *const c_char,
    domain: *const c_char,
) -> c_int {
    if netgroup.is_null() {
        return 0;
    }
    // SAFETY: a C string.
    let top = unsafe { CStr::from_ptr(netgroup) }.to_bytes();
    let mut walk = Walk::new();
    let mut current = node(top);
    let mut hit = false;
    // glibc's own loop: each group's triples until one matches, or one
    // too long for its buffer ends that group; then the next named group.
    while !current.is_null() {
        // SAFETY: a node of ours; its name lives on in `known`.
        let name = unsafe { core::slice::from_raw_parts((*current).name.ptr, (*current).name.len) };
        let members = load(name);
        walk.known.push(current);
        let text = members.as_ref().map_or(&[][..], Bytes::as_slice);
        let mut cursor = 0;
        loop {
            match parse(text, &mut cursor) {
                (Member::Triple { text: t, comma1, comma2 }, end) => {
                    if t.len() > TRIPLE_BUF {
                        break;
                    }
                    cursor = end;
                    let [h, u, d] = fields(t, comma1, comma2);
                    if field_matches(h, host, true) && field_matches(u, user, false) && field_matches(d, domain, true) {
                        hit = true;
                        break;
                    }
                }
                (Member::Group(name), _) => walk.note(node(name)),
                (Member::End, _) => break,
            }
        }
        if hit {
            break;
        }
        current = walk.needed.pop();
    }
    walk.clear();
    c_int::from(hit)
}

/// The enumeration `setnetgrent` starts: process-wide, as glibc's.
struct State {
    walk: UnsafeCell<Walk>,
    /// Between `setnetgrent` and `endnetgrent`.
    active: UnsafeCell<bool>,
    buf: UnsafeCell<[c_char; TRIPLE_BUF]>,
}

// SAFETY: glibc's netgroup enumeration is process-wide and not
// thread-safe either (its lock only guards against corruption).
unsafe impl Sync for State {}

static STATE: State =
    State { walk: UnsafeCell::new(Walk::new()), active: UnsafeCell::new(false), buf: UnsafeCell::new([0; TRIPLE_BUF]) };

/// `setnetgrent`: starts enumerating `netgroup`; 1 if it exists, else 0.
///
/// # Safety
/// `netgroup` a C string; not thread-safe.
#[export]
pub unsafe extern "C" fn setnetgrent(netgroup: *const c_char) -> c_int {
    // SAFETY: not thread-safe, as documented.
    let (walk, active) = unsafe { (&mut *STATE.walk.get(), &mut *STATE.active.get()) };
    walk.clear();
    *active = true;
    if netgroup.is_null() {
        return 0;
    }
    // SAFETY: a C string.
    let group = unsafe { CStr::from_ptr(netgroup) }.to_bytes();
    c_int::from(walk.open(group, node(group)))
}

/// `endnetgrent`: ends the enumeration.
///
/// # Safety
/// Not thread-safe.
#[export]
pub unsafe extern "C" fn endnetgrent() {
    // SAFETY: not thread-safe, as documented.
    unsafe {
        (*STATE.walk.get()).clear();
        *STATE.active.get() = false;
    }
}

/// `getnetgrent_r`: the next triple of the group `setnetgrent` chose, its
/// strings in `buf`; 1, or 0 at the end (with `ERANGE` in errno when `buf`
/// is too small; the triple is then given again next time).
///
/// # Safety
/// The three pointers writable, `buf` writable for `len` bytes.
#[export]
pub unsafe extern "C" fn getnetgrent_r(
    hostp: *mut *mut c_char,
    userp: *mut *mut c_char,
    domainp: *mut *mut c_char,
    buf: *mut c_char,
    len: usize,
) -> c_int {
    // SAFETY: not thread-safe, as documented.
    let (walk, active) = unsafe { (&mut *STATE.walk.get(), *STATE.active.get()) };
    if !active {
        return 0;
    }
    let (given, end) = match walk.next() {
        Next::End => return 0,
        Next::Triple { text, comma1, comma2, end } => {
            // SAFETY: the caller's buffer and pointers.
            (unsafe { give(text, comma1, comma2, buf, len, [hostp, userp, domainp]) }, end)
        }
    };
    if !given {
        errno::set(libc::ERANGE);
        return 0;
    }
    walk.cursor = end;
    1
}

/// `getnetgrent`: as `getnetgrent_r` with a static buffer of 1024 bytes.
///
/// # Safety
/// The three pointers writable; not thread-safe.
#[export]
pub unsafe extern "C" fn getnetgrent(
    hostp: *mut *mut c_char,
    userp: *mut *mut c_char,
    domainp: *mut *mut c_char,
) -> c_int {
    // SAFETY: the static buffer.
    unsafe { getnetgrent_r(hostp, userp, domainp, STATE.buf.get().cast(), TRIPLE_BUF) }
}

#[cfg(test)]
mod tests {
    use super::{Member, fields, parse};

    fn members(text: &[u8]) -> std::vec::Vec<std::string::String> {
        let mut out = std::vec::Vec::new();
        let mut cursor = 0;
        loop {
            match parse(text, &mut cursor) {
                (Member::Triple { text, comma1, comma2 }, end) => {
                    cursor = end;
                    let f = fields(text, comma1, comma2)
                        .map(|f| f.map_or("-".into(), |w| std::string::String::from_utf8_lossy(w).into_owned()));
                    out.push(std::format!("({},{},{})", f[0], f[1], f[2]));
                }
                (Member::Group(g), _) => out.push(std::string::String::from_utf8_lossy(g).into_owned()),
                (Member::End, _) => return out,
            }
        }
    }

    #[test]
    fn triples_groups_and_glibcs_malformed_fields() {
        assert_eq!(members(b" (h1,u1,d1) other (, u2 x ,)  (h3,,)"), ["(h1,u1,d1)", "other", "(-,u2,-)", "(h3,-,-)"]);
        // A triple scans for its separators across blanks and parentheses.
        assert_eq!(members(b"(a,b) (c,d,e)"), ["(a,b),d,e)"]);
        assert_eq!(members(b"(m,n,o) (a,b,c"), ["(m,n,o)"]);
    }
}
