//! `gcompat-ld`: the file a glibc program names as its ELF interpreter
//! (`/lib64/ld-linux-x86-64.so.2`), on a musl system.
//!
//! # What it does
//!
//! The kernel maps the glibc program and this stub (its PT_INTERP) and enters
//! the stub with the program's initial stack (argc, argv, envp, auxv). The
//! stub maps musl's loader (`GCOMPAT_MUSL_LOADER`, fixed at build time) from
//! its file, segment by segment, as a loader maps a library, rewrites the
//! kernel's initial frame in place and jumps to musl's entry point, in the
//! same process: no second `execve`. It starts musl one of two ways:
//!
//! - **as the program's interpreter** (`interp.rs`), outside secure mode: on
//!   the kernel's own mapping of the program, with the shim in a transient
//!   `LD_PRELOAD` entry that the shim's constructor removes again. The fast
//!   start: musl does not map the program a second time.
//! - **as a command** (this file), in secure mode and for programs the fast
//!   start cannot take. For these steps:
//!
//! 1. maps musl's loader;
//! 2. reads the program's headers where the kernel mapped them, and picks
//!    the path musl is to open it by: `/proc/self/exe`'s target (so that
//!    `$ORIGIN` is the real directory, as under glibc), in secure mode
//!    `/proc/self/exe` itself;
//! 3. rewrites the kernel's initial frame in place, a few words lower on the
//!    same `[stack]` mapping, into one for musl *run as a command*:
//!    `ld-linux-x86-64.so.2 --argv0 ARGV0 --preload SHIM[:LD_PRELOAD] -- PROGRAM ARGS...`,
//!    the program's own envp (the same string pointers), and a copy of the
//!    auxv (below);
//! 4. unmaps the kernel's mapping of the program (musl maps it again);
//! 5. jumps to musl's entry point with the stack pointer on the new frame.
//!
//! Either way the kernel's argv and environment strings, AT_EXECFN, the auxv
//! strings and AT_RANDOM stay where the kernel put them, untouched, so
//! `/proc/self/cmdline`, `/proc/self/environ`, `/proc/self/exe`, `comm` and
//! `getauxval(AT_EXECFN)` are exactly what they are under glibc; `--argv0`
//! gives the program its own argv[0] back in a command start.
//!
//! # Why secure mode starts musl as a command
//!
//! musl's loader decides how it was started by comparing `AT_PHDR` with its
//! own program headers (`__dls3`): equal means "run as a command, map the
//! program named in argv", different means "the kernel mapped the program,
//! I am its interpreter". As the interpreter, musl takes the shim only from
//! `LD_PRELOAD` in the environment, which it ignores in secure mode: a
//! setuid glibc program would run without the shim. As a command, musl
//! takes `--preload` whatever the mode, takes `--argv0` (musl 1.2.3 and
//! 1.2.5 both do), and takes its own argv[0] as its name: the stub passes
//! `ld-linux-x86-64.so.2`, so that a DT_NEEDED on glibc's loader binds to
//! musl. Outside secure mode the interpreter start is faster (a tenth of the
//! start-up: `make bench-loader`), and `interp.rs` makes its `LD_PRELOAD`
//! invisible to the program and its name glibc's loader name.
//!
//! # The auxiliary vector (command start)
//!
//! musl reads the auxv with "last entry wins" (`decode_vec`); the program's
//! `getauxval` returns the first entry. The stub's copy therefore holds the
//! *program's* `AT_PHDR` and `AT_ENTRY` (where musl is about to map it),
//! `AT_BASE` = musl's base, the rest as the kernel gave it, and one extra
//! `AT_PHDR` = musl's own headers at the end: musl sees itself started as a
//! command, the program sees values consistent with `dl_iterate_phdr` and its
//! own headers, as under glibc.
//!
//! Where musl will map the program: musl maps a program's whole span first
//! with one `mmap(addr_min, len, prot, MAP_PRIVATE, fd, off)`, the lowest
//! segment's address as a hint, before any other mapping of its own. An
//! ET_EXEC program gets its fixed address (the stub freed it). For a PIE the
//! stub makes the same request last of all, unmaps the result and jumps: the
//! kernel answers musl's identical request with the same place, the highest
//! free gap that fits. Below 2 MiB the probe is an anonymous mapping (the
//! kernel places it as it places a file mapping, and the stub need not open
//! the file); from 2 MiB the kernel may align a file mapping for huge pages,
//! so the probe maps the program's file itself. The loader tests check the
//! result for a PIE, an ET_EXEC program and a span over 2 MiB.
//!
//! # The kernel's mapping of the program (command start)
//!
//! It is unmapped: musl maps the program a second time, and an ET_EXEC
//! program's fixed addresses must be free for that. The stub's own mapping
//! stays (it cannot unmap the code it runs before jumping, and a trampoline
//! elsewhere would need a writable-executable page): two small mappings named
//! `ld-linux-x86-64.so.2`, where glibc's process has its loader too.
//! `/proc/self/auxv` (the kernel's copy) still shows the kernel's first
//! `AT_PHDR`/`AT_ENTRY` for a PIE, as under glibc's `ld.so PROGRAM`.
//!
//! # The stack
//!
//! musl's frame is the kernel's frame rewritten in place: the pointer arrays
//! (argc, argv, envp, auxv) move down by at most `start::HEADROOM` bytes,
//! which `_start` keeps free below them; the strings above, which
//! `/proc/self/cmdline` and `/proc/self/environ` show, are not touched. So the
//! main thread keeps the kernel's `[stack]` (growing to `RLIMIT_STACK`, found
//! by musl's `pthread_getattr_np` as usual), and musl's stack starts where it
//! would had the kernel started musl itself: no extra stack pages to fault
//! in at every start. The strings musl keeps pointers to (the preload list,
//! which musl splits in place, and the program's path) lie in the stub's bss.
//!
//! # Secure mode
//!
//! When `AT_SECURE` is set, or the real and effective ids differ, nothing
//! from the environment chooses code or paths: the preload list is the shim
//! alone (the user's `LD_PRELOAD` is dropped; musl itself ignores
//! `LD_LIBRARY_PATH` in secure mode, and the stub passes no `--library-path`),
//! and musl opens the program as `/proc/self/exe`, the very file the kernel
//! executed, not a path someone could swap after `execve`. The stub's own
//! paths are fixed at build time; no environment variable overrides them in
//! any mode. Like glibc's loader, the stub also drops glibc's
//! `UNSECURE_ENVVARS` (`LD_PRELOAD`, `LD_LIBRARY_PATH`, `TMPDIR`, ...) from the
//! program's `environ`.
//!
//! # Limits
//!
//! - musl needs to `open` the program: an execute-only (`--x`) program fails
//!   with musl's "cannot load" message.
//! - `execve` with an empty argv: musl as a command always gives the program
//!   one argument, its path.
//! - IFUNC (`R_X86_64_IRELATIVE`, `STT_GNU_IFUNC`): musl refuses them with
//!   "Error relocating PROGRAM: unsupported relocation type 37" (or "symbol
//!   not found"), one line per relocation, exit 127; the stub keeps that.
//! - In secure mode musl names the program `/proc/self/exe`, so `$ORIGIN`
//!   expands to `/proc/self`: a setuid program's `$ORIGIN`-relative
//!   libraries are not found (glibc allows them only inside its trusted
//!   system directories).
//! - Run by hand (no program: the kernel's `AT_PHDR` is the stub's own
//!   headers), it prints a usage message and exits 1, as glibc's `ld.so` does.

#![no_std]
#![no_main]

// start.rs and sys.rs hold the per-architecture code: `_start`, the stack
// switch, the RELATIVE relocation type and the system call numbers.
#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
compile_error!("gcompat-ld: start-up code exists for x86_64 and aarch64 only");

mod elf;
mod interp;
mod start;
mod sys;

use elf::Object;
use sys::Errno;

const NAME: &[u8] = concat!(env!("GCOMPAT_LD_NAME"), "\0").as_bytes();
const MUSL: &[u8] = concat!(env!("GCOMPAT_LD_MUSL"), "\0").as_bytes();
const SHIM: &[u8] = env!("GCOMPAT_LD_SHIM").as_bytes();
const PROC_SELF_EXE: &[u8] = b"/proc/self/exe\0";
const OPT_ARGV0: &[u8] = b"--argv0\0";
const OPT_PRELOAD: &[u8] = b"--preload\0";
const OPT_END: &[u8] = b"--\0";

const AT_NULL: usize = 0;
const AT_PHDR: usize = 3;
const AT_PHNUM: usize = 5;
const AT_BASE: usize = 7;
const AT_ENTRY: usize = 9;
const AT_UID: usize = 11;
const AT_EUID: usize = 12;
const AT_GID: usize = 13;
const AT_EGID: usize = 14;
const AT_SECURE: usize = 23;
const AT_EXECFN: usize = 31;

/// The initial stack the kernel gave the stub.
struct Start {
    /// The kernel's stack pointer: argc.
    sp: *mut usize,
    argc: usize,
    argv: *const *const u8,
    envc: usize,
    envp: *const *const u8,
    /// Pairs before AT_NULL.
    auxc: usize,
    auxv: *const [usize; 2],
}

impl Start {
    /// # Safety
    /// `sp` is the initial stack pointer the kernel set.
    unsafe fn parse(sp: *mut usize) -> Start {
        // SAFETY: the kernel's layout: argc, argv..., NULL, envp..., NULL, auxv.
        unsafe {
            let argc = *sp;
            let argv = sp.add(1) as *const *const u8;
            let envp = argv.add(argc + 1);
            let mut envc = 0;
            while !(*envp.add(envc)).is_null() {
                envc += 1;
            }
            let auxv = envp.add(envc + 1) as *const [usize; 2];
            let mut auxc = 0;
            while (*auxv.add(auxc))[0] != AT_NULL {
                auxc += 1;
            }
            Start { sp, argc, argv, envc, envp, auxc, auxv }
        }
    }

    fn aux(&self, key: usize) -> Option<usize> {
        // SAFETY: `auxc` pairs were counted in `parse`.
        let pairs = unsafe { core::slice::from_raw_parts(self.auxv, self.auxc) };
        pairs.iter().find(|p| p[0] == key).map(|p| p[1])
    }

    fn arg(&self, i: usize) -> *const u8 {
        // SAFETY: i < argc, checked by callers.
        unsafe { *self.argv.add(i) }
    }

    fn env(&self, i: usize) -> *const u8 {
        // SAFETY: i < envc.
        unsafe { *self.envp.add(i) }
    }
}

/// A NUL-terminated string the kernel or the stub owns, without its NUL.
///
/// # Safety
/// `p` is null or points at a NUL-terminated string that outlives the slice.
unsafe fn cstr<'a>(p: *const u8) -> &'a [u8] {
    if p.is_null() {
        return b"";
    }
    let mut n = 0;
    // SAFETY: per the contract, the string ends in a NUL.
    unsafe {
        while *p.add(n) != 0 {
            n += 1;
        }
        core::slice::from_raw_parts(p, n)
    }
}

fn without_nul(s: &[u8]) -> &[u8] {
    s.strip_suffix(b"\0").unwrap_or(s)
}

/// A one-line message on stderr.
struct Line {
    buf: [u8; 1024],
    len: usize,
}

impl Line {
    fn new() -> Line {
        Line { buf: [0; 1024], len: 0 }
    }
    fn add(&mut self, s: &[u8]) -> &mut Line {
        let n = s.len().min(self.buf.len() - 1 - self.len);
        self.buf[self.len..self.len + n].copy_from_slice(&s[..n]);
        self.len += n;
        self
    }
    fn print(&mut self) {
        self.buf[self.len] = b'\n';
        sys::write_all(2, &self.buf[..self.len + 1]);
    }
}

/// Reports why the program cannot start, on one line, and exits 127 (as a
/// loader does when it cannot load a program).
#[cold]
#[inline(never)]
fn fail(program: &[u8], what: &[u8], path: &[u8], err: Option<Errno>) -> ! {
    let mut l = Line::new();
    l.add(without_nul(NAME)).add(b": ").add(program).add(b": ").add(what).add(without_nul(path));
    if let Some(e) = err {
        l.add(b": ").add(sys::strerror(e));
    }
    l.print();
    sys::exit(127)
}

#[cold]
#[inline(never)]
fn usage() -> ! {
    let mut l = Line::new();
    l.add(b"usage: ")
        .add(without_nul(NAME))
        .add(b" is gcompat's ELF interpreter for glibc programs on musl; the kernel starts it for them.\n")
        .add(b"It starts musl's loader ")
        .add(without_nul(MUSL))
        .add(b" in the program's own process with ")
        .add(SHIM)
        .add(b" preloaded.\nTo run a glibc program by hand: ")
        .add(without_nul(MUSL))
        .add(b" --preload ")
        .add(SHIM)
        .add(b" PROGRAM [ARGS...]");
    l.print();
    sys::exit(1)
}

/// What the first stage decides, before the new frame is reserved.
struct Plan {
    start: Start,
    secure: bool,
    /// The user's LD_PRELOAD value (outside secure mode).
    user_preload: &'static [u8],
    /// AT_EXECFN, or argv[0]: the program's name in messages.
    program_name: &'static [u8],
    execfn: &'static [u8],
    kernel_phdr: usize,
}

/// Longest path the stub hands musl for the program (NUL included).
const PATH_MAX: usize = 4096;

/// The size from which the kernel may align a file mapping for huge pages.
const PMD_SIZE: usize = 2 << 20;

/// Entered from `_start` with the kernel's stack pointer, the stub's load
/// base and its `_DYNAMIC`. Keeps its frame small, reserves the new frame
/// right below, and goes on in `stage2` below that: every stack page the
/// stub touches is a page fault at every start of every glibc program.
///
/// # Safety
/// Called once, by `_start`, before anything else.
#[unsafe(no_mangle)]
unsafe extern "C" fn gcompat_ld_main(sp: *mut usize, base: usize, dynamic: *const usize) -> ! {
    // SAFETY: the stub's own base and dynamic section, before any global use.
    unsafe { start::relocate(base, dynamic) };
    // SAFETY: `sp` is the kernel's initial stack pointer.
    let start = unsafe { Start::parse(sp) };

    // Run by hand, the kernel mapped the stub as the program: AT_PHDR is
    // the stub's own program headers.
    // SAFETY: the stub's ELF header is mapped at `base`; e_phoff is at 32.
    let own_phdr = base + unsafe { ((base + 32) as *const u64).read_unaligned() } as usize;
    let Some(kernel_phdr) = start.aux(AT_PHDR) else { usage() };
    if kernel_phdr == own_phdr {
        usage();
    }

    // musl's definition of secure mode (`__dls3`): AT_SECURE, or ids that
    // differ, or ids the kernel did not give.
    let ids = [AT_UID, AT_EUID, AT_GID, AT_EGID].map(|k| start.aux(k));
    let secure = start.aux(AT_SECURE).unwrap_or(0) != 0
        || ids.iter().any(Option::is_none)
        || ids[0] != ids[1]
        || ids[2] != ids[3];

    // SAFETY: AT_EXECFN and argv[0] are the kernel's strings, alive for good.
    let execfn = unsafe { cstr(start.aux(AT_EXECFN).unwrap_or(0) as *const u8) };
    let program_name = if !execfn.is_empty() {
        execfn
    } else if start.argc > 0 {
        // SAFETY: as above.
        unsafe { cstr(start.arg(0)) }
    } else {
        b"program"
    };
    let user_preload = if secure { &b""[..] } else { find_env(&start, b"LD_PRELOAD=") };
    let plan = Plan { start, secure, user_preload, program_name, execfn, kernel_phdr };
    // Outside secure mode, musl as the interpreter (interp.rs); returns
    // when this program needs the command start.
    interp::start(&plan);
    stage2(&plan)
}

/// The value of the first `NAME=` in the environment.
fn find_env(start: &Start, prefix: &[u8]) -> &'static [u8] {
    for i in 0..start.envc {
        // SAFETY: environment strings are the kernel's, alive for good.
        let e = unsafe { cstr(start.env(i)) };
        if let Some(v) = e.strip_prefix(prefix) {
            return v;
        }
    }
    b""
}

/// glibc's `UNSECURE_ENVVARS` (2.36) and `MALLOC_CHECK_`: in secure mode
/// glibc's loader removes these from the program's environment, and so does
/// the stub (from the program's `environ`; `/proc/self/environ` keeps them,
/// as under glibc). One string, so that the table needs no relocation.
const UNSECURE_ENVVARS: &[u8] = b"GCONV_PATH GETCONF_DIR HOSTALIASES LD_AUDIT LD_DEBUG LD_DEBUG_OUTPUT \
    LD_DYNAMIC_WEAK LD_HWCAP_MASK LD_LIBRARY_PATH LD_ORIGIN_PATH LD_PRELOAD LD_PROFILE LD_SHOW_AUXV \
    LOCALDOMAIN LOCPATH MALLOC_CHECK_ MALLOC_TRACE NIS_PATH NLSPATH RESOLV_HOST_CONF RES_OPTIONS TMPDIR TZDIR";

fn is_unsecure(entry: &[u8]) -> bool {
    let name = entry.split(|&c| c == b'=').next().unwrap_or(entry);
    UNSECURE_ENVVARS.split(|&c| c == b' ').any(|n| n == name)
}

/// musl's argv before the program's own arguments.
fn head_len(start: &Start) -> usize {
    // NAME --argv0 A0 --preload LIST -- PATH (no --argv0 when argc is 0)
    if start.argc > 0 { 7 } else { 5 }
}

/// Writes `SHIM[:LD_PRELOAD]` and its NUL (`preload_len` bytes) into `buf`.
fn write_preload(plan: &Plan, buf: &mut [u8]) {
    let mut n = SHIM.len();
    buf[..n].copy_from_slice(SHIM);
    if !plan.user_preload.is_empty() {
        buf[n] = b':';
        buf[n + 1..n + 1 + plan.user_preload.len()].copy_from_slice(plan.user_preload);
        n += 1 + plan.user_preload.len();
    }
    buf[n] = 0;
}

fn preload_len(plan: &Plan) -> usize {
    SHIM.len() + if plan.user_preload.is_empty() { 0 } else { 1 + plan.user_preload.len() } + 1
}

/// How much longer musl's frame is than the kernel's, in words: the head of
/// musl's argv replaces argv[0]; musl's own AT_PHDR, and AT_PHDR, AT_ENTRY,
/// AT_BASE where the kernel gave none, join the auxv. (Dropped environment
/// entries only make it shorter.)
fn extra_words(s: &Start) -> usize {
    let missing = [AT_PHDR, AT_ENTRY, AT_BASE].iter().filter(|&&k| s.aux(k).is_none()).count();
    head_len(s) - s.argc.min(1) + 2 + 2 * missing
}

/// Strings musl keeps pointers to, in the stub's bss: it starts in the data
/// page the kernel already touched, so short strings cost no page fault, and
/// they do not push musl's stack deeper. One struct, to keep that order.
#[repr(C)]
struct Strings {
    /// `SHIM[:LD_PRELOAD]`: musl splits it in place, so it must be writable.
    preload: [u8; 512],
    /// The program's path for musl.
    path: [u8; PATH_MAX],
}

static mut STRINGS: Strings = Strings { preload: [0; 512], path: [0; PATH_MAX] };

/// Writes the path musl is to open the program by into `buf`
/// (NUL-terminated); returns its length with the NUL.
fn program_path(plan: &Plan, buf: &mut [u8]) -> usize {
    let copy = |buf: &mut [u8], s: &[u8]| -> usize {
        let n = s.len().min(PATH_MAX - 1);
        buf[..n].copy_from_slice(&s[..n]);
        buf[n] = 0;
        n + 1
    };
    if plan.secure {
        // The exact file the kernel executed; a path could be swapped.
        return copy(buf, without_nul(PROC_SELF_EXE));
    }
    // The resolved path, so that musl's $ORIGIN is the program's directory,
    // as glibc's is (glibc reads /proc/self/exe too).
    match sys::readlink(PROC_SELF_EXE, &mut buf[..PATH_MAX - 1]) {
        Ok(n) if n < PATH_MAX - 1 && !buf[..n].ends_with(b" (deleted)") => {
            buf[n] = 0;
            n + 1
        }
        // Deleted since (or too long): the magic link still opens it.
        Ok(_) => copy(buf, without_nul(PROC_SELF_EXE)),
        // No /proc: the path the program was started by.
        Err(_) => copy(buf, plan.execfn),
    }
}

/// Maps musl's loader; returns (base, its program headers, its entry).
fn map_musl(program_name: &[u8]) -> (usize, usize, usize) {
    let fd = match sys::open(MUSL) {
        Ok(fd) => fd,
        Err(e) => fail(program_name, b"cannot start musl's loader ", MUSL, Some(e)),
    };
    let musl = match Object::read(fd) {
        Ok(o) if o.e_type == elf::ET_DYN => o,
        Ok(_) => fail(program_name, b"not a loader: ", MUSL, None),
        Err(e) => fail(program_name, b"cannot read musl's loader ", MUSL, Some(e)),
    };
    let base = match musl.map(fd) {
        Ok(b) => b,
        Err(e) => fail(program_name, b"cannot map musl's loader ", MUSL, Some(e)),
    };
    sys::close(fd);
    (base, base + musl.e_phoff, base + musl.e_entry)
}

/// Maps musl, rewrites the kernel's initial frame in place into musl's,
/// predicts where musl will map the program, and jumps to musl.
fn stage2(plan: &Plan) -> ! {
    let s = &plan.start;
    let name = plan.program_name;
    // SAFETY: the only references to STRINGS, made once.
    let (preload_buf, path_buf) = unsafe {
        let p = &raw mut STRINGS;
        (
            core::slice::from_raw_parts_mut((&raw mut (*p).preload).cast::<u8>(), 512),
            core::slice::from_raw_parts_mut((&raw mut (*p).path).cast::<u8>(), PATH_MAX),
        )
    };
    let preload: &mut [u8] = if preload_len(plan) <= preload_buf.len() {
        preload_buf
    } else {
        // A long LD_PRELOAD: a mapping of its own.
        let len = (preload_len(plan) + elf::PAGE - 1) & !(elf::PAGE - 1);
        let flags = sys::MAP_PRIVATE | sys::MAP_ANONYMOUS;
        // SAFETY: a fresh anonymous mapping, kept for good.
        match unsafe { sys::mmap(0, len, sys::PROT_READ | sys::PROT_WRITE, flags, usize::MAX, 0) } {
            // SAFETY: `len` writable bytes at `at`.
            Ok(at) => unsafe { core::slice::from_raw_parts_mut(at as *mut u8, len) },
            Err(e) => fail(name, b"cannot hold LD_PRELOAD: ", b"mmap", Some(e)),
        }
    };

    // 1. musl's loader.
    let (musl_base, musl_phdr, musl_entry) = map_musl(name);

    // 2. The program: its path, written where musl's argv points, and its
    // headers, where the kernel mapped them (else from the file).
    let path_len = program_path(plan, path_buf);
    let path = &path_buf[..path_len];
    if plan.secure {
        // Fail closed, and clearly, where musl could not open it either.
        match sys::open(PROC_SELF_EXE) {
            Ok(fd) => sys::close(fd),
            Err(e) => {
                fail(name, b"a set-user-ID or set-group-ID program needs /proc: cannot open ", PROC_SELF_EXE, Some(e))
            }
        }
    }
    let mut program_fd = None;
    let mut open_program = || -> Result<usize, Errno> {
        if program_fd.is_none() {
            program_fd = Some(sys::open(path)?);
        }
        Ok(program_fd.unwrap_or(0))
    };
    // SAFETY: AT_PHDR/AT_PHNUM describe the kernel's mapping, still in place.
    let in_memory = unsafe { Object::from_memory(plan.kernel_phdr, s.aux(AT_PHNUM).unwrap_or(0)) };
    let program = match in_memory.map_or_else(|| open_program().and_then(Object::read), Ok) {
        Ok(o) => o,
        Err(e) => fail(name, b"cannot read the program's headers from ", path, Some(e)),
    };
    // The file must be what the kernel mapped.
    let kernel_base = plan.kernel_phdr.wrapping_sub(program.phdr_vaddr);
    if s.aux(AT_PHNUM) != Some(program.e_phnum) || s.aux(AT_ENTRY) != Some(kernel_base.wrapping_add(program.e_entry)) {
        fail(name, b"the program's file changed since it was started: ", path, None);
    }

    // 3. The preload list.
    write_preload(plan, preload);

    // 4. musl's frame: the kernel's, rewritten in place from the lowest
    // address up, `delta` bytes lower. Every word is read before anything is
    // written over it: a new word never lies above the old word it comes
    // from, and the head lies below the old frame, in the room _start kept.
    let delta = (extra_words(s) * 8 + 15) & !15;
    assert!(delta <= start::HEADROOM);
    let new_sp = (s.sp as usize - delta) as *mut usize;
    let argv0 = if s.argc > 0 { s.arg(0) } else { core::ptr::null() };
    let mut out = Words { base: new_sp, len: 0 };
    let argc = head_len(s) + s.argc.saturating_sub(1);
    out.push(argc);
    out.push(NAME.as_ptr() as usize);
    if s.argc > 0 {
        out.push(OPT_ARGV0.as_ptr() as usize);
        out.push(argv0 as usize);
    }
    out.push(OPT_PRELOAD.as_ptr() as usize);
    out.push(preload.as_ptr() as usize);
    out.push(OPT_END.as_ptr() as usize);
    out.push(path.as_ptr() as usize);
    for i in 1..s.argc {
        out.push(s.arg(i) as usize);
    }
    out.push(0);
    for i in 0..s.envc {
        let e = s.env(i);
        // SAFETY: the kernel's environment strings.
        if plan.secure && is_unsecure(unsafe { cstr(e) }) {
            continue;
        }
        out.push(e as usize);
    }
    out.push(0);
    let (mut slot_phdr, mut slot_entry, mut have_base) = (None, None, false);
    for i in 0..s.auxc {
        // SAFETY: i < auxc.
        let [k, v] = unsafe { *s.auxv.add(i) };
        let at = out.push(k) + 1;
        match k {
            AT_PHDR => slot_phdr = Some(at),
            AT_ENTRY => slot_entry = Some(at),
            AT_BASE => have_base = true,
            _ => {}
        }
        out.push(if k == AT_BASE { musl_base } else { v });
    }
    if slot_phdr.is_none() {
        slot_phdr = Some(out.push(AT_PHDR) + 1);
        out.push(0);
    }
    if slot_entry.is_none() {
        slot_entry = Some(out.push(AT_ENTRY) + 1);
        out.push(0);
    }
    if !have_base {
        out.push(AT_BASE);
        out.push(musl_base);
    }
    // Last, so that musl (last entry wins) sees itself run as a command.
    out.push(AT_PHDR);
    out.push(musl_phdr);
    out.push(AT_NULL);
    out.push(0);

    // 5. The kernel's copy of the program goes; 6. the probe, last of all.
    // SAFETY: nothing refers to the kernel's mapping of the program any more:
    // its headers were read above.
    let _ = unsafe { sys::munmap(kernel_base.wrapping_add(program.load_lo), program.load_hi - program.load_lo) };
    let p = &program;
    // Below 2 MiB, the kernel places a file mapping as it places an anonymous
    // one; from 2 MiB it may align a file mapping for huge pages, so the
    // probe maps the file itself then.
    let probe = if p.e_type == elf::ET_EXEC {
        // Fixed addresses, now free: musl's hint is honoured (or it fails).
        Ok(p.addr_min)
    } else if p.map_len < PMD_SIZE {
        // SAFETY: a fresh mapping, released at once.
        unsafe { sys::mmap(p.addr_min, p.map_len, 0, sys::MAP_PRIVATE | sys::MAP_ANONYMOUS, usize::MAX, 0) }
    } else {
        match open_program() {
            // SAFETY: a fresh mapping, released at once.
            Ok(fd) => unsafe { sys::mmap(p.addr_min, p.map_len, p.prot, sys::MAP_PRIVATE, fd, p.off_start) },
            Err(e) => Err(e),
        }
    };
    let Ok(at) = probe else {
        fail(name, b"cannot map ", path, probe.err());
    };
    if p.e_type != elf::ET_EXEC {
        // SAFETY: the probe's own mapping.
        let _ = unsafe { sys::munmap(at, p.map_len) };
    }
    let new_base = at.wrapping_sub(p.addr_min);
    out.set(slot_phdr.unwrap_or(0), new_base.wrapping_add(p.phdr_vaddr));
    out.set(slot_entry.unwrap_or(0), new_base.wrapping_add(p.e_entry));
    if let Some(fd) = program_fd {
        sys::close(fd);
    }
    // SAFETY: `new_sp` holds a complete initial frame; musl is mapped.
    unsafe { start::jump(new_sp as usize, musl_entry) }
}

/// musl's frame, written word by word from `base` up over the kernel's.
struct Words {
    base: *mut usize,
    len: usize,
}

impl Words {
    /// Appends `v`; returns its index.
    fn push(&mut self, v: usize) -> usize {
        self.set(self.len, v);
        self.len += 1;
        self.len - 1
    }

    fn set(&mut self, i: usize, v: usize) {
        // SAFETY: inside the kernel's frame or the headroom below it (see
        // stage2); raw writes, ordered with the raw reads of the old words.
        unsafe { self.base.add(i).write(v) }
    }
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    sys::write_all(2, b"gcompat-ld: internal error\n");
    sys::exit(127)
}

/// Never called (panics abort), but an unoptimised build links against
/// `core` objects that name it.
#[unsafe(no_mangle)]
extern "C" fn rust_eh_personality() {}
