//! Exports no glibc oracle here can check, checked against their documented
//! behaviour instead (relibc style): glibc 2.42 and 2.43 names (the newest
//! glibc on this machine is the 2.41 sysroot), the unimplemented exports' documented answers
//! (`symbols/unimplemented.txt`) and shim-only settings (`GCOMPAT_GLIBC_VERSION`).
//!
//! Each program is `testbins/<area>/documented/<name>.c` (beside the
//! differential testbins of its area, in a folder the differential harness
//! does not read); its header says what it checks and where that is
//! documented. It is built against the glibc 2.41 sysroot with its own
//! declarations; names newer than 2.41 link against a stand-in library
//! that defines them at their glibc versions (from `symbols/`), so the
//! program refers to `__inet_ntop_chk@GLIBC_2.42` as one built against glibc
//! 2.42 does (from `libgcompat.so.0`, the stand-in's name, not `libc.so.6`). It runs under musl 1.2.5 with the shim preloaded, each case
//! of its `// cases:` line in turn (`// env <case>: NAME=VALUE` adds to a
//! case's pinned environment), and the transcript (stdout, stderr, exit
//! status or signal) must equal `<name>.expected`. With
//! `<name>.glibc.expected` beside it, the cases of its `// glibc cases:`
//! line also run under glibc 2.41 and must equal that file: what glibc does
//! where the shim documents a different answer.
//!
//! `GCOMPAT_BLESS=1` writes the transcripts as the expected files: read
//! them against the documentation before committing. A missing piece
//! (sysroot, musl, shim) is a skip, and a failure under `GCOMPAT_REQUIRE_ALL`.

use gcompat_tests::*;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(30);

struct Program {
    /// `area/name`.
    id: String,
    source: PathBuf,
    cases: Vec<String>,
    glibc_cases: Vec<String>,
    cflags: Vec<String>,
    /// (case, NAME=VALUE).
    env: Vec<(String, String)>,
}

fn header_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().take_while(|l| l.starts_with("//")).map(|l| l.trim_start_matches("//").trim())
}

fn programs() -> Vec<Program> {
    let mut out = Vec::new();
    let mut areas: Vec<PathBuf> =
        std::fs::read_dir(root().join("testbins")).unwrap().map(|e| e.unwrap().path()).collect();
    areas.sort();
    for dir in areas.iter().map(|a| a.join("documented")).filter(|d| d.is_dir()) {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        for source in files.into_iter().filter(|p| p.extension().is_some_and(|e| e == "c")) {
            let text = std::fs::read_to_string(&source).unwrap();
            let area = dir.parent().unwrap().file_name().unwrap().to_str().unwrap();
            let words = |key: &str| -> Vec<String> {
                header_lines(&text)
                    .find_map(|l| l.strip_prefix(key))
                    .map(|v| v.split_whitespace().map(String::from).collect())
                    .unwrap_or_default()
            };
            let env = header_lines(&text)
                .filter_map(|l| l.strip_prefix("env "))
                .map(|l| {
                    let (case, setting) =
                        l.split_once(':').unwrap_or_else(|| panic!("{}: env line {l:?}", source.display()));
                    (case.trim().to_string(), setting.trim().to_string())
                })
                .collect();
            let mut cases = words("cases:");
            if cases.is_empty() {
                cases.push(String::new());
            }
            out.push(Program {
                id: format!("{area}/{}", source.file_stem().unwrap().to_str().unwrap()),
                cases,
                glibc_cases: words("glibc cases:"),
                cflags: words("cflags:"),
                env,
                source,
            });
        }
    }
    out
}

/// A stand-in that defines every name newer than the sysroot's glibc at
/// its glibc version, for programs to link against. Its name is the shim's
/// (`libgcompat.so.0`): the program's DT_NEEDED on it finds the shim that
/// is preloaded anyway (a second `libc.so.6` would make the linker skip the
/// sysroot's).
fn newer_names_library(work: &Path) -> Result<PathBuf, String> {
    // The names the shim exports at versions newer than the sysroot's glibc.
    let mut newer: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (name, version) in expected_exports(ARCH) {
        if version == "GLIBC_2.42" || version == "GLIBC_2.43" {
            newer.entry(version).or_default().push(name);
        }
    }
    let mut script = String::new();
    let mut source = String::new();
    let mut previous: Option<&str> = None;
    for (version, names) in &newer {
        let _ = write!(script, "{version} {{ global: {}; }}", names.join("; "));
        script.push_str(previous.map_or(String::new(), |p| format!(" {p}")).as_str());
        script.push_str(";\n");
        previous = Some(version);
        for name in names {
            let _ = writeln!(source, "void {name}(void) {{}}");
        }
    }
    let (script_path, source_path, lib) = (work.join("newer.map"), work.join("newer.c"), work.join("libnewer.so"));
    std::fs::write(&script_path, script).unwrap();
    std::fs::write(&source_path, source).unwrap();
    let out = Command::new("gcc")
        .args(["-shared", "-nostdlib", "-fPIC", "-Wl,-soname,libgcompat.so.0"])
        .arg(format!("-Wl,--version-script={}", script_path.display()))
        .arg("-o")
        .arg(&lib)
        .arg(&source_path)
        .output()
        .map_err(|e| format!("gcc: {e}"))?;
    if !out.status.success() {
        return Err(format!("the stand-in library does not build:\n{}", String::from_utf8_lossy(&out.stderr)));
    }
    Ok(lib)
}

fn build(program: &Program, sysroot: &Path, newer: &Path, work: &Path) -> Result<PathBuf, String> {
    let lib = sysroot.join("usr/lib/x86_64-linux-gnu");
    let exe = work.join(program.id.replace('/', "-"));
    let out = Command::new("gcc")
        .arg(format!("--sysroot={}", sysroot.display()))
        .arg(format!("-B{}/", lib.display()))
        .arg(format!("-L{}", lib.display()))
        .args(["-O2", "-w"])
        .args(&program.cflags)
        .arg("-o")
        .arg(&exe)
        .arg(&program.source)
        .arg(newer)
        .output()
        .map_err(|e| format!("gcc: {e}"))?;
    if !out.status.success() {
        return Err(format!("{} does not build:\n{}", program.id, String::from_utf8_lossy(&out.stderr)));
    }
    Ok(exe)
}

/// Runs `argv` with the environment pinned (and `extra` added) and returns
/// its transcript: stdout, stderr, how it ended.
fn transcript(argv: &[String], arg0: Option<&str>, extra: &[&str], scratch: &Path) -> String {
    let (out_path, err_path) = (scratch.with_extension("out"), scratch.with_extension("err"));
    let mut cmd = Command::new(&argv[0]);
    if let Some(arg0) = arg0 {
        cmd.arg0(arg0);
    }
    cmd.args(&argv[1..])
        .env_clear()
        .envs([("PATH", "/usr/bin:/bin"), ("LC_ALL", "C"), ("LANG", "C"), ("TZ", "UTC"), ("HOME", "/nonexistent")])
        .envs(extra.iter().map(|s| s.split_once('=').unwrap_or((s, ""))))
        .current_dir(scratch.parent().unwrap())
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).unwrap())
        .stderr(std::fs::File::create(&err_path).unwrap());
    let status = match cmd.spawn() {
        Err(e) => format!("spawn failed: {e}"),
        Ok(mut child) => wait_status(&mut child, TIMEOUT),
    };
    let text = |p: &Path| String::from_utf8_lossy(&std::fs::read(p).unwrap_or_default()).into_owned();
    let mut t = text(&out_path);
    if !t.is_empty() && !t.ends_with('\n') {
        t.push_str("\\ (no newline)\n");
    }
    let err = text(&err_path);
    if !err.is_empty() {
        t.push_str("-- stderr\n");
        t.push_str(&err);
        if !err.ends_with('\n') {
            t.push_str("\\ (no newline)\n");
        }
    }
    let _ = writeln!(t, "-- {status}");
    t
}

/// Compares a transcript with its expected file (or writes it, blessing).
fn check(expected: &Path, got: &str) -> Result<(), String> {
    if std::env::var_os("GCOMPAT_BLESS").is_some() {
        std::fs::write(expected, got).unwrap();
        return Ok(());
    }
    let want = std::fs::read_to_string(expected)
        .map_err(|e| format!("{}: {e} (GCOMPAT_BLESS=1 writes it)", expected.display()))?;
    if want == got {
        return Ok(());
    }
    let mut s = format!("    {} differs:\n", expected.display());
    for (i, (w, g)) in want.lines().zip(got.lines()).enumerate() {
        if w != g {
            let _ = writeln!(s, "    line {}: expected {w:?}\n            got      {g:?}", i + 1);
        }
    }
    if want.lines().count() != got.lines().count() {
        let _ = writeln!(s, "    {} lines expected, {} got", want.lines().count(), got.lines().count());
    }
    Err(s)
}

fn main() {
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let work = root().join("target/documented");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).unwrap();
    let sysroot = glibc_241();
    let glibc_ld = sysroot.join("usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2");
    let mut missing = Vec::new();
    for (what, path) in [("glibc 2.41 sysroot", &glibc_ld), ("musl 1.2.5", &musl_125()), ("the shim", &shim())] {
        if !path.exists() {
            missing.push(format!("{what}: nothing at {} (run make)", path.display()));
        }
    }
    let programs: Vec<Program> =
        programs().into_iter().filter(|p| filter.as_deref().is_none_or(|f| p.id.contains(f))).collect();
    let (mut passed, mut failed) = (0, 0);
    if missing.is_empty() {
        let newer = newer_names_library(&work).unwrap_or_else(|e| panic!("{e}"));
        for program in &programs {
            let exe = match build(program, &sysroot, &newer, &work) {
                Ok(exe) => exe,
                Err(e) => {
                    println!("FAIL {}\n    {e}", program.id);
                    failed += 1;
                    continue;
                }
            };
            let run = |case: &str, glibc: bool| {
                let env: Vec<&str> = program.env.iter().filter(|(c, _)| c == case).map(|(_, s)| s.as_str()).collect();
                let mut argv: Vec<String> = if glibc {
                    let lib = sysroot.join("usr/lib/x86_64-linux-gnu");
                    vec![glibc_ld.display().to_string(), "--library-path".into(), lib.display().to_string()]
                } else {
                    vec![
                        musl_125().display().to_string(),
                        "--preload".into(),
                        shim().display().to_string(),
                        "--library-path".into(),
                        musl_library_path(),
                    ]
                };
                argv.push(exe.display().to_string());
                if !case.is_empty() {
                    argv.push(case.to_string());
                }
                let scratch = work.join(format!(
                    "{}.{case}.{}",
                    program.id.replace('/', "-"),
                    if glibc { "glibc" } else { "shim" }
                ));
                let mut t = format!("== {case}\n");
                t.push_str(&transcript(&argv, if glibc { None } else { Some(MUSL_AS_GLIBC_LD) }, &env, &scratch));
                t
            };
            let shim_side: String = program.cases.iter().map(|c| run(c, false)).collect();
            let mut sides = vec![("musl 1.2.5 + shim", program.source.with_extension("expected"), shim_side)];
            if !program.glibc_cases.is_empty() {
                let glibc_side: String = program.glibc_cases.iter().map(|c| run(c, true)).collect();
                sides.push(("glibc 2.41", program.source.with_extension("glibc.expected"), glibc_side));
            }
            for (side, expected, got) in sides {
                match check(&expected, &got) {
                    Ok(()) => passed += 1,
                    Err(why) => {
                        println!("FAIL {} on {side}\n{why}", program.id);
                        failed += 1;
                    }
                }
            }
        }
    }
    for m in &missing {
        println!("SKIP documented: {m}");
    }
    if require_all() && !missing.is_empty() {
        println!("GCOMPAT_REQUIRE_ALL is set: a skipped piece is a failure");
        failed += missing.len();
    }
    println!("{} programs checked against their documented behaviour", programs.len());
    println!("documented: {passed} passed, {failed} failed, {} skipped", missing.len());
    if failed > 0 {
        std::process::exit(1);
    }
}
