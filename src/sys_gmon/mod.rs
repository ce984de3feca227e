//! `<sys/gmon.h>`: `__profile_frequency`, the rate of the profiling clock
//! that gprof's histogram is counted in. glibc on Linux returns the kernel's
//! clock tick rate (`AT_CLKTCK`, 100 on x86_64; glibc
//! `sysdeps/unix/sysv/linux/prof-freq.c`).
//!
//! The rest of gprof's runtime (`monstartup`, `_mcleanup`, `mcount`) is not
//! here: a `-pg` program's every function calls `mcount`, and `_mcleanup`
//! writes `gmon.out` from the call graph it gathered, so a half-done copy
//! would write a wrong profile rather than none.

use core::ffi::c_int;

/// `__profile_frequency`: the profiling clock's ticks per second.
///
/// # Safety
/// None.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __profile_frequency() -> c_int {
    // SAFETY: getauxval has no preconditions.
    let hz = unsafe { libc::getauxval(libc::AT_CLKTCK) };
    if hz == 0 { 100 } else { hz as c_int }
}
