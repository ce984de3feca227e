//! Just enough ELF: read an object's headers from a file, and compute its
//! load span the way musl's `map_library` does, so the stub can map musl's
//! loader and tell where musl will map the program. The record layouts and
//! constants are the shim's too (the `gcompat-elf` crate).

use crate::sys::{self, Errno};
use gcompat_elf::{ELFCLASS64, ELFDATA2LSB, ELFMAG, EM_HOST, Ehdr, PF_R, PF_W, PF_X, Record};
pub use gcompat_elf::{ET_DYN, ET_EXEC, PT_INTERP, PT_LOAD, PT_PHDR, Phdr};

pub const PAGE: usize = 4096;
pub const PHDR_SIZE: usize = core::mem::size_of::<Phdr>();
const EHDR_SIZE: usize = core::mem::size_of::<Ehdr>();
const ENOEXEC: Errno = Errno(8);

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
    (if p_flags & PF_R != 0 { sys::PROT_READ } else { 0 })
        | (if p_flags & PF_W != 0 { sys::PROT_WRITE } else { 0 })
        | (if p_flags & PF_X != 0 { sys::PROT_EXEC } else { 0 })
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

impl Object {
    /// Reads and checks the headers of the ELF file open at `fd`: one read
    /// when they lie in the first KiB, as they do for every common linker.
    pub fn read(fd: usize) -> Result<Object, Errno> {
        let mut head = [0u8; 1024];
        let n = sys::pread(fd, &mut head, 0)?;
        let eh = Ehdr::read(&head[..n]).ok_or(ENOEXEC)?;
        let phoff = eh.e_phoff as usize;
        Object::parse(&eh, |i| {
            let at = phoff.checked_add(i * PHDR_SIZE).ok_or(ENOEXEC)?;
            if let Some(ph) = head[..n].get(at..).and_then(Phdr::read) {
                return Ok(ph);
            }
            let mut ph = [0u8; PHDR_SIZE];
            if sys::pread(fd, &mut ph, at)? != PHDR_SIZE {
                return Err(ENOEXEC);
            }
            Phdr::read(&ph).ok_or(ENOEXEC)
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
        if at_phnum == 0 || at_phnum > 0xffff || !at_phdr.is_multiple_of(align_of::<Phdr>()) {
            return None;
        }
        // SAFETY: the kernel mapped AT_PHNUM program headers at AT_PHDR,
        // aligned as checked.
        let phdrs = unsafe { core::slice::from_raw_parts(at_phdr as *const Phdr, at_phnum) };
        let pt_phdr = phdrs.iter().find(|p| p.p_type == PT_PHDR)?;
        let base = at_phdr.wrapping_sub(pt_phdr.p_vaddr as usize);
        let first = phdrs.iter().find(|p| p.p_type == PT_LOAD && p.p_offset == 0)?;
        // SAFETY: the PT_LOAD at file offset 0 is mapped and begins with the
        // ELF header.
        let ehdr =
            unsafe { core::slice::from_raw_parts(base.wrapping_add(first.p_vaddr as usize) as *const u8, EHDR_SIZE) };
        let obj = Object::parse(&Ehdr::read(ehdr)?, |i| phdrs.get(i).copied().ok_or(ENOEXEC)).ok()?;
        (obj.e_phnum == at_phnum && obj.phdr_vaddr == pt_phdr.p_vaddr as usize).then_some(obj)
    }

    /// Checks an ELF header and its program headers (`phdr(i)`); computes the
    /// span as musl's `map_library` does.
    fn parse(eh: &Ehdr, mut phdr: impl FnMut(usize) -> Result<Phdr, Errno>) -> Result<Object, Errno> {
        let id = &eh.e_ident;
        if id[..4] != ELFMAG || id[4] != ELFCLASS64 || id[5] != ELFDATA2LSB {
            return Err(ENOEXEC);
        }
        let e_type = eh.e_type;
        if eh.e_machine != EM_HOST || (e_type != ET_EXEC && e_type != ET_DYN) {
            return Err(ENOEXEC);
        }
        let e_phoff = eh.e_phoff as usize;
        let e_phnum = usize::from(eh.e_phnum);
        if usize::from(eh.e_phentsize) != PHDR_SIZE || e_phnum == 0 {
            return Err(ENOEXEC);
        }
        let mut obj = Object {
            e_type,
            e_entry: eh.e_entry as usize,
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
            let ph = phdr(i)?;
            if ph.p_type != PT_LOAD {
                continue;
            }
            let seg = Seg {
                p_flags: ph.p_flags,
                p_offset: ph.p_offset as usize,
                p_vaddr: ph.p_vaddr as usize,
                p_filesz: ph.p_filesz as usize,
                p_memsz: ph.p_memsz as usize,
            };
            if obj.nloads < MAX_LOADS {
                obj.loads[obj.nloads] = seg;
            }
            obj.nloads += 1;
            if !phdr_found && e_phoff >= seg.p_offset && e_phoff + e_phnum * PHDR_SIZE <= seg.p_offset + seg.p_filesz {
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
            obj.load_hi = obj.load_hi.max((seg.p_vaddr + seg.p_memsz + PAGE - 1) & !(PAGE - 1));
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
        let map = unsafe { sys::mmap(self.addr_min, self.map_len, self.prot, sys::MAP_PRIVATE, fd, self.off_start)? };
        let base = map.wrapping_sub(self.addr_min);
        for ph in &self.loads[..self.nloads] {
            let this_min = ph.p_vaddr & !(PAGE - 1);
            let this_max = (ph.p_vaddr + ph.p_memsz + PAGE - 1) & !(PAGE - 1);
            // The first mapping already maps this segment as wanted when it
            // has the same protection and file-to-address displacement.
            let same = ph.prot() == self.prot
                && ph.p_offset.wrapping_sub(ph.p_vaddr) == self.off_start.wrapping_sub(self.addr_min);
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
