//! `<sys/stat.h>`: the old versioned stat ABI (`xstat`). The large-file
//! names `stat64` and friends are in `lfs64/sys_stat.rs` with the rest of
//! their kind.

pub mod xstat;
