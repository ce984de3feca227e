//! The differential harness: glibc is the oracle.
//!
//! Every C/C++ program under `testbins/<area>/` is built against this
//! machine's glibc (its version asked of it: `glibc-2.36` on Debian 12) and
//! against the glibc of the Debian 13 sysroot (`glibc-2.41`), run natively
//! under that glibc, then under musl 1.2.5 and musl 1.2.3 with the shim
//! preloaded; stdout, stderr, exit status and signal must match. Real
//! programs listed in `testbins/real-programs.txt` run under this machine's
//! glibc and on musl. Builds are named by their glibc version; when the
//! host's and the sysroot's are the same (a Debian 13 host), the sysroot's
//! is `glibc-2.41-sysroot`, so names and output folders stay apart.
//!
//! A testbin named `*.musl.c` is built with musl-gcc instead and run under
//! musl 1.2.5 without the shim as the oracle: it proves that musl-built
//! callers keep musl's meaning of the names the shim overrides.
//!
//! Header lines in a testbin: `// cases: a b c` runs `prog a`, `prog b`, ...
//! (one run without arguments if absent); `// cflags: ...` adds compiler
//! flags; `// arches: x86_64` runs it on those architectures only (what it
//! tests exists nowhere else: x87 formats, `__fentry__`); `// emulated-skip:
//! CASE... -- REASON` skips those cases under qemu-user, with the reason
//! (what it does not emulate: robust futex lists, rseq), never a pass; `// builds: glibc-2.41 host` limits the builds (a glibc version
//! matches every build of it, `host` the build against this machine's glibc;
//! a testbin none of whose builds is here is a skip).
//!
//! `GCOMPAT_ARCH=aarch64` (the Makefile's `check` does it for each of its
//! `ARCHES`) tests the aarch64 build under qemu-user instead: the glibc 2.36
//! and 2.41 arm64 sysroots are the oracles, musl 1.2.5 and 1.2.3 arm64 the
//! targets, all from `scripts/setup.sh`'s cache. A build pattern `ARCH:PAT`
//! (`aarch64:glibc-2.41`) in the data files names a build on that
//! architecture only.
//!
//! A comparison counts only when the oracle ran: an oracle run that timed
//! out, did not start, was killed, or was refused by the loader is an error
//! whatever the shim did; a real program's glibc run must also end with the
//! status (and print the marker) its line in `real-programs.txt` states.
//!
//! `testbins/divergences.txt` lists known differences, each with its reason
//! and the difference itself: an entry line `testbin[:case] build libc
//! reason` (`*` for any build or libc; a build is a name or a glibc version
//! as above), then indented lines `status- "glibc's"` / `status+ "the
//! shim's"` and `stdout-`/`stdout+`/`stderr-`/`stderr+` `"line"`: the lines
//! only glibc prints and those only the shim prints, in order (a line diff).
//! A listed case passes only when its difference is exactly that one, so a
//! new bug in it still fails; a listed difference that no longer differs
//! fails too, and so does an entry naming no case, so the list stays true.
//! musl 1.2.3 is not the target: its differences are reported, not failed.
//!
//! A missing piece (sysroot, musl, the shim, a real program's package), or a
//! testbin whose oracle run exits 77 because it could not set up its fixture
//! (`testbins/fixture.h`), is a skip with its reason, never a pass; with `GCOMPAT_REQUIRE_ALL=1` (CI) a
//! skip fails the run.

use gcompat_tests::*;
use std::fmt::Write as _;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// A libc to build against and to run the oracle on: glibc, or musl for
/// the `*.musl.c` testbins that prove musl-built callers keep musl's meaning
/// (their oracle is musl 1.2.5 without the shim).
struct Glibc {
    /// Unique among the builds: labels and output folders use it.
    name: String,
    /// `glibc-2.36`: what divergence entries and `// builds:` name (with
    /// `name`); `musl-built` for the musl build.
    version: String,
    /// Built with this machine's compiler and C library.
    host: bool,
    /// C and C++ compilers.
    compiler: String,
    cxx_compiler: String,
    /// Compiler arguments for C++ only, before `cflags`.
    cxx_cflags: Vec<String>,
    /// Builds the `*.musl.c` testbins, and only those.
    musl_built: bool,
    /// Compiler arguments that select this glibc, before the common flags.
    cflags: Vec<String>,
    fortify: &'static str,
    /// How to run a program under this glibc: a prefix before the program.
    runner: Vec<String>,
}

impl Glibc {
    /// Whether a build pattern of a data file names this build: `*`, its
    /// name, its glibc version, or `host`; any of them after `ARCH:` names
    /// it on that architecture only (`aarch64:glibc-2.41`, `x86_64:*`).
    fn is(&self, pattern: &str) -> bool {
        let pattern = match pattern.split_once(':') {
            Some((a, rest)) if a == arch().name() => rest,
            Some(_) => return false,
            None => pattern,
        };
        pattern == "*" || pattern == self.name || pattern == self.version || (pattern == "host" && self.host)
    }
}

/// A musl to run glibc programs on, with the shim preloaded.
struct Musl {
    name: &'static str,
    loader: PathBuf,
    /// Differences here fail the run (the target) or are only reported.
    target: bool,
    /// A C++ runtime folder searched before Debian's: Alpine's musl-built
    /// `libstdc++.so.6`/`libgcc_s.so.1`. Such a musl runs C++ testbins only.
    cxx_runtime: Option<PathBuf>,
}

struct Testbin {
    /// `area/name`.
    id: String,
    source: PathBuf,
    cases: Vec<String>,
    cflags: Vec<String>,
    builds: Option<Vec<String>>,
    /// `// arches: x86_64`: the architectures the testbin is for, when it
    /// tests what only they have (all, if absent).
    arches: Option<Vec<String>>,
    /// `// emulated-skip: CASE... -- REASON`: cases (`*` for all) qemu-user
    /// cannot exercise, and why: a skip under emulation.
    emulated_skip: Option<(Vec<String>, String)>,
}

/// One comparison's outcome.
#[derive(Debug, PartialEq)]
enum Outcome {
    Pass,
    Fail(String),
    /// The oracle did not run: nothing was compared. A failure.
    Error(String),
    Skip(String),
    /// A listed difference, or one on a musl that is not the target:
    /// reported, not failed.
    Report(String),
}

#[derive(Debug, PartialEq, Eq, Clone)]
struct RunResult {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    status: String,
}

/// The exit status of a testbin that could not set up its fixture
/// (`FIXTURE_NOT_RUN` in testbins/fixture.h): a skip, never a pass.
const FIXTURE_NOT_RUN: i32 = 77;

/// How a skip of a case qemu-user cannot exercise begins: not a missing
/// piece, so `GCOMPAT_REQUIRE_ALL` does not fail it (it is still no pass).
const EMULATED: &str = "qemu-user cannot exercise this: ";

/// How long one run may take; four times that under emulation.
const TIMEOUT: Duration = Duration::from_secs(30);
const STACK_LIMIT: libc::rlim_t = 8 << 20;

/// The version a glibc sysroot carries, `2.41`, from its `<features.h>`.
fn sysroot_glibc_version(sysroot: &Path) -> Result<String, String> {
    let path = sysroot.join("usr/include/features.h");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let define = |name: &str| {
        text.lines().find_map(|l| match l.split_whitespace().collect::<Vec<_>>()[..] {
            ["#define", n, v] if n == name && v.parse::<u32>().is_ok() => Some(v.to_string()),
            _ => None,
        })
    };
    match (define("__GLIBC__"), define("__GLIBC_MINOR__")) {
        (Some(major), Some(minor)) => Ok(format!("{major}.{minor}")),
        _ => Err(format!("{}: no __GLIBC__/__GLIBC_MINOR__", path.display())),
    }
}

/// A build against a glibc sysroot: `libs` are its library folders
/// (relative to it; the first holds the loader), run by the architecture's
/// emulator, if any, and the sysroot's loader. Named by the version the
/// sysroot carries (`-sysroot` added when that is the host's own).
fn sysroot_build(s: &Path, libs: &[&str], fortify: &'static str, host_version: &str) -> Result<Glibc, String> {
    let a = arch();
    let libs: Vec<PathBuf> = libs.iter().map(|l| s.join(l).join(a.gnu_triple())).collect();
    let ld = libs[0].join(a.glibc_ld());
    if !ld.exists() {
        return Err(format!("glibc sysroot: none at {} (run scripts/setup.sh)", s.display()));
    }
    let v = sysroot_glibc_version(s).map_err(|e| format!("glibc sysroot: {e}"))?;
    let version = format!("glibc-{v}");
    let (cc, cxx) = a.compilers();
    let mut cflags = vec![format!("--sysroot={}", s.display())];
    let mut cxx_cflags = vec![];
    // A cross compiler searches its own tool folder (/usr/<triple>/include,
    // Debian's libc6-dev-<arch>-cross glibc 2.36 headers, which its g++
    // depends on) before the sysroot: only its own folders, then the
    // sysroot's, are searched.
    if !a.native() {
        let sysroot_dirs = [s.join("usr/include").join(a.gnu_triple()), s.join("usr/include")];
        cflags.push("-nostdinc".into());
        for dir in cross_include_dirs(&cc, "c")?.iter().chain(&sysroot_dirs) {
            cflags.extend(["-isystem".to_string(), dir.display().to_string()]);
        }
        // C++'s own headers go first (cflags follow them).
        for dir in cross_include_dirs(&cxx, "c++")?.iter().filter(|d| d.components().any(|c| c.as_os_str() == "c++")) {
            cxx_cflags.extend(["-isystem".to_string(), dir.display().to_string()]);
        }
    }
    for lib in &libs {
        cflags.push(format!("-B{}/", lib.display()));
        cflags.push(format!("-L{}", lib.display()));
    }
    let library_path = libs.iter().map(|l| l.display().to_string()).collect::<Vec<_>>().join(":");
    let mut runner = a.emulator();
    if !runner.is_empty() {
        // glibc's iconv finds its modules at a path compiled in
        // (/usr/lib/<triple>/gconv), which is this machine's architecture's,
        // if any: the sysroot's, by name.
        let gconv = s.join("usr/lib").join(a.gnu_triple()).join("gconv");
        runner.extend(["-E".to_string(), format!("GCONV_PATH={}", gconv.display())]);
    }
    runner.extend([ld.display().to_string(), "--library-path".into(), library_path]);
    Ok(Glibc {
        name: if version == host_version { format!("{version}-sysroot") } else { version.clone() },
        version,
        host: false,
        compiler: cc,
        cxx_compiler: cxx,
        cxx_cflags,
        musl_built: false,
        cflags,
        fortify,
        runner,
    })
}

/// A cross compiler's own header folders, in its search order: its C++
/// headers (for `lang` c++) and gcc's `include`, not its tool folder nor
/// `/usr/include`.
fn cross_include_dirs(compiler: &str, lang: &str) -> Result<Vec<PathBuf>, String> {
    let out = Command::new(compiler)
        .args(["-x", lang, "-E", "-v", "/dev/null"])
        .output()
        .map_err(|e| format!("{compiler}: {e} (run scripts/setup.sh)"))?;
    let text = String::from_utf8_lossy(&out.stderr);
    let dirs: Vec<PathBuf> = text
        .lines()
        .skip_while(|l| !l.starts_with("#include <...> search starts here:"))
        .skip(1)
        .take_while(|l| l.starts_with(' '))
        .filter_map(|l| std::fs::canonicalize(l.trim()).ok())
        .filter(|d| {
            d.components().any(|c| c.as_os_str() == "c++")
                || d.ends_with("include") && d.starts_with("/usr/lib/gcc-cross")
        })
        .collect();
    if dirs.is_empty() {
        return Err(format!("{compiler}: no header folders of its own in its -v output"));
    }
    Ok(dirs)
}

/// The builds for [`arch`]: natively this machine's glibc and the glibc
/// 2.41 sysroot; under emulation the glibc 2.36 and 2.41 sysroots (Debian
/// 12's and 13's, as an x86_64 Debian 12 host has them). Then the musl
/// build of the `*.musl.c` testbins.
fn glibcs() -> Vec<Result<Glibc, String>> {
    let a = arch();
    let host_version = if a.native() { format!("glibc-{}", host_glibc_version()) } else { String::new() };
    let old = match glibc_236() {
        None => Ok(Glibc {
            name: host_version.clone(),
            version: host_version.clone(),
            host: true,
            compiler: "gcc".into(),
            cxx_compiler: "g++".into(),
            cxx_cflags: vec![],
            musl_built: false,
            cflags: vec![],
            fortify: "2",
            runner: vec![],
        }),
        // Debian 12's libraries are in lib/ and usr/lib/ (not merged).
        Some(s) => sysroot_build(&s, &["lib", "usr/lib"], "2", &host_version),
    };
    let new = sysroot_build(&glibc_241(), &["usr/lib"], "3", &host_version);
    let musl = if musl_125().exists() {
        // musl's gcc wrapper: Debian's musl-tools natively, the cross gcc
        // with musl's specs from the cache otherwise (scripts/setup.sh).
        let compiler = if a.native() {
            "musl-gcc".to_string()
        } else {
            arch_cache().join(format!("bin/{}-linux-musl-gcc", a.name())).display().to_string()
        };
        let mut runner = a.emulator();
        runner.push(musl_125().display().to_string());
        Ok(Glibc {
            name: "musl-built".into(),
            version: "musl-built".into(),
            host: false,
            compiler,
            cxx_compiler: String::new(),
            cxx_cflags: vec![],
            musl_built: true,
            cflags: vec![],
            fortify: "2",
            runner,
        })
    } else {
        Err(format!("musl-built: no musl 1.2.5 at {} (run scripts/setup.sh)", musl_125().display()))
    };
    vec![old, new, musl]
}

/// The musls glibc programs run on: musl 1.2.5 (Alpine's, the target) and
/// 1.2.3, each with glibc-built C++ runtime libraries (Debian's, as a vendor
/// tarball brings them), and musl 1.2.5 with Alpine's musl-built ones (what
/// a program meets on Alpine), for C++ testbins.
fn musls() -> Vec<Result<Musl, String>> {
    let alpine = arch_cache().join("alpine-libstdc++");
    [
        ("musl-1.2.5", musl_125(), true, None),
        ("musl-1.2.3", musl_123(), false, None),
        ("musl-1.2.5+alpine-libstdc++", musl_125(), true, Some(alpine)),
    ]
    .into_iter()
    .map(|(name, loader, target, cxx_runtime)| {
        if !loader.exists() {
            return Err(format!("{name}: no loader at {} (run scripts/setup.sh)", loader.display()));
        }
        if let Some(dir) = cxx_runtime.as_ref().filter(|d| !d.join("libstdc++.so.6").exists()) {
            return Err(format!("{name}: no {} (run scripts/setup.sh)", dir.join("libstdc++.so.6").display()));
        }
        Ok(Musl { name, loader, target, cxx_runtime })
    })
    .collect()
}

fn header_values(text: &str, key: &str) -> Option<Vec<String>> {
    let prefix = format!("// {key}:");
    text.lines()
        .take_while(|l| l.starts_with("//") || l.starts_with("/*") || l.starts_with(" *") || l.trim().is_empty())
        .find_map(|l| l.strip_prefix(&prefix))
        .map(|v| v.split_whitespace().map(String::from).collect())
}

fn testbins() -> Vec<Testbin> {
    let dir = root().join("testbins");
    let mut out = Vec::new();
    let mut areas: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    areas.sort();
    // testbins/loader/ holds tests/loader.rs's programs, run through the loader stub in a chroot, not here.
    for area in areas.into_iter().filter(|p| p.is_dir() && !p.ends_with("loader")) {
        let mut files: Vec<_> = std::fs::read_dir(&area).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        for source in files {
            let ext = source.extension().and_then(|e| e.to_str()).unwrap_or("");
            if ext != "c" && ext != "cc" {
                continue;
            }
            let text = std::fs::read_to_string(&source).unwrap();
            let id = format!(
                "{}/{}",
                area.file_name().unwrap().to_str().unwrap(),
                source.file_stem().unwrap().to_str().unwrap()
            );
            out.push(Testbin {
                id,
                cases: header_values(&text, "cases").unwrap_or_else(|| vec![String::new()]),
                cflags: header_values(&text, "cflags").unwrap_or_default(),
                builds: header_values(&text, "builds"),
                arches: header_values(&text, "arches"),
                emulated_skip: header_values(&text, "emulated-skip").map(|words| {
                    let at = words.iter().position(|w| w == "--").unwrap_or(words.len());
                    (words[..at].to_vec(), words.get(at + 1..).unwrap_or_default().join(" "))
                }),
                source,
            });
        }
    }
    out
}

/// A line diff: the lines only the first text has (`-`) and the lines only
/// the second has (`+`), a longest common subsequence apart, hunk by hunk.
/// Two diffs are the same when their `-` lines and their `+` lines are, each
/// in order (how they interleave is only how they are shown). Lines are the
/// pieces between newlines, so a missing last newline is a difference.
#[derive(Debug, Default)]
struct LineDiff {
    lines: Vec<(char, String)>,
}

impl LineDiff {
    fn side(&self, sign: char) -> impl Iterator<Item = &String> {
        self.lines.iter().filter(move |(s, _)| *s == sign).map(|(_, l)| l)
    }
}

impl PartialEq for LineDiff {
    fn eq(&self, other: &Self) -> bool {
        self.side('-').eq(other.side('-')) && self.side('+').eq(other.side('+'))
    }
}

impl Eq for LineDiff {}

fn line_diff(a: &[u8], b: &[u8]) -> LineDiff {
    let (a, b) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
    let (a, b): (Vec<&str>, Vec<&str>) = (a.split('\n').collect(), b.split('\n').collect());
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut diff = LineDiff::default();
    if a.len() * b.len() > 16_000_000 {
        diff.lines.extend(a.iter().map(|l| ('-', l.to_string())));
        diff.lines.extend(b.iter().map(|l| ('+', l.to_string())));
        return diff;
    }
    // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    // Walk the table; within a hunk, glibc's lines come before the shim's.
    let (mut i, mut j) = (0, 0);
    let mut added = Vec::new();
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            diff.lines.append(&mut added);
            (i, j) = (i + 1, j + 1);
        } else if j == b.len() || (i < a.len() && lcs[i + 1][j] >= lcs[i][j + 1]) {
            diff.lines.push(('-', a[i].to_string()));
            i += 1;
        } else {
            added.push(('+', b[j].to_string()));
            j += 1;
        }
    }
    diff.lines.append(&mut added);
    diff
}

/// The difference between the oracle's run and the shim's, field by field.
#[derive(Debug, Default, PartialEq, Eq)]
struct Difference {
    /// (glibc's, the shim's), when they differ.
    status: Option<(String, String)>,
    stdout: LineDiff,
    stderr: LineDiff,
}

impl Difference {
    fn between(oracle: &RunResult, got: &RunResult) -> Difference {
        Difference {
            status: (oracle.status != got.status).then(|| (oracle.status.clone(), got.status.clone())),
            stdout: line_diff(&oracle.stdout, &got.stdout),
            stderr: line_diff(&oracle.stderr, &got.stderr),
        }
    }

    /// The difference as `divergences.txt` writes it, one indented line per
    /// line that differs.
    fn entry_lines(&self) -> String {
        let mut s = String::new();
        if let Some((g, m)) = &self.status {
            let _ = writeln!(s, "\tstatus- {g:?}\n\tstatus+ {m:?}");
        }
        for (field, diff) in [("stdout", &self.stdout), ("stderr", &self.stderr)] {
            for (sign, l) in &diff.lines {
                let _ = writeln!(s, "\t{field}{sign} {l:?}");
            }
        }
        s
    }
}

/// One entry of `testbins/divergences.txt`.
#[derive(Debug)]
struct Divergence {
    /// `testbin` or `testbin:case` (`real/name` for a real program).
    what: String,
    build: String,
    libc: String,
    reason: String,
    expected: Difference,
    /// Whether a comparison consulted it: an entry none does names no case.
    used: AtomicBool,
}

/// A `"quoted"` line of `divergences.txt`, with the escapes Rust's `{:?}`
/// writes (the harness prints differences that way).
fn unquote(text: &str) -> Result<String, String> {
    let inner = text.strip_prefix('"').and_then(|t| t.strip_suffix('"')).ok_or("not a \"quoted\" line")?;
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('0') => out.push('\0'),
            Some(c @ ('\\' | '"' | '\'')) => out.push(c),
            Some('u') => {
                let rest: String = chars.by_ref().take_while(|&c| c != '}').collect();
                let code =
                    rest.strip_prefix('{').and_then(|h| u32::from_str_radix(h, 16).ok()).and_then(char::from_u32);
                out.push(code.ok_or_else(|| format!("bad \\u{rest}}}"))?);
            }
            other => return Err(format!("unknown escape \\{}", other.map_or(String::new(), String::from))),
        }
    }
    Ok(out)
}

/// `testbins/divergences.txt`: entry lines, each followed by the indented
/// lines of its expected difference.
fn divergences() -> Vec<Divergence> {
    let path = root().join("testbins/divergences.txt");
    let mut list: Vec<Divergence> = Vec::new();
    for l in data_lines(&path) {
        if !l.starts_with(char::is_whitespace) {
            let f: Vec<&str> = l.split_whitespace().collect();
            assert!(f.len() > 3, "divergences.txt: no reason on {l:?}");
            list.push(Divergence {
                what: f[0].into(),
                build: f[1].into(),
                libc: f[2].into(),
                reason: f[3..].join(" "),
                expected: Difference::default(),
                used: AtomicBool::new(false),
            });
            continue;
        }
        let entry = list.last_mut().unwrap_or_else(|| panic!("divergences.txt: {l:?} follows no entry"));
        let (key, value) = l.trim().split_once(' ').unwrap_or_else(|| panic!("divergences.txt: {l:?}"));
        let value = unquote(value.trim()).unwrap_or_else(|e| panic!("divergences.txt: {l:?}: {e}"));
        let e = &mut entry.expected;
        match key {
            "status-" => e.status.get_or_insert_default().0 = value,
            "status+" => e.status.get_or_insert_default().1 = value,
            "stdout-" => e.stdout.lines.push(('-', value)),
            "stdout+" => e.stdout.lines.push(('+', value)),
            "stderr-" => e.stderr.lines.push(('-', value)),
            "stderr+" => e.stderr.lines.push(('+', value)),
            _ => panic!("divergences.txt: {l:?}: not status-/+, stdout-/+ or stderr-/+"),
        }
    }
    for d in &list {
        let e = &d.expected;
        assert!(
            e.status.as_ref().is_none_or(|(g, m)| !g.is_empty() && !m.is_empty()),
            "divergences.txt: {}: status- and status+ go together",
            d.what
        );
        assert!(
            *e != Difference::default(),
            "divergences.txt: {}: no difference stated (status-/+, stdout-/+, stderr-/+ lines)",
            d.what
        );
    }
    list
}

fn listed_divergence<'a>(
    list: &'a [Divergence],
    id: &str,
    case: &str,
    build: &Glibc,
    libc: &str,
) -> Option<&'a Divergence> {
    let full = format!("{id}:{case}");
    let found = list
        .iter()
        .find(|d| (d.what == id || d.what == full) && build.is(&d.build) && (d.libc == "*" || d.libc == libc));
    if let Some(d) = found {
        d.used.store(true, Ordering::Relaxed);
    }
    found
}

fn build(bin: &Testbin, glibc: &Glibc, out_dir: &Path) -> Result<PathBuf, String> {
    let cxx = bin.source.extension().is_some_and(|e| e == "cc");
    let exe = out_dir.join(&glibc.name).join(&bin.id);
    std::fs::create_dir_all(exe.parent().unwrap()).unwrap();
    let mut cmd = Command::new(if cxx { &glibc.cxx_compiler } else { &glibc.compiler });
    if cxx {
        cmd.args(&glibc.cxx_cflags);
    }
    cmd.args(&glibc.cflags)
        .args(["-O2", "-w", "-D_FILE_OFFSET_BITS=64"])
        .arg(format!("-D_FORTIFY_SOURCE={}", glibc.fortify))
        .args(&bin.cflags)
        .arg("-o")
        .arg(&exe)
        .arg(&bin.source);
    let out = cmd.output().map_err(|e| format!("compiler: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{} does not build against {}:\n{}",
            bin.id,
            glibc.name,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(exe)
}

/// Runs `argv` with the environment pinned and collects what it did.
fn run(argv: &[String], scratch: &Path) -> RunResult {
    run_as(argv, None, scratch)
}

/// `run`, with `arg0` as the program's `argv[0]` when given.
fn run_as(argv: &[String], arg0: Option<&str>, scratch: &Path) -> RunResult {
    let name = scratch.file_name().unwrap().to_str().unwrap();
    let out_path = scratch.with_file_name(format!("{name}.out"));
    let err_path = scratch.with_file_name(format!("{name}.err"));
    let mut cmd = Command::new(&argv[0]);
    if let Some(arg0) = arg0 {
        cmd.arg0(arg0);
    }
    cmd.args(&argv[1..])
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("LC_ALL", "C")
        .env("LANG", "C")
        .env("TZ", "UTC")
        .env("HOME", "/nonexistent")
        .current_dir(scratch.parent().unwrap())
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).unwrap())
        .stderr(std::fs::File::create(&err_path).unwrap());
    // SAFETY: setrlimit is async-signal-safe; nothing else runs in the child.
    unsafe {
        cmd.pre_exec(|| {
            let lim = libc::rlimit { rlim_cur: STACK_LIMIT, rlim_max: STACK_LIMIT };
            if libc::setrlimit(libc::RLIMIT_STACK, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let timeout = if arch().native() { TIMEOUT } else { TIMEOUT * 4 };
    let status = match cmd.spawn() {
        Err(e) => format!("spawn failed: {e}"),
        Ok(mut child) => wait_status(&mut child, timeout),
    };
    // Beside .out and .err, for whoever reads target/differential.
    std::fs::write(scratch.with_file_name(format!("{name}.status")), format!("{status}\n")).unwrap();
    RunResult {
        stdout: std::fs::read(&out_path).unwrap_or_default(),
        stderr: std::fs::read(&err_path).unwrap_or_default(),
        status,
    }
}

fn describe_difference(oracle: &RunResult, got: &RunResult) -> String {
    let mut s = String::new();
    let show = |b: &[u8]| {
        let t = String::from_utf8_lossy(b);
        if t.len() > 600 { format!("{}...", &t[..t.floor_char_boundary(600)]) } else { t.into_owned() }
    };
    if oracle.status != got.status {
        let _ = writeln!(s, "    status: glibc {:?}, shim {:?}", oracle.status, got.status);
    }
    if oracle.stdout != got.stdout {
        let _ = writeln!(s, "    stdout: glibc {:?}\n            shim  {:?}", show(&oracle.stdout), show(&got.stdout));
    }
    if oracle.stderr != got.stderr {
        let _ = writeln!(s, "    stderr: glibc {:?}\n            shim  {:?}", show(&oracle.stderr), show(&got.stderr));
    }
    let lines = Difference::between(oracle, got).entry_lines();
    if lines.lines().count() <= 200 {
        let _ = write!(s, "    as divergences.txt writes it:\n{}", lines.replace('\t', "        "));
    }
    s
}

/// Compares one program run (argv after the runner) under the oracle and
/// under each musl. The oracle has run (the caller checked).
fn compare<'a>(
    label: &str,
    oracle: &RunResult,
    argv: &[String],
    musls: &[Result<Musl, String>],
    known: impl Fn(&str) -> Option<&'a Divergence>,
    scratch: &Path,
    cxx: bool,
) -> Vec<(String, Outcome)> {
    let shim = shim();
    let mut results = Vec::new();
    for musl in musls {
        let musl = match musl {
            Ok(m) => m,
            Err(why) if !why.contains("alpine-libstdc++") || cxx => {
                results.push((label.to_string(), Outcome::Skip(why.clone())));
                continue;
            }
            Err(_) => continue,
        };
        let library_path = match &musl.cxx_runtime {
            None => musl_library_path(),
            Some(_) if !cxx => continue,
            Some(dir) => {
                let (own, debian) =
                    musl_library_path().split_once(':').map(|(a, b)| (a.to_string(), b.to_string())).unwrap();
                format!("{own}:{}:{debian}", dir.display())
            }
        };
        let (mut full, arg0) = musl_command(&musl.loader);
        // "--": musl enters the program with its stack pointer where the
        // words it consumed (its own name and options) ended, and glibc's
        // aarch64 _start does not realign it: an even count keeps it
        // 16-aligned, as the loader stub's command line does (an odd one
        // faults on aarch64 hardware; qemu does not check).
        full.extend([
            "--preload".to_string(),
            shim.display().to_string(),
            "--library-path".to_string(),
            library_path,
            "--".to_string(),
        ]);
        full.extend_from_slice(argv);
        let got = run_as(
            &full,
            arg0,
            &scratch.with_file_name(format!("{}.{}", scratch.file_name().unwrap().to_str().unwrap(), musl.name)),
        );
        let name = format!("{label} on {}", musl.name);
        let listed = known(musl.name);
        // A listed difference is checked where failing is the point: on the
        // target, and on a musl an entry names itself.
        let checked = musl.target || listed.is_some_and(|d| d.libc == musl.name);
        let outcome = match listed {
            None if got == *oracle => Outcome::Pass,
            None if musl.target => Outcome::Fail(describe_difference(oracle, &got)),
            None => Outcome::Report(describe_difference(oracle, &got)),
            Some(d) if got == *oracle && checked => Outcome::Fail(format!(
                "    listed in divergences.txt ({}) but now matches glibc: remove the entry\n",
                d.reason
            )),
            Some(_) if got == *oracle => Outcome::Pass,
            Some(d) if Difference::between(oracle, &got) == d.expected => {
                Outcome::Report(format!("    known: {}\n{}", d.reason, describe_difference(oracle, &got)))
            }
            Some(d) => {
                let why = format!(
                    "    differs otherwise than divergences.txt states ({}); it states:\n{}{}",
                    d.reason,
                    d.expected.entry_lines().replace('\t', "        "),
                    describe_difference(oracle, &got)
                );
                if checked { Outcome::Fail(why) } else { Outcome::Report(why) }
            }
        };
        results.push((name, outcome));
    }
    results
}

/// Whether a divergence entry names a case that exists: a testbin, one of
/// its cases, or a real program.
fn names_a_case(what: &str, bins: &[Testbin], real: &[RealProgram]) -> bool {
    bins.iter().any(|b| what == b.id || b.cases.iter().any(|c| what == format!("{}:{c}", b.id)))
        || real.iter().any(|p| what == format!("real/{}", p.name))
}

fn main() {
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    // x86_64's folder is the one its readers know; other architectures have their own.
    let work = match arch() {
        Arch::X86_64 => root().join("target/differential"),
        a => root().join(format!("target/differential-{}", a.name())),
    };
    println!("differential: {} ({})", arch().name(), if arch().native() { "native" } else { "under qemu-user" });
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).unwrap();

    let mut skips: Vec<String> = Vec::new();
    let shim_path = shim();
    let mut musls = musls();
    if !shim_path.exists() {
        let why = format!("no shim at {} (run make)", shim_path.display());
        musls = musls.into_iter().map(|m| m.and(Err(why.clone()))).collect();
    }
    let glibcs = glibcs();
    let known = divergences();
    let all_bins = testbins();
    let (bins, elsewhere): (Vec<&Testbin>, Vec<&Testbin>) = all_bins
        .iter()
        .filter(|b| filter.as_deref().is_none_or(|f| b.id.contains(f)))
        .partition(|b| b.arches.as_ref().is_none_or(|a| a.iter().any(|a| a == arch().name())));
    // Not a skip: what they test does not exist on this architecture.
    for b in &elsewhere {
        println!(
            "NOTE {}: for {} only (// arches:), not run on {}",
            b.id,
            b.arches.as_ref().unwrap().join(" "),
            arch().name()
        );
    }
    let real = real_programs();

    // A testbin limited to builds of which none is here would silently not
    // run at all.
    for bin in &bins {
        if let Some(builds) = &bin.builds {
            let here = glibcs.iter().flatten().filter(|g| !g.musl_built);
            if !here.clone().any(|g| builds.iter().any(|b| g.is(b))) && glibcs.iter().all(|g| g.is_ok()) {
                let names: Vec<String> = here.map(|g| g.name.clone()).collect();
                skips.push(format!("{}: builds {} only, none here ({})", bin.id, builds.join(" "), names.join(", ")));
            }
        }
    }

    // Jobs: (testbin, glibc); each builds once and runs every case.
    let mut jobs = Vec::new();
    for glibc in &glibcs {
        for &bin in &bins {
            jobs.push((bin, glibc));
        }
    }
    let results: Mutex<Vec<(String, Outcome)>> = Mutex::new(Vec::new());
    let next = Mutex::new(0usize);
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(1, 4);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = {
                        let mut n = next.lock().unwrap();
                        *n += 1;
                        *n - 1
                    };
                    let Some(&(bin, glibc)) = jobs.get(i) else { break };
                    let mut local = Vec::new();
                    let glibc = match glibc {
                        Ok(g) => g,
                        Err(why) => {
                            local.push((
                                format!("{} [{}]", bin.id, why.split(':').next().unwrap()),
                                Outcome::Skip(why.clone()),
                            ));
                            results.lock().unwrap().extend(local);
                            continue;
                        }
                    };
                    let musl_source = bin.id.ends_with(".musl");
                    if musl_source != glibc.musl_built
                        || bin.builds.as_ref().is_some_and(|b| !b.iter().any(|n| glibc.is(n)))
                    {
                        continue;
                    }
                    let exe = match build(bin, glibc, &work) {
                        Ok(exe) => exe,
                        Err(e) => {
                            local.push((format!("{} [{}]", bin.id, glibc.name), Outcome::Fail(e)));
                            results.lock().unwrap().extend(local);
                            continue;
                        }
                    };
                    for case in &bin.cases {
                        let mut argv = vec![exe.display().to_string()];
                        if !case.is_empty() {
                            argv.push(case.clone());
                        }
                        let label = if case.is_empty() {
                            format!("{} [{}]", bin.id, glibc.name)
                        } else {
                            format!("{}:{case} [{}]", bin.id, glibc.name)
                        };
                        let scratch = exe.with_file_name(format!(
                            "{}.{}",
                            exe.file_name().unwrap().to_str().unwrap(),
                            if case.is_empty() { "run" } else { case }
                        ));
                        if let Some((cases, why)) = bin.emulated_skip.as_ref().filter(|_| !arch().native())
                            && cases.iter().any(|c| c == "*" || c == case)
                        {
                            local.push((label, Outcome::Skip(format!("{EMULATED}{why}"))));
                            continue;
                        }
                        let mut oracle_argv = glibc.runner.clone();
                        oracle_argv.extend(argv.iter().cloned());
                        let oracle = run(&oracle_argv, &scratch);
                        if let Some(why) = not_a_run(&oracle.status, &oracle.stderr) {
                            let msg =
                                format!("    the oracle ({}) did not run: {why}; nothing was compared\n", glibc.name);
                            local.push((label, Outcome::Error(msg)));
                            continue;
                        }
                        // testbins/fixture.h: the program could not set up its
                        // fixture (a private /etc) here, so it compared nothing.
                        if oracle.status == format!("exit {FIXTURE_NOT_RUN}") {
                            let why = format!("fixture not set up: {}", String::from_utf8_lossy(&oracle.stderr).trim());
                            local.push((label, Outcome::Skip(why)));
                            continue;
                        }
                        local.extend(compare(
                            &label,
                            &oracle,
                            &argv,
                            &musls,
                            |libc| listed_divergence(&known, &bin.id, case, glibc, libc),
                            &scratch,
                            bin.source.extension().is_some_and(|e| e == "cc"),
                        ));
                    }
                    results.lock().unwrap().extend(local);
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap();

    // Real programs from this machine, run by their own paths.
    // They are this machine's programs: another architecture's are not here.
    if !arch().native() && filter.is_none() && !real.is_empty() {
        skips.push(format!("real programs ({}): Debian's {} packages are not fetched yet", real.len(), arch().name()));
    }
    let natively = real.iter().filter(|_| filter.is_none() && arch().native());
    for prog in natively {
        let host = glibcs[0].as_ref().expect("the host build is always there natively");
        let label = format!("real/{} [{}]", prog.name, host.name);
        if !Path::new(&prog.argv[0]).exists() {
            let why = format!(
                "{} is not installed (Debian package {}; scripts/setup.sh installs it)",
                prog.argv[0], prog.package
            );
            results.push((label, Outcome::Skip(why)));
            continue;
        }
        let scratch = work.join(format!("real.{}", prog.name));
        let oracle = run(&prog.argv, &scratch);
        if let Err(why) = prog.expect.check(&oracle.status, &oracle.stdout, &oracle.stderr) {
            let msg = format!(
                "    glibc's run is not what real-programs.txt expects ({}): {why}; nothing was compared\n",
                prog.expect.status
            );
            results.push((label, Outcome::Error(msg)));
            continue;
        }
        let what = format!("real/{}", prog.name);
        results.extend(compare(
            &label,
            &oracle,
            &prog.argv,
            &musls,
            |libc| listed_divergence(&known, &what, "", host, libc),
            &scratch,
            false,
        ));
    }

    // Entries no comparison consulted: naming no case is an error; naming a
    // build or libc that is not here (a glibc-2.36 entry on Debian 13) is
    // only said.
    if filter.is_none() {
        for d in known.iter().filter(|d| !d.used.load(Ordering::Relaxed)) {
            if !names_a_case(&d.what, &all_bins, &real) {
                results.push((
                    format!("divergences.txt {}", d.what),
                    Outcome::Fail("    names no testbin, case or real program: remove or correct the entry\n".into()),
                ));
            } else {
                println!(
                    "NOTE divergences.txt {} [{} on {}]: not exercised here (no such build, libc or program)",
                    d.what, d.build, d.libc
                );
            }
        }
    }

    results.sort_by(|a, b| a.0.cmp(&b.0));
    let (mut passed, mut failed, mut errors, mut reported) = (0, 0, 0, 0);
    for (name, outcome) in &results {
        match outcome {
            Outcome::Pass => passed += 1,
            Outcome::Fail(why) => {
                failed += 1;
                println!("FAIL {name}\n{why}");
            }
            Outcome::Error(why) => {
                errors += 1;
                println!("ERROR {name}\n{why}");
            }
            Outcome::Skip(why) => skips.push(format!("{name}: {why}")),
            Outcome::Report(why) => {
                reported += 1;
                println!("DIFF (not the target, reported) {name}\n{why}");
            }
        }
    }
    skips.sort();
    skips.dedup();
    for s in &skips {
        println!("SKIP {s}");
    }
    let missing = skips.iter().filter(|s| !s.contains(EMULATED)).count();
    if require_all() && missing > 0 {
        println!("GCOMPAT_REQUIRE_ALL is set: a skipped piece is a failure");
        failed += missing;
    }
    println!(
        "{} testbins ({} for other architectures only), {} comparisons; {reported} musl 1.2.3 or known differences reported",
        bins.len(),
        elsewhere.len(),
        results.len()
    );
    println!(
        "differential: {passed} passed, {failed} failed, {errors} errors (the oracle did not run), {} skipped",
        skips.len()
    );
    if failed + errors > 0 {
        std::process::exit(1);
    }
}
