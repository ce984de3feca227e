//! `<netdb.h>`: glibc's `getaddrinfo` flags for glibc-built callers, and
//! `getaddrinfo_a` with its companions (libanl before glibc 2.34, libc
//! since; `libanl.so.1` is a link to the shim).

pub mod gai;
pub mod getaddrinfo;
