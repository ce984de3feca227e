//! `<printf.h>`: glibc's printf extension interface. `parse` is glibc's
//! format parser (`parse_printf_format`, and the conversions
//! `stdio/gnu_format.rs` rewrites); `register` refuses new conversions,
//! which musl's printf cannot take.

pub mod parse;
pub mod register;
