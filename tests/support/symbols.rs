//! Reading `symbols/` (what the shim exports, by `symbols/README.md`'s
//! rules), glibc's abilists, and the declarations' records beside the built
//! shim (`src/abi/export.rs`).

use crate::{data_lines, root, shim};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// glibc's own symbol lists for `arch`, carried in the repository
/// (`symbols/glibc-abi/`, with their source and refresh command).
pub fn glibc_abi_dir(arch: &str) -> PathBuf {
    root().join("symbols/glibc-abi").join(arch)
}

/// The architecture the shim is built and tested for: this machine's.
pub const ARCH: &str = std::env::consts::ARCH;

/// The architectures `symbols/glibc-abi/` carries glibc's lists for.
pub const ARCHES: [&str; 2] = ["x86_64", "aarch64"];

/// The first tab-separated field of each line of a `symbols/` file.
pub fn listed_names(file: &str) -> Vec<String> {
    symbols_rows(file).into_iter().map(|mut row| row.swap_remove(0)).collect()
}

/// The tab-separated fields of each line of a `symbols/` file.
pub fn symbols_rows(file: &str) -> Vec<Vec<String>> {
    data_lines(&root().join("symbols").join(file))
        .iter()
        .map(|l| l.split('\t').map(|f| f.trim().to_string()).collect())
        .collect()
}

/// A symbol version's numbers, for ordering: `GLIBC_2.2.5` is `[2, 2, 5]`.
pub fn version_key(version: &str) -> Vec<u32> {
    let numbers = version.split_once('_').map_or("", |(_, n)| n);
    numbers.split('.').map(|n| n.parse().unwrap_or_else(|_| panic!("version {version}"))).collect()
}

/// What the shim exports on `arch`, name -> version, by `symbols/README.md`'s
/// rule: each `glibc.txt` name glibc defines on `arch`, at the newest
/// version glibc defines it at there; each `runtime.txt` name listed for
/// `arch`, at its version. (`scripts/gen-link.sh` makes the link's version
/// script by the same rule; this is the tests' own reading of it.)
pub fn expected_exports(arch: &str) -> BTreeMap<String, String> {
    let mut newest: BTreeMap<String, String> = BTreeMap::new();
    for (name, version) in glibc_abi(arch) {
        let entry = newest.entry(name).or_insert_with(|| version.clone());
        if version_key(&version) > version_key(entry) {
            *entry = version;
        }
    }
    let mut out = BTreeMap::new();
    for name in listed_names("glibc.txt") {
        if let Some(version) = newest.get(&name) {
            out.insert(name, version.clone());
        }
    }
    for row in symbols_rows("runtime.txt") {
        if row.get(2).is_some_and(|arches| arches.split(' ').any(|a| a == arch)) {
            out.insert(row[0].clone(), row[1].clone());
        }
    }
    out
}

/// One declaration's record (`src/abi/export.rs`, "Records"), from
/// `exports.tsv` beside the built shim.
#[derive(Debug, Clone)]
pub struct ExportRecord {
    pub name: String,
    /// `export`, `alias` or `local`.
    pub kind: String,
    /// The Rust module (`gcompat::stdio::chk`) or C file (`src/stdio/chk.c`).
    pub origin: String,
    /// The C declaration of a Rust item; empty for C definitions.
    pub declaration: String,
}

impl ExportRecord {
    /// The `src/` area: the module or folder after the crate or `src/`.
    pub fn area(&self) -> String {
        area_of(&self.origin)
    }
}

/// `gcompat::stdio::chk` or `src/stdio/chk.c` -> `stdio`.
pub fn area_of(origin: &str) -> String {
    let rest = origin.strip_prefix("gcompat::").or_else(|| origin.strip_prefix("src/")).unwrap_or(origin);
    rest.split(['/', ':']).next().unwrap().to_string()
}

/// The records of what the built shim linked (the Makefile writes them).
pub fn export_records() -> Vec<ExportRecord> {
    let path = shim().with_file_name("exports.tsv");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run `make`: it writes the records beside the shim)", path.display()));
    text.lines()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 4, "{}: not a record: {l:?}", path.display());
            ExportRecord { name: f[0].into(), kind: f[1].into(), origin: f[2].into(), declaration: f[3].into() }
        })
        .collect()
}

/// glibc's abilists: every `(name, version)` glibc defines on `arch`.
pub fn glibc_abi(arch: &str) -> BTreeSet<(String, String)> {
    let dir = glibc_abi_dir(arch);
    let mut set = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "abilist") {
            for line in std::fs::read_to_string(&path).unwrap().lines() {
                let f: Vec<&str> = line.split_whitespace().collect();
                if f.len() >= 2 {
                    set.insert((f[1].to_string(), f[0].to_string()));
                }
            }
        }
    }
    assert!(set.len() > 1000, "glibc's abilists look empty: {}", dir.display());
    set
}
