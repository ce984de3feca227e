//! `<resolv.h>`, `<arpa/nameser.h>` and libresolv's `<arpa/inet.h>` names:
//! what glibc's libc (2.34+) and `libresolv.so.2` export and musl lacks.
//! `libresolv.so.2` is a link to the shim (Makefile `LIBNAMES`), so a
//! program whose DT_NEEDED names it finds these here.

pub mod b64;
pub mod compare;
pub mod debug;
pub mod inet_net;
pub mod name;
pub mod res;
