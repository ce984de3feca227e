//! The differential harness: glibc is the oracle.
//!
//! Every C/C++ program under `testbins/<area>/` is built against glibc 2.36
//! (this machine) and glibc 2.41 (the Debian 13 sysroot), run natively under
//! that glibc, then under musl 1.2.5 and musl 1.2.3 with the shim preloaded;
//! stdout, stderr, exit status and signal must match. Real programs listed
//! in `testbins/real-programs.txt` run under this machine's glibc and on musl.
//!
//! A testbin named `*.musl.c` is built with musl-gcc instead and run under
//! musl 1.2.5 without the shim as the oracle: it proves that musl-built
//! callers keep musl's meaning of the names the shim overrides.
//!
//! Header lines in a testbin: `// cases: a b c` runs `prog a`, `prog b`, ...
//! (one run without arguments if absent); `// cflags: ...` adds compiler
//! flags; `// builds: glibc-2.36` limits the builds.
//!
//! `testbins/divergences.txt` lists known differences with their reason
//! (`testbin[:case] build libc reason`, `*` for any); a listed difference
//! that no longer differs is a failure too, so the list stays true. musl
//! 1.2.3 is not the target: its differences are reported, not failed.
//!
//! A missing piece (sysroot, musl, the shim) is a skip with its reason, never
//! a pass; with `GCOMPAT_REQUIRE_ALL=1` (CI) a skip fails the run.

use gcompat_tests::*;
use std::fmt::Write as _;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A libc to build against and to run the oracle on: glibc, or musl for
/// the `*.musl.c` testbins that prove musl-built callers keep musl's meaning
/// (their oracle is musl 1.2.5 without the shim).
struct Glibc {
    name: &'static str,
    /// C compiler (C++ uses g++).
    compiler: &'static str,
    /// Builds the `*.musl.c` testbins, and only those.
    musl_built: bool,
    /// Compiler arguments that select this glibc, before the common flags.
    cflags: Vec<String>,
    fortify: &'static str,
    /// How to run a program under this glibc: a prefix before the program.
    runner: Vec<String>,
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
}

/// One comparison's outcome.
#[derive(Debug, PartialEq)]
enum Outcome {
    Pass,
    Fail(String),
    Skip(String),
    /// A musl 1.2.3 difference: reported, not failed.
    Report(String),
}

#[derive(Debug, PartialEq, Eq, Clone)]
struct RunResult {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    status: String,
}

const TIMEOUT: Duration = Duration::from_secs(30);
const STACK_LIMIT: libc::rlim_t = 8 << 20;

fn glibcs() -> Vec<Result<Glibc, String>> {
    let host = Glibc {
        name: "glibc-2.36",
        compiler: "gcc",
        musl_built: false,
        cflags: vec![],
        fortify: "2",
        runner: vec![],
    };
    let s = glibc_241();
    let lib = s.join("usr/lib/x86_64-linux-gnu");
    let new = if lib.join("ld-linux-x86-64.so.2").exists() {
        Ok(Glibc {
            name: "glibc-2.41",
            compiler: "gcc",
            musl_built: false,
            cflags: vec![
                format!("--sysroot={}", s.display()),
                format!("-B{}/", lib.display()),
                format!("-L{}", lib.display()),
            ],
            fortify: "3",
            runner: vec![
                lib.join("ld-linux-x86-64.so.2").display().to_string(),
                "--library-path".into(),
                lib.display().to_string(),
            ],
        })
    } else {
        Err(format!("glibc-2.41: no sysroot at {} (run scripts/setup.sh)", s.display()))
    };
    let musl = if musl_125().exists() {
        Ok(Glibc {
            name: "musl-built",
            compiler: "musl-gcc",
            musl_built: true,
            cflags: vec![],
            fortify: "2",
            runner: vec![musl_125().display().to_string()],
        })
    } else {
        Err(format!("musl-built: no musl 1.2.5 at {} (run scripts/setup.sh)", musl_125().display()))
    };
    vec![Ok(host), new, musl]
}

/// The musls glibc programs run on: musl 1.2.5 (Alpine's, the target) and
/// 1.2.3, each with glibc-built C++ runtime libraries (Debian's, as a vendor
/// tarball brings them), and musl 1.2.5 with Alpine's musl-built ones (what
/// a program meets on Alpine), for C++ testbins.
fn musls() -> Vec<Result<Musl, String>> {
    let alpine = cache().join("alpine-libstdc++");
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
                source,
            });
        }
    }
    out
}

/// `testbins/divergences.txt`: (testbin[:case], build, libc, reason).
fn divergences() -> Vec<(String, String, String, String)> {
    let path = root().join("testbins/divergences.txt");
    if !path.exists() {
        return vec![];
    }
    data_lines(&path)
        .into_iter()
        .map(|l| {
            let mut f = l.split_whitespace();
            let mut next = || f.next().unwrap_or_else(|| panic!("divergences.txt: short line {l:?}")).to_string();
            let (what, build, libc) = (next(), next(), next());
            let reason: Vec<&str> = l.split_whitespace().skip(3).collect();
            assert!(!reason.is_empty(), "divergences.txt: no reason on {l:?}");
            (what, build, libc, reason.join(" "))
        })
        .collect()
}

fn listed_divergence<'a>(
    list: &'a [(String, String, String, String)],
    id: &str,
    case: &str,
    build: &str,
    libc: &str,
) -> Option<&'a str> {
    let full = format!("{id}:{case}");
    list.iter()
        .find(|(what, b, l, _)| {
            (what == id || *what == full) && (b == "*" || b == build) && (l == "*" || l == libc)
        })
        .map(|(_, _, _, reason)| reason.as_str())
}

fn build(bin: &Testbin, glibc: &Glibc, out_dir: &Path) -> Result<PathBuf, String> {
    let cxx = bin.source.extension().is_some_and(|e| e == "cc");
    let exe = out_dir.join(glibc.name).join(&bin.id);
    std::fs::create_dir_all(exe.parent().unwrap()).unwrap();
    let mut cmd = Command::new(if cxx { "g++" } else { glibc.compiler });
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
    let status = match cmd.spawn() {
        Err(e) => format!("spawn failed: {e}"),
        Ok(mut child) => {
            let start = Instant::now();
            let mut nap = Duration::from_micros(200);
            loop {
                if let Some(st) = child.try_wait().unwrap() {
                    break match (st.code(), st.signal()) {
                        (Some(c), _) => format!("exit {c}"),
                        (_, Some(s)) => format!("signal {s}"),
                        _ => format!("{st}"),
                    };
                }
                if start.elapsed() > TIMEOUT {
                    let _ = child.kill();
                    let _ = child.wait();
                    break "timed out".to_string();
                }
                std::thread::sleep(nap);
                nap = (nap * 2).min(Duration::from_millis(20));
            }
        }
    };
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
    s
}

/// Compares one program run (argv after the runner) under the oracle and
/// under each musl.
fn compare(
    label: &str,
    oracle: &RunResult,
    argv: &[String],
    musls: &[Result<Musl, String>],
    known: impl Fn(&str) -> Option<String>,
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
                let (own, debian) = musl_library_path().split_once(':').map(|(a, b)| (a.to_string(), b.to_string())).unwrap();
                format!("{own}:{}:{debian}", dir.display())
            }
        };
        let mut full = vec![
            musl.loader.display().to_string(),
            "--preload".to_string(),
            shim.display().to_string(),
            "--library-path".to_string(),
            library_path,
        ];
        full.extend_from_slice(argv);
        let got = run_as(&full, Some(MUSL_AS_GLIBC_LD), &scratch.with_file_name(format!(
            "{}.{}",
            scratch.file_name().unwrap().to_str().unwrap(),
            musl.name
        )));
        let name = format!("{label} on {}", musl.name);
        let listed = known(musl.name);
        let outcome = match (got == *oracle, listed, musl.target) {
            (true, None, _) => Outcome::Pass,
            (true, Some(reason), true) => {
                Outcome::Fail(format!("    listed in divergences.txt ({reason}) but now matches glibc: remove the entry\n"))
            }
            (true, Some(_), false) => Outcome::Pass,
            (false, Some(reason), _) => Outcome::Report(format!("    known: {reason}\n{}", describe_difference(oracle, &got))),
            (false, None, true) => Outcome::Fail(describe_difference(oracle, &got)),
            (false, None, false) => Outcome::Report(describe_difference(oracle, &got)),
        };
        results.push((name, outcome));
    }
    results
}

fn main() {
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let work = root().join("target/differential");
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
    let bins: Vec<Testbin> = testbins()
        .into_iter()
        .filter(|b| filter.as_deref().is_none_or(|f| b.id.contains(f)))
        .collect();

    // Jobs: (testbin, glibc); each builds once and runs every case.
    let mut jobs = Vec::new();
    for glibc in &glibcs {
        for bin in &bins {
            jobs.push((bin, glibc));
        }
    }
    let results: Mutex<Vec<(String, Outcome)>> = Mutex::new(Vec::new());
    let next = Mutex::new(0usize);
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(1, 4);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
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
                        local.push((format!("{} [{}]", bin.id, why.split(':').next().unwrap()), Outcome::Skip(why.clone())));
                        results.lock().unwrap().extend(local);
                        continue;
                    }
                };
                let musl_source = bin.id.ends_with(".musl");
                if musl_source != glibc.musl_built
                    || bin.builds.as_ref().is_some_and(|b| !b.iter().any(|n| n == glibc.name))
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
                    let mut oracle_argv = glibc.runner.clone();
                    oracle_argv.extend(argv.iter().cloned());
                    let oracle = run(&oracle_argv, &scratch);
                    local.extend(compare(
                        &label,
                        &oracle,
                        &argv,
                        &musls,
                        |libc| listed_divergence(&known, &bin.id, case, glibc.name, libc).map(String::from),
                        &scratch,
                        bin.source.extension().is_some_and(|e| e == "cc"),
                    ));
                }
                results.lock().unwrap().extend(local);
            });
        }
    });
    let mut results = results.into_inner().unwrap();

    // Real programs from this machine, run by their own paths.
    let real = root().join("testbins/real-programs.txt");
    if real.exists() && filter.is_none() {
        for line in data_lines(&real) {
            let (name, command) = line.split_once('\t').unwrap_or_else(|| panic!("real-programs.txt: {line:?}"));
            let argv: Vec<String> = command.split_whitespace().map(String::from).collect();
            let scratch = work.join(format!("real.{name}"));
            let oracle = run(&argv, &scratch);
            let label = format!("real/{name} [glibc-2.36]");
            results.extend(compare(
                &label,
                &oracle,
                &argv,
                &musls,
                |libc| listed_divergence(&known, &format!("real/{name}"), "", "glibc-2.36", libc).map(String::from),
                &scratch,
                false,
            ));
        }
    }

    results.sort_by(|a, b| a.0.cmp(&b.0));
    let (mut passed, mut failed, mut reported) = (0, 0, 0);
    for (name, outcome) in &results {
        match outcome {
            Outcome::Pass => passed += 1,
            Outcome::Fail(why) => {
                failed += 1;
                println!("FAIL {name}\n{why}");
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
    if require_all() && !skips.is_empty() {
        println!("GCOMPAT_REQUIRE_ALL is set: a skipped piece is a failure");
        failed += skips.len();
    }
    println!(
        "{} testbins, {} comparisons; {reported} musl 1.2.3 or known differences reported",
        bins.len(),
        results.len()
    );
    println!("differential: {passed} passed, {failed} failed, {} skipped", skips.len());
    if failed > 0 {
        std::process::exit(1);
    }
}
