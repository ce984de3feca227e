//! What the checker's tests share: running it, validating its JSON against
//! schema.json, and asking musl's loader itself (`--list`, ldd mode) for its
//! verdict on the same files, the oracle the checker must agree with.

#![allow(dead_code)] // each test file uses its own part

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use gcompat_tests::{MUSL_AS_GLIBC_LD, musl_123, musl_125, require_all, shim};
use serde_json::Value;

/// musl and the shim, when both are there; else a skip (a failure under
/// GCOMPAT_REQUIRE_ALL).
pub struct Pieces {
    pub musl: PathBuf,
    pub shim: PathBuf,
}

pub fn pieces() -> Option<Pieces> {
    pieces_with(musl_125())
}

/// The same with Debian 12's musl 1.2.3 (before the LFS64 and DT_RELR
/// changes of 1.2.4).
pub fn pieces_123() -> Option<Pieces> {
    pieces_with(musl_123())
}

fn pieces_with(musl: PathBuf) -> Option<Pieces> {
    let shim = shim();
    for (what, path) in [("musl", &musl), ("the shim", &shim)] {
        if !path.exists() {
            assert!(!require_all(), "{what} missing at {}: run make", path.display());
            eprintln!("SKIP: {what} missing at {} (run make)", path.display());
            return None;
        }
    }
    Some(Pieces { musl, shim })
}

/// Where the tests keep what they build, wiped per test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("gcompat-check").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// One run of the checker.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs gcompat-check with `args` in `cwd`, LD_LIBRARY_PATH set to
/// `library_path` (or unset).
pub fn run(args: &[&str], library_path: Option<&str>, cwd: &Path) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gcompat-check"));
    cmd.args(args).current_dir(cwd).stdin(Stdio::null()).env_remove("LD_LIBRARY_PATH");
    if let Some(path) = library_path {
        cmd.env("LD_LIBRARY_PATH", path);
    }
    let out = cmd.output().expect("gcompat-check runs");
    Run {
        code: out.status.code().expect("gcompat-check exits"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `--json` on `paths` against `pieces`: the report, validated against
/// schema.json, and the exit status.
pub fn check_json(pieces: &Pieces, paths: &[&Path], library_path: Option<&str>, cwd: &Path) -> (Value, i32) {
    let (musl, shim) = (pieces.musl.to_str().unwrap(), pieces.shim.to_str().unwrap());
    let mut args = vec!["--json", "--musl", musl, "--shim", shim];
    args.extend(paths.iter().map(|p| p.to_str().unwrap()));
    let run = run(&args, library_path, cwd);
    assert!(run.code == 0 || run.code == 1, "exit {}: {}", run.code, run.stderr);
    let report: Value = serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", run.stdout));
    validate(&report);
    let fails = report["summary"]["will_not_run"].as_u64().unwrap() > 0;
    assert_eq!(run.code, i32::from(fails), "exit status against the summary");
    (report, run.code)
}

/// Validates `report` against check/schema.json.
pub fn validate(report: &Value) {
    let schema_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(&schema_path).unwrap()).unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.add_resource("schema.json", schema).unwrap();
    let index = compiler.compile("schema.json", &mut schemas).unwrap_or_else(|e| panic!("schema.json: {e}"));
    if let Err(e) = schemas.validate(report, index) {
        panic!("the report does not follow schema.json: {e:#}");
    }
}

/// The report of one file.
pub fn file<'a>(report: &'a Value, path: &Path) -> &'a Value {
    let path = path.to_str().unwrap();
    report["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == path)
        .unwrap_or_else(|| panic!("{path} not in the report"))
}

/// Its problems' reasons, sorted, each once.
pub fn reasons(file: &Value) -> Vec<String> {
    let set: BTreeSet<String> =
        file["problems"].as_array().unwrap().iter().map(|p| p["reason"].as_str().unwrap().to_string()).collect();
    set.into_iter().collect()
}

/// What musl's loader says of one file in ldd mode: whether it would run,
/// and its error messages sorted into comparable sets.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Verdict {
    pub runs: bool,
    /// (object, symbol): "Error relocating OBJ: SYM: symbol not found".
    pub symbols: BTreeSet<(String, String)>,
    /// (library, needed by): "Error loading shared library ...".
    pub libraries: BTreeSet<(String, String)>,
    /// (object, type): "Error relocating OBJ: unsupported relocation type N".
    pub relocations: BTreeSet<(String, u64)>,
    /// The files loaded after the program, in load order (musl itself, the
    /// loader stub included, left out: both are musl).
    pub loaded: Vec<String>,
    /// Messages of any other form.
    pub other: Vec<String>,
}

/// musl as the tests run glibc programs (tests/differential.rs): named
/// `ld-linux-x86-64.so.2`, the shim preloaded, `library_path` searched
/// first; `--list` loads and relocates everything and runs nothing. `None`
/// when musl will not take the file at all ("Not a valid dynamic program").
pub fn musl_list(musl: &Path, shim: &Path, library_path: Option<&str>, path: &Path, cwd: &Path) -> Option<Verdict> {
    use std::os::unix::process::CommandExt;
    let mut cmd = Command::new(musl);
    cmd.arg0(MUSL_AS_GLIBC_LD).arg("--list").arg("--preload").arg(shim);
    if let Some(lp) = library_path {
        cmd.arg("--library-path").arg(lp);
    }
    cmd.arg(path).current_dir(cwd).stdin(Stdio::null()).env_remove("LD_LIBRARY_PATH");
    let out = cmd.output().expect("musl runs");
    let code = out.status.code();
    if code == Some(1) {
        return None;
    }
    let mut verdict = Verdict { runs: code == Some(0), ..Verdict::default() };
    assert!(code == Some(0) || code == Some(127), "musl --list {}: {:?}", path.display(), out.status);
    // "\tNAME (BASE)" for musl itself first, then "\tNAME => PATH (BASE)"
    // per object as it loads, musl's own names pointing at musl's base.
    let stdout = String::from_utf8_lossy(&out.stdout);
    let mut lines = stdout.lines();
    let musl_base = lines.next().and_then(|l| l.rsplit_once(" (")).map(|(_, base)| base.to_string());
    let stub = shim.parent().map(|d| d.join(MUSL_AS_GLIBC_LD));
    for line in lines {
        if let Some((_, rest)) = line.split_once(" => ")
            && let Some((file, base)) = rest.rsplit_once(" (")
        {
            let is_stub = stub.as_ref().is_some_and(|s| same_file(s, Path::new(file)));
            if Some(base) != musl_base.as_deref() && !is_stub {
                verdict.loaded.push(file.to_string());
            }
        }
    }
    for line in String::from_utf8_lossy(&out.stderr).lines() {
        if let Some(rest) = line.strip_prefix("Error relocating ") {
            if let Some(head) = rest.strip_suffix(": symbol not found")
                && let Some((object, symbol)) = head.rsplit_once(": ")
            {
                verdict.symbols.insert((object.to_string(), symbol.to_string()));
                continue;
            }
            if let Some((object, n)) = rest.rsplit_once(": unsupported relocation type ") {
                verdict.relocations.insert((object.to_string(), n.parse().unwrap()));
                continue;
            }
        }
        if let Some(rest) = line.strip_prefix("Error loading shared library ")
            && let (Some((name, _)), Some((_, by))) = (rest.split_once(": "), rest.rsplit_once(" (needed by "))
        {
            verdict.libraries.insert((name.to_string(), by.trim_end_matches(')').to_string()));
            continue;
        }
        verdict.other.push(line.to_string());
    }
    Some(verdict)
}

fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => (a.dev(), a.ino()) == (b.dev(), b.ino()),
        _ => false,
    }
}

/// The checker's report of one file in the same terms.
pub fn checker_verdict(file: &Value, musl: &Path) -> Verdict {
    let mut verdict = Verdict { runs: file["verdict"] == "runs", ..Verdict::default() };
    let musl = musl.to_str().unwrap();
    verdict.loaded = file["loaded"]
        .as_array()
        .unwrap()
        .iter()
        .skip(1)
        .map(|v| v.as_str().unwrap().to_string())
        .filter(|f| f != musl)
        .collect();
    let s = |p: &Value, k: &str| p[k].as_str().unwrap_or_default().to_string();
    for p in file["problems"].as_array().unwrap() {
        match p["reason"].as_str().unwrap() {
            // musl's message for a reference only an IFUNC defines too.
            "symbol-not-found" | "ifunc" if p.get("symbol").is_some() => {
                verdict.symbols.insert((s(p, "object"), s(p, "symbol")));
            }
            "ifunc" | "unsupported-relocation" => {
                verdict.relocations.insert((s(p, "object"), p["relocation_type"].as_u64().unwrap()));
            }
            "missing-library" => {
                verdict.libraries.insert((s(p, "library"), s(p, "needed_by")));
            }
            _ => {}
        }
    }
    verdict
}

/// How one file compared.
pub enum Compared {
    Agree,
    /// What differs.
    Disagree(String),
    /// Not comparable, and why: a static file musl's ldd mode cannot load,
    /// or a problem ldd mode cannot see (it ignores PT_INTERP; it runs no
    /// code, so DT_RELR left unapplied by an old musl goes unnoticed).
    Explained(&'static str),
}

/// Compares the checker's report of `file` with musl's own verdict, given
/// the same library path and working folder.
pub fn compare(pieces: &Pieces, file: &Value, library_path: Option<&str>, cwd: &Path) -> Compared {
    if file["kind"] == "static" {
        return Compared::Explained("static (the kernel runs it; ldd mode refuses it)");
    }
    let errors: BTreeSet<&str> = file["problems"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["severity"] == "error")
        .map(|p| p["reason"].as_str().unwrap())
        .collect();
    // The checker names a program by its canonical path ($ORIGIN as the
    // kernel gives it): so must musl.
    let path = std::fs::canonicalize(file["path"].as_str().unwrap()).unwrap();
    let musl = musl_list(&pieces.musl, &pieces.shim, library_path, &path, cwd);
    // musl maps an ELF file of any machine (map_library reads no e_machine)
    // and fails on its relocations, or refuses a 32-bit one outright; the
    // checker stops at the machine. Both say it will not run.
    if errors.contains("foreign-architecture") {
        return match musl {
            Some(Verdict { runs: true, .. }) => Compared::Explained("another architecture (ldd mode maps it anyway)"),
            _ => Compared::Agree,
        };
    }
    let Some(musl) = musl else {
        return Compared::Disagree(format!(
            "{}: musl: not a valid dynamic program; the checker took it",
            path.display()
        ));
    };
    let ours = checker_verdict(file, &pieces.musl);
    if ours == musl {
        return Compared::Agree;
    }
    let only: BTreeSet<&str> = ["unknown-interpreter", "relr"].into();
    if musl.runs && !errors.is_empty() && errors.is_subset(&only) {
        return Compared::Explained("PT_INTERP or DT_RELR on musl < 1.2.4 (ldd mode runs nothing)");
    }
    let diff = |what: &str, a: &dyn std::fmt::Debug, b: &dyn std::fmt::Debug| {
        format!("\n    {what}: musl {a:?}, checker {b:?}")
    };
    let mut text = format!("{}: musl {}, checker {}", path.display(), verdict_word(musl.runs), verdict_word(ours.runs));
    if musl.symbols != ours.symbols {
        text += &diff(
            "symbols only one side has",
            &musl.symbols.difference(&ours.symbols).take(5).collect::<Vec<_>>(),
            &ours.symbols.difference(&musl.symbols).take(5).collect::<Vec<_>>(),
        );
    }
    if musl.libraries != ours.libraries {
        text += &diff("libraries", &musl.libraries, &ours.libraries);
    }
    if musl.loaded != ours.loaded {
        text += &diff("loaded", &musl.loaded, &ours.loaded);
    }
    if musl.relocations != ours.relocations {
        text += &diff("relocations", &musl.relocations, &ours.relocations);
    }
    if !musl.other.is_empty() {
        text += &format!("\n    other musl messages: {:?}", &musl.other[..musl.other.len().min(3)]);
    }
    Compared::Disagree(text)
}

fn verdict_word(runs: bool) -> &'static str {
    if runs { "runs" } else { "fails" }
}

/// Builds `source` (C) into `out` with gcc and `flags`.
pub fn cc(source: &str, out: &Path, flags: &[&str]) {
    let src = out.with_extension("c");
    std::fs::write(&src, source).unwrap();
    let status = Command::new("gcc").arg("-o").arg(out).arg(&src).args(flags).status().expect("gcc");
    assert!(status.success(), "gcc {} {flags:?}", src.display());
}
