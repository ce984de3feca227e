//! `<nss.h>`: `__nss_configure_lookup`, which replaces one database's
//! `/etc/nsswitch.conf` line for the process (glibc manual, "NSS
//! Configuration File"). musl has no NSS: its lookups read the files (and
//! DNS for hosts) whatever a configuration says, which is what a line
//! naming `files` asks for. So this checks the call as glibc does (a
//! database glibc knows, a non-empty service list: else -1, errno as it
//! was)
//! and returns 0 without changing anything (`symbols/unimplemented.txt`).

use core::ffi::{CStr, c_char, c_int};

/// The databases glibc's `nsswitch.conf` knows (glibc `nss/databases.def`).
const DATABASES: [&[u8]; 14] = [
    b"aliases",
    b"ethers",
    b"group",
    b"gshadow",
    b"hosts",
    b"initgroups",
    b"netgroup",
    b"networks",
    b"passwd",
    b"protocols",
    b"publickey",
    b"rpc",
    b"services",
    b"shadow",
];

/// `__nss_configure_lookup`: accepts a configuration for a known
/// database, with no effect on musl's lookups; -1 (errno untouched, as
/// glibc) for an unknown database or an empty service line.
///
/// # Safety
/// Both arguments are C strings.
#[export]
pub unsafe extern "C" fn __nss_configure_lookup(dbname: *const c_char, service_line: *const c_char) -> c_int {
    // SAFETY: C strings, per the contract.
    let (db, line) = unsafe { (CStr::from_ptr(dbname).to_bytes(), CStr::from_ptr(service_line).to_bytes()) };
    if !DATABASES.contains(&db) || line.iter().all(u8::is_ascii_whitespace) {
        return -1;
    }
    log::info!("__nss_configure_lookup: musl has no NSS; lookups stay as they are");
    0
}
