//! musl's loader, as a model: which files a process loads, found where, the
//! way `load_library` and `load_deps` in musl's ldso/dynlink.c find them.
//!
//! The process modelled is a glibc program started on musl with the shim
//! preloaded (the loader stub's way, or `ld-musl --preload`): the program,
//! then the shim, then the DT_NEEDED tree breadth first. Searches go
//! LD_LIBRARY_PATH, then the DT_RUNPATH/DT_RPATH of the requesting object
//! and of each object up its `needed_by` chain ($ORIGIN expanded), then
//! musl's system path (`/etc/ld-musl-<arch>.path`, else
//! `/lib:/usr/local/lib:/usr/lib`). The first file of that name found is
//! the one loaded, whatever it is.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use rustc_hash::{FxHashMap, FxHashSet};

use crate::data;
use crate::elf::{self, DefKind, Import, Object, Want};

/// musl's message for a library no search found (strerror(ENOENT)).
pub const NOT_FOUND: &str = "No such file or directory";

/// A file's identity: musl loads a file once per (device, inode).
pub type Inode = (u64, u64);

/// An I/O error as people read it: "No such file or directory", without
/// Rust's " (os error 2)".
pub fn describe(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.rfind(" (os error ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// Maps `path` for the rest of the run: every parsed table borrows from it.
pub fn map(path: &str) -> Result<&'static [u8], String> {
    let file = std::fs::File::open(path).map_err(|e| describe(&e))?;
    if file.metadata().map_err(|e| describe(&e))?.len() == 0 {
        return Ok(&[]);
    }
    // SAFETY: the map is read-only and private; a file changed under the
    // check while it runs gives a wrong verdict for that file, nothing worse
    // (object's readers check every offset against the slice).
    let mapped = unsafe { memmap2::Mmap::map(&file) }.map_err(|e| describe(&e))?;
    Ok(Box::leak(Box::new(mapped)))
}

/// The identity of the file `meta` describes.
pub fn inode(meta: &std::fs::Metadata) -> Inode {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

/// musl's `LDSO_ARCH` for an ELF machine, the `<arch>` of its file names.
fn ldso_arch(machine: u16) -> Option<&'static str> {
    Some(match machine {
        62 => "x86_64",
        183 => "aarch64",
        3 => "i386",
        40 => "arm",
        243 => "riscv64",
        21 => "powerpc64",
        22 => "s390x",
        258 => "loongarch64",
        _ => return None,
    })
}

/// The musl checked against: its `libc.so`, which is also its loader.
pub struct Musl {
    pub path: String,
    pub machine: u16,
    pub is_64: bool,
    pub arch: &'static str,
    pub exports: FxHashSet<&'static str>,
    /// musl 1.2.4 dropped the LFS64 names (`open64`, ...) from libc.so and
    /// binds references to them to the plain names during relocation
    /// (`get_lfs64`); it also started applying DT_RELR then. Both are told
    /// by `open64` no longer being exported.
    pub lfs64_by_relocation: bool,
}

/// The names musl 1.2.4+ binds to the name without `64` (`get_lfs64`).
const LFS64: &[&str] = &[
    "aio_cancel",
    "aio_error",
    "aio_fsync",
    "aio_read",
    "aio_return",
    "aio_suspend",
    "aio_write",
    "alphasort",
    "creat",
    "fallocate",
    "fgetpos",
    "fopen",
    "freopen",
    "fseeko",
    "fsetpos",
    "fstat",
    "fstatat",
    "fstatfs",
    "fstatvfs",
    "ftello",
    "ftruncate",
    "ftw",
    "getdents",
    "getrlimit",
    "glob",
    "globfree",
    "lio_listio",
    "lockf",
    "lseek",
    "lstat",
    "mkostemp",
    "mkostemps",
    "mkstemp",
    "mkstemps",
    "mmap",
    "nftw",
    "open",
    "openat",
    "posix_fadvise",
    "posix_fallocate",
    "pread",
    "preadv",
    "prlimit",
    "pwrite",
    "pwritev",
    "readdir",
    "scandir",
    "sendfile",
    "setrlimit",
    "stat",
    "statfs",
    "statvfs",
    "tmpfile",
    "truncate",
    "versionsort",
    "__fxstat",
    "__fxstatat",
    "__lxstat",
    "__xstat",
];

impl Musl {
    pub fn load(path: &str) -> Result<Musl, String> {
        let data = map(path)?;
        let want = Want { export_versions: false, always_served: &|_| false, keep: &|_| false };
        let obj = elf::parse(data, &want)?;
        let arch = ldso_arch(obj.machine)
            .ok_or_else(|| format!("no musl architecture for {}", elf::machine_name(obj.machine)))?;
        if !obj.is_libc {
            return Err("not a libc: it defines no __libc_start_main and stdin".into());
        }
        let exports: FxHashSet<_> = obj.exports.iter().filter(|e| e.kind == DefKind::Real).map(|e| e.name).collect();
        let lfs64_by_relocation = !exports.contains("open64");
        Ok(Musl { path: path.to_string(), machine: obj.machine, is_64: obj.is_64, arch, exports, lfs64_by_relocation })
    }

    /// Whether musl binds a reference to `name` through its LFS64 mapping
    /// (a 16-byte buffer there: longer names never match).
    pub fn lfs64(&self, name: &str) -> bool {
        if !self.lfs64_by_relocation || name.len() > 16 {
            return false;
        }
        if name == "readdir64_r" {
            return self.exports.contains("readdir_r");
        }
        name.strip_suffix("64").is_some_and(|plain| LFS64.contains(&plain) && self.exports.contains(plain))
    }

    /// musl 1.2.4 and later apply DT_RELR; 1.2.3 ignores it and the object
    /// crashes on its first unrelocated pointer.
    pub fn applies_relr(&self) -> bool {
        self.lfs64_by_relocation
    }

    /// glibc's interpreter name for musl's architecture, and its directory.
    pub fn glibc_ld(&self) -> Option<(&'static str, &'static str)> {
        data::GLIBC_LD.iter().find(|(arch, _, _)| *arch == self.arch).map(|&(_, name, dir)| (name, dir))
    }
}

/// The shim checked against.
pub struct Shim {
    pub path: String,
    pub inode: Inode,
    /// Name -> the version it is exported at.
    pub exports: FxHashMap<&'static str, Option<&'static str>>,
    /// The newest GLIBC_ version it exports anything at.
    pub newest: Option<String>,
    /// Its documented non-implementations it does export: name -> why.
    pub unimplemented: FxHashMap<&'static str, &'static str>,
    /// The loader stub beside it (`<dir>/<glibc interpreter name>`), which a
    /// search for glibc's interpreter name finds first when the shim's
    /// folder is on the library path.
    pub stub: Option<Inode>,
}

/// Orders `GLIBC_2.9` before `GLIBC_2.10`.
pub fn version_key(v: &str) -> Vec<u64> {
    v.trim_start_matches(|c: char| !c.is_ascii_digit()).split('.').map(|n| n.parse().unwrap_or(0)).collect()
}

impl Shim {
    pub fn load(path: &str, musl: &Musl) -> Result<Shim, String> {
        let meta = std::fs::metadata(path).map_err(|e| describe(&e))?;
        let data = map(path)?;
        let want = Want { export_versions: true, always_served: &|_| false, keep: &|_| false };
        let obj = elf::parse(data, &want)?;
        if obj.machine != musl.machine {
            return Err(format!(
                "{} while musl is {}",
                elf::machine_name(obj.machine),
                elf::machine_name(musl.machine)
            ));
        }
        let exports: FxHashMap<_, _> =
            obj.exports.iter().filter(|e| e.kind == DefKind::Real).map(|e| (e.name, e.version)).collect();
        let newest = exports
            .values()
            .flatten()
            .filter(|v| v.starts_with("GLIBC_2"))
            .max_by_key(|v| version_key(v))
            .map(|v| v.to_string());
        if newest.is_none() || !exports.contains_key("__libc_start_main") {
            return Err("not the shim: it exports no __libc_start_main at a GLIBC_ version".into());
        }
        let unimplemented = data::UNIMPLEMENTED
            .iter()
            .filter(|(name, _)| exports.contains_key(name))
            .map(|&(n, why)| (n, why))
            .collect();
        let stub = musl.glibc_ld().and_then(|(name, _)| {
            let dir = Path::new(path).parent()?;
            std::fs::metadata(dir.join(name)).ok().map(|m| inode(&m))
        });
        Ok(Shim { path: path.to_string(), inode: inode(&meta), exports, newest, unimplemented, stub })
    }
}

/// What the model needs besides the files: musl, the shim, the paths.
pub struct Env {
    pub musl: Musl,
    pub shim: Shim,
    /// LD_LIBRARY_PATH.
    pub env_path: Option<String>,
    /// `/etc/ld-musl-<arch>.path`'s contents, else musl's default.
    pub sys_path: String,
}

impl Env {
    pub fn new(musl: Musl, shim: Shim, env_path: Option<String>) -> Env {
        // musl reads <prefix>/etc/ld-musl-<arch>.path, the prefix being its
        // own name less two components: empty for the names it runs under
        // (/lib/ld-musl-<arch>.so.1, /lib64/ld-linux-x86-64.so.2).
        let etc = format!("/etc/ld-musl-{}.path", musl.arch);
        let sys_path = match std::fs::read(&etc) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => "/lib:/usr/local/lib:/usr/lib".to_string(),
            Err(_) => String::new(),
        };
        Env { musl, shim, env_path, sys_path }
    }

    /// A reference every process serves: musl and the shim are always
    /// loaded, and musl maps the LFS64 names.
    pub fn always_served(&self, import: &Import) -> bool {
        self.musl.exports.contains(import.name)
            || self.shim.exports.contains_key(import.name)
            || self.musl.lfs64(import.name)
    }
}

/// One file the model met, parsed once whoever loads it.
pub struct FileEntry {
    pub path: String,
    parsed: OnceLock<Result<Object, String>>,
}

#[derive(Clone, Copy)]
struct Found {
    inode: Inode,
    is_dir: bool,
}

#[derive(Default)]
struct FilesInner {
    stats: FxHashMap<String, Option<Found>>,
    ids: FxHashMap<Inode, usize>,
    entries: Vec<Arc<FileEntry>>,
}

/// Every file met, by path and by inode, shared by the threads.
pub struct Files<'e> {
    env: &'e Env,
    inner: Mutex<FilesInner>,
}

impl<'e> Files<'e> {
    pub fn new(env: &'e Env) -> Files<'e> {
        Files { env, inner: Mutex::new(FilesInner::default()) }
    }

    fn stat(&self, path: &str) -> Option<Found> {
        if let Some(found) = self.inner.lock().unwrap().stats.get(path) {
            return *found;
        }
        let found = std::fs::metadata(path).ok().map(|m| Found { inode: inode(&m), is_dir: m.is_dir() });
        self.inner.lock().unwrap().stats.insert(path.to_string(), found);
        found
    }

    /// The file with identity `inode`, first met at `path`.
    pub fn id(&self, inode: Inode, path: &str) -> usize {
        let mut inner = self.inner.lock().unwrap();
        if let Some(&id) = inner.ids.get(&inode) {
            return id;
        }
        let id = inner.entries.len();
        inner.entries.push(Arc::new(FileEntry { path: path.to_string(), parsed: OnceLock::new() }));
        inner.ids.insert(inode, id);
        id
    }

    pub fn entry(&self, id: usize) -> Arc<FileEntry> {
        self.inner.lock().unwrap().entries[id].clone()
    }

    /// The parsed file `id` (parsed by the first thread that asks).
    pub fn object(&self, id: usize) -> Arc<FileEntry> {
        let entry = self.entry(id);
        entry.parsed.get_or_init(|| {
            let env = self.env;
            let want = Want {
                export_versions: false,
                always_served: &|import| env.always_served(import),
                keep: &|name| env.shim.unimplemented.contains_key(name),
            };
            map(&entry.path).and_then(|data| {
                if !elf::is_elf(data) {
                    return Err("not an ELF file".into());
                }
                elf::parse(data, &want)
            })
        });
        entry
    }

    /// Every file met so far, in id order.
    pub fn all(&self) -> Vec<Arc<FileEntry>> {
        self.inner.lock().unwrap().entries.clone()
    }
}

impl FileEntry {
    /// The parse result: only after [`Files::object`] returned this entry.
    pub fn parsed(&self) -> &Result<Object, String> {
        self.parsed.get().expect("parsed before use")
    }

    /// The file, if it was parsed and is readable.
    pub fn object_if_parsed(&self) -> Option<&Object> {
        self.parsed.get().and_then(|r| r.as_ref().ok())
    }
}

/// What a node of the load list is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeKind {
    /// musl itself (`libc.so.6`, `libm.so.6`, ... and glibc's interpreter
    /// name bind to it).
    Musl,
    File(usize),
}

/// One object of a process, in load order.
pub struct Node {
    pub kind: NodeKind,
    /// The name musl gives it: the path it was opened at.
    pub name: String,
    shortname: Option<String>,
    needed_by: Option<usize>,
    rpath: OnceLock<Option<String>>,
}

/// A DT_NEEDED that did not load.
pub struct Missing {
    pub name: String,
    pub needed_by: usize,
    pub why: String,
}

/// The objects of one process, as musl loads them.
pub struct Tree {
    pub nodes: Vec<Node>,
    pub missing: Vec<Missing>,
}

/// The name prefixes musl takes for itself (`reserved` in load_library):
/// `libc.`, `libpthread.`, `librt.`, `libm.`, `libdl.`, `libutil.`,
/// `libxnet.`.
pub fn is_musl_name(name: &str) -> bool {
    name.strip_prefix("lib").is_some_and(|rest| {
        ["c.", "pthread.", "rt.", "m.", "dl.", "util.", "xnet."].iter().any(|p| rest.starts_with(p))
    })
}

/// Expands a node's search path the way musl's `fixup_rpath` does: `$ORIGIN`
/// and `${ORIGIN}` become the directory of the name the object was opened
/// at; any other `$` token makes musl ignore the whole path.
pub fn expand_origin(rpath: &str, name: &str) -> Option<String> {
    if !rpath.contains('$') {
        return Some(rpath.to_string());
    }
    let origin = name.rfind('/').map_or(".", |i| &name[..i]);
    let mut out = String::new();
    let mut rest = rpath;
    while let Some(i) = rest.find('$') {
        out.push_str(&rest[..i]);
        let token = &rest[i..];
        let len = if token.starts_with("$ORIGIN") {
            7
        } else if token.starts_with("${ORIGIN}") {
            9
        } else {
            return None;
        };
        out.push_str(origin);
        rest = &token[len..];
    }
    out.push_str(rest);
    Some(out)
}

/// musl's `path_open`: the first `<dir>/<name>` that exists, for the
/// directories of `path` (separated by `:` or newlines).
fn path_open(files: &Files, name: &str, path: &str) -> Option<(String, Found)> {
    for dir in path.split([':', '\n']).filter(|d| !d.is_empty()) {
        let candidate = format!("{dir}/{name}");
        // musl's buffer: a longer path is not tried.
        if candidate.len() >= 512 {
            continue;
        }
        if let Some(found) = files.stat(&candidate) {
            return Some((candidate, found));
        }
    }
    None
}

struct Loading<'a, 'e> {
    files: &'a Files<'e>,
    env: &'e Env,
    app_interp: Option<&'a str>,
    tree: Tree,
}

impl Loading<'_, '_> {
    fn musl_node(&mut self) -> usize {
        if let Some(i) = self.tree.nodes.iter().position(|n| n.kind == NodeKind::Musl) {
            return i;
        }
        self.tree.nodes.push(Node {
            kind: NodeKind::Musl,
            name: self.env.musl.path.clone(),
            shortname: None,
            needed_by: None,
            rpath: OnceLock::new(),
        });
        self.tree.nodes.len() - 1
    }

    fn rpath_of(&self, node: usize) -> Option<&str> {
        let n = &self.tree.nodes[node];
        n.rpath
            .get_or_init(|| match n.kind {
                NodeKind::File(id) => {
                    let entry = self.files.entry(id);
                    let rpath = entry.parsed().as_ref().ok()?.rpath?;
                    expand_origin(rpath, &n.name)
                }
                NodeKind::Musl => None,
            })
            .as_deref()
    }

    /// LD_LIBRARY_PATH, then the search paths up the `needed_by` chain.
    fn search_early(&self, name: &str, needed_by: Option<usize>) -> Option<(String, Found)> {
        if let Some(found) = self.env.env_path.as_deref().and_then(|p| path_open(self.files, name, p)) {
            return Some(found);
        }
        let mut p = needed_by;
        while let Some(i) = p {
            if let Some(found) = self.rpath_of(i).and_then(|rp| path_open(self.files, name, rp)) {
                return Some(found);
            }
            p = self.tree.nodes[i].needed_by;
        }
        None
    }

    /// musl's `load_library(name, needed_by)`: the node it binds to.
    fn load(&mut self, name: &str, needed_by: Option<usize>) -> Result<usize, String> {
        if name.is_empty() {
            return Err("Invalid argument".into());
        }
        // As the interpreter, musl's own name is the program's PT_INTERP.
        if is_musl_name(name) || Some(name) == self.app_interp {
            return Ok(self.musl_node());
        }
        let searched = !name.contains('/');
        let (path, found) = if !searched {
            match self.files.stat(name) {
                Some(found) => (name.to_string(), found),
                None => return Err(NOT_FOUND.into()),
            }
        } else {
            if let Some(i) = self.tree.nodes.iter().skip(1).position(|n| n.shortname.as_deref() == Some(name)) {
                return Ok(i + 1);
            }
            if name.len() > 255 {
                return Err("File name too long".into());
            }
            let early = self.search_early(name, needed_by);
            // The shim's library names are links to it beside it in the
            // system's library folder, which comes before musl's system path
            // is read; glibc's interpreter name is the loader stub there,
            // which binds to musl. A file of that name found earlier on the
            // library path or a run path is what loads instead.
            let glibc_ld = self.env.musl.glibc_ld().map(|(n, _)| n);
            if data::LIBNAMES.contains(&name) && early.as_ref().is_none_or(|(_, f)| f.inode == self.env.shim.inode) {
                return Ok(self.shim_node(searched));
            }
            if Some(name) == glibc_ld && early.as_ref().is_none_or(|(_, f)| Some(f.inode) == self.env.shim.stub) {
                return Ok(self.musl_node());
            }
            match early.or_else(|| path_open(self.files, name, &self.env.sys_path)) {
                Some(found) => found,
                None => return Err(NOT_FOUND.into()),
            }
        };
        if found.is_dir {
            return Err("Is a directory".into());
        }
        let id = self.files.id(found.inode, &path);
        // The program itself is not matched by inode: musl loads it again.
        for (i, node) in self.tree.nodes.iter_mut().enumerate().skip(1) {
            if node.kind == NodeKind::File(id) {
                if node.shortname.is_none() && searched {
                    node.shortname = node.name.rsplit('/').next().map(String::from);
                }
                return Ok(i);
            }
        }
        let entry = self.files.object(id);
        let obj = entry.parsed().as_ref().map_err(|e| format!("cannot read it: {e}"))?;
        if !obj.is_loadable_type() || !obj.dynamic || obj.debug_info {
            return Err("Exec format error".into());
        }
        if obj.machine != self.env.musl.machine || obj.is_64 != self.env.musl.is_64 {
            return Err(format!("Exec format error (it is {})", elf::machine_name(obj.machine)));
        }
        if obj.is_libc {
            return Ok(self.musl_node());
        }
        let shortname = searched.then(|| path.rsplit('/').next().unwrap().to_string());
        self.tree.nodes.push(Node {
            kind: NodeKind::File(id),
            name: path,
            shortname,
            needed_by,
            rpath: OnceLock::new(),
        });
        Ok(self.tree.nodes.len() - 1)
    }

    fn shim_node(&mut self, searched: bool) -> usize {
        let shim = self.files.id(self.env.shim.inode, &self.env.shim.path);
        let i = self.tree.nodes.iter().skip(1).position(|n| n.kind == NodeKind::File(shim)).map(|i| i + 1);
        let i = i.unwrap_or_else(|| {
            let path = self.env.shim.path.clone();
            self.tree.nodes.push(Node {
                kind: NodeKind::File(shim),
                name: path,
                shortname: None,
                needed_by: None,
                rpath: OnceLock::new(),
            });
            self.tree.nodes.len() - 1
        });
        let node = &mut self.tree.nodes[i];
        if node.shortname.is_none() && searched {
            node.shortname = node.name.rsplit('/').next().map(String::from);
        }
        i
    }
}

/// The load list of a process whose program is file `app`, opened at
/// `name` (the name $ORIGIN is taken from), with the shim preloaded.
pub fn load_tree(files: &Files, env: &Env, app: usize, name: &str) -> Tree {
    let entry = files.object(app);
    let app_interp = entry.parsed().as_ref().ok().and_then(|o| o.interp);
    let mut loading = Loading {
        files,
        env,
        app_interp,
        tree: Tree {
            nodes: vec![Node {
                kind: NodeKind::File(app),
                name: name.to_string(),
                shortname: None,
                needed_by: None,
                rpath: OnceLock::new(),
            }],
            missing: Vec::new(),
        },
    };
    // The preload: by path, so found by inode only.
    let shim = files.id(env.shim.inode, &env.shim.path);
    files.object(shim);
    if shim != app {
        loading.shim_node(false);
    }
    let mut i = 0;
    while i < loading.tree.nodes.len() {
        if let NodeKind::File(id) = loading.tree.nodes[i].kind {
            let entry = files.object(id);
            if let Ok(obj) = entry.parsed() {
                for &needed in &obj.needed {
                    if let Err(why) = loading.load(needed, Some(i)) {
                        loading.tree.missing.push(Missing { name: needed.to_string(), needed_by: i, why });
                    }
                }
            }
        }
        i += 1;
    }
    loading.tree
}

/// `path` made absolute and free of symbolic links, as the kernel names a
/// program for `$ORIGIN` (/proc/self/exe).
pub fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn musl_names() {
        for name in [
            "libc.so.6",
            "libm.so.6",
            "libpthread.so.0",
            "librt.so.1",
            "libdl.so.2",
            "libutil.so.1",
            "libxnet.so",
            "libc.so",
        ] {
            assert!(is_musl_name(name), "{name}");
        }
        for name in ["libcrypt.so.1", "libresolv.so.2", "libmvec.so.1", "libcap.so.2", "ld-linux-x86-64.so.2", "libc"] {
            assert!(!is_musl_name(name), "{name}");
        }
    }

    #[test]
    fn origin() {
        assert_eq!(expand_origin("$ORIGIN/../lib", "/opt/app/bin/app").as_deref(), Some("/opt/app/bin/../lib"));
        assert_eq!(expand_origin("${ORIGIN}:/x:$ORIGIN/y", "lib/libz.so").as_deref(), Some("lib:/x:lib/y"));
        assert_eq!(expand_origin("$ORIGIN", "app").as_deref(), Some("."));
        assert_eq!(expand_origin("/usr/lib", "/a/b").as_deref(), Some("/usr/lib"));
        // musl ignores a path with a token it does not know.
        assert_eq!(expand_origin("$ORIGIN:$LIB", "/a/b"), None);
        assert_eq!(expand_origin("$PLATFORM/lib", "/a/b"), None);
    }

    #[test]
    fn lfs64_mapping() {
        let musl = Musl {
            path: String::new(),
            machine: 62,
            is_64: true,
            arch: "x86_64",
            exports: ["open", "readdir_r", "posix_fallocate", "fcntl", "stat"].into_iter().collect(),
            lfs64_by_relocation: true,
        };
        assert!(musl.lfs64("open64"));
        assert!(musl.lfs64("stat64"));
        assert!(musl.lfs64("readdir64_r"));
        assert!(!musl.lfs64("fcntl64"), "not in musl's list");
        assert!(!musl.lfs64("posix_fallocate64"), "17 bytes: longer than musl's buffer");
        assert!(!musl.lfs64("lseek64"), "musl defines no lseek here");
        let old = Musl { lfs64_by_relocation: false, ..musl };
        assert!(!old.lfs64("open64"), "musl 1.2.3 exports the names instead");
    }
}
