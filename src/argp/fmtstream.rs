//! argp's word-wrapping output stream (glibc's `argp_fmtstream`): text goes
//! into a buffer; whenever the margins change, the column is asked for or
//! the buffer must be flushed, the new text is wrapped: a line that would
//! reach the right margin is broken at the last blank before it, and the
//! next line starts with `wmargin` blanks; each new line starts with
//! `lmargin` blanks.
//!
//! glibc's output in odd cases (a word longer than the line, a buffer too
//! full to insert the margin) depends on how much text sits in the buffer
//! when it is wrapped, so this stream keeps glibc's buffer exactly: 200
//! bytes to start, 150 bytes reserved before each formatted piece, flushed
//! and grown at the same points, margins inserted in place.

use crate::abi::vec::Vec;
use libc::FILE;

const INIT_BUF_SIZE: usize = 200;
const PRINTF_SIZE_GUESS: usize = 150;

pub struct FmtStream {
    stream: *mut FILE,
    pub lmargin: usize,
    pub rmargin: usize,
    pub wmargin: isize,
    /// The column of the end of the text wrapped so far; -1 right after a
    /// wrap with no wrap margin (so that the left margin is not added).
    point_col: isize,
    /// How much of the buffer has been wrapped.
    point_offs: usize,
    /// glibc's buffer, all of it: its length is the buffer's size, and
    /// bytes past the text are zero or old text (as in glibc).
    buf: Vec<u8>,
    /// The end of the text in the buffer.
    p: usize,
}

fn is_blank(c: u8) -> bool {
    c == b' ' || c == b'\t'
}

impl FmtStream {
    /// A stream on `stream` (glibc's `__argp_make_fmtstream`); None if the
    /// buffer cannot be allocated.
    pub fn new(stream: *mut FILE, lmargin: usize, rmargin: usize, wmargin: isize) -> Option<Self> {
        // Zeroed, so that glibc's reads of bytes not yet written find
        // something defined.
        let buf = Vec::with_len(INIT_BUF_SIZE, 0).ok()?;
        Some(Self { stream, lmargin, rmargin, wmargin, point_col: 0, point_offs: 0, buf, p: 0 })
    }

    /// The buffer's size.
    fn end(&self) -> usize {
        self.buf.len()
    }

    fn at(&self, i: isize) -> u8 {
        usize::try_from(i).ok().and_then(|i| self.buf.get(i)).copied().unwrap_or(0)
    }

    fn set(&mut self, i: isize, c: u8) {
        if let Some(b) = usize::try_from(i).ok().and_then(|i| self.buf.get_mut(i)) {
            *b = c;
        }
    }

    /// `memmove` within the buffer, clipped to it.
    fn shift(&mut self, to: isize, from: isize, n: isize) {
        if n <= 0 || to < 0 || from < 0 {
            return;
        }
        let room = self.end() as isize;
        let n = n.min(room - to).min(room - from);
        if n > 0 {
            let from = from as usize;
            self.buf.copy_within(from..from + n as usize, to as usize);
        }
    }

    fn out(&self, bytes: &[u8]) {
        if !bytes.is_empty() {
            // SAFETY: a live slice; `stream` is the caller's open stream.
            unsafe { libc::fwrite(bytes.as_ptr().cast(), 1, bytes.len(), self.stream) };
        }
    }

    fn out_buf(&self, from: usize, to: usize) {
        if let Some(text) = self.buf.get(from..to) {
            self.out(text);
        }
    }

    fn out_blanks(&self, n: isize) {
        for _ in 0..n.max(0) {
            self.out(b" ");
        }
    }

    /// Wraps the text from `point_offs` to the end of the buffer.
    pub fn update(&mut self) {
        let mut b = self.point_offs as isize;
        let mut p = self.p as isize;
        let end = self.end() as isize;
        let rmargin = self.rmargin as isize;
        let wmargin = self.wmargin;
        while b < p {
            if self.point_col == 0 && self.lmargin != 0 {
                // A new line: the left margin first.
                let pad = self.lmargin as isize;
                if p + pad < end {
                    self.shift(b + pad, b, p - b);
                    p += pad;
                    for i in 0..pad {
                        self.set(b + i, b' ');
                    }
                    b += pad;
                } else {
                    self.out_blanks(pad);
                }
                self.point_col = pad;
            }
            let mut len = p - b;
            let newline = (b..p).find(|&i| self.at(i) == b'\n');
            if self.point_col < 0 {
                self.point_col = 0;
            }
            let mut nl = match newline {
                None => {
                    // glibc compares unsigned here.
                    if ((self.point_col + len) as usize) < self.rmargin {
                        self.point_col += len;
                        break;
                    }
                    p
                }
                Some(nl) if self.point_col + (nl - b) < rmargin => {
                    self.point_col = 0;
                    b = nl + 1;
                    continue;
                }
                Some(nl) => nl,
            };

            // The line is too long.
            let r = rmargin - 1;
            if r + 1 - self.point_col < 0 {
                // The wrap margin is past the right margin (only a strange
                // ARGP_HELP_FMT does that): glibc overruns its buffer here;
                // leave the line long instead.
                if nl < p {
                    self.point_col = 0;
                    b = nl + 1;
                    continue;
                }
                self.point_col += len;
                break;
            }
            if wmargin < 0 {
                // Truncate it.
                if nl < p {
                    let keep = b + (r - self.point_col);
                    self.shift(keep, nl, p - nl);
                    p -= keep - nl;
                    self.point_col = 0;
                    b += r + 1;
                } else {
                    self.point_col += len;
                    p -= self.point_col - r;
                    break;
                }
                continue;
            }

            // Break the line at the last blank before the margin.
            let mut q = b + (r + 1 - self.point_col);
            while q >= b && !is_blank(self.at(q)) {
                q -= 1;
            }
            let mut nextline = q + 1;
            if nextline > b {
                if q >= b {
                    loop {
                        q -= 1;
                        if !(q >= b && is_blank(self.at(q))) {
                            break;
                        }
                    }
                }
                nl = q + 1;
            } else {
                // One word longer than the line: it goes on a line of its own.
                q = b + (r + 1 - self.point_col);
                loop {
                    q += 1;
                    if q >= nl || is_blank(self.at(q)) {
                        break;
                    }
                }
                if q == nl {
                    self.point_col = 0;
                    b = nl + 1;
                    continue;
                }
                nl = q;
                loop {
                    q += 1;
                    if !(q < end && is_blank(self.at(q))) {
                        break;
                    }
                }
                nextline = q;
            }

            let at_end = nextline == b + len + 1;
            let short = if at_end { end - nl < wmargin + 1 } else { nextline - (nl + 1) < wmargin };
            if short && p > nextline {
                if end - p > wmargin + 1 {
                    // Make room for the wrap margin.
                    let mv = p - nextline;
                    self.shift(nl + 1 + wmargin, nextline, mv);
                    nextline = nl + 1 + wmargin;
                    len = nextline + mv - b;
                    self.set(nl, b'\n');
                    nl += 1;
                } else {
                    // Write out the first line to make room.
                    self.out_buf(0, nl.max(0) as usize);
                    self.out(b"\n");
                    len += b;
                    b = 0;
                    nl = 0;
                }
            } else {
                self.set(nl, b'\n');
                nl += 1;
            }

            if nextline - nl >= wmargin || (nextline == b + len + 1 && end - nextline >= wmargin) {
                for _ in 0..wmargin {
                    self.set(nl, b' ');
                    nl += 1;
                }
            } else {
                self.out_blanks(wmargin);
            }
            if nl < nextline {
                self.shift(nl, nextline, b + len - nextline);
            }
            len -= nextline - b;
            b = nl;
            p = nl + len;
            self.point_col = if wmargin != 0 { wmargin } else { -1 };
        }
        self.p = p.clamp(0, end) as usize;
        self.point_offs = self.p;
    }

    /// Makes room for `amount` more bytes: flushes the buffer, and grows it
    /// if it is smaller than that.
    fn ensure(&mut self, amount: usize) -> bool {
        if self.end() - self.p < amount {
            self.update();
            self.out_buf(0, self.p);
            self.p = 0;
            self.point_offs = 0;
            if self.end() < amount && self.buf.resize(self.end() + amount, 0).is_err() {
                return false;
            }
        }
        true
    }

    pub fn write(&mut self, text: &[u8]) {
        if self.p + text.len() <= self.end() || self.ensure(text.len()) {
            // `ensure` made room for `text` after `p`.
            self.buf[self.p..self.p + text.len()].copy_from_slice(text);
            self.p += text.len();
        }
    }

    pub fn puts(&mut self, text: &[u8]) {
        if !text.is_empty() {
            self.write(text);
        }
    }

    pub fn putc(&mut self, c: u8) {
        if self.p < self.end() || self.ensure(1) {
            self.set(self.p as isize, c);
            self.p += 1;
        }
    }

    /// glibc's `__argp_fmtstream_printf` with its arguments already
    /// formatted into `pieces`: it reserves room for a guessed size first,
    /// which decides when the buffer is flushed.
    pub fn printf(&mut self, pieces: &[&[u8]]) {
        let n: usize = pieces.iter().map(|s| s.len()).sum();
        if !self.ensure(PRINTF_SIZE_GUESS) {
            return;
        }
        if n >= self.end() - self.p && !self.ensure(n + 1) {
            return;
        }
        for piece in pieces {
            // Room for all `n` bytes was made above.
            self.buf[self.p..self.p + piece.len()].copy_from_slice(piece);
            self.p += piece.len();
        }
    }

    fn catch_up(&mut self) {
        if self.p > self.point_offs {
            self.update();
        }
    }

    pub fn set_lmargin(&mut self, lmargin: usize) -> usize {
        self.catch_up();
        core::mem::replace(&mut self.lmargin, lmargin)
    }

    pub fn set_wmargin(&mut self, wmargin: isize) -> isize {
        self.catch_up();
        core::mem::replace(&mut self.wmargin, wmargin)
    }

    /// The current output column.
    pub fn point(&mut self) -> usize {
        self.catch_up();
        self.point_col.max(0) as usize
    }
}

impl Drop for FmtStream {
    /// Flushes what is left (glibc's `__argp_fmtstream_free`).
    fn drop(&mut self) {
        self.update();
        self.out_buf(0, self.p);
    }
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use std::vec::Vec;

    fn render(f: impl FnOnce(&mut FmtStream)) -> Vec<u8> {
        let mut buf: *mut libc::c_char = core::ptr::null_mut();
        let mut size: libc::size_t = 0;
        // SAFETY: open_memstream with valid out-pointers; read after fclose.
        unsafe {
            let fp = libc::open_memstream(&mut buf, &mut size);
            {
                let mut fs = FmtStream::new(fp.cast(), 0, 20, 0).unwrap();
                f(&mut fs);
            }
            libc::fclose(fp);
            let out = core::slice::from_raw_parts(buf.cast::<u8>(), size).to_vec();
            libc::free(buf.cast());
            out
        }
    }

    #[test]
    fn wraps_at_blanks_with_margins() {
        let out = render(|fs| {
            fs.set_lmargin(2);
            fs.set_wmargin(4);
            fs.puts(b"one two three four five six seven\n");
        });
        assert_eq!(std::str::from_utf8(&out).unwrap(), "  one two three four\n    five six seven\n");
    }

    #[test]
    fn long_word_gets_its_own_line() {
        let out = render(|fs| fs.puts(b"ab abcdefghijklmnopqrstuvwxyz cd\n"));
        assert_eq!(std::str::from_utf8(&out).unwrap(), "ab\nabcdefghijklmnopqrstuvwxyz\ncd\n");
    }
}
