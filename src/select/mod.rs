//! `<sys/select.h>`: the fortified `FD_SET` family's index check (`chk`).

pub mod chk;
