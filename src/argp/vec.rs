//! A growable array on musl's `malloc` (the shim has no `alloc` crate), for
//! the parser's and the help formatter's tables.

use core::ptr::null_mut;

/// A `Vec` of plain-old-data values; a failed allocation aborts, as glibc's
/// argp asserts on its own allocations.
pub struct CVec<T: Copy> {
    ptr: *mut T,
    len: usize,
    cap: usize,
}

impl<T: Copy> CVec<T> {
    pub const fn new() -> Self {
        Self { ptr: null_mut(), len: 0, cap: 0 }
    }

    /// An empty array with room for `cap` values: pushing up to that many
    /// never moves it, so pointers into it handed to C stay valid.
    pub fn with_capacity(cap: usize) -> Self {
        let mut v = Self::new();
        v.reserve(cap);
        v
    }

    fn reserve(&mut self, want: usize) {
        if want <= self.cap {
            return;
        }
        let cap = want.max(self.cap * 2).max(4);
        let bytes = cap.checked_mul(core::mem::size_of::<T>()).expect("argp: table too large");
        // SAFETY: `ptr` is null or from an earlier malloc/realloc of this array.
        let p = unsafe { libc::realloc(self.ptr.cast(), bytes.max(1)) }.cast::<T>();
        if p.is_null() {
            crate::abi::fatal::libc_fatal("libgcompat: argp: out of memory\n");
        }
        self.ptr = p;
        self.cap = cap;
    }

    pub fn push(&mut self, value: T) {
        self.reserve(self.len + 1);
        // SAFETY: `len < cap` after reserve; the slot is within the allocation.
        unsafe { self.ptr.add(self.len).write(value) };
        self.len += 1;
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The first element's address (stable while the capacity suffices).
    pub fn as_mut_ptr(&mut self) -> *mut T {
        self.ptr
    }

    pub fn as_slice(&self) -> &[T] {
        if self.ptr.is_null() {
            return &[];
        }
        // SAFETY: `len` initialised values start at `ptr`.
        unsafe { core::slice::from_raw_parts(self.ptr, self.len) }
    }

    pub fn as_mut_slice(&mut self) -> &mut [T] {
        if self.ptr.is_null() {
            return &mut [];
        }
        // SAFETY: `len` initialised values start at `ptr`, borrowed uniquely.
        unsafe { core::slice::from_raw_parts_mut(self.ptr, self.len) }
    }
}

impl<T: Copy> Default for CVec<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Copy> Drop for CVec<T> {
    fn drop(&mut self) {
        // SAFETY: null or this array's own allocation.
        unsafe { libc::free(self.ptr.cast()) };
    }
}

impl<T: Copy> core::ops::Deref for CVec<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        self.as_slice()
    }
}

impl<T: Copy> core::ops::DerefMut for CVec<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        self.as_mut_slice()
    }
}
