//! A lazily built DFA over the NFA program, for patterns without
//! back-references: the fast path for "is there a match, where does the
//! longest one from this start end". A state is the set of instructions
//! reached right after consuming a byte (its "kernel") plus the class of
//! that byte; the epsilon closure is taken when the next byte is read, so
//! every anchor sees both of its neighbours. Transitions are cached per
//! (state, byte) and kept in the compiled pattern across calls; past a
//! size limit the cache is dropped and the caller falls back to the
//! simulation in `exec`.

use super::compile::*;
use crate::abi::vec::{NoMem, Vec};

// Context classes. Before a position: the byte before it, or the buffer
// start; after it: the byte at it, or the end.
pub const C_OTHER: u8 = 0;
pub const C_WORD: u8 = 1;
pub const C_NL: u8 = 2;
pub const C_BEG: u8 = 3;
pub const C_BEG_NOTBOL: u8 = 4;
pub const C_END: u8 = 3;
pub const C_END_NOTEOL: u8 = 4;

pub const DEAD: u32 = u32::MAX >> 1;
const UNKNOWN: u32 = u32::MAX;
const ACCEPT: u32 = 1 << 31;
const MAX_STATES: usize = 2048;

#[derive(Clone, Copy)]
struct State {
    kstart: u32,
    klen: u32,
    ctx: u8,
    unanchored: bool,
    /// Accepts at the end of the subject (bit 0: with EOL, bit 1: NOTEOL);
    /// bit 7: computed.
    at_end: u8,
}

pub struct Dfa {
    /// Byte → context class (newline counts only under newline_anchor).
    pub class: [u8; 256],
    states: Vec<State>,
    kernels: Vec<u32>,
    trans: Vec<u32>,
    table: Vec<u32>,
    // Scratch for closures.
    seen: Vec<u32>,
    epoch: u32,
    stack: Vec<u32>,
    next: Vec<u32>,
    /// Start states by context class and anchoring.
    starts: [[u32; 2]; 5],
    /// How many times the cache was full and emptied.
    pub flushes: u32,
}

fn hash(kernel: &[u32], ctx: u8, unanchored: bool) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(ctx) ^ (u64::from(unanchored) << 8);
    for &k in kernel {
        h = (h ^ u64::from(k)).wrapping_mul(0x100_0000_01b3);
    }
    (h ^ (h >> 29)) as usize
}

impl Dfa {
    pub fn new(prog: &Prog, newline_anchor: bool) -> Result<Self, NoMem> {
        let mut class = [C_OTHER; 256];
        for (slot, &c) in class.iter_mut().zip(prog.map.iter()) {
            *slot = if word_byte(c) {
                C_WORD
            } else if c == b'\n' && newline_anchor {
                C_NL
            } else {
                C_OTHER
            };
        }
        Ok(Self {
            class,
            states: Vec::new(),
            kernels: Vec::new(),
            trans: Vec::new(),
            table: Vec::with_len(4 * MAX_STATES, UNKNOWN)?,
            seen: Vec::with_len(prog.insts.len(), 0)?,
            epoch: 0,
            stack: Vec::new(),
            next: Vec::new(),
            starts: [[UNKNOWN; 2]; 5],
            flushes: 0,
        })
    }

    fn reset(&mut self) {
        self.states.clear();
        self.kernels.clear();
        self.trans.clear();
        self.table.iter_mut().for_each(|t| *t = UNKNOWN);
        self.starts = [[UNKNOWN; 2]; 5];
    }

    /// The state for `kernel` (sorted), added if new; None when full.
    fn intern(&mut self, kernel_from_next: bool, ctx: u8, unanchored: bool) -> Result<Option<u32>, NoMem> {
        let kernel: &[u32] = if kernel_from_next { &self.next } else { &[0] };
        let h = hash(kernel, ctx, unanchored);
        let mask = self.table.len() - 1;
        let mut slot = h & mask;
        loop {
            let id = self.table[slot];
            if id == UNKNOWN {
                break;
            }
            let s = self.states[id as usize];
            if s.ctx == ctx
                && s.unanchored == unanchored
                && &self.kernels[s.kstart as usize..(s.kstart + s.klen) as usize] == kernel
            {
                return Ok(Some(id));
            }
            slot = (slot + 1) & mask;
        }
        if self.states.len() >= MAX_STATES {
            return Ok(None);
        }
        let id = self.states.len() as u32;
        let kstart = self.kernels.len() as u32;
        let klen = kernel.len() as u32;
        if kernel_from_next {
            for i in 0..self.next.len() {
                let k = self.next[i];
                self.kernels.push(k)?;
            }
        } else {
            self.kernels.push(0)?;
        }
        self.states.push(State { kstart, klen, ctx, unanchored, at_end: 0 })?;
        self.trans.reserve(256)?;
        for _ in 0..256 {
            self.trans.push(UNKNOWN)?;
        }
        self.table[slot] = id;
        Ok(Some(id))
    }

    /// The start state for a match beginning after context `ctx`.
    #[inline]
    pub fn start(&mut self, ctx: u8, unanchored: bool) -> Result<Option<u32>, NoMem> {
        let cached = self.starts[usize::from(ctx)][usize::from(unanchored)];
        if cached != UNKNOWN {
            return Ok(Some(cached));
        }
        let id = if unanchored {
            self.next.clear();
            self.intern(true, ctx, true)?
        } else {
            self.intern(false, ctx, false)?
        };
        if let Some(id) = id {
            self.starts[usize::from(ctx)][usize::from(unanchored)] = id;
        }
        Ok(id)
    }

    /// Closure of state `s` between contexts; with `byte`, collects the
    /// kernel after consuming it into `self.next`. Returns whether Match
    /// is in the closure.
    fn closure(&mut self, prog: &Prog, s: u32, next_ctx: u8, byte: Option<u8>) -> Result<bool, NoMem> {
        let st = self.states[s as usize];
        self.epoch = self.epoch.wrapping_add(1);
        if self.epoch == 0 {
            self.seen.iter_mut().for_each(|x| *x = 0);
            self.epoch = 1;
        }
        let epoch = self.epoch;
        self.stack.clear();
        self.next.clear();
        for i in (st.kstart..st.kstart + st.klen).rev() {
            let k = self.kernels[i as usize];
            self.stack.push(k)?;
        }
        if st.unanchored {
            self.stack.push(0)?;
        }
        let prev = st.ctx;
        let mut matched = false;
        while let Some(pc) = self.stack.pop() {
            if self.seen[pc as usize] == epoch {
                continue;
            }
            self.seen[pc as usize] = epoch;
            let i = prog.insts[pc as usize];
            match i.op {
                I_SET => {
                    if let Some(b) = byte
                        && set_has(&prog.sets[i.a as usize], b)
                    {
                        self.next.push(pc + 1)?;
                    }
                }
                I_MATCH => matched = true,
                I_SPLIT => {
                    self.stack.push(i.b)?;
                    self.stack.push(i.a)?;
                }
                I_JMP => self.stack.push(i.a)?,
                I_ASSERT => {
                    if holds(i.a, prev, next_ctx) {
                        self.stack.push(pc + 1)?;
                    }
                }
                I_ITER_END if i.b != u32::MAX => {
                    self.stack.push(pc + 1)?;
                    self.stack.push(i.b)?;
                }
                I_BACKREF => {}
                _ => self.stack.push(pc + 1)?,
            }
        }
        self.next.sort_unstable();
        Ok(matched)
    }

    /// The transition of `s` on `byte`: the next state (or DEAD), with
    /// ACCEPT set when a match ends before `byte`. When the cache is full it
    /// is emptied first (`flushes` counts it): every state number the
    /// caller holds but the returned one is then stale. Never None.
    #[inline]
    pub fn step(&mut self, prog: &Prog, s: u32, byte: u8) -> Result<Option<u32>, NoMem> {
        let t = self.trans[s as usize * 256 + usize::from(byte)];
        if t != UNKNOWN {
            return Ok(Some(t));
        }
        let class = self.class[usize::from(byte)];
        let matched = self.closure(prog, s, class, Some(byte))?;
        let unanchored = self.states[s as usize].unanchored;
        let target = if self.next.is_empty() && !unanchored {
            DEAD
        } else {
            match self.intern(true, class, unanchored)? {
                Some(id) => id,
                None => {
                    // A long pattern over a long subject meets more states
                    // than the cache holds: start it afresh with the target
                    // (its kernel is still in `next`); `s` is gone.
                    self.reset();
                    self.flushes = self.flushes.wrapping_add(1);
                    let id = self.intern(true, class, unanchored)?.ok_or(NoMem)?;
                    return Ok(Some(id | if matched { ACCEPT } else { 0 }));
                }
            }
        };
        let t = target | if matched { ACCEPT } else { 0 };
        self.trans[s as usize * 256 + usize::from(byte)] = t;
        Ok(Some(t))
    }

    /// Whether `s` accepts at the end of the subject.
    pub fn accepts_at_end(&mut self, prog: &Prog, s: u32, not_eol: bool) -> Result<bool, NoMem> {
        let bit = 1u8 << u8::from(not_eol);
        let computed = 0x80u8 >> u8::from(not_eol);
        let st = self.states[s as usize];
        if st.at_end & computed == 0 {
            let m = self.closure(prog, s, if not_eol { C_END_NOTEOL } else { C_END }, None)?;
            let st = &mut self.states[s as usize];
            st.at_end |= computed | if m { bit } else { 0 };
        }
        Ok(self.states[s as usize].at_end & bit != 0)
    }
}

impl Dfa {
    /// Whether state `s` has nothing in progress (an unanchored state that
    /// only waits for a match to begin).
    pub fn idle(&self, s: u32) -> bool {
        self.states[s as usize].klen == 0
    }
}

pub fn accepted(t: u32) -> bool {
    t & ACCEPT != 0
}

pub fn target(t: u32) -> u32 {
    t & !ACCEPT
}

fn holds(kind: u32, prev: u8, next: u8) -> bool {
    let prev_word = prev == C_WORD;
    let next_word = next == C_WORD;
    match kind {
        A_LINE_FIRST => prev == C_NL || prev == C_BEG,
        A_LINE_LAST => next == C_NL || next == C_END,
        A_BUF_FIRST => prev == C_BEG || prev == C_BEG_NOTBOL,
        A_BUF_LAST => next == C_END || next == C_END_NOTEOL,
        A_WORD_FIRST => !prev_word && next_word,
        A_WORD_LAST => prev_word && !next_word,
        A_WORD_DELIM => prev_word != next_word,
        _ => prev_word == next_word,
    }
}

/// A DFA shared by the threads using one compiled pattern: whoever finds it
/// busy uses the simulation instead.
pub struct Cell {
    busy: core::sync::atomic::AtomicBool,
    dfa: core::cell::UnsafeCell<Option<Dfa>>,
}

// SAFETY: `dfa` is only reached while `busy` is held (`with`).
unsafe impl Sync for Cell {}

impl Default for Cell {
    fn default() -> Self {
        Self::new()
    }
}

impl Cell {
    pub const fn new() -> Self {
        Self { busy: core::sync::atomic::AtomicBool::new(false), dfa: core::cell::UnsafeCell::new(None) }
    }

    /// Runs `f` on the DFA (built on first use), or returns None if another
    /// thread holds it or it cannot be built.
    pub fn with<R>(&self, prog: &Prog, newline_anchor: bool, f: impl FnOnce(&mut Dfa) -> R) -> Option<R> {
        use core::sync::atomic::Ordering::{Acquire, Relaxed, Release};
        if self.busy.compare_exchange(false, true, Acquire, Relaxed).is_err() {
            return None;
        }
        // SAFETY: the lock is held, so this is the only reference.
        let slot = unsafe { &mut *self.dfa.get() };
        if slot.is_none() {
            *slot = Dfa::new(prog, newline_anchor).ok();
        }
        let result = slot.as_mut().map(f);
        self.busy.store(false, Release);
        result
    }
}
