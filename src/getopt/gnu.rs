//! glibc's getopt algorithm (glibc manual, "Getopt"; `posix/getopt.c`
//! behaviour): argv permutation, the `+`/`-`/`:` optstring prefixes,
//! `POSIXLY_CORRECT`, optional arguments, `-W foo`, and long options with
//! unique-prefix abbreviation.
//!
//! [`Getopt`] is glibc's `struct _getopt_data`: the caller-visible
//! variables (copied in from and out to the program's `optind`, `opterr`,
//! `optopt`, `optarg` by `super`) and glibc's private scanning state.

use core::ffi::{CStr, c_char, c_int};
use core::ptr::null_mut;

/// `struct option` of `<getopt.h>` (the same layout in glibc and musl).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct LongOption {
    pub name: *const c_char,
    pub has_arg: c_int,
    pub flag: *mut c_int,
    pub val: c_int,
}

impl LongOption {
    fn name(&self) -> &[u8] {
        // SAFETY: a non-terminal entry's name is a C string (the table ends
        // at the first null name, see `super::long_options`).
        unsafe { bytes(self.name) }
    }

    /// Whether a second abbreviation match means something different from
    /// the first (only then is the abbreviation ambiguous for getopt_long).
    fn differs(&self, other: &LongOption) -> bool {
        self.has_arg != other.has_arg || self.flag != other.flag || self.val != other.val
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ordering {
    /// Stop at the first non-option (`+`, `POSIXLY_CORRECT`).
    RequireOrder,
    /// Move non-options after the options (the GNU default).
    Permute,
    /// Return each non-option as the argument of option 1 (`-`).
    ReturnInOrder,
}

/// glibc's getopt state, one per process (`super` keeps it behind a lock).
pub struct Getopt {
    pub optind: c_int,
    pub opterr: c_int,
    pub optopt: c_int,
    pub optarg: *mut c_char,
    /// The next short option character in the current element; null (or an
    /// empty string) when the next call starts a new element.
    nextchar: *const c_char,
    /// The non-options skipped so far: `[first_nonopt, last_nonopt)`.
    first_nonopt: c_int,
    last_nonopt: c_int,
    ordering: Ordering,
    initialized: bool,
}

/// What one getopt call asks for.
#[derive(Clone, Copy)]
pub struct Call<'o> {
    /// The option string, without its terminator.
    pub optstring: &'o [u8],
    /// The long options (getopt_long and getopt_long_only), terminator
    /// excluded.
    pub longopts: Option<&'o [LongOption]>,
    /// Where to store the matched long option's index, or null.
    pub longind: *mut c_int,
    /// getopt_long_only: `-name` is a long option too.
    pub long_only: bool,
    /// `__posix_getopt`: never permute.
    pub posixly_correct: bool,
}

/// Where a diagnostic goes: each call is one piece of one message.
pub type Say<'a> = &'a mut dyn FnMut(&[&[u8]]);

/// The bytes of a C string (a null pointer reads as glibc's printf shows it).
///
/// # Safety
/// `p` is null or a C string that outlives `'s`.
unsafe fn bytes<'s>(p: *const c_char) -> &'s [u8] {
    if p.is_null() {
        return b"(null)";
    }
    // SAFETY: guaranteed by the caller.
    unsafe { CStr::from_ptr(p) }.to_bytes()
}

/// C's `strchr(s, c) != NULL` as an index: the terminator matches `c == 0`.
fn strchr(s: &[u8], c: u8) -> Option<usize> {
    if c == 0 { Some(s.len()) } else { s.iter().position(|&b| b == c) }
}

/// `char` arithmetic as glibc does it: `optopt` and the return value are a
/// (signed, on x86_64) `char` widened to `int`.
fn char_value(c: u8) -> c_int {
    c_int::from(c as c_char)
}

const QUESTION: c_int = b'?' as c_int;
const COLON: c_int = b':' as c_int;

impl Default for Getopt {
    fn default() -> Self {
        Self::new()
    }
}

impl Getopt {
    pub const fn new() -> Self {
        Self {
            optind: 1,
            opterr: 1,
            optopt: 0,
            optarg: null_mut(),
            nextchar: core::ptr::null(),
            first_nonopt: 1,
            last_nonopt: 1,
            ordering: Ordering::Permute,
            initialized: false,
        }
    }

    /// One call of glibc's `_getopt_internal_r`.
    ///
    /// # Safety
    /// `argv` holds C strings that stay valid (and unmodified, apart from
    /// this permutation) between calls, as glibc requires; each entry of
    /// `call.longopts` has a C string name and a null or writable `flag`;
    /// `call.longind` is null or writable.
    pub unsafe fn next(&mut self, argv: &mut [*mut c_char], call: &Call<'_>, say: Say<'_>) -> c_int {
        let Call { mut optstring, longopts, longind, long_only, posixly_correct } = *call;
        let argc = c_int::try_from(argv.len()).unwrap_or(c_int::MAX);
        let mut print_errors = self.opterr != 0;
        self.optarg = null_mut();
        if self.optind == 0 || !self.initialized {
            optstring = self.initialize(optstring, posixly_correct);
        } else if matches!(optstring.first(), Some(b'-' | b'+')) {
            optstring = &optstring[1..];
        }
        if optstring.first() == Some(&b':') {
            print_errors = false;
        }
        if self.optind < 0 {
            // glibc reads before argv here; the shim reports the end.
            return -1;
        }
        let cx = Context { optstring, longind, print_errors };
        // SAFETY: argv strings are C strings (the caller).
        let arg = |argv: &[*mut c_char], i: c_int| unsafe { bytes(argv[i as usize]) };
        let nonoption = |a: &[u8]| a.first() != Some(&b'-') || a.len() == 1;

        // SAFETY: `nextchar` is null or points into a live argv string.
        if self.nextchar.is_null() || unsafe { *self.nextchar } == 0 {
            // The user may have moved optind back (and changed argv).
            self.last_nonopt = self.last_nonopt.min(self.optind);
            self.first_nonopt = self.first_nonopt.min(self.optind);

            if self.ordering == Ordering::Permute {
                if self.first_nonopt != self.last_nonopt && self.last_nonopt != self.optind {
                    self.exchange(argv);
                } else if self.last_nonopt != self.optind {
                    self.first_nonopt = self.optind;
                }
                while self.optind < argc && nonoption(arg(argv, self.optind)) {
                    self.optind += 1;
                }
                self.last_nonopt = self.optind;
            }

            // `--` ends the options: skip it as if it were one, then treat
            // the rest as non-options.
            if self.optind < argc && arg(argv, self.optind) == b"--" {
                self.optind += 1;
                if self.first_nonopt != self.last_nonopt && self.last_nonopt != self.optind {
                    self.exchange(argv);
                } else if self.first_nonopt == self.last_nonopt {
                    self.first_nonopt = self.optind;
                }
                self.last_nonopt = argc;
                self.optind = argc;
            }

            // glibc tests `optind == argc`; beyond argc it reads past argv.
            if self.optind >= argc {
                if self.first_nonopt != self.last_nonopt {
                    self.optind = self.first_nonopt;
                }
                return -1;
            }

            if nonoption(arg(argv, self.optind)) {
                if self.ordering == Ordering::RequireOrder {
                    return -1;
                }
                self.optarg = argv[self.optind as usize];
                self.optind += 1;
                return 1;
            }

            let element = arg(argv, self.optind);
            let start = argv[self.optind as usize].cast_const();
            if let Some(longopts) = longopts {
                if element[1] == b'-' {
                    // SAFETY: the element is at least "--x" ("--" was handled).
                    self.nextchar = unsafe { start.add(2) };
                    // SAFETY: as this function's contract.
                    return unsafe { self.long_option(argv, &cx, longopts, long_only, b"--", say) };
                }
                // With getopt_long_only, "-f" for a valid short option f
                // stays that option; "-fu" may abbreviate a long "fubar".
                if long_only && (element.len() > 2 || strchr(optstring, element[1]).is_none()) {
                    // SAFETY: the element is at least "-x".
                    self.nextchar = unsafe { start.add(1) };
                    // SAFETY: as this function's contract.
                    let code = unsafe { self.long_option(argv, &cx, longopts, long_only, b"-", say) };
                    if code != -1 {
                        return code;
                    }
                }
            }
            // SAFETY: the element is at least "-x".
            self.nextchar = unsafe { start.add(1) };
        }

        // SAFETY: `nextchar` points at a non-empty rest of an argv string.
        let rest = unsafe { bytes(self.nextchar) };
        let c = rest[0];
        // SAFETY: one past a non-NUL byte is within the string.
        self.nextchar = unsafe { self.nextchar.add(1) };
        let after = &rest[1..];
        if after.is_empty() {
            self.optind += 1; // this element ends with this character
        }
        let spec = match strchr(optstring, c) {
            Some(at) if c != b':' && c != b';' => &optstring[at..],
            _ => {
                if print_errors {
                    say(&[arg(argv, 0), b": invalid option -- '", &[c], b"'\n"]);
                }
                self.optopt = char_value(c);
                return QUESTION;
            }
        };
        let missing = |this: &mut Self, say: Say<'_>| {
            if print_errors {
                say(&[arg(argv, 0), b": option requires an argument -- '", &[c], b"'\n"]);
            }
            this.optopt = char_value(c);
            if optstring.first() == Some(&b':') { COLON } else { QUESTION }
        };

        // POSIX reserves -W: `-W foo` is the long option --foo.
        if let (b'W', Some(b';'), Some(longopts)) = (c, spec.get(1), longopts) {
            let value = if !after.is_empty() {
                self.nextchar
            } else if self.optind >= argc {
                return missing(self, say);
            } else {
                argv[self.optind as usize].cast_const()
            };
            self.nextchar = value;
            // SAFETY: as this function's contract.
            return unsafe { self.long_option(argv, &cx, longopts, false, b"-W ", say) };
        }
        if spec.get(1) == Some(&b':') {
            if spec.get(2) == Some(&b':') {
                // An optional argument: only the rest of this element.
                if after.is_empty() {
                    self.optarg = null_mut();
                } else {
                    self.optarg = self.nextchar.cast_mut();
                    self.optind += 1;
                }
            } else if !after.is_empty() {
                self.optarg = self.nextchar.cast_mut();
                self.optind += 1;
            } else if self.optind >= argc {
                self.nextchar = core::ptr::null();
                return missing(self, say);
            } else {
                self.optarg = argv[self.optind as usize];
                self.optind += 1;
            }
            self.nextchar = core::ptr::null();
        }
        char_value(c)
    }

    fn initialize<'o>(&mut self, optstring: &'o [u8], posixly_correct: bool) -> &'o [u8] {
        if self.optind == 0 {
            self.optind = 1; // argv[0] is the program name
        }
        self.first_nonopt = self.optind;
        self.last_nonopt = self.optind;
        self.nextchar = core::ptr::null();
        let (ordering, skip) = match optstring.first() {
            Some(b'-') => (Ordering::ReturnInOrder, 1),
            Some(b'+') => (Ordering::RequireOrder, 1),
            _ if posixly_correct || posixly_correct_env() => (Ordering::RequireOrder, 0),
            _ => (Ordering::Permute, 0),
        };
        self.ordering = ordering;
        self.initialized = true;
        &optstring[skip..]
    }

    /// Moves the options processed since the skipped non-options,
    /// `[last_nonopt, optind)`, before them, `[first_nonopt, last_nonopt)`,
    /// keeping the order within each.
    fn exchange(&mut self, argv: &mut [*mut c_char]) {
        let (bottom, middle, top) = (self.first_nonopt, self.last_nonopt, self.optind);
        if 0 <= bottom && bottom < middle && middle < top && top as usize <= argv.len() {
            argv[bottom as usize..top as usize].rotate_left((middle - bottom) as usize);
        }
        self.first_nonopt += self.optind - self.last_nonopt;
        self.last_nonopt = self.optind;
    }

    /// glibc's `process_long_option`: `nextchar` is the name (and maybe
    /// `=value`) after `prefix`; `optind` is still at its element. Returns
    /// -1, state unchanged, when getopt_long_only should read the element
    /// as short options instead.
    ///
    /// # Safety
    /// As [`Getopt::next`].
    unsafe fn long_option(
        &mut self,
        argv: &mut [*mut c_char],
        cx: &Context<'_>,
        longopts: &[LongOption],
        long_only: bool,
        prefix: &[u8],
        say: Say<'_>,
    ) -> c_int {
        let argc = c_int::try_from(argv.len()).unwrap_or(c_int::MAX);
        // SAFETY: argv strings are C strings (the caller).
        let arg = |argv: &[*mut c_char], i: c_int| unsafe { bytes(argv[i as usize]) };
        // SAFETY: `nextchar` points into a live argv string.
        let text = unsafe { bytes(self.nextchar) };
        let namelen = text.iter().position(|&b| b == b'=').unwrap_or(text.len());
        let name = &text[..namelen];
        let matches = |o: &LongOption| o.name().starts_with(name);

        let mut found = longopts.iter().position(|o| o.name() == name);
        if found.is_none() {
            let first = longopts.iter().position(matches);
            let ambiguous = first.is_some_and(|f| {
                longopts[f + 1..].iter().any(|o| matches(o) && (long_only || o.differs(&longopts[f])))
            });
            if let (true, Some(f)) = (ambiguous, first) {
                if cx.print_errors {
                    say(&[arg(argv, 0), b": option '", prefix, text, b"' is ambiguous; possibilities:"]);
                    for (i, o) in longopts.iter().enumerate() {
                        if matches(o) && (i == f || long_only || o.differs(&longopts[f])) {
                            say(&[b" '", prefix, o.name(), b"'"]);
                        }
                    }
                    say(&[b"\n"]);
                }
                // SAFETY: the end of the same string.
                self.nextchar = unsafe { self.nextchar.add(text.len()) };
                self.optind += 1;
                self.optopt = 0;
                return QUESTION;
            }
            found = first;
        }

        let Some(index) = found else {
            let dashes = arg(argv, self.optind).get(1) == Some(&b'-');
            if !long_only || dashes || strchr(cx.optstring, text.first().copied().unwrap_or(0)).is_none() {
                if cx.print_errors {
                    say(&[arg(argv, 0), b": unrecognized option '", prefix, text, b"'\n"]);
                }
                self.nextchar = core::ptr::null();
                self.optind += 1;
                self.optopt = 0;
                return QUESTION;
            }
            return -1; // read it as short options
        };

        let option = &longopts[index];
        self.optind += 1;
        let value = self.nextchar;
        self.nextchar = core::ptr::null();
        if namelen < text.len() {
            if option.has_arg == 0 {
                if cx.print_errors {
                    say(&[arg(argv, 0), b": option '", prefix, option.name(), b"' doesn't allow an argument\n"]);
                }
                self.optopt = option.val;
                return QUESTION;
            }
            // SAFETY: just past the '=', within the same string.
            self.optarg = unsafe { value.add(namelen + 1) }.cast_mut();
        } else if option.has_arg == 1 {
            if self.optind < argc {
                self.optarg = argv[self.optind as usize];
                self.optind += 1;
            } else {
                if cx.print_errors {
                    say(&[arg(argv, 0), b": option '", prefix, option.name(), b"' requires an argument\n"]);
                }
                self.optopt = option.val;
                return if cx.optstring.first() == Some(&b':') { COLON } else { QUESTION };
            }
        }
        if !cx.longind.is_null() {
            // SAFETY: a non-null longind is writable (the caller).
            unsafe { *cx.longind = index as c_int };
        }
        if option.flag.is_null() {
            option.val
        } else {
            // SAFETY: a non-null flag is writable (the caller).
            unsafe { *option.flag = option.val };
            0
        }
    }
}

/// What `long_option` needs of the call.
struct Context<'o> {
    optstring: &'o [u8],
    longind: *mut c_int,
    print_errors: bool,
}

/// Whether `POSIXLY_CORRECT` is set (any value), read at initialisation as
/// glibc does.
fn posixly_correct_env() -> bool {
    // SAFETY: a NUL-terminated name; getenv reads the live environment.
    !unsafe { libc::getenv(c"POSIXLY_CORRECT".as_ptr()) }.is_null()
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use std::ffi::CString;
    use std::string::String;
    use std::vec::Vec;

    /// Runs getopt_long over `args` to the end: returns what each call
    /// returned (with optarg), the messages and the final argv order.
    fn scan(
        args: &[&str],
        optstring: &str,
        longs: &[(&str, c_int, c_int)],
        long_only: bool,
    ) -> (String, String, Vec<String>) {
        let owned: Vec<CString> = args.iter().map(|a| CString::new(*a).unwrap()).collect();
        let mut argv: Vec<*mut c_char> = owned.iter().map(|s| s.as_ptr().cast_mut()).collect();
        let names: Vec<CString> = longs.iter().map(|l| CString::new(l.0).unwrap()).collect();
        let table: Vec<LongOption> = longs
            .iter()
            .zip(&names)
            .map(|(l, n)| LongOption { name: n.as_ptr(), has_arg: l.1, flag: null_mut(), val: l.2 })
            .collect();
        let mut g = Getopt::new();
        let (mut out, mut err) = (String::new(), String::new());
        loop {
            let mut say = |parts: &[&[u8]]| parts.iter().for_each(|p| err.push_str(core::str::from_utf8(p).unwrap()));
            // SAFETY: the strings and the table live through the loop.
            let r = unsafe {
                let call = Call {
                    optstring: optstring.as_bytes(),
                    longopts: (!longs.is_empty()).then_some(&table[..]),
                    longind: null_mut(),
                    long_only,
                    posixly_correct: false,
                };
                g.next(&mut argv, &call, &mut say)
            };
            if r == -1 {
                break;
            }
            let value = if g.optarg.is_null() {
                String::from("-")
            } else {
                // SAFETY: optarg points into one of `owned`'s strings.
                unsafe { bytes(g.optarg) }.iter().map(|&b| b as char).collect()
            };
            out.push_str(&std::format!("{r}:{value} "));
        }
        out.push_str(&std::format!("optind={}", g.optind));
        // SAFETY: argv still holds `owned`'s strings, permuted.
        let order = argv.iter().map(|&p| unsafe { bytes(p) }.iter().map(|&b| b as char).collect()).collect();
        (out, err, order)
    }

    /// The host glibc's answer for the same scan: `testbins/getopt/oracle/
    /// getopt_long.c`, built once with the host's C compiler and run with
    /// `POSIXLY_CORRECT` unset and the C locale (glibc's messages in
    /// English).
    fn glibc(
        args: &[&str],
        optstring: &str,
        longs: &[(&str, c_int, c_int)],
        long_only: bool,
    ) -> (String, String, Vec<String>) {
        static DRIVER: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
        let driver = DRIVER.get_or_init(|| {
            let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("testbins/getopt/oracle/getopt_long.c");
            let exe = std::env::temp_dir().join(std::format!("gcompat-getopt-oracle-{}", std::process::id()));
            let built = std::process::Command::new("cc").args(["-O2", "-o"]).arg(&exe).arg(&source).status();
            assert!(
                built.is_ok_and(|s| s.success()),
                "the glibc oracle needs the host's C compiler: cc {}",
                source.display()
            );
            exe
        });
        let spec: Vec<String> = longs.iter().map(|(n, h, v)| std::format!("{n}:{h}:{v}")).collect();
        let spec = if spec.is_empty() { String::from("-") } else { spec.join(",") };
        let out = std::process::Command::new(driver)
            .arg(if long_only { "long_only" } else { "long" })
            .args([optstring, spec.as_str()])
            .args(args)
            .env_remove("POSIXLY_CORRECT")
            .env("LC_ALL", "C")
            .output()
            .expect("the glibc oracle runs");
        let stdout = String::from_utf8(out.stdout).unwrap();
        // The oracle ran only if it got to its summary.
        assert!(out.status.success() && stdout.contains("optind="), "the glibc oracle failed: {stdout:?}");
        let (calls, order) = stdout.split_once('\n').unwrap();
        let order = order.trim_end_matches('\n').split(' ').map(String::from).collect();
        (String::from(calls), String::from_utf8(out.stderr).unwrap(), order)
    }

    /// The shim's scan gives glibc's values, messages and argv order.
    fn agrees(args: &[&str], optstring: &str, longs: &[(&str, c_int, c_int)], long_only: bool) {
        let ours = scan(args, optstring, longs, long_only);
        let theirs = glibc(args, optstring, longs, long_only);
        assert_eq!(
            ours, theirs,
            "getopt over {args:?} with {optstring:?}, {longs:?}, long_only {long_only}: shim, then glibc"
        );
    }

    #[test]
    fn permutes_non_options_after_options() {
        agrees(&["p", "x", "-a", "y", "-b", "v", "z", "--", "-a"], "ab:", &[], false);
        agrees(&["p", "x", "-", "-ab", "y", "-bv", "-a"], "ab:", &[], false);
        agrees(&["p", "-a", "--"], "a", &[], false);
    }

    #[test]
    fn plus_stops_and_minus_returns_in_order() {
        agrees(&["p", "-a", "x", "-b"], "+ab", &[], false);
        agrees(&["p", "-a", "x", "-b"], "-ab", &[], false);
        agrees(&["p", "-a", "x", "--", "-b"], "-ab", &[], false);
        agrees(&["p", "-a", "x", "-b"], "+:ab:", &[], false);
    }

    #[test]
    fn short_option_errors() {
        agrees(&["p", "-z", "-b"], "ab:", &[], false);
        agrees(&["p", "-b"], ":ab:", &[], false);
        agrees(&["p", "-az", "-:"], "ab:", &[], false);
        agrees(&["p", "-c", "-cx", "-c", "y"], "c::", &[], false);
    }

    #[test]
    fn long_options_abbreviate_and_complain() {
        let longs = [("verbose", 0, 1), ("version", 0, 2), ("value", 1, 3)];
        agrees(&["p", "--verb", "--val=x", "--vers", "--ve", "--verbose=1", "--nope"], "", &longs, false);
        agrees(&["p", "--value", "--value"], "", &longs, false);
        agrees(&["p", "--v", "--valu", "x", "--="], ":", &longs, false);
        let optional = [("opt", 2, 4), ("opt-out", 0, 5)];
        agrees(&["p", "--opt", "x", "--opt=y", "--opt-", "--op"], "", &optional, false);
    }

    #[test]
    fn long_only_and_w() {
        let longs = [("verbose", 0, 1), ("value", 1, 3), ("a", 0, 9)];
        agrees(&["p", "-verbose", "-val", "x", "-a", "-v", "-b", "-ve"], "ab", &longs, true);
        agrees(&["p", "-W", "verbose", "-Wvalue=z", "-W", "nope", "-W"], "W;", &longs, false);
    }
}
