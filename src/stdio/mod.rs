//! `<stdio.h>`: the printf family with glibc's conversions for glibc
//! callers (`printf`, `gnu_format`), the fortified printf family (`chk`) and the format checks
//! glibc makes under `_FORTIFY_SOURCE` (`format`); the C23 scanf family
//! (`isoc23`) and its engine (`scan`).

pub mod chk;
pub mod format;
pub mod gnu_format;
pub mod isoc23;
pub mod perror;
pub mod printf;
pub mod scan;
