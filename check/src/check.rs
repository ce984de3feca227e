//! The verdict on one file: its process's load list (loader.rs), then every
//! symbol reference bound the way musl binds it, every relocation type
//! musl must apply, and what the shim only pretends to have.

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::elf::{self, DefKind, Object};
use crate::loader::{self, Env, Files, NodeKind, Tree};

/// Why a file will not run, or may misbehave. The JSON names are the
/// kebab-case forms (schema.json lists them); they are stable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// A DT_NEEDED library that is not found, or not loadable.
    MissingLibrary,
    /// A reference no loaded object defines (musl: "symbol not found").
    SymbolNotFound,
    /// An IRELATIVE relocation, or a reference only an IFUNC defines: musl
    /// has no IFUNC support.
    Ifunc,
    /// A relocation type musl's loader refuses.
    UnsupportedRelocation,
    /// DT_RELR relative relocations, which musl before 1.2.4 ignores.
    Relr,
    /// A PT_INTERP that is neither glibc's nor musl's loader.
    UnknownInterpreter,
    /// A file for another architecture than musl's.
    ForeignArchitecture,
    /// The file cannot be read as ELF.
    Unreadable,
    /// Bound to an export the shim documents as not implemented.
    Unimplemented,
    /// PT_GNU_STACK asks for an executable stack, which musl never gives.
    ExecutableStack,
    /// Initial-exec TLS in a library: musl cannot dlopen it after start-up.
    InitialExecTls,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// The file will not run: musl's loader refuses it.
    Error,
    /// It loads; something in it may not work as under glibc.
    Warning,
}

impl Reason {
    pub fn severity(self) -> Severity {
        match self {
            Reason::Unimplemented | Reason::ExecutableStack | Reason::InitialExecTls => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// The heading of its group in the human summary.
    pub fn title(self) -> &'static str {
        match self {
            Reason::MissingLibrary => "missing library",
            Reason::SymbolNotFound => "symbol not found",
            Reason::Ifunc => "IFUNC (musl has none)",
            Reason::UnsupportedRelocation => "relocation type musl refuses",
            Reason::Relr => "DT_RELR (this musl ignores it)",
            Reason::UnknownInterpreter => "unknown interpreter",
            Reason::ForeignArchitecture => "foreign architecture",
            Reason::Unreadable => "unreadable",
            Reason::Unimplemented => "unimplemented in the shim",
            Reason::ExecutableStack => "executable stack (musl never makes one)",
            Reason::InitialExecTls => "initial-exec TLS (musl cannot dlopen it after start-up)",
        }
    }
}

/// One problem: which fields are set depends on the reason (schema.json).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Problem {
    pub reason: Reason,
    pub severity: Severity,
    /// The object of the process the problem is in (musl's name for it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    /// The version the reference asks for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// missing-library: the DT_NEEDED name; a symbol: the library its
    /// version belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub library: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub needed_by: Option<String>,
    /// unimplemented: the version the shim exports the name at.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shim_version: Option<String>,
    /// The relocation type's name, and its number (musl's messages give the
    /// number).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relocation: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relocation_type: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interpreter: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub machine: Option<String>,
    /// A sentence for people.
    pub detail: String,
}

impl Problem {
    pub fn new(reason: Reason, detail: String) -> Problem {
        Problem {
            reason,
            severity: reason.severity(),
            object: None,
            symbol: None,
            version: None,
            library: None,
            needed_by: None,
            shim_version: None,
            relocation: None,
            relocation_type: None,
            count: None,
            interpreter: None,
            machine: None,
            detail,
        }
    }

    fn at(mut self, object: &str) -> Problem {
        self.object = Some(object.to_string());
        self
    }
}

/// Which files define each name some reference needs from its own tree:
/// built once over every file met, for the names that matter only.
pub struct Index {
    defs: FxHashMap<&'static str, Vec<(usize, DefKind)>>,
}

impl Index {
    pub fn build(files: &Files) -> Index {
        let all = files.all();
        let parsed = || all.iter().enumerate().filter_map(|(id, e)| e.object_if_parsed().map(|o| (id, o)));
        let wanted: FxHashSet<&'static str> = parsed().flat_map(|(_, o)| o.imports.iter().map(|i| i.name)).collect();
        let mut defs: FxHashMap<&'static str, Vec<(usize, DefKind)>> = FxHashMap::default();
        for (id, obj) in parsed() {
            for export in &obj.exports {
                if wanted.contains(export.name) {
                    defs.entry(export.name).or_default().push((id, export.kind));
                }
            }
        }
        Index { defs }
    }

    fn get(&self, name: &str) -> &[(usize, DefKind)] {
        self.defs.get(name).map_or(&[], Vec::as_slice)
    }
}

/// What a file is, for the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Has a PT_INTERP, or is ET_EXEC.
    Program,
    /// ET_DYN without PT_INTERP: a library or plugin, checked as if a
    /// program loaded it at start-up.
    SharedObject,
    /// No PT_DYNAMIC, or a static-pie: the kernel runs it, musl is never
    /// involved.
    Static,
}

pub fn kind(obj: &Object) -> Kind {
    if !obj.dynamic || obj.static_pie {
        Kind::Static
    } else if obj.interp.is_some() || obj.is_exec() {
        Kind::Program
    } else {
        Kind::SharedObject
    }
}

/// The interpreters a glibc or musl program may name on musl's system:
/// glibc's, where the loader stub is installed (glibc's own directory and
/// the shim's), and musl's own.
fn known_interpreter(env: &Env, interp: &str) -> bool {
    let musl = format!("/lib/ld-musl-{}.so.1", env.musl.arch);
    let shim_dir = crate::data::DEFAULT_SHIM.rsplit_once('/').map_or("/lib", |(d, _)| d);
    interp == musl
        || env
            .musl
            .glibc_ld()
            .is_some_and(|(name, dir)| interp == format!("{dir}/{name}") || interp == format!("{shim_dir}/{name}"))
}

/// The checks on the root file that need no tree. Returns `false` when the
/// tree is not worth loading (another architecture, a static program).
pub fn root_problems(env: &Env, obj: &Object, problems: &mut Vec<Problem>) -> bool {
    if obj.machine != env.musl.machine || obj.is_64 != env.musl.is_64 {
        let mut p = Problem::new(
            Reason::ForeignArchitecture,
            format!(
                "a {}-bit {} file; musl is {}-bit {}",
                if obj.is_64 { 64 } else { 32 },
                elf::machine_name(obj.machine),
                if env.musl.is_64 { 64 } else { 32 },
                elf::machine_name(env.musl.machine)
            ),
        );
        p.machine = Some(elf::machine_name(obj.machine));
        problems.push(p);
        return false;
    }
    if kind(obj) == Kind::Static {
        return false;
    }
    if obj.no_sections {
        problems.push(Problem::new(Reason::Unreadable, "no section headers: its symbol tables cannot be found".into()));
        return false;
    }
    if let Some(interp) = obj.interp.filter(|i| !known_interpreter(env, i)) {
        let mut p = Problem::new(
            Reason::UnknownInterpreter,
            format!(
                "PT_INTERP {interp} is neither glibc's loader (the loader stub) nor musl's: the kernel will not find it"
            ),
        );
        p.interpreter = Some(interp.to_string());
        problems.push(p);
    }
    if kind(obj) == Kind::SharedObject && obj.static_tls && obj.has_tls {
        problems.push(Problem::new(
            Reason::InitialExecTls,
            "it uses initial-exec TLS (DF_STATIC_TLS): it loads when linked or preloaded, but musl's dlopen refuses it after start-up".into(),
        ));
    }
    true
}

/// Every problem of the process whose load list is `tree`.
pub fn tree_problems(env: &Env, files: &Files, index: &Index, tree: &Tree, problems: &mut Vec<Problem>) {
    let ids: FxHashSet<usize> = tree
        .nodes
        .iter()
        .filter_map(|n| match n.kind {
            NodeKind::File(id) => Some(id),
            NodeKind::Musl => None,
        })
        .collect();
    let NodeKind::File(app) = tree.nodes[0].kind else { unreachable!("the program is a file") };

    for missing in &tree.missing {
        let by = &tree.nodes[missing.needed_by].name;
        let mut p = Problem::new(Reason::MissingLibrary, format!("{} (needed by {by}): {}", missing.name, missing.why));
        p.library = Some(missing.name.clone());
        p.needed_by = Some(by.clone());
        problems.push(p);
    }

    for node in &tree.nodes {
        let NodeKind::File(id) = node.kind else {
            continue;
        };
        let entry = files.entry(id);
        let Ok(obj) = entry.parsed() else { continue };
        let name = node.name.as_str();

        for import in &obj.imports {
            if let Some(why) = env.shim.unimplemented.get(import.name) {
                // Bound to the shim unless the program, ahead of it in the
                // lookup order, defines the name itself.
                let program_defines = index.get(import.name).iter().any(|&(f, k)| f == app && k == DefKind::Real);
                if !program_defines {
                    let shim_version = env.shim.exports.get(import.name).copied().flatten();
                    let mut p = Problem::new(
                        Reason::Unimplemented,
                        format!("{}: the shim does not implement it ({why})", versioned(import.name, import.version)),
                    )
                    .at(name);
                    p.symbol = Some(import.name.to_string());
                    p.version = import.version.map(String::from);
                    p.library = import.library.map(String::from);
                    p.shim_version = shim_version.map(String::from);
                    problems.push(p);
                }
                // The shim exports every name of that list it is given.
                continue;
            }
            let (mut real, mut plt_address, mut after_program, mut ifunc) = (false, false, false, false);
            for &(f, k) in index.get(import.name) {
                if !ids.contains(&f) {
                    continue;
                }
                match k {
                    DefKind::Real => real = true,
                    DefKind::PltAddress => plt_address = true,
                    DefKind::Ifunc => ifunc = true,
                }
                after_program |= f != app && k != DefKind::Ifunc;
            }
            let bound =
                (!import.plt || real) && (!import.other || real || plt_address) && (!import.copy || after_program);
            if bound {
                continue;
            }
            let reason = if ifunc { Reason::Ifunc } else { Reason::SymbolNotFound };
            let detail = match reason {
                Reason::Ifunc => {
                    format!("{} is defined only as an IFUNC, which musl skips", versioned(import.name, import.version))
                }
                _ => {
                    let newest = match (&env.shim.newest, import.version) {
                        (Some(newest), Some(v))
                            if v.starts_with("GLIBC_2") && loader::version_key(v) > loader::version_key(newest) =>
                        {
                            format!("; it asks for a newer glibc than the shim knows ({newest})")
                        }
                        _ => String::new(),
                    };
                    format!("{}: no loaded object defines it{newest}", versioned(import.name, import.version))
                }
            };
            let mut p = Problem::new(reason, detail).at(name);
            p.symbol = Some(import.name.to_string());
            p.version = import.version.map(String::from);
            p.library = import.library.map(String::from);
            problems.push(p);
        }

        for &(r_type, count) in &obj.unsupported_relocs {
            let relocation = elf::reloc_name(obj.machine, r_type);
            let mut p = Problem::new(
                Reason::UnsupportedRelocation,
                format!("{count} {relocation} relocation(s): musl's loader has no such relocation type"),
            )
            .at(name);
            p.relocation = Some(relocation);
            p.relocation_type = Some(r_type);
            p.count = Some(count);
            problems.push(p);
        }
        if let Some(types) = elf::reloc_types(obj.machine).filter(|_| obj.irelative > 0) {
            let relocation = elf::reloc_name(obj.machine, types.irelative);
            let mut p = Problem::new(
                Reason::Ifunc,
                format!("{} {relocation} relocation(s): IFUNC resolvers, which musl does not run", obj.irelative),
            )
            .at(name);
            p.relocation = Some(relocation);
            p.relocation_type = Some(types.irelative);
            p.count = Some(obj.irelative);
            problems.push(p);
        }
        if obj.relr && !env.musl.applies_relr() {
            problems.push(
                Problem::new(
                    Reason::Relr,
                    "DT_RELR relocations: this musl (before 1.2.4) ignores them and the object crashes".into(),
                )
                .at(name),
            );
        }
        if obj.exec_stack {
            problems.push(
                Problem::new(
                    Reason::ExecutableStack,
                    "PT_GNU_STACK asks for an executable stack; musl's threads never get one".into(),
                )
                .at(name),
            );
        }
    }
}

fn versioned(name: &str, version: Option<&str>) -> String {
    match version {
        Some(v) => format!("{name}@{v}"),
        None => name.to_string(),
    }
}
