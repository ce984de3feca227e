//! `<sys/socket.h>`: fortified entry points (`chk`).

pub mod chk;
