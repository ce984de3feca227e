//! Matching: POSIX leftmost-longest, with glibc's registers.
//!
//! 1. Without back-references, a Pike-style simulation (threads deduplicated
//!    by instruction, earliest start kept) finds the leftmost start and the
//!    longest end in O(n·m) time, skipping ahead with the first-byte set.
//! 2. Registers come from a backtracking search in preference order
//!    (alternatives left first, repetitions greedy) that must end exactly at
//!    that end, memoizing visited (instruction, position) pairs: the first
//!    path glibc's `set_regs` would pick among those reaching the end.
//! 3. With back-references, every start is tried in turn with a full
//!    backtracking search for the longest end. An arrival at a branch whose
//!    future-relevant state (instruction, position, the registers the
//!    back-references and the open groups read, the open loops' starts:
//!    `compile::MemoShape`) was seen before is not searched again, in this
//!    start or an earlier one that found nothing: polynomial where plain
//!    backtracking is exponential (`\(a*\)*\1`). A step budget still bounds
//!    the rest; over it, or out of memory, is `REG_ESPACE`, never a
//!    "no match".

use super::compile::*;
use super::dfa::*;
use crate::abi::vec::{NoMem, Vec};

/// Where and how to match: `text[..len]` is the subject; bytes at or past
/// `stop` are not consumed (glibc's re_search_2 `stop`).
pub struct Input<'a> {
    pub text: &'a [u8],
    pub stop: usize,
    pub not_bol: bool,
    pub not_eol: bool,
    pub newline_anchor: bool,
}

#[derive(Debug)]
pub enum Fail {
    /// Out of memory or over the step budget: glibc's REG_ESPACE (-2).
    Space,
}

impl From<NoMem> for Fail {
    fn from(_: NoMem) -> Fail {
        Fail::Space
    }
}

const STEP_BUDGET: u64 = 50_000_000;

impl Input<'_> {
    fn mapped(&self, prog: &Prog, at: usize) -> u8 {
        prog.map[usize::from(self.text[at])]
    }

    /// glibc's context test for an anchor at `pos`.
    fn assert(&self, prog: &Prog, kind: u32, pos: usize) -> bool {
        let len = self.text.len();
        let (prev_word, prev_nl) = if pos == 0 {
            (false, !self.not_bol)
        } else {
            let c = self.mapped(prog, pos - 1);
            (word_byte(c), c == b'\n' && self.newline_anchor)
        };
        let (next_word, next_nl) = if pos >= len {
            (false, !self.not_eol)
        } else {
            let c = self.mapped(prog, pos);
            (word_byte(c), c == b'\n' && self.newline_anchor)
        };
        match kind {
            A_LINE_FIRST => prev_nl,
            A_LINE_LAST => next_nl,
            A_BUF_FIRST => pos == 0,
            A_BUF_LAST => pos >= len,
            A_WORD_FIRST => !prev_word && next_word,
            A_WORD_LAST => prev_word && !next_word,
            A_WORD_DELIM => prev_word != next_word,
            _ => prev_word == next_word,
        }
    }
}

/// Threads of the simulation: a sparse set of instructions, each with the
/// start of its match, in priority order.
struct Threads {
    sparse: Vec<u32>,
    pcs: Vec<u32>,
    starts: Vec<usize>,
}

impl Threads {
    fn new(n: usize) -> Result<Self, NoMem> {
        Ok(Self { sparse: Vec::with_len(n, 0)?, pcs: Vec::new(), starts: Vec::new() })
    }

    fn contains(&self, pc: u32) -> bool {
        let i = self.sparse[pc as usize] as usize;
        i < self.pcs.len() && self.pcs[i] == pc
    }

    fn insert(&mut self, pc: u32, start: usize) -> Result<(), NoMem> {
        self.sparse[pc as usize] = self.pcs.len() as u32;
        self.pcs.push(pc)?;
        self.starts.push(start)
    }

    fn clear(&mut self) {
        self.pcs.clear();
        self.starts.clear();
    }
}

/// Adds `pc` and its epsilon closure at `pos` to `list`.
fn add(
    prog: &Prog,
    inp: &Input<'_>,
    list: &mut Threads,
    stack: &mut Vec<u32>,
    pc: u32,
    start: usize,
    pos: usize,
) -> Result<(), NoMem> {
    // Most threads step onto a byte test: no closure to walk.
    if prog.insts[pc as usize].op == I_SET {
        if !list.contains(pc) {
            list.insert(pc, start)?;
        }
        return Ok(());
    }
    stack.push(pc)?;
    while let Some(pc) = stack.pop() {
        if list.contains(pc) {
            continue;
        }
        list.insert(pc, start)?;
        let i = prog.insts[pc as usize];
        match i.op {
            I_SPLIT => {
                stack.push(i.b)?;
                stack.push(i.a)?;
            }
            I_JMP => stack.push(i.a)?,
            I_ASSERT if inp.assert(prog, i.a, pos) => stack.push(pc + 1)?,
            I_ASSERT => {}
            I_ITER_END if i.b != u32::MAX => {
                stack.push(pc + 1)?;
                stack.push(i.b)?;
            }
            I_SAVE | I_LOOP_INIT | I_ITER_START | I_ITER_END => stack.push(pc + 1)?,
            // Only for the relaxed pass of [`search`]: a back-reference as
            // any text, so empty here (and any byte in `longest`).
            I_BACKREF => stack.push(pc + 1)?,
            _ => {}
        }
    }
    Ok(())
}

/// The first position in `[from, end)` whose byte can begin a match, or `end`.
fn skip(prog: &Prog, inp: &Input<'_>, from: usize, end: usize) -> usize {
    let end = end.min(inp.stop);
    if from >= end {
        return end.max(from);
    }
    if let Some(b) = prog.first_single {
        let hay = &inp.text[from..end];
        // SAFETY: `hay` is a live slice.
        let found = unsafe { libc::memchr(hay.as_ptr().cast(), i32::from(b), hay.len()) };
        return if found.is_null() { end } else { found as usize - inp.text.as_ptr() as usize };
    }
    let mut p = from;
    while p < end && !set_has(&prog.first, inp.text[p]) {
        p += 1;
    }
    p
}

fn can_start(prog: &Prog, inp: &Input<'_>, pos: usize) -> bool {
    prog.can_be_null || (pos < inp.stop && set_has(&prog.first, inp.text[pos]))
}

/// The leftmost-longest match starting in `[first, last]`. A
/// back-reference matches any text here: with back-references this is the
/// match of a pattern whose matches include every real one.
fn longest(prog: &Prog, inp: &Input<'_>, first: usize, last: usize) -> Result<Option<(usize, usize)>, Fail> {
    let n = prog.insts.len();
    let mut clist = Threads::new(n)?;
    let mut nlist = Threads::new(n)?;
    let mut stack = Vec::new();
    let mut best: Option<(usize, usize)> = None;
    let mut pos = first;
    loop {
        if best.is_none() && pos <= last && can_start(prog, inp, pos) {
            add(prog, inp, &mut clist, &mut stack, 0, pos, pos)?;
        }
        if clist.pcs.is_empty() {
            if best.is_some() || pos >= last {
                break;
            }
            // Skip to the next byte that can begin a match.
            pos = skip(prog, inp, pos + 1, last);
            continue;
        }
        for k in 0..clist.pcs.len() {
            if prog.insts[clist.pcs[k] as usize].op == I_MATCH {
                let s = clist.starts[k];
                match best {
                    Some((bs, be)) if bs < s || (bs == s && be >= pos) => {}
                    _ => best = Some((s, pos)),
                }
                break;
            }
        }
        if pos >= inp.stop {
            break;
        }
        let byte = inp.text[pos];
        nlist.clear();
        for k in 0..clist.pcs.len() {
            let start = clist.starts[k];
            if best.is_some_and(|(bs, _)| start > bs) {
                break;
            }
            let i = prog.insts[clist.pcs[k] as usize];
            if i.op == I_SET && set_has(&prog.sets[i.a as usize], byte) {
                add(prog, inp, &mut nlist, &mut stack, clist.pcs[k] + 1, start, pos + 1)?;
            } else if i.op == I_BACKREF {
                add(prog, inp, &mut nlist, &mut stack, clist.pcs[k], start, pos + 1)?;
            }
        }
        core::mem::swap(&mut clist, &mut nlist);
        pos += 1;
    }
    Ok(best)
}

#[derive(Clone, Copy)]
enum Undo {
    Reg(u32, isize),
    Snap(u32, isize),
    Mark(u32, usize),
    First(u32, bool),
}

/// The states the back-reference search has explored: keys of equal
/// length in one block, an open-addressing table of their indices.
struct Seen {
    width: usize,
    keys: Vec<isize>,
    table: Vec<u32>,
    count: usize,
    /// Past this many, keys are no longer remembered.
    cap: usize,
}

/// Entries past this are not remembered (the search goes on without them,
/// under its step budget): the memo stays within a few hundred MiB.
const MAX_SEEN: usize = 1 << 21;

/// The largest (instruction, position) bitmap, 16 MiB; past it the memo is
/// a hash set of the pairs actually visited.
const MAX_MEMO_BITS: usize = 1 << 27;

impl Seen {
    fn new(cap: usize) -> Self {
        Self { width: 0, keys: Vec::new(), table: Vec::new(), count: 0, cap }
    }

    fn hash(key: &[isize]) -> usize {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for &k in key {
            h = (h.rotate_left(5) ^ k as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
        (h ^ (h >> 29)) as usize
    }

    /// Whether `key` was seen; remembers it if not (and there is room).
    fn seen(&mut self, key: &[isize]) -> Result<bool, NoMem> {
        if self.width == 0 {
            self.width = key.len();
        }
        debug_assert_eq!(self.width, key.len());
        if self.table.is_empty() {
            self.table = Vec::with_len(1024, 0)?;
        }
        let mask = self.table.len() - 1;
        let mut at = Self::hash(key) & mask;
        loop {
            match self.table[at] {
                0 => break,
                e => {
                    let k = (e - 1) as usize * self.width;
                    if &self.keys[k..k + self.width] == key {
                        return Ok(true);
                    }
                }
            }
            at = (at + 1) & mask;
        }
        if self.count >= self.cap {
            return Ok(false);
        }
        for &k in key {
            self.keys.push(k)?;
        }
        self.count += 1;
        self.table[at] = self.count as u32;
        if 2 * self.count > self.table.len() {
            self.grow()?;
        }
        Ok(false)
    }

    fn grow(&mut self) -> Result<(), NoMem> {
        let mut table = Vec::with_len(self.table.len() * 2, 0u32)?;
        let mask = table.len() - 1;
        for e in 1..=self.count {
            let k = (e - 1) * self.width;
            let mut at = Self::hash(&self.keys[k..k + self.width]) & mask;
            while table[at] != 0 {
                at = (at + 1) & mask;
            }
            table[at] = e as u32;
        }
        self.table = table;
        Ok(())
    }
}

struct Backtrack<'a, 'b> {
    prog: &'a Prog,
    inp: &'a Input<'b>,
    regs: Vec<isize>,
    /// glibc's prev_idx_match: the registers at the last non-empty group end.
    snap: Vec<isize>,
    marks: Vec<usize>,
    firsts: Vec<bool>,
    trail: Vec<Undo>,
    stack: Vec<(u32, usize, usize)>,
    memo: Vec<u64>,
    /// The same, sparse, when a bitmap would be too big (a long pattern
    /// over a long subject: `(a{300}){300}` over 90 KB is 8 Gbit).
    visited: Seen,
    /// With back-references: the states explored, across starts.
    seen: Seen,
    key: Vec<isize>,
    steps: u64,
    budget: u64,
}

impl<'a, 'b> Backtrack<'a, 'b> {
    fn new(prog: &'a Prog, inp: &'a Input<'b>) -> Result<Self, NoMem> {
        Ok(Self {
            prog,
            inp,
            regs: Vec::with_len(2 * (prog.nsub + 1), -1)?,
            snap: Vec::with_len(2 * (prog.nsub + 1), -1)?,
            marks: Vec::with_len(prog.loops, 0)?,
            firsts: Vec::with_len(prog.loops, false)?,
            trail: Vec::new(),
            stack: Vec::new(),
            memo: Vec::new(),
            seen: Seen::new(MAX_SEEN),
            visited: Seen::new(usize::MAX),
            key: Vec::new(),
            steps: 0,
            // Room for a polynomial search over the whole subject, at
            // least STEP_BUDGET.
            budget: (prog.insts.len() as u64)
                .saturating_mul(inp.text.len() as u64 + 1)
                .saturating_mul(8)
                .max(STEP_BUDGET),
        })
    }

    /// Whether the search was at branch `pc`, position `pos`, with the
    /// same future-relevant state before (see [`compile::MemoShape`]).
    fn explored(&mut self, pc: usize, pos: usize) -> Result<bool, NoMem> {
        let shape = &self.prog.memo;
        self.key.clear();
        self.key.push(pc as isize)?;
        self.key.push(pos as isize)?;
        let inside = shape.groups[pc];
        for g in 0..64usize.min(self.prog.nsub + 1) {
            let bit = 1u64 << g;
            if shape.backrefs & bit != 0 {
                for slot in [2 * g, 2 * g + 1] {
                    self.key.push(self.regs[slot])?;
                    self.key.push(if shape.restores { self.snap[slot] } else { -2 })?;
                }
            } else if !shape.restores {
                // Without restores a closing only sets its own register.
            } else if inside & bit != 0 {
                self.key.push(self.regs[2 * g])?;
                self.key.push(self.snap[2 * g])?;
            } else {
                self.key.push(-2)?;
                self.key.push(-2)?;
            }
        }
        let (from, to) = (shape.loops_at[pc] as usize, shape.loops_at[pc + 1] as usize);
        for &lp in &shape.loops[from..to] {
            self.key.push(self.marks[lp as usize] as isize)?;
        }
        // Loops not open here: padding, so every key has one width.
        for _ in to - from..self.prog.loops {
            self.key.push(-2)?;
        }
        let key = core::mem::take(&mut self.key);
        let seen = self.seen.seen(&key);
        self.key = key;
        seen
    }

    /// From `start`: with `target`, the first path (in preference order)
    /// ending exactly there; without, the longest end and the first path to
    /// it. Registers of that path are left in `best`.
    fn run(&mut self, start: usize, target: Option<usize>, best: &mut Vec<isize>) -> Result<Option<usize>, Fail> {
        let prog = self.prog;
        let inp = self.inp;
        let span = target.map_or(0, |t| t - start + 1);
        let mut sparse = false;
        if let Some(_t) = target {
            let bits = prog.insts.len().checked_mul(span).ok_or(Fail::Space)?;
            sparse = bits > MAX_MEMO_BITS;
            if sparse {
                self.visited = Seen::new(usize::MAX);
            } else {
                self.memo = Vec::with_len(bits.div_ceil(64), 0)?;
            }
        }
        self.regs.iter_mut().for_each(|r| *r = -1);
        self.snap.iter_mut().for_each(|r| *r = -1);
        self.trail.clear();
        self.stack.clear();
        self.stack.push((0, start, 0))?;
        let mut found: Option<usize> = None;
        while let Some((pc0, pos0, trail_len)) = self.stack.pop() {
            while self.trail.len() > trail_len {
                match self.trail.pop().unwrap() {
                    Undo::Reg(i, v) => self.regs[i as usize] = v,
                    Undo::Snap(i, v) => self.snap[i as usize] = v,
                    Undo::Mark(i, v) => self.marks[i as usize] = v,
                    Undo::First(i, v) => self.firsts[i as usize] = v,
                }
            }
            let (mut pc, mut pos) = (pc0 as usize, pos0);
            loop {
                // The search for a known end visits each (instruction,
                // position) once (the memo): only the back-reference
                // search, exponential past its own memo, needs a bound.
                self.steps += 1;
                if target.is_none() && self.steps > self.budget {
                    return Err(Fail::Space);
                }
                let i = prog.insts[pc];
                // A loop head is revisited at the same position after an
                // empty first iteration, on the same path: not a failure.
                let loop_head = i.op == I_SPLIT && pc > 0 && prog.insts[pc - 1].op == I_LOOP_INIT;
                if target.is_some() && i.op != I_ITER_END && !loop_head {
                    if !sparse {
                        let bit = pc * span + (pos - start);
                        let (w, b) = (bit / 64, bit % 64);
                        if self.memo[w] >> b & 1 != 0 {
                            break;
                        }
                        self.memo[w] |= 1 << b;
                    } else if self.visited.seen(&[pc as isize, pos as isize])? {
                        break;
                    }
                }
                match i.op {
                    I_MATCH => {
                        if let Some(t) = target {
                            if pos == t {
                                best.clear();
                                for &r in self.regs.iter() {
                                    best.push(r)?;
                                }
                                return Ok(Some(pos));
                            }
                        } else if found.is_none_or(|f| pos > f) {
                            found = Some(pos);
                            best.clear();
                            for &r in self.regs.iter() {
                                best.push(r)?;
                            }
                        }
                        break;
                    }
                    I_SET => {
                        if pos < inp.stop
                            && target.is_none_or(|t| pos < t)
                            && set_has(&prog.sets[i.a as usize], inp.text[pos])
                        {
                            pos += 1;
                            pc += 1;
                        } else {
                            break;
                        }
                    }
                    I_SPLIT => {
                        if target.is_none() && prog.memo.backrefs != 0 && self.explored(pc, pos)? {
                            break;
                        }
                        self.stack.push((i.b, pos, self.trail.len()))?;
                        pc = i.a as usize;
                    }
                    I_JMP => pc = i.a as usize,
                    I_SAVE => {
                        self.save(i.a as usize, i.b != 0, pos)?;
                        pc += 1;
                    }
                    I_ASSERT => {
                        if inp.assert(prog, i.a, pos) {
                            pc += 1;
                        } else {
                            break;
                        }
                    }
                    I_BACKREF => {
                        let (s, e) = (self.regs[2 * i.a as usize], self.regs[2 * i.a as usize + 1]);
                        if s < 0 || e < s {
                            break;
                        }
                        let (s, e) = (s as usize, e as usize);
                        let n = e - s;
                        let limit = target.map_or(inp.stop, |t| t.min(inp.stop));
                        if pos + n > limit
                            || (0..n).any(|k| {
                                prog.map[usize::from(inp.text[s + k])] != prog.map[usize::from(inp.text[pos + k])]
                            })
                        {
                            break;
                        }
                        pos += n;
                        pc += 1;
                    }
                    I_LOOP_INIT => {
                        self.trail.push(Undo::First(i.a, self.firsts[i.a as usize]))?;
                        self.firsts[i.a as usize] = i.b != 0;
                        pc += 1;
                    }
                    I_ITER_START => {
                        self.trail.push(Undo::Mark(i.a, self.marks[i.a as usize]))?;
                        self.marks[i.a as usize] = pos;
                        pc += 1;
                    }
                    _ => {
                        // I_ITER_END: an empty iteration leaves the loop
                        // (glibc's eps_via_nodes takes the other branch).
                        if pos == self.marks[i.a as usize] {
                            pc += 1;
                        } else {
                            pc = i.b as usize;
                        }
                    }
                }
            }
        }
        Ok(found)
    }
}

impl Backtrack<'_, '_> {
    fn set_reg(&mut self, slot: usize, value: isize) -> Result<(), NoMem> {
        if self.regs[slot] != value {
            self.trail.push(Undo::Reg(slot as u32, self.regs[slot]))?;
            self.regs[slot] = value;
        }
        Ok(())
    }

    /// glibc's update_regs for a group's start or end at `pos`.
    fn save(&mut self, slot: usize, opt: bool, pos: usize) -> Result<(), NoMem> {
        let pos = pos as isize;
        if slot.is_multiple_of(2) {
            self.set_reg(slot, pos)?;
            return self.set_reg(slot + 1, -1);
        }
        let open = slot - 1;
        if self.regs[open] < pos {
            self.set_reg(slot, pos)?;
            for k in 0..self.regs.len() {
                if self.snap[k] != self.regs[k] {
                    self.trail.push(Undo::Snap(k as u32, self.snap[k]))?;
                    self.snap[k] = self.regs[k];
                }
            }
        } else if opt && self.snap[open] != -1 {
            for k in 0..self.regs.len() {
                let v = self.snap[k];
                self.set_reg(k, v)?;
            }
        } else {
            self.set_reg(slot, pos)?;
        }
        Ok(())
    }
}

fn ctx_before(dfa: &Dfa, inp: &Input<'_>, p: usize) -> u8 {
    if p == 0 { if inp.not_bol { C_BEG_NOTBOL } else { C_BEG } } else { dfa.class[usize::from(inp.text[p - 1])] }
}

/// Whether a match ends at `p`, the stop, in state `s`. None: cache full.
fn accepts_at_stop(prog: &Prog, inp: &Input<'_>, dfa: &mut Dfa, s: u32, p: usize) -> Result<Option<bool>, NoMem> {
    if p == inp.text.len() {
        return dfa.accepts_at_end(prog, s, inp.not_eol).map(Some);
    }
    Ok(dfa.step(prog, s, inp.text[p])?.map(accepted))
}

/// The longest match from `s0` by the DFA. Outer None: cache full.
fn dfa_longest_at(prog: &Prog, inp: &Input<'_>, dfa: &mut Dfa, s0: usize) -> Result<Option<Option<usize>>, NoMem> {
    let Some(mut s) = dfa.start(ctx_before(dfa, inp, s0), false)? else { return Ok(None) };
    let mut best = None;
    let mut p = s0;
    loop {
        if p >= inp.stop {
            match accepts_at_stop(prog, inp, dfa, s, p)? {
                None => return Ok(None),
                Some(true) => best = Some(p),
                Some(false) => {}
            }
            return Ok(Some(best));
        }
        let Some(t) = dfa.step(prog, s, inp.text[p])? else { return Ok(None) };
        if accepted(t) {
            best = Some(p);
        }
        s = target(t);
        if s == DEAD {
            return Ok(Some(best));
        }
        p += 1;
    }
}

/// The leftmost-longest match by the DFA: a linear unanchored pass finds
/// the earliest match end (none: no match); the leftmost start is at or
/// before it, so the candidates up to it are tried in order. Outer None:
/// the cache filled up; the caller simulates instead.
fn dfa_search(
    prog: &Prog,
    inp: &Input<'_>,
    dfa: &mut Dfa,
    start: usize,
    last: usize,
) -> Result<Option<Option<(usize, usize)>>, NoMem> {
    let mut limit = last;
    if last >= inp.stop && last >= start {
        let Some(mut s) = dfa.start(ctx_before(dfa, inp, start), true)? else { return Ok(None) };
        let mut p = start;
        let flushes = dfa.flushes;
        let earliest = loop {
            // The unanchored states outgrew the cache (every start still
            // alive, as for `(a{300}){300}` over 90 KB of `a`): give the
            // pass up and try the starts one by one, as glibc does.
            if dfa.flushes != flushes {
                break Some(last);
            }
            if p >= inp.stop {
                match accepts_at_stop(prog, inp, dfa, s, p)? {
                    None => return Ok(None),
                    Some(true) => break Some(p),
                    Some(false) => break None,
                }
            }
            if !prog.can_be_null && dfa.idle(s) {
                let q = skip(prog, inp, p, inp.stop);
                if q != p {
                    p = q;
                    let Some(t) = dfa.start(ctx_before(dfa, inp, p), true)? else { return Ok(None) };
                    s = t;
                    continue;
                }
            }
            let Some(t) = dfa.step(prog, s, inp.text[p])? else { return Ok(None) };
            if accepted(t) {
                break Some(p);
            }
            s = target(t);
            p += 1;
        };
        let Some(end) = earliest else { return Ok(Some(None)) };
        limit = end.min(last);
        if dfa.flushes != flushes {
            limit = last;
        }
    }
    let mut s = start;
    loop {
        if can_start(prog, inp, s) {
            match dfa_longest_at(prog, inp, dfa, s)? {
                None => return Ok(None),
                Some(Some(e)) => return Ok(Some(Some((s, e)))),
                Some(None) => {}
            }
        }
        if s == limit {
            return Ok(Some(None));
        }
        if limit > s {
            s += 1;
            if !prog.can_be_null {
                s = skip(prog, inp, s, limit).min(limit);
            }
        } else {
            s -= 1;
        }
    }
}

/// Searches starts from `start` towards `last` (backwards when `last <
/// start`), as glibc's re_search_internal. On a match fills `out` (length
/// 2·(nsub+1) at most; unmatched groups -1) with as many registers as it
/// holds; `out[0..2]` is always the whole match.
pub fn search(
    prog: &Prog,
    inp: &Input<'_>,
    mut start: usize,
    mut last: usize,
    out: &mut [isize],
) -> Result<bool, Fail> {
    if prog.anchored[usize::from(inp.newline_anchor)] {
        if start != 0 && last != 0 {
            return Ok(false);
        }
        start = 0;
        last = 0;
    }
    let want_groups = out.len() > 2 && prog.nsub > 0;
    let mut found: Option<(usize, usize)> = None;
    let mut regs: Vec<isize> = Vec::new();
    if prog.has_backref {
        // First with each back-reference as any text, in time linear in
        // the subject: no such match, no real one; else none starts before
        // the leftmost such match (searching forwards).
        let relaxed = longest(prog, inp, start.min(last), start.max(last))?;
        let Some((leftmost, _)) = relaxed else { return Ok(false) };
        if last >= start {
            start = leftmost;
        }
        let mut bt = Backtrack::new(prog, inp)?;
        let mut s = start;
        loop {
            if can_start(prog, inp, s)
                && let Some(e) = bt.run(s, None, &mut regs)?
            {
                found = Some((s, e));
                break;
            }
            if s == last {
                break;
            }
            if last > s { s += 1 } else { s -= 1 }
        }
    } else if let Some(m) = prog.dfa[usize::from(inp.newline_anchor)]
        .with(prog, inp.newline_anchor, |dfa| dfa_search(prog, inp, dfa, start, last))
        .and_then(|r| r.transpose())
    {
        found = m?;
    } else if last >= start {
        found = longest(prog, inp, start, last)?;
    } else {
        let mut s = start;
        loop {
            if can_start(prog, inp, s)
                && let Some(m) = longest(prog, inp, s, s)?
            {
                found = Some(m);
                break;
            }
            if s == last {
                break;
            }
            s -= 1;
        }
    }
    let Some((s, e)) = found else { return Ok(false) };
    if want_groups && !prog.has_backref {
        let mut bt = Backtrack::new(prog, inp)?;
        bt.run(s, Some(e), &mut regs)?;
    }
    for (k, slot) in out.iter_mut().enumerate() {
        *slot = if k < 2 {
            if k == 0 { s as isize } else { e as isize }
        } else if want_groups && k < regs.len() {
            regs[k]
        } else {
            -1
        };
    }
    // A group whose end was never reached (left by backtracking) is unset.
    for g in 1..out.len() / 2 {
        if out[2 * g] < 0 || out[2 * g + 1] < 0 {
            out[2 * g] = -1;
            out[2 * g + 1] = -1;
        }
    }
    Ok(true)
}
