//! Compiles the shim's C-variadic fronts (`src/**/*.c`) against musl's
//! headers. Linking into libgcompat.so.0 is the Makefile's job (see
//! Cargo.toml for why).

use std::path::{Path, PathBuf};

fn c_sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            c_sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "c") {
            out.push(path);
        }
    }
}

fn main() {
    let mut sources = Vec::new();
    c_sources(Path::new("src"), &mut sources);
    println!("cargo:rerun-if-changed=src");
    let mut build = cc::Build::new();
    build.pic(true).opt_level(2).warnings(true).extra_warnings(true).flag("-Werror");
    // Debian's musl-tools names musl's gcc wrapper by the target triple, and
    // cc finds it for x86_64-unknown-linux-musl; say so if it is missing.
    if std::env::var("TARGET").is_ok_and(|t| t.contains("musl")) && std::env::var_os("CC").is_none() {
        let triple = std::env::var("TARGET").unwrap().replace("-unknown", "");
        build.compiler(format!("{triple}-gcc"));
    }
    build.files(&sources).compile("gcompat_fronts");
}
