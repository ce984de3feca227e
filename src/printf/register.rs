//! glibc's printf customisation (`register_printf_specifier`,
//! `register_printf_function`, `register_printf_modifier`,
//! `register_printf_type`). These change what glibc's own printf does with
//! a conversion; the shim hands printf to musl, whose printf cannot be
//! extended, so a registration cannot take effect. Each refuses it with
//! glibc's failure return (-1) and `ENOSYS`, rather than accept a
//! conversion that would then print wrongly (`symbols/unimplemented.txt`).

use core::ffi::{c_int, c_void};

fn refuse(what: &str) -> c_int {
    log::warn!("{what}: musl's printf cannot be extended; refused");
    crate::abi::errno::set(libc::ENOSYS);
    -1
}

/// `register_printf_specifier`: refused, -1 with `ENOSYS` (glibc manual,
/// "Registering New Conversions").
///
/// # Safety
/// None: nothing is called or kept.
#[export]
pub unsafe extern "C" fn register_printf_specifier(_spec: c_int, _render: *mut c_void, _arginfo: *mut c_void) -> c_int {
    refuse("register_printf_specifier")
}

/// `register_printf_function`: the old form of
/// `register_printf_specifier`; refused, -1 with `ENOSYS`.
///
/// # Safety
/// None: nothing is called or kept.
#[export]
pub unsafe extern "C" fn register_printf_function(_spec: c_int, _render: *mut c_void, _arginfo: *mut c_void) -> c_int {
    refuse("register_printf_function")
}

/// `register_printf_modifier`: refused, -1 with `ENOSYS`.
///
/// # Safety
/// None: nothing is read or kept.
#[export]
pub unsafe extern "C" fn register_printf_modifier(_modifier: *const c_int) -> c_int {
    refuse("register_printf_modifier")
}

/// `register_printf_type`: refused, -1 with `ENOSYS`.
///
/// # Safety
/// None: nothing is called or kept.
#[export]
pub unsafe extern "C" fn register_printf_type(_va_arg: *mut c_void) -> c_int {
    refuse("register_printf_type")
}
