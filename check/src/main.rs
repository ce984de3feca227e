//! gcompat-check: will these glibc programs run on musl with libgcompat?
//!
//! For each ELF program or shared object named, or found in the folders
//! named, it loads the process the way musl's loader would (loader.rs) and
//! reports what musl refuses or the shim does not implement (check.rs).
//! Exit status: 0 everything will run, 1 something will not, 2 bad input.

mod check;
mod elf;
mod loader;
mod report;

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use check::{Index, Kind, Problem, Reason};
use loader::{Env, Files, Inode, Musl, NodeKind, Shim};
use report::{FileReport, Output, Summary};

/// What the build carried over from the repository (build.rs).
mod data {
    include!(concat!(env!("OUT_DIR"), "/data.rs"));
}

const USAGE: &str = "\
usage: gcompat-check [--musl PATH] [--shim PATH] [--json] PATH...

Checks whether glibc programs and shared objects will load on musl with the
libgcompat shim, the way musl's loader would: the DT_NEEDED tree (found
through LD_LIBRARY_PATH, DT_RUNPATH/DT_RPATH with $ORIGIN, and musl's
/etc/ld-musl-<arch>.path), every symbol reference, the relocation types,
the interpreter and the architecture. Folders are searched recursively;
files in them that are not ELF programs or libraries are skipped.

  --musl PATH  musl's libc.so (its loader) to check against
  --shim PATH  libgcompat.so.0 to check against
  --json       print the report as JSON (schema.json in the sources)
  --help       print this
  --version    print the version

Exit status: 0 everything will run, 1 something will not, 2 bad input.
";

struct Args {
    musl: String,
    shim: String,
    json: bool,
    paths: Vec<String>,
}

fn parse_args() -> Result<Option<Args>, String> {
    let mut args =
        Args { musl: data::DEFAULT_MUSL.into(), shim: data::DEFAULT_SHIM.into(), json: false, paths: Vec::new() };
    let mut it = std::env::args_os().skip(1);
    let mut options = true;
    while let Some(arg) = it.next() {
        let arg = arg.into_string().map_err(|a| format!("{}: not UTF-8", a.to_string_lossy()))?;
        if !options || !arg.starts_with("--") {
            args.paths.push(arg);
            continue;
        }
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) => (f.to_string(), Some(v.to_string())),
            None => (arg.clone(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            match inline.clone().or_else(|| it.next().and_then(|v| v.into_string().ok())) {
                Some(v) if !v.is_empty() => Ok(v),
                _ => Err(format!("{name} needs a path")),
            }
        };
        match flag.as_str() {
            "--" => options = false,
            "--musl" => args.musl = value("--musl")?,
            "--shim" => args.shim = value("--shim")?,
            "--json" if inline.is_none() => args.json = true,
            "--help" => {
                print!("{USAGE}");
                return Ok(None);
            }
            "--version" => {
                println!("gcompat-check {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            _ => return Err(format!("unknown option {arg}")),
        }
    }
    if args.paths.is_empty() {
        return Err("no PATH to check".into());
    }
    Ok(Some(args))
}

/// A file to check, as the user's path names it.
struct Root {
    path: String,
    inode: Inode,
    /// Named on the command line (not found in a folder): a file that is
    /// no program or library is then bad input, not skipped.
    explicit: bool,
}

/// The files the paths name: files as they are, folders walked (not
/// following symbolic links); ELF files only, each inode once.
fn collect(paths: &[String]) -> Result<(Vec<Root>, usize), Vec<String>> {
    let mut errors = Vec::new();
    let mut candidates: Vec<Root> = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Err(e) => errors.push(format!("{path}: {}", loader::describe(&e))),
            Ok(meta) if meta.is_dir() => walk(Path::new(path), &mut candidates, &mut errors),
            Ok(meta) => candidates.push(Root { path: path.clone(), inode: loader::inode(&meta), explicit: true }),
        }
    }
    let mut seen = FxHashSet::default();
    candidates.retain(|r| seen.insert(r.inode));
    // Reading the first bytes of every file of a big tree: in parallel.
    let checked: Vec<Result<bool, String>> = candidates.par_iter().map(|r| is_elf_file(&r.path)).collect();
    let mut roots = Vec::new();
    let mut skipped = 0;
    for (root, elf) in candidates.into_iter().zip(checked) {
        match elf {
            Ok(true) => roots.push(root),
            Ok(false) if root.explicit => errors.push(format!("{}: not an ELF file", root.path)),
            Ok(false) => skipped += 1,
            Err(e) => errors.push(format!("{}: {e}", root.path)),
        }
    }
    if errors.is_empty() { Ok((roots, skipped)) } else { Err(errors) }
}

fn walk(dir: &Path, out: &mut Vec<Root>, errors: &mut Vec<String>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return errors.push(format!("{}: {}", dir.display(), loader::describe(&e))),
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.is_dir() => walk(&path, out, errors),
            Ok(meta) if meta.is_file() => out.push(Root {
                path: path.to_string_lossy().into_owned(),
                inode: loader::inode(&meta),
                explicit: false,
            }),
            Ok(_) => {}
            Err(e) => errors.push(format!("{}: {}", path.display(), loader::describe(&e))),
        }
    }
}

fn is_elf_file(path: &str) -> Result<bool, String> {
    use std::io::Read;
    let mut magic = [0u8; 4];
    let mut file = std::fs::File::open(path).map_err(|e| loader::describe(&e))?;
    match file.read_exact(&mut magic) {
        Ok(()) => Ok(elf::is_elf(&magic)),
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => Ok(false),
        Err(e) => Err(loader::describe(&e)),
    }
}

/// A progress bar on stderr while many files are checked, on a terminal.
struct Progress {
    done: AtomicUsize,
    total: usize,
    stop: AtomicBool,
}

impl Progress {
    fn tick(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    fn draw(&self) {
        let done = self.done.load(Ordering::Relaxed).min(self.total);
        let width = 40;
        let filled = done * width / self.total.max(1);
        // Two steps per file (its tree, then its symbols): count files.
        eprint!(
            "\rchecking [{}{}] {}/{} files",
            "#".repeat(filled),
            " ".repeat(width - filled),
            done / 2,
            self.total / 2
        );
        let _ = std::io::stderr().flush();
    }
}

/// The outcome of a root before its symbols are checked.
enum Loaded {
    Skip,
    BadInput(String),
    Done(FileReport),
    Tree { path: String, kind: Kind, tree: loader::Tree, problems: Vec<Problem> },
}

fn load_root(env: &Env, files: &Files, root: &Root) -> Loaded {
    let id = files.id(root.inode, &root.path);
    let entry = files.object(id);
    let obj = match entry.parsed() {
        Ok(obj) => obj,
        Err(e) => {
            let problems = vec![Problem::new(Reason::Unreadable, e.clone())];
            return Loaded::Done(FileReport::new(root.path.clone(), Kind::SharedObject, Vec::new(), problems));
        }
    };
    if !obj.is_loadable_type() || obj.debug_info {
        return if root.explicit {
            let what = if obj.debug_info { "debug information" } else { "not a program or a shared object" };
            Loaded::BadInput(format!("{}: an ELF file, but {what}", root.path))
        } else {
            Loaded::Skip
        };
    }
    let mut problems = Vec::new();
    let kind = check::kind(obj);
    if !check::root_problems(env, obj, &mut problems) {
        return Loaded::Done(FileReport::new(root.path.clone(), kind, Vec::new(), problems));
    }
    // $ORIGIN of a program is where /proc/self/exe points.
    let name = loader::canonical(Path::new(&root.path)).to_string_lossy().into_owned();
    let tree = loader::load_tree(files, env, id, &name);
    Loaded::Tree { path: root.path.clone(), kind, tree, problems }
}

fn run(args: Args) -> Result<bool, Vec<String>> {
    // The defaults are where `make install` puts musl and the shim.
    let hint = |what: &str, path: &str, default: &str| match path == default {
        true => format!(" (the default; name yours with --{what} PATH)"),
        false => String::new(),
    };
    let musl = Musl::load(&args.musl)
        .map_err(|e| vec![format!("--musl {}: {e}{}", args.musl, hint("musl", &args.musl, data::DEFAULT_MUSL))])?;
    let shim = Shim::load(&args.shim, &musl)
        .map_err(|e| vec![format!("--shim {}: {e}{}", args.shim, hint("shim", &args.shim, data::DEFAULT_SHIM))])?;
    let env = Env::new(musl, shim, std::env::var("LD_LIBRARY_PATH").ok().filter(|p| !p.is_empty()));
    let (roots, skipped) = collect(&args.paths)?;

    let progress = Progress { done: AtomicUsize::new(0), total: 2 * roots.len(), stop: AtomicBool::new(false) };
    let show = std::io::stderr().is_terminal() && roots.len() >= 100;
    let files = Files::new(&env);
    let (loaded, reports) = std::thread::scope(|s| {
        if show {
            s.spawn(|| {
                while !progress.stop.load(Ordering::Relaxed) {
                    progress.draw();
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
                eprint!("\r\x1b[K");
            });
        }
        let loaded: Vec<Loaded> = roots
            .par_iter()
            .map(|root| {
                let l = load_root(&env, &files, root);
                progress.tick();
                l
            })
            .collect();
        let index = Index::build(&files);
        let reports: Vec<Option<FileReport>> = loaded
            .par_iter()
            .map(|l| {
                progress.tick();
                match l {
                    Loaded::Tree { path, kind, tree, problems } => {
                        let mut problems = problems.clone();
                        check::tree_problems(&env, &files, &index, tree, &mut problems);
                        let names = tree
                            .nodes
                            .iter()
                            .map(|n| match n.kind {
                                NodeKind::Musl => env.musl.path.clone(),
                                NodeKind::File(_) => n.name.clone(),
                            })
                            .collect();
                        Some(FileReport::new(path.clone(), *kind, names, problems))
                    }
                    _ => None,
                }
            })
            .collect();
        progress.stop.store(true, Ordering::Relaxed);
        (loaded, reports)
    });

    let mut bad = Vec::new();
    let mut files_out = Vec::new();
    let mut skipped = skipped;
    for (l, r) in loaded.into_iter().zip(reports) {
        match (l, r) {
            (Loaded::BadInput(e), _) => bad.push(e),
            (Loaded::Skip, _) => skipped += 1,
            (Loaded::Done(report), _) => files_out.push(report),
            (_, Some(report)) => files_out.push(report),
            _ => {}
        }
    }
    if !bad.is_empty() {
        return Err(bad);
    }
    files_out.sort_by(|a, b| a.path.cmp(&b.path));
    let output = Output {
        schema_version: report::SCHEMA_VERSION,
        tool: format!("gcompat-check {}", env!("CARGO_PKG_VERSION")),
        musl: report::MuslInfo {
            path: env.musl.path.clone(),
            arch: env.musl.arch.to_string(),
            lfs64_by_relocation: env.musl.lfs64_by_relocation,
        },
        shim: report::ShimInfo {
            path: env.shim.path.clone(),
            exports: env.shim.exports.len(),
            newest_version: env.shim.newest.clone(),
            unimplemented: {
                let mut names: Vec<String> = env.shim.unimplemented.keys().map(|s| s.to_string()).collect();
                names.sort();
                names
            },
            unimplemented_source: data::UNIMPLEMENTED_SOURCE.to_string(),
        },
        library_path: env.env_path.clone(),
        system_path: env.sys_path.clone(),
        summary: Summary::count(&files_out, skipped),
        files: files_out,
    };
    let text = if args.json {
        let mut json = serde_json::to_string_pretty(&output).expect("serializable");
        json.push('\n');
        json
    } else {
        report::human(&output)
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) is no failure of the check.
    let _ = stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush());
    Ok(output.summary.will_not_run == 0)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(args)) => args,
        Ok(None) => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gcompat-check: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(errors) => {
            for e in errors {
                eprintln!("gcompat-check: {e}");
            }
            ExitCode::from(2)
        }
    }
}
