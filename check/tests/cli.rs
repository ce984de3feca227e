//! gcompat-check on small glibc programs built here, one per thing it
//! reports. Each verdict is checked against an oracle: musl's loader in ldd
//! mode (`--list`), or, for what ldd mode cannot see, running the program
//! (the kernel refusing an interpreter or an architecture, musl 1.2.3
//! crashing on DT_RELR). Every JSON report is validated against schema.json.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{Compared, Pieces, cc, check_json, file, reasons};
use gcompat_tests::musl_library_path;
use serde_json::Value;

const HELLO: &str = "#include <stdio.h>\nint main(void) { puts(\"hello\"); return 0; }\n";

/// Checks `paths` and requires musl's verdict on each to agree.
fn check_agreeing(pieces: &Pieces, paths: &[&Path], library_path: Option<&str>, cwd: &Path) -> Value {
    let (report, _) = check_json(pieces, paths, library_path, cwd);
    for path in paths {
        match common::compare(pieces, file(&report, path), library_path, cwd) {
            Compared::Agree => {}
            Compared::Disagree(what) => panic!("disagrees with musl: {what}"),
            Compared::Explained(why) => panic!("{}: not compared ({why})", path.display()),
        }
    }
    report
}

fn problem<'a>(file: &'a Value, reason: &str) -> &'a Value {
    file["problems"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["reason"] == reason)
        .unwrap_or_else(|| panic!("no {reason} in {file:#}"))
}

fn canonical(path: &Path) -> String {
    std::fs::canonicalize(path).unwrap().to_str().unwrap().to_string()
}

#[test]
fn a_plain_program_runs() {
    let Some(pieces) = common::pieces() else {
        return;
    };
    let dir = common::scratch("plain");
    let prog = dir.join("hello");
    cc(HELLO, &prog, &[]);
    let report = check_agreeing(&pieces, &[&prog], Some(&musl_library_path()), &dir);
    let f = file(&report, &prog);
    assert_eq!(f["verdict"], "runs");
    assert_eq!(f["kind"], "program");
    assert_eq!(reasons(f), Vec::<String>::new());
    // The program, the preloaded shim, then libc.so.6 bound to musl.
    let loaded: Vec<&str> = f["loaded"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(loaded, [canonical(&prog).as_str(), pieces.shim.to_str().unwrap(), pieces.musl.to_str().unwrap()]);
}

#[test]
fn a_missing_library_and_a_missing_versioned_symbol() {
    let Some(pieces) = common::pieces() else {
        return;
    };
    let dir = common::scratch("missing");
    let lib = dir.join("lib");
    std::fs::create_dir(&lib).unwrap();
    let map = dir.join("v.map");
    std::fs::write(&map, "LIBV_1.0 { global: v_one; v_two; local: *; };\n").unwrap();
    let version_script = format!("-Wl,--version-script={}", map.display());
    let shared = ["-shared", "-fPIC", version_script.as_str()];
    cc("int v_one(void) { return 1; }\nint v_two(void) { return 2; }\n", &lib.join("libv.so"), &shared);
    cc("int gone(void) { return 3; }\n", &lib.join("libgone.so"), &["-shared", "-fPIC"]);
    let prog = dir.join("prog");
    let libs = format!("-L{}", lib.display());
    cc(
        "int v_one(void); int v_two(void); int gone(void);\nint main(void) { return v_one() + v_two() + gone(); }\n",
        &prog,
        &[&libs, "-lv", "-lgone", "-Wl,-rpath,$ORIGIN/lib"],
    );
    // Found through $ORIGIN: it runs.
    let report = check_agreeing(&pieces, &[&prog], None, &dir);
    assert_eq!(file(&report, &prog)["verdict"], "runs");

    // Now libv.so lacks v_two and libgone.so is gone.
    std::fs::write(&map, "LIBV_1.0 { global: v_one; local: *; };\n").unwrap();
    cc("int v_one(void) { return 1; }\n", &lib.join("libv.so"), &shared);
    std::fs::remove_file(lib.join("libgone.so")).unwrap();
    let report = check_agreeing(&pieces, &[&prog], None, &dir);
    let f = file(&report, &prog);
    assert_eq!(f["verdict"], "fails");
    assert_eq!(reasons(f), ["missing-library", "symbol-not-found"]);
    let missing = problem(f, "missing-library");
    assert_eq!(missing["library"], "libgone.so");
    assert_eq!(missing["needed_by"].as_str().unwrap(), canonical(&prog));
    let symbol = f["problems"].as_array().unwrap().iter().find(|p| p["symbol"] == "v_two").expect("v_two reported");
    assert_eq!(symbol["version"], "LIBV_1.0");
    assert_eq!(symbol["library"], "libv.so");
    assert_eq!(symbol["object"].as_str().unwrap(), canonical(&prog));

    // The human summary: grouped by reason, then the count.
    let (musl, shim) = (pieces.musl.to_str().unwrap(), pieces.shim.to_str().unwrap());
    let run = common::run(&["--musl", musl, "--shim", shim, prog.to_str().unwrap()], None, &dir);
    assert_eq!(run.code, 1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines.contains(&"will not run: missing library (1 file)"), "{}", run.stdout);
    assert!(lines.contains(&format!("  {}: libgone.so", prog.display()).as_str()), "{}", run.stdout);
    assert!(lines.iter().any(|l| l.contains("v_two@LIBV_1.0")), "{}", run.stdout);
    assert!(lines.last().unwrap().starts_with("1 file checked against musl"), "{}", run.stdout);
    assert!(lines.last().unwrap().ends_with("0 will run, 1 will not"), "{}", run.stdout);
}

/// musl lets a program's DT_RUNPATH serve its libraries' searches too
/// (glibc does not): libb.so is found for liba.so through the program's.
#[test]
fn runpath_serves_the_whole_tree_as_in_musl() {
    let Some(pieces) = common::pieces() else {
        return;
    };
    let dir = common::scratch("runpath");
    let lib = dir.join("lib");
    std::fs::create_dir(&lib).unwrap();
    cc("int b(void) { return 0; }\n", &lib.join("libb.so"), &["-shared", "-fPIC"]);
    let libb = format!("-L{}", lib.display());
    cc("int b(void);\nint a(void) { return b(); }\n", &lib.join("liba.so"), &["-shared", "-fPIC", &libb, "-lb"]);
    let prog = dir.join("prog");
    let link_path = format!("-Wl,-rpath-link,{}", lib.display());
    cc(
        "int a(void);\nint main(void) { return a(); }\n",
        &prog,
        &[&libb, &link_path, "-la", "-Wl,--enable-new-dtags,-rpath,$ORIGIN/lib"],
    );
    let report = check_agreeing(&pieces, &[&prog], None, &dir);
    assert_eq!(file(&report, &prog)["verdict"], "runs");
    // glibc's loader, for contrast, does not find libb.so.
    let glibc = Command::new("/lib64/ld-linux-x86-64.so.2")
        .arg("--list")
        .arg(&prog)
        .env_remove("LD_LIBRARY_PATH")
        .output()
        .unwrap();
    assert!(
        !glibc.status.success() && String::from_utf8_lossy(&glibc.stderr).contains("libb.so"),
        "glibc found libb.so"
    );
}

#[test]
fn ifunc_definitions_and_irelative_relocations() {
    let Some(pieces) = common::pieces() else {
        return;
    };
    let dir = common::scratch("ifunc");
    let ifunc = "static int impl(void) { return 0; }\nstatic void *resolve(void) { return (void *)impl; }\n";
    let lib = dir.join("libif.so");
    cc(&format!("{ifunc}int f(void) __attribute__((ifunc(\"resolve\")));\n"), &lib, &["-shared", "-fPIC"]);
    let uses = dir.join("uses");
    let here = format!("-L{}", dir.display());
    cc("int f(void);\nint main(void) { return f(); }\n", &uses, &[&here, "-lif", "-Wl,-rpath,$ORIGIN"]);
    let local = dir.join("local");
    cc(
        &format!(
            "{ifunc}static int g(void) __attribute__((ifunc(\"resolve\")));\nint (*volatile p)(void) = g;\nint main(void) {{ return p(); }}\n"
        ),
        &local,
        &[],
    );
    let report = check_agreeing(&pieces, &[&uses, &local], None, &dir);
    let f = file(&report, &uses);
    assert_eq!(reasons(f), ["ifunc"]);
    assert_eq!(problem(f, "ifunc")["symbol"], "f");
    let f = file(&report, &local);
    assert_eq!(reasons(f), ["ifunc"]);
    assert_eq!(problem(f, "ifunc")["relocation"], "R_X86_64_IRELATIVE");
}

#[test]
fn warnings_leave_the_verdict_alone() {
    let Some(pieces) = common::pieces() else {
        return;
    };
    let dir = common::scratch("warnings");
    let stack = dir.join("execstack");
    cc(HELLO, &stack, &["-Wl,-z,execstack"]);
    // A name the shim documents as unimplemented, one glibc links.
    let (report, _) = check_json(&pieces, &[&stack], None, &dir);
    let unimplemented: Vec<String> =
        report["shim"]["unimplemented"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect();
    assert!(!unimplemented.is_empty(), "the shim documents no unimplemented export");
    let stub = dir.join("stub");
    let mut name = None;
    for candidate in &unimplemented {
        let source = format!(
            "void {candidate}(void);\nint main(void) {{ void (*volatile p)(void) = {candidate}; return p == 0; }}\n"
        );
        std::fs::write(stub.with_extension("c"), &source).unwrap();
        let linked = Command::new("gcc").arg("-o").arg(&stub).arg(stub.with_extension("c")).output().unwrap();
        if linked.status.success() {
            name = Some(candidate.clone());
            break;
        }
    }
    let name = name.expect("glibc links none of the shim's unimplemented names");
    // The same name defined by the program itself: it binds there, ahead
    // of the shim.
    let own = dir.join("own");
    cc(
        &format!("void {name}(void) {{}}\nint main(void) {{ void (*volatile p)(void) = {name}; return p == 0; }}\n"),
        &own,
        &["-rdynamic"],
    );

    let report = check_agreeing(&pieces, &[&stack, &stub, &own], Some(&musl_library_path()), &dir);
    let f = file(&report, &stack);
    assert_eq!((f["verdict"].as_str(), reasons(f)), (Some("runs"), vec!["executable-stack".to_string()]));
    let f = file(&report, &stub);
    assert_eq!((f["verdict"].as_str(), reasons(f)), (Some("runs"), vec!["unimplemented".to_string()]));
    let p = problem(f, "unimplemented");
    assert_eq!(p["symbol"].as_str(), Some(name.as_str()));
    assert!(p["shim_version"].as_str().unwrap().starts_with("GLIBC_"));
    assert_eq!(reasons(file(&report, &own)), Vec::<String>::new());
    assert_eq!(report["summary"]["with_warnings"], 2);
}

/// What ldd mode cannot see, against what running it does.
#[test]
fn interpreter_and_architecture_problems() {
    let Some(pieces) = common::pieces() else {
        return;
    };
    let dir = common::scratch("refused");
    let interp = dir.join("interp");
    cc(HELLO, &interp, &["-Wl,--dynamic-linker=/nonexistent/ld.so"]);
    let foreign = dir.join("foreign");
    cc(HELLO, &foreign, &[]);
    // e_machine (offset 18, little-endian) says AArch64 now.
    let mut bytes = std::fs::read(&foreign).unwrap();
    bytes[18..20].copy_from_slice(&183u16.to_le_bytes());
    std::fs::write(&foreign, bytes).unwrap();
    let (report, code) = check_json(&pieces, &[&interp, &foreign], None, &dir);
    assert_eq!(code, 1);
    let f = file(&report, &interp);
    assert_eq!(reasons(f), ["unknown-interpreter"]);
    assert_eq!(problem(f, "unknown-interpreter")["interpreter"], "/nonexistent/ld.so");
    let f = file(&report, &foreign);
    assert_eq!(reasons(f), ["foreign-architecture"]);
    assert_eq!(problem(f, "foreign-architecture")["machine"], "EM_AARCH64");
    // The kernel refuses both.
    assert_eq!(Command::new(&interp).status().unwrap_err().kind(), std::io::ErrorKind::NotFound);
    assert_eq!(Command::new(&foreign).status().unwrap_err().raw_os_error(), Some(libc_enoexec()));
}

fn libc_enoexec() -> i32 {
    8 // ENOEXEC on Linux
}

/// musl 1.2.3 ignores DT_RELR: ldd mode is content, the program crashes.
#[test]
fn relr_needs_musl_1_2_4() {
    let (Some(old), Some(new)) = (common::pieces_123(), common::pieces()) else {
        return;
    };
    let dir = common::scratch("relr");
    let prog = dir.join("relr");
    cc(
        "#include <stdio.h>\nstatic const char *words[] = {\"relr\", \"ok\"};\nconst char **volatile p = words;\nint main(void) { printf(\"%s %s\\n\", p[0], p[1]); return 0; }\n",
        &prog,
        &["-Wl,-z,pack-relative-relocs"],
    );
    let (report, _) = check_json(&old, &[&prog], None, &dir);
    assert_eq!(reasons(file(&report, &prog)), ["relr"]);
    let (report, _) = check_json(&new, &[&prog], None, &dir);
    assert_eq!(reasons(file(&report, &prog)), Vec::<String>::new());
    let run = |musl: &PathBuf| {
        use std::os::unix::process::CommandExt;
        Command::new(musl)
            .arg0(gcompat_tests::MUSL_AS_GLIBC_LD)
            .arg("--preload")
            .arg(&new.shim)
            .arg(&prog)
            .output()
            .unwrap()
    };
    assert!(run(&new.musl).status.success());
    assert!(!run(&old.musl).status.success(), "musl 1.2.3 ran a DT_RELR program");
}

/// The shim's library names bind to it, unless a search path ahead of the
/// system's holds a file of that name.
#[test]
fn the_shims_library_names() {
    let Some(pieces) = common::pieces() else {
        return;
    };
    let dir = common::scratch("libnames");
    let prog = dir.join("prog");
    // __b64_ntop: in glibc's libresolv.so.2, and in the shim.
    cc(
        "int __b64_ntop(const unsigned char *, unsigned long, char *, unsigned long);\nint main(void) { char b[8]; return __b64_ntop((const unsigned char *)\"a\", 1, b, sizeof b) < 0; }\n",
        &prog,
        &["-lresolv", "-Wl,-rpath,$ORIGIN/lib"],
    );
    let report = check_agreeing(&pieces, &[&prog], Some(&musl_library_path()), &dir);
    let f = file(&report, &prog);
    assert_eq!(reasons(f), Vec::<String>::new());
    // Without the shim's folder on the path, the checker takes the
    // installed layout (the links beside the shim in /lib).
    let (report, _) = check_json(&pieces, &[&prog], None, &dir);
    let f = file(&report, &prog);
    assert_eq!(f["verdict"], "runs");
    assert!(!f["loaded"].as_array().unwrap().iter().any(|l| l.as_str().unwrap().ends_with("libresolv.so.2")));
    // A libresolv.so.2 on the program's run path loads instead (the
    // preloaded shim still defines __b64_ntop).
    std::fs::create_dir(dir.join("lib")).unwrap();
    let fake = dir.join("lib/libresolv.so.2");
    cc("int other(void) { return 0; }\n", &fake, &["-shared", "-fPIC"]);
    let report = check_agreeing(&pieces, &[&prog], None, &dir);
    let f = file(&report, &prog);
    assert_eq!(f["verdict"], "runs");
    assert!(
        f["loaded"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l.as_str().unwrap() == format!("{}/lib/libresolv.so.2", canonical(&dir)))
    );
}

#[test]
fn folders_files_and_bad_input() {
    let Some(pieces) = common::pieces() else {
        return;
    };
    let dir = common::scratch("input");
    let tree = dir.join("tree/sub");
    std::fs::create_dir_all(&tree).unwrap();
    cc(HELLO, &tree.join("hello"), &[]);
    cc(HELLO, &tree.join("static"), &["-static"]);
    std::fs::write(tree.join("notes.txt"), "not ELF\n").unwrap();
    let object = dir.join("hello.o");
    cc(HELLO, &object, &["-c"]);
    std::os::unix::fs::symlink("hello", tree.join("link")).unwrap();

    let (report, code) = check_json(&pieces, &[&dir.join("tree")], Some(&musl_library_path()), &dir);
    assert_eq!(code, 0);
    // Not ELF (notes.txt and the two C sources): skipped; a link: not
    // followed (its target is checked).
    assert_eq!(report["summary"]["skipped"], 3);
    assert_eq!(report["summary"]["checked"], 2);
    assert_eq!(file(&report, &tree.join("static"))["kind"], "static");

    let (musl, shim) = (pieces.musl.to_str().unwrap(), pieces.shim.to_str().unwrap());
    let bad = |args: &[&str], says: &str| {
        let run = common::run(args, None, &dir);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains(says), "{args:?}: {}", run.stderr);
    };
    bad(&["--musl", musl, "--shim", shim, "/nonexistent/file"], "/nonexistent/file: No such file");
    bad(&["--musl", musl, "--shim", shim, tree.join("notes.txt").to_str().unwrap()], "not an ELF file");
    bad(&["--musl", musl, "--shim", shim, object.to_str().unwrap()], "not a program or a shared object");
    bad(&["--musl", musl, "--shim", shim], "no PATH to check");
    bad(&["--musl", musl, "--shim", shim, "--frobnicate", "x"], "unknown option --frobnicate");
    bad(&["--musl", "/nonexistent/libc.so", "--shim", shim, "x"], "--musl /nonexistent/libc.so");
    bad(&["--musl", musl, "--shim", musl, tree.join("hello").to_str().unwrap()], "not the shim");
    let run = common::run(&["--help"], None, &dir);
    assert_eq!(run.code, 0);
    assert!(run.stdout.starts_with("usage: gcompat-check"));
}
