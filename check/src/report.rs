//! The two outputs: a summary for people (one line per file and reason,
//! grouped by reason, then a count) and `--json` for CI, whose shape
//! `schema.json` fixes.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::check::{Kind, Problem, Reason, Severity};
use crate::loader;

/// `schema_version` of the JSON output: raised when a field changes meaning
/// or goes away (adding one does not).
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
pub struct Output {
    pub schema_version: u32,
    pub tool: String,
    pub musl: MuslInfo,
    pub shim: ShimInfo,
    /// LD_LIBRARY_PATH as the check used it.
    pub library_path: Option<String>,
    /// musl's system path: /etc/ld-musl-<arch>.path, else its default.
    pub system_path: String,
    pub summary: Summary,
    pub files: Vec<FileReport>,
}

#[derive(Serialize)]
pub struct MuslInfo {
    pub path: String,
    pub arch: String,
    /// musl 1.2.4+: LFS64 names bound to the plain ones; DT_RELR applied.
    pub lfs64_by_relocation: bool,
}

#[derive(Serialize)]
pub struct ShimInfo {
    pub path: String,
    pub exports: usize,
    pub newest_version: Option<String>,
    /// Its exports documented as not implemented...
    pub unimplemented: Vec<String>,
    /// ...as the repository's list said when this tool was built.
    pub unimplemented_source: String,
}

#[derive(Serialize, Default)]
pub struct Summary {
    /// ELF programs and shared objects checked.
    pub checked: usize,
    pub will_run: usize,
    pub will_not_run: usize,
    /// Of those that will run, how many have warnings.
    pub with_warnings: usize,
    /// Files in the folders given that are not ELF programs or libraries.
    pub skipped: usize,
}

#[derive(Serialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Runs,
    Fails,
}

#[derive(Serialize)]
pub struct FileReport {
    pub path: String,
    pub kind: Kind,
    pub verdict: Verdict,
    /// The objects of its process in musl's load order (musl itself by its
    /// path); empty for static files and files not loaded.
    pub loaded: Vec<String>,
    pub problems: Vec<Problem>,
}

impl FileReport {
    pub fn new(path: String, kind: Kind, loaded: Vec<String>, mut problems: Vec<Problem>) -> FileReport {
        problems.sort();
        problems.dedup();
        let fails = problems.iter().any(|p| p.severity == Severity::Error);
        FileReport { path, kind, verdict: if fails { Verdict::Fails } else { Verdict::Runs }, loaded, problems }
    }
}

impl Summary {
    pub fn count(files: &[FileReport], skipped: usize) -> Summary {
        let will_not_run = files.iter().filter(|f| f.verdict == Verdict::Fails).count();
        Summary {
            checked: files.len(),
            will_run: files.len() - will_not_run,
            will_not_run,
            with_warnings: files.iter().filter(|f| f.verdict == Verdict::Runs && !f.problems.is_empty()).count(),
            skipped,
        }
    }
}

/// How many items one line shows before "(+N more)".
const ITEMS_PER_LINE: usize = 6;

/// What one problem adds to its file's line, and the object of the
/// process it is in when that is not the file itself.
type Item = (Option<String>, String);
/// A reason's group in the summary: its files and their items.
type Groups<'a> = BTreeMap<(Severity, Reason), Vec<(&'a str, Vec<Item>)>>;

fn item(p: &Problem, file: &str) -> Item {
    let elsewhere = p.object.as_deref().filter(|o| *o != file).map(String::from);
    let text = match p.reason {
        Reason::MissingLibrary => {
            let (lib, by) = (p.library.as_deref().unwrap_or("?"), p.needed_by.as_deref().unwrap_or("?"));
            // "not found" is what the group says; anything else is told.
            let why = p.detail.rsplit_once(": ").map(|(_, w)| w).filter(|w| *w != loader::NOT_FOUND);
            let notes: Vec<String> =
                why.map(String::from).into_iter().chain((by != file).then(|| format!("needed by {by}"))).collect();
            return (None, if notes.is_empty() { lib.to_string() } else { format!("{lib} ({})", notes.join(", ")) });
        }
        Reason::SymbolNotFound | Reason::Unimplemented | Reason::Ifunc if p.symbol.is_some() => {
            let sym = p.symbol.as_deref().unwrap();
            match &p.version {
                Some(v) => format!("{sym}@{v}"),
                None => sym.to_string(),
            }
        }
        Reason::UnsupportedRelocation | Reason::Ifunc => {
            format!("{} x{}", p.relocation.as_deref().unwrap_or("?"), p.count.unwrap_or(0))
        }
        Reason::UnknownInterpreter => p.interpreter.clone().unwrap_or_default(),
        Reason::ForeignArchitecture | Reason::Unreadable => p.detail.clone(),
        _ => return (None, elsewhere.unwrap_or_else(|| "itself".to_string())),
    };
    (elsewhere, text)
}

/// One file's line for one reason: its items, those of other objects of its
/// process grouped under "(in OBJECT)", at most ITEMS_PER_LINE in all.
fn line(items: &[Item]) -> String {
    let mut groups: Vec<(&Option<String>, Vec<&str>)> = Vec::new();
    for (object, text) in items.iter().take(ITEMS_PER_LINE) {
        match groups.iter_mut().find(|(o, _)| *o == object) {
            Some((_, texts)) => texts.push(text),
            None => groups.push((object, vec![text])),
        }
    }
    let mut parts: Vec<String> = groups
        .into_iter()
        .map(|(object, texts)| match object {
            Some(o) => format!("{} (in {o})", texts.join(", ")),
            None => texts.join(", "),
        })
        .collect();
    if items.len() > ITEMS_PER_LINE {
        parts.push(format!("+{} more", items.len() - ITEMS_PER_LINE));
    }
    parts.join("; ")
}

/// The human summary.
pub fn human(out: &Output) -> String {
    let mut text = String::new();
    // (severity, reason) -> the files with it, with their items
    let mut groups: Groups = BTreeMap::new();
    for file in &out.files {
        let mut by_reason: BTreeMap<(Severity, Reason), Vec<Item>> = BTreeMap::new();
        for p in &file.problems {
            by_reason.entry((p.severity, p.reason)).or_default().push(item(p, &file.path));
        }
        for (key, mut items) in by_reason {
            // The file's own items first (None sorts first), then object
            // by object; each once.
            items.sort_unstable();
            items.dedup();
            groups.entry(key).or_default().push((&file.path, items));
        }
    }
    for ((severity, reason), files) in &groups {
        let lead = match severity {
            Severity::Error => "will not run",
            Severity::Warning => "warning",
        };
        writeln!(text, "{lead}: {} ({})", reason.title(), plural(files.len(), "file")).unwrap();
        for (path, items) in files {
            writeln!(text, "  {path}: {}", line(items)).unwrap();
        }
    }
    let s = &out.summary;
    let warnings = if s.with_warnings > 0 { format!(" ({} with warnings)", s.with_warnings) } else { String::new() };
    let skipped = if s.skipped > 0 { format!("; {} other files skipped", s.skipped) } else { String::new() };
    writeln!(
        text,
        "{} checked against musl {} and shim {}: {} will run{warnings}, {} will not{skipped}",
        plural(s.checked, "file"),
        out.musl.path,
        out.shim.path,
        s.will_run,
        s.will_not_run
    )
    .unwrap();
    text
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 { format!("1 {what}") } else { format!("{n} {what}s") }
}
