//! The large-file (LFS64) names: `open64`, `stat64`, `readdir64`, ... (the
//! X/Open Large File Summit interfaces; glibc's `-D_FILE_OFFSET_BITS=64`
//! redirects the plain names to these, and older builds call them by name).
//!
//! musl >= 1.2.4 no longer exports them: its loader binds a fixed list of
//! them to the plain names during relocation only, so `dlsym("open64")`
//! fails and names off that list (`fcntl64`, `getdents64`, `preadv64v2`)
//! never resolve. The shim exports each as a real function over the plain
//! musl one. On x86_64 `off_t` is 64-bit in both libcs and every `*64` type
//! (`struct stat64`, `struct dirent64`, `struct flock64`, `struct rlimit64`,
//! `struct statfs64`, `struct statvfs64`, `fpos64_t`, `glob64_t`,
//! `struct aiocb64`) has the plain type's layout, so the forward is exact;
//! what needs more is said where it is done.
//!
//! # Why one module
//!
//! These names are one mechanism rather than part of each header's API:
//! the same forward, for the same reason, across fourteen headers, most of
//! which the shim has nothing else for. Grouping them answers "where is
//! `fstatfs64`" in one place, with one file per glibc header inside
//! (`lfs64/sys_statfs.rs` is `<sys/statfs.h>`); the old `__xstat` ABI,
//! which is `<sys/stat.h>` API with its own rules, is in `sys_stat/xstat.rs`.
//! Variadic fronts (`open64`, `openat64`, `__open64`, `fcntl64`) are in
//! `fcntl.c`; the plain forwards are rows of `abi::export::forward!`.
//! `ftw64` and `nftw64` are in `ftw/` with `ftw` and `nftw`: glibc's walks
//! differ from musl's in more than the name (callback type numbers,
//! `FTW_ACTIONRETVAL`, symbolic links).

pub mod aio;
pub mod dirent;
pub mod fcntl;
pub mod glob;
pub mod stdio;
pub mod stdlib;
pub mod sys_mman;
pub mod sys_resource;
pub mod sys_sendfile;
pub mod sys_stat;
pub mod sys_statfs;
pub mod sys_statvfs;
pub mod sys_uio;
pub mod unistd;
