//! The `/etc/ttys` reader and line parser over bytes, apart from the file
//! so the host unit tests can feed it lines (the machine has no
//! `/etc/ttys`, and a test must not make one).
//!
//! The format is BSD's ttys(5) as glibc's `getttyent` reads it:
//!
//! - A line is read into a 100-byte buffer (`fgets`, so at most 99 bytes).
//!   A line that does not fit, with its newline, is skipped with the rest
//!   of it; so is a last line without a newline. The newline is looked for
//!   in the buffer as a C string, so a NUL byte before it makes the line
//!   "too long" too, and the bytes up to the next newline go with it.
//! - Leading white space (`isspace`) is skipped; an empty line or one
//!   that starts with `#` is no entry.
//! - Fields are separated by blanks, tabs or newlines (runs of them).
//!   Double quotes group a field and are removed; inside them `\"` is a
//!   quote. An unquoted `#` ends the field and starts the comment.
//! - Field 1 is the name, 2 the getty command, 3 the terminal type (each
//!   null when the line ends before it); after them come the flags `on`,
//!   `off` (clears `on`), `secure`, each only when white space follows it,
//!   and `window=VALUE`. The first word that is none of these, and all
//!   after it up to the newline as written, is the comment; after a `#`
//!   the comment starts past the blanks and tabs that follow it. With
//!   neither, the comment is null; a `#` with nothing after it gives "".
//!
//! Everything is cut in place in the one line buffer, and an entry is a
//! set of offsets into it: the exported functions turn them into pointers
//! into their static buffer, as glibc's point into its own.

use core::ffi::c_int;

/// glibc's line buffer (`MAXLINELENGTH`).
pub const LINE: usize = 100;

/// `TTY_ON`: start the getty on this line.
pub const TTY_ON: c_int = 0x01;
/// `TTY_SECURE`: root may log in on this line.
pub const TTY_SECURE: c_int = 0x02;

/// One entry, as offsets of NUL-terminated strings in the line buffer.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub name: usize,
    pub getty: Option<usize>,
    pub tty_type: Option<usize>,
    pub status: c_int,
    pub window: Option<usize>,
    pub comment: Option<usize>,
}

/// `isspace` in the C locale.
fn is_space(b: u8) -> bool {
    b == b' ' || (b'\t'..=b'\r').contains(&b)
}

/// The bytes that end an unquoted field (fewer than `isspace` takes).
fn is_separator(b: u8) -> bool {
    b == b' ' || b == b'\t' || b == b'\n'
}

/// The byte at `i`, NUL past the buffer (the reader always leaves a NUL
/// inside it; this keeps a wrong offset from panicking).
fn at(line: &[u8; LINE], i: usize) -> u8 {
    line.get(i).copied().unwrap_or(0)
}

/// Reads lines from `next_byte` into `line` until one holds an entry, and
/// returns the offset of its first non-blank byte; None at the end.
pub fn next_line(line: &mut [u8; LINE], next_byte: &mut impl FnMut() -> Option<u8>) -> Option<usize> {
    loop {
        // fgets: up to LINE - 1 bytes, through the newline.
        let mut len = 0;
        while len < LINE - 1 {
            let Some(b) = next_byte() else { break };
            line[len] = b;
            len += 1;
            if b == b'\n' {
                break;
            }
        }
        if len == 0 {
            return None;
        }
        line[len] = 0;
        let text = &line[..line.iter().position(|&b| b == 0).unwrap_or(len)];
        if !text.contains(&b'\n') {
            // Too long (or cut by a NUL): drop the rest of the line.
            while next_byte().is_some_and(|b| b != b'\n') {}
            continue;
        }
        let start = text.iter().position(|&b| !is_space(b)).unwrap_or(text.len());
        if start < text.len() && text[start] != b'#' {
            return Some(start);
        }
    }
}

/// How a field ended.
#[derive(PartialEq, Eq)]
enum End {
    /// At an unquoted `#`: the rest of the line is the comment.
    Hash,
    /// At separators, skipped: the next field follows.
    Separator,
    /// At the end of the text (inside quotes).
    Text,
}

/// Ends the field at `start` in place (quotes out, a NUL after it) and
/// returns where reading stopped: the next field's start, or the `#` (now
/// a NUL) that ended this one, or the end of the text.
fn cut_field(line: &mut [u8; LINE], start: usize) -> (usize, End) {
    let (mut read, mut write) = (start, start);
    let mut quoted = false;
    let mut end = End::Text;
    loop {
        let b = at(line, read);
        if b == 0 {
            break;
        }
        if b == b'"' {
            quoted = !quoted;
            read += 1;
            continue;
        }
        if quoted && b == b'\\' && at(line, read + 1) == b'"' {
            read += 1;
        }
        // The byte is kept, separators and `#` too: the NUL that ends the
        // field replaces the last byte kept, below.
        line[write] = line[read];
        write += 1;
        if quoted {
            read += 1;
            continue;
        }
        if b == b'#' {
            line[read] = 0;
            end = End::Hash;
            break;
        }
        if is_separator(b) {
            line[read] = 0;
            read += 1;
            while is_separator(at(line, read)) {
                read += 1;
            }
            end = End::Separator;
            break;
        }
        read += 1;
    }
    // Something was always kept: the reader's line holds a newline, which
    // is kept (quoted) or ends the field (unquoted).
    line[write.max(start + 1) - 1] = 0;
    (read, end)
}

/// `word` at the start of `rest`, followed by white space.
fn flag(rest: &[u8], word: &[u8]) -> bool {
    rest.starts_with(word) && rest.get(word.len()).is_some_and(|&b| is_space(b))
}

/// Splits the entry line `line` (from [`next_line`], entry at `start`) in
/// place into its fields.
pub fn parse(line: &mut [u8; LINE], start: usize) -> Entry {
    let mut entry = Entry { name: start, ..Entry::default() };
    // Whether the last field that ended at a separator or `#` ended at `#`.
    let mut after_hash = false;
    let mut cut = |line: &mut [u8; LINE], at: usize| {
        let (next, end) = cut_field(line, at);
        if end != End::Text {
            after_hash = end == End::Hash;
        }
        next
    };
    let mut p = cut(line, start);
    if at(line, p) != 0 {
        entry.getty = Some(p);
        p = cut(line, p);
        if at(line, p) != 0 {
            entry.tty_type = Some(p);
            p = cut(line, p);
        }
    }
    while at(line, p) != 0 {
        let rest = &line[p..];
        if flag(rest, b"off") {
            entry.status &= !TTY_ON;
        } else if flag(rest, b"on") {
            entry.status |= TTY_ON;
        } else if flag(rest, b"secure") {
            entry.status |= TTY_SECURE;
        } else if rest.starts_with(b"window=") {
            // The value is cut in place with the field, where it stands.
            entry.window = Some(p + b"window=".len());
        } else {
            break;
        }
        p = cut(line, p);
    }
    if after_hash || at(line, p) == b'#' {
        p += 1;
        while at(line, p) == b' ' || at(line, p) == b'\t' {
            p += 1;
        }
    }
    if at(line, p) != 0 {
        entry.comment = Some(p);
    }
    // The comment (or nothing) ends at the newline.
    if let Some(newline) = line[p.min(LINE)..].iter().take_while(|&&b| b != 0).position(|&b| b == b'\n') {
        line[p + newline] = 0;
    }
    entry
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An entry with its strings copied out.
    #[derive(Debug, PartialEq, Eq)]
    struct Ent {
        name: String,
        getty: Option<String>,
        tty_type: Option<String>,
        status: c_int,
        window: Option<String>,
        comment: Option<String>,
    }

    fn string(line: &[u8; LINE], at: usize) -> String {
        let end = line[at..].iter().position(|&b| b == 0).unwrap() + at;
        String::from_utf8(line[at..end].to_vec()).unwrap()
    }

    /// Every entry of the file `text`, as `getttyent` gives them.
    fn entries(text: &[u8]) -> Vec<Ent> {
        let mut bytes = text.iter().copied();
        let mut line = [0xaa; LINE];
        let mut out = Vec::new();
        while let Some(start) = next_line(&mut line, &mut || bytes.next()) {
            let e = parse(&mut line, start);
            let s = |o: Option<usize>| o.map(|o| string(&line, o));
            out.push(Ent {
                name: string(&line, e.name),
                getty: s(e.getty),
                tty_type: s(e.tty_type),
                status: e.status,
                window: s(e.window),
                comment: s(e.comment),
            });
        }
        out
    }

    /// The one entry of the line `text`.
    fn one(text: &str) -> Ent {
        let mut all = entries(text.as_bytes());
        assert_eq!(all.len(), 1, "{text:?}: {all:?}");
        all.pop().unwrap()
    }

    fn ent(name: &str, getty: Option<&str>, tty_type: Option<&str>, status: c_int) -> Ent {
        Ent {
            name: name.into(),
            getty: getty.map(Into::into),
            tty_type: tty_type.map(Into::into),
            status,
            window: None,
            comment: None,
        }
    }

    fn with(mut e: Ent, window: Option<&str>, comment: Option<&str>) -> Ent {
        e.window = window.map(Into::into);
        e.comment = comment.map(Into::into);
        e
    }

    #[test]
    fn full_entries() {
        assert_eq!(
            one("console \"/usr/libexec/getty std.9600\" vt100 on secure\n"),
            ent("console", Some("/usr/libexec/getty std.9600"), Some("vt100"), TTY_ON | TTY_SECURE)
        );
        assert_eq!(one("ttyd0\tnone\tdialup\toff\n"), ent("ttyd0", Some("none"), Some("dialup"), 0));
        assert_eq!(one("tty1 getty linux on off\n"), ent("tty1", Some("getty"), Some("linux"), 0));
        assert_eq!(one("tty1 getty linux off on\n"), ent("tty1", Some("getty"), Some("linux"), TTY_ON));
        assert_eq!(
            one("  \t tty1   getty   linux   secure  \n"),
            ent("tty1", Some("getty"), Some("linux"), TTY_SECURE)
        );
    }

    #[test]
    fn missing_fields() {
        assert_eq!(one("tty1\n"), ent("tty1", None, None, 0));
        assert_eq!(one("tty1   \n"), ent("tty1", None, None, 0));
        assert_eq!(one("tty1 getty\n"), ent("tty1", Some("getty"), None, 0));
        // Flags come only after the third field.
        assert_eq!(one("tty1 getty on\n"), ent("tty1", Some("getty"), Some("on"), 0));
        assert_eq!(one("tty1 on secure\n"), ent("tty1", Some("on"), Some("secure"), 0));
    }

    #[test]
    fn skipped_lines() {
        assert!(entries(b"").is_empty());
        assert!(entries(b"\n\n   \n\t\x0b\x0c\r\n").is_empty());
        assert!(entries(b"# all comment\n   # indented comment\n").is_empty());
        // The last line without a newline is dropped.
        assert!(entries(b"tty1 getty vt100 on").is_empty());
        let names: Vec<String> =
            entries(b"#c\n\ntty1 a b\n  \t# x\ntty2 c d\ntty3").into_iter().map(|e| e.name).collect();
        assert_eq!(names, ["tty1", "tty2"]);
    }

    #[test]
    fn long_lines() {
        // 98 bytes and a newline fit the buffer's 99; 99 and a newline do not.
        let fits = format!("{}\n", "a".repeat(98));
        assert_eq!(entries(fits.as_bytes()).len(), 1);
        assert_eq!(one(&fits).name, "a".repeat(98));
        let too_long = format!("{}\n", "b".repeat(99));
        assert!(entries(too_long.as_bytes()).is_empty());
        // The rest of a long line is no entry; the next line is.
        let text = format!("x{} tty9 g t on\ntty2 g t on\n", "c".repeat(150));
        let all = entries(text.as_bytes());
        assert_eq!(all, [ent("tty2", Some("g"), Some("t"), TTY_ON)]);
        // A long line at the end of the file without a newline.
        assert!(entries("z".repeat(300).as_bytes()).is_empty());
        // A long line whose rest is exactly the buffer.
        let text = format!("{}\ntty3\n", "d".repeat(99 * 2));
        assert_eq!(entries(text.as_bytes()), [ent("tty3", None, None, 0)]);
    }

    #[test]
    fn nul_byte_hides_the_newline() {
        // fgets stops after the newline, but the C string ends at the NUL:
        // the line counts as too long and the next line is dropped with it.
        assert!(entries(b"tty1\0 x\ntty2 g t\n").is_empty());
        assert_eq!(entries(b"tty1\0 x\ntty2 g t\ntty3\n"), [ent("tty3", None, None, 0)]);
    }

    #[test]
    fn quotes() {
        assert_eq!(one("\"tty 1\" \"a b\" \"c\"\n"), ent("tty 1", Some("a b"), Some("c"), 0));
        // Quotes can open and close anywhere in a field.
        assert_eq!(one("t\"t y\"1 g\"\"e\"t\"ty x\n"), ent("tt y1", Some("getty"), Some("x"), 0));
        // \" inside quotes is a quote; outside them a backslash stays.
        assert_eq!(one("tty1 \"say \\\"hi\\\"\" a\\b\n"), ent("tty1", Some("say \"hi\""), Some("a\\b"), 0));
        assert_eq!(one("tty1 a\\\"b c\" d\n"), ent("tty1", Some("a\\b c"), Some("d"), 0));
        // A quote left open takes the rest of the line, newline excepted.
        assert_eq!(one("tty1 \"open field on\n"), ent("tty1", Some("open field on"), None, 0));
        assert_eq!(one("tty1 \"\n"), ent("tty1", Some(""), None, 0));
        // An empty quoted field is an empty string, not a missing one.
        assert_eq!(one("tty1 \"\" \"\" on\n"), ent("tty1", Some(""), Some(""), TTY_ON));
        assert_eq!(one("\"\" g\n"), ent("", Some("g"), None, 0));
        // `#` inside quotes is text.
        assert_eq!(one("tty1 \"a#b\" t # c\n"), with(ent("tty1", Some("a#b"), Some("t"), 0), None, Some("c")));
        // A quoted flag is no flag: it starts the comment, quotes and all.
        assert_eq!(
            one("tty1 g t \"on\" secure\n"),
            with(ent("tty1", Some("g"), Some("t"), 0), None, Some("\"on\" secure"))
        );
    }

    #[test]
    fn comments() {
        assert_eq!(
            one("tty1 g t on # the console\n"),
            with(ent("tty1", Some("g"), Some("t"), TTY_ON), None, Some("the console"))
        );
        assert_eq!(
            one("tty1 g t on #\t \t x y \n"),
            with(ent("tty1", Some("g"), Some("t"), TTY_ON), None, Some("x y "))
        );
        // No comment is null; an empty one after `#` is an empty string
        // (the newline it ends at is cut afterwards).
        assert_eq!(one("tty1 g t on\n"), ent("tty1", Some("g"), Some("t"), TTY_ON));
        assert_eq!(one("tty1 g t on #\n"), with(ent("tty1", Some("g"), Some("t"), TTY_ON), None, Some("")));
        assert_eq!(one("tty1 g t on #  \t\n"), with(ent("tty1", Some("g"), Some("t"), TTY_ON), None, Some("")));
        // `#` right after a field ends it.
        assert_eq!(one("tty1#c d\n"), with(ent("tty1", None, None, 0), None, Some("c d")));
        assert_eq!(one("tty1 g#c\n"), with(ent("tty1", Some("g"), None, 0), None, Some("c")));
        assert_eq!(one("tty1 g t#c\n"), with(ent("tty1", Some("g"), Some("t"), 0), None, Some("c")));
        assert_eq!(
            one("tty1 g t on secure#c\n"),
            with(ent("tty1", Some("g"), Some("t"), TTY_ON), None, Some("secure#c"))
        );
        // `#` starting the second or third field leaves it empty, not null.
        assert_eq!(one("tty1 #c\n"), with(ent("tty1", Some(""), None, 0), None, Some("c")));
        assert_eq!(one("tty1 g #c\n"), with(ent("tty1", Some("g"), Some(""), 0), None, Some("c")));
        assert_eq!(one("tty1 g # \n"), with(ent("tty1", Some("g"), Some(""), 0), None, Some("")));
        // Only blanks and tabs are skipped after `#`.
        assert_eq!(one("tty1 g t #\x0bv\n"), with(ent("tty1", Some("g"), Some("t"), 0), None, Some("\x0bv")));
    }

    #[test]
    fn unknown_words_start_the_comment() {
        assert_eq!(
            one("tty1 g t on bogus secure # x\n"),
            with(ent("tty1", Some("g"), Some("t"), TTY_ON), None, Some("bogus secure # x"))
        );
        // A flag must be followed by white space.
        assert_eq!(one("tty1 g t onx\n"), with(ent("tty1", Some("g"), Some("t"), 0), None, Some("onx")));
        assert_eq!(one("tty1 g t secured\n"), with(ent("tty1", Some("g"), Some("t"), 0), None, Some("secured")));
        assert_eq!(one("tty1 g t ON\n"), with(ent("tty1", Some("g"), Some("t"), 0), None, Some("ON")));
        // Any white space counts after a flag, \r and \v too, though only
        // blanks, tabs and newlines separate fields.
        assert_eq!(one("tty1 g t on\r\n"), ent("tty1", Some("g"), Some("t"), TTY_ON));
        assert_eq!(one("tty1 g t on\x0bsecure x\n"), with(ent("tty1", Some("g"), Some("t"), TTY_ON), None, Some("x")));
        // `window` needs its `=`.
        assert_eq!(one("tty1 g t window x\n"), with(ent("tty1", Some("g"), Some("t"), 0), None, Some("window x")));
    }

    #[test]
    fn window() {
        assert_eq!(
            one("ttyv0 g t on window=/usr/bin/xterm secure\n"),
            with(ent("ttyv0", Some("g"), Some("t"), TTY_ON | TTY_SECURE), Some("/usr/bin/xterm"), None)
        );
        assert_eq!(
            one("ttyv0 g t window=\"/usr/bin/xterm -geometry 80x24\" on\n"),
            with(ent("ttyv0", Some("g"), Some("t"), TTY_ON), Some("/usr/bin/xterm -geometry 80x24"), None)
        );
        // The last one wins; an empty value is an empty string.
        assert_eq!(one("v g t window=a window=b\n"), with(ent("v", Some("g"), Some("t"), 0), Some("b"), None));
        assert_eq!(one("v g t window= on\n"), with(ent("v", Some("g"), Some("t"), TTY_ON), Some(""), None));
        assert_eq!(one("v g t window=\n"), with(ent("v", Some("g"), Some("t"), 0), Some(""), None));
        assert_eq!(one("v g t window=#c\n"), with(ent("v", Some("g"), Some("t"), 0), Some(""), Some("c")));
        assert_eq!(one("v g t window=a=b\n"), with(ent("v", Some("g"), Some("t"), 0), Some("a=b"), None));
        // Quoted to the end of the line: the newline is dropped.
        assert_eq!(one("v g t window=\"x y\n"), with(ent("v", Some("g"), Some("t"), 0), Some("x y"), None));
    }

    #[test]
    fn entries_in_sequence() {
        let text = b"# /etc/ttys\nconsole getty vt100 on secure\n\nttyS0 \"agetty -L 115200\" vt102 off # serial\n";
        assert_eq!(
            entries(text),
            [
                ent("console", Some("getty"), Some("vt100"), TTY_ON | TTY_SECURE),
                with(ent("ttyS0", Some("agetty -L 115200"), Some("vt102"), 0), None, Some("serial")),
            ]
        );
    }
}
