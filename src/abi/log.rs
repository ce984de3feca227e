//! Diagnostics: a `log` backend writing one line per record to fd 2.
//!
//! Off by default. `GCOMPAT_LOG=error|warn|info|debug|trace` turns it on
//! (ignored in secure mode, `AT_SECURE`). Unimplemented exports and degraded paths report
//! themselves at `warn`; nothing on a hot path logs above `trace`.

use super::cstr::{Buf, write_all};
use core::fmt::Write;
use log::{LevelFilter, Log, Metadata, Record};

struct Fd2;

impl Log for Fd2 {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        metadata.level() <= log::max_level()
    }

    fn log(&self, record: &Record<'_>) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let mut line = Buf::<512>::new();
        let _ = writeln!(line, "gcompat: {}: {}", record.level(), record.args());
        write_all(2, line.as_bytes());
    }

    fn flush(&self) {}
}

static LOGGER: Fd2 = Fd2;

/// Reports, once per process, a call into an unimplemented export (`symbols/unimplemented.txt`):
/// `warn_once(&CALLED, "mallinfo: ...")`.
pub fn warn_once(called: &core::sync::atomic::AtomicBool, what: &str) {
    if !called.swap(true, core::sync::atomic::Ordering::Relaxed) {
        log::warn!("{what}");
    }
}

/// The level `GCOMPAT_LOG` names, if any.
fn parse_level(value: &[u8]) -> Option<LevelFilter> {
    Some(match value {
        b"off" | b"0" => LevelFilter::Off,
        b"error" => LevelFilter::Error,
        b"warn" | b"1" | b"" => LevelFilter::Warn,
        b"info" => LevelFilter::Info,
        b"debug" => LevelFilter::Debug,
        b"trace" => LevelFilter::Trace,
        _ => return None,
    })
}

/// Installs the logger if `GCOMPAT_LOG` asks for it. Called once, from the
/// start-up constructor.
pub fn init() {
    let Some(value) = super::env::var(c"GCOMPAT_LOG") else { return };
    let Some(level) = parse_level(value.to_bytes()) else {
        write_all(2, b"gcompat: GCOMPAT_LOG: expected off|error|warn|info|debug|trace\n");
        return;
    };
    if log::set_logger(&LOGGER).is_ok() {
        log::set_max_level(level);
    }
}

#[cfg(test)]
mod tests {
    use super::parse_level;
    use log::LevelFilter;

    #[test]
    fn levels() {
        assert_eq!(parse_level(b"debug"), Some(LevelFilter::Debug));
        assert_eq!(parse_level(b""), Some(LevelFilter::Warn));
        assert_eq!(parse_level(b"off"), Some(LevelFilter::Off));
        assert_eq!(parse_level(b"loud"), None);
    }
}
