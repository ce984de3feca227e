//! The built libgcompat.so.0 exports what `symbols/README.md` promises: each
//! name `symbols/` lists, at the newest version glibc defines it at on this
//! architecture, as a default version; overrides of musl names only where
//! `symbols/overrides.txt` says why. Each export is declared once, through
//! the one mechanism (`src/abi/export.rs`), and the C fronts declare the Rust
//! functions they call as those are.

use gcompat_tests::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

fn built_exports() -> BTreeMap<String, (Option<String>, bool)> {
    let so = shim();
    assert!(so.exists(), "{} is missing: run `make` (or `make check`) first", so.display());
    dynsyms(&so)
        .into_iter()
        // A version definition shows as an unversioned ABS symbol named after it.
        .filter(|s| {
            s.defined && !(s.version.is_none() && ["GLIBC_", "GCC_", "CXXABI_"].iter().any(|p| s.name.starts_with(p)))
        })
        .map(|s| (s.name, (s.version, s.default_version)))
        .collect()
}

fn sorted_unique(file: &str) {
    let names = listed_names(file);
    let mut sorted = names.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(names, sorted, "symbols/{file} is not sorted (LC_ALL=C sort) with each name once");
}

fn unique(file: &str) {
    let names = listed_names(file);
    let set: BTreeSet<_> = names.iter().collect();
    assert_eq!(set.len(), names.len(), "symbols/{file} lists a name twice");
}

#[test]
fn symbol_files_are_sorted_and_unique() {
    for file in ["glibc.txt", "runtime.txt"] {
        sorted_unique(file);
    }
    // Grouped by subject, each name once.
    for file in ["overrides.txt", "unimplemented.txt"] {
        unique(file);
    }
    let glibc: BTreeSet<String> = listed_names("glibc.txt").into_iter().collect();
    for row in symbols_rows("runtime.txt") {
        assert!(row.len() == 3, "symbols/runtime.txt: name, version, architectures: {row:?}");
        assert!(!glibc.contains(&row[0]), "{} is in both glibc.txt and runtime.txt", row[0]);
        assert!(["GCC_", "CXXABI_"].iter().any(|p| row[1].starts_with(p)), "{row:?}: a libgcc_s or libstdc++ version");
        assert!(row[2].split(' ').all(|a| ARCHES.contains(&a)), "{row:?}: architectures are some of {ARCHES:?}");
    }
}

/// `symbols/README.md`: "each name at the newest version glibc defines it
/// at" on this architecture, every one a default version (musl's loader
/// skips hidden ones), and nothing else.
#[test]
fn exports_each_listed_name_at_glibcs_newest_version() {
    let built = built_exports();
    let expected = expected_exports(ARCH);
    let extra: Vec<_> = built.keys().filter(|n| !expected.contains_key(*n)).collect();
    let missing: Vec<_> = expected.keys().filter(|n| !built.contains_key(*n)).collect();
    assert!(extra.is_empty(), "exported but not in symbols/ for {ARCH}: {extra:?}");
    assert!(missing.is_empty(), "in symbols/ for {ARCH} but not exported: {missing:?}");
    for (name, version) in &expected {
        let (got, default) = &built[name];
        assert_eq!(got.as_deref(), Some(version.as_str()), "{name}: not glibc's newest version on {ARCH}");
        assert!(default, "{name}@{version} is not the default version (musl skips hidden ones)");
    }
    // The rule reaches every glibc-version export: each is a name@version
    // glibc itself defines here.
    let abi = glibc_abi(ARCH);
    let foreign: Vec<_> = expected
        .iter()
        .filter(|(_, v)| v.starts_with("GLIBC_"))
        .filter(|(n, v)| !abi.contains(&((*n).clone(), (*v).clone())))
        .collect();
    assert!(foreign.is_empty(), "not defined by glibc at that version: {foreign:?}");
}

/// A name in `glibc.txt` that glibc defines on no architecture the
/// repository carries would never be exported: a typo, or a name glibc
/// dropped.
#[test]
fn every_listed_glibc_name_is_one_glibc_defines() {
    let defined: BTreeSet<String> = ARCHES.iter().flat_map(|a| glibc_abi(a)).map(|(n, _)| n).collect();
    let unknown: Vec<_> = listed_names("glibc.txt").into_iter().filter(|n| !defined.contains(n)).collect();
    assert!(unknown.is_empty(), "symbols/glibc.txt names glibc defines on none of {ARCHES:?}: {unknown:?}");
}

/// `symbols/runtime.txt` holds names of glibc's C++ runtime the shim
/// defines too: each must be defined at exactly that version by this
/// machine's glibc-built `libgcc_s.so.1` (at a hidden version, which musl's
/// loader skips, so the library fails to load without the shim's) or
/// `libstdc++.so.6` (a name whose glibc-caller behaviour the shim gives).
#[test]
fn every_runtime_export_is_a_definition_of_glibcs_cxx_runtime() {
    let libs = ["/lib/x86_64-linux-gnu/libgcc_s.so.1", "/lib/x86_64-linux-gnu/libstdc++.so.6"];
    let listed: Vec<_> = expected_exports(ARCH).into_iter().filter(|(_, v)| !v.starts_with("GLIBC_")).collect();
    if libs.iter().any(|l| !Path::new(l).exists()) {
        assert!(listed.is_empty() || !require_all(), "{libs:?} missing");
        eprintln!("SKIP: {libs:?} missing");
        return;
    }
    let mut defined = BTreeSet::new();
    for lib in libs {
        for s in dynsyms(Path::new(lib)).into_iter().filter(|s| s.defined) {
            let hidden_in_libgcc = lib.contains("libgcc_s") && !s.default_version;
            defined.insert((s.name, s.version, hidden_in_libgcc || lib.contains("libstdc++")));
        }
    }
    for (name, version) in listed {
        assert!(
            defined.contains(&(name.clone(), Some(version.clone()), true)),
            "{name}@{version} is not a hidden libgcc_s or a libstdc++ definition on this machine"
        );
    }
}

/// `symbols/README.md`: every musl 1.2.5 name the shim exports is listed in
/// `overrides.txt` with its reason, and nothing else is.
#[test]
fn overrides_of_musl_names_are_deliberate() {
    let musl = musl_125();
    if !musl.exists() {
        assert!(!require_all(), "{} missing: run scripts/setup.sh", musl.display());
        eprintln!("SKIP: {} missing (run scripts/setup.sh)", musl.display());
        return;
    }
    let musl_names: BTreeSet<String> = dynsyms(&musl).into_iter().filter(|s| s.defined).map(|s| s.name).collect();
    let rows = symbols_rows("overrides.txt");
    let unexplained: Vec<_> = rows.iter().filter(|r| r.len() < 2 || r[1].is_empty()).map(|r| &r[0]).collect();
    assert!(unexplained.is_empty(), "symbols/overrides.txt: no reason given for {unexplained:?}");
    let overrides: BTreeSet<String> = rows.into_iter().map(|r| r[0].clone()).collect();
    let built = built_exports();
    let undeclared: Vec<_> = built.keys().filter(|n| musl_names.contains(*n) && !overrides.contains(*n)).collect();
    assert!(
        undeclared.is_empty(),
        "musl 1.2.5 exports these too; list them in symbols/overrides.txt with the reason: {undeclared:?}"
    );
    let stale: Vec<_> = overrides.iter().filter(|n| !musl_names.contains(*n) || !built.contains_key(*n)).collect();
    assert!(stale.is_empty(), "symbols/overrides.txt lists names that are not an override: {stale:?}");
}

#[test]
fn unimplemented_names_are_exports_with_their_reason() {
    let built = built_exports();
    for row in symbols_rows("unimplemented.txt") {
        assert!(
            built.contains_key(&row[0]),
            "symbols/unimplemented.txt lists {}, which the shim does not export",
            row[0]
        );
        assert!(
            row.len() == 3 && row.iter().all(|f| !f.is_empty()),
            "symbols/unimplemented.txt: name, why, what it does instead: {row:?}"
        );
    }
}

/// Each export has exactly one declaration (`#[export]`, its alias, a
/// `GCOMPAT_EXPORT`, a trampoline); a `local` helper is not exported.
#[test]
fn every_export_is_declared_once() {
    let built = built_exports();
    let records = export_records();
    let mut declared: BTreeMap<&str, Vec<&ExportRecord>> = BTreeMap::new();
    for r in &records {
        assert!(["export", "alias", "local"].contains(&r.kind.as_str()), "record of unknown kind: {r:?}");
        declared.entry(&r.name).or_default().push(r);
    }
    let twice: Vec<_> = declared.values().filter(|rs| rs.len() > 1).collect();
    assert!(twice.is_empty(), "declared more than once: {twice:?}");
    let leaked: Vec<_> = records.iter().filter(|r| r.kind == "local" && built.contains_key(&r.name)).collect();
    assert!(leaked.is_empty(), "local helpers that are exported: {leaked:?}");
    let undeclared: Vec<_> = built.keys().filter(|n| !declared.contains_key(n.as_str())).collect();
    assert!(undeclared.is_empty(), "exported without a declaration (src/abi/export.rs): {undeclared:?}");
    let unexported: Vec<_> = records.iter().filter(|r| r.kind != "local" && !built.contains_key(&r.name)).collect();
    assert!(unexported.is_empty(), "declared but not exported: {unexported:?}");
}

/// The shipped library does not carry the records.
#[test]
fn records_are_not_shipped() {
    let out = Command::new("readelf").args(["-S", "-W"]).arg(shim()).output().unwrap();
    assert!(out.status.success());
    assert!(
        !String::from_utf8_lossy(&out.stdout).contains(".gcompat.exports"),
        "{} carries .gcompat.exports",
        shim().display()
    );
}

fn c_sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            c_sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "c") {
            out.push(path);
        }
    }
    out.sort();
}

/// The identifiers of C source, outside comments and string literals.
fn c_identifiers(text: &str) -> BTreeSet<String> {
    let (mut out, mut word) = (BTreeSet::new(), String::new());
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let rest = &text[i..];
        let skip_to = if rest.starts_with("/*") {
            rest.find("*/").map(|e| i + e + 2)
        } else if rest.starts_with("//") {
            Some(rest.find('\n').map_or(b.len(), |e| i + e))
        } else if b[i] == b'"' || b[i] == b'\'' {
            let mut j = i + 1;
            while j < b.len() && b[j] != b[i] {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            Some(j + 1)
        } else {
            None
        };
        if let Some(end) = skip_to {
            out.extend((!word.is_empty()).then(|| std::mem::take(&mut word)));
            i = end.min(b.len());
            continue;
        }
        let c = b[i] as char;
        if c.is_ascii_alphanumeric() || c == '_' {
            word.push(c);
        } else if !word.is_empty() {
            out.insert(std::mem::take(&mut word));
        }
        i += 1;
    }
    out.extend((!word.is_empty()).then_some(word));
    out
}

/// Every C file is compiled with, after it, the C declaration (from its
/// `#[export]` record) of each Rust function it names: a C front that
/// declares a Rust function otherwise (another parameter type, a missing
/// parameter, another result) is a "conflicting types" error.
#[test]
fn c_fronts_declare_rust_functions_as_they_are() {
    let cc = std::env::var("CC_MUSL").unwrap_or_else(|_| "x86_64-linux-musl-gcc".into());
    if Command::new(&cc).arg("--version").output().is_err() {
        assert!(!require_all(), "{cc} missing: run scripts/setup.sh");
        eprintln!("SKIP: {cc} missing (run scripts/setup.sh)");
        return;
    }
    let rust: BTreeMap<String, String> = export_records()
        .into_iter()
        .filter(|r| r.origin.starts_with("gcompat::"))
        .map(|r| (r.name, r.declaration))
        .collect();
    let dir = std::env::temp_dir().join(format!("gcompat-prototypes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // What build.rs generates for `GCOMPAT_EXPORT` (the names, here from
    // symbols/ as the tests read it).
    let symbols: String = expected_exports(ARCH).keys().map(|n| format!("#define GCOMPAT_SYMBOL_{n} 1\n")).collect();
    std::fs::write(dir.join("gcompat_symbols.h"), symbols).unwrap();
    let mut sources = Vec::new();
    c_sources(&root().join("src"), &mut sources);
    assert!(sources.len() > 20, "src/**/*.c: {}", sources.len());
    let (mut failures, mut checked) = (Vec::new(), 0);
    for source in &sources {
        let used = c_identifiers(&std::fs::read_to_string(source).unwrap());
        let mut unit = format!("#include \"{}\"\n", source.display());
        for name in used.iter().filter(|n| rust.contains_key(*n)) {
            let declaration = &rust[name];
            if declaration.is_empty() {
                failures.push(format!("{}: names {name}, whose record has no C declaration", source.display()));
            } else {
                unit.push_str(&format!("{declaration};\n"));
                checked += 1;
            }
        }
        let file = dir.join(source.strip_prefix(root()).unwrap().to_str().unwrap().replace('/', "_"));
        std::fs::write(&file, unit).unwrap();
        let out = Command::new(&cc).arg("-fsyntax-only").arg("-I").arg(&dir).arg(&file).output().unwrap();
        if !out.status.success() {
            failures.push(format!("{}:\n{}", source.display(), String::from_utf8_lossy(&out.stderr)));
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(checked > 50, "only {checked} Rust declarations checked against C files");
    assert!(failures.is_empty(), "C declarations that differ from the Rust functions:\n{}", failures.join("\n"));
}

#[test]
fn shim_is_a_musl_library_with_glibc_thread_stacks() {
    let so = shim();
    let out = Command::new("readelf").args(["-d", "-l", "-W"]).arg(&so).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Library soname: [libgcompat.so.0]"), "soname");
    let needed: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("(NEEDED)"))
        .filter_map(|l| l.split('[').nth(1)?.split(']').next())
        .collect();
    assert_eq!(needed, ["libc.so"], "the shim needs musl's libc only (a name musl maps to itself)");
    // PT_GNU_STACK's MemSiz carries -z stack-size: musl's default thread
    // stack becomes glibc's 8 MiB.
    let stack = text.lines().find(|l| l.trim_start().starts_with("GNU_STACK")).expect("PT_GNU_STACK");
    assert!(stack.contains("0x800000"), "PT_GNU_STACK size is not 8 MiB: {stack}");
    assert!(!stack.contains("RWE"), "executable stack: {stack}");
}
