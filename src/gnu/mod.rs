//! `<gnu/libc-version.h>`.

pub mod libc_version;
