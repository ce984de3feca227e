//! Carries into the binary what it must know of this repository, so the
//! installed tool needs no checkout:
//!
//! - the shim's unimplemented exports and why (`symbols/unimplemented.txt`:
//!   first tab-separated field the name, the second the reason);
//! - the glibc library names installed as links to the shim (the Makefile's
//!   `LIBNAMES`), and glibc's interpreter name and directory per
//!   architecture (`GLIBC_LD_<arch>`, `GLIBC_LD_DIR_<arch>`);
//! - the default musl and shim to check against: `GCOMPAT_MUSL_LOADER` and
//!   `GCOMPAT_SHIM`, as the loader stub takes them (the Makefile passes its
//!   `MUSL_LOADER` and `SHIM_PATH`), else `/lib/ld-musl-<arch>.so.1` and
//!   `/lib/libgcompat.so.0`.
//!
//! What the shim exports is not carried: it is read from the shim itself.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap();
    let root = Path::new(&manifest).parent().unwrap();
    let arch = std::env::var("CARGO_CFG_TARGET_ARCH").unwrap();

    let unimplemented = root.join("symbols/unimplemented.txt");
    println!("cargo:rerun-if-changed={}", unimplemented.display());
    let mut entries = Vec::new();
    for line in std::fs::read_to_string(&unimplemented).unwrap().lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split('\t').map(str::trim);
        let name = fields.next().unwrap().to_string();
        let why = fields.next().unwrap_or("").to_string();
        entries.push((name, why));
    }

    let makefile_path = root.join("Makefile");
    println!("cargo:rerun-if-changed={}", makefile_path.display());
    let makefile = std::fs::read_to_string(&makefile_path).unwrap();
    let variable = |name: &str| -> Option<String> {
        makefile.lines().find_map(|line| {
            let (lhs, rhs) = line.split_once(":=")?;
            (lhs.trim() == name).then(|| rhs.trim().to_string())
        })
    };
    let libnames: Vec<String> = variable("LIBNAMES")
        .expect("gcompat-check: no `LIBNAMES :=` line in the Makefile")
        .split_whitespace()
        .map(String::from)
        .collect();
    let mut glibc_ld = Vec::new();
    for arch in ["x86_64", "aarch64"] {
        if let (Some(name), Some(dir)) =
            (variable(&format!("GLIBC_LD_{arch}")), variable(&format!("GLIBC_LD_DIR_{arch}")))
        {
            glibc_ld.push((arch.to_string(), name, dir));
        }
    }
    assert!(!glibc_ld.is_empty(), "gcompat-check: no GLIBC_LD_<arch> lines in the Makefile");

    println!("cargo:rerun-if-env-changed=GCOMPAT_MUSL_LOADER");
    println!("cargo:rerun-if-env-changed=GCOMPAT_SHIM");
    let env_or = |var: &str, default: String| std::env::var(var).ok().filter(|v| !v.is_empty()).unwrap_or(default);
    let musl = env_or("GCOMPAT_MUSL_LOADER", format!("/lib/ld-musl-{arch}.so.1"));
    let shim = env_or("GCOMPAT_SHIM", "/lib/libgcompat.so.0".to_string());

    let mut out = String::new();
    let source = unimplemented.strip_prefix(root).unwrap().display().to_string();
    writeln!(out, "/// Where the unimplemented list came from.").unwrap();
    writeln!(out, "pub const UNIMPLEMENTED_SOURCE: &str = {source:?};").unwrap();
    writeln!(out, "/// The shim's documented non-implementations: name, why.").unwrap();
    writeln!(out, "pub const UNIMPLEMENTED: &[(&str, &str)] = &{entries:?};").unwrap();
    writeln!(out, "/// glibc library names installed as links to the shim.").unwrap();
    writeln!(out, "pub const LIBNAMES: &[&str] = &{libnames:?};").unwrap();
    writeln!(out, "/// Per architecture: glibc's interpreter name and directory.").unwrap();
    writeln!(out, "pub const GLIBC_LD: &[(&str, &str, &str)] = &{glibc_ld:?};").unwrap();
    writeln!(out, "/// The musl and shim checked against by default.").unwrap();
    writeln!(out, "pub const DEFAULT_MUSL: &str = {musl:?};").unwrap();
    writeln!(out, "pub const DEFAULT_SHIM: &str = {shim:?};").unwrap();
    let out_dir = std::env::var("OUT_DIR").unwrap();
    std::fs::write(Path::new(&out_dir).join("data.rs"), out).unwrap();
}
