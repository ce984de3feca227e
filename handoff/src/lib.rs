//! The loader stub's hand-off to the shim, defined once for both sides.
//!
//! Outside secure mode the stub (`stub/src/interp.rs`) starts musl's loader
//! as the program's interpreter, which needs two temporary changes to the
//! process; the shim's constructor (`src/rtld/handoff.rs`), the first code
//! to run after musl's loader, undoes them. The stub says what to undo with
//! one auxiliary vector entry of type [`AT_GCOMPAT`] whose value points at a
//! [`Handoff`] in the stub's memory, which stays mapped for the life of the
//! process.
//!
//! The two sides are separate binaries (a static-pie and a shared object)
//! built from the same tree, so the layout is checked at compile time here
//! rather than negotiated at run time; [`MAGIC`] names this layout, and
//! changes when it does.

#![no_std]

use core::mem::{offset_of, size_of};

/// The auxiliary vector type of the hand-off: a value neither glibc nor
/// musl uses (ASCII "gcld"). The shim turns the entry into `AT_IGNORE`
/// once it has read it.
pub const AT_GCOMPAT: usize = 0x6763_6c64;

/// [`Handoff::magic`] for this layout.
pub const MAGIC: u64 = u64::from_le_bytes(*b"gcompat1");

/// What the shim's constructor undoes. All words, `#[repr(C)]`.
#[repr(C)]
pub struct Handoff {
    /// [`MAGIC`]: this layout.
    pub magic: u64,
    /// The `LD_PRELOAD=` entry the stub put first in the environment array;
    /// the shim takes it out of `environ` again.
    pub env_entry: *const u8,
    /// `PT_INTERP`'s `p_vaddr` in the program's headers, which the stub
    /// pointed at the name's last component, and its original value.
    pub field: *mut usize,
    pub value: usize,
    /// The page holding `field`, and that page's protection before the stub
    /// made it writable.
    pub page: usize,
    pub prot: usize,
}

impl Handoff {
    /// A record no one has filled (its magic is not [`MAGIC`]).
    pub const EMPTY: Handoff =
        Handoff { magic: 0, env_entry: core::ptr::null(), field: core::ptr::null_mut(), value: 0, page: 0, prot: 0 };

    /// Whether the stub filled this record with this layout.
    pub fn is_filled(&self) -> bool {
        self.magic == MAGIC
    }
}

// The layout both binaries rely on: six 8-byte words in this order.
const _: () = {
    assert!(size_of::<usize>() == 8);
    assert!(size_of::<Handoff>() == 48);
    assert!(offset_of!(Handoff, magic) == 0);
    assert!(offset_of!(Handoff, env_entry) == 8);
    assert!(offset_of!(Handoff, field) == 16);
    assert!(offset_of!(Handoff, value) == 24);
    assert!(offset_of!(Handoff, page) == 32);
    assert!(offset_of!(Handoff, prot) == 40);
};
