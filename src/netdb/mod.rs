//! `<netdb.h>` (and `<rpc/netdb.h>`, which it includes): the reentrant
//! protocol, service, network and host database functions (`ent`) over
//! the files glibc's `files` backend reads (`files`), `/etc/rpc` (`rpc`),
//! netgroups (`netgroup`), `ruserok` (`rcmd`).

pub mod ent;
pub mod files;
pub mod netgroup;
pub mod rcmd;
pub mod rpc;
