//! `argp_parse`: the argp tree flattened into one getopt option string and
//! long option table, each option tagged with the parser ("group") that
//! owns it, and the parse loop calling each group's parser with the keys
//! glibc's manual documents (INIT, options, ARG/ARGS, NO_ARGS, END,
//! SUCCESS or ERROR, FINI).
//!
//! Options are scanned by the project's GNU getopt engine with a private
//! state per parse (glibc's `_getopt_long_r`); its messages go to stderr
//! with `argv[0]` as the name, as glibc's do.
//!
//! The parser's state block is the `struct argp_state` handed to user
//! parsers, which may change `next`, `argv`, `hook`, `child_inputs` and
//! call back into the help functions (which find each group's input through
//! `pstate`): everything here works through a raw `*mut Parser`, never a
//! Rust reference held across a call into the program.

use super::*;
use crate::abi::glibc_types::{argp, argp_child, argp_option, argp_parser_t, argp_state};
use crate::abi::vec::{NoMem, Vec};
use crate::getopt::gnu::{Call, Getopt, LongOption};
use core::ffi::{c_char, c_int, c_uint, c_void};
use core::ptr::{null, null_mut};

/// getopt's "no more options", "an operand" and "an error" returns.
const KEY_END: c_int = -1;
const KEY_ARG: c_int = 1;
const KEY_ERR: c_int = b'?' as c_int;

/// A long option's `val` carries its group number + 1 in the top 8 bits.
const USER_BITS: u32 = c_int::BITS - 8;
const USER_MASK: c_int = (1 << USER_BITS) - 1;

const EBADKEY: c_int = ARGP_ERR_UNKNOWN;

// The default options' keys (glibc's values).
const OPT_PROGNAME: c_int = -2;
const OPT_USAGE: c_int = -3;
const OPT_HANG: c_int = -4;

/// Whether `opt` ends an options array.
///
/// # Safety
/// `opt` points at an option entry.
pub(crate) unsafe fn option_is_end(opt: *const argp_option) -> bool {
    // SAFETY: a valid entry (the caller).
    let o = unsafe { &*opt };
    o.key == 0 && o.name.is_null() && o.doc.is_null() && o.group == 0
}

/// Whether `opt` can be given as a short option (`__option_is_short`).
///
/// # Safety
/// `opt` points at an option entry.
pub(crate) unsafe fn option_is_short(opt: *const argp_option) -> bool {
    // SAFETY: a valid entry (the caller).
    let o = unsafe { &*opt };
    // isprint in the C locale, as glibc's inline has it.
    o.flags & OPTION_DOC == 0 && o.key > 0 && o.key <= 0xff && (0x20..0x7f).contains(&o.key)
}

/// A static option table or argp: raw pointers Rust will not share between
/// threads unless told the data is immutable.
#[repr(transparent)]
struct Shared<T>(T);
// SAFETY: the wrapped tables are never written; they point at 'static data.
unsafe impl<T> Sync for Shared<T> {}

const fn option(
    name: &'static CStr,
    key: c_int,
    arg: Option<&'static CStr>,
    flags: c_int,
    doc: &'static CStr,
    group: c_int,
) -> argp_option {
    argp_option {
        name: name.as_ptr(),
        key,
        arg: match arg {
            Some(a) => a.as_ptr(),
            None => null(),
        },
        flags,
        doc: doc.as_ptr(),
        group,
    }
}

const END: argp_option = argp_option { name: null(), key: 0, arg: null(), flags: 0, doc: null(), group: 0 };

static DEFAULT_OPTIONS: Shared<[argp_option; 5]> = Shared([
    option(c"help", b'?' as c_int, None, 0, c"Give this help list", -1),
    option(c"usage", OPT_USAGE, None, 0, c"Give a short usage message", 0),
    option(c"program-name", OPT_PROGNAME, Some(c"NAME"), OPTION_HIDDEN, c"Set the program name", 0),
    option(
        c"HANG",
        OPT_HANG,
        Some(c"SECS"),
        OPTION_ARG_OPTIONAL | OPTION_HIDDEN,
        c"Hang for SECS seconds (default 3600)",
        0,
    ),
    END,
]);

static DEFAULT_ARGP: Shared<argp> = Shared(argp {
    options: DEFAULT_OPTIONS.0.as_ptr(),
    parser: Some(default_parser),
    args_doc: null(),
    doc: null(),
    children: null(),
    help_filter: None,
    argp_domain: c"libc".as_ptr(),
});

static VERSION_OPTIONS: Shared<[argp_option; 2]> =
    Shared([option(c"version", b'V' as c_int, None, 0, c"Print program version", -1), END]);

static VERSION_ARGP: Shared<argp> = Shared(argp {
    options: VERSION_OPTIONS.0.as_ptr(),
    parser: Some(version_parser),
    args_doc: null(),
    doc: null(),
    children: null(),
    help_filter: None,
    argp_domain: c"libc".as_ptr(),
});

/// The parser of the default options (`--help`, `--usage`, the hidden
/// `--program-name` and `--HANG`).
unsafe extern "C" fn default_parser(key: c_int, arg: *mut c_char, state: *mut argp_state) -> c_int {
    // SAFETY: argp passes its live state; `arg` is an argv string or null.
    unsafe {
        match key {
            k if k == b'?' as c_int => state_help(state, (*state).out_stream.cast(), ARGP_HELP_STD_HELP),
            OPT_USAGE => state_help(state, (*state).out_stream.cast(), ARGP_HELP_USAGE | ARGP_HELP_EXIT_OK),
            OPT_PROGNAME => {
                musl::program_invocation_name = arg;
                (*state).name = base_name(arg);
                musl::program_invocation_short_name = (*state).name;
                if (*state).flags & (ARGP_PARSE_ARGV0 | ARGP_NO_ERRS) == ARGP_PARSE_ARGV0 {
                    // What getopt names in its messages too.
                    *(*state).argv = arg;
                }
            }
            OPT_HANG => {
                let mut secs = libc::atoi(if arg.is_null() { c"3600".as_ptr() } else { arg });
                while secs > 0 {
                    secs -= 1;
                    libc::sleep(1);
                }
            }
            _ => return EBADKEY,
        }
    }
    0
}

/// The parser of `--version`.
unsafe extern "C" fn version_parser(key: c_int, _arg: *mut c_char, state: *mut argp_state) -> c_int {
    if key != b'V' as c_int {
        return EBADKEY;
    }
    // SAFETY: argp passes its live state; the variables are the program's.
    unsafe {
        let out = (*state).out_stream.cast::<FILE>();
        if let Some(hook) = argp_program_version_hook {
            hook(out, state);
        } else if !argp_program_version.is_null() {
            libc::fprintf(out, c"%s\n".as_ptr(), argp_program_version);
        } else {
            let domain = (*(*state).root_argp).argp_domain;
            error_message(state, &[text(tr(domain, c"(PROGRAM ERROR) No version known!?".as_ptr()))]);
        }
        if (*state).flags & ARGP_NO_EXIT == 0 {
            libc::exit(0);
        }
    }
    0
}

/// One argp of the tree that has options or a parser.
#[derive(Clone, Copy)]
struct Group {
    parser: argp_parser_t,
    argp: *const argp,
    /// Where this group's short options end in the option string.
    short_end: usize,
    /// The operands this group's parser has taken.
    args_processed: c_uint,
    parent: Option<usize>,
    /// This argp's index among its parent's children.
    parent_index: usize,
    input: *mut c_void,
    /// This group's slots in `Parser::child_inputs`, one per child (null
    /// without children).
    child_inputs: *mut *mut c_void,
    hook: *mut c_void,
}

pub struct Parser {
    argp: *const argp,
    /// getopt's option string over all groups.
    short_opts: Vec<u8>,
    /// getopt's long options over all groups (first name wins).
    long_opts: Vec<LongOption>,
    getopt: Getopt,
    groups: Vec<Group>,
    child_inputs: Vec<*mut c_void>,
    /// Whether getopt may still find options; cleared at its end, set again
    /// if a parser moves `next` back.
    try_getopt: bool,
    state: argp_state,
}

/// Counts the groups and child slots under `argp` (glibc's `calc_sizes`).
///
/// # Safety
/// `argp` is a valid argp tree.
unsafe fn count(argp: *const argp, groups: &mut usize, child_slots: &mut usize) {
    // SAFETY: a valid tree (the caller).
    unsafe {
        let a = &*argp;
        if !a.options.is_null() || a.parser.is_some() {
            *groups += 1;
        }
        let mut child = a.children;
        while !child.is_null() && !(*child).argp.is_null() {
            count((*child).argp, groups, child_slots);
            *child_slots += 1;
            child = child.add(1);
        }
    }
}

impl Parser {
    /// Flattens `argp` into getopt's tables and the groups (glibc's
    /// `parser_convert`).
    ///
    /// # Safety
    /// `argp` is null or a valid argp tree.
    unsafe fn new(argp: *const argp, flags: c_uint) -> Result<Self, NoMem> {
        let (mut ngroups, mut nslots) = (0, 0);
        if !argp.is_null() {
            // SAFETY: a valid tree (the caller).
            unsafe { count(argp, &mut ngroups, &mut nslots) };
        }
        let mut parser = Parser {
            argp,
            short_opts: Vec::new(),
            long_opts: Vec::new(),
            getopt: Getopt::new(),
            groups: Vec::with_capacity(ngroups)?,
            child_inputs: Vec::with_len(nslots, null_mut())?,
            try_getopt: true,
            // SAFETY: a C struct of integers and pointers; all-zero is valid.
            state: unsafe { core::mem::zeroed() },
        };
        if flags & ARGP_IN_ORDER != 0 {
            parser.short_opts.push(b'-')?;
        } else if flags & ARGP_NO_ARGS != 0 {
            parser.short_opts.push(b'+')?;
        }
        if !argp.is_null() {
            let mut slots = 0;
            // SAFETY: a valid tree (the caller).
            unsafe { parser.convert(argp, None, 0, &mut slots) }?;
        }
        Ok(parser)
    }

    /// # Safety
    /// `argp` is a valid argp tree.
    unsafe fn convert(
        &mut self,
        argp: *const argp,
        parent: Option<usize>,
        parent_index: usize,
        slots: &mut usize,
    ) -> Result<(), NoMem> {
        // SAFETY: a valid tree (the caller).
        let a = unsafe { &*argp };
        let mut parent = parent;
        if !a.options.is_null() || a.parser.is_some() {
            let group = self.groups.len();
            let mut opt = a.options;
            let mut real = opt;
            // SAFETY: the options array ends with an end entry.
            while !opt.is_null() && !unsafe { option_is_end(opt) } {
                // SAFETY: `opt` and `real` point into the array.
                let (o, r) = unsafe { (&*opt, &*real) };
                let r = if o.flags & OPTION_ALIAS == 0 {
                    real = opt;
                    o
                } else {
                    r
                };
                if r.flags & OPTION_DOC == 0 {
                    // SAFETY: a valid entry.
                    if unsafe { option_is_short(opt) } {
                        self.short_opts.push(o.key as u8)?;
                        if !r.arg.is_null() {
                            self.short_opts.push(b':')?;
                            if r.flags & OPTION_ARG_OPTIONAL != 0 {
                                self.short_opts.push(b':')?;
                            }
                        }
                    }
                    // SAFETY: names are C strings.
                    if !o.name.is_null() && !self.long_opts.iter().any(|l| unsafe { libc::strcmp(l.name, o.name) } == 0)
                    {
                        let has_arg = match (r.arg.is_null(), r.flags & OPTION_ARG_OPTIONAL != 0) {
                            (true, _) => 0,
                            (false, false) => 1,
                            (false, true) => 2,
                        };
                        let key = if o.key != 0 { o.key } else { r.key };
                        let val = (key & USER_MASK).wrapping_add(((group as c_int) + 1) << USER_BITS);
                        self.long_opts.push(LongOption { name: o.name, has_arg, flag: null_mut(), val })?;
                    }
                }
                // SAFETY: not past the end entry.
                opt = unsafe { opt.add(1) };
            }
            let mut nchildren = 0;
            // SAFETY: the children array ends with a null argp.
            while !a.children.is_null() && !unsafe { (*a.children.add(nchildren)).argp }.is_null() {
                nchildren += 1;
            }
            let child_inputs = if a.children.is_null() {
                null_mut()
            } else {
                // SAFETY: `count` reserved a slot for every child.
                let p = unsafe { self.child_inputs.as_mut_ptr().add(*slots) };
                *slots += nchildren;
                p
            };
            self.groups.push(Group {
                parser: a.parser,
                argp,
                short_end: self.short_opts.len(),
                args_processed: 0,
                parent,
                parent_index,
                input: null_mut(),
                child_inputs,
                hook: null_mut(),
            })?;
            parent = Some(group);
        } else {
            parent = None;
        }
        let mut child: *const argp_child = a.children;
        let mut index = 0;
        // SAFETY: the children array ends with a null argp.
        while !child.is_null() && !unsafe { (*child).argp }.is_null() {
            // SAFETY: a valid child.
            unsafe { self.convert((*child).argp, parent, index, slots) }?;
            index += 1;
            // SAFETY: not past the terminator.
            child = unsafe { child.add(1) };
        }
        Ok(())
    }
}

/// Calls group `g`'s parser with its own input, hook and child inputs
/// swapped into the state.
///
/// # Safety
/// `p` is a live parser and `g` one of its groups.
unsafe fn group_parse(p: *mut Parser, g: usize, key: c_int, arg: *mut c_char) -> c_int {
    // SAFETY: a live parser (the caller); the groups never move once built.
    unsafe {
        let group = (*p).groups.as_mut_ptr().add(g);
        let Some(parser) = (*group).parser else { return EBADKEY };
        let state = &raw mut (*p).state;
        (*state).hook = (*group).hook;
        (*state).input = (*group).input;
        (*state).child_inputs = (*group).child_inputs;
        (*state).arg_num = (*group).args_processed;
        let err = parser(key, arg, state);
        (*group).hook = (*state).hook;
        err
    }
}

/// The root argp's translation domain (null without a root).
///
/// # Safety
/// `p` is a live parser.
unsafe fn root_domain(p: *mut Parser) -> *const c_char {
    // SAFETY: a live parser whose root is null or valid (the caller).
    unsafe {
        let root = (*p).argp;
        if root.is_null() { null() } else { (*root).argp_domain }
    }
}

/// The number of groups.
///
/// # Safety
/// `p` is a live parser.
unsafe fn ngroups(p: *mut Parser) -> usize {
    // SAFETY: a live parser (the caller).
    unsafe { (*p).groups.len() }
}

/// glibc's `parser_init` after the conversion: the state, then every
/// parser's ARGP_KEY_INIT (parents pass inputs down to children).
///
/// # Safety
/// `p` is a fresh parser; `argv` holds `argc` strings.
unsafe fn init(p: *mut Parser, argc: c_int, argv: *mut *mut c_char, flags: c_uint, input: *mut c_void) -> c_int {
    // SAFETY: a live parser (the caller); groups and slots never move.
    unsafe {
        let state = &raw mut (*p).state;
        (*state).root_argp = (*p).argp;
        (*state).argc = argc;
        (*state).argv = argv;
        (*state).flags = flags;
        (*state).err_stream = musl::stderr.cast();
        (*state).out_stream = musl::stdout.cast();
        (*state).next = 0;
        (*state).pstate = p.cast();
        (*p).try_getopt = true;

        let n = ngroups(p);
        let groups = (*p).groups.as_mut_ptr();
        if n > 0 {
            (*groups).input = input;
        }
        let mut err = 0;
        let mut g = 0;
        while g < n && (err == 0 || err == EBADKEY) {
            let group = groups.add(g);
            if let Some(parent) = (*group).parent {
                (*group).input = *(*groups.add(parent)).child_inputs.add((*group).parent_index);
            }
            let children = (*(*group).argp).children;
            if (*group).parser.is_none() && !children.is_null() && !(*children).argp.is_null() {
                // A parser-less argp passes its input to its first child.
                *(*group).child_inputs = (*group).input;
            }
            err = group_parse(p, g, ARGP_KEY_INIT, null_mut());
            g += 1;
        }
        if err == EBADKEY {
            err = 0;
        }
        if err != 0 {
            return err;
        }

        if (*state).flags & ARGP_NO_ERRS != 0 {
            (*p).getopt.opterr = 0;
            if (*state).flags & ARGP_PARSE_ARGV0 != 0 {
                // getopt always skips argv[0]: start it one before, as glibc
                // does (with opterr off, getopt never reads that element).
                (*state).argv = (*state).argv.wrapping_sub(1);
                (*state).argc += 1;
            }
        } else {
            (*p).getopt.opterr = 1;
        }
        (*state).name = if (*state).argv == argv && !argv.is_null() && !(*argv).is_null() {
            base_name(*argv)
        } else {
            musl::program_invocation_short_name
        };
        0
    }
}

/// One getopt call over the state's current argv.
///
/// # Safety
/// `p` is a live parser whose state's argv holds argc strings.
unsafe fn next_option(p: *mut Parser) -> c_int {
    // SAFETY: a live parser (the caller); no program code runs while the
    // argv slice is borrowed. With ARGP_PARSE_ARGV0 | ARGP_NO_ERRS the
    // slice starts one element before the caller's argv, as glibc's does;
    // getopt never reads or moves element 0 with opterr off (it only names
    // the program in messages), and that word is the caller's argc slot or
    // allocator header in practice.
    unsafe {
        let state = &raw mut (*p).state;
        let Ok(argc) = usize::try_from((*state).argc) else { return KEY_END };
        if argc < 1 || (*state).argv.is_null() {
            return KEY_END;
        }
        let argv = core::slice::from_raw_parts_mut((*state).argv, argc);
        let parser = &mut *p;
        let call = Call {
            optstring: &parser.short_opts,
            longopts: Some(&parser.long_opts),
            longind: null_mut(),
            long_only: parser.state.flags & ARGP_LONG_ONLY != 0,
            posixly_correct: false,
        };
        parser.getopt.next(argv, &call, &mut crate::getopt::to_stderr)
    }
}

/// Parses the next argument (glibc's `parser_parse_next`); `arg_ebadkey`
/// says whether an EBADKEY came from an operand nobody took (or the end),
/// which is not in itself an error.
///
/// # Safety
/// `p` is a live parser.
unsafe fn parse_next(p: *mut Parser, arg_ebadkey: &mut bool) -> c_int {
    // SAFETY: a live parser (the caller).
    unsafe {
        let state = &raw mut (*p).state;
        if (*state).quoted != 0 && (*state).next < (*state).quoted {
            // `next` moved back before a `--`: let getopt see it again.
            (*state).quoted = 0;
        }
        let mut opt;
        if (*p).try_getopt && (*state).quoted == 0 {
            (*p).getopt.optind = (*state).next;
            (*p).getopt.optopt = KEY_END;
            opt = next_option(p);
            (*state).next = (*p).getopt.optind;
            if opt == KEY_END {
                (*p).try_getopt = false;
                let next = (*state).next;
                if next > 1 && libc::strcmp(*(*state).argv.add(next as usize - 1), c"--".as_ptr()) == 0 {
                    (*state).quoted = next;
                }
            } else if opt == KEY_ERR && (*p).getopt.optopt != KEY_END {
                *arg_ebadkey = false;
                return EBADKEY;
            }
        } else {
            opt = KEY_END;
        }

        if opt == KEY_END {
            if (*state).next >= (*state).argc || (*state).flags & ARGP_NO_ARGS != 0 {
                *arg_ebadkey = true;
                return EBADKEY;
            }
            opt = KEY_ARG;
            (*p).getopt.optarg = *(*state).argv.add((*state).next as usize);
            (*state).next += 1;
        }
        let value = (*p).getopt.optarg;
        let err = if opt == KEY_ARG { parse_arg(p, value) } else { parse_opt(p, opt, value) };
        if err == EBADKEY {
            *arg_ebadkey = opt == KEY_END || opt == KEY_ARG;
        }
        err
    }
}

/// Offers an operand to each group in turn, as ARGP_KEY_ARG and then as
/// ARGP_KEY_ARGS (glibc's `parser_parse_arg`).
///
/// # Safety
/// `p` is a live parser; `next` is just past `value`.
unsafe fn parse_arg(p: *mut Parser, value: *mut c_char) -> c_int {
    // SAFETY: a live parser (the caller).
    unsafe {
        let state = &raw mut (*p).state;
        (*state).next -= 1;
        let index = (*state).next;
        let mut err = EBADKEY;
        let mut key = 0;
        let mut g = 0;
        while g < ngroups(p) && err == EBADKEY {
            (*state).next += 1;
            key = ARGP_KEY_ARG;
            err = group_parse(p, g, key, value);
            if err == EBADKEY {
                (*state).next -= 1;
                key = ARGP_KEY_ARGS;
                err = group_parse(p, g, key, null_mut());
            }
            g += 1;
        }
        if err == 0 {
            if key == ARGP_KEY_ARGS {
                (*state).next = (*state).argc;
            }
            if (*state).next > index {
                let group = (*p).groups.as_mut_ptr().add(g - 1);
                (*group).args_processed = (*group).args_processed.wrapping_add(((*state).next - index) as c_uint);
            } else {
                (*p).try_getopt = true;
            }
        }
        err
    }
}

/// Hands an option to the group that owns it (glibc's `parser_parse_opt`).
///
/// # Safety
/// `p` is a live parser.
unsafe fn parse_opt(p: *mut Parser, opt: c_int, value: *mut c_char) -> c_int {
    // SAFETY: a live parser (the caller).
    unsafe {
        let group_key = opt >> USER_BITS;
        let mut err = EBADKEY;
        if group_key == 0 {
            // The group whose stretch of the option string holds it.
            let c = opt as u8;
            let shorts = &(*p).short_opts;
            let at = if c == 0 { None } else { shorts.iter().position(|&b| b == c) };
            if let Some(at) = at
                && let Some(g) = (*p).groups.iter().position(|g| g.short_end > at)
            {
                err = group_parse(p, g, opt, value);
            }
        } else if let Ok(g) = usize::try_from(group_key - 1)
            && g < ngroups(p)
        {
            err = group_parse(p, g, (opt << 8) >> 8, value);
        }
        if err == EBADKEY {
            let state = &raw const (*p).state;
            let domain = root_domain(p);
            let complaint = text(tr(domain, c"(PROGRAM ERROR) Option should have been recognized!?".as_ptr()));
            if group_key == 0 {
                error_message(state, &[b"-", &[opt as u8], b": ", complaint]);
            } else {
                let name = (*p).long_opts.iter().find(|l| l.val == opt).map_or(&b"???"[..], |l| text(l.name));
                error_message(state, &[b"--", name, b": ", complaint]);
            }
        }
        err
    }
}

/// The end of a parse (glibc's `parser_finalize`): NO_ARGS and END on
/// success, the error hint, ERROR or SUCCESS, then FINI.
///
/// # Safety
/// `p` is a live parser; `end_index` is null or writable.
unsafe fn finalize(p: *mut Parser, mut err: c_int, arg_ebadkey: bool, end_index: *mut c_int) -> c_int {
    // SAFETY: a live parser (the caller).
    unsafe {
        let state = &raw mut (*p).state;
        let n = ngroups(p);
        if err == EBADKEY && arg_ebadkey {
            err = 0; // operands nobody took are not an error here
        }
        if err == 0 {
            if (*state).next == (*state).argc {
                let mut g = 0;
                while g < n && (err == 0 || err == EBADKEY) {
                    if (*(*p).groups.as_mut_ptr().add(g)).args_processed == 0 {
                        err = group_parse(p, g, ARGP_KEY_NO_ARGS, null_mut());
                    }
                    g += 1;
                }
                let mut g = n;
                while g > 0 && (err == 0 || err == EBADKEY) {
                    g -= 1;
                    err = group_parse(p, g, ARGP_KEY_END, null_mut());
                }
                if err == EBADKEY {
                    err = 0;
                }
                if !end_index.is_null() {
                    *end_index = (*state).next;
                }
            } else if !end_index.is_null() {
                *end_index = (*state).next;
            } else {
                if (*state).flags & ARGP_NO_ERRS == 0 && !(*state).err_stream.is_null() {
                    let domain = root_domain(p);
                    let fmt = tr(domain, c"%s: Too many arguments\n".as_ptr());
                    libc::fprintf((*state).err_stream.cast(), fmt, (*state).name);
                }
                err = EBADKEY;
            }
        }

        if err != 0 {
            if err == EBADKEY {
                state_help(state, (*state).err_stream.cast(), ARGP_HELP_STD_ERR);
            }
            for g in 0..n {
                group_parse(p, g, ARGP_KEY_ERROR, null_mut());
            }
        } else {
            let mut g = n;
            while g > 0 && (err == 0 || err == EBADKEY) {
                g -= 1;
                err = group_parse(p, g, ARGP_KEY_SUCCESS, null_mut());
            }
            if err == EBADKEY {
                err = 0;
            }
        }
        for g in (0..n).rev() {
            group_parse(p, g, ARGP_KEY_FINI, null_mut());
        }
        if err == EBADKEY { libc::EINVAL } else { err }
    }
}

/// The body of `argp_parse`.
///
/// # Safety
/// As `argp_parse`.
pub unsafe fn argp_parse(
    argp: *const argp,
    argc: c_int,
    argv: *mut *mut c_char,
    flags: c_uint,
    end_index: *mut c_int,
    input: *mut c_void,
) -> c_int {
    // Unless told not to, the user's argp goes under a root with the
    // default options (and --version if the program has a version).
    // SAFETY: C structs of pointers and integers; all-zero is valid.
    let mut children: [argp_child; 4] = unsafe { core::mem::zeroed() };
    // SAFETY: as above.
    let mut top: argp = unsafe { core::mem::zeroed() };
    let mut root = argp;
    if flags & ARGP_NO_HELP == 0 {
        let mut n = 0;
        if !argp.is_null() {
            children[n].argp = argp;
            n += 1;
        }
        children[n].argp = &DEFAULT_ARGP.0;
        n += 1;
        // SAFETY: the program's variables, read through the GOT.
        let (version, hook) = unsafe { (argp_program_version, argp_program_version_hook) };
        if !version.is_null() || hook.is_some() {
            children[n].argp = &VERSION_ARGP.0;
        }
        top.children = children.as_ptr();
        root = &top;
    }

    // SAFETY: a valid tree (the caller's, plus the statics above).
    let Ok(mut parser) = (unsafe { Parser::new(root, flags) }) else {
        // glibc's parser_init fails the same way when it cannot allocate.
        return libc::ENOMEM;
    };
    let p: *mut Parser = &mut parser;
    // SAFETY: `p` is live until the end of this function; nothing else
    // touches `parser` meanwhile.
    unsafe {
        let mut err = init(p, argc, argv, flags, input);
        if err == 0 {
            let mut arg_ebadkey = false;
            while err == 0 {
                err = parse_next(p, &mut arg_ebadkey);
            }
            err = finalize(p, err, arg_ebadkey, end_index);
        }
        err
    }
}

/// The input of `argp`'s group in the parse `state` belongs to (glibc's
/// `_argp_input`), for help filters.
///
/// # Safety
/// `state` is null or a state `argp_parse` made.
pub(crate) unsafe fn input_of(argp: *const argp, state: *const argp_state) -> *mut c_void {
    if state.is_null() {
        return null_mut();
    }
    // SAFETY: `pstate` is the parser that made the state (the caller).
    unsafe {
        let p = (*state).pstate.cast::<Parser>();
        if p.is_null() {
            return null_mut();
        }
        let groups = (*p).groups.as_mut_ptr();
        for g in 0..(*p).groups.len() {
            if (*groups.add(g)).argp == argp {
                return (*groups.add(g)).input;
            }
        }
    }
    null_mut()
}
