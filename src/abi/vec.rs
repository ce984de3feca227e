//! The shim's one growable array: `Copy` values in a block from musl's
//! `malloc`/`realloc`/`free` (the shim has no `alloc` crate). Allocation
//! failure is an `Err(NoMem)`, never a panic: the caller turns it into its
//! C error (`REG_ESPACE` for regex, `ENOMEM` for `argp_parse`), as glibc
//! does.
//!
//! Used by the regex engine's hot loops: `push` is a compare and a store
//! until the block is full, and the block doubles when it is.

use core::marker::PhantomData;
use core::ptr::NonNull;

pub struct Vec<T: Copy> {
    ptr: NonNull<T>,
    len: usize,
    cap: usize,
    _owns: PhantomData<T>,
}

/// Out of memory.
#[derive(Debug)]
pub struct NoMem;

impl<T: Copy> Default for Vec<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Copy> Vec<T> {
    /// An empty array; allocates nothing.
    pub const fn new() -> Self {
        Self { ptr: NonNull::dangling(), len: 0, cap: 0, _owns: PhantomData }
    }

    /// An empty array with room for `cap` values: pushing up to that many
    /// never moves it, so pointers into it (handed to C) stay valid.
    pub fn with_capacity(cap: usize) -> Result<Self, NoMem> {
        let mut v = Self::new();
        v.reserve(cap)?;
        Ok(v)
    }

    /// `len` copies of `value`.
    pub fn with_len(len: usize, value: T) -> Result<Self, NoMem> {
        let mut v = Self::new();
        v.reserve(len)?;
        for _ in 0..len {
            v.push(value)?;
        }
        Ok(v)
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Room for `extra` more values without moving.
    pub fn reserve(&mut self, extra: usize) -> Result<(), NoMem> {
        let need = self.len.checked_add(extra).ok_or(NoMem)?;
        if need <= self.cap {
            return Ok(());
        }
        let cap = need.max(self.cap * 2).max(8);
        let bytes = cap.checked_mul(core::mem::size_of::<T>()).ok_or(NoMem)?;
        let old = if self.cap == 0 { core::ptr::null_mut() } else { self.ptr.as_ptr().cast() };
        // SAFETY: `old` is null or our own malloc'd block.
        let new = unsafe { libc::realloc(old, bytes.max(1)) };
        self.ptr = NonNull::new(new.cast()).ok_or(NoMem)?;
        self.cap = cap;
        Ok(())
    }

    pub fn push(&mut self, value: T) -> Result<(), NoMem> {
        if self.len == self.cap {
            self.reserve(1)?;
        }
        // SAFETY: len < cap after reserve.
        unsafe { self.ptr.as_ptr().add(self.len).write(value) };
        self.len += 1;
        Ok(())
    }

    pub fn pop(&mut self) -> Option<T> {
        if self.len == 0 {
            return None;
        }
        self.len -= 1;
        // SAFETY: the element at the old last index is initialized.
        Some(unsafe { self.ptr.as_ptr().add(self.len).read() })
    }

    pub fn clear(&mut self) {
        self.len = 0;
    }

    pub fn truncate(&mut self, len: usize) {
        self.len = self.len.min(len);
    }

    /// Makes the length `len`: cut, or grown with copies of `value`.
    pub fn resize(&mut self, len: usize, value: T) -> Result<(), NoMem> {
        if len > self.len {
            self.reserve(len - self.len)?;
            for _ in self.len..len {
                self.push(value)?;
            }
        }
        self.truncate(len);
        Ok(())
    }

    /// The first element's address: stable while the capacity suffices
    /// (see [`with_capacity`](Self::with_capacity)).
    pub fn as_mut_ptr(&mut self) -> *mut T {
        self.ptr.as_ptr()
    }
}

impl<T: Copy> Drop for Vec<T> {
    fn drop(&mut self) {
        if self.cap != 0 {
            // SAFETY: our own malloc'd block.
            unsafe { libc::free(self.ptr.as_ptr().cast()) };
        }
    }
}

impl<T: Copy> core::ops::Deref for Vec<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        // SAFETY: `len` initialized elements (or a dangling pointer for 0).
        unsafe { core::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }
}

impl<T: Copy> core::ops::DerefMut for Vec<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        // SAFETY: as for Deref, uniquely borrowed.
        unsafe { core::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.len) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_keeps_values_and_reports_overflow() {
        let mut v: Vec<u32> = Vec::new();
        assert!(v.is_empty());
        for i in 0..1000 {
            v.push(i).unwrap();
        }
        assert_eq!(v.len(), 1000);
        assert!(v.iter().copied().eq(0..1000));
        assert_eq!(v.pop(), Some(999));
        v.truncate(10);
        assert_eq!(&v[..], &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        v.clear();
        assert_eq!(v.pop(), None);
        // A size no allocator can give is an error, not a panic.
        assert!(Vec::<u64>::with_capacity(usize::MAX / 4).is_err());
        assert!(v.reserve(usize::MAX).is_err());
    }

    #[test]
    fn capacity_keeps_the_block_in_place() {
        let mut v: Vec<usize> = Vec::with_capacity(100).unwrap();
        let at = v.as_mut_ptr();
        for i in 0..100 {
            v.push(i).unwrap();
        }
        assert_eq!(v.as_mut_ptr(), at);
        let mut w = Vec::with_len(5, 7u8).unwrap();
        assert_eq!(&w[..], &[7; 5]);
        w.resize(7, 1).unwrap();
        assert_eq!(&w[..], &[7, 7, 7, 7, 7, 1, 1]);
        w.resize(2, 0).unwrap();
        assert_eq!(&w[..], &[7, 7]);
    }
}
