//! `<netdb.h>` (and `<rpc/netdb.h>`, which it includes): glibc's
//! `getaddrinfo` flags for glibc-built callers, `getaddrinfo_a` with its
//! companions (libanl before glibc 2.34, libc since; `libanl.so.1` is a link
//! to the shim), and the reentrant protocol, service, network and host
//! database functions (`ent`) over the files glibc's `files` backend reads
//! (`files`), `/etc/rpc` (`rpc`), netgroups (`netgroup`), `ruserok` (`rcmd`).

pub mod ent;
pub mod files;
pub mod gai;
pub mod getaddrinfo;
pub mod netgroup;
pub mod rcmd;
pub mod rpc;
