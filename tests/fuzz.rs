//! Differential fuzzing: generated inputs for each parser family run
//! through one glibc-built driver (`tests/fuzz/driver.c`) under glibc and
//! under musl 1.2.5 + the shim; the two outputs must agree line for line.
//!
//! - As a test (`cargo test --test fuzz`, part of `make check`): a fixed
//!   seed and a few thousand cases per family, under a minute, plus every
//!   case in `tests/fuzz/regressions.txt`.
//! - As a tool (`make fuzz FUZZ_TIME=seconds [FUZZ_SEED=n]`): batches from
//!   a seed of the clock until the time is up, then the cases run per
//!   family; new findings are appended to `tests/fuzz/regressions.txt`
//!   (commit them) and the run fails.
//!
//! A case is a line: the family and its fields, tab-separated, escaped
//! (`\t`, `\n`, `\\`, `\xHH`). The driver reads many cases per process
//! (a batch) and flushes a result line after each, so a run that dies
//! names its case: the first without a line. Each run has a time limit
//! (a hang) and an address-space limit (a memory blow-up) and the 8 MiB
//! stack glibc programs get. A case that kills the glibc run too is the
//! generator's fault (undefined behaviour), dropped and counted. A case the
//! shim crashes, hangs or exhausts on, or answers differently, is a finding,
//! unless `tests/fuzz/known.txt` lists it (build, family, substrings of the
//! case line, of glibc's answer and of the shim's, the reason): a known
//! difference, counted, not failed.
//!
//! The driver is built against this machine's glibc and, when present,
//! the glibc 2.41 sysroot (whose headers call the C23 `__isoc23_*` scanf
//! and strto* names).

use gcompat_tests::*;
use std::collections::BTreeMap;
use std::io::Write as _;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const FAMILIES: [&str; 7] = ["printf", "scanf", "regex", "dns", "etc", "getopt", "num"];
/// Cases per family in the test's fixed-seed run.
const TEST_CASES: usize = 4000;
const BATCH: usize = 500;
/// A run stops generating past this many findings (one bug, many cases).
const MAX_FINDINGS: usize = 200;
const RUN_TIMEOUT: Duration = Duration::from_secs(20);
const AS_LIMIT: libc::rlim_t = 2 << 30;
const STACK_LIMIT: libc::rlim_t = 8 << 20;

/// A small PRNG (xorshift64*): the same seed, the same cases.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    fn bytes_from(&mut self, alphabet: &[u8], max: usize) -> Vec<u8> {
        let n = self.below(max + 1);
        (0..n).map(|_| alphabet[self.below(alphabet.len())]).collect()
    }
}

fn escape(bytes: &[u8]) -> String {
    let mut s = String::new();
    for &b in bytes {
        match b {
            b'\t' => s.push_str("\\t"),
            b'\n' => s.push_str("\\n"),
            b'\\' => s.push_str("\\\\"),
            0x20..=0x7e => s.push(b as char),
            _ => s.push_str(&format!("\\x{b:02x}")),
        }
    }
    s
}

fn case(family: &str, fields: &[&[u8]]) -> String {
    let mut line = family.to_string();
    for f in fields {
        line.push('\t');
        line.push_str(&escape(f));
    }
    line
}

fn printf_case(r: &mut Rng) -> String {
    // (conversion, length modifiers and the argument type each takes)
    let convs: &[(&str, &[(&str, &str)])] = &[
        (
            "d",
            &[
                ("", "i"),
                ("hh", "i"),
                ("h", "i"),
                ("l", "l"),
                ("ll", "l"),
                ("j", "l"),
                ("z", "l"),
                ("t", "l"),
                ("Z", "l"),
                ("q", "l"),
            ],
        ),
        ("i", &[("", "i"), ("l", "l")]),
        ("u", &[("", "i"), ("l", "l"), ("hh", "i")]),
        ("x", &[("", "i"), ("l", "l"), ("h", "i")]),
        ("X", &[("", "i"), ("ll", "l")]),
        ("o", &[("", "i"), ("l", "l")]),
        ("c", &[("", "c"), ("l", "C")]),
        ("C", &[("", "C")]),
        ("s", &[("", "s"), ("l", "S")]),
        ("S", &[("", "S")]),
        ("p", &[("", "p")]),
        ("f", &[("", "d"), ("L", "L")]),
        ("e", &[("", "d"), ("L", "L")]),
        ("g", &[("", "d"), ("L", "L")]),
        ("a", &[("", "d")]),
        ("E", &[("", "d")]),
        ("G", &[("", "d")]),
        ("F", &[("", "d")]),
        ("n", &[("", "n"), ("hh", "n"), ("l", "n")]),
        ("m", &[("", "i")]),
        ("%", &[("", "i")]),
    ];
    let (conv, lens) = convs[r.below(convs.len())];
    let (len, ty) = lens[r.below(lens.len())];
    let mut spec = String::from("%");
    let positional = r.chance(10);
    if positional {
        spec.push_str("1$");
    }
    for _ in 0..r.below(3) {
        spec.push_str(r.pick(&["-", "+", " ", "#", "0", "'", "I"]));
    }
    let mut stars = 0;
    let mut star = |r: &mut Rng, spec: &mut String| {
        if !positional && r.chance(20) {
            spec.push('*');
            stars += 1;
        } else {
            let max = if r.chance(10) { 1200 } else { 25 };
            spec.push_str(&r.below(max).to_string());
        }
    };
    if r.chance(50) {
        star(r, &mut spec);
    }
    if r.chance(40) {
        spec.push('.');
        star(r, &mut spec);
    }
    spec.push_str(len);
    spec.push_str(conv);
    let value: String = match ty {
        "i" | "c" | "C" => {
            r.pick(&["0", "1", "-1", "65", "255", "2147483647", "-2147483648", "233", "0x7f", "10"]).into()
        }
        "l" => r.pick(&["0", "-1", "9223372036854775807", "-9223372036854775808", "4294967296", "123456789012"]).into(),
        "d" | "L" => r
            .pick(&[
                "0",
                "-0",
                "1.5",
                "-2.25",
                "1e300",
                "1e-310",
                "inf",
                "-inf",
                "nan",
                "0.1",
                "123456.789",
                "9.999999e9",
            ])
            .into(),
        "s" | "S" => {
            if r.chance(25) {
                "NULL".into()
            } else {
                String::from_utf8(r.bytes_from(b"abc xyz%-", 12)).unwrap()
            }
        }
        "p" => r.pick(&["0", "1", "0xdeadbeef", "0x7fffffffffff"]).into(),
        _ => "0".into(),
    };
    let prefix = String::from_utf8(r.bytes_from(b"ab %%", 4)).unwrap().replace('%', "%%");
    let fmt = format!("{prefix}[{spec}]");
    let (w1, w2) = (r.pick(&["5", "-5", "0", "12", "-1", "300"]), r.pick(&["3", "-1", "0", "8", "40"]));
    case(
        "printf",
        &[fmt.as_bytes(), ty.as_bytes(), value.as_bytes(), stars.to_string().as_bytes(), w1.as_bytes(), w2.as_bytes()],
    )
}

fn scanf_case(r: &mut Rng) -> String {
    // (conversion, destination type)
    let convs: &[(&str, &str)] = &[
        ("d", "i"),
        ("i", "i"),
        ("x", "i"),
        ("o", "i"),
        ("u", "i"),
        ("b", "i"),
        ("ld", "i"),
        ("lli", "i"),
        ("hhd", "i"),
        ("hi", "i"),
        ("jx", "i"),
        ("f", "d"),
        ("lf", "d"),
        ("le", "d"),
        ("lg", "d"),
        ("la", "d"),
        ("s", "s"),
        ("c", "c"),
        ("[a-c]", "s"),
        ("[^ 0]", "s"),
        ("[]a]", "s"),
        ("p", "i"),
    ];
    let (conv, ty) = convs[r.below(convs.len())];
    let mut fmt = String::new();
    fmt.push_str(r.pick(&["", " ", "x", "%%"]));
    fmt.push('%');
    if r.chance(10) {
        fmt.push_str("1$");
    }
    let need_width = matches!(ty, "s" | "c");
    if need_width || r.chance(30) {
        fmt.push_str(&(1 + r.below(20)).to_string());
    }
    fmt.push_str(conv);
    if r.chance(30) {
        // A second conversion into the second pointer, an integer one.
        fmt.push_str(r.pick(&[" %d", "%i", " %x", "%2d", " %*d", "%b"]));
    }
    if r.chance(30) {
        fmt.push_str(if fmt.contains('$') { " %3$n" } else { "%n" });
    }
    let input = r.bytes_from(b"0123456789abcxABX+- .eEinfINFNApx\t]", 24);
    case("scanf", &[&input, fmt.as_bytes(), ty.as_bytes()])
}

fn regex_case(r: &mut Rng) -> String {
    let atoms: &[&str] = &[
        "a",
        "b",
        "ab",
        ".",
        "[ab]",
        "[^a]",
        "[[:alpha:]]",
        "[[:digit:]]",
        "x",
        "\\(",
        "\\)",
        "(",
        ")",
        "|",
        "\\|",
        "*",
        "+",
        "?",
        "{2}",
        "{1,3}",
        "\\{1,2\\}",
        "^",
        "$",
        "\\1",
        "\\2",
        "\\w",
        "\\W",
        "\\b",
        "\\<",
        "\\>",
        "[]a]",
        "[a-]",
        "\\",
        "{",
        "}",
        "[",
        "]",
        "\\.",
    ];
    let mut pat = String::new();
    for _ in 0..r.below(10) {
        pat.push_str(r.pick(atoms));
    }
    let subject = r.bytes_from(b"aabbx1 _-\n", 16);
    let cflags = r.below(16);
    let eflags = r.below(4);
    case("regex", &[pat.as_bytes(), cflags.to_string().as_bytes(), eflags.to_string().as_bytes(), &subject])
}

fn dns_case(r: &mut Rng) -> String {
    if r.chance(50) {
        let name = r.bytes_from(b"ab-_.*\\09 @", 14);
        case("dns", &[b"name", &name])
    } else {
        let mut wire = Vec::new();
        for _ in 0..r.below(5) {
            match r.below(5) {
                0 => wire.push(0),
                1 => wire.extend([0xc0, r.below(12) as u8]),
                2 => wire.push(0x40 | r.below(64) as u8),
                _ => {
                    let n = r.below(6);
                    wire.push(n as u8);
                    wire.extend(r.bytes_from(b"ab.\\x", n));
                }
            }
        }
        case("dns", &[b"wire", &wire])
    }
}

fn etc_case(r: &mut Rng) -> String {
    let kind = r.pick(&["shadow", "gshadow", "gshadow_file"]);
    let fields = if kind == "shadow" { 9 } else { 4 };
    let mut line = Vec::new();
    let lines = if kind == "gshadow_file" { 1 + r.below(3) } else { 1 };
    for l in 0..lines {
        if l > 0 {
            line.push(b'\n');
        }
        let n = if r.chance(80) { fields } else { r.below(fields + 3) };
        for f in 0..n {
            if f > 0 {
                line.push(b':');
            }
            let alphabet: &[u8] = if r.chance(50) { b"0123456789" } else { b"ab,x -+#\t" };
            let max = if r.chance(3) { 300 } else { 8 };
            line.extend(r.bytes_from(alphabet, max));
        }
    }
    let size = r.pick(&["8", "64", "256", "4096"]);
    case("etc", &[kind.as_bytes(), &line, size.as_bytes()])
}

fn getopt_case(r: &mut Rng) -> String {
    let opt = r.bytes_from(b"abc:d::W;+-:x", 8);
    let words: &[&str] = &[
        "-a",
        "-b",
        "-c",
        "-cval",
        "-abc",
        "--alpha",
        "--beta",
        "--beta=1",
        "--gamma",
        "--gamma=2",
        "--al",
        "--alp",
        "--bogus",
        "-",
        "--",
        "file",
        "-W",
        "alpha",
        "-x",
        "-d",
        "-dopt",
        "--alpha=no",
    ];
    let n = r.below(7);
    let argv: Vec<&str> = (0..n).map(|_| r.pick(words)).collect();
    case("getopt", &[&opt, argv.join("\x01").as_bytes()])
}

fn num_case(r: &mut Rng) -> String {
    let f = r.pick(&["strtol", "strtoul", "strtoll", "strtod", "strtof", "strtold", "strfromd", "strfromf"]);
    let text = if f.starts_with("strto") && r.chance(40) {
        r.pick(&[
            "0x",
            "0b101",
            "0B1",
            "-0x1p3",
            "1e999",
            "1e-999",
            "inf",
            "-nan(abc)",
            "nan(",
            "  +12abc",
            "0x1.8p1",
            "9223372036854775808",
            "-9223372036854775809",
            "18446744073709551616",
            "0.0000001e-320",
            "4.9e-324",
            "1e",
            "1e+",
            ".e1",
            "0x.p1",
        ])
        .into()
    } else {
        String::from_utf8(r.bytes_from(b"0123456789abxXpPeE+-. in", 14)).unwrap()
    };
    let third = if f.starts_with("strfrom") {
        r.pick(&["%g", "%.3f", "%a", "%.0e", "%.20g", "%G", "%F", "%.10a", "%f", "%.1A"]).to_string()
    } else {
        r.pick(&["0", "10", "16", "2", "8", "36", "1", "37"]).to_string()
    };
    case("num", &[f.as_bytes(), text.as_bytes(), third.as_bytes()])
}

fn generate(family: &str, r: &mut Rng) -> String {
    match family {
        "printf" => printf_case(r),
        "scanf" => scanf_case(r),
        "regex" => regex_case(r),
        "dns" => dns_case(r),
        "etc" => etc_case(r),
        "getopt" => getopt_case(r),
        _ => num_case(r),
    }
}

/// A build of the driver and how to run it under glibc.
struct Driver {
    name: String,
    exe: PathBuf,
    runner: Vec<String>,
}

fn build_drivers(out: &Path) -> Vec<Result<Driver, String>> {
    let source = root().join("tests/fuzz/driver.c");
    let mut builds = vec![(format!("glibc-{}", host_glibc_version()), vec![], vec![])];
    let s = glibc_241();
    let lib = s.join("usr/lib/x86_64-linux-gnu");
    if lib.join("ld-linux-x86-64.so.2").exists() {
        builds.push((
            "glibc-2.41-sysroot".into(),
            vec![format!("--sysroot={}", s.display()), format!("-B{}/", lib.display()), format!("-L{}", lib.display())],
            vec![
                lib.join("ld-linux-x86-64.so.2").display().to_string(),
                "--library-path".into(),
                lib.display().to_string(),
            ],
        ));
    }
    builds
        .into_iter()
        .map(|(name, cflags, runner)| {
            let exe = out.join(format!("driver-{name}"));
            let o = Command::new("gcc")
                .args(&cflags)
                .args(["-O2", "-w", "-o"])
                .arg(&exe)
                .arg(&source)
                .args(["-Wl,--no-as-needed", "-lresolv"])
                .output()
                .map_err(|e| format!("gcc: {e}"))?;
            if !o.status.success() {
                return Err(format!("driver does not build for {name}:\n{}", String::from_utf8_lossy(&o.stderr)));
            }
            Ok(Driver { name, exe, runner })
        })
        .collect()
}

/// One run over `cases`: the complete result lines and how it ended.
fn run(argv: &[String], arg0: Option<&str>, cases: &[String], scratch: &Path) -> (Vec<String>, String) {
    let input = scratch.with_extension("in");
    let output = scratch.with_extension("out");
    let mut text = cases.join("\n");
    text.push('\n');
    std::fs::write(&input, text).unwrap();
    let mut cmd = Command::new(&argv[0]);
    if let Some(a) = arg0 {
        cmd.arg0(a);
    }
    cmd.args(&argv[1..])
        .env_clear()
        .env("LC_ALL", "C")
        .env("TZ", "UTC")
        .stdin(std::fs::File::open(&input).unwrap())
        .stdout(std::fs::File::create(&output).unwrap())
        .stderr(Stdio::null());
    // SAFETY: setrlimit is async-signal-safe; nothing else runs in the child.
    unsafe {
        cmd.pre_exec(|| {
            for (res, lim) in [(libc::RLIMIT_AS, AS_LIMIT), (libc::RLIMIT_STACK, STACK_LIMIT), (libc::RLIMIT_CORE, 0)] {
                let l = libc::rlimit { rlim_cur: lim, rlim_max: lim };
                if libc::setrlimit(res, &l) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
            }
            Ok(())
        });
    }
    let status = match cmd.spawn() {
        Err(e) => format!("spawn failed: {e}"),
        Ok(mut child) => wait_status(&mut child, RUN_TIMEOUT),
    };
    let out = std::fs::read(&output).unwrap_or_default();
    let text = String::from_utf8_lossy(&out);
    // Only lines ended by a newline are complete.
    let complete = text.rfind('\n').map_or("", |at| &text[..at]);
    let lines = if out.is_empty() { vec![] } else { complete.split('\n').map(String::from).collect() };
    (lines, status)
}

#[derive(Default)]
struct Tally {
    run: usize,
    known: usize,
    dropped: usize,
}

/// A kept difference: `*` or a build name, the family, and substrings of
/// the case line (several joined by `&&`: all of them), of glibc's result
/// and of the shim's (`*`: any).
struct Known {
    build: String,
    family: String,
    case: String,
    glibc: String,
    shim: String,
}

fn known_list() -> Vec<Known> {
    data_lines(&root().join("tests/fuzz/known.txt"))
        .into_iter()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert!(f.len() == 6, "tests/fuzz/known.txt: not six tab-separated fields: {l}");
            Known { build: f[0].into(), family: f[1].into(), case: f[2].into(), glibc: f[3].into(), shim: f[4].into() }
        })
        .collect()
}

fn known_difference(known: &[Known], build: &str, case: &str, glibc: &str, shim: &str) -> bool {
    let family = case.split('\t').next().unwrap_or("");
    let has = |text: &str, pattern: &str| pattern == "*" || text.contains(pattern);
    known.iter().any(|k| {
        (k.build == "*" || k.build == build)
            && k.family == family
            && k.case.split("&&").all(|part| has(case, part))
            && has(glibc, &k.glibc)
            && has(shim, &k.shim)
    })
}

/// Runs `cases` under the oracle and the shim; returns the findings (the
/// case line and what happened).
fn compare(
    driver: &Driver,
    cases: &[String],
    scratch: &Path,
    known: &[Known],
    tallies: &mut BTreeMap<String, Tally>,
) -> Vec<(String, String)> {
    let mut findings = Vec::new();
    let mut glibc_argv = driver.runner.clone();
    glibc_argv.push(driver.exe.display().to_string());
    let shim_argv = vec![
        musl_125().display().to_string(),
        "--preload".into(),
        shim().display().to_string(),
        "--library-path".into(),
        musl_library_path(),
        driver.exe.display().to_string(),
    ];
    let mut from = 0;
    while from < cases.len() {
        let rest = &cases[from..];
        let (g, gst) = run(&glibc_argv, None, rest, &scratch.join("glibc"));
        let (s, sst) = run(&shim_argv, Some(MUSL_AS_GLIBC_LD), rest, &scratch.join("shim"));
        let g_ok = gst == "exit 0" && g.len() == rest.len();
        let s_ok = sst == "exit 0" && s.len() == rest.len();
        // Compare the prefix both answered.
        let upto = g.len().min(s.len());
        for k in 0..upto {
            let c = &rest[k];
            let family = c.split('\t').next().unwrap_or("").to_string();
            let t = tallies.entry(family).or_default();
            t.run += 1;
            if g[k] != s[k] {
                if known_difference(known, &driver.name, c, &g[k], &s[k]) {
                    t.known += 1;
                } else {
                    findings.push((c.clone(), format!("differs:\n      glibc {}\n      shim  {}", g[k], s[k])));
                }
            }
        }
        if g_ok && s_ok {
            break;
        }
        // Someone stopped at case `upto`: the oracle (a bad case, dropped)
        // or the shim alone (a crash, hang or blow-up: a finding).
        let Some(c) = rest.get(upto) else { break };
        let family = c.split('\t').next().unwrap_or("").to_string();
        if g.len() <= s.len() && !g_ok {
            tallies.entry(family).or_default().dropped += 1;
        } else {
            let t = tallies.entry(family).or_default();
            t.run += 1;
            let ended = format!("the shim's run ended: {sst}");
            if known_difference(known, &driver.name, c, &gst, &ended) {
                t.known += 1;
            } else {
                findings.push((c.clone(), format!("{ended} (glibc: {gst})")));
            }
        }
        from += upto + 1;
    }
    findings
}

fn main() {
    let out = root().join("target/fuzz");
    std::fs::create_dir_all(&out).unwrap();
    if !shim().exists() || !musl_125().exists() {
        let why = format!("fuzz: skipped: no shim at {} or no musl 1.2.5 (run make)", shim().display());
        if require_all() {
            panic!("{why}");
        }
        println!("{why}");
        return;
    }
    let fuzz_time: Option<u64> = std::env::var("FUZZ_TIME").ok().and_then(|t| t.parse().ok());
    let seed: u64 = std::env::var("FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| match fuzz_time {
        None => 0x9e37_79b9_7f4a_7c15,
        Some(_) => std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1,
    });
    let known = known_list();
    let regressions_path = root().join("tests/fuzz/regressions.txt");
    let regressions = data_lines(&regressions_path);
    let drivers: Vec<Driver> = build_drivers(&out)
        .into_iter()
        .filter_map(|d| match d {
            Ok(d) => Some(d),
            Err(e) if require_all() => panic!("{e}"),
            Err(e) => {
                println!("fuzz: skipped a build: {e}");
                None
            }
        })
        .collect();
    assert!(!drivers.is_empty(), "fuzz: no driver built");
    let started = Instant::now();
    let mut all_findings: Vec<(String, String, String)> = Vec::new();
    for driver in &drivers {
        let scratch = out.join(&driver.name);
        std::fs::create_dir_all(&scratch).unwrap();
        let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
        let mut rng = Rng(seed ^ driver.name.len() as u64);
        // The kept regression cases first, then generated batches.
        let mut findings = compare(driver, &regressions, &scratch, &known, &mut tallies);
        let deadline = fuzz_time.map(|t| {
            started
                + Duration::from_secs(t) / drivers.len() as u32
                    * (1 + drivers.iter().position(|d| d.name == driver.name).unwrap()) as u32
        });
        let mut generated = 0usize;
        loop {
            match deadline {
                None if generated >= TEST_CASES => break,
                Some(d) if Instant::now() >= d => break,
                _ => {}
            }
            let mut batch = Vec::with_capacity(BATCH * FAMILIES.len());
            for _ in 0..BATCH {
                for f in FAMILIES {
                    batch.push(generate(f, &mut rng));
                }
            }
            generated += BATCH;
            findings.extend(compare(driver, &batch, &scratch, &known, &mut tallies));
            if findings.len() > MAX_FINDINGS {
                println!("fuzz [{}]: more than {MAX_FINDINGS} findings, stopped early", driver.name);
                break;
            }
        }
        println!("fuzz [{}] seed {seed:#x}, {:.0} s:", driver.name, started.elapsed().as_secs_f64());
        for (family, t) in &tallies {
            println!(
                "  {family:<7} {:>9} cases, {} known differences, {} dropped (the oracle failed too)",
                t.run, t.known, t.dropped
            );
        }
        for (c, what) in findings {
            all_findings.push((driver.name.clone(), c, what));
        }
    }
    if all_findings.is_empty() {
        println!("fuzz: no findings");
        return;
    }
    let mut seen = std::collections::BTreeSet::new();
    for (build, c, what) in &all_findings {
        println!("FINDING [{build}] {c}\n    {what}");
        seen.insert(c.clone());
    }
    if fuzz_time.is_some() {
        let mut f = std::fs::OpenOptions::new().append(true).create(true).open(&regressions_path).unwrap();
        for c in seen.iter().filter(|c| !regressions.contains(c)) {
            writeln!(f, "{c}").unwrap();
        }
        println!("fuzz: new findings appended to {}", regressions_path.display());
    }
    panic!("fuzz: {} findings", all_findings.len());
}
