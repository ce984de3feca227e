//! `<unistd.h>`: fortified entry points (`chk`).

pub mod chk;
pub mod close_range;
pub mod confstr;
pub mod execveat;
pub mod gnu;
