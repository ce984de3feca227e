//! `<fcntl.h>`: fortified entry points (`chk`).

pub mod chk;
pub mod openat2;
