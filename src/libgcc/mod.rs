//! Names a glibc-built `libgcc_s.so.1` defines only at hidden versions
//! (`__cpu_model@GCC_4.8.0`, `__cpu_indicator_init@GCC_4.8.0`) and binds
//! its own references to through the dynamic symbol table. musl's loader
//! skips hidden-version definitions, so without these the library fails to
//! load ("symbol not found"): every glibc-built C++ program on musl needs
//! them. The shim defines them at the same version; the library's
//! constructor then fills the shim's `__cpu_model`, which is the one its
//! code reads.
//!
//! `__cpu_indicator_init` fills the vendor and the first feature word the
//! way libgcc's `cpuinfo.c` does (same enum values, same "usable" rules for
//! the AVX families: the OS must save the registers, per `xgetbv`).
//! `__cpu_type`/`__cpu_subtype` stay 0, which libgcc itself reports for a
//! processor model its tables do not know; code that asks
//! `__builtin_cpu_is("<model>")` through this copy gets "no".

use core::ffi::{c_int, c_uint};
use core::sync::atomic::{AtomicU32, Ordering::Relaxed};

/// libgcc's `struct __processor_model`.
#[repr(C)]
pub struct ProcessorModel {
    pub cpu_vendor: AtomicU32,
    pub cpu_type: c_uint,
    pub cpu_subtype: c_uint,
    pub cpu_features: [AtomicU32; 1],
}

#[export]
pub static __cpu_model: ProcessorModel =
    ProcessorModel { cpu_vendor: AtomicU32::new(0), cpu_type: 0, cpu_subtype: 0, cpu_features: [AtomicU32::new(0)] };

// libgcc's `enum processor_vendor`.
const VENDOR_INTEL: u32 = 1;
const VENDOR_AMD: u32 = 2;
const VENDOR_OTHER: u32 = 3;
const VENDOR_CENTAUR: u32 = 4;
const VENDOR_CYRIX: u32 = 5;
const VENDOR_NSC: u32 = 6;

// libgcc's `enum processor_features`, the first 32 (the exported word).
const CMOV: u32 = 0;
const MMX: u32 = 1;
const POPCNT: u32 = 2;
const SSE: u32 = 3;
const SSE2: u32 = 4;
const SSE3: u32 = 5;
const SSSE3: u32 = 6;
const SSE4_1: u32 = 7;
const SSE4_2: u32 = 8;
const AVX: u32 = 9;
const AVX2: u32 = 10;
const SSE4_A: u32 = 11;
const FMA4: u32 = 12;
const XOP: u32 = 13;
const FMA: u32 = 14;
const AVX512F: u32 = 15;
const BMI: u32 = 16;
const BMI2: u32 = 17;
const AES: u32 = 18;
const PCLMUL: u32 = 19;
const AVX512VL: u32 = 20;
const AVX512BW: u32 = 21;
const AVX512DQ: u32 = 22;
const AVX512CD: u32 = 23;
const AVX512ER: u32 = 24;
const AVX512PF: u32 = 25;
const AVX512VBMI: u32 = 26;
const AVX512IFMA: u32 = 27;
const AVX5124VNNIW: u32 = 28;
const AVX5124FMAPS: u32 = 29;
const AVX512VPOPCNTDQ: u32 = 30;
const AVX512VBMI2: u32 = 31;

/// `__cpu_indicator_init`: fills [`__cpu_model`] once. Returns 0, or -1
/// when the processor has no `cpuid` leaf 1.
///
/// # Safety
/// Any caller: it takes nothing.
#[export]
pub extern "C" fn __cpu_indicator_init() -> c_int {
    if __cpu_model.cpu_vendor.load(Relaxed) != 0 {
        return 0;
    }
    #[cfg(target_arch = "x86_64")]
    {
        let Some((vendor, features)) = x86_64::detect() else {
            __cpu_model.cpu_vendor.store(VENDOR_OTHER, Relaxed);
            return -1;
        };
        __cpu_model.cpu_features[0].store(features, Relaxed);
        __cpu_model.cpu_vendor.store(vendor, Relaxed);
        0
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        __cpu_model.cpu_vendor.store(VENDOR_OTHER, Relaxed);
        -1
    }
}

#[cfg(target_arch = "x86_64")]
mod x86_64 {
    use super::*;
    use core::arch::x86_64::{__cpuid, __cpuid_count, _xgetbv};

    pub fn detect() -> Option<(u32, u32)> {
        let leaf0 = __cpuid(0);
        if leaf0.eax < 1 {
            return None;
        }
        let vendor = match (leaf0.ebx, leaf0.edx, leaf0.ecx) {
            (0x756e_6547, 0x4965_6e69, 0x6c65_746e) => VENDOR_INTEL, // GenuineIntel
            (0x6874_7541, 0x6974_6e65, 0x444d_4163) => VENDOR_AMD,   // AuthenticAMD
            (0x6f67_7948, 0x6e65_476e, 0x656e_6975) => VENDOR_AMD,   // HygonGenuine (libgcc: AMD family)
            (0x746e_6543, 0x4872_7561, 0x736c_7561) => VENDOR_CENTAUR, // CentaurHauls
            (0x6972_7943, 0x736e_4978, 0x6461_6574) => VENDOR_CYRIX, // CyrixInstead
            (0x6f65_6f47, 0x6f47_2065, 0x206f_6465) => VENDOR_NSC,   // Geode by NSC
            _ => VENDOR_OTHER,
        };
        let leaf1 = __cpuid(1);
        let (ecx, edx) = (leaf1.ecx, leaf1.edx);
        let bit = |word: u32, n: u32| word >> n & 1 != 0;
        let mut features = 0u32;
        let mut set = |feature: u32, on: bool| {
            if on {
                features |= 1 << feature;
            }
        };
        // The OS saves YMM (and ZMM) state: libgcc's avx_usable/avx512_usable.
        let (mut avx_usable, mut avx512_usable) = (false, false);
        if bit(ecx, 27) {
            // SAFETY: OSXSAVE is set, so xgetbv(0) is available.
            let xcr0 = unsafe { _xgetbv(0) };
            avx_usable = xcr0 & 0x6 == 0x6;
            avx512_usable = xcr0 & 0xe6 == 0xe6;
        }
        set(CMOV, bit(edx, 15));
        set(MMX, bit(edx, 23));
        set(SSE, bit(edx, 25));
        set(SSE2, bit(edx, 26));
        set(SSE3, bit(ecx, 0));
        set(PCLMUL, bit(ecx, 1));
        set(SSSE3, bit(ecx, 9));
        set(SSE4_1, bit(ecx, 19));
        set(SSE4_2, bit(ecx, 20));
        set(POPCNT, bit(ecx, 23));
        set(AES, bit(ecx, 25));
        set(AVX, avx_usable && bit(ecx, 28));
        set(FMA, avx_usable && bit(ecx, 12));
        if leaf0.eax >= 7 {
            let leaf7 = __cpuid_count(7, 0);
            let (b, c, d) = (leaf7.ebx, leaf7.ecx, leaf7.edx);
            set(BMI, bit(b, 3));
            set(AVX2, avx_usable && bit(b, 5));
            set(BMI2, bit(b, 8));
            if avx512_usable {
                set(AVX512F, bit(b, 16));
                set(AVX512DQ, bit(b, 17));
                set(AVX512IFMA, bit(b, 21));
                set(AVX512PF, bit(b, 26));
                set(AVX512ER, bit(b, 27));
                set(AVX512CD, bit(b, 28));
                set(AVX512BW, bit(b, 30));
                set(AVX512VL, bit(b, 31));
                set(AVX512VBMI, bit(c, 1));
                set(AVX512VBMI2, bit(c, 6));
                set(AVX512VPOPCNTDQ, bit(c, 14));
                set(AVX5124VNNIW, bit(d, 2));
                set(AVX5124FMAPS, bit(d, 3));
            }
        }
        let ext = __cpuid(0x8000_0000);
        if ext.eax >= 0x8000_0001 {
            let c = __cpuid(0x8000_0001).ecx;
            set(SSE4_A, bit(c, 6));
            set(XOP, avx_usable && bit(c, 11));
            set(FMA4, avx_usable && bit(c, 16));
        }
        Some((vendor, features))
    }
}
