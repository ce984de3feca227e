//! What the shim's tests share: where things are, and how to read
//! `symbols/`, glibc's abilists and an ELF file's dynamic symbols.

use std::ffi::CStr;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus};
use std::time::{Duration, Instant};

mod symbols;
pub use symbols::*;

/// The repository's root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// An architecture the shim is built for and tested on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arch {
    X86_64,
    Aarch64,
}

impl Arch {
    /// `x86_64`, `aarch64`: the name in paths, `ARCH=` and `GCOMPAT_ARCH`.
    pub fn name(self) -> &'static str {
        match self {
            Arch::X86_64 => "x86_64",
            Arch::Aarch64 => "aarch64",
        }
    }

    /// Debian's multiarch triple, the folder of its libraries and headers.
    pub fn gnu_triple(self) -> &'static str {
        match self {
            Arch::X86_64 => "x86_64-linux-gnu",
            Arch::Aarch64 => "aarch64-linux-gnu",
        }
    }

    /// glibc's interpreter name on this architecture.
    pub fn glibc_ld(self) -> &'static str {
        match self {
            Arch::X86_64 => "ld-linux-x86-64.so.2",
            Arch::Aarch64 => "ld-linux-aarch64.so.1",
        }
    }

    /// Whether this machine runs the architecture's programs itself.
    pub fn native(self) -> bool {
        self.name() == std::env::consts::ARCH
    }

    /// What runs a program of this architecture: nothing natively; else
    /// qemu-user (`scripts/setup.sh` installs it). The CPU is a Neoverse N1:
    /// glibc 2.41 signs return addresses, and qemu's default emulation of
    /// pointer authentication makes every program ~20x slower than N1's
    /// (which has none).
    pub fn emulator(self) -> Vec<String> {
        if self.native() {
            return vec![];
        }
        vec![format!("qemu-{}-static", self.name()), "-cpu".into(), "neoverse-n1".into()]
    }

    /// The C and C++ compilers that build glibc programs for it (against a
    /// sysroot given with `--sysroot`).
    pub fn compilers(self) -> (String, String) {
        if self.native() {
            return ("gcc".into(), "g++".into());
        }
        (format!("{}-gcc", self.gnu_triple()), format!("{}-g++", self.gnu_triple()))
    }
}

/// The architecture under test: `$GCOMPAT_ARCH` (the Makefile's `ARCH`),
/// else this machine's.
pub fn arch() -> Arch {
    let name = std::env::var("GCOMPAT_ARCH").unwrap_or_else(|_| std::env::consts::ARCH.to_string());
    match name.as_str() {
        "x86_64" => Arch::X86_64,
        "aarch64" => Arch::Aarch64,
        other => panic!("GCOMPAT_ARCH={other}: not x86_64 or aarch64"),
    }
}

/// The built shim: `$GCOMPAT_SO`, else where `make` puts it for [`arch`]
/// (x86_64's in `target/gcompat/`, any other's in `target/gcompat/<arch>/`).
pub fn shim() -> PathBuf {
    std::env::var_os("GCOMPAT_SO").map(PathBuf::from).unwrap_or_else(|| {
        let out = root().join("target/gcompat");
        match arch() {
            Arch::X86_64 => out.join("libgcompat.so.0"),
            a => out.join(a.name()).join("libgcompat.so.0"),
        }
    })
}

/// The cache `scripts/setup.sh` fills: `$GCOMPAT_CACHE`, else the default
/// `scripts/cache-dir.sh` names (outside the work tree).
pub fn cache() -> PathBuf {
    if let Some(dir) = std::env::var_os("GCOMPAT_CACHE") {
        return PathBuf::from(dir);
    }
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(std::env::var_os("HOME").expect("HOME or GCOMPAT_CACHE")).join(".cache"));
    base.join("gcompat")
}

/// Where `scripts/setup.sh` puts [`arch`]'s downloads: the cache itself for
/// x86_64, `<cache>/<arch>/` for any other.
pub fn arch_cache() -> PathBuf {
    match arch() {
        Arch::X86_64 => cache(),
        a => cache().join(a.name()),
    }
}

/// musl 1.2.5's loader (which is its libc.so), from Debian 13.
pub fn musl_125() -> PathBuf {
    arch_cache().join(format!("musl-1.2.5/usr/lib/{}-linux-musl/libc.so", arch().name()))
}

/// musl 1.2.3's loader, Debian 12's `musl` package: this machine's on
/// x86_64, the cached arm64 one on aarch64.
pub fn musl_123() -> PathBuf {
    match arch() {
        Arch::X86_64 => PathBuf::from("/lib/ld-musl-x86_64.so.1"),
        a => arch_cache().join(format!("musl-1.2.3/lib/{}-linux-musl/libc.so", a.name())),
    }
}

/// The glibc 2.41 sysroot, from Debian 13.
pub fn glibc_241() -> PathBuf {
    arch_cache().join("glibc-2.41")
}

/// The glibc 2.36 sysroot from Debian 12, where this machine's glibc is not
/// the architecture's (aarch64 on an x86_64 machine); `None` where the
/// host's own glibc is the older oracle.
pub fn glibc_236() -> Option<PathBuf> {
    (!arch().native()).then(|| arch_cache().join("glibc-2.36"))
}

/// The version of the glibc this machine runs (`2.36` on Debian 12, `2.41`
/// on Debian 13), asked of the glibc this test process itself runs on, the
/// one the host's gcc builds programs against: the oracle is named by what
/// it is, not by what a machine was once.
pub fn host_glibc_version() -> String {
    // SAFETY: gnu_get_libc_version returns a static NUL-terminated string.
    let v = unsafe { CStr::from_ptr(libc::gnu_get_libc_version()) };
    v.to_str().expect("glibc's version is ASCII").to_string()
}

/// A finished process's status as the tests print and compare it:
/// `exit N` or `signal N`.
pub fn status_text(st: ExitStatus) -> String {
    match (st.code(), st.signal()) {
        (Some(c), _) => format!("exit {c}"),
        (_, Some(s)) => format!("signal {s}"),
        _ => format!("{st}"),
    }
}

/// Waits for `child` at most `timeout`: its status as [`status_text`]
/// writes it, or `timed out` once it has been killed.
pub fn wait_status(child: &mut Child, timeout: Duration) -> String {
    let start = Instant::now();
    let mut nap = Duration::from_micros(200);
    loop {
        if let Some(st) = child.try_wait().unwrap() {
            return status_text(st);
        }
        if start.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            return "timed out".to_string();
        }
        std::thread::sleep(nap);
        nap = (nap * 2).min(Duration::from_millis(20));
    }
}

/// Why a reference run is no result at all, whatever the other side did:
/// it did not start, the harness killed it, or the loader refused the
/// program before `main` (glibc's `ld.so` and musl's loader messages).
/// Two such runs agreeing prove nothing.
pub fn not_a_run(status: &str, stderr: &[u8]) -> Option<String> {
    if status.starts_with("spawn failed") || status == "timed out" || status == "signal 9" {
        return Some(status.to_string());
    }
    const LOADER: [&str; 5] = [
        "error while loading shared libraries",
        "symbol lookup error",
        "Error relocating",
        "Error loading shared library",
        "version `GLIBC_",
    ];
    let text = String::from_utf8_lossy(stderr);
    text.lines().find(|l| LOADER.iter().any(|m| l.contains(m))).map(|l| format!("{status}, the loader refused it: {l}"))
}

/// What a reference (glibc) run must show for a comparison with it to
/// count: its status and, optionally, a text its stdout or stderr contains.
/// Written `exit 0` or `exit 0 "text"` in data files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expect {
    pub status: String,
    pub marker: Option<String>,
}

impl Expect {
    pub fn parse(text: &str) -> Result<Expect, String> {
        let text = text.trim();
        let (status, marker) = match text.find('"') {
            None => (text, None),
            Some(i) => {
                let quoted = text[i..].strip_prefix('"').and_then(|q| q.strip_suffix('"'));
                let quoted = quoted.ok_or_else(|| format!("{text:?}: the marker is not one \"quoted\" text"))?;
                (text[..i].trim_end(), Some(quoted.to_string()))
            }
        };
        let ok = status
            .split_once(' ')
            .is_some_and(|(kind, n)| (kind == "exit" || kind == "signal") && n.parse::<u32>().is_ok());
        if !ok {
            return Err(format!("{text:?}: not `exit N` or `signal N`, with an optional \"marker\""));
        }
        Ok(Expect { status: status.to_string(), marker })
    }

    /// `Ok` when the run shows what is expected, else what it showed.
    pub fn check(&self, status: &str, stdout: &[u8], stderr: &[u8]) -> Result<(), String> {
        let excerpt = || {
            let both = format!("{}{}", String::from_utf8_lossy(stdout), String::from_utf8_lossy(stderr));
            let t = both.trim();
            if t.len() > 300 { format!("{:?}...", &t[..t.floor_char_boundary(300)]) } else { format!("{t:?}") }
        };
        if let Some(why) = not_a_run(status, stderr) {
            return Err(format!("{why}; output {}", excerpt()));
        }
        if status != self.status {
            return Err(format!("{status}, not {}; output {}", self.status, excerpt()));
        }
        if let Some(marker) = &self.marker {
            let found = [stdout, stderr].iter().any(|b| String::from_utf8_lossy(b).contains(marker.as_str()));
            if !found {
                return Err(format!("{status}, but no {marker:?} in its output {}", excerpt()));
            }
        }
        Ok(())
    }
}

/// A command line of a data file: words split at whitespace, except inside
/// single quotes, which are removed (`-c 'import sys'` is two words, as in
/// sh). Nothing else is special: backslashes and double quotes are literal.
pub fn split_command(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                word.get_or_insert_default();
            }
            c if c.is_whitespace() && !quoted => words.extend(word.take()),
            c => word.get_or_insert_default().push(c),
        }
    }
    assert!(!quoted, "unbalanced single quote in {text:?}");
    words.extend(word);
    words
}

/// One line of `testbins/real-programs.txt`: a Debian program, the package
/// that installs it (`scripts/setup.sh` reads that column), what its glibc
/// run must show, and its command line.
#[derive(Debug, Clone)]
pub struct RealProgram {
    pub name: String,
    pub package: String,
    pub expect: Expect,
    /// The command line as written.
    pub command: String,
    pub argv: Vec<String>,
}

/// `testbins/real-programs.txt`, parsed.
pub fn real_programs() -> Vec<RealProgram> {
    let path = root().join("testbins/real-programs.txt");
    data_lines(&path)
        .into_iter()
        .map(|line| {
            let f: Vec<&str> = line.splitn(4, '\t').collect();
            let [name, package, expect, command] = f[..] else {
                panic!("real-programs.txt: not name, package, oracle, command: {line:?}")
            };
            let expect = Expect::parse(expect).unwrap_or_else(|e| panic!("real-programs.txt: {name}: {e}"));
            RealProgram {
                name: name.to_string(),
                package: package.to_string(),
                expect,
                command: command.to_string(),
                argv: split_command(command),
            }
        })
        .collect()
}

/// Whether CI asked that every piece be present: then a skip is a failure.
pub fn require_all() -> bool {
    std::env::var_os("GCOMPAT_REQUIRE_ALL").is_some_and(|v| v != "0" && !v.is_empty())
}

/// Lines of a data file, without comments and blank lines.
pub fn data_lines(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines().map(str::trim_end).filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(String::from).collect()
}

/// One dynamic symbol of an ELF file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DynSym {
    pub name: String,
    /// The version, without `@`/`@@`.
    pub version: Option<String>,
    /// `@@`: the default version.
    pub default_version: bool,
    pub defined: bool,
    pub kind: String,
}

/// The dynamic symbols of `path`, as `readelf --dyn-syms` prints them.
pub fn dynsyms(path: &Path) -> Vec<DynSym> {
    let out = Command::new("readelf").args(["--dyn-syms", "-W"]).arg(path).output().expect("readelf");
    assert!(out.status.success(), "readelf {}: {}", path.display(), String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    let mut syms = Vec::new();
    for line in text.lines() {
        let f: Vec<&str> = line.split_whitespace().collect();
        if f.len() < 8 || !f[0].ends_with(':') || f[0] == "Num:" {
            continue;
        }
        let full = f[7];
        let (name, version, default_version) = if let Some((n, v)) = full.split_once("@@") {
            (n, Some(v), true)
        } else if let Some((n, v)) = full.split_once('@') {
            (n, Some(v), false)
        } else {
            (full, None, false)
        };
        // readelf appends " (N)" for a version index it cannot name.
        let version = version.map(|v| v.split(' ').next().unwrap().to_string());
        syms.push(DynSym {
            name: name.to_string(),
            version,
            default_version,
            defined: f[6] != "UND",
            kind: f[3].to_string(),
        });
    }
    syms
}

/// Where a glibc program run on musl finds its other libraries: the shim's
/// own folder first (the library names musl does not map to itself, such as
/// `libresolv.so.2`, are links to the shim there), then Debian's, whose
/// glibc-built `libstdc++.so.6`, `libpcre2-8.so.0`, ... run on musl too.
///
/// Under emulation, "Debian's" are the glibc 2.41 sysroot's (`libstdc++.so.6`,
/// `libgcc_s.so.1`, from Debian 13 packages).
pub fn musl_library_path() -> String {
    let shim = shim();
    let own = shim.parent().unwrap_or(Path::new("."));
    let a = arch();
    if a.native() {
        format!("{}:/lib/{t}:/usr/lib/{t}", own.display(), t = a.gnu_triple())
    } else {
        format!("{}:{}", own.display(), glibc_241().join("usr/lib").join(a.gnu_triple()).display())
    }
}

/// The `argv[0]` to run musl's loader with: as a command, musl takes its
/// `argv[0]` as its own name, so with glibc's interpreter name a DT_NEEDED
/// on `ld-linux-x86-64.so.2` (glibc-built `libstdc++.so.6` and any program
/// using `__libc_stack_end` have one) binds to musl, as it does under the
/// loader stub, instead of finding glibc's real loader on the library path.
pub const MUSL_AS_GLIBC_LD: &str = "ld-linux-x86-64.so.2";

/// The command that runs musl's `loader` as a command, for [`arch`], with
/// glibc's interpreter name as its `argv[0]` (see [`MUSL_AS_GLIBC_LD`]):
/// the words before the loader's own arguments, and the `argv[0]` to give
/// the first word (natively; qemu sets the emulated program's with `-0`).
pub fn musl_command(loader: &Path) -> (Vec<String>, Option<&'static str>) {
    let a = arch();
    let mut argv = a.emulator();
    let arg0 = if argv.is_empty() {
        Some(a.glibc_ld())
    } else {
        argv.extend(["-0".to_string(), a.glibc_ld().to_string()]);
        None
    };
    argv.push(loader.display().to_string());
    (argv, arg0)
}
