//! `random_r`, `srandom_r`, `initstate_r`, `setstate_r`: glibc's reentrant
//! forms of `random` (glibc manual, "BSD Random Number Functions";
//! random_r(3)), which musl lacks. The generator state lives in the
//! caller's `struct random_data` and state array, so it is glibc's layout
//! and glibc's generator: the BSD additive feedback generator of degree
//! 0, 7, 15, 31 or 63 (TYPE_0..TYPE_4, chosen by the state array's size of
//! 8, 32, 64, 128 or 256 bytes and up), seeded by the Park-Miller minimal
//! standard generator and run 10 times the degree before first use. The
//! state array's first word records the type and the rear pointer's
//! position (`MAX_TYPES * rear + type`), so `setstate_r` can resume it.
//! The same seed and size give glibc's sequence.

use crate::abi::errno;
use core::ffi::{c_char, c_int, c_uint};

const MAX_TYPES: c_int = 5;
/// The degree (the number of state words after the type word) of each type.
const DEGREES: [c_int; 5] = [0, 7, 15, 31, 63];
/// The distance between the front and rear pointers of each type.
const SEPARATIONS: [c_int; 5] = [0, 3, 1, 3, 1];

/// glibc's `struct random_data` (`<stdlib.h>`).
#[repr(C)]
pub struct RandomData {
    fptr: *mut i32,
    rptr: *mut i32,
    state: *mut i32,
    rand_type: c_int,
    rand_deg: c_int,
    rand_sep: c_int,
    end_ptr: *mut i32,
}

const _: () = assert!(core::mem::size_of::<RandomData>() == 48);

/// `random_r`: the next number in `0..2^31` from `buf`'s generator into
/// `*result`; 0, or -1 with `EINVAL` for a null argument.
///
/// # Safety
/// `buf` null or a generator set up by `initstate_r`/`setstate_r` whose
/// state array is still live; `result` null or writable.
#[export]
pub unsafe extern "C" fn random_r(buf: *mut RandomData, result: *mut i32) -> c_int {
    if buf.is_null() || result.is_null() {
        errno::set(libc::EINVAL);
        return -1;
    }
    // SAFETY: the caller's generator, valid per the contract.
    let buf = unsafe { &mut *buf };
    let state = buf.state;
    if buf.rand_type == 0 {
        // SAFETY: a TYPE_0 state has its one word.
        unsafe {
            let val = ((*state as u32).wrapping_mul(1103515245).wrapping_add(12345) & 0x7fff_ffff) as i32;
            *state = val;
            *result = val;
        }
        return 0;
    }
    let (mut fptr, mut rptr) = (buf.fptr, buf.rptr);
    // SAFETY: fptr and rptr point into the state words (before end_ptr),
    // as initstate_r/setstate_r and every step here leave them.
    unsafe {
        let val = (*fptr as u32).wrapping_add(*rptr as u32);
        *fptr = val as i32;
        *result = (val >> 1) as i32;
        fptr = fptr.add(1);
        if fptr >= buf.end_ptr {
            fptr = state;
            rptr = rptr.add(1);
        } else {
            rptr = rptr.add(1);
            if rptr >= buf.end_ptr {
                rptr = state;
            }
        }
    }
    buf.fptr = fptr;
    buf.rptr = rptr;
    0
}

/// `srandom_r`: reseeds `buf`'s generator with `seed` (0 counts as 1).
/// Returns 0, or -1 for a null or unset `buf` (without setting errno, as
/// glibc).
///
/// # Safety
/// `buf` null or a generator set up by `initstate_r`/`setstate_r`.
#[export]
pub unsafe extern "C" fn srandom_r(seed: c_uint, buf: *mut RandomData) -> c_int {
    if buf.is_null() {
        return -1;
    }
    // SAFETY: the caller's generator.
    let data = unsafe { &mut *buf };
    let kind = data.rand_type;
    if !(0..MAX_TYPES).contains(&kind) {
        return -1;
    }
    let seed = if seed == 0 { 1 } else { seed };
    let state = data.state;
    // SAFETY: the state array has at least one word.
    unsafe { *state = seed as i32 };
    if kind == 0 {
        return 0;
    }
    let degree = data.rand_deg as usize;
    let mut word = seed as i32;
    for i in 1..degree {
        // 16807 * word % (2^31 - 1) without overflow (Schrage's method).
        let hi = i64::from(word / 127773);
        let lo = i64::from(word % 127773);
        word = (16807 * lo - 2836 * hi) as i32;
        if word < 0 {
            word = word.wrapping_add(2147483647);
        }
        // SAFETY: i < degree, inside the state words.
        unsafe { *state.add(i) = word };
    }
    // SAFETY: rand_sep < degree.
    data.fptr = unsafe { state.add(data.rand_sep as usize) };
    data.rptr = state;
    let mut discard = 0i32;
    for _ in 0..degree * 10 {
        // SAFETY: a generator just set up.
        unsafe { random_r(buf, &mut discard) };
    }
    0
}

/// Records the generator's type and rear position in the word before its
/// state, so `setstate_r` can take it up again.
///
/// # Safety
/// `buf`'s state is live and has its type word before it.
unsafe fn save_position(buf: &RandomData) {
    let word = if buf.rand_type == 0 {
        0
    } else {
        // SAFETY: rptr points into the same state array.
        MAX_TYPES * unsafe { buf.rptr.offset_from(buf.state) } as c_int + buf.rand_type
    };
    // SAFETY: the state array begins one word before `state`.
    unsafe { *buf.state.sub(1) = word };
}

/// `initstate_r`: makes `arg_state` (`n` bytes, at least 8) the state of
/// `buf`'s generator and seeds it; the size picks the type. Saves the
/// position of the state `buf` had, if any. Returns 0, or -1 with `EINVAL`
/// (null `buf`, `n < 8`).
///
/// # Safety
/// `buf` null or writable, with `state` null or a live state (glibc reads
/// it: zero the structure first); `arg_state` writable for `n` bytes,
/// 4-byte aligned, and live as long as the generator is used.
#[export]
pub unsafe extern "C" fn initstate_r(seed: c_uint, arg_state: *mut c_char, n: usize, buf: *mut RandomData) -> c_int {
    if buf.is_null() {
        errno::set(libc::EINVAL);
        return -1;
    }
    // SAFETY: the caller's generator.
    let data = unsafe { &mut *buf };
    if !data.state.is_null() {
        // SAFETY: a live state, per the contract.
        unsafe { save_position(data) };
    }
    let kind = match n {
        0..8 => {
            errno::set(libc::EINVAL);
            return -1;
        }
        8..32 => 0,
        32..64 => 1,
        64..128 => 2,
        128..256 => 3,
        _ => 4,
    };
    let degree = DEGREES[kind];
    data.rand_type = kind as c_int;
    data.rand_sep = SEPARATIONS[kind];
    data.rand_deg = degree;
    // SAFETY: the array holds the type word and `degree` words after it.
    let state = unsafe { arg_state.cast::<i32>().add(1) };
    // SAFETY: as above; one past the last word.
    data.end_ptr = unsafe { state.add(degree as usize) };
    data.state = state;
    // SAFETY: set up just above.
    unsafe { srandom_r(seed, buf) };
    // SAFETY: as above.
    unsafe { save_position(&*buf) };
    0
}

/// `setstate_r`: saves the position of `buf`'s current state and makes
/// `arg_state` (a state `initstate_r` set up) its state, resuming where the
/// type word says. Returns 0, or -1 with `EINVAL` (null argument, a type
/// word naming no type).
///
/// # Safety
/// `buf` a generator with a live state; `arg_state` null or a state array
/// `initstate_r` set up, live as long as the generator is used.
#[export]
pub unsafe extern "C" fn setstate_r(arg_state: *mut c_char, buf: *mut RandomData) -> c_int {
    if arg_state.is_null() || buf.is_null() {
        errno::set(libc::EINVAL);
        return -1;
    }
    // SAFETY: the caller's generator.
    let data = unsafe { &mut *buf };
    // SAFETY: its state is live.
    unsafe { save_position(data) };
    // SAFETY: a state array set up by initstate_r: its type word first.
    let new_state = unsafe { arg_state.cast::<i32>().add(1) };
    // SAFETY: as above.
    let word = unsafe { *new_state.sub(1) };
    let kind = word % MAX_TYPES;
    if !(0..MAX_TYPES).contains(&kind) {
        errno::set(libc::EINVAL);
        return -1;
    }
    let degree = DEGREES[kind as usize];
    let separation = SEPARATIONS[kind as usize];
    data.rand_deg = degree;
    data.rand_sep = separation;
    data.rand_type = kind;
    if kind != 0 {
        let rear = word / MAX_TYPES;
        // SAFETY: positions inside the state array (as glibc trusts them).
        unsafe {
            data.rptr = new_state.offset(rear as isize);
            data.fptr = new_state.offset(((rear + separation) % degree) as isize);
        }
    }
    data.state = new_state;
    // SAFETY: one past the last word.
    data.end_ptr = unsafe { new_state.add(degree as usize) };
    0
}
