//! `<mqueue.h>`: the fortified `mq_open` (`chk`).

pub mod chk;
