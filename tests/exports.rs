//! The built libgcompat.so.0 exports exactly what `symbols/` lists, each as
//! the default version glibc defines it at, and overrides musl only where
//! `symbols/overrides.txt` says why.

use gcompat_tests::*;
use std::collections::{BTreeMap, BTreeSet};

fn built_exports() -> BTreeMap<String, (Option<String>, bool)> {
    let so = shim();
    assert!(so.exists(), "{} is missing: run `make` (or `make check`) first", so.display());
    dynsyms(&so)
        .into_iter()
        // A version definition shows as an unversioned ABS symbol named after it.
        .filter(|s| s.defined && !(s.version.is_none() && ["GLIBC_", "GCC_", "CXXABI_"].iter().any(|p| s.name.starts_with(p))))
        .map(|s| (s.name, (s.version, s.default_version)))
        .collect()
}

#[test]
fn symbol_files_are_sorted_and_unique() {
    let mut seen = BTreeMap::new();
    for (version, names) in symbol_versions() {
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted, "symbols/{version}.txt is not sorted (LC_ALL=C sort)");
        for name in names {
            if let Some(other) = seen.insert(name.clone(), version.clone()) {
                panic!("{name} is listed under both {other} and {version}");
            }
        }
    }
    for file in ["overrides.txt", "stubs.txt"] {
        let names = listed_names(file);
        let unique: BTreeSet<_> = names.iter().collect();
        assert_eq!(unique.len(), names.len(), "symbols/{file} lists a name twice");
    }
}

#[test]
fn exports_exactly_the_listed_names_at_default_versions() {
    let built = built_exports();
    let mut listed = BTreeMap::new();
    for (version, names) in symbol_versions() {
        for name in names {
            listed.insert(name, version.clone());
        }
    }
    let extra: Vec<_> = built.keys().filter(|n| !listed.contains_key(*n)).collect();
    let missing: Vec<_> = listed.keys().filter(|n| !built.contains_key(*n)).collect();
    assert!(extra.is_empty(), "exported but not in symbols/: {extra:?}");
    assert!(missing.is_empty(), "in symbols/ but not exported: {missing:?}");
    for (name, version) in &listed {
        let (got, default) = &built[name];
        assert_eq!(got.as_deref(), Some(version.as_str()), "{name}: wrong version");
        assert!(default, "{name}@{version} is not the default version (musl skips hidden ones)");
    }
}

#[test]
fn every_export_is_a_name_glibc_defines_at_that_version() {
    let abi = glibc_abi();
    assert!(abi.len() > 1000, "glibc's abilists look empty: {}", glibc_abi_dir().display());
    let wrong: Vec<_> = symbol_versions()
        .into_iter()
        .filter(|(v, _)| v.starts_with("GLIBC_"))
        .flat_map(|(v, names)| names.into_iter().map(move |n| (n, v.clone())))
        .filter(|pair| !abi.contains(pair))
        .collect();
    assert!(wrong.is_empty(), "not defined by glibc at that version: {wrong:?}");
}

/// `symbols/GCC_*.txt` and `CXXABI_*.txt` hold names of glibc's C++ runtime
/// the shim defines too: each must be defined at exactly that version by
/// this machine's glibc-built `libgcc_s.so.1` (at a hidden version, which
/// musl's loader skips, so the library fails to load without the shim's)
/// or `libstdc++.so.6` (a name whose glibc-caller behaviour the shim gives).
#[test]
fn every_runtime_export_is_a_definition_of_glibcs_cxx_runtime() {
    let libs = ["/lib/x86_64-linux-gnu/libgcc_s.so.1", "/lib/x86_64-linux-gnu/libstdc++.so.6"];
    let listed: Vec<_> = symbol_versions().into_iter().filter(|(v, _)| !v.starts_with("GLIBC_")).collect();
    if libs.iter().any(|l| !std::path::Path::new(l).exists()) {
        assert!(listed.is_empty() || !require_all(), "{libs:?} missing");
        return;
    }
    let mut defined = BTreeSet::new();
    for lib in libs {
        for s in dynsyms(std::path::Path::new(lib)).into_iter().filter(|s| s.defined) {
            let hidden_in_libgcc = lib.contains("libgcc_s") && !s.default_version;
            defined.insert((s.name, s.version, hidden_in_libgcc || lib.contains("libstdc++")));
        }
    }
    for (version, names) in listed {
        for name in names {
            assert!(
                defined.contains(&(name.clone(), Some(version.clone()), true)),
                "{name}@{version} is not a hidden libgcc_s or a libstdc++ definition on this machine"
            );
        }
    }
}

#[test]
fn overrides_of_musl_names_are_deliberate() {
    let musl = musl_125();
    if !musl.exists() {
        assert!(!require_all(), "{} missing: run scripts/setup.sh", musl.display());
        eprintln!("SKIP: {} missing (run scripts/setup.sh)", musl.display());
        return;
    }
    let musl_names: BTreeSet<String> =
        dynsyms(&musl).into_iter().filter(|s| s.defined).map(|s| s.name).collect();
    let overrides: BTreeSet<String> = listed_names("overrides.txt").into_iter().collect();
    let built = built_exports();
    let undeclared: Vec<_> =
        built.keys().filter(|n| musl_names.contains(*n) && !overrides.contains(*n)).collect();
    assert!(undeclared.is_empty(), "musl 1.2.5 exports these too; list them in symbols/overrides.txt with the reason: {undeclared:?}");
    let stale: Vec<_> = overrides.iter().filter(|n| !musl_names.contains(*n) || !built.contains_key(*n)).collect();
    assert!(stale.is_empty(), "symbols/overrides.txt lists names that are not an override: {stale:?}");
}

#[test]
fn stubs_are_exports() {
    let built = built_exports();
    let stray: Vec<_> = listed_names("stubs.txt").into_iter().filter(|n| !built.contains_key(n)).collect();
    assert!(stray.is_empty(), "symbols/stubs.txt lists names the shim does not export: {stray:?}");
}

#[test]
fn shim_is_a_musl_library_with_glibc_thread_stacks() {
    let so = shim();
    let out = std::process::Command::new("readelf").args(["-d", "-l", "-W"]).arg(&so).output().unwrap();
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
