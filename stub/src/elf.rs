//! Just enough ELF: read an object's headers from a file, and compute its
//! load span the way musl's `map_library` does, so the stub can map musl's
//! loader and tell where musl will map the program.

use crate::sys::{self, Errno};

pub const PAGE: usize = 4096;
pub const ET_EXEC: u16 = 2;
pub const ET_DYN: u16 = 3;
pub const PT_LOAD: u32 = 1;
pub const PT_INTERP: u32 = 3;
pub const PT_PHDR: u32 = 6;
const ENOEXEC: Errno = Errno(8);
const PF_X: u32 = 1;
const PF_W: u32 = 2;
const PF_R: u32 = 4;
pub const PHDR_SIZE: usize = 56;

/// One PT_LOAD segment.
#[derive(Clone, Copy, Default)]
pub struct Seg {
    pub p_flags: u32,
    pub p_offset: usize,
    pub p_vaddr: usize,
    pub p_filesz: usize,
    pub p_memsz: usize,
}

impl Seg {
    fn prot(&self) -> usize {
        prot(self.p_flags)
    }
}

/// The `mmap`/`mprotect` protection of a segment's `p_flags`.
pub fn prot(p_flags: u32) -> usize {
    (if p_flags & PF_R != 0 {
        sys::PROT_READ
    } else {
        0
    }) | (if p_flags & PF_W != 0 {
        sys::PROT_WRITE
    } else {
        0
    }) | (if p_flags & PF_X != 0 {
        sys::PROT_EXEC
    } else {
        0
    })
}

/// The most PT_LOAD segments kept for mapping (musl's loader has four).
const MAX_LOADS: usize = 8;

/// An object's headers and load span, page-rounded as musl rounds them.
/// Small on purpose: every stack page the stub touches is a page fault at
/// every start.
pub struct Object {
    pub e_type: u16,
    pub e_entry: usize,
    pub e_phoff: usize,
    pub e_phnum: usize,
    loads: [Seg; MAX_LOADS],
    nloads: usize,
    /// The lowest PT_LOAD's page-aligned vaddr, file offset and protection:
    /// musl maps the whole span with these first.
    pub addr_min: usize,
    pub off_start: usize,
    pub prot: usize,
    /// `addr_max - addr_min + off_start`, musl's first mapping's length.
    pub map_len: usize,
    /// The page-rounded range the PT_LOAD segments cover.
    pub load_lo: usize,
    pub load_hi: usize,
    /// Where the program headers lie, as a vaddr (the PT_LOAD holding them).
    pub phdr_vaddr: usize,
}

fn u16_at(b: &[u8], o: usize) -> u16 {
    u16::from_le_bytes([b[o], b[o + 1]])
}
pub fn u32_at(b: &[u8], o: usize) -> u32 {
    u32::from_le_bytes([b[o], b[o + 1], b[o + 2], b[o + 3]])
}
pub fn u64_at(b: &[u8], o: usize) -> usize {
    let mut x = [0u8; 8];
    x.copy_from_slice(&b[o..o + 8]);
    u64::from_le_bytes(x) as usize
}

impl Object {
    /// Reads and checks the headers of the ELF file open at `fd`: one read
    /// when they lie in the first KiB, as they do for every common linker.
    pub fn read(fd: usize) -> Result<Object, Errno> {
        let mut head = [0u8; 1024];
        let n = sys::pread(fd, &mut head, 0)?;
        if n < 64 {
            return Err(ENOEXEC);
        }
        let phoff = u64_at(&head, 32);
        Object::parse(&head[..64], |i| {
            let at = phoff.checked_add(i * PHDR_SIZE).ok_or(ENOEXEC)?;
            let mut ph = [0u8; PHDR_SIZE];
            if at + PHDR_SIZE <= n {
                ph.copy_from_slice(&head[at..at + PHDR_SIZE]);
            } else if sys::pread(fd, &mut ph, at)? != PHDR_SIZE {
                return Err(ENOEXEC);
            }
            Ok(ph)
        })
    }

    /// The headers of the object the kernel mapped with its program headers
    /// at `at_phdr` (from the auxv), if it has a PT_PHDR and its first page
    /// holds the ELF header: no file read needed.
    ///
    /// # Safety
    /// `at_phdr` and `at_phnum` are the kernel's AT_PHDR and AT_PHNUM, and the
    /// mapping is still there.
    pub unsafe fn from_memory(at_phdr: usize, at_phnum: usize) -> Option<Object> {
        if at_phnum == 0 || at_phnum > 0xffff {
            return None;
        }
        // SAFETY: the kernel mapped AT_PHNUM program headers at AT_PHDR.
        let raw =
            unsafe { core::slice::from_raw_parts(at_phdr as *const u8, at_phnum * PHDR_SIZE) };
        let ph = |i: usize| &raw[i * PHDR_SIZE..(i + 1) * PHDR_SIZE];
        let pt_phdr = (0..at_phnum).map(ph).find(|p| u32_at(p, 0) == PT_PHDR)?;
        let base = at_phdr.wrapping_sub(u64_at(pt_phdr, 16));
        let first = (0..at_phnum)
            .map(ph)
            .find(|p| u32_at(p, 0) == PT_LOAD && u64_at(p, 8) == 0)?;
        // SAFETY: the PT_LOAD at file offset 0 is mapped and begins with the
        // ELF header.
        let ehdr = unsafe {
            core::slice::from_raw_parts(base.wrapping_add(u64_at(first, 16)) as *const u8, 64)
        };
        let obj = Object::parse(ehdr, |i| {
            let mut b = [0u8; PHDR_SIZE];
            b.copy_from_slice(raw.get(i * PHDR_SIZE..(i + 1) * PHDR_SIZE).ok_or(ENOEXEC)?);
            Ok(b)
        })
        .ok()?;
        (obj.e_phnum == at_phnum && obj.phdr_vaddr == u64_at(pt_phdr, 16)).then_some(obj)
    }

    /// Checks an ELF header and its program headers (`phdr(i)`); computes the
    /// span as musl's `map_library` does.
    fn parse(
        eh: &[u8],
        mut phdr: impl FnMut(usize) -> Result<[u8; PHDR_SIZE], Errno>,
    ) -> Result<Object, Errno> {
        if eh[..4] != *b"\x7fELF" || eh[4] != 2 || eh[5] != 1 {
            return Err(ENOEXEC);
        }
        // e_machine: EM_X86_64 (62) or EM_AARCH64 (183), as built.
        let machine = if cfg!(target_arch = "x86_64") {
            62
        } else {
            183
        };
        let e_type = u16_at(eh, 16);
        if u16_at(eh, 18) != machine || (e_type != ET_EXEC && e_type != ET_DYN) {
            return Err(ENOEXEC);
        }
        let e_phoff = u64_at(eh, 32);
        let e_phnum = u16_at(eh, 56) as usize;
        if u16_at(eh, 54) as usize != PHDR_SIZE || e_phnum == 0 {
            return Err(ENOEXEC);
        }
        let mut obj = Object {
            e_type,
            e_entry: u64_at(eh, 24),
            e_phoff,
            e_phnum,
            loads: [Seg::default(); MAX_LOADS],
            nloads: 0,
            addr_min: usize::MAX,
            off_start: 0,
            prot: 0,
            map_len: 0,
            load_lo: usize::MAX,
            load_hi: 0,
            phdr_vaddr: 0,
        };
        let mut addr_max = 0;
        let mut phdr_found = false;
        for i in 0..e_phnum {
            let b = phdr(i)?;
            if u32_at(&b, 0) != PT_LOAD {
                continue;
            }
            let seg = Seg {
                p_flags: u32_at(&b, 4),
                p_offset: u64_at(&b, 8),
                p_vaddr: u64_at(&b, 16),
                p_filesz: u64_at(&b, 32),
                p_memsz: u64_at(&b, 40),
            };
            if obj.nloads < MAX_LOADS {
                obj.loads[obj.nloads] = seg;
            }
            obj.nloads += 1;
            if !phdr_found
                && e_phoff >= seg.p_offset
                && e_phoff + e_phnum * PHDR_SIZE <= seg.p_offset + seg.p_filesz
            {
                obj.phdr_vaddr = seg.p_vaddr + (e_phoff - seg.p_offset);
                phdr_found = true;
            }
            if seg.p_vaddr < obj.addr_min {
                obj.addr_min = seg.p_vaddr;
                obj.off_start = seg.p_offset;
                obj.prot = seg.prot();
            }
            addr_max = addr_max.max(seg.p_vaddr + seg.p_memsz);
            obj.load_lo = obj.load_lo.min(seg.p_vaddr & !(PAGE - 1));
            obj.load_hi = obj
                .load_hi
                .max((seg.p_vaddr + seg.p_memsz + PAGE - 1) & !(PAGE - 1));
        }
        if obj.nloads == 0 || !phdr_found {
            return Err(ENOEXEC);
        }
        let addr_max = (addr_max + PAGE - 1) & !(PAGE - 1);
        obj.addr_min &= !(PAGE - 1);
        obj.off_start &= !(PAGE - 1);
        obj.map_len = addr_max - obj.addr_min + obj.off_start;
        Ok(obj)
    }

    /// Maps the object's PT_LOAD segments from `fd` anywhere, zero-filling
    /// bss, and returns its base (load bias).
    pub fn map(&self, fd: usize) -> Result<usize, Errno> {
        if self.nloads > MAX_LOADS {
            return Err(ENOEXEC);
        }
        // SAFETY: a fresh mapping at an address the kernel chooses.
        let map = unsafe {
            sys::mmap(
                self.addr_min,
                self.map_len,
                self.prot,
                sys::MAP_PRIVATE,
                fd,
                self.off_start,
            )?
        };
        let base = map.wrapping_sub(self.addr_min);
        for ph in &self.loads[..self.nloads] {
            let this_min = ph.p_vaddr & !(PAGE - 1);
            let this_max = (ph.p_vaddr + ph.p_memsz + PAGE - 1) & !(PAGE - 1);
            // The first mapping already maps this segment as wanted when it
            // has the same protection and file-to-address displacement.
            let same = ph.prot() == self.prot
                && ph.p_offset.wrapping_sub(ph.p_vaddr)
                    == self.off_start.wrapping_sub(self.addr_min);
            if this_min != self.addr_min && !same {
                // SAFETY: inside the span reserved by the mapping above.
                unsafe {
                    sys::mmap(
                        base + this_min,
                        this_max - this_min,
                        ph.prot(),
                        sys::MAP_PRIVATE | sys::MAP_FIXED,
                        fd,
                        ph.p_offset & !(PAGE - 1),
                    )?;
                }
            }
            if ph.p_memsz > ph.p_filesz && ph.p_flags & PF_W != 0 {
                let brk = base + ph.p_vaddr + ph.p_filesz;
                let pgbrk = (brk + PAGE - 1) & !(PAGE - 1);
                // SAFETY: the tail of the segment's last file page, mapped
                // writable just above; bss starts zeroed.
                unsafe { core::ptr::write_bytes(brk as *mut u8, 0, pgbrk - brk) };
                if pgbrk < base + this_max {
                    // SAFETY: inside the reserved span.
                    unsafe {
                        sys::mmap(
                            pgbrk,
                            base + this_max - pgbrk,
                            ph.prot(),
                            sys::MAP_PRIVATE | sys::MAP_FIXED | sys::MAP_ANONYMOUS,
                            usize::MAX,
                            0,
                        )?;
                    }
                }
            }
        }
        Ok(base)
    }
}
