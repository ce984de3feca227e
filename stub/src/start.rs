//! The entry point, self-relocation, and the stack switch into musl.

use core::arch::{asm, global_asm};

/// Bytes kept free below the kernel's frame before the stub's own stack
/// frames: the new frame for musl is the kernel's, rewritten in place and
/// moved down by at most this much (`main.rs`, "The stack").
pub const HEADROOM: usize = 128;

// The kernel enters with the stack pointer at argc. Pass that, the load base
// (the ELF header's address) and _DYNAMIC to Rust, on an aligned stack
// HEADROOM bytes lower.
#[cfg(target_arch = "x86_64")]
global_asm!(
    ".text",
    ".globl _start",
    ".type _start,@function",
    "_start:",
    "    xor %ebp, %ebp",
    "    mov %rsp, %rdi",
    "    lea __ehdr_start(%rip), %rsi",
    "    lea _DYNAMIC(%rip), %rdx",
    "    sub ${headroom}, %rsp",
    "    and $-16, %rsp",
    "    call gcompat_ld_main",
    "    ud2",
    ".size _start, . - _start",
    headroom = const HEADROOM,
    options(att_syntax)
);

// aarch64: the same, PC-relative through adrp (nothing is relocated yet);
// x29 and x30 zero end the frame chain, as at musl's own _start.
#[cfg(target_arch = "aarch64")]
global_asm!(
    ".text",
    ".globl _start",
    ".type _start,@function",
    "_start:",
    "    mov x29, #0",
    "    mov x30, #0",
    "    mov x0, sp",
    "    adrp x1, __ehdr_start",
    "    add x1, x1, :lo12:__ehdr_start",
    "    adrp x2, _DYNAMIC",
    "    add x2, x2, :lo12:_DYNAMIC",
    "    sub x9, x0, #{headroom}",
    "    and sp, x9, #-16",
    "    bl gcompat_ld_main",
    "    udf #0",
    ".size _start, . - _start",
    headroom = const HEADROOM,
);

/// Enters musl's loader at `entry` with the stack pointer at `sp` (argc), as
/// the kernel enters a program: rdx (the exit function) zero.
///
/// # Safety
/// `sp` holds a complete initial frame; `entry` is musl's mapped entry point.
#[cfg(target_arch = "x86_64")]
pub unsafe fn jump(sp: usize, entry: usize) -> ! {
    // SAFETY: per the contract.
    unsafe {
        asm!(
            "mov rsp, rdi",
            "xor edx, edx",
            "xor ebp, ebp",
            "jmp rsi",
            in("rdi") sp,
            in("rsi") entry,
            options(noreturn)
        )
    }
}

/// Enters musl's loader at `entry` with the stack pointer at `sp` (argc), as
/// the kernel enters a program: x0 (the exit function) and the frame
/// registers zero.
///
/// # Safety
/// `sp` holds a complete initial frame; `entry` is musl's mapped entry point.
#[cfg(target_arch = "aarch64")]
pub unsafe fn jump(sp: usize, entry: usize) -> ! {
    // SAFETY: per the contract.
    unsafe {
        asm!(
            "mov sp, x0",
            "mov x0, #0",
            "mov x29, #0",
            "mov x30, #0",
            "br x1",
            in("x0") sp,
            in("x1") entry,
            options(noreturn)
        )
    }
}

const DT_NULL: usize = 0;
const DT_RELA: usize = 7;
const DT_RELASZ: usize = 8;
const DT_RELAENT: usize = 9;
const DT_REL: usize = 17;
const DT_RELR: usize = 36;
/// The architecture's RELATIVE relocation: the only kind the link in
/// build.rs leaves in the stub.
#[cfg(target_arch = "x86_64")]
const R_RELATIVE: usize = 8; // R_X86_64_RELATIVE
#[cfg(target_arch = "aarch64")]
const R_RELATIVE: usize = 1027; // R_AARCH64_RELATIVE

/// Applies the stub's own RELATIVE relocations: a static-pie with no
/// libc has nobody else to do it. Uses nothing but its arguments, since no
/// absolute address in the stub is right before it has run.
///
/// # Safety
/// `base` and `dynamic` are the stub's own load base and `_DYNAMIC`; called
/// once, before anything reads a relocated word.
#[inline(never)]
pub unsafe fn relocate(base: usize, dynamic: *const usize) {
    let (mut rela, mut relasz, mut relaent) = (0, 0, 24);
    let mut i = 0;
    loop {
        // SAFETY: _DYNAMIC is an array of (tag, value) pairs ending in DT_NULL.
        let (tag, val) = unsafe { (*dynamic.add(i), *dynamic.add(i + 1)) };
        match tag {
            DT_NULL => break,
            DT_RELA => rela = val,
            DT_RELASZ => relasz = val,
            DT_RELAENT => relaent = val,
            // Not produced for this target by the link in build.rs.
            DT_REL | DT_RELR => crate::sys::exit(127),
            _ => {}
        }
        i += 2;
    }
    let mut off = 0;
    while off < relasz {
        let r = (base + rela + off) as *const usize;
        // SAFETY: an Elf64_Rela inside the stub's mapped relocation table.
        let (where_, info, addend) = unsafe { (*r, *r.add(1), *r.add(2)) };
        if info & 0xffff_ffff != R_RELATIVE {
            crate::sys::exit(127);
        }
        // SAFETY: the target is a word in the stub's writable data.
        unsafe { ((base + where_) as *mut usize).write(base.wrapping_add(addend)) };
        off += relaent;
    }
}
