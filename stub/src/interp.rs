//! The fast start, outside secure mode: musl's loader entered as the
//! program's *interpreter*, on the kernel's own mapping of the program.
//!
//! Started as a command (main.rs), musl maps the program a second time: the
//! stub must read `/proc/self/exe`, unmap the kernel's mapping, predict where
//! musl will map the program (a probe mapping) and musl must open, read and
//! map the file again: a dozen system calls, a tenth of the start-up. As the
//! interpreter musl takes the program where the kernel put it, and the stub
//! only maps musl and rewrites the initial frame. Three things differ from
//! a command start, and the stub and the shim (src/rtld/handoff.rs) deal with
//! them:
//!
//! - musl takes its preloads from `LD_PRELOAD` only. The stub puts
//!   `LD_PRELOAD=SHIM[:user's LD_PRELOAD]` first in the environment array
//!   musl gets (the kernel's strings stay as they are, so
//!   `/proc/self/environ` does not change), and the shim's constructor, the
//!   first code to run after musl's loader, takes that entry out of
//!   `environ` again: the program and its children see the environment they
//!   were given. musl ignores `LD_PRELOAD` in secure mode, which is why
//!   secure mode keeps the command start.
//! - musl names itself by the program's `PT_INTERP` string
//!   (`/lib64/ld-linux-x86-64.so.2`), and a `DT_NEEDED` of
//!   `ld-linux-x86-64.so.2` binds to musl only if it equals that name. The
//!   stub points `PT_INTERP` at the string's last component for the time
//!   musl reads it (one header field, in a page made writable), and the
//!   shim's constructor puts the field and the page's protection back.
//! - The stub tells the shim what to undo with one auxiliary vector entry
//!   (`AT_GCOMPAT`, a type neither glibc nor musl uses; the shim turns it
//!   into `AT_IGNORE`), pointing at a [`Handoff`] in the stub's memory, which
//!   stays mapped for the life of the process. Both are defined once, for
//!   the stub and the shim, in the `gcompat-handoff` crate (`handoff/`).
//!
//! Anything unusual (no `PT_PHDR`, no `PT_INTERP` ending in glibc's loader
//! name, a long `LD_PRELOAD`) takes the command start instead.

use crate::elf::{self, PHDR_SIZE, PT_INTERP, PT_LOAD, PT_PHDR, Phdr};
use crate::{AT_BASE, AT_NULL, AT_PHDR, AT_PHNUM, Plan, Words, start, sys};
use gcompat_handoff::{AT_GCOMPAT, Handoff, MAGIC};

/// Filled once, just before musl starts; the shim reads it later.
static mut HANDOFF: Handoff = Handoff::EMPTY;

/// `LD_PRELOAD=SHIM[:USER]`: musl splits it in place, so it is writable.
static mut PRELOAD: [u8; 512] = [0; 512];

const LD_PRELOAD: &[u8] = b"LD_PRELOAD=";

/// Starts musl as the program's interpreter, or returns when this program
/// needs the command start.
pub fn start(plan: &Plan) {
    let s = &plan.start;
    let phnum = s.aux(AT_PHNUM).unwrap_or(0);
    if plan.secure || phnum == 0 || phnum > 64 || s.aux(AT_BASE).is_none() {
        return;
    }
    if !plan.kernel_phdr.is_multiple_of(align_of::<Phdr>()) {
        return;
    }
    // SAFETY: the kernel mapped AT_PHNUM program headers at AT_PHDR, aligned
    // as checked. They are read through this slice only until the write to
    // `field` below.
    let phdrs = unsafe { core::slice::from_raw_parts(plan.kernel_phdr as *const Phdr, phnum) };
    let Some(pt_phdr) = phdrs.iter().find(|p| p.p_type == PT_PHDR) else {
        return;
    };
    let base = plan.kernel_phdr.wrapping_sub(pt_phdr.p_vaddr as usize);
    let Some(interp) = phdrs.iter().position(|p| p.p_type == PT_INTERP) else {
        return;
    };
    let (vaddr, len) = (phdrs[interp].p_vaddr as usize, phdrs[interp].p_filesz as usize);
    // SAFETY: PT_INTERP lies in the program's first PT_LOAD, mapped.
    let path = unsafe { core::slice::from_raw_parts(base.wrapping_add(vaddr) as *const u8, len) };
    let name = crate::NAME; // with its NUL
    if len <= name.len() || !path.ends_with(name) || path[len - name.len() - 1] != b'/' {
        return;
    }
    // The page holding the field, and its segment's protection.
    let field = plan.kernel_phdr + interp * PHDR_SIZE + core::mem::offset_of!(Phdr, p_vaddr);
    let page = field & !(elf::PAGE - 1);
    let Some(prot) =
        phdrs.iter().find_map(|p| (p.p_type == PT_LOAD && p.contains(base, field)).then(|| elf::prot(p.p_flags)))
    else {
        return;
    };

    // The preload entry, in the stub's bss.
    // SAFETY: the only reference to PRELOAD, made once.
    let buf = unsafe { core::slice::from_raw_parts_mut((&raw mut PRELOAD).cast::<u8>(), 512) };
    let Some(list) = buf.get_mut(LD_PRELOAD.len()..).filter(|rest| rest.len() >= crate::preload_len(plan)) else {
        return;
    };
    crate::write_preload(plan, list);
    buf[..LD_PRELOAD.len()].copy_from_slice(LD_PRELOAD);

    // PT_INTERP's last component, for as long as musl reads it. A system
    // that refuses a writable header page (a W^X policy on an executable
    // one) gets the command start.
    // SAFETY: the program's own header page; the shim restores both.
    unsafe {
        if sys::mprotect(page, elf::PAGE, prot | sys::PROT_WRITE).is_err() {
            return;
        }
        (field as *mut usize).write(vaddr + (len - name.len()));
    }

    let (musl_base, _, musl_entry) = crate::map_musl(plan.program_name);

    let handoff = &raw mut HANDOFF;
    // SAFETY: the only use of HANDOFF, once; the shim reads it later.
    unsafe {
        handoff.write(Handoff {
            magic: MAGIC,
            env_entry: buf.as_ptr(),
            field: field as *mut usize,
            value: vaddr,
            page,
            prot,
        })
    };

    // musl's frame: the kernel's, one environment entry and one auxv pair
    // longer, rewritten in place from the lowest address up, `delta` bytes
    // lower (every word is read before it is written over: the shift never
    // drops below zero).
    let delta = (3 * 8 + 15) & !15;
    const _: () = assert!(32 <= start::HEADROOM);
    let new_sp = (s.sp as usize - delta) as *mut usize;
    let mut out = Words { base: new_sp, len: 0 };
    out.push(s.argc);
    for i in 0..s.argc {
        out.push(s.arg(i) as usize);
    }
    out.push(0);
    out.push(buf.as_ptr() as usize);
    for i in 0..s.envc {
        out.push(s.env(i) as usize);
    }
    out.push(0);
    for i in 0..s.auxc {
        // SAFETY: i < auxc.
        let [k, v] = unsafe { *s.auxv.add(i) };
        out.push(k);
        // The interpreter is musl now; AT_PHDR and AT_ENTRY stay the
        // kernel's, where the program is.
        out.push(if k == AT_BASE { musl_base } else { v });
    }
    debug_assert!(s.aux(AT_PHDR).is_some());
    out.push(AT_GCOMPAT);
    out.push(handoff as usize);
    out.push(AT_NULL);
    out.push(0);
    // SAFETY: `new_sp` holds a complete initial frame; musl is mapped.
    unsafe { start::jump(new_sp as usize, musl_entry) }
}
