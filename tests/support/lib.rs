//! What the shim's tests share: where things are, and how to read
//! `symbols/`, glibc's abilists and an ELF file's dynamic symbols.

use std::path::{Path, PathBuf};
use std::process::Command;

mod symbols;
pub use symbols::*;

/// The repository's root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// The built shim: `$GCOMPAT_SO`, else where `make` puts it.
pub fn shim() -> PathBuf {
    std::env::var_os("GCOMPAT_SO")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/gcompat/libgcompat.so.0"))
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

/// musl 1.2.5's loader (which is its libc.so), from Debian 13.
pub fn musl_125() -> PathBuf {
    cache().join("musl-1.2.5/usr/lib/x86_64-linux-musl/libc.so")
}

/// musl 1.2.3's loader, Debian 12's `musl` package.
pub fn musl_123() -> PathBuf {
    PathBuf::from("/lib/ld-musl-x86_64.so.1")
}

/// The glibc 2.41 sysroot, from Debian 13.
pub fn glibc_241() -> PathBuf {
    cache().join("glibc-2.41")
}

/// Whether CI asked that every piece be present: then a skip is a failure.
pub fn require_all() -> bool {
    std::env::var_os("GCOMPAT_REQUIRE_ALL").is_some_and(|v| v != "0" && !v.is_empty())
}

/// Lines of a data file, without comments and blank lines.
pub fn data_lines(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
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
pub fn musl_library_path() -> String {
    let shim = shim();
    let own = shim.parent().unwrap_or(Path::new("."));
    format!("{}:/lib/x86_64-linux-gnu:/usr/lib/x86_64-linux-gnu", own.display())
}

/// The `argv[0]` to run musl's loader with: as a command, musl takes its
/// `argv[0]` as its own name, so with glibc's interpreter name a DT_NEEDED
/// on `ld-linux-x86-64.so.2` (glibc-built `libstdc++.so.6` and any program
/// using `__libc_stack_end` have one) binds to musl, as it does under the
/// loader stub, instead of finding glibc's real loader on the library path.
pub const MUSL_AS_GLIBC_LD: &str = "ld-linux-x86-64.so.2";
