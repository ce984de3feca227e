//! `<setjmp.h>`: the fortified `longjmp` (`chk`).

pub mod chk;
