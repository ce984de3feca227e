//! Pattern → program: glibc's regex grammar (`regcomp.c`'s `peek_token`,
//! `parse_reg_exp`, `parse_bracket_exp`, `parse_dup_op`) re-derived from its
//! documented and observed behaviour, honouring every `RE_*` syntax bit, then
//! compiled to a small NFA program for [`super::exec`].
//!
//! Bytes are read through glibc's input map: the `translate` table, then
//! `toupper` under `RE_ICASE` (glibc folds both the pattern and the subject
//! to upper case). Escaped letters and class names are read raw, as glibc's
//! `peek_byte_case` does. Character sets are built in that mapped domain and
//! then turned into sets of raw subject bytes, so matching needs no map.

use crate::abi::vec::{NoMem, Vec};

pub const RE_BACKSLASH_ESCAPE_IN_LISTS: u64 = 1;
pub const RE_BK_PLUS_QM: u64 = 1 << 1;
pub const RE_CHAR_CLASSES: u64 = 1 << 2;
pub const RE_CONTEXT_INDEP_ANCHORS: u64 = 1 << 3;
pub const RE_CONTEXT_INDEP_OPS: u64 = 1 << 4;
pub const RE_CONTEXT_INVALID_OPS: u64 = 1 << 5;
pub const RE_DOT_NEWLINE: u64 = 1 << 6;
pub const RE_DOT_NOT_NULL: u64 = 1 << 7;
pub const RE_HAT_LISTS_NOT_NEWLINE: u64 = 1 << 8;
pub const RE_INTERVALS: u64 = 1 << 9;
pub const RE_LIMITED_OPS: u64 = 1 << 10;
pub const RE_NEWLINE_ALT: u64 = 1 << 11;
pub const RE_NO_BK_BRACES: u64 = 1 << 12;
pub const RE_NO_BK_PARENS: u64 = 1 << 13;
pub const RE_NO_BK_REFS: u64 = 1 << 14;
pub const RE_NO_BK_VBAR: u64 = 1 << 15;
pub const RE_NO_EMPTY_RANGES: u64 = 1 << 16;
pub const RE_UNMATCHED_RIGHT_PAREN_ORD: u64 = 1 << 17;
pub const RE_NO_GNU_OPS: u64 = 1 << 19;
pub const RE_INVALID_INTERVAL_ORD: u64 = 1 << 21;
pub const RE_ICASE: u64 = 1 << 22;
pub const RE_CARET_ANCHORS_HERE: u64 = 1 << 23;
pub const RE_CONTEXT_INVALID_DUP: u64 = 1 << 24;
pub const RE_NO_SUB: u64 = 1 << 25;

const POSIX_COMMON: u64 = RE_CHAR_CLASSES | RE_DOT_NEWLINE | RE_DOT_NOT_NULL | RE_INTERVALS | RE_NO_EMPTY_RANGES;
pub const RE_SYNTAX_POSIX_BASIC: u64 = POSIX_COMMON | RE_BK_PLUS_QM | RE_CONTEXT_INVALID_DUP;
pub const RE_SYNTAX_POSIX_EXTENDED: u64 = POSIX_COMMON
    | RE_CONTEXT_INDEP_ANCHORS
    | RE_CONTEXT_INDEP_OPS
    | RE_NO_BK_BRACES
    | RE_NO_BK_PARENS
    | RE_NO_BK_VBAR
    | RE_CONTEXT_INVALID_OPS
    | RE_UNMATCHED_RIGHT_PAREN_ORD;

/// glibc's `reg_errcode_t` values.
pub const REG_BADPAT: i32 = 2;
pub const REG_ECOLLATE: i32 = 3;
pub const REG_ECTYPE: i32 = 4;
pub const REG_EESCAPE: i32 = 5;
pub const REG_ESUBREG: i32 = 6;
pub const REG_EBRACK: i32 = 7;
pub const REG_EPAREN: i32 = 8;
pub const REG_EBRACE: i32 = 9;
pub const REG_BADBR: i32 = 10;
pub const REG_ERANGE: i32 = 11;
pub const REG_ESPACE: i32 = 12;
pub const REG_BADRPT: i32 = 13;
pub const REG_ESIZE: i32 = 15;
pub const REG_ERPAREN: i32 = 16;

const RE_DUP_MAX: i32 = 0x7fff;
/// Beyond this many instructions compilation fails with `REG_ESPACE`.
const MAX_INSTS: usize = 1 << 22;

impl From<NoMem> for i32 {
    fn from(_: NoMem) -> i32 {
        REG_ESPACE
    }
}

/// A set of bytes.
pub type Set = [u64; 4];

/// For each instruction, which parts of the back-reference search's state
/// its future can still read: the groups whose opening it lies after and
/// whose closing it precedes (that closing compares with the opening), and
/// the loops whose iteration it is inside (the iteration's end compares
/// with its start). With the groups back-references name, two arrivals at
/// an instruction and position that agree on those have the same future.
#[derive(Default)]
pub struct MemoShape {
    /// Groups back-references name (bit g); 0: no memo.
    pub backrefs: u64,
    /// Some group closes with glibc's opt_subexp mark: only then can the
    /// registers saved at a group's end come back, so only then do the
    /// open groups' openings and the saved registers matter.
    pub restores: bool,
    /// Per instruction: the groups it lies inside (bit g).
    pub groups: Vec<u64>,
    /// Per instruction `pc`: `loops[loops_at[pc]..loops_at[pc + 1]]`.
    pub loops_at: Vec<u32>,
    pub loops: Vec<u32>,
}

impl MemoShape {
    /// Walks the program once: groups and loops nest in instruction order.
    fn of(insts: &[Inst], backrefs: u64) -> Result<Self, NoMem> {
        let restores = insts.iter().any(|i| i.op == I_SAVE && i.a % 2 == 1 && i.b != 0);
        let mut shape = MemoShape { backrefs, restores, ..Default::default() };
        let (mut groups, mut open_loops) = (0u64, Vec::<u32>::new());
        for inst in insts.iter() {
            let g = inst.a / 2;
            if inst.op == I_SAVE && inst.a % 2 == 1 {
                // The closing reads the opening: still inside here.
                shape.groups.push(groups)?;
                groups &= !(1u64.checked_shl(g).unwrap_or(0));
            } else {
                shape.groups.push(groups)?;
                if inst.op == I_SAVE {
                    groups |= 1u64.checked_shl(g).unwrap_or(0);
                }
            }
            shape.loops_at.push(shape.loops.len() as u32)?;
            for &lp in open_loops.iter() {
                shape.loops.push(lp)?;
            }
            match inst.op {
                I_ITER_START => open_loops.push(inst.a)?,
                I_ITER_END => {
                    if let Some(at) = open_loops.iter().rposition(|&lp| lp == inst.a) {
                        let last = open_loops.len() - 1;
                        open_loops.swap(at, last);
                        open_loops.pop();
                    }
                }
                _ => {}
            }
        }
        shape.loops_at.push(shape.loops.len() as u32)?;
        Ok(shape)
    }
}

pub fn set_has(set: &Set, b: u8) -> bool {
    set[usize::from(b >> 6)] >> (b & 63) & 1 != 0
}

fn set_add(set: &mut Set, b: u8) {
    set[usize::from(b >> 6)] |= 1 << (b & 63);
}

// Assertions (glibc's anchor context types).
pub const A_LINE_FIRST: u32 = 0;
pub const A_LINE_LAST: u32 = 1;
pub const A_BUF_FIRST: u32 = 2;
pub const A_BUF_LAST: u32 = 3;
pub const A_WORD_FIRST: u32 = 4;
pub const A_WORD_LAST: u32 = 5;
pub const A_WORD_DELIM: u32 = 6;
pub const A_NOT_WORD_DELIM: u32 = 7;

// Instructions.
pub const I_SET: u8 = 0; // a: set index; consumes one byte in the set
pub const I_SPLIT: u8 = 1; // try a, then b
pub const I_JMP: u8 = 2; // a
pub const I_SAVE: u8 = 3; // a: register slot
pub const I_ASSERT: u8 = 4; // a: assertion
pub const I_BACKREF: u8 = 5; // a: group number
pub const I_LOOP_INIT: u8 = 6; // a: loop slot, b: 1 if the first iteration may be empty
pub const I_ITER_START: u8 = 7; // a: loop slot
pub const I_ITER_END: u8 = 8; // a: loop slot, b: loop head, or u32::MAX (fail if empty)
pub const I_MATCH: u8 = 9;

#[derive(Clone, Copy)]
pub struct Inst {
    pub op: u8,
    pub a: u32,
    pub b: u32,
}

/// A compiled pattern.
pub struct Prog {
    pub insts: Vec<Inst>,
    pub sets: Vec<Set>,
    pub nsub: usize,
    pub loops: usize,
    pub has_backref: bool,
    /// What the back-reference search's memo keys on (`exec.rs`), set
    /// when there are back-references.
    pub memo: MemoShape,
    /// glibc's input map (translate, then upper case under RE_ICASE).
    pub map: [u8; 256],
    /// Bytes that can begin a match; `can_be_null`: the empty string can.
    pub first: Set,
    pub can_be_null: bool,
    /// The one byte that can begin a match, if there is only one.
    pub first_single: Option<u8>,
    /// Only matches at buffer start, by newline_anchor (glibc's check that
    /// the initial states for other contexts are empty).
    pub anchored: [bool; 2],
    /// Lazily built DFAs, by newline_anchor.
    pub dfa: [super::dfa::Cell; 2],
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tk {
    Char,
    Backslash,
    Alt,
    BackRef,
    Anchor,
    Word,
    NotWord,
    Space,
    NotSpace,
    Open,
    Close,
    Star,
    Plus,
    Question,
    OpenDup,
    CloseDup,
    Bracket,
    Period,
    End,
}

#[derive(Clone, Copy)]
struct Token {
    kind: Tk,
    c: u8,
    /// Anchor kind or back-reference index.
    arg: u32,
    len: usize,
}

#[derive(Clone, Copy)]
enum Node {
    Set(u32),
    Assert(u32),
    Group(u32, Option<u32>),
    Concat(u32, u32),
    Alt(Option<u32>, Option<u32>),
    Repeat(u32, i32, i32),
    Backref(u32),
}

type Tree = Option<u32>;

/// A group being parsed: its 0-based index, the alternatives before the
/// current branch (`None`: no `|` yet), and the branch so far.
#[derive(Clone, Copy)]
struct Frame {
    index: usize,
    alts: Option<Tree>,
    branch: Tree,
    /// glibc's completed_bkref_map at the group's start (each alternative
    /// starts from it: `\(a\)\|\1` is REG_ESUBREG), and the groups the
    /// alternatives before this one completed.
    initial: u32,
    accumulated: u32,
}

/// What [`Parser::expression`] found.
enum Expr {
    Tree(Tree),
    /// An opening parenthesis, not yet consumed.
    Open,
}

struct Parser<'a> {
    pat: &'a [u8],
    pos: usize,
    map: [u8; 256],
    trans_map: [u8; 256],
    nodes: Vec<Node>,
    sets: Vec<Set>,
    nsub: usize,
    completed: u32,
    has_backref: bool,
    tok: Token,
}

fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

fn class_has(name: &[u8], c: u8) -> Option<bool> {
    Some(match name {
        b"alpha" => c.is_ascii_alphabetic(),
        b"upper" => c.is_ascii_uppercase(),
        b"lower" => c.is_ascii_lowercase(),
        b"digit" => c.is_ascii_digit(),
        b"xdigit" => c.is_ascii_hexdigit(),
        b"space" => matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'),
        b"print" => (0x20..0x7f).contains(&c),
        b"punct" => c.is_ascii_punctuation(),
        b"graph" => c.is_ascii_graphic(),
        b"cntrl" => c < 0x20 || c == 0x7f,
        b"blank" => c == b' ' || c == b'\t',
        b"alnum" => c.is_ascii_alphanumeric(),
        _ => return None,
    })
}

enum Elem {
    Char(u8),
    Coll(usize, usize),
    Equiv(usize, usize),
    Class(usize, usize),
}

impl<'a> Parser<'a> {
    fn byte(&self, at: usize) -> u8 {
        self.map[usize::from(self.pat[at])]
    }

    fn peek(&self, at: usize, syntax: u64) -> Token {
        let pat = self.pat;
        let mut t = Token { kind: Tk::Char, c: 0, arg: 0, len: 1 };
        if at >= pat.len() {
            t.kind = Tk::End;
            t.len = 0;
            return t;
        }
        let c = self.byte(at);
        t.c = c;
        if c == b'\\' {
            if at + 1 >= pat.len() {
                t.kind = Tk::Backslash;
                return t;
            }
            let c2 = pat[at + 1];
            t.c = c2;
            t.len = 2;
            let gnu = syntax & RE_NO_GNU_OPS == 0;
            let anchor = |t: &mut Token, a| {
                t.kind = Tk::Anchor;
                t.arg = a;
            };
            match c2 {
                b'|' if syntax & (RE_LIMITED_OPS | RE_NO_BK_VBAR) == 0 => t.kind = Tk::Alt,
                b'1'..=b'9' if syntax & RE_NO_BK_REFS == 0 => {
                    t.kind = Tk::BackRef;
                    t.arg = u32::from(c2 - b'1');
                }
                b'<' if gnu => anchor(&mut t, A_WORD_FIRST),
                b'>' if gnu => anchor(&mut t, A_WORD_LAST),
                b'b' if gnu => anchor(&mut t, A_WORD_DELIM),
                b'B' if gnu => anchor(&mut t, A_NOT_WORD_DELIM),
                b'w' if gnu => t.kind = Tk::Word,
                b'W' if gnu => t.kind = Tk::NotWord,
                b's' if gnu => t.kind = Tk::Space,
                b'S' if gnu => t.kind = Tk::NotSpace,
                b'`' if gnu => anchor(&mut t, A_BUF_FIRST),
                b'\'' if gnu => anchor(&mut t, A_BUF_LAST),
                b'(' if syntax & RE_NO_BK_PARENS == 0 => t.kind = Tk::Open,
                b')' if syntax & RE_NO_BK_PARENS == 0 => t.kind = Tk::Close,
                b'+' if syntax & RE_LIMITED_OPS == 0 && syntax & RE_BK_PLUS_QM != 0 => t.kind = Tk::Plus,
                b'?' if syntax & RE_LIMITED_OPS == 0 && syntax & RE_BK_PLUS_QM != 0 => t.kind = Tk::Question,
                b'{' if syntax & RE_INTERVALS != 0 && syntax & RE_NO_BK_BRACES == 0 => t.kind = Tk::OpenDup,
                b'}' if syntax & RE_INTERVALS != 0 && syntax & RE_NO_BK_BRACES == 0 => t.kind = Tk::CloseDup,
                _ => {}
            }
            return t;
        }
        match c {
            b'\n' if syntax & RE_NEWLINE_ALT != 0 => t.kind = Tk::Alt,
            b'|' if syntax & RE_LIMITED_OPS == 0 && syntax & RE_NO_BK_VBAR != 0 => t.kind = Tk::Alt,
            b'*' => t.kind = Tk::Star,
            b'+' if syntax & RE_LIMITED_OPS == 0 && syntax & RE_BK_PLUS_QM == 0 => t.kind = Tk::Plus,
            b'?' if syntax & RE_LIMITED_OPS == 0 && syntax & RE_BK_PLUS_QM == 0 => t.kind = Tk::Question,
            b'{' if syntax & RE_INTERVALS != 0 && syntax & RE_NO_BK_BRACES != 0 => t.kind = Tk::OpenDup,
            b'}' if syntax & RE_INTERVALS != 0 && syntax & RE_NO_BK_BRACES != 0 => t.kind = Tk::CloseDup,
            b'(' if syntax & RE_NO_BK_PARENS != 0 => t.kind = Tk::Open,
            b')' if syntax & RE_NO_BK_PARENS != 0 => t.kind = Tk::Close,
            b'[' => t.kind = Tk::Bracket,
            b'.' => t.kind = Tk::Period,
            b'^' => {
                if syntax & (RE_CONTEXT_INDEP_ANCHORS | RE_CARET_ANCHORS_HERE) == 0
                    && at != 0
                    && (syntax & RE_NEWLINE_ALT == 0 || self.byte(at - 1) != b'\n')
                {
                    return t;
                }
                t.kind = Tk::Anchor;
                t.arg = A_LINE_FIRST;
            }
            b'$' => {
                if syntax & RE_CONTEXT_INDEP_ANCHORS == 0 && at + 1 != pat.len() {
                    let next = self.peek(at + 1, syntax);
                    if next.kind != Tk::Alt && next.kind != Tk::Close {
                        return t;
                    }
                }
                t.kind = Tk::Anchor;
                t.arg = A_LINE_LAST;
            }
            _ => {}
        }
        t
    }

    fn fetch(&mut self, syntax: u64) {
        self.tok = self.peek(self.pos, syntax);
        self.pos += self.tok.len;
    }

    fn node(&mut self, n: Node) -> Result<u32, i32> {
        self.nodes.push(n)?;
        Ok((self.nodes.len() - 1) as u32)
    }

    /// A set node from a set in the mapped domain.
    fn set_node(&mut self, mapped: &Set) -> Result<u32, i32> {
        let mut raw = [0u64; 4];
        for b in 0..=255u8 {
            if set_has(mapped, self.map[usize::from(b)]) {
                set_add(&mut raw, b);
            }
        }
        self.sets.push(raw)?;
        let idx = (self.sets.len() - 1) as u32;
        self.node(Node::Set(idx))
    }

    fn char_node(&mut self, c: u8) -> Result<u32, i32> {
        let mut s = [0u64; 4];
        set_add(&mut s, c);
        self.set_node(&s)
    }

    fn concat(&mut self, a: Tree, b: Tree) -> Result<Tree, i32> {
        Ok(match (a, b) {
            (None, x) | (x, None) => x,
            (Some(a), Some(b)) => Some(self.node(Node::Concat(a, b))?),
        })
    }

    /// glibc's `parse_reg_exp`, with `parse_branch` and `parse_sub_exp`
    /// folded in, over an explicit stack of open groups: a pattern nested
    /// or chained however deep takes no more machine stack (glibc's own
    /// parser recurses per group, and overflows the stack near 100,000).
    fn reg_exp(&mut self, syntax: u64) -> Result<Tree, i32> {
        let mut open: Vec<Frame> = Vec::new();
        let mut cur = Frame { index: 0, alts: None, branch: None, initial: self.completed, accumulated: 0 };
        loop {
            let k = self.tok.kind;
            if k == Tk::Alt || k == Tk::End || (!open.is_empty() && k == Tk::Close) {
                // The branch ends, and with it an alternative.
                let branch = cur.branch.take();
                let tree = match cur.alts.take() {
                    None => branch,
                    Some(left) => Some(self.node(Node::Alt(left, branch))?),
                };
                self.completed |= cur.accumulated;
                if k == Tk::Alt {
                    cur.alts = Some(tree);
                    cur.accumulated = self.completed;
                    self.completed = cur.initial;
                    self.fetch(syntax | RE_CARET_ANCHORS_HERE);
                    continue;
                }
                // The expression ends: the whole pattern, or a group.
                let Some(parent) = open.pop() else { return Ok(tree) };
                if k != Tk::Close {
                    return Err(REG_EPAREN);
                }
                let group = self.group_node(cur.index, tree)?;
                cur = parent;
                let t = self.repeats(group, syntax)?;
                cur.branch = self.concat(cur.branch, t)?;
                continue;
            }
            match self.expression(syntax)? {
                Expr::Tree(t) => cur.branch = self.concat(cur.branch, t)?,
                Expr::Open => {
                    let index = self.nsub;
                    self.nsub += 1;
                    self.fetch(syntax | RE_CARET_ANCHORS_HERE);
                    if self.tok.kind == Tk::Close {
                        let group = self.group_node(index, None)?;
                        let t = self.repeats(group, syntax)?;
                        cur.branch = self.concat(cur.branch, t)?;
                    } else {
                        let inner = Frame { index, alts: None, branch: None, initial: self.completed, accumulated: 0 };
                        open.push(core::mem::replace(&mut cur, inner))?;
                    }
                }
            }
        }
    }

    /// The end of `parse_sub_exp`: group `index` (0-based) around `tree`.
    fn group_node(&mut self, index: usize, tree: Tree) -> Result<u32, i32> {
        if index < 9 {
            self.completed |= 1 << index;
        }
        self.node(Node::Group(index as u32 + 1, tree))
    }

    fn class_set(&self, name: &[u8], syntax: u64, set: &mut Set) -> Result<(), i32> {
        let name: &[u8] =
            if syntax & RE_ICASE != 0 && (name == b"upper" || name == b"lower") { b"alpha" } else { name };
        class_has(name, 0).ok_or(REG_ECTYPE)?;
        for c in 0..=255u8 {
            if class_has(name, c) == Some(true) {
                set_add(set, self.trans(c));
            }
        }
        Ok(())
    }

    /// The translate table alone (glibc's build_charclass uses it, not the case fold).
    fn trans(&self, c: u8) -> u8 {
        self.trans_map[usize::from(c)]
    }

    /// glibc's `parse_expression` for one element and its repetitions; an
    /// opening parenthesis is left to [`Self::reg_exp`].
    fn expression(&mut self, syntax: u64) -> Result<Expr, i32> {
        // A repetition operator with nothing to repeat is skipped under
        // RE_CONTEXT_INDEP_OPS: a loop, not one call per operator.
        while match self.tok.kind {
            Tk::OpenDup => syntax & RE_CONTEXT_INVALID_DUP == 0,
            Tk::Star | Tk::Plus | Tk::Question => true,
            _ => false,
        } && syntax & RE_CONTEXT_INVALID_OPS == 0
            && syntax & RE_CONTEXT_INDEP_OPS != 0
        {
            self.fetch(syntax);
        }
        let tok = self.tok;
        let tree = match tok.kind {
            Tk::Char => self.char_node(tok.c)?,
            Tk::Open => return Ok(Expr::Open),
            Tk::Bracket => self.bracket(syntax)?,
            Tk::BackRef => {
                if self.completed & (1 << tok.arg) == 0 {
                    return Err(REG_ESUBREG);
                }
                self.has_backref = true;
                self.node(Node::Backref(tok.arg + 1))?
            }
            Tk::OpenDup | Tk::Star | Tk::Plus | Tk::Question | Tk::Close | Tk::CloseDup => {
                if tok.kind == Tk::OpenDup && syntax & RE_CONTEXT_INVALID_DUP != 0 {
                    return Err(REG_BADRPT);
                }
                if matches!(tok.kind, Tk::OpenDup | Tk::Star | Tk::Plus | Tk::Question)
                    && syntax & RE_CONTEXT_INVALID_OPS != 0
                {
                    return Err(REG_BADRPT);
                }
                if tok.kind == Tk::Close && syntax & RE_UNMATCHED_RIGHT_PAREN_ORD == 0 {
                    return Err(REG_ERPAREN);
                }
                self.char_node(tok.c)?
            }
            Tk::Anchor => {
                let n = self.node(Node::Assert(tok.arg))?;
                // Anchors take no repetition: "^*" is an anchor and a '*'.
                self.fetch(syntax);
                return Ok(Expr::Tree(Some(n)));
            }
            Tk::Period => {
                let mut s = [!0u64; 4];
                if syntax & RE_DOT_NEWLINE == 0 {
                    s[0] &= !(1 << b'\n');
                }
                if syntax & RE_DOT_NOT_NULL != 0 {
                    s[0] &= !1;
                }
                self.set_node(&s)?
            }
            Tk::Word | Tk::NotWord | Tk::Space | Tk::NotSpace => {
                let mut s = [0u64; 4];
                let (class, extra): (&[u8], &[u8]) =
                    if matches!(tok.kind, Tk::Word | Tk::NotWord) { (b"alnum", b"_") } else { (b"space", b"") };
                self.class_set(class, 0, &mut s)?;
                for &e in extra {
                    set_add(&mut s, e);
                }
                if matches!(tok.kind, Tk::NotWord | Tk::NotSpace) {
                    for w in &mut s {
                        *w = !*w;
                    }
                }
                self.set_node(&s)?
            }
            Tk::Alt | Tk::End => return Ok(Expr::Tree(None)),
            Tk::Backslash => return Err(REG_EESCAPE),
        };
        self.repeats(tree, syntax).map(Expr::Tree)
    }

    /// Past the element `tree`: its repetition operators.
    fn repeats(&mut self, tree: u32, syntax: u64) -> Result<Tree, i32> {
        self.fetch(syntax);
        let mut tree = Some(tree);
        while matches!(self.tok.kind, Tk::Star | Tk::Plus | Tk::Question | Tk::OpenDup) {
            tree = self.dup_op(tree, syntax)?;
            if syntax & RE_CONTEXT_INVALID_DUP != 0 && matches!(self.tok.kind, Tk::Star | Tk::OpenDup) {
                return Err(REG_BADRPT);
            }
        }
        Ok(tree)
    }

    /// glibc's fetch_number: -1 no digits, -2 invalid.
    fn number(&mut self, syntax: u64) -> i32 {
        let mut num: i32 = -1;
        loop {
            self.fetch(syntax);
            let c = self.tok.c;
            if self.tok.kind == Tk::End {
                return -2;
            }
            if self.tok.kind == Tk::CloseDup || c == b',' {
                return num;
            }
            num = if self.tok.kind != Tk::Char || !c.is_ascii_digit() || num == -2 {
                -2
            } else if num == -1 {
                i32::from(c - b'0')
            } else {
                (RE_DUP_MAX + 1).min(num * 10 + i32::from(c - b'0'))
            };
        }
    }

    fn dup_op(&mut self, elem: Tree, syntax: u64) -> Result<Tree, i32> {
        let start_tok = self.tok;
        let start_pos = self.pos;
        let (min, max);
        if self.tok.kind == Tk::OpenDup {
            let mut start = self.number(syntax);
            let mut end = 0;
            if start == -1 {
                if self.tok.kind == Tk::Char && self.tok.c == b',' {
                    start = 0;
                } else {
                    return Err(REG_BADBR);
                }
            }
            if start != -2 {
                end = if self.tok.kind == Tk::CloseDup {
                    start
                } else if self.tok.kind == Tk::Char && self.tok.c == b',' {
                    self.number(syntax)
                } else {
                    -2
                };
            }
            if start == -2 || end == -2 {
                if syntax & RE_INVALID_INTERVAL_ORD == 0 {
                    return Err(if self.tok.kind == Tk::End { REG_EBRACE } else { REG_BADBR });
                }
                self.pos = start_pos;
                self.tok = start_tok;
                self.tok.kind = Tk::Char;
                return Ok(elem);
            }
            if (end != -1 && start > end) || self.tok.kind != Tk::CloseDup {
                return Err(REG_BADBR);
            }
            if RE_DUP_MAX < if end == -1 { start } else { end } {
                return Err(REG_ESIZE);
            }
            (min, max) = (start, end);
        } else {
            min = i32::from(self.tok.kind == Tk::Plus);
            max = if self.tok.kind == Tk::Question { 1 } else { -1 };
        }
        self.fetch(syntax);
        let Some(elem) = elem else { return Ok(None) };
        if min == 0 && max == 0 {
            return Ok(None);
        }
        Ok(Some(self.node(Node::Repeat(elem, min, max))?))
    }

    fn bracket_token(&self, at: usize, syntax: u64) -> (Tk, u8, usize, u8) {
        // (kind, char, length, special: b'.' b'=' b':' for openers, 0 else)
        if at >= self.pat.len() {
            return (Tk::End, 0, 0, 0);
        }
        let c = self.byte(at);
        if c == b'\\' && syntax & RE_BACKSLASH_ESCAPE_IN_LISTS != 0 && at + 1 < self.pat.len() {
            return (Tk::Char, self.byte(at + 1), 2, 0);
        }
        if c == b'[' {
            let c2 = if at + 1 < self.pat.len() { self.byte(at + 1) } else { 0 };
            match c2 {
                b'.' | b'=' => return (Tk::Char, c2, 2, c2),
                b':' if syntax & RE_CHAR_CLASSES != 0 => return (Tk::Char, c2, 2, c2),
                _ => return (Tk::Char, c, 1, 0),
            }
        }
        match c {
            b'-' => (Tk::Plus, c, 1, 0),     // range operator
            b']' => (Tk::Close, c, 1, 0),    // closing bracket
            b'^' => (Tk::Question, c, 1, 0), // non-matching list
            _ => (Tk::Char, c, 1, 0),
        }
    }

    /// glibc's parse_bracket_element; `tok` was peeked at `self.pos`.
    fn bracket_elem(&mut self, tok: (Tk, u8, usize, u8), syntax: u64, accept_hyphen: bool) -> Result<Elem, i32> {
        self.pos += tok.2;
        if tok.3 != 0 {
            let delim = tok.3;
            let start = self.pos;
            if self.pos >= self.pat.len() {
                return Err(REG_EBRACK);
            }
            let mut i = 0;
            loop {
                if i >= 32 {
                    return Err(REG_EBRACK);
                }
                let ch = if delim == b':' { self.pat[self.pos] } else { self.byte(self.pos) };
                self.pos += 1;
                if self.pos >= self.pat.len() {
                    return Err(REG_EBRACK);
                }
                if ch == delim && self.byte(self.pos) == b']' {
                    break;
                }
                i += 1;
            }
            let end = self.pos - 1;
            self.pos += 1;
            return Ok(match delim {
                b'.' => Elem::Coll(start, end),
                b'=' => Elem::Equiv(start, end),
                _ => Elem::Class(start, end),
            });
        }
        if tok.0 == Tk::Plus && !accept_hyphen {
            let next = self.bracket_token(self.pos, syntax);
            if next.0 != Tk::Close {
                return Err(REG_ERANGE);
            }
        }
        Ok(Elem::Char(tok.1))
    }

    fn bracket(&mut self, syntax: u64) -> Result<u32, i32> {
        let mut set = [0u64; 4];
        let mut tok = self.bracket_token(self.pos, syntax);
        if tok.0 == Tk::End {
            return Err(REG_BADPAT);
        }
        let mut non_match = false;
        if tok.0 == Tk::Question {
            non_match = true;
            if syntax & RE_HAT_LISTS_NOT_NEWLINE != 0 {
                set_add(&mut set, b'\n');
            }
            self.pos += tok.2;
            tok = self.bracket_token(self.pos, syntax);
            if tok.0 == Tk::End {
                return Err(REG_BADPAT);
            }
        }
        if tok.0 == Tk::Close {
            tok.0 = Tk::Char;
        }
        let mut first = true;
        loop {
            let start = self.bracket_elem(tok, syntax, first)?;
            first = false;
            tok = self.bracket_token(self.pos, syntax);
            let mut range_end = None;
            if !matches!(start, Elem::Class(..) | Elem::Equiv(..)) {
                if tok.0 == Tk::End {
                    return Err(REG_EBRACK);
                }
                if tok.0 == Tk::Plus {
                    self.pos += tok.2;
                    let tok2 = self.bracket_token(self.pos, syntax);
                    if tok2.0 == Tk::End {
                        return Err(REG_EBRACK);
                    }
                    if tok2.0 == Tk::Close {
                        self.pos -= tok.2;
                        tok.0 = Tk::Char;
                    } else {
                        range_end = Some(self.bracket_elem(tok2, syntax, true)?);
                        tok = self.bracket_token(self.pos, syntax);
                    }
                }
            }
            if let Some(end) = range_end {
                let lo = self.range_point(&start)?;
                let hi = self.range_point(&end)?;
                if syntax & RE_NO_EMPTY_RANGES != 0 && lo > hi {
                    return Err(REG_ERANGE);
                }
                for c in lo..=hi {
                    set_add(&mut set, c);
                }
            } else {
                match start {
                    Elem::Char(c) => set_add(&mut set, c),
                    Elem::Coll(s, e) | Elem::Equiv(s, e) => {
                        if e - s != 1 {
                            return Err(REG_ECOLLATE);
                        }
                        set_add(&mut set, self.byte(s));
                    }
                    Elem::Class(s, e) => {
                        let name = &self.pat[s..e];
                        self.class_set(name, syntax, &mut set)?;
                    }
                }
            }
            if tok.0 == Tk::End {
                return Err(REG_EBRACK);
            }
            if tok.0 == Tk::Close {
                break;
            }
        }
        self.pos += tok.2;
        if non_match {
            for w in &mut set {
                *w = !*w;
            }
        }
        self.set_node(&set)
    }

    fn range_point(&self, e: &Elem) -> Result<u8, i32> {
        let c = match *e {
            Elem::Char(c) => c,
            Elem::Coll(s, end) => {
                if end - s != 1 {
                    return Err(REG_ECOLLATE);
                }
                self.byte(s)
            }
            _ => return Err(REG_ERANGE),
        };
        Ok(c)
    }
}

struct Emitter<'p> {
    nodes: &'p [Node],
    insts: Vec<Inst>,
    loops: u32,
}

impl Emitter<'_> {
    fn emit(&mut self, op: u8, a: u32, b: u32) -> Result<u32, i32> {
        if self.insts.len() >= MAX_INSTS {
            return Err(REG_ESPACE);
        }
        self.insts.push(Inst { op, a, b })?;
        Ok((self.insts.len() - 1) as u32)
    }

    fn here(&self) -> u32 {
        self.insts.len() as u32
    }

    fn patch(&mut self, at: u32, a: Option<u32>, b: Option<u32>) {
        let i = &mut self.insts[at as usize];
        if let Some(a) = a {
            i.a = a;
        }
        if let Some(b) = b {
            i.b = b;
        }
    }

    /// Emits the program for `t`, over an explicit stack of what is left
    /// to do: a chain of 90,000 literals or alternatives, or groups nested
    /// however deep, take no machine stack (a recursive walk of the
    /// left-deep tree overflowed it).
    fn tree(&mut self, t: Tree) -> Result<(), i32> {
        let mut todo: Vec<Task> = Vec::new();
        if let Some(n) = t {
            todo.push(Task::Node(n))?;
        }
        while let Some(task) = todo.pop() {
            match task {
                Task::Node(n) => self.node(n, &mut todo)?,
                // A group's optional copy under a repetition: glibc's
                // opt_subexp mark, whose empty match restores the registers
                // of the last non-empty group match.
                Task::OptCopy(n) => match self.nodes[n as usize] {
                    Node::Group(g, t) => self.group(g, t, true, &mut todo)?,
                    _ => self.node(n, &mut todo)?,
                },
                Task::GroupEnd(g, opt) => {
                    self.emit(I_SAVE, 2 * g + 1, u32::from(opt))?;
                }
                Task::AltSecond(split, b) => {
                    let jmp = self.emit(I_JMP, 0, 0)?;
                    let here = self.here();
                    self.patch(split, None, Some(here));
                    todo.push(Task::AltEnd(jmp))?;
                    if let Some(b) = b {
                        todo.push(Task::Node(b))?;
                    }
                }
                Task::AltEnd(jmp) => {
                    let end = self.here();
                    self.patch(jmp, Some(end), None);
                }
                Task::Optional(e, min, max) => {
                    let lp = self.loops;
                    self.loops += 1;
                    if max == -1 {
                        self.emit(I_LOOP_INIT, lp, u32::from(min == 0))?;
                        let head = self.emit(I_SPLIT, 0, 0)?;
                        self.emit(I_ITER_START, lp, 0)?;
                        todo.push(Task::LoopEnd(lp, head))?;
                        todo.push(Task::OptCopy(e))?;
                    } else {
                        // glibc's shape for the optional copies of e{n,m}:
                        // X1 = c1?, Xj = (Xj-1 cj)?; c1 is the copy glibc
                        // marks opt_subexp.
                        let k = (max - min) as u32;
                        let first_split = self.here();
                        for _ in 0..k {
                            let split = self.emit(I_SPLIT, 0, 0)?;
                            self.patch(split, Some(split + 1), None);
                        }
                        for j in (1..=k).rev() {
                            // Split for Xj is the (k-j)th emitted.
                            todo.push(Task::SplitEnd(first_split + (k - j)))?;
                            todo.push(if j == 1 { Task::OptCopy(e) } else { Task::Node(e) })?;
                        }
                    }
                }
                Task::LoopEnd(lp, head) => {
                    self.emit(I_ITER_END, lp, head)?;
                    let exit = self.here();
                    self.patch(head, Some(head + 1), Some(exit));
                }
                Task::SplitEnd(split) => {
                    let end = self.here();
                    self.patch(split, None, Some(end));
                }
            }
        }
        Ok(())
    }

    /// Group `g` around `t`: the opening save now, the rest on `todo`.
    fn group(&mut self, g: u32, t: Tree, opt: bool, todo: &mut Vec<Task>) -> Result<(), i32> {
        self.emit(I_SAVE, 2 * g, 0)?;
        todo.push(Task::GroupEnd(g, opt))?;
        if let Some(t) = t {
            todo.push(Task::Node(t))?;
        }
        Ok(())
    }

    /// Node `n`: what can be emitted now, the rest (children first, in
    /// order) on `todo`.
    fn node(&mut self, n: u32, todo: &mut Vec<Task>) -> Result<(), i32> {
        match self.nodes[n as usize] {
            Node::Set(s) => {
                self.emit(I_SET, s, 0)?;
            }
            Node::Assert(a) => {
                self.emit(I_ASSERT, a, 0)?;
            }
            Node::Backref(g) => {
                self.emit(I_BACKREF, g, 0)?;
            }
            Node::Group(g, t) => self.group(g, t, false, todo)?,
            Node::Concat(a, b) => {
                todo.push(Task::Node(b))?;
                todo.push(Task::Node(a))?;
            }
            Node::Alt(a, b) => {
                let split = self.emit(I_SPLIT, 0, 0)?;
                self.patch(split, Some(split + 1), None);
                todo.push(Task::AltSecond(split, b))?;
                if let Some(a) = a {
                    todo.push(Task::Node(a))?;
                }
            }
            Node::Repeat(e, min, max) => {
                // The `min` required copies, then the optional part.
                todo.push(Task::Optional(e, min, max))?;
                for _ in 0..min {
                    todo.push(Task::Node(e))?;
                }
            }
        }
        Ok(())
    }
}

/// What is left to emit, for [`Emitter::tree`]'s stack.
#[derive(Clone, Copy)]
enum Task {
    Node(u32),
    /// A repetition's optional copy of a node.
    OptCopy(u32),
    /// The closing save of group `g` (`opt`: the opt_subexp mark).
    GroupEnd(u32, bool),
    /// After an alternation's first branch: the jump over the second, the
    /// split's second target, then the second branch.
    AltSecond(u32, Tree),
    /// After the second branch: the jump's target.
    AltEnd(u32),
    /// After a repetition's required copies: its optional part.
    Optional(u32, i32, i32),
    /// After a `*`/`+` loop body: the loop's end and exit.
    LoopEnd(u32, u32),
    /// After an optional copy of `e{n,m}`: the target of its split.
    SplitEnd(u32),
}

/// Compiles `pat` under `syntax`; `translate` is the caller's 256-byte
/// table or null. Returns the program or glibc's error code, and the number
/// of subexpressions seen (glibc leaves `re_nsub` counted even on error).
pub fn compile(pat: &[u8], syntax: u64, translate: Option<&[u8; 256]>, nsub_out: &mut usize) -> Result<Prog, i32> {
    let mut trans_map = [0u8; 256];
    let mut map = [0u8; 256];
    for c in 0..256 {
        let t = translate.map_or(c as u8, |t| t[c]);
        trans_map[c] = t;
        map[c] = if syntax & RE_ICASE != 0 { t.to_ascii_uppercase() } else { t };
    }
    let mut p = Parser {
        pat,
        pos: 0,
        map,
        trans_map,
        nodes: Vec::new(),
        sets: Vec::new(),
        nsub: 0,
        completed: 0,
        has_backref: false,
        tok: Token { kind: Tk::End, c: 0, arg: 0, len: 0 },
    };
    p.fetch(syntax | RE_CARET_ANCHORS_HERE);
    let result = p.reg_exp(syntax);
    *nsub_out = p.nsub;
    let tree = result?;
    let mut em = Emitter { nodes: &p.nodes, insts: Vec::new(), loops: 0 };
    em.tree(tree)?;
    em.emit(I_MATCH, 0, 0)?;
    let loops = em.loops as usize;
    let insts = core::mem::take(&mut em.insts);
    let sets = core::mem::take(&mut p.sets);
    let mut prog = Prog {
        insts,
        sets,
        nsub: p.nsub,
        loops,
        has_backref: p.has_backref,
        memo: MemoShape::default(),
        map: p.map,
        first: [0; 4],
        can_be_null: false,
        first_single: None,
        anchored: [false; 2],
        dfa: [super::dfa::Cell::new(), super::dfa::Cell::new()],
    };
    analyze(&mut prog)?;
    // Groups past 63 have no bit: such a pattern is searched without memo.
    if prog.has_backref && prog.nsub < 64 {
        let backrefs = prog.insts.iter().filter(|i| i.op == I_BACKREF).fold(0u64, |m, i| m | 1 << i.a);
        prog.memo = MemoShape::of(&prog.insts, backrefs)?;
    }
    Ok(prog)
}

/// The first-byte set (glibc's fastmap), `can_be_null`, and whether every
/// path needs the buffer start before consuming a byte.
fn analyze(prog: &mut Prog) -> Result<(), i32> {
    let n = prog.insts.len();
    let mut seen: Vec<bool> = Vec::with_len(n, false)?;
    let mut stack: Vec<u32> = Vec::new();
    for newline_anchor in [false, true] {
        // Reachability with LINE_FIRST/BUF_FIRST false: anything consuming
        // or matching means "not anchored".
        seen.iter_mut().for_each(|s| *s = false);
        stack.push(0)?;
        let mut anchored = true;
        while let Some(pc) = stack.pop() {
            let pc = pc as usize;
            if seen[pc] {
                continue;
            }
            seen[pc] = true;
            let i = prog.insts[pc];
            match i.op {
                I_SET | I_BACKREF | I_MATCH => anchored = false,
                I_SPLIT => {
                    stack.push(i.a)?;
                    stack.push(i.b)?;
                }
                I_JMP => stack.push(i.a)?,
                I_ASSERT => {
                    let blocked = i.a == A_BUF_FIRST || (i.a == A_LINE_FIRST && !newline_anchor);
                    if !blocked {
                        stack.push(pc as u32 + 1)?;
                    }
                }
                I_ITER_END if i.b != u32::MAX => {
                    stack.push(i.b)?;
                    stack.push(pc as u32 + 1)?;
                }
                _ => stack.push(pc as u32 + 1)?,
            }
        }
        prog.anchored[usize::from(newline_anchor)] = anchored;
    }
    seen.iter_mut().for_each(|s| *s = false);
    stack.push(0)?;
    while let Some(pc) = stack.pop() {
        let pc = pc as usize;
        if seen[pc] {
            continue;
        }
        seen[pc] = true;
        let i = prog.insts[pc];
        match i.op {
            I_SET => {
                let s = prog.sets[i.a as usize];
                for (f, w) in prog.first.iter_mut().zip(s) {
                    *f |= w;
                }
            }
            I_BACKREF | I_MATCH => {
                prog.first = [!0; 4];
                prog.can_be_null = true;
            }
            I_SPLIT => {
                stack.push(i.a)?;
                stack.push(i.b)?;
            }
            I_JMP => stack.push(i.a)?,
            I_ITER_END if i.b != u32::MAX => {
                stack.push(i.b)?;
                stack.push(pc as u32 + 1)?;
            }
            _ => stack.push(pc as u32 + 1)?,
        }
    }
    if !prog.can_be_null {
        let count: u32 = prog.first.iter().map(|w| w.count_ones()).sum();
        if count == 1 {
            prog.first_single = (0..=255u8).find(|&b| set_has(&prog.first, b));
        }
    }
    Ok(())
}

pub fn word_byte(c: u8) -> bool {
    is_word(c)
}

#[cfg(test)]
mod tests {
    use super::{RE_SYNTAX_POSIX_BASIC, RE_SYNTAX_POSIX_EXTENDED, compile};

    /// Compiles on a 256 KiB stack: the parser and the emitter keep their
    /// work on the heap, so size and nesting cost no machine stack.
    fn compiles_on_a_small_stack(pattern: std::vec::Vec<u8>, syntax: u64) -> Result<usize, i32> {
        std::thread::Builder::new()
            .stack_size(256 << 10)
            .spawn(move || {
                let mut nsub = 0;
                compile(&pattern, syntax, None, &mut nsub).map(|p| p.insts.len())
            })
            .unwrap()
            .join()
            .unwrap()
    }

    #[test]
    fn size_and_nesting_take_no_stack() {
        let literals: std::vec::Vec<u8> = (0..1_000_000).map(|i| b'a' + (i % 26) as u8).collect();
        assert!(compiles_on_a_small_stack(literals, RE_SYNTAX_POSIX_EXTENDED).unwrap() > 1_000_000);
        let alternatives: std::vec::Vec<u8> =
            (0..200_000).flat_map(|i| [b'a' + (i % 26) as u8, b'|']).take(399_999).collect();
        assert!(compiles_on_a_small_stack(alternatives, RE_SYNTAX_POSIX_EXTENDED).is_ok());
        let mut nested = vec![b'('; 100_000];
        nested.push(b'a');
        nested.extend(vec![b')'; 100_000]);
        assert!(compiles_on_a_small_stack(nested.clone(), RE_SYNTAX_POSIX_EXTENDED).is_ok());
        nested.pop();
        assert_eq!(compiles_on_a_small_stack(nested, RE_SYNTAX_POSIX_EXTENDED), Err(super::REG_EPAREN));
        // Repeated repetitions (GNU syntax 0), and operators with nothing to
        // repeat skipped under RE_CONTEXT_INDEP_OPS.
        let stars = [b"a".as_slice(), &[b'*'; 100_000]].concat();
        assert!(compiles_on_a_small_stack(stars, 0).is_ok());
        let leading = [&[b'*'; 100_000][..], b"a"].concat();
        assert!(compiles_on_a_small_stack(leading, super::RE_CONTEXT_INDEP_OPS).is_ok());
        assert_eq!(compiles_on_a_small_stack(b"a**".to_vec(), RE_SYNTAX_POSIX_BASIC), Err(super::REG_BADRPT));
        let repeats = b"(((a{30}){30}){30})*".to_vec();
        assert!(compiles_on_a_small_stack(repeats, RE_SYNTAX_POSIX_EXTENDED).is_ok());
    }
}
