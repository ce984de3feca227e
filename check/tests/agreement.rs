//! The checker's verdicts against musl's loader itself, file by file, on
//! real corpora: this machine's /usr/bin and /usr/lib/x86_64-linux-gnu and
//! the vendor wheels the tests fetch (`$GCOMPAT_CACHE/wheels*`). musl runs in
//! ldd mode (`--list`) the way tests/differential.rs runs glibc programs:
//! named `ld-linux-x86-64.so.2`, the shim preloaded, the shim's folder first
//! on the library path. A file agrees when both say it runs or both say it
//! fails, with the same missing libraries, the same "symbol not found"
//! (object, symbol) pairs and the same refused relocation types.
//!
//! `GCOMPAT_CHECK_CORPUS=full` checks all of /usr instead of those two
//! folders; `GCOMPAT_CHECK_CORPUS=DIR:DIR...` checks those.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Instant;

use common::{Compared, Pieces};
use gcompat_tests::{cache, musl_library_path};

fn corpus() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = match std::env::var("GCOMPAT_CHECK_CORPUS").ok().as_deref() {
        None | Some("") => vec!["/usr/bin".into(), "/usr/lib/x86_64-linux-gnu".into()],
        Some("full") => vec!["/usr".into()],
        Some(list) => return list.split(':').map(PathBuf::from).collect(),
    };
    // The vendor wheels tests/vendor.rs and the differential tests use.
    if let Ok(entries) = std::fs::read_dir(cache()) {
        let mut wheels: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().starts_with("wheels"))
            .map(|e| e.path())
            .collect();
        wheels.sort();
        dirs.extend(wheels);
    }
    dirs.into_iter().filter(|d| d.exists()).collect()
}

struct Figures {
    compared: usize,
    agree: usize,
    /// Why files were not comparable, and how many.
    explained: std::collections::BTreeMap<&'static str, usize>,
    runs: usize,
    disagreements: Vec<String>,
}

/// Checks `dirs` in one run of the checker, then asks musl about each file
/// (two at a time: one per core).
fn agreement(label: &str, pieces: &Pieces, dirs: &[PathBuf]) -> Figures {
    let cwd = common::scratch(&format!("agreement-{label}"));
    let library_path = musl_library_path();
    let paths: Vec<&Path> = dirs.iter().map(PathBuf::as_path).collect();
    let started = Instant::now();
    let (report, _) = common::check_json(pieces, &paths, Some(&library_path), &cwd);
    let check_time = started.elapsed();
    let files = report["files"].as_array().unwrap();

    let started = Instant::now();
    let next = Mutex::new(0usize);
    let results = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let i = {
                        let mut next = next.lock().unwrap();
                        *next += 1;
                        *next - 1
                    };
                    let Some(file) = files.get(i) else { break };
                    let compared = common::compare(pieces, file, Some(&library_path), &cwd);
                    results.lock().unwrap().push((file["verdict"] == "runs", compared));
                }
            });
        }
    });
    let mut figures =
        Figures { compared: 0, agree: 0, explained: Default::default(), runs: 0, disagreements: Vec::new() };
    for (runs, compared) in results.into_inner().unwrap() {
        match compared {
            Compared::Agree => {
                figures.compared += 1;
                figures.agree += 1;
                figures.runs += usize::from(runs);
            }
            Compared::Disagree(what) => {
                figures.compared += 1;
                figures.disagreements.push(what);
            }
            Compared::Explained(why) => *figures.explained.entry(why).or_default() += 1,
        }
    }
    figures.disagreements.sort();
    println!(
        "agreement ({label}, {}): {} of {} files agree with musl's loader ({} run, {} fail), {} disagree; not comparable in ldd mode: {:?}; {} other files skipped; checker {:.2} s, musl --list {:.2} s",
        dirs.iter().map(|d| d.display().to_string()).collect::<Vec<_>>().join(" "),
        figures.agree,
        figures.compared,
        figures.runs,
        figures.agree - figures.runs,
        figures.disagreements.len(),
        figures.explained,
        report["summary"]["skipped"],
        check_time.as_secs_f64(),
        started.elapsed().as_secs_f64(),
    );
    figures
}

/// Whether the corpus agreed, and proved something.
fn verdict(figures: &Figures) -> Result<(), String> {
    if !figures.disagreements.is_empty() {
        return Err(format!(
            "{} disagreement(s) with musl's loader:\n{}",
            figures.disagreements.len(),
            figures.disagreements.join("\n")
        ));
    }
    // A corpus with nothing to compare, or only one verdict, proves nothing.
    if figures.compared < 100 {
        return Err(format!("only {} files compared", figures.compared));
    }
    if figures.runs == 0 || figures.runs == figures.agree {
        return Err(format!("both verdicts must occur: {} of {} run", figures.runs, figures.agree));
    }
    Ok(())
}

/// Prints `agreement: N passed, N failed, N skipped`, one per musl: 1.2.5
/// on the corpus, and 1.2.3 (which exports the LFS64 names and ignores
/// DT_RELR: the checker must follow the musl it is given) on /usr/bin.
fn main() {
    let (mut passed, mut failed, mut skipped) = (0, 0, 0);
    let runs = [
        ("musl 1.2.5", common::pieces(), corpus()),
        ("musl 1.2.3", common::pieces_123(), vec![PathBuf::from("/usr/bin")]),
    ];
    for (label, pieces, dirs) in runs {
        let Some(pieces) = pieces else {
            skipped += 1;
            continue;
        };
        match verdict(&agreement(label, &pieces, &dirs)) {
            Ok(()) => {
                println!("ok {label}");
                passed += 1;
            }
            Err(why) => {
                println!("FAIL {label}: {why}");
                failed += 1;
            }
        }
    }
    println!("agreement: {passed} passed, {failed} failed, {skipped} skipped");
    if failed > 0 || (skipped > 0 && gcompat_tests::require_all()) {
        std::process::exit(1);
    }
}
