//! musl's own definition of a name the shim overrides: what a musl-built
//! caller gets. The shim's own name binds to the shim (it is preloaded), so
//! musl's is looked up after it with `dlsym(RTLD_NEXT, ...)`, once.

use core::ffi::{CStr, c_void};
use core::sync::atomic::{AtomicPtr, Ordering::Relaxed};

/// A lazily resolved `RTLD_NEXT` symbol.
pub struct Next {
    name: &'static CStr,
    addr: AtomicPtr<c_void>,
}

impl Next {
    pub const fn new(name: &'static CStr) -> Self {
        Self { name, addr: AtomicPtr::new(core::ptr::null_mut()) }
    }

    /// The address of musl's definition; aborts if musl has none, which
    /// would mean the shim was built for a different libc.
    pub fn get(&self) -> *mut c_void {
        match self.find() {
            Some(found) => found,
            None => crate::abi::fatal::libc_fatal("libgcompat: musl lacks a function the shim overrides\n"),
        }
    }

    /// The address of the next definition, if any object after the shim
    /// has one: for names musl itself may lack (fts, which Debian's musl
    /// carries and Alpine's leaves to libfts.so).
    pub fn find(&self) -> Option<*mut c_void> {
        let cached = self.addr.load(Relaxed);
        if !cached.is_null() {
            return Some(cached);
        }
        // SAFETY: a NUL-terminated name; RTLD_NEXT searches after the shim.
        let found = unsafe { libc::dlsym(libc::RTLD_NEXT, self.name.as_ptr()) };
        if found.is_null() {
            return None;
        }
        self.addr.store(found, Relaxed);
        Some(found)
    }
}

/// Declares a `static` [`Next`] for a musl function and a typed accessor:
/// `musl_next!(fn musl_strerror = "strerror": unsafe extern "C" fn(c_int) -> *mut c_char);`
#[macro_export]
macro_rules! musl_next {
    ($vis:vis fn $accessor:ident = $name:literal : $ty:ty) => {
        $vis fn $accessor() -> $ty {
            static NEXT: $crate::abi::next::Next = $crate::abi::next::Next::new(
                match core::ffi::CStr::from_bytes_with_nul(concat!($name, "\0").as_bytes()) {
                    Ok(name) => name,
                    Err(_) => panic!("bad name"),
                },
            );
            // SAFETY: the symbol is musl's definition of this very function,
            // whose C type is `$ty`.
            unsafe { core::mem::transmute::<*mut core::ffi::c_void, $ty>(NEXT.get()) }
        }
    };
}
