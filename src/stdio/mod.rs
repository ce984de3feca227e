//! `<stdio.h>`: the fortified printf family (`chk`) and the format checks
//! glibc makes under `_FORTIFY_SOURCE` (`format`); the C23 scanf family
//! (`isoc23`) and its engine (`scan`).

pub mod chk;
pub mod format;
pub mod gnu_format;
pub mod isoc23;
pub mod perror;
pub mod printf_parse;
pub mod scan;
