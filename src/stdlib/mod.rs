//! `<stdlib.h>`: fortified entry points (`chk`), the C23 integer parsers
//! (`isoc23`).

pub mod at_exit;
pub mod chk;
pub mod float128;
pub mod floating;
pub mod gnu;
pub mod isoc23;
pub mod random_r;
pub mod strto_l;
pub mod thread_atexit;
