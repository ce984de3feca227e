//! `<syslog.h>`: fortified entry points (`chk`) and glibc's default ident
//! (`ident`).

pub mod chk;
pub mod ident;
