//! The ELF64 format (the System V gABI and the GNU extensions the loaders
//! use): record layouts as `#[repr(C)]` structs with compile-time size
//! checks, and the constants that go with them. Defined once for the loader
//! stub and the shim; each has its own reader over it, for what it reads:
//!
//! - the stub (`stub/src/elf.rs`) an executable's file and program headers,
//!   from its file or the kernel's mapping, to map musl's loader;
//! - the shim (`src/abi/elf.rs`) loaded objects' dynamic sections, symbol
//!   tables, hash tables and version tables.
//!
//! Both targets (x86_64, aarch64) are 64-bit little-endian, so the records
//! are read in native byte order.

#![no_std]

use core::mem::size_of;

// `e_ident`.
pub const ELFMAG: [u8; 4] = *b"\x7fELF";
pub const ELFCLASS64: u8 = 2;
pub const ELFDATA2LSB: u8 = 1;

// `e_type`.
pub const ET_EXEC: u16 = 2;
pub const ET_DYN: u16 = 3;

// `e_machine`.
pub const EM_X86_64: u16 = 62;
pub const EM_AARCH64: u16 = 183;

/// The machine this crate is built for: objects for another are refused.
pub const EM_HOST: u16 = if cfg!(target_arch = "aarch64") { EM_AARCH64 } else { EM_X86_64 };

// `p_type`.
pub const PT_LOAD: u32 = 1;
pub const PT_DYNAMIC: u32 = 2;
pub const PT_INTERP: u32 = 3;
pub const PT_PHDR: u32 = 6;
pub const PT_GNU_EH_FRAME: u32 = 0x6474_e550;
pub const PT_GNU_RELRO: u32 = 0x6474_e552;

// `p_flags`.
pub const PF_X: u32 = 1;
pub const PF_W: u32 = 2;
pub const PF_R: u32 = 4;

// `d_tag`.
pub const DT_NULL: i64 = 0;
pub const DT_HASH: i64 = 4;
pub const DT_STRTAB: i64 = 5;
pub const DT_SYMTAB: i64 = 6;
pub const DT_GNU_HASH: i64 = 0x6fff_fef5;
pub const DT_VERSYM: i64 = 0x6fff_fff0;
pub const DT_VERDEF: i64 = 0x6fff_fffc;
pub const DT_VERDEFNUM: i64 = 0x6fff_fffd;
pub const DT_VERNEED: i64 = 0x6fff_fffe;
pub const DT_VERNEEDNUM: i64 = 0x6fff_ffff;

// `st_shndx`, and the binding in `st_info`'s high nibble.
pub const SHN_UNDEF: u16 = 0;
pub const STB_GLOBAL: u8 = 1;
pub const STB_WEAK: u8 = 2;
pub const STB_GNU_UNIQUE: u8 = 10;

/// The bit of a `DT_VERSYM` entry that marks a hidden (`name@VER`, not
/// `name@@VER`) definition; the rest is the version index.
pub const VERSYM_HIDDEN: u16 = 0x8000;

/// `Elf64_Ehdr`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Ehdr {
    pub e_ident: [u8; 16],
    pub e_type: u16,
    pub e_machine: u16,
    pub e_version: u32,
    pub e_entry: u64,
    pub e_phoff: u64,
    pub e_shoff: u64,
    pub e_flags: u32,
    pub e_ehsize: u16,
    pub e_phentsize: u16,
    pub e_phnum: u16,
    pub e_shentsize: u16,
    pub e_shnum: u16,
    pub e_shstrndx: u16,
}

/// `Elf64_Phdr`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Phdr {
    pub p_type: u32,
    pub p_flags: u32,
    pub p_offset: u64,
    pub p_vaddr: u64,
    pub p_paddr: u64,
    pub p_filesz: u64,
    pub p_memsz: u64,
    pub p_align: u64,
}

/// `Elf64_Dyn` (`d_un` is `d_val` or `d_ptr`, both 64-bit words).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Dyn {
    pub d_tag: i64,
    pub d_val: u64,
}

/// `Elf64_Sym`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Sym {
    pub st_name: u32,
    pub st_info: u8,
    pub st_other: u8,
    pub st_shndx: u16,
    pub st_value: u64,
    pub st_size: u64,
}

/// `Elf64_Verneed`: one needed object's version requirements.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Verneed {
    pub vn_version: u16,
    pub vn_cnt: u16,
    pub vn_file: u32,
    pub vn_aux: u32,
    pub vn_next: u32,
}

/// `Elf64_Vernaux`: one needed version.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Vernaux {
    pub vna_hash: u32,
    pub vna_flags: u16,
    pub vna_other: u16,
    pub vna_name: u32,
    pub vna_next: u32,
}

/// `Elf64_Verdef`: one version the object defines.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Verdef {
    pub vd_version: u16,
    pub vd_flags: u16,
    pub vd_ndx: u16,
    pub vd_cnt: u16,
    pub vd_hash: u32,
    pub vd_aux: u32,
    pub vd_next: u32,
}

/// `Elf64_Verdaux`: a defined version's name (the first) or a parent's.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Verdaux {
    pub vda_name: u32,
    pub vda_next: u32,
}

const _: () = {
    assert!(size_of::<Ehdr>() == 64);
    assert!(size_of::<Phdr>() == 56);
    assert!(size_of::<Dyn>() == 16);
    assert!(size_of::<Sym>() == 24);
    assert!(size_of::<Verneed>() == 16);
    assert!(size_of::<Vernaux>() == 16);
    assert!(size_of::<Verdef>() == 20);
    assert!(size_of::<Verdaux>() == 8);
};

/// Records whose every bit pattern is a value: plain integers and arrays of
/// them, so a copy of any bytes of the right length is one.
///
/// # Safety
/// Implementors are `#[repr(C)]` structs of integers with no padding.
pub unsafe trait Record: Copy {
    /// The record at the start of `bytes`, if they are long enough.
    fn read(bytes: &[u8]) -> Option<Self> {
        if bytes.len() < size_of::<Self>() {
            return None;
        }
        // SAFETY: `bytes` holds at least one record's worth; any bit
        // pattern is a value of `Self` (the trait's contract), and the read
        // does not assume alignment.
        Some(unsafe { bytes.as_ptr().cast::<Self>().read_unaligned() })
    }
}

// SAFETY: integers only, no padding (the size checks above).
unsafe impl Record for Ehdr {}
// SAFETY: as above.
unsafe impl Record for Phdr {}

impl Phdr {
    /// Whether the segment's memory image, loaded at `base`, holds `addr`.
    pub fn contains(&self, base: usize, addr: usize) -> bool {
        let lo = base.wrapping_add(self.p_vaddr as usize);
        (lo..lo.wrapping_add(self.p_memsz as usize)).contains(&addr)
    }
}

impl Sym {
    /// `ELF64_ST_BIND`.
    pub fn bind(&self) -> u8 {
        self.st_info >> 4
    }

    /// Whether this is a definition other objects bind to: defined here,
    /// with global, weak or GNU-unique binding (what musl's and glibc's
    /// loaders look up).
    pub fn is_export(&self) -> bool {
        self.st_shndx != SHN_UNDEF && matches!(self.bind(), STB_GLOBAL | STB_WEAK | STB_GNU_UNIQUE)
    }
}
