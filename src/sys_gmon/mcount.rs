//! `mcount`, `_mcount` and `__fentry__`: what every function compiled with
//! `-pg` calls on entry, and the arc table they fill (glibc
//! `sysdeps/x86_64/_mcount.S`, `gmon/mcount.c`).
//!
//! gcc calls `mcount` after the function's prologue (`push rbp; mov rbp,
//! rsp`), before it has read any argument, and `__fentry__` (with
//! `-mfentry`) as its very first instruction. Neither follows the C ABI:
//! every argument register must survive. The entry points save them, find
//! the arc's two ends and call [`record`]:
//!
//! - `selfpc`: the entry point's own return address, inside the function
//!   being entered;
//! - `frompc`: that function's return address, inside its caller: the word
//!   above the saved `rbp` for `mcount`, the next word on the stack for
//!   `__fentry__`.
//!
//! [`record`] counts the arc in the chain of `frompc`'s hash slot, moving
//! it to the front of its chain, as glibc's `__mcount_internal` does. A
//! call from outside `[lowpc, highpc]` (the C library, a signal frame) is
//! not counted. When the arcs run out it says so on fd 2 and profiling
//! stops for good: `_mcleanup` then writes no file.

use super::gmon::{GMON, GMON_PROF_BUSY, GMON_PROF_ERROR, GMON_PROF_ON};
use core::sync::atomic::Ordering::{Acquire, Release};

/// Records one traversal of the arc `frompc` -> `selfpc` (glibc's
/// `__mcount_internal`).
extern "C" fn record(frompc: usize, selfpc: usize) {
    // Only while profiling is on, and not again from a signal handler or
    // another thread while this one records.
    if GMON.state.compare_exchange(GMON_PROF_ON, GMON_PROF_BUSY, Acquire, Acquire).is_err() {
        return;
    }
    // SAFETY: the BUSY state gives this call the tables (see GmonParam);
    // monstartup set them up before turning profiling on.
    let next = unsafe { count_arc(frompc, selfpc) };
    GMON.state.store(next, Release);
}

/// The arc-table update; returns the next state: ON, or ERROR when the arcs
/// ran out.
///
/// # Safety
/// The caller holds the tables (state BUSY) and they are set up.
unsafe fn count_arc(frompc: usize, selfpc: usize) -> core::ffi::c_long {
    // SAFETY: as the caller guarantees.
    let p = unsafe { &*GMON.tables.get() };
    let offset = frompc.wrapping_sub(p.lowpc);
    if offset > p.textsize {
        return GMON_PROF_ON;
    }
    let slot = offset >> p.log_hashfraction;
    // glibc also takes `frompc == highpc` when the text is a multiple of
    // 16 bytes, one slot past the table; such a call site cannot exist.
    if slot >= p.fromssize / core::mem::size_of::<usize>() {
        return GMON_PROF_ON;
    }
    // SAFETY: slot < the number of froms entries; tos holds tolimit arcs
    // and every index stored in the tables is below tolimit.
    unsafe {
        let from = p.froms.add(slot);
        let tos = p.tos;
        let mut toindex = *from;
        if toindex == 0 {
            // The first arc from this call site.
            toindex = (*tos).link + 1;
            (*tos).link = toindex;
            if toindex as core::ffi::c_long >= p.tolimit {
                return overflow();
            }
            *from = toindex;
            *tos.add(toindex) = super::gmon::ToStruct { selfpc, count: 1, link: 0 };
            return GMON_PROF_ON;
        }
        let mut top = tos.add(toindex);
        if (*top).selfpc == selfpc {
            // At the front of its chain: the usual case.
            (*top).count += 1;
            return GMON_PROF_ON;
        }
        loop {
            if (*top).link == 0 {
                // Not in the chain: a new arc at its head.
                toindex = (*tos).link + 1;
                (*tos).link = toindex;
                if toindex as core::ffi::c_long >= p.tolimit {
                    return overflow();
                }
                *tos.add(toindex) = super::gmon::ToStruct { selfpc, count: 1, link: *from };
                *from = toindex;
                return GMON_PROF_ON;
            }
            let prevtop = top;
            top = tos.add((*top).link);
            if (*top).selfpc == selfpc {
                // Found: count it and move it to the head of the chain.
                (*top).count += 1;
                toindex = (*prevtop).link;
                (*prevtop).link = (*top).link;
                (*top).link = *from;
                *from = toindex;
                return GMON_PROF_ON;
            }
        }
    }
}

fn overflow() -> core::ffi::c_long {
    crate::abi::cstr::write_all(2, b"mcount: call graph buffer size limit exceeded, gmon.out will not be generated\n");
    GMON_PROF_ERROR
}

// x86_64: the entry points save rax (the vector-register count of a variadic
// call), rcx, rdx, rsi, rdi, r8, r9 (arguments), r10 (the static chain) and
// xmm0-xmm7 (floating-point arguments) in a frame of their own, aligned for
// the call: gcc may push callee-saved registers before calling `mcount`, so
// the stack's alignment at entry is unknown. rbp is the frame pointer, as
// in any frame: [rbp] holds the caller's rbp, [rbp + 8] the return address
// (`selfpc`). The arguments are the instructions that load `frompc` into
// rdi.
#[cfg(target_arch = "x86_64")]
macro_rules! record_preserving_registers {
    ($($load_frompc:literal),+) => {
        core::arch::naked_asm!(
            "push rbp",
            "mov rbp, rsp",
            "and rsp, -16",
            "sub rsp, 192",
            "mov [rsp], rax",
            "mov [rsp + 8], rcx",
            "mov [rsp + 16], rdx",
            "mov [rsp + 24], rsi",
            "mov [rsp + 32], rdi",
            "mov [rsp + 40], r8",
            "mov [rsp + 48], r9",
            "mov [rsp + 56], r10",
            "movaps [rsp + 64], xmm0",
            "movaps [rsp + 80], xmm1",
            "movaps [rsp + 96], xmm2",
            "movaps [rsp + 112], xmm3",
            "movaps [rsp + 128], xmm4",
            "movaps [rsp + 144], xmm5",
            "movaps [rsp + 160], xmm6",
            "movaps [rsp + 176], xmm7",
            "mov rsi, [rbp + 8]",
            $($load_frompc,)+
            "call {record}",
            "movaps xmm7, [rsp + 176]",
            "movaps xmm6, [rsp + 160]",
            "movaps xmm5, [rsp + 144]",
            "movaps xmm4, [rsp + 128]",
            "movaps xmm3, [rsp + 112]",
            "movaps xmm2, [rsp + 96]",
            "movaps xmm1, [rsp + 80]",
            "movaps xmm0, [rsp + 64]",
            "mov r10, [rsp + 56]",
            "mov r9, [rsp + 48]",
            "mov r8, [rsp + 40]",
            "mov rdi, [rsp + 32]",
            "mov rsi, [rsp + 24]",
            "mov rdx, [rsp + 16]",
            "mov rcx, [rsp + 8]",
            "mov rax, [rsp]",
            "mov rsp, rbp",
            "pop rbp",
            "ret",
            record = sym record,
        )
    };
}

/// `_mcount`: records the call of the function that called it (compiled
/// with `-pg`) from that function's caller; preserves every argument
/// register. (glibc `sysdeps/x86_64/_mcount.S`.)
///
/// # Safety
/// Called only as gcc's `-pg` code calls it: from a function whose frame
/// pointer rbp is set up (its caller's rbp at `[rbp]`, its return address
/// at `[rbp + 8]`).
///
/// # glibc differences
/// glibc's saves the integer argument registers only; this one also saves
/// r10 and xmm0-xmm7, which its Rust body might otherwise use.
#[cfg(target_arch = "x86_64")]
#[unsafe(naked)]
#[export]
pub unsafe extern "C" fn _mcount() {
    // frompc: the profiled function's return address, above the rbp it
    // saved, which its frame pointer (now in [rbp]) points at.
    record_preserving_registers!("mov rdi, [rbp]", "mov rdi, [rdi + 8]")
}

/// `mcount`: the name gcc's `-pg` code calls; the same as [`_mcount`]
/// (glibc's is an alias).
///
/// # Safety
/// As `_mcount`.
#[cfg(target_arch = "x86_64")]
#[unsafe(naked)]
#[export]
pub unsafe extern "C" fn mcount() {
    record_preserving_registers!("mov rdi, [rbp]", "mov rdi, [rdi + 8]")
}

/// `__fentry__`: what gcc's `-pg -mfentry` code calls as a function's first
/// instruction; records the call as `_mcount` does, before the function
/// has a frame. (glibc `sysdeps/x86_64/_mcount.S`.)
///
/// # Safety
/// Called only as the first instruction of a function.
///
/// # glibc differences
/// As `_mcount`: r10 and xmm0-xmm7 are saved too.
#[cfg(target_arch = "x86_64")]
#[unsafe(naked)]
#[export]
pub unsafe extern "C" fn __fentry__() {
    // frompc: the function's own return address, just above ours.
    record_preserving_registers!("mov rdi, [rbp + 16]")
}

/// `_mcount` on aarch64: gcc's `-pg` code calls it with `frompc` (the
/// profiled function's own return address) in x0, and its return address
/// (`selfpc`) in x30. glibc's is a C function (`sysdeps/aarch64/
/// machine-gmon.h`); this one also keeps x0-x8 and q0-q7, which its Rust body
/// might otherwise use. (`mcount` and `__fentry__` are x86_64 names only.)
///
/// # Safety
/// Called only as gcc's `-pg` code calls it.
#[cfg(target_arch = "aarch64")]
#[unsafe(naked)]
#[export]
pub unsafe extern "C" fn _mcount() {
    core::arch::naked_asm!(
        "stp x29, x30, [sp, #-224]!",
        "mov x29, sp",
        "stp x0, x1, [sp, #16]",
        "stp x2, x3, [sp, #32]",
        "stp x4, x5, [sp, #48]",
        "stp x6, x7, [sp, #64]",
        "str x8, [sp, #80]",
        "stp q0, q1, [sp, #96]",
        "stp q2, q3, [sp, #128]",
        "stp q4, q5, [sp, #160]",
        "stp q6, q7, [sp, #192]",
        "mov x1, x30",
        "bl {record}",
        "ldp q6, q7, [sp, #192]",
        "ldp q4, q5, [sp, #160]",
        "ldp q2, q3, [sp, #128]",
        "ldp q0, q1, [sp, #96]",
        "ldr x8, [sp, #80]",
        "ldp x6, x7, [sp, #64]",
        "ldp x4, x5, [sp, #48]",
        "ldp x2, x3, [sp, #32]",
        "ldp x0, x1, [sp, #16]",
        "ldp x29, x30, [sp], #224",
        "ret",
        record = sym record,
    )
}
