//! C23 `<stdbit.h>` (glibc 2.39): the 14 bit functions for each of
//! `unsigned char`, `short`, `int`, `long` and `long long`, which musl 1.2.5
//! lacks. glibc's header inlines them as macros, but a program that takes
//! their address, or that was built without optimization or with
//! `-fno-builtin`, calls the exported functions.
//!
//! One body per function ([`Bits`], over the integer's own width); the
//! [`stdbit!`] rows only name the five exports of each.

use core::ffi::{c_uchar, c_uint, c_ulong, c_ulonglong, c_ushort};

/// What every `stdc_*` function is made of, for an unsigned type.
trait Bits: Copy {
    const WIDTH: c_uint;
    fn lz(self) -> c_uint;
    fn lo(self) -> c_uint;
    fn tz(self) -> c_uint;
    fn to(self) -> c_uint;
    fn ones(self) -> c_uint;
    fn is_zero(self) -> bool;
    fn is_max(self) -> bool;
    fn floor(self) -> Self;
    fn ceil(self) -> Self;
}

macro_rules! bits {
    ($($t:ty),*) => {$(
        impl Bits for $t {
            const WIDTH: c_uint = <$t>::BITS;
            fn lz(self) -> c_uint { self.leading_zeros() }
            fn lo(self) -> c_uint { self.leading_ones() }
            fn tz(self) -> c_uint { self.trailing_zeros() }
            fn to(self) -> c_uint { self.trailing_ones() }
            fn ones(self) -> c_uint { self.count_ones() }
            fn is_zero(self) -> bool { self == 0 }
            fn is_max(self) -> bool { self == <$t>::MAX }
            fn floor(self) -> Self {
                if self == 0 { 0 } else { 1 << (<$t>::BITS - 1 - self.leading_zeros()) }
            }
            // C23 leaves a result too wide for the type undefined; glibc's
            // (`2 << (width - 1)` in the type) gives 0, and so does this.
            fn ceil(self) -> Self { self.checked_next_power_of_two().unwrap_or(0) }
        }
    )*};
}
bits!(u8, u16, u32, u64);

/// `stdc_first_leading_zero`: the 1-based position, from the most
/// significant bit, of the first 0 bit; 0 when there is none.
fn first_leading_zero<T: Bits>(x: T) -> c_uint {
    if x.is_max() { 0 } else { x.lo() + 1 }
}
fn width<T: Bits>(_: T) -> c_uint {
    T::WIDTH
}
fn first_leading_one<T: Bits>(x: T) -> c_uint {
    if x.is_zero() { 0 } else { x.lz() + 1 }
}
/// `stdc_first_trailing_zero`: the 1-based position, from the least
/// significant bit, of the first 0 bit; 0 when there is none.
fn first_trailing_zero<T: Bits>(x: T) -> c_uint {
    if x.is_max() { 0 } else { x.to() + 1 }
}
fn first_trailing_one<T: Bits>(x: T) -> c_uint {
    if x.is_zero() { 0 } else { x.tz() + 1 }
}

/// One row per function: its five exports, for `unsigned char`, `short`,
/// `int`, `long`, `long long` (in the C types, so each record's C
/// declaration is glibc's prototype), and the body over the fixed-width
/// type of the same size.
macro_rules! stdbit {
    ($($doc:literal fn [$uc:ident, $us:ident, $ui:ident, $ul:ident, $ull:ident]($x:ident) -> $ret:tt = $body:expr;)*) => {$(
        stdbit!(@one $doc, $uc, c_uchar, u8, $x, $ret, $body);
        stdbit!(@one $doc, $us, c_ushort, u16, $x, $ret, $body);
        stdbit!(@one $doc, $ui, c_uint, u32, $x, $ret, $body);
        stdbit!(@one $doc, $ul, c_ulong, u64, $x, $ret, $body);
        stdbit!(@one $doc, $ull, c_ulonglong, u64, $x, $ret, $body);
    )*};
    (@one $doc:literal, $name:ident, $c:ty, $fixed:ty, $x:ident, Same, $body:expr) => {
        #[doc = $doc]
        ///
        /// # Safety
        /// None: a pure function of its argument.
        #[export]
        pub extern "C" fn $name($x: $c) -> $c {
            let $x: $fixed = $x as $fixed;
            ($body) as $c
        }
    };
    (@one $doc:literal, $name:ident, $c:ty, $fixed:ty, $x:ident, $ret:ty, $body:expr) => {
        #[doc = $doc]
        ///
        /// # Safety
        /// None: a pure function of its argument.
        #[export]
        pub extern "C" fn $name($x: $c) -> $ret {
            let $x: $fixed = $x as $fixed;
            $body
        }
    };
}

// `long` is 64 bits on every architecture the shim builds for.
const _: () = assert!(core::mem::size_of::<c_ulong>() == 8);

stdbit! {
    "`stdc_leading_zeros`: the number of 0 bits above the highest 1 (the width for 0)."
    fn [stdc_leading_zeros_uc, stdc_leading_zeros_us, stdc_leading_zeros_ui, stdc_leading_zeros_ul, stdc_leading_zeros_ull](x) -> c_uint = x.lz();
    "`stdc_leading_ones`: the number of 1 bits above the highest 0."
    fn [stdc_leading_ones_uc, stdc_leading_ones_us, stdc_leading_ones_ui, stdc_leading_ones_ul, stdc_leading_ones_ull](x) -> c_uint = x.lo();
    "`stdc_trailing_zeros`: the number of 0 bits below the lowest 1 (the width for 0)."
    fn [stdc_trailing_zeros_uc, stdc_trailing_zeros_us, stdc_trailing_zeros_ui, stdc_trailing_zeros_ul, stdc_trailing_zeros_ull](x) -> c_uint = x.tz();
    "`stdc_trailing_ones`: the number of 1 bits below the lowest 0."
    fn [stdc_trailing_ones_uc, stdc_trailing_ones_us, stdc_trailing_ones_ui, stdc_trailing_ones_ul, stdc_trailing_ones_ull](x) -> c_uint = x.to();
    "`stdc_first_leading_zero`: 1 + the index from the top of the highest 0 bit, 0 for none."
    fn [stdc_first_leading_zero_uc, stdc_first_leading_zero_us, stdc_first_leading_zero_ui, stdc_first_leading_zero_ul, stdc_first_leading_zero_ull](x) -> c_uint = first_leading_zero(x);
    "`stdc_first_leading_one`: 1 + the index from the top of the highest 1 bit, 0 for none."
    fn [stdc_first_leading_one_uc, stdc_first_leading_one_us, stdc_first_leading_one_ui, stdc_first_leading_one_ul, stdc_first_leading_one_ull](x) -> c_uint = first_leading_one(x);
    "`stdc_first_trailing_zero`: 1 + the index of the lowest 0 bit, 0 for none."
    fn [stdc_first_trailing_zero_uc, stdc_first_trailing_zero_us, stdc_first_trailing_zero_ui, stdc_first_trailing_zero_ul, stdc_first_trailing_zero_ull](x) -> c_uint = first_trailing_zero(x);
    "`stdc_first_trailing_one`: 1 + the index of the lowest 1 bit, 0 for none."
    fn [stdc_first_trailing_one_uc, stdc_first_trailing_one_us, stdc_first_trailing_one_ui, stdc_first_trailing_one_ul, stdc_first_trailing_one_ull](x) -> c_uint = first_trailing_one(x);
    "`stdc_count_zeros`: the number of 0 bits."
    fn [stdc_count_zeros_uc, stdc_count_zeros_us, stdc_count_zeros_ui, stdc_count_zeros_ul, stdc_count_zeros_ull](x) -> c_uint = width(x) - x.ones();
    "`stdc_count_ones`: the number of 1 bits."
    fn [stdc_count_ones_uc, stdc_count_ones_us, stdc_count_ones_ui, stdc_count_ones_ul, stdc_count_ones_ull](x) -> c_uint = x.ones();
    "`stdc_has_single_bit`: whether exactly one bit is 1 (a power of two)."
    fn [stdc_has_single_bit_uc, stdc_has_single_bit_us, stdc_has_single_bit_ui, stdc_has_single_bit_ul, stdc_has_single_bit_ull](x) -> bool = x.ones() == 1;
    "`stdc_bit_width`: the bits needed to represent the value (0 for 0)."
    fn [stdc_bit_width_uc, stdc_bit_width_us, stdc_bit_width_ui, stdc_bit_width_ul, stdc_bit_width_ull](x) -> c_uint = width(x) - x.lz();
    "`stdc_bit_floor`: the largest power of two not above the value (0 for 0)."
    fn [stdc_bit_floor_uc, stdc_bit_floor_us, stdc_bit_floor_ui, stdc_bit_floor_ul, stdc_bit_floor_ull](x) -> Same = x.floor();
    "`stdc_bit_ceil`: the smallest power of two not below the value (1 for 0; 0 when it does not fit the type, as glibc)."
    fn [stdc_bit_ceil_uc, stdc_bit_ceil_us, stdc_bit_ceil_ui, stdc_bit_ceil_ul, stdc_bit_ceil_ull](x) -> Same = x.ceil();
}
