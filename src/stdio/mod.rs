//! `<stdio.h>`: the fortified printf family (`chk`) and the format checks
//! glibc makes under `_FORTIFY_SOURCE` (`format`).

pub mod chk;
pub mod format;
pub mod perror;
