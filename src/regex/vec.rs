//! A growable array of `Copy` values over musl's `malloc`: the engine's only
//! container (the shim has no `alloc` crate). Allocation failure is an
//! error the caller turns into `REG_ESPACE`, as glibc does.

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
    pub const fn new() -> Self {
        Self { ptr: NonNull::dangling(), len: 0, cap: 0, _owns: PhantomData }
    }

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
