//! `<poll.h>`: fortified entry points (`chk`).

pub mod chk;
