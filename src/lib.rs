//! libgcompat.so.0: glibc's ABI on musl.
//!
//! Exports what glibc-built programs ask for and musl lacks, at glibc's symbol
//! versions (`symbols/` is the list), with glibc's behaviour where musl's
//! differs. Modules follow glibc's headers; `abi` holds the plumbing every
//! area shares (errno, C strings, the fortify failure path, logging), and
//! `startup` the constructor that sets the areas up.
#![cfg_attr(not(test), no_std)]
#![allow(clippy::missing_safety_doc)] // every export carries its own `# Safety`

/// `#[export]`, the one way to declare what C sees (`abi::export`), in
/// scope in every module.
#[macro_use]
extern crate gcompat_macros;

pub mod abi;
pub mod aio;
pub mod aliases;
pub mod argp;
pub mod argz;
pub mod arpa;
pub mod csu;
pub mod dlfcn;
pub mod error;
pub mod execinfo;
pub mod fcntl;
pub mod fenv;
pub mod fts;
pub mod ftw;
pub mod getopt;
pub mod gnu;
pub mod grp;
pub mod iconv;
pub mod langinfo;
pub mod lfs64;
// x86_64's libgcc names (`__cpu_model`): aarch64's libgcc has no such hidden-version data.
#[cfg(target_arch = "x86_64")]
pub mod libgcc;
pub mod libintl;
pub mod linux_compat;
pub mod locale;
pub mod malloc;
pub mod math;
pub mod mcheck;
pub mod mqueue;
pub mod netdb;
pub mod nss;
pub mod obstack;
pub mod poll;
pub mod printf;
pub mod pthread;
pub mod pwd;
pub mod regex;
pub mod resolv;
pub mod rtld;
pub mod sched;
pub mod select;
pub mod semaphore;
pub mod setjmp;
pub mod shadow;
pub mod signal;
pub mod socket;
pub mod spawn;
mod startup;
pub mod stdbit;
pub mod stdio;
pub mod stdlib;
pub mod string;
pub mod sys_epoll;
pub mod sys_gmon;
pub mod sys_mman;
pub mod sys_mount;
pub mod sys_pidfd;
pub mod sys_single_threaded;
pub mod sys_stat;
pub mod sys_sysmacros;
pub mod sys_timex;
pub mod syslog;
pub mod time;
pub mod ttyent;
pub mod ucontext;
pub mod unistd;
pub mod utmp;
pub mod wchar;
#[cfg(target_arch = "x86_64")]
pub mod x86_64;

/// A panic in the shim is a bug; there is no unwinding across `extern "C"`.
/// Say where, on fd 2, and abort as glibc's internal errors do.
#[cfg(not(test))]
#[panic_handler]
fn panic(info: &core::panic::PanicInfo<'_>) -> ! {
    abi::fatal::panic(info)
}

/// The personality routine rustc names in unwind tables: the aarch64
/// `compiler_builtins` that comes with the toolchain is built with unwinding
/// and refers to it, though nothing in the shim unwinds (panic = abort). An
/// unwinder that meets one of those frames (a C++ exception passing through)
/// is told to go on: `_URC_CONTINUE_UNWIND`. Not exported (the version
/// script makes it local).
///
/// # Safety
/// Called only by an unwinder, with the Itanium ABI's arguments, which it
/// does not read.
#[cfg(all(not(test), target_arch = "aarch64"))]
#[export(local)]
pub unsafe extern "C" fn rust_eh_personality() -> core::ffi::c_int {
    8
}
