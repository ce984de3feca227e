//! `<mcheck.h>`: `mtrace` and `muntrace`. Since glibc 2.34 the malloc
//! tracer lives in `libc_malloc_debug.so`; libc.so's default-versioned
//! `mtrace`/`muntrace` do nothing (each is a bare `ret`), so a program that
//! does not preload that library gets no trace, `MALLOC_TRACE` or not
//! (glibc 2.34 NEWS). These are that behaviour.

/// `mtrace`: libc.so's, which does nothing (mtrace(3), glibc 2.34 NEWS).
///
/// # Safety
/// None.
#[export]
pub unsafe extern "C" fn mtrace() {}

/// `muntrace`: libc.so's, which does nothing.
///
/// # Safety
/// None.
#[export]
pub unsafe extern "C" fn muntrace() {}
